"""Scholarly pages of sites no dedicated reader knows: paper pages, digests, listings.

    Emergent Mind                                   <- navigation: never a title
    On Principles of Emergent Organization          <- the title: the line before the facts
    (2311.13749)                                    <- an arXiv id
    Published Nov 23, 2023 in cond-mat.stat-mech    <- a date line
    Abstract                                        <- a label on its own line
    After more than a century of concerted ...
    References                                      <- other work from here on: not papers

    3. Infinite Dimensional Word Embeddings          <- a numbered digest entry
    Authors: Eric Nalisnick, Sachin Ravi

general_lines.py says what each line is, general_entries.py groups lines into
entries, and this module keeps an entry as a paper only if it passes the
precision guard: a title with authors, an arXiv id or an abstract, or else an
abstract of at least 20 words. An entry that fails it, and the other work
under a References heading, go to the build report as skipped, with their line.
It is registered last: a page any dedicated reader recognises goes to that reader.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from paperfold.ingest.links import find_links
from paperfold.ingest.normalize import clean_text
from paperfold.ingest.paragraphs import numbered_lines
from paperfold.ingest.readers.general_checks import MIN_ABSTRACT_WORDS
from paperfold.ingest.readers.general_entries import read_entries
from paperfold.ingest.readers.general_reading import Entry, key
from paperfold.ingest.readers.labelled import NEW_STYLE_ID
from paperfold.model import Dump, Problem, RawRecord, ReaderKind, ReadResult

NAME = "general"
DESCRIPTION = "any scholarly page: titles followed by authors, an arXiv id or an abstract"
# Below the dedicated readers' sources (bare abstract lists: 20), above Almanac's own words (10)
KIND = ReaderKind(NAME, label="scholarly page of another site", precedence=15)
HEADER = None
SCORE = 0.35  # above detect.MIN_SCORE, below every dedicated reader's own recognition
MIN_CITED_LIST = 2  # "Title (Names, Year)" lines on one page: a reading list
MIN_BY_LISTING = 2  # titles with "by" lines on one page: a list of papers, not a blog post's byline
PREVIEW = 60  # characters of a skipped entry's title quoted in its message
FACT_NAMES = ("title", "authors", "abstract", "date", "arxiv_id", "doi")
# "Survey Certification: Causal Reinforcement Learning: A Survey": a category label before a title
TITLE_LABEL_PREFIX = re.compile(r"""^(?P<label>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}):\s+(?P<rest>\S.*)$""", re.VERBOSE)
MIN_LABELLED_TITLES = 3  # titles on one page whose labels end in the same word: categories, not title words
CUT_TITLE_ENDS = {"a", "an", "the", "of", "and", "or", "via", "towards", "using"}  # no whole title ends so
# "... in expected Frobenius… ▽ More": the button that unfolds a cut abstract, not its text
TOGGLE = re.compile(r"""\s*[▽△▼▲]\s*(?:More|Less)\s*$""", re.VERBOSE)
MIN_LABELLED_REST = 3  # words left after the label, or the label stays ("PAVI: Plate-Amortized ...")


def score(text: str) -> float:
    """SCORE if the page holds at least one entry that passes the precision guard, else 0."""
    entries = read_entries(numbered_lines(text)).entries
    paper = guard(entries)
    return SCORE if any(paper(entry) for entry in entries) else 0.0


def abstract_text(entry: Entry) -> str | None:
    if not entry.abstract:
        return None
    text = " ".join(entry.abstract[1])
    # the toggle cannot match without its word, and its scan costs ~100 us per abstract
    if "More" in text or "Less" in text:
        text = TOGGLE.sub("", text)
    return clean_text(text) or None


def guard(entries: list[Entry]) -> Callable[[Entry], bool]:
    """The precision guard for the entries of one page."""
    listing = sum(1 for entry in entries if entry.title and entry.by_line) >= MIN_BY_LISTING
    # "Recent work on grokking (Power et al., 2022)" alone is a sentence citing a paper; two or more
    # lines of that form are a reading list's entries
    cited_list = sum(entry.cited_form for entry in entries) >= MIN_CITED_LIST
    return lambda entry: is_paper(entry, listing) and (cited_list or not entry.cited_form)


def is_paper(entry: Entry, listing: bool = True) -> bool:
    """The precision guard: a whole title with authors, an id or an abstract; or, without a
    title, a long abstract with an arXiv id or a DOI that names its paper.
    Outside a `listing` (a page of several titles with "by" lines), authors from a "By ..."
    line alone do not do: a blog post has them too; a paper shows one more fact with them
    (an abstract, an id, a DOI or a date). A title cut off at a joining word ("... Link
    Prediction and") is doubtful, and an abstract without a title or an id names no paper
    the site could show or merge: both are reported rather than guessed at."""
    abstract = abstract_text(entry) or ""
    if entry.title and cut_off(entry.title[1]):
        return False
    if entry.title and entry.by_line and not (listing or abstract or entry.arxiv_id or entry.doi or entry.date):
        return False
    if entry.title and (entry.authors or entry.arxiv_id or abstract):
        return True
    return len(abstract.split()) >= MIN_ABSTRACT_WORDS and bool(entry.arxiv_id or entry.doi)


def cut_off(title: str) -> bool:
    """"Citation Networks as a Multi-layer Graph: Link Prediction and": a title copied short."""
    return title.split()[-1].lower() in CUT_TITLE_ENDS


def looks_like_entry(entry: Entry) -> bool:
    """Worth a line in the build report: numbered, or a title or authors with something more,
    or an abstract (one without a title is no paper here, but it is not dropped unseen)."""
    return (entry.numbered or bool(entry.title or entry.authors) and entry.last > entry.start
            or entry.abstract is not None)


def record_date(entry: Entry) -> tuple[str | None, str | None, int | None]:
    """(ISO date, date as shown, line index): the date line, else the new-style id's month."""
    if entry.date:
        index, (shown, iso) = entry.date
        return iso, shown, index
    if entry.arxiv_id and (match := NEW_STYLE_ID.match(entry.arxiv_id[1])):
        return f"20{match['yy']}-{match['mm']}", None, entry.arxiv_id[0]
    return None, None, None


def record_links(entry: Entry, abstract: str | None) -> tuple[str, ...]:
    links = [f"https://arxiv.org/abs/{entry.arxiv_id[1]}"] if entry.arxiv_id else []
    links += [f"https://doi.org/{entry.doi[1]}"] if entry.doi else []
    return tuple(dict.fromkeys(links + list(find_links(abstract))))


def to_record(dump: Dump, entry: Entry) -> RawRecord:
    abstract = abstract_text(entry)
    date, date_text, date_index = record_date(entry)
    names = entry.authors[1] if entry.authors else None
    lines = {name: dump.origin(getattr(entry, name)[0]).line for name in FACT_NAMES if entry.has(name)}
    if date_index is not None:
        lines["date"] = dump.origin(date_index).line
    return RawRecord(
        origin=dump.origin(entry.start), kind=NAME,
        title=entry.title[1] if entry.title else None, abstract=abstract,
        authors=names.names if names else (), author_count=names.count if names else None,
        date=date, date_text=date_text,
        arxiv_id=entry.arxiv_id[1] if entry.arxiv_id else None,
        doi=entry.doi[1] if entry.doi else None,
        links=record_links(entry, abstract), lines=lines,
    )


def skipped_entry(dump: Dump, entry: Entry) -> Problem:
    found = [name.replace("_", " ") for name in FACT_NAMES[1:] if entry.has(name)]
    title = f"'{entry.title[1][:PREVIEW]}'" if entry.title else "an entry without a title"
    has = f" with only {', '.join(found)}" if found else " alone"
    if entry.title and cut_off(entry.title[1]):
        has = f", a title cut off at '{entry.title[1].split()[-1]}'"
    message = (f"not a paper: {title}{has}; expected a whole title with authors, an arXiv id or an abstract, "
               f"or an abstract of {MIN_ABSTRACT_WORDS} words or more with an arXiv id or a DOI")
    return Problem(dump.origin(entry.start), message, "warning")


def cited_section(dump: Dump, index: int, count: int) -> Problem:
    message = (f"{count} lines under '{dump.text.split(chr(10))[index].strip()[:PREVIEW]}' are other work "
               f"(citations, related papers, talks), not papers of this page")
    return Problem(dump.origin(index), message, "warning")


def cited_abstract(dump: Dump, heading: int, index: int) -> Problem:
    """An abstract in a list of other work ("Invited talks", then "John Langford: Imperative
    Learning" and its "Abstract: ..."), reported at its own line: a dedicated reader that reads
    the page's abstracts as records finds it accounted for there."""
    message = (f"an abstract under '{dump.text.split(chr(10))[heading].strip()[:PREVIEW]}' (a talk or other "
               f"work), not a paper of this page")
    return Problem(dump.origin(index), message, "warning")


def repeated_abstract(entry: Entry, entries: list[Entry]) -> bool:
    """An abstract without a title that a titled entry of the page also has (a page that
    shows the abstract first, then the paper's head with its abstract again)."""
    if entry.title is not None or not (start := " ".join((abstract_text(entry) or "").split()[:MIN_ABSTRACT_WORDS])):
        return False  # an empty start would match every titled entry's abstract
    return any(
        other.title and (abstract_text(other) or "").startswith(start) for other in entries if other is not entry)


def fold_repeats(entries: list[Entry], paper: Callable[[Entry], bool]) -> list[Entry]:
    """A paper shown twice on one page (a header copy, a contents list and a detail section):
    the first showing, with what only a later one has."""
    kept: dict[str, Entry] = {}
    out = []
    for entry in entries:
        first = kept.get(key(entry.title[1])) if entry.title and paper(entry) else None
        if first is None:
            out.append(entry)
            if entry.title and paper(entry):
                kept[key(entry.title[1])] = entry
            continue
        for name in FACT_NAMES[1:]:
            if not first.has(name) and entry.has(name):
                setattr(first, name, getattr(entry, name))
    return out


def drop_category_labels(entries: list[Entry]) -> None:
    """Titles of one page that open with labels ending in the same word ("Survey Certification:",
    "Featured Certification:", "Expert Certification:") carry a category, not part of the
    title: the repetition across entries tells it from a title's own "Name: ..." opening."""
    labelled = [(entry, match) for entry in entries
                if entry.title and (match := TITLE_LABEL_PREFIX.match(entry.title[1]))
                and len(match["rest"].split()) >= MIN_LABELLED_REST]
    ends = Counter(match["label"].split()[-1] for _, match in labelled)
    for entry, match in labelled:
        if ends[match["label"].split()[-1]] >= MIN_LABELLED_TITLES:
            entry.title = (entry.title[0], match["rest"])


def read(dump: Dump) -> ReadResult:
    reading = read_entries(numbered_lines(dump.text))
    drop_category_labels(reading.entries)
    paper = guard(reading.entries)
    entries = fold_repeats([entry for entry in reading.entries if not repeated_abstract(entry, reading.entries)], paper)
    records = tuple(to_record(dump, entry) for entry in entries if paper(entry))
    skipped = [skipped_entry(dump, entry) for entry in entries
               if not paper(entry) and looks_like_entry(entry)]
    skipped += [cited_section(dump, index, count) for index, count in reading.cited]
    skipped += [cited_abstract(dump, heading, index) for heading, index in reading.talks]
    return ReadResult(records, (), tuple(sorted(skipped, key=lambda problem: problem.origin)))
