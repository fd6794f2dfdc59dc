"""Ways to browse the whole corpus: a Timeline page (papers by month, newest first)
and a paper map (papers placed by the similarity of their text, as an SVG where each
point links to its paper).

Both stay bounded at 10,000+ papers: the Timeline lists at most PER_MONTH papers a
month and counts the rest; the map draws one short element per paper and names
points (hover titles) only up to TITLED_POINTS papers. Pure: papers in, pages out.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from itertools import groupby
from typing import Sequence

import numpy as np
from jinja2 import Environment

from paperfold.model import Paper
from paperfold.site.templating import anew
from paperfold.site.urls import paper_url, relative

PER_MONTH = 40
TITLED_POINTS = 2000
MAP_WIDTH, MAP_HEIGHT, MAP_MARGIN = 960, 600, 12
MAP_URL = "map/"  # where MkDocs serves map.md: the points' links start there
TIMELINE_URL = "timeline/"  # where MkDocs serves timeline.md: its links start there
# Readable on the light and the dark palette alike (Tableau 10); papers without a topic are grey.
COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
           "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17becf")
NO_TOPIC = "#9e9e9e"
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Listed:
    """What a list of papers shows of one (the Timeline, a topic page): a page made of
    these, not of Papers, is a function of what it shows, so under `serve` it is rendered
    again only when that changed, not when a listed paper's related list or sources did."""

    id: str
    label: str
    date: str | None

    @classmethod
    def of(cls, paper: Paper) -> "Listed":
        return cls(paper.id, paper.label, paper.date)


@dataclass(frozen=True)
class Month:
    key: str  # "2026-10", or "" for papers without a date
    heading: str  # "October 2026", "Date unknown"
    papers: tuple[Listed, ...]  # the ones listed, newest first
    total: int  # all papers of the month


@dataclass(frozen=True)
class Point:
    x: int
    y: int
    href: str
    colour: int  # index into COLOURS, or -1 for no topic
    title: str | None


def month_of(paper: Paper) -> str:
    """"2026-10" from "2026-10-21" or "2026-10"; "" for no date or a year alone."""
    return paper.date[:7] if paper.date and re.match(r"\d{4}-\d{2}", paper.date) else ""


def month_heading(key: str) -> str:
    if not key:
        return "Date unknown or year only"
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def timeline(papers: Sequence[Paper], per_month: int = PER_MONTH) -> list[Month]:
    """Months newest first, then papers without a month; each lists its newest papers."""
    ordered = sorted(papers, key=lambda p: (month_of(p), p.date or "", p.upvotes or 0, p.id), reverse=True)
    months = []
    for key, group in groupby(ordered, key=month_of):
        group = list(group)
        months.append(Month(key, month_heading(key), tuple(map(Listed.of, group[:per_month])), len(group)))
    return sorted(months, key=lambda m: (m.key != "", m.key), reverse=True)


def layout(matrix) -> np.ndarray:
    """2-D coordinates in [0, 1] of the papers' TF-IDF rows (related.text_tfidf, the rows
    the related papers come from): TruncatedSVD to three dimensions, the first (mostly how
    much text a paper has) dropped; outliers are clipped."""
    from sklearn.decomposition import TruncatedSVD
    from threadpoolctl import threadpool_limits

    if matrix.shape[0] < 4 or matrix.shape[1] < 4:
        return np.full((matrix.shape[0], 2), 0.5)
    with threadpool_limits(limits=1):  # as the related stage: the same map on any machine
        coords = TruncatedSVD(n_components=3, random_state=0).fit_transform(matrix)[:, 1:]
    low, high = np.percentile(coords, 1, axis=0), np.percentile(coords, 99, axis=0)
    span = np.where(high - low > 0, high - low, 1)
    return np.clip((coords - low) / span, 0, 1)


