"""The pipeline, one call per stage: read dumps, merge, tag, relate, render, write."""

from __future__ import annotations

import functools
import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Mapping, Sequence

import yaml
from jinja2 import Environment

from paperfold.papers.curate import apply_curation, orphaned_dumps, topic_edits
from paperfold.papers.curation_files import Curation, load_curation
from paperfold.ingest.detect import read_dump
from paperfold.ingest.readers import KINDS
from paperfold.model import Paper, Problem, RawRecord
from paperfold.papers.merge import merge_records
from paperfold.site.redirects import redirect_pages
from paperfold.enrich.related import TfIdf, relate, text_tfidf
from paperfold.site.render import (PaperDraft, SiteLookups, draft_paper, escaped_titles, finish_paper,
                     render_map_page, render_site)
from paperfold.site.templating import make_env
from paperfold.site.urls import paper_path
from paperfold.report import BuildReport, DumpSummary
from paperfold.shards import MIN_SHARD, available_cpus, map_chunks, map_shards
from paperfold.ingest.sources import load_dumps
from paperfold.enrich.topic_rules import Rules
from paperfold.enrich.topics import assign_topics, automatic_tags
from paperfold.enrich.vocabulary import Vocabulary, load_vocabulary
from paperfold.site.write import write_changed, write_pages


@dataclass(frozen=True)
class Settings:
    """What a build needs to know; mkdocs.yml's `extra.paperfold` and the CLI fill it."""

    seeds_dir: Path
    docs_dir: Path
    site_name: str = "Paperfold"
    site_url: str | None = None
    curation_dir: Path | None = None  # human-edited fixes; None: no curation
    repo_url: str | None = None  # for edit and "report a problem" links
    topics_file: Path | None = None  # the vocabulary (topics.yml); None: no topics
    related_backend: str = "tfidf"  # "tfidf" or "embeddings" (the optional extra)
    related_k: int = 8  # related papers per page; 0: none
    related_cache_dir: Path | None = None  # embeddings cache, by content hash; None: no cache
    workers: int = field(default_factory=available_cpus)  # processes for per-paper work (shards.py)


DRAFTS_PER_CLAIM = 100  # paper pages drafted per claim on the shared list: some tens of milliseconds
TAGS_PER_CLAIM = 200  # papers matched against the topic rules per claim: some tens of milliseconds
# Reading a dump takes a few milliseconds: a process of its own pays off from about this
# many dumps (a forked process costs some tens of milliseconds, its records' trip back more).
DUMPS_PER_PROCESS = 50

Beside = Callable[[Sequence[Paper]], object]  # work on the curated papers that needs no tags


def read_seeds(
    seeds_dir: Path, pinned: dict | None = None, workers: int = 1,
) -> tuple[list[RawRecord], list[DumpSummary], list[Problem], list[Problem]]:
    """Every record of every dump, shards of the dumps read side by side in `workers`
    processes; the records in file order whatever the number of processes."""
    dumps, problems = load_dumps(seeds_dir, pinned=pinned)
    shards = map_shards(lambda part: [read_dump(dump) for dump in part], dumps, workers, DUMPS_PER_PROCESS)
    records, skipped, summaries = [], [], []
    for dump, (result, kinds) in zip(dumps, (read for shard in shards for read in shard)):
        records += result.records
        problems += result.problems
        skipped += result.skipped
        summaries.append(DumpSummary(
            dump.path, tuple(dict.fromkeys(kinds)), dump.capture_date.isoformat(),
            dump.capture_date_source, len(result.records), len(result.problems),
        ))
    return records, summaries, problems, skipped


def load_papers(seeds_dir: Path) -> tuple[Paper, ...]:
    """The merged papers of a seeds folder, without rendering (for export and evaluation)."""
    return collect(seeds_dir).papers


def collect(seeds_dir: Path, curation_dir: Path | None = None) -> BuildReport:
    """Read, merge and curate: the papers as the sources and curation files say."""
    return collect_curated(seeds_dir, load_curation(curation_dir))


def collect_curated(seeds_dir: Path, curation: Curation, workers: int = 1) -> BuildReport:
    # Curation comes first: it pins capture dates used while reading.
    records, dumps, problems, skipped = read_seeds(seeds_dir, curation.capture_dates, workers)
    problems += [*curation.problems, *orphaned_dumps(curation, (d.path for d in dumps))]
    curated = apply_curation(merge_records(records), curation)
    return BuildReport(tuple(dumps), curated.papers, tuple(problems) + curated.problems, tuple(skipped), curated.hidden)


