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
    return re.sub(r"[^A-Za-z0-9]", "", slugify(first_author)) + year + _first_slug_word(paper.label)


def _first_slug_word(label: str) -> str:
    """The first word of slugify(label, separator=" "), slugifying the label word by word
    until one gives a word: slugify treats each whitespace run as a break, so this is the
    same word, without slugifying the whole label (most of the time keys took)."""
    for word in label.split():
        if slugged := slugify(word, separator=" ").split():
            return slugged[0]
    return "paper"


def entry_for(paper: Paper, site_url: str | None = None, key: str | None = None) -> Entry:
    """The paper's entry, under `key` (default: its cite_key)."""
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
    return Entry(kind, key or cite_key(paper), [Field(k, v) for k, v in fields.items()])


def _primary_url(paper: Paper, site_url: str | None) -> str | None:
    if paper.arxiv_id:
        return f"https://arxiv.org/abs/{paper.arxiv_id}"
    if paper.links:
        return paper.links[0]
    return absolute(site_url, paper_url(paper.id)) if site_url else None


def unique_keys(keys: Sequence[str]) -> list[str]:
    """Second and later uses of a key get a letter: lovelace2025a, lovelace2025aa, …"""
    seen: dict[str, int] = {}
    unique = []
    for key in keys:
        count = seen.get(key, 0)
        seen[key] = count + 1
        unique.append(f"{key}{chr(ord('a') + count - 1) if count < 27 else count}" if count else key)
    return unique


# Each library is built for one entry and thrown away, so writing may modify it in
# place rather than deep-copying every block.
_UNPARSE = default_unparse_stack(allow_inplace_modification=True)


def entry_text(paper: Paper, site_url: str | None, key: str) -> str:
    """The paper's BibTeX entry, under `key` (see unique_keys)."""
    entry = entry_for(paper, site_url, key)
    return bibtexparser.write_string(bibtexparser.Library([entry]), unparse_stack=_UNPARSE).strip() + "\n"


def entry_texts(papers: Sequence[Paper], site_url: str | None = None) -> dict[str, str]:
    """Each paper's BibTeX entry, written once, with keys unique across all the papers,
    so a paper's page, its topic .bib files and the site .bib all cite it the same way."""
    keys = unique_keys([cite_key(paper) for paper in papers])
    return {paper.id: entry_text(paper, site_url, key) for paper, key in zip(papers, keys)}


def join_entries(papers: Iterable[Paper], texts: Mapping[str, str]) -> str:
    """A .bib file of already written entries (see entry_texts)."""
    return "\n".join(texts[paper.id] for paper in papers)


def bibtex(papers: Iterable[Paper], site_url: str | None = None) -> str:
    """A .bib file for the papers, keys made unique in order."""
    papers = list(papers)
    return join_entries(papers, entry_texts(papers, site_url))
