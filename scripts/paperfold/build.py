"""The pipeline, one call per stage: read, merge, curate, tag, relate, render, write.

Each stage reuses what it made in an earlier build of this process when its inputs
are the same (memo.py): a dump's text gives its records, a paper's title and abstract
with the vocabulary give its automatic tags, a paper and the titles it links to give
its page. `paperfold serve` rebuilds in one process, so a rebuild after an edit
recomputes what the edit touched; the related lists are updated the same way
(related_update.py, which says what is exact between full computations).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from paperfold.enrich import related_update
from paperfold.enrich.related import TfIdf
from paperfold.enrich.topics import assign_topics, automatic_tags
from paperfold.enrich.topic_rules import Rules
from paperfold.enrich.vocabulary import Vocabulary, load_vocabulary
from paperfold.ingest.two_processes import read_dumps
from paperfold.ingest.links import ARXIV_ID
from paperfold.ingest.readers import KINDS
from paperfold.ingest.sources import load_dumps
from paperfold.memo import Memo
from paperfold.model import Dump, Paper, Problem, RawRecord
from paperfold.papers.curate import apply_curation, orphaned_dumps, topic_edits
from paperfold.papers.curation_files import Curation, load_curation
from paperfold.papers.merge import build_paper, merge_records
from paperfold.report import BuildReport, DumpSummary, unaccounted
from paperfold.site.cite import cite_key, entry_text, unique_keys
from paperfold.site.redirects import redirect_pages
from paperfold.site.render import SiteLookups, arxiv_pages, escaped_titles, render_map_page, render_paper, render_site
from paperfold.site.templating import make_env
from paperfold.site.urls import paper_path
from paperfold.site.write import write_pages


@dataclass(frozen=True)
class Settings:
    """What a build needs to know; mkdocs.yml's `extra.paperfold` and the CLI fill it."""

    seeds_dir: Path
    docs_dir: Path  # where the generated pages are written
    site_name: str = "Paperfold"
    site_url: str | None = None
    curation_dir: Path | None = None  # human-edited fixes; None: no curation
    repo_url: str | None = None  # for edit and "report a problem" links
    topics_file: Path | None = None  # the vocabulary (topics.yml); None: no topics
    related_backend: str = "tfidf"  # "tfidf" or "embeddings" (the optional extra)
    related_k: int = 8  # related papers per page; 0: none
    related_cache_dir: Path | None = None  # embeddings cache, by content hash; None: no cache
    incremental_related: bool = False  # serve: update related lists (related_update.py)


# What earlier builds in this process made, by the content it was made from (memo.py).
READS: Memo = Memo()  # by path: the Dump (text, capture date) -> (ReadResult, reader names)
MERGES: Memo = Memo()  # every Dump, in order -> merged papers
GROUPS: Memo = Memo()  # by first record's origin: the group's records -> its Paper
TAGS: Memo = Memo()  # (vocabulary digest, title, abstract) -> automatic tags
PAGES: Memo = Memo()  # by paper id: (paper, its BibTeX entry, titles it links to, ...) -> its page
CITES: Memo = Memo()  # by paper id: (paper, site URL, unique key) -> its BibTeX entry
KEYS: Memo = Memo()  # by paper id: the paper -> its BibTeX key before keys are made unique
VOCABULARIES: Memo = Memo()  # by path: the file's bytes -> (Vocabulary, problems)
RULES: Memo = Memo()  # the vocabulary -> its topic rules
TAGGED: Memo = Memo()  # by paper id: (paper, its automatic tags) -> the paper with them
LISTINGS: Memo = Memo()  # by path: (templates, what the page shows) -> a topic page, feed, the Timeline, the Map


def generate(settings: Settings, curation: Curation | None = None) -> BuildReport:
    """Build every page into settings.docs_dir, rewriting only files whose text changed."""
    return generate_written(settings, curation)[0]