def papers_for(settings: Settings, curation: Curation | None = None) -> tuple[BuildReport, Vocabulary | None]:
    """Every stage before rendering: read, merge, curate, tag, relate. `paperfold export`
    calls it, and `generate` runs the same stages, so the site and the export hold the same papers."""
    curation = curation or load_curation(settings.curation_dir)
    report, vocabulary, _ = tagged_papers(settings, curation)
    return relate_papers(report, vocabulary, settings), vocabulary


def tagged_papers(settings: Settings, curation: Curation, beside: Beside | None = None,
                  ) -> tuple[BuildReport, Vocabulary | None, object]:
    """Read, merge, curate and tag: every stage before the related papers (`beside`: see tag_topics)."""
    report = collect_curated(settings.seeds_dir, curation, settings.workers)
    return tag_topics(report, settings.topics_file, curation, settings.workers, beside)


@contextmanager
def collector_paused():
    """Python's cycle collector off for the duration. A build makes hundreds of thousands
    of long-lived objects that hold no cycles, which reference counting frees; the
    collector kept rescanning them all, about a tenth of generation at 10k papers."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Everything made meanwhile would count as young: the first allocation after
            # gc.enable() would scan it all (0.1 s at 10k papers). Freezing and unfreezing
            # moves it to the oldest generation unscanned, where full collections still see
            # it; not if the host froze objects itself, which unfreezing would undo.
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def generate(settings: Settings, curation: Curation | None = None) -> BuildReport:
    """Build every page into settings.docs_dir, rewriting only what changed.

    Work that does not wait for a stage runs beside it. The TF-IDF rows and the BibTeX
    entries need no tags, so this process makes them while the others match topic rules
    (from 1,000 papers on; fewer are matched here, in turn). Only a paper page's front
    matter shows related papers, so while this process finds them a second one renders
    the other pages and the rest draft paper pages (all but the related papers). Each
    process, once done, takes its share of the matching or drafting. Not the other way round: OpenMP (k-means) can hang in a forked child once
    its parent has used it, as in a second build in one process. Every page is rendered
    before any is written, so that a failure writes nothing."""
    with collector_paused():
        curation = curation or load_curation(settings.curation_dir)
        tagged, vocabulary, (tfidf, lookups) = tagged_papers(settings, curation, beside=functools.partial(
            untagged_work, site_url=settings.site_url, repo_url=settings.repo_url))
        (pages, (report, map_page)), drafts = map_chunks(
            functools.partial(draft_papers, tagged.papers, functools.cache(make_env), lookups),
            len(tagged.papers), DRAFTS_PER_CLAIM, settings.workers,
            firsts=[lambda: other_pages(tagged, vocabulary, lookups, settings.site_name),
                    lambda: related_and_map(tagged, vocabulary, settings, tfidf)],
        )
        pages.update(map_page)
        titles = escaped_titles(report.papers)
        paper_paths = write_paper_pages(settings.docs_dir, report.papers, drafts, titles, settings.workers)
        write_pages(settings.docs_dir, pages, written_apart=paper_paths)
    return report


def other_pages(report: BuildReport, vocabulary: Vocabulary | None, lookups: SiteLookups,
                site_name: str) -> dict[str, str]:
    """Every page but the papers' own and the map: home, sources, topics, timeline, feeds, redirects."""
    pages = render_site(
        report.papers, report.dumps, report.problems,
        report.skipped + tuple(h.as_problem() for h in report.hidden), site_name, lookups, vocabulary,
    )
    pages.update(redirect_pages(report.papers))
    return pages


def untagged_work(papers: Sequence[Paper], site_url: str | None, repo_url: str | None) -> tuple[TfIdf, SiteLookups]:
    """What the later stages need that tags do not change: the TF-IDF rows of the papers'
    text, and their BibTeX entries."""
    return text_tfidf(papers), SiteLookups.of(papers, site_url, repo_url, KINDS)


def draft_papers(papers: Sequence[Paper], env: Callable[[], Environment], lookups: SiteLookups,
                 chunk: range) -> list[PaperDraft]:
    """Drafts of the chunk's papers. `env` is made on first call, in each process that
    drafts: a process that claims no chunk needs none."""
    return [draft_paper(env(), papers[i], lookups) for i in chunk]


