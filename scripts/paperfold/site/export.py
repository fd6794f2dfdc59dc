"""Machine-readable exports of the merged papers: JSON and BibTeX."""

from __future__ import annotations

import json
from typing import Sequence

from paperfold.site.cite import bibtex
from paperfold.model import Paper
from paperfold.site.urls import absolute, paper_url


def page_url(paper: Paper, site_url: str | None) -> str:
    """The paper page's URL: absolute when the site's URL is known, else from the site's root."""
    return absolute(site_url, paper_url(paper.id)) if site_url else paper_url(paper.id)


def paper_record(paper: Paper, site_url: str | None = None) -> dict:
    """The export schema; the README documents every field."""
    return {
        "id": paper.id,
        "title": paper.title,
        "label": paper.label,
        "authors": list(paper.authors),
        "author_count": paper.author_count,
        "organisation": paper.organisation,
        "date": paper.date,
        "date_text": paper.date_text,
        "abstract": paper.abstract,
        "abstract_is_summary": paper.abstract_is_summary,
        "tags": list(paper.tags),
        "related": [{"id": r.id, "score": round(r.score, 4), "reason": r.reason} for r in paper.related],
        "stated_related": list(paper.stated_related),
        "sources": [
            {"path": r.origin.path, "line": r.origin.line, "kind": r.kind, "date_text": r.date_text}
            for r in paper.sources
        ],
        "links": list(paper.links),
        "upvotes": paper.upvotes,
        "arxiv_id": paper.arxiv_id,
        "doi": paper.doi,
        "category": paper.category,
        "url": page_url(paper, site_url),
        "aliases": list(paper.aliases),
    }


def to_json(papers: Sequence[Paper], site_url: str | None = None) -> str:
    return json.dumps([paper_record(p, site_url) for p in papers], ensure_ascii=False, indent=2) + "\n"


def to_bibtex(papers: Sequence[Paper], site_url: str | None = None) -> str:
    return bibtex(papers, site_url)