def generate_written(settings: Settings, curation: Curation | None = None) -> tuple[BuildReport, list[str]]:
    """generate(), and the paths under docs/ it wrote or removed (`serve` has MkDocs render
    those again, and leaves the others' HTML in place). Every page is rendered before any
    is written, so that a failure writes nothing."""
    curation = curation or load_curation(settings.curation_dir)
    dumps, problems = load_dumps(settings.seeds_dir, pinned=curation.capture_dates)
    read = read_seeds(dumps, problems)
    merged = merge(dumps, read[0])
    report = curate(merged, read, curation)
    report, vocabulary = tag_topics(report, settings.topics_file, curation)
    report, tfidf = relate_papers(report, vocabulary, settings)
    pages = render_pages(report, vocabulary, tfidf, settings)
    written, removed = write_pages(settings.docs_dir, pages)
    for memo in (READS, MERGES, GROUPS, TAGS, TAGGED, PAGES, CITES, KEYS, VOCABULARIES, RULES, LISTINGS,
                 related_update.WITH_RELATED):
        memo.sweep()
    return report, written + removed


Read = tuple[list[RawRecord], list[DumpSummary], list[Problem], list[Problem]]


def read_seeds(dumps: list[Dump], problems: list[Problem]) -> Read:
    """Every record of every dump in file order, a summary of each dump, the problems
    (`problems`: those of loading the files first) and what was skipped."""
    records, skipped, summaries, problems = [], [], [], list(problems)
    unread = [dump for dump in dumps if not READS.holds((dump.path, dump.first_line), dump)]
    fresh = dict(zip(unread, read_dumps(unread)))  # a large corpus in two processes
    for dump in dumps:
        result, kinds = READS.get((dump.path, dump.first_line), lambda: fresh[dump], key=dump)
        records += result.records
        problems += result.problems
        skipped += result.skipped
        summaries.append(DumpSummary(
            dump.path, tuple(dict.fromkeys(kinds)), dump.capture_date.isoformat(),
            dump.capture_date_source, len(result.records), len(result.problems),
        ))
    return records, summaries, problems, skipped


def merge(dumps: list[Dump], records: list[RawRecord]) -> tuple[Paper, ...]:
    """The merged papers: the same dumps (text, path and capture date) give the same papers."""
    return MERGES.get("all", lambda: merge_records(records, build=built_paper), key=tuple(dumps))


def built_paper(group: list[RawRecord]) -> Paper:
    """merge.build_paper, reused for a group of the same records (most groups, when a dump is added)."""
    return GROUPS.get(group[0].origin, lambda: build_paper(group), key=tuple(group))


def curate(merged: tuple[Paper, ...], read: Read, curation: Curation) -> BuildReport:
    """Curation files over the merged papers; the report of everything read so far."""
    _, summaries, problems, skipped = read
    problems = [*problems, *curation.problems, *orphaned_dumps(curation, (d.path for d in summaries))]
    curated = apply_curation(merged, curation)
    report = BuildReport(tuple(summaries), curated.papers, tuple(problems) + curated.problems, tuple(skipped),
                         curated.hidden)
    return replace(report, problems=report.problems + tuple(unaccounted(read[0], report)))


def collect(seeds_dir: Path, curation_dir: Path | None = None) -> BuildReport:
    """Read, merge and curate: the papers as the sources and curation files say."""
    return collect_with(seeds_dir, load_curation(curation_dir))


def load_papers(seeds_dir: Path) -> tuple[Paper, ...]:
    """The merged papers of a seeds folder, without rendering (for export and evaluation)."""
    return collect(seeds_dir).papers


def papers_for(settings: Settings, curation: Curation | None = None) -> tuple[BuildReport, Vocabulary | None]:
    """Every stage before rendering: read, merge, curate, tag, relate. `paperfold export`
    calls it, and `generate` runs the same stages, so the site and the export hold the same papers."""
    curation = curation or load_curation(settings.curation_dir)
    report, vocabulary = tag_topics(collect_with(settings.seeds_dir, curation), settings.topics_file, curation)
    return relate_papers(report, vocabulary, settings)[0], vocabulary


