"""Scholarly pages of any site: the entries being read, and how a fact joins one.

`Entry` is one paper being collected (each field with its line), `Reading` the state of
reading one page. A fact joins the current entry, or opens a new one under the latest
title-like line (`entry_for`, `add_fact`; the rules are in general_entries.py's docstring);
authors add to a list shown one name a line (`add_authors`); a labelled abstract replaces
a guessed one (`start_abstract`); a date line waits for the title below it (`flush_date`).
general_entries.py steps through the lines and calls these. Pure except for the Reading
they are given, which is local to one call of general_entries.read_entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from paperfold.ingest.names import Names, split_names
from paperfold.ingest.normalize import clean_text
from paperfold.ingest.readers.general_checks import ABSTRACT_PART
from paperfold.ingest.readers.general_lines import TITLE_YEAR
from paperfold.ingest.readers.general_recognise import find_date
from paperfold.ingest.readers.general_titles import title_text

WRAPPED_TITLE_CHARS = 45  # a title line this long may run on onto the next one


@dataclass
class Entry:
    """One paper being collected; each field is (0-based line index, value)."""

    start: int
    title: tuple[int, str] | None = None
    numbered: bool = False
    authors: tuple[int, Names] | None = None
    abstract: tuple[int, list[str]] | None = None
    date: tuple[int, tuple[str, str]] | None = None  # (index, (as shown, ISO))
    arxiv_id: tuple[int, str] | None = None
    doi: tuple[int, str] | None = None
    summary: bool = False  # its abstract is a summary paragraph under the title, no "Abstract" label
    guessed: bool = False  # its abstract is the unlabelled paragraph under its authors
    cited_form: bool = False  # read from a reading list's "Title (Names, Year)" line
    by_line: bool = False  # its authors came from a "By ..." line, as a blog post's do
    last: int = -1  # index of its latest line

    def has(self, name: str) -> bool:
        return getattr(self, name) is not None


@dataclass
class Reading:
    """The state of reading one page line by line; local to a single call."""

    entries: list[Entry] = field(default_factory=list)
    candidate: tuple[int, str] | None = None  # the latest title-like line
    dropped: tuple[int, str] | None = None  # a title-like line that running text followed
    id_title: tuple[int, str] | None = None  # the first title-like line under an entry of only an id
    affiliated: bool = False  # an affiliation came after the current entry's authors: an author block
    shown: dict[str, str] = field(default_factory=dict)  # title-like lines so far, by their key
    shown_by_head: dict[str, list[str]] = field(default_factory=dict)  # the same, by their first words
    # the title-like line before the candidate: kept if the candidate turns out a section heading, or the
    # first line of a title wrapped onto it; none before a piece cut from its line (general_entries.py)
    earlier: tuple[int, str] | None = None
    pending_date: tuple[int, tuple[str, str]] | None = None  # a date line, perhaps above the next title
    expect: str | None = None  # a label alone on its line: "abstract", "authors", "other"
    abstract_open: bool = False  # the next line may continue the abstract
    structured: bool = False  # the abstract has parts ("Objective", "Methods")
    after_authors: bool = False  # an unlabelled paragraph here is the abstract
    previous: str = "blank"  # what the previous non-blank line was
    cited: list[tuple[int, int]] = field(default_factory=list)  # (heading index, lines under it): other work
    citing: int | None = None  # the index of the heading of the list of other work being read
    talks: list[tuple[int, int]] = field(default_factory=list)  # (heading index, abstract index): a talk's abstract
    set_apart: frozenset[int] = frozenset()  # lines with a blank line right above and right below them
    list_open: bool = False  # the last names line, or the marks under it, ended on "," or "and"
    authors_closed: bool = False  # a sentence came after the latest names: no affiliation adds to them

    @property
    def current(self) -> Entry | None:
        return self.entries[-1] if self.entries else None


def key(text: str) -> str:
    """Letters and digits only, in one case: "X. An Overview" and "X An Overview" are one title."""
    return re.sub(r"\W+", "", text.casefold())


def set_title(entry: Entry, title: tuple[int, str]) -> None:
    text = title_text(clean_text(title[1]))
    if (year := TITLE_YEAR.search(text)) and (found := find_date(year["year"])):  # "Attention Is All You Need (2017)"
        text = text[:year.start()]
        entry.date = entry.date or (title[0], found)
    entry.title = (title[0], text)


def settle(reading: Reading) -> None:
    """An entry of an id line alone ("arxiv: 2606.11470 · v1 · submitted ...") that no
    other fact followed takes the first title-like line under it."""
    current = reading.current
    if reading.id_title and current and current.title is None and reading.id_title[0] > current.last:
        set_title(current, reading.id_title)
    reading.id_title = None


def new_entry(reading: Reading, index: int, title: tuple[int, str] | None = None, numbered=False) -> Entry:
    settle(reading)
    start = title[0] if title else index
    entry = Entry(start, None, numbered, last=start)
    if title:
        set_title(entry, title)
    if title and reading.pending_date and reading.pending_date[0] < title[0]:  # "Research 01 March 2023" above it
        entry.date, entry.start, reading.pending_date = reading.pending_date, reading.pending_date[0], None
    reading.entries.append(entry)
    reading.candidate, reading.earlier, reading.structured, reading.dropped = None, None, False, None
    reading.affiliated = False
    return entry


def entry_for(reading: Reading, name: str, index: int) -> Entry:
    """The entry a fact on line `index` belongs to (see the module docstring)."""
    current, candidate = reading.current, reading.candidate
    fresh = candidate if candidate and (current is None or candidate[0] > current.last) else None
    if fresh and current and current.title is None and not (current.numbered or current.authors or
                                                            current.abstract or current.has(name)):
        set_title(current, fresh)  # an id line above the title
        reading.candidate = None
        return current
    if fresh and name == "authors":
        fresh = wrapped_title(reading, fresh)
    if fresh and name == "abstract" and current and doi_only(current):
        return new_entry(reading, index, fresh)  # "Filter by Categories", a DOI, then the article's own title
    if fresh and (current is None or current.has(name) or current.abstract is not None or name == "authors"):
        return new_entry(reading, index, fresh)  # authors stand right under their own title
    if current is None or current.has(name):
        return new_entry(reading, index)
    return current


def doi_only(entry: Entry) -> bool:
    """An entry of a title-like line and a DOI alone: a journal page's DOI under its menus, whose
    article title comes after it; a labelled abstract under that title is the article's."""
    return bool(entry.title and entry.doi) and not (entry.numbered or entry.authors or entry.abstract or entry.date
                                                    or entry.arxiv_id)


