"""Topic pages, the Topics overview (with a build-time SVG chart), the Unsorted page,
and the feeds and .bib files that go with them: plain data in, {path: text} out.

A topic page lists at most TOPIC_PAGE_LIMIT papers, newest first. At 10,000
papers a big topic would otherwise be a page of megabytes (FACTS.md); the
whole list is always in the topic's .bib (and `paperfold export`), and the
newest ones are in its Atom feed. Papers are grouped by topic in one pass
(topics.papers_by_topic), so no page rescans the corpus.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from jinja2 import Environment

from paperfold.site.browse import Listed
from paperfold.site.cite import entry_texts
from paperfold.site.escape import attr
from paperfold.site.feeds import feed_files
from paperfold.site.templating import anew
from paperfold.site.urls import topic_path, topic_url
from paperfold.model import Paper
from paperfold.enrich.topics import papers_by_topic
from paperfold.enrich.vocabulary import UNSORTED, Topic, Vocabulary

TOPIC_PAGE_LIMIT = 200
SUMMARY_CHARS = 160
AUTHORS_SHOWN = 3
# Chart geometry, in SVG user units.
# The chart is drawn narrow, each label above its bar, so that it needs no scaling down on a
# phone (a 390 px screen leaves ~350 px): text at 14 units stays ~14 px there, and browse.css
# lets it grow to at most 520 px on a desktop. Labels beside bars needed a 700-unit width,
# and the <figure> shrank it to 300 px: 6 px text at any width.
CHART_WIDTH = 360
CHART_BAR_WIDTH = 300  # the rest is for the count after the longest bar
CHART_ROW = 38  # label line + bar
CHART_FONT = 14
SENTENCE_END = re.compile(r"(?<=[.!?])\s")


@dataclass(frozen=True)
class TopicRow:
    """One line of the overview: a topic, how deep it sits, how many papers it has."""

    topic: Topic
    depth: int
    count: int


def one_line_summary(paper: Paper) -> str:
    """The abstract's first sentence, cut at a word near SUMMARY_CHARS."""
    text = " ".join((paper.abstract or "").split())
    first = SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) <= SUMMARY_CHARS:
        return first
    return first[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"


def byline(paper: Paper) -> str:
    """Plain text (escaped by the template): "A, B, C and 4 more", "7 authors", or the organisation."""
    if paper.authors:
        shown = ", ".join(paper.authors[:AUTHORS_SHOWN])
        rest = len(paper.authors) - AUTHORS_SHOWN
        return shown + (f" and {rest} more" if rest > 0 else "")
    if paper.author_count:
        return f"{paper.author_count} author{'s' if paper.author_count != 1 else ''}"
    return paper.organisation or ""


def newest_first(papers: Sequence[Paper]) -> list[Paper]:
    """Dated papers newest first, then undated ones; ties by id so pages are stable."""
    dated = sorted((p for p in papers if p.date), key=lambda p: (p.date, p.id), reverse=True)
    return dated + sorted((p for p in papers if not p.date), key=lambda p: p.id)


def listing(papers: Sequence[Paper]) -> list[dict]:
    """What a topic page shows of its newest papers (browse.Listed: not the Papers, so that
    the page is a function of what it shows)."""
    return [
        {"paper": Listed.of(p), "byline": byline(p), "summary": one_line_summary(p)}
        for p in newest_first(papers)[:TOPIC_PAGE_LIMIT]
    ]


def topic_rows(vocabulary: Vocabulary, grouped: dict[str, list[Paper]]) -> list[TopicRow]:
    """Topics in vocabulary order with children right under their parent."""
    rows: list[TopicRow] = []

    def visit(topic: Topic, depth: int) -> None:
        rows.append(TopicRow(topic, depth, len(grouped.get(topic.id, []))))
        for child in vocabulary.children(topic.id):
            visit(child, depth + 1)

    for topic in vocabulary.topics:
        if topic.parent is None:
            visit(topic, 0)
    return rows


def bar_chart(rows: Sequence[TopicRow], unsorted: int, total: int) -> str:
    """An inline SVG of papers per topic, drawn at build time; <title>/<desc> give the text alternative."""
    bars = [(("\u2003" * row.depth) + row.topic.title, row.count) for row in rows] + [("Unsorted", unsorted)]
    widest = max((count for _, count in bars), default=0) or 1
    height = CHART_ROW * len(bars) + 8
    summary = "; ".join(f"{label.strip()}: {count}" for label, count in bars)
    parts = [
        f'<svg class="pf-topic-chart" role="img" aria-labelledby="pf-chart-title pf-chart-desc" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="pf-chart-title">Papers per topic ({total} papers; a paper can have several topics)</title>',
        f'<desc id="pf-chart-desc">{html.escape(summary)}</desc>',
    ]
    for index, (label, count) in enumerate(bars):
        y = 4 + index * CHART_ROW
        bar = round(CHART_BAR_WIDTH * count / widest, 1)
        indent = 14 * label.count("\u2003")  # children under their parent
        parts.append(
            f'<g><title>{html.escape(label.strip())}: {count}</title>'
            f'<text x="{indent}" y="{y + 14}" font-size="{CHART_FONT}" fill="currentColor">'
            f'{html.escape(label.strip())}</text>'
            f'<rect x="{indent}" y="{y + 19}" width="{bar}" height="12" rx="2" '
            f'style="fill: var(--md-accent-fg-color, #526cfe)"/>'
            f'<text x="{indent + bar + 6}" y="{y + 30}" font-size="{CHART_FONT}" fill="currentColor">{count}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render_topics(
    env: Environment,
    papers: Sequence[Paper],
    vocabulary: Vocabulary,
    site_name: str,
    site_url: str | None,
    capture_date: str,
    front_matter,
    citations: Mapping[str, str] | None = None,
    reuse=anew,
) -> dict[str, str]:
    """topics.md, topics/<id>.md, topics/unsorted.md, feeds/*.xml and bib/*.bib. `reuse`
    (templating.anew) gets a topic page or feed made of the same data."""
    grouped = papers_by_topic(papers)
    rows = topic_rows(vocabulary, grouped)
    unsorted = grouped.get(UNSORTED, [])
    pages = {
        "topics.md": front_matter({"title": "Topics"}) + env.get_template("topics.md.j2").render(
            rows=rows, paper_count=len(papers), unsorted_count=len(unsorted),
            chart=bar_chart(rows, len(unsorted), len(papers)), unsorted=UNSORTED,
        ),
    }
    context = dict(entries=listing(unsorted), count=len(unsorted), limit=TOPIC_PAGE_LIMIT, page_url=topic_url(UNSORTED))
    pages[topic_path(UNSORTED)] = reuse(topic_path(UNSORTED), lambda: front_matter({"title": "Unsorted papers"})
                                        + env.get_template("unsorted.md.j2").render(context), key=context)
    for topic in vocabulary.topics:
        members = grouped.get(topic.id, [])
        meta = {"title": attr(topic.title), "description": attr(topic.description), "topic_id": topic.id}
        context = dict(
            topic=topic, parent=vocabulary.get(topic.parent) if topic.parent else None,
            children=vocabulary.children(topic.id), count=len(members), entries=listing(members),
            limit=TOPIC_PAGE_LIMIT, page=topic_path(topic.id), page_url=topic_url(topic.id),
            child_counts={c.id: len(grouped.get(c.id, [])) for c in vocabulary.children(topic.id)},
        )
        pages[topic_path(topic.id)] = reuse(topic_path(topic.id), lambda meta=meta, context=context: front_matter(
            meta) + env.get_template("topic.md.j2").render(context), key=context)
    titles = {t.id: t.title for t in vocabulary.topics}
    citations = citations if citations is not None else entry_texts(papers, site_url)
    pages.update(feed_files(papers, grouped, titles, site_name, site_url, capture_date, citations, reuse))
    return pages