def collect_with(seeds_dir: Path, curation: Curation) -> BuildReport:
    """collect() with curation files already loaded."""
    dumps, problems = load_dumps(seeds_dir, pinned=curation.capture_dates)
    read = read_seeds(dumps, problems)
    return curate(merge(dumps, read[0]), read, curation)


def tag_topics(report: BuildReport, topics_file: Path | None, curation: Curation,
               ) -> tuple[BuildReport, Vocabulary | None]:
    """The topics stage: tags from the vocabulary's rules, then curation's topic edits over them."""
    if topics_file is None:
        return report, None
    vocabulary, problems = vocabulary_of(topics_file)
    digest = hashlib.sha256(repr(vocabulary).encode()).hexdigest()
    rules, papers = RULES.get(digest, lambda: Rules.of(vocabulary)), report.papers
    tags = [TAGS.get((digest, p.title, p.abstract), lambda p=p: automatic_tags([p], rules)[0]) for p in papers]
    # The same tagged Paper as in the last build, when its tags are the same (assign_topics keeps it).
    papers = tuple(TAGGED.get(p.id, lambda p=p, t=t: replace(p, tags=t), key=(p, t)) for p, t in zip(papers, tags))
    tagged, override_problems = assign_topics(papers, vocabulary, overrides=topic_edits(papers, curation), tags=tags)
    return replace(report, papers=tagged, problems=report.problems + problems + override_problems), vocabulary


def vocabulary_of(topics_file: Path) -> tuple[Vocabulary, tuple[Problem, ...]]:
    """load_vocabulary, reused while the file's bytes are the same (the hook's on_config
    asks too, before every build: parsing topics.yml is a third of a second at 10,000 papers)."""
    shown = os.path.relpath(topics_file)
    return VOCABULARIES.get(topics_file, lambda: load_vocabulary(topics_file, shown), key=(shown, _bytes(topics_file)))


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:  # load_vocabulary reports it
        return None


def relate_papers(report: BuildReport, vocabulary: Vocabulary | None, settings: Settings,
                  ) -> tuple[BuildReport, TfIdf]:
    """The related stage, after topics and curation: lists see the final tags, and hidden
    papers (not in report.papers) are never candidates. Also the TF-IDF rows they come
    from, which the Map places the papers by."""
    topic_titles = {t.id: t.title for t in vocabulary.topics} if vocabulary else None
    papers, tfidf = related_update.relate(
        report.papers, k=settings.related_k, backend=settings.related_backend, cache_dir=settings.related_cache_dir,
        topic_titles=topic_titles, incremental=settings.incremental_related,
    )
    return replace(report, papers=papers), tfidf


def render_pages(report: BuildReport, vocabulary: Vocabulary | None, tfidf: TfIdf,
                 settings: Settings) -> dict[str, str]:
    """Every page by its path under docs/: one per paper, then home, sources, topics,
    timeline, map, feeds and redirects."""
    env, templates = current_env()
    labels = {name: kind.label for name, kind in KINDS.items()}
    in_site = arxiv_pages(report.papers)
    lookups = SiteLookups(settings.site_url, settings.repo_url, citations(report.papers, settings.site_url), labels,
                          in_site)
    titles = escaped_titles(report.papers)
    pages = {}
    for paper in report.papers:
        # A page shows the paper, its BibTeX entry, the titles of its related papers and
        # the pages of papers its abstract names by arXiv id.
        linked = tuple(titles.get(r.id) for r in paper.related)
        mentioned = tuple((m["id"], in_site.get(m["id"])) for m in ARXIV_ID.finditer(paper.abstract or ""))
        key = (paper, lookups.citations[paper.id], linked, mentioned, settings.repo_url, templates)
        pages[paper_path(paper.id)] = PAGES.get(paper.id, lambda paper=paper: render_paper(env, paper, lookups, titles),
                                             key=key)

    def reuse(path, compute, key):
        """The pages that list many papers, made again only when what they show changed."""
        return LISTINGS.get(path, compute, key=(templates, key))

    pages.update(render_site(
        report.papers, report.dumps, report.problems,
        report.skipped + tuple(h.as_problem() for h in report.hidden), settings.site_name, lookups, vocabulary,
        reuse,
    ))
    pages.update(redirect_pages(report.papers))
    pages.update(render_map_page(report.papers, vocabulary, tfidf[0], reuse))
    return pages