def wrapped_title(reading: Reading, title: tuple[int, str]) -> tuple[int, str]:
    """A title over two lines with no telling word at the break ("... with Both Impact" /
    "Factors and Zero Article Processing Charges"), above its authors: the line right above
    the last one is long and does not end a sentence, so the title runs on."""
    earlier = reading.earlier
    if (earlier and earlier[0] + 1 == title[0] and len(earlier[1]) >= WRAPPED_TITLE_CHARS
            and not earlier[1].endswith((".", ":", "?", "!")) and title[1][:1].isupper()):
        return earlier[0], f"{earlier[1]} {title[1]}"
    return title


def add_fact(reading: Reading, name: str, index: int, value) -> None:
    entry = entry_for(reading, name, index)
    setattr(entry, name, (index, value))
    entry.last = max(entry.last, index)


def add_authors(reading: Reading, index: int, names: Names, continued: bool = False) -> None:
    """Authors from a label or a names line; `continued`: an unlabelled names line right
    after another (one name per line) adds to its list."""
    current, candidate = reading.current, reading.candidate
    if reading.affiliated and current and current.authors and current.abstract is None:
        continued, reading.candidate = True, None  # names, affiliation, names: one author block
    if candidate and split_names(candidate[1]).names == names.names:
        index, reading.candidate = candidate[0], None  # the title slot repeats the names
    if current and current.authors and current.authors[1].names == names.names:
        pass  # the same list again ("Authors: ..." under a link that shows the names)
    elif current and current.authors and continued:
        first, shown = current.authors
        added = tuple(name for name in names.names if name not in shown.names)  # each author's block after the list
        current.authors = (first, Names(shown.names + added, names.more, names.et_al))
        current.last = index
    else:
        if reading.previous == "prose":  # a listing's summary between the title and its authors
            restore_dropped(reading)
        add_fact(reading, "authors", index, names)
    reading.after_authors, reading.authors_closed = True, False


def restore_dropped(reading: Reading) -> None:
    """Before authors or a labelled abstract with no title-like line above them: the title
    that running text followed ("There is no author summary for this article yet. ...",
    or a listing's summary between a title and its authors)."""
    current, dropped = reading.current, reading.dropped
    if reading.candidate is None and dropped and (current is None or dropped[0] > current.last):
        reading.candidate = dropped


def start_abstract(reading: Reading, index: int, text: str, labelled: bool = False) -> None:
    current = reading.current
    if labelled:
        restore_dropped(reading)
        if current and (current.summary or current.guessed) and (
                reading.candidate is None or reading.candidate[0] < current.last):
            current.abstract, current.summary = None, False  # the labelled abstract replaces the guess
            current.guessed = False
    add_fact(reading, "abstract", index, [text])
    reading.abstract_open, reading.after_authors = True, False
    reading.structured = bool(ABSTRACT_PART.match(text))


def opened_by_id(entry: Entry) -> bool:
    """An entry a listing's "[1] arXiv:ID" line opened: its title comes under the id."""
    return entry.numbered and entry.arxiv_id is not None and entry.arxiv_id[0] == entry.start


def flush_date(reading: Reading) -> None:
    """A waiting date line that no title followed belongs to the entry it came after."""
    if reading.pending_date:
        index, value = reading.pending_date
        reading.pending_date = None
        add_fact(reading, "date", index, value)