def map_points(papers: Sequence[Paper], topic_order: Sequence[str], matrix) -> list[Point]:
    coords = layout(matrix)
    colour_of = {topic: i % len(COLOURS) for i, topic in enumerate(topic_order)}
    titled = len(papers) <= TITLED_POINTS
    width, height = MAP_WIDTH - 2 * MAP_MARGIN, MAP_HEIGHT - 2 * MAP_MARGIN
    # Whole pixels (a small SVG), rounded by numpy at once: round() per numpy float is slow.
    xs = np.rint(MAP_MARGIN + coords[:, 0] * width).astype(int).tolist()
    ys = np.rint(MAP_MARGIN + (1 - coords[:, 1]) * height).astype(int).tolist()
    return [
        Point(
            x, y,
            relative(paper_url(paper.id), MAP_URL),
            colour_of.get(paper.tags[0], -1) if paper.tags else -1,
            paper.label if titled else None,
        )
        for paper, x, y in zip(papers, xs, ys)
    ]


def point_radius(count: int) -> float:
    """Big enough to aim at with a finger on a small map, small enough not to hide a dense one."""
    return 6.0 if count <= 300 else 4.5 if count <= 2000 else 3.0


def topic_counts(papers: Sequence[Paper]) -> list[tuple[str, int]]:
    """First topics by how many papers have them first, most first."""
    counts = Counter(p.tags[0] for p in papers if p.tags)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def render_timeline(env: Environment, papers: Sequence[Paper], front_matter, reuse=anew) -> dict[str, str]:
    """timeline.md. `reuse` (templating.anew) gets the page made of the same months."""
    context = dict(months=timeline(papers), paper_count=len(papers), per_month=PER_MONTH, page_url=TIMELINE_URL)
    return {"timeline.md": reuse("timeline.md", lambda: front_matter({"title": "Timeline"}) + env.get_template(
        "timeline.md.j2").render(context), key=context)}


def render_map(env: Environment, papers: Sequence[Paper], topic_titles: dict[str, str], front_matter,
               matrix, reuse=anew) -> dict[str, str]:
    """map.md, the papers placed by `matrix`, their TF-IDF rows (related.text_tfidf).
    `reuse` (templating.anew) gets the page of the same rows, papers and topics: all it
    shows of a paper is its id, its first topic and (on a small map) its title."""
    titled = len(papers) <= TITLED_POINTS
    shown = tuple((p.id, p.tags[:1], p.label if titled else None) for p in papers)
    key = (_digest(matrix), shown, tuple(sorted(topic_titles.items())))
    return {"map.md": reuse("map.md", lambda: _map_page(env, papers, topic_titles, front_matter, matrix), key=key)}


def _digest(matrix) -> bytes:
    """The rows of a sparse matrix, in a few bytes (they are compared, not kept whole)."""
    matrix = matrix.tocsr()
    digest = hashlib.blake2b(repr((matrix.shape, matrix.dtype.str)).encode())
    for part in (matrix.indptr, matrix.indices, matrix.data):
        digest.update(np.ascontiguousarray(part).tobytes())
    return digest.digest()


def _map_page(env: Environment, papers: Sequence[Paper], topic_titles: dict[str, str], front_matter, matrix) -> str:
    counts = topic_counts(papers)
    legend = [
        {"id": topic, "title": topic_titles.get(topic, topic), "count": count,
         "colour": COLOURS[i % len(COLOURS)]}
        for i, (topic, count) in enumerate(counts)
    ]
    return front_matter({"title": "Paper map"}) + env.get_template("map.md.j2").render(
        points=map_points(papers, [topic for topic, _ in counts], matrix), colours=COLOURS, no_topic=NO_TOPIC,
        legend=legend, untagged=sum(1 for p in papers if not p.tags), paper_count=len(papers), width=MAP_WIDTH,
        height=MAP_HEIGHT, titled=len(papers) <= TITLED_POINTS, titled_limit=TITLED_POINTS,
        radius=point_radius(len(papers)),
    )
