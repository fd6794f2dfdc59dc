"""Turn a group of records that describe one paper into a Paper.

Precedence, most specific source first, is each reader's KIND.precedence
(documented in the README): labelled arXiv pages > BibTeX > Hugging Face Daily
Papers > bare abstract lists > pages of other sites (the general reader) > Almanac. For each field the first source in that
order that has a value wins; links and sources are the union of all. A title
or abstract from a kind whose summaries are its own words (Almanac's headline
and summary) is used only when no other source has one.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Callable, Sequence

from slugify import slugify

from paperfold.ingest.readers import KINDS
from paperfold.papers.identity import abstract_fingerprint, fold, group_records, origin_index
from paperfold.model import Paper, RawRecord

LABEL_WORDS = 10
SLUG_LENGTH = 60


def _ranked(records: Sequence[RawRecord]) -> list[RawRecord]:
    return sorted(records, key=lambda record: (-KINDS[record.kind].precedence, record.origin))


def _first(records: Sequence[RawRecord], name: str):
    for record in records:
        if (value := getattr(record, name)) not in (None, (), ""):
            return value
    return None


def _best_date(records: Sequence[RawRecord]) -> tuple[str | None, str | None]:
    """The most precise date, ties going to the more specific source."""
    dated = [r for r in records if r.date]
    if not dated:
        return None, None
    best = max(dated, key=lambda r: len(r.date))  # "2025-02-27" beats "2025-02" beats "2025"
    return best.date, best.date_text


def label_for(title: str | None, abstract: str | None) -> str:
    if title:
        return title
    words = (abstract or "").split()
    if not words:
        return "Untitled paper"
    return " ".join(words[:LABEL_WORDS]) + ("…" if len(words) > LABEL_WORDS else "")


def paper_id(title: str | None, abstract: str | None, arxiv_id: str | None) -> str:
    """Stable id: a readable slug plus a short hash of the identity it was built from.

    The title is preferred over the arXiv id so that a dump that later adds the
    id does not move the page; curation aliases cover a title fix.
    """
    if title and (folded := fold(title)):
        key = "title:" + folded
    elif arxiv_id:
        key = "arxiv:" + arxiv_id
    else:
        key = "abstract:" + (abstract_fingerprint(abstract) or fold(abstract or ""))
    digest = hashlib.sha1(key.encode()).hexdigest()[:6]
    stem = slugify(label_for(title, abstract), max_length=SLUG_LENGTH, word_boundary=True, save_order=True) or "paper"
    return f"{stem}-{digest}"


def build_paper(group: Sequence[RawRecord]) -> Paper:
    ranked = _ranked(group)
    scholarly = [r for r in ranked if KINDS[r.kind].own_words]
    title = _first(scholarly, "title") or _first(ranked, "title")
    abstract = _first(scholarly, "abstract")
    summary = None if abstract else _first(ranked, "abstract")
    arxiv_id = _first(ranked, "arxiv_id")
    date, date_text = _best_date(ranked)
    authors = max((r.authors for r in ranked), key=len)
    upvotes = [r.upvotes for r in ranked if r.upvotes is not None]
    return Paper(
        id=paper_id(title, abstract or summary, arxiv_id),
        title=title,
        label=label_for(title, abstract or summary),
        abstract=abstract or summary,
        abstract_is_summary=summary is not None,
        authors=authors,
        author_count=len(authors) if authors else _first(ranked, "author_count"),
        organisation=_first(ranked, "organisation"),
        date=date,
        date_text=date_text,
        upvotes=max(upvotes) if upvotes else None,
        arxiv_id=arxiv_id,
        doi=_first(ranked, "doi"),
        venue=_first(ranked, "venue"),
        category=_first(ranked, "category"),
        links=tuple(dict.fromkeys(link for r in ranked for link in r.links)),
        sources=tuple(sorted(group, key=lambda r: r.origin)),
    )


def merge_records(records: Sequence[RawRecord],
                  build: Callable[[Sequence[RawRecord]], Paper] = build_paper) -> tuple[Paper, ...]:
    """One Paper per identity, with stated relations resolved to paper ids. `build`:
    build_paper, or one that reuses the papers of groups seen before (build.py)."""
    groups = group_records(records)
    papers = _unique_ids([build(group) for group in groups])
    where = origin_index(groups, [p.id for p in papers])
    resolved = []
    for paper in papers:
        stated = (where[o] for r in paper.sources for o in r.related_to if o in where)
        ids = tuple(dict.fromkeys(i for i in stated if i != paper.id))
        resolved.append(replace(paper, stated_related=ids) if ids else paper)  # build_paper states none
    return tuple(resolved)


def _unique_ids(papers: list[Paper]) -> list[Paper]:
    """Papers that share a title but not an arXiv id: the first seen keeps the plain id (so
    its page does not move), later ones get their arXiv id, or a hash of their abstract."""
    taken: set[str] = set()
    out = []
    for paper in papers:
        if paper.id in taken:
            paper = replace(paper, id=unique_id(f"{paper.id}-{_distinguisher(paper)}", taken))
        taken.add(paper.id)
        out.append(paper)
    return out


def unique_id(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`…: the first that is not taken. Two papers may
    share a title and an abstract (the same text pasted twice without an identity to
    merge them by); a suffix made from their text alone would collide again."""
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def _distinguisher(paper: Paper) -> str:
    if paper.arxiv_id:
        return slugify(paper.arxiv_id)
    text = fold(paper.abstract or "") or paper.sources[0].origin.path
    return hashlib.sha1(text.encode()).hexdigest()[:6]