def write_paper_pages(docs_dir: Path, papers: Sequence[Paper], drafts: Sequence[PaperDraft],
                      titles: Mapping[str, str], workers: int) -> list[str]:
    """Finish the drafts with each paper's related papers and write them, shards side by
    side in `workers` processes; their paths under docs_dir."""
    def shard(part: Sequence[int]) -> list[str]:
        pages = {paper_path(papers[i].id): finish_paper(drafts[i], papers[i], titles) for i in part}
        write_changed(docs_dir, pages)
        return list(pages)

    return [path for paths in map_shards(shard, range(len(papers)), workers) for path in paths]


def tag_topics(
    report: BuildReport, topics_file: Path | None, curation: Curation, workers: int = 1,
    beside: Beside | None = None,
) -> tuple[BuildReport, Vocabulary | None, object]:
    """The topics stage: tags from the vocabulary's rules, matched in `workers` processes,
    then curation's topic edits over them. `beside(papers)` runs in this process meanwhile
    and its result comes third (None without it)."""
    own_work = beside and functools.partial(beside, report.papers)
    if topics_file is None:
        return report, None, own_work() if own_work else None
    vocabulary, problems = load_vocabulary(topics_file, os.path.relpath(topics_file))
    rules, papers = Rules.of(vocabulary), report.papers
    (_, beside_result), tags = map_chunks(
        lambda chunk: automatic_tags(papers[chunk.start:chunk.stop], rules), len(papers), TAGS_PER_CLAIM,
        workers, firsts=[None, own_work], min_shard=MIN_SHARD,
    )
    tagged, override_problems = assign_topics(papers, vocabulary, overrides=topic_edits(papers, curation), tags=tags)
    report = replace(report, papers=tagged, problems=report.problems + problems + override_problems)
    return report, vocabulary, beside_result


def relate_papers(report: BuildReport, vocabulary: Vocabulary | None, settings: Settings,
                  tfidf: TfIdf | None = None) -> BuildReport:
    """The related stage, after topics and curation: lists see the final tags, and hidden
    papers (not in report.papers) are never candidates. `tfidf`: related.text_tfidf of
    report.papers, if already computed."""
    topic_titles = {t.id: t.title for t in vocabulary.topics} if vocabulary else None
    papers = relate(report.papers, k=settings.related_k, backend=settings.related_backend,
                    cache_dir=settings.related_cache_dir, topic_titles=topic_titles, workers=settings.workers,
                    tfidf=tfidf)
    return replace(report, papers=papers)


def related_and_map(report: BuildReport, vocabulary: Vocabulary | None, settings: Settings, tfidf: TfIdf,
                    ) -> tuple[BuildReport, dict[str, str]]:
    """The related stage and the Map page, which places the papers by the same TF-IDF rows
    (related.text_tfidf of report.papers)."""
    return relate_papers(report, vocabulary, settings, tfidf), render_map_page(report.papers, vocabulary, tfidf[0])


def settings_from_options(root: Path, options: dict, docs_dir: Path, **fields) -> Settings:
    """Settings from mkdocs.yml's `extra.paperfold` (`options`), the one place that reads
    them, whether MkDocs loaded the file (settings_from_mkdocs) or not (settings_from_file);
    paths are relative to `root`,
    the folder of mkdocs.yml. `related: {backend: tfidf, k: 8}` chooses the related papers;
    `workers` how many processes share per-paper work (default: one per available core)."""
    related = options.get("related") or {}
    return Settings(
        seeds_dir=(root / options.get("seeds", "seeds")).resolve(),
        curation_dir=(root / options.get("curation", "curation")).resolve(),
        topics_file=(root / options.get("topics", "topics.yml")).resolve(),
        related_backend=str(related.get("backend", "tfidf")),
        related_k=int(related.get("k", 8)),
        related_cache_dir=(root / ".paperfold-cache" / "related").resolve(),
        docs_dir=docs_dir,
        workers=int(options.get("workers") or available_cpus()),
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


def settings_from_mkdocs(config) -> Settings:
    """Settings from a loaded MkDocs config: `extra.paperfold.seeds` is relative to mkdocs.yml."""
    root = Path(config.config_file_path).resolve().parent
    options = (config.extra or {}).get("paperfold", {})
    return settings_from_options(
        root, options, Path(config.docs_dir),
        repo_url=config.repo_url or None,
        site_name=config.site_name,
        site_url=config.site_url or None,
    )
