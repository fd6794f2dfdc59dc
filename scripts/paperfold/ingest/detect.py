"""Split a dump into pages and hand each page to the reader that recognises it.

A pasted file may hold several pages one after another (two Daily Papers
pages, or an Almanac page after a Hugging Face one). Pages that have a header
line start a new segment there; each segment then goes to the reader whose
`score` is highest. A segment no reader recognises becomes one Problem that
names the file and the kinds we know, and the other pages still build.
"""

from __future__ import annotations

from dataclasses import replace

from paperfold.model import Dump, Problem, RawRecord, ReadResult
from paperfold.ingest.readers import READERS, general
from paperfold.ingest.readers.general_reading import key

MIN_SCORE = 0.3  # below this a reader is only guessing
CERTAIN = 1.0  # the highest score a reader gives
MIN_EXTRA_PAPERS = 2  # papers with authors that only the general reader finds on a dedicated reader's page
OPENING_WORDS = 12  # words that tell one abstract from another on one page
# The highest score a reader gives, where that is below CERTAIN. A reader that cannot beat
# the best score so far is not asked: the general reader reads every entry of a page to
# score it, and a page a dedicated reader recognises would be read so twice (the wider
# reading below reads it once).
HIGHEST_SCORE = {general.NAME: general.SCORE}


def known_kinds() -> str:
    return ", ".join(f"{reader.NAME} ({reader.DESCRIPTION})" for reader in READERS)


def page_starts(lines: list[str]) -> list[int]:
    """0-based indices of lines that start a page of some kind (always includes 0)."""
    starts = {0}
    for reader in READERS:
        if reader.HEADER is None:
            continue
        starts.update(i for i, line in enumerate(lines) if reader.HEADER.match(line))
    return sorted(starts)


def split_pages(dump: Dump) -> list[Dump]:
    lines = dump.text.split("\n")
    starts = page_starts(lines)
    if len(starts) == 1:  # one page: the dump itself
        return [dump]
    bounds = zip(starts, starts[1:] + [len(lines)])
    pages = [
        replace(dump, text="\n".join(lines[start:end]), first_line=dump.first_line + start)
        for start, end in bounds
    ]
    return [page for page in pages if page.text.strip()] or [dump]


def choose_reader(text: str):
    """(reader, its score): the reader with the highest score, the earlier one on a tie;
    (None, score) below MIN_SCORE.

    Scores stop at CERTAIN, so once a reader reaches it no later reader can win
    and their detectors need not run over the text; nor need a later reader's whose
    HIGHEST_SCORE does not beat the best so far.
    """
    best, best_score = None, 0.0
    for reader in READERS:
        if best is not None and HIGHEST_SCORE.get(reader.NAME, CERTAIN) <= best_score:
            continue
        score = reader.score(text)
        if best is None or score > best_score:
            best, best_score = reader, score
        if best_score >= CERTAIN:
            break
    return (best if best_score >= MIN_SCORE else None), best_score


def titles(result: ReadResult) -> set[str]:
    return {key(record.title) for record in result.records if record.title}


def opening(abstract: str | None) -> str:
    """The first words of an abstract: readers clean and wrap its text in their own ways."""
    return " ".join((abstract or "").split()[:OPENING_WORDS])


def covers(wider: ReadResult, wider_titles: set[str], record: RawRecord) -> bool:
    """Whether the general reading (with `wider_titles`, its title keys) accounts for a record
    of the dedicated reading: a record with its title or an abstract that opens the same way,
    or a record or a skipped entry (listed in the build report with its reason) at its line."""
    if record.title:
        return key(record.title) in wider_titles
    start = opening(record.abstract)
    lines = {other.origin.line for other in wider.records + wider.skipped}
    return record.origin.line in lines or (bool(start) and any(
        opening(other.abstract).startswith(start) for other in wider.records))


def wider_reading(page: Dump, reader, score: float, result: ReadResult):
    """(reader, result) for a page a dedicated reader took (with `score`): the general reader's
    instead when it finds every paper the dedicated one did and at least two more with authors.
    A digest may list some papers in the dedicated reader's shape ("Title: ... Authors: ...")
    under others in shapes only the general reader reads ("Featured Certification: Title", a
    names line, a link); the dedicated reader alone would drop those without a word.
    Records of the dedicated reading the general one does not account for (an untitled short
    abstract its precision guard refuses) are kept as they were read: none is lost."""
    if reader is general or score >= CERTAIN:
        return reader, result
    # The one general reading of this page: choose_reader does not score the general reader
    # once a dedicated one scores above it; only pages no reader is certain of pay for it.
    wider = general.read(page)
    found, wider_titles = titles(result), titles(wider)
    extra = [r for r in wider.records if r.title and r.authors and key(r.title) not in found]
    if not (found <= wider_titles and len(extra) >= MIN_EXTRA_PAPERS):
        return reader, result
    kept = tuple(record for record in result.records if not covers(wider, wider_titles, record))
    records = tuple(sorted(wider.records + kept, key=lambda record: record.origin))
    return general, replace(wider, records=records)


def read_dump(dump: Dump) -> tuple[ReadResult, list[str]]:
    """Every record and problem in the dump, and the reader names used for it."""
    if not dump.text.strip():
        problem = Problem(dump.origin(0), "expected a listing page, found an empty file")
        return ReadResult(problems=(problem,)), []
    records, problems, skipped, kinds = [], [], [], []
    for page in split_pages(dump):
        reader, score = choose_reader(page.text)
        if reader is None:
            message = f"no reader recognises this page; expected one of: {known_kinds()}"
            problems.append(Problem(page.origin(0), message))
            continue
        reader, result = wider_reading(page, reader, score, reader.read(page))
        if not (result.records or result.problems or result.skipped):  # a header and nothing else
            message = f"expected entries of a {reader.DESCRIPTION}, found none (nothing but its header?)"
            result = ReadResult(problems=(Problem(page.origin(0), message),))
        records += result.records
        problems += result.problems
        skipped += result.skipped
        # with a dedicated reader's records the general reading kept, both readers were used
        kinds += dict.fromkeys([reader.NAME, *(record.kind for record in result.records)])
    return ReadResult(tuple(records), tuple(problems), tuple(skipped)), kinds

