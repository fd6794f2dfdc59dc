"""BibTeX entries for papers, written with bibtexparser v2 (never by hand-built strings)."""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

import bibtexparser
from bibtexparser.middlewares import default_unparse_stack
from bibtexparser.model import Entry, Field
from slugify import slugify

from paperfold.model import Paper
from paperfold.site.urls import absolute, paper_url

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _balanced(text: str) -> str:
    """Braces delimit BibTeX values; unbalanced ones in dump text would end the entry early."""
    if "{" not in text and "}" not in text:  # most text: no need to walk it
        return text
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    return text if depth == 0 else text.replace("{", "").replace("}", "")


def cite_key(paper: Paper) -> str:
    first_author = paper.authors[0].split()[-1] if paper.authors else "anon"
    year = (paper.date or "")[:4] or "nd"
    first_word = next(iter(slugify(paper.label, separator=" ").split()), "paper")
    return re.sub(r"[^A-Za-z0-9]", "", slugify(first_author)) + year + first_word


def entry_for(paper: Paper, site_url: str | None = None) -> Entry:
    fields = {"title": "{" + _balanced(paper.label) + "}"}
    if paper.authors:
        fields["author"] = " and ".join(_balanced(a) for a in paper.authors)
    if paper.date:
        fields["year"] = paper.date[:4]
        if len(paper.date) >= 7:
            fields["month"] = MONTHS[int(paper.date[5:7]) - 1]
    if paper.arxiv_id:
        fields.update(eprint=paper.arxiv_id, archiveprefix="arXiv")
    if paper.doi:
        fields["doi"] = paper.doi
    if paper.venue:
        fields["journal"] = _balanced(paper.venue)
    url = _primary_url(paper, site_url)
    if url:
        fields["url"] = url
    if paper.title is None:
        fields["note"] = "Title unknown; label taken from the abstract"
    kind = "article" if paper.venue else "misc"
    return Entry(kind, cite_key(paper), [Field(k, v) for k, v in fields.items()])


def _primary_url(paper: Paper, site_url: str | None) -> str | None:
    if paper.arxiv_id:
        return f"https://arxiv.org/abs/{paper.arxiv_id}"
    if paper.links:
        return paper.links[0]
    return absolute(site_url, paper_url(paper.id)) if site_url else None


def _make_keys_unique(entries: list[Entry]) -> None:
    """Second and later uses of a key get a letter: lovelace2025a, lovelace2025aa, …"""
    seen: dict[str, int] = {}
    for entry in entries:
        count = seen.get(entry.key, 0)
        seen[entry.key] = count + 1
        if count:
            entry.key = f"{entry.key}{chr(ord('a') + count - 1) if count < 27 else count}"


def entry_texts(papers: Sequence[Paper], site_url: str | None = None) -> dict[str, str]:
    """Each paper's BibTeX entry, written once, with keys unique across all the papers,
    so a paper's page, its topic .bib files and the site .bib all cite it the same way."""
    entries = [entry_for(paper, site_url) for paper in papers]
    _make_keys_unique(entries)
    # Each library is built here and thrown away, so writing may modify it in
    # place rather than deep-copying every block.
    stack = default_unparse_stack(allow_inplace_modification=True)
    return {
        paper.id: bibtexparser.write_string(bibtexparser.Library([entry]), unparse_stack=stack).strip() + "\n"
        for paper, entry in zip(papers, entries)
    }


def join_entries(papers: Iterable[Paper], texts: Mapping[str, str]) -> str:
    """A .bib file of already written entries (see entry_texts)."""
    return "\n".join(texts[paper.id] for paper in papers)


def bibtex(papers: Iterable[Paper], site_url: str | None = None) -> str:
    """A .bib file for the papers, keys made unique in order."""
    papers = list(papers)
    return join_entries(papers, entry_texts(papers, site_url))
