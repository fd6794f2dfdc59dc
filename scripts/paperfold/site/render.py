"""Render the site's Markdown pages from plain data: Site -> {relative path: text}.

Pages are Jinja2 templates (templating.make_env); front matter is written by
PyYAML's safe dumper (libyaml's, no anchors); dump text goes through
the one escaping filter in escape.py. Nothing here reads or writes
files, so a renderer other than MkDocs only needs other templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

import yaml
from jinja2 import Environment

from paperfold.site.browse import render_map, render_timeline
from paperfold.site.cite import entry_texts
from paperfold.site.editlinks import page_links
from paperfold.site.escape import attr, safe_url
from paperfold.site.notes import note_html
from paperfold.site.templating import anew, make_env
from paperfold.site import urls
from paperfold.site.urls import paper_url_from_paper
from paperfold.ingest.links import is_code_link
from paperfold.model import Paper, Problem, ReaderKind
from paperfold.report import DumpSummary
from paperfold.site.topic_pages import render_topics
from paperfold.enrich.vocabulary import Vocabulary

NEWEST_ON_HOME = 25
DESCRIPTION_CHARS = 200


class SafeDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """yaml.safe_dump's dumper (libyaml's when PyYAML has it: the same output, about ten
    times faster) that never writes anchors: a value that appears twice is written
    twice, not as &id001 and *id001, which no front matter reader expects."""

    def ignore_aliases(self, data) -> bool:
        return True


def yaml_fields(data: dict) -> str:
    """A mapping as YAML block lines: the inside of a front matter."""
    return yaml.dump(data, Dumper=SafeDumper, allow_unicode=True, sort_keys=False)


def front_matter(data: dict) -> str:
    return "---\n" + yaml_fields(data) + "---\n\n"


def paper_links(paper: Paper) -> list[dict]:
    links = []
    if paper.arxiv_id:
        links.append(("arXiv", f"https://arxiv.org/abs/{paper.arxiv_id}"))
    if paper.doi:
        links.append(("DOI", f"https://doi.org/{paper.doi}"))
    links += [("Code" if is_code_link(url) else "Link", url) for url in paper.links]
    unique = dict((url, label) for label, url in reversed(links))
    return [
        {"label": label, "href": href, "shown": url}
        for url, label in reversed(unique.items())
        if (href := safe_url(url))
    ]


def related_entries(paper: Paper, titles: Mapping[str, str]) -> list[list[str]]:
    """The paper's related papers as the theme shows them (overrides/partials/related*.html),
    best first: [url, title, reason] triples, the url a link from this page
    (urls.paper_url_from_paper: the theme writes it as it is; MkDocs' `url` filter on 16
    links a page cost about a tenth of the template's time), title and reason HTML-escaped. `titles` (id ->
    escaped label of every paper on the site) is built once per site, so a page never
    scans the corpus; a related id without a page is left out. Triples, not mappings:
    the YAML dumper's time goes by the node, and 8 mappings were most of a page's front matter."""
    return [[paper_url_from_paper(r.id), titles[r.id], attr(r.reason)] for r in paper.related if r.id in titles]


def paper_meta(paper: Paper, edit_url: str | None) -> dict:
    """Front matter but the related papers (related_entries): what themes and plugins read.
    Titles are HTML-escaped because themes print `page.meta.title` and `description`
    without escaping."""
    summary = (paper.abstract or "")[:DESCRIPTION_CHARS]
    meta = {"title": attr(paper.label), "description": attr(summary), "paper_id": paper.id}
    if paper.tags:
        meta["tags"] = list(paper.tags)
    if paper.aliases:
        meta["aliases"] = list(paper.aliases)
    if edit_url:
        meta["edit_url"] = edit_url  # the hook hands it to the theme
    return meta


def render_paper(env: Environment, paper: Paper, lookups: "SiteLookups", titles: Mapping[str, str]) -> str:
    """A paper's page: front matter (with its related papers, which the theme shows;
    `titles`: see related_entries), then the body."""
    contribute = page_links(lookups.repo_url, paper)  # edit and report-a-problem URLs
    entry = lookups.citations[paper.id].strip()
    sources = [
        {"path": r.origin.path, "line": r.origin.line, "date_text": r.date_text,
         "kind_label": lookups.kind_labels.get(r.kind, r.kind)}
        for r in paper.sources
    ]
    body = env.get_template("paper.md.j2").render(
        paper=paper, links=paper_links(paper), sources=sources, bibtex=entry,
        contribute=contribute, note=note_html(paper.note) if paper.note else None,
        arxiv_href=lookups.arxiv_href(paper.id),
    )
    meta = paper_meta(paper, contribute.get("edit_url"))
    if related := related_entries(paper, titles):
        meta["related"] = related
    return front_matter(meta) + body


def newest(papers: Sequence[Paper], count: int) -> list[Paper]:
    return sorted(papers, key=lambda p: (p.date or "", p.id), reverse=True)[:count]


def arxiv_pages(papers: Sequence[Paper]) -> dict[str, str]:
    """arXiv id -> the id of the paper page that shows it (the first id in order, if several)."""
    return {p.arxiv_id: p.id for p in sorted(papers, key=lambda p: p.id, reverse=True) if p.arxiv_id}


@dataclass(frozen=True)
class SiteLookups:
    """What paper pages and the other pages need from the whole site, computed once per
    build: every paper's BibTeX entry (keys unique across the site), what to call each
    kind of source (the readers' KINDS, which the site may not import), and which arXiv
    ids have a page (abstracts link them)."""

    site_url: str | None
    repo_url: str | None
    citations: Mapping[str, str]
    kind_labels: Mapping[str, str]  # RawRecord.kind -> "BibTeX file"
    arxiv_pages: Mapping[str, str] = field(default_factory=dict)  # arXiv id -> paper id

    @classmethod
    def of(cls, papers: Sequence[Paper], site_url: str | None, repo_url: str | None,
           kinds: Mapping[str, ReaderKind]) -> "SiteLookups":
        labels = {name: kind.label for name, kind in kinds.items()}
        return cls(site_url, repo_url, entry_texts(papers, site_url), labels, arxiv_pages(papers))

    def arxiv_href(self, page_id: str) -> Callable[[str], str | None]:
        """arXiv id -> link from paper `page_id`'s page to that paper's page, None if none."""
        pages = self.arxiv_pages
        return lambda arxiv_id: (urls.relative(urls.paper_path(pages[arxiv_id]), urls.paper_path(page_id))
                                 if arxiv_id in pages else None)


def escaped_titles(papers: Sequence[Paper]) -> dict[str, str]:
    """id -> HTML-escaped label of every paper, for the related lists of render_paper."""
    return {p.id: attr(p.label) for p in papers}


def render_site(
    papers: Sequence[Paper],
    dumps: Sequence[DumpSummary],
    problems: Sequence[Problem],
    skipped: Sequence[Problem],
    site_name: str,
    lookups: SiteLookups,
    vocabulary: Vocabulary | None = None,
    reuse=anew,
) -> dict[str, str]:
    """Every generated page but the papers' own (render_paper), keyed by its path under
    docs/: home, sources, topics, timeline, feeds and .bib files (the map: render_map_page).
    `reuse` (templating.anew) gets a page that lists many papers made of the same data."""
    env = make_env()
    vocabulary = vocabulary or Vocabulary("topics.yml")
    pages = {"index.md": front_matter({"title": attr(site_name)}) + env.get_template("index.md.j2").render(
        site_name=site_name, paper_count=len(papers), dump_count=len(dumps), topic_count=len(vocabulary.topics),
        problem_count=len(problems), newest=newest(papers, NEWEST_ON_HOME),
    )}
    pages["sources.md"] = env.get_template("sources.md.j2").render(
        dumps=dumps, problems=problems, skipped=skipped
    )
    capture_date = max((d.capture_date for d in dumps), default="1970-01-01")
    pages.update(render_topics(env, papers, vocabulary, site_name, lookups.site_url, capture_date, front_matter,
                               lookups.citations, reuse))
    pages.update(render_timeline(env, papers, front_matter, reuse))
    return pages


def render_map_page(papers: Sequence[Paper], vocabulary: Vocabulary | None, tfidf_rows, reuse=anew) -> dict[str, str]:
    """map.md, apart from render_site: it places the papers by their TF-IDF rows
    (the related stage's)."""
    topics = vocabulary.topics if vocabulary else ()
    return render_map(make_env(), papers, {t.id: t.title for t in topics}, front_matter, tfidf_rows, reuse)