def citations(papers: tuple[Paper, ...], site_url: str | None) -> dict[str, str]:
    """cite.entry_texts: every paper's BibTeX entry, keys unique across the site."""
    keys = unique_keys([KEYS.get(p.id, lambda p=p: cite_key(p), key=p) for p in papers])
    return {p.id: CITES.get(p.id, lambda p=p, k=k: entry_text(p, site_url, k), key=(p, site_url, k))
            for p, k in zip(papers, keys)}


_TEMPLATES: dict[int, str] = {}  # id of the environment -> digest of the templates it compiled


def current_env():
    """templating.make_env's environment (one per process) and its templates' digest. Its
    compiled templates are dropped when a template changed since the last build, so that
    an edited template reaches the pages under `serve`."""
    env = make_env()
    digest = template_digest(env)
    if _TEMPLATES.get(id(env)) != digest:
        if env.cache is not None:
            env.cache.clear()
        _TEMPLATES[id(env)] = digest
    return env, digest


def template_digest(env) -> str:
    """A digest of every template's text: an edited template renders every page anew."""
    digest = hashlib.sha256()
    for name in sorted(env.list_templates()):
        digest.update(name.encode() + b"\0" + env.loader.get_source(env, name)[0].encode() + b"\0")
    return digest.hexdigest()


def settings_from_options(root: Path, options: dict, docs_dir: Path, **fields) -> Settings:
    """Settings from mkdocs.yml's `extra.paperfold` (`options`), the one place that reads
    them, whether MkDocs loaded the file (settings_from_mkdocs) or not (settings_from_file);
    paths are relative to `root`, the folder of mkdocs.yml. `related: {backend: tfidf, k: 8}`
    chooses the related papers."""
    related = options.get("related") or {}
    return Settings(
        seeds_dir=(root / options.get("seeds", "seeds")).resolve(),
        curation_dir=(root / options.get("curation", "curation")).resolve(),
        topics_file=(root / options.get("topics", "topics.yml")).resolve(),
        related_backend=str(related.get("backend", "tfidf")),
        related_k=int(related.get("k", 8)),
        related_cache_dir=(root / ".paperfold-cache" / "related").resolve(),
        docs_dir=docs_dir,
        **fields,
    )


def settings_from_file(config_file: Path, seeds_dir: Path | None = None) -> Settings:
    """Settings from mkdocs.yml read as plain YAML, for the commands that run no MkDocs build
    (check, export): only `extra.paperfold` matters, and MkDocs' own tags (`!ENV`,
    `!!python/name`) read as nothing. An unreadable file gives the defaults. `seeds_dir`
    overrides `extra.paperfold.seeds` (the command line's --seeds)."""
    root = config_file.resolve().parent
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_IgnoreTags)
        options = (config.get("extra") or {}).get("paperfold") or {}
    except (OSError, yaml.YAMLError, AttributeError):
        options = {}
    if seeds_dir is not None:
        options = {**options, "seeds": str(seeds_dir.resolve())}
    return settings_from_options(root, options, root / "docs")


class _IgnoreTags(yaml.SafeLoader):
    """Reads any tag as None: mkdocs.yml may hold tags only MkDocs knows."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def settings_from_mkdocs(config, **fields) -> Settings:
    """Settings from a loaded MkDocs config: `extra.paperfold.seeds` is relative to mkdocs.yml."""
    root = Path(config.config_file_path).resolve().parent
    options = (config.extra or {}).get("paperfold", {})
    return settings_from_options(
        root, options, Path(config.docs_dir),
        repo_url=config.repo_url or None,
        site_name=config.site_name,
        site_url=config.site_url or None,
        **fields,
    )
