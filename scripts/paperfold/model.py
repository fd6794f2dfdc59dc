"""The plain data that flows between Paperfold's stages.

Every stage takes and returns these frozen dataclasses; nothing here does I/O.
Facts keep their provenance (`Origin`) so that anything on a page can be
traced back to a file and a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from typing import Mapping, TypeVar

Record = TypeVar("Record")


@dataclass(frozen=True, order=True)
class Origin:
    """A place in an input file: a path relative to the repo (or seeds dir) and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input. Errors are data: readers collect them and go on."""

    origin: Origin
    message: str  # "expected an authors line like '  • 3 authors', found 'x'"
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        return f"{self.origin}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Dump:
    """One input file, decoded, with the date it was captured (for relative dates)."""

    path: str  # relative, POSIX style: "seeds/003_x.txt"
    text: str  # decoded, BOM removed, newlines normalised to "\n"
    capture_date: date
    capture_date_source: str  # "file name", "git commit", "modification time", "curation"
    # When a file holds several pages, each page is read as its own Dump; this
    # is the file line its text starts on, so origins still point into the file.
    first_line: int = 1

    def origin(self, index: int) -> Origin:
        """The Origin of the 0-based line `index` of this dump's text."""
        return Origin(self.path, self.first_line + index)

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name


@dataclass(frozen=True)
class ReaderKind:
    """What the later stages need to know of a kind of page: each reader declares its
    KIND, the registry (ingest/readers/__init__.py) collects them, and no stage names a reader."""

    name: str  # the reader's NAME, which is RawRecord.kind: "almanac"
    label: str  # what a paper page's "Seen in" calls it: "Almanac event page"
    precedence: int  # merging: for each field, the value of the highest precedence wins
    # False when titles and summaries are the page's own words, not the paper's: they never
    # identify a paper by its abstract, and give way to any other source's title and abstract.
    own_words: bool = True
    # The reason a related list gives for papers this kind of page lists together, if it does.
    stated_reason: str | None = None


@dataclass(frozen=True)
class RawRecord:
    """One paper as one page showed it, before merging.

    `lines` maps a field name ("title", "abstract", "date", ...) to the 1-based
    line it was read from, so every fact keeps its origin.
    """

    origin: Origin  # where the record starts
    kind: str  # the reader's NAME (its ReaderKind.name): "hf_daily", "almanac", "bibtex", ...
    title: str | None = None
    abstract: str | None = None
    authors: tuple[str, ...] = ()
    author_count: int | None = None
    organisation: str | None = None
    date: str | None = None  # ISO: "2025-02-27", "2025-02" or "2025"
    date_text: str | None = None  # as the page showed it: "Feb 27", "24d ago"
    upvotes: int | None = None
    category: str | None = None  # "cs.LG"; labelled pages: primary subject
    links: tuple[str, ...] = ()
    arxiv_id: str | None = None  # version stripped: "2604.12345"
    doi: str | None = None
    venue: str | None = None
    comments: str | None = None
    # Origins of records this page states it is related to (Almanac's
    # "Related events" lists entries related to the headline, and back).
    related_to: tuple[Origin, ...] = ()
    # What one kind of page shows and no later stage reads, kept for the record and the
    # golden cases: Almanac's {"source": "arXiv", "importance": 5, "role": "headline"}.
    extras: Mapping[str, str | int] = field(default_factory=dict, hash=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class ReadResult:
    """What a reader got from one dump (or one page inside it)."""

    records: tuple[RawRecord, ...] = ()
    problems: tuple[Problem, ...] = ()
    # Things that were read but are not papers (an Almanac guide, a BibTeX
    # @string), each with its reason, so the build report accounts for them.
    skipped: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Related:
    """One entry of a paper's related-papers list, with the reason a reader sees."""

    id: str  # the related paper's id
    score: float
    reason: str  # "shared terms: grokking, logistic loss"; "listed together on Almanac"


@dataclass(frozen=True)
class Paper:
    """One paper after merging every record that describes it.

    `sources` keeps every record merged in, so each fact can be traced to a
    file and line. The scalar fields hold the winning value under the merge
    precedence documented in the README.
    """

    id: str  # stable: "scaling-laws-for-neural-language-models-3fa2c1"
    title: str | None  # None when no page showed a title
    label: str  # what to call it: the title, or words from the abstract
    abstract: str | None
    abstract_is_summary: bool  # True when only a summary in a page's own words (Almanac's) was seen
    authors: tuple[str, ...]
    author_count: int | None
    organisation: str | None
    date: str | None
    date_text: str | None
    upvotes: int | None
    arxiv_id: str | None
    doi: str | None
    venue: str | None
    category: str | None
    links: tuple[str, ...]
    sources: tuple[RawRecord, ...]
    stated_related: tuple[str, ...] = ()  # ids of papers a source lists it with
    tags: tuple[str, ...] = ()  # topic ids, best first
    related: tuple[Related, ...] = ()
    note: str | None = None  # Markdown from curation
    aliases: tuple[str, ...] = ()  # older ids that must keep working
    curation_path: str | None = None  # "curation/papers/<id>.yml" when a curation file edits it


def changed(record: Record, **changes) -> Record:
    """dataclasses.replace(record, **changes) for these records, without calling __init__
    again: they have no __post_init__ to run, and a stage that changes one field of every
    paper spent 0.06 s of its time at 10k papers in replace's keyword call, now 0.015 s."""
    unknown = changes.keys() - record.__dataclass_fields__.keys()
    if unknown:
        raise TypeError(f"{type(record).__name__} has no field {', '.join(sorted(unknown))}")
    copy = object.__new__(type(record))
    copy.__dict__.update(record.__dict__, **changes)
    return copy
