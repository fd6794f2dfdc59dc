"""Hugging Face Daily Papers listing and search pages.

A page is an optional header block ("new", "Get trending papers in your email
inbox!", "Subscribe", "Daily Papers", "byAK and the research community"), an
optional page date ("Apr 13"), then entries separated by blank lines:

    Title
    Abstract (maybe hard-wrapped over several lines)
      • 3 authors             <- or "  • Ada Lovelace" lines, or an organisation line
    ·
    Feb 27 3                  <- date, then the upvote count if any

The meta block (byline, "·", date) is optional. Year-less dates are resolved
against the page date, itself resolved against the dump's capture date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from paperfold.ingest.links import find_links
from paperfold.model import Dump, Problem, RawRecord, ReadResult, ReaderKind
from paperfold.ingest.normalize import filled_lines, resolve_date
from paperfold.ingest.paragraphs import Line, Paragraph, joined, split_paragraphs

NAME = "hf_daily"
DESCRIPTION = "Hugging Face Daily Papers listing or search page"
KIND = ReaderKind(NAME, label="Hugging Face Daily Papers", precedence=30)

# "new": the first line of the page header block, so a second pasted page
# starts here and takes its whole header block along.
HEADER = re.compile(r"^\s*new\s*$")

# "Get trending papers in your email inbox!", "Daily Papers", "byAK and the research community"
HEADER_LINE = re.compile(
    r"""^(?:new | Subscribe | Daily\ Papers
          | Get\ trending\ papers\ in\ your\ email\ inbox!?
          | by\s*AK\ and\ the\ research\ community)$""",
    re.VERBOSE,
)
# What a header line that counts in `score` (all but "new" and "Subscribe") always holds
HEADER_WORDS = ("Daily Papers", "Get trending papers", "AK and the research community")
# "• 3 authors", "• 1 author"
AUTHOR_COUNT = re.compile(r"^•\s*(?P<count>\d+)\s+authors?$", re.VERBOSE)
# "• Ada Lovelace"
AUTHOR_NAME = re.compile(r"^•\s*(?P<name>\S.*)$", re.VERBOSE)
SEPARATOR = "·"
# "Feb 27 3", "Aug 11, 2025 2", "Mar 16", "May 30, 2022"
DATE_LINE = re.compile(
    r"""^(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)   # "Aug 11, 2025"
        (?:\s+(?P<upvotes>\d+))?$                            # " 2" upvotes
    """,
    re.VERBOSE,
)
MAX_TITLE_CHARS = 250


@dataclass(frozen=True)
class Meta:
    """What a meta block says: RawRecord fields, their lines, and its problems."""

    fields: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


# --- recognising paragraphs -------------------------------------------------


def is_header(paragraph: Paragraph) -> bool:
    return all(HEADER_LINE.match(line.text) for line in paragraph)


def is_meta(paragraph: Paragraph) -> bool:
    return paragraph[0].text.startswith("•") or any(line.text == SEPARATOR for line in paragraph)


def is_bylines(paragraph: Paragraph) -> bool:
    return all(line.text.startswith("•") for line in paragraph)


def is_page_date(paragraph: Paragraph) -> bool:
    match = len(paragraph) == 1 and DATE_LINE.match(paragraph[0].text)
    return bool(match) and not match["upvotes"]


def looks_like_title(paragraph: Paragraph) -> bool:
    """Text heuristic, used last: only to tell a stray paragraph from a title."""
    text = paragraph[0].text
    return len(paragraph) == 1 and len(text) <= MAX_TITLE_CHARS and not text.endswith(".")


def separate_header(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Header lines pasted without a blank line after them become a paragraph of their own."""
    separated: list[Paragraph] = []
    for paragraph in paragraphs:
        count = next((i for i, line in enumerate(paragraph) if not HEADER_LINE.match(line.text)), len(paragraph))
        separated += [part for part in (paragraph[:count], paragraph[count:]) if part]
    return separated


def split_glued_entries(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A paragraph that goes on after its '·' and date line holds the next entries, pasted
    without blank lines: cut it after each date, and each entry after it into its title,
    abstract and meta block (bylines or an organisation line, '·', date)."""
    separated: list[Paragraph] = []
    for paragraph in paragraphs:
        head, *entries = _cut_after_dates(paragraph)
        separated.append(head)
        for entry in entries:
            separated += _entry_parts(entry)
    return separated


def _cut_after_dates(paragraph: Paragraph) -> list[Paragraph]:
    parts, start = [], 0
    for i in range(1, len(paragraph) - 1):
        if paragraph[i - 1].text == SEPARATOR and DATE_LINE.match(paragraph[i].text):
            parts.append(paragraph[start:i + 1])
            start = i + 1
    return parts + [paragraph[start:]] if start < len(paragraph) else parts


def _entry_parts(entry: Paragraph) -> list[Paragraph]:
    """Title (the first line), abstract (the lines up to the meta block), meta block."""
    meta = _meta_start(entry)
    return [part for part in (entry[:1], entry[1:meta], entry[meta:]) if part]


def _meta_start(entry: Paragraph) -> int:
    """Where the meta block starts: the first '•' line; else the organisation line before
    '·' (when a title and an abstract come before it), else '·'; else nowhere (the end)."""
    bylines = next((i for i, line in enumerate(entry) if line.text.startswith("•")), None)
    if bylines is not None:
        return max(bylines, 1)
    separator = next((i for i, line in enumerate(entry) if line.text == SEPARATOR), None)
    if separator is None:
        return len(entry)
    return separator - 1 if separator >= 3 else max(separator, 1)


def continues_meta(previous: Paragraph, paragraph: Paragraph) -> bool:
    """True if `paragraph` is the next part of the meta block `previous` started."""
    if is_bylines(previous):
        return paragraph[0].text == SEPARATOR or is_bylines(paragraph)
    single_date = len(paragraph) == 1 and DATE_LINE.match(paragraph[0].text)
    return previous[-1].text == SEPARATOR and bool(single_date)


def glue_meta(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Join a meta block split by blank lines (or one line a paragraph): bylines, '·', date."""
    glued: list[Paragraph] = []
    for paragraph in paragraphs:
        if glued and continues_meta(glued[-1], paragraph):
            glued[-1] = glued[-1] + paragraph
        else:
            glued.append(paragraph)
    return glued


# --- reading meta blocks ----------------------------------------------------


def quote(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def flagged(dump: Dump, line: Line, message: str, severity: str = "error") -> Meta:
    return Meta(problems=(Problem(dump.origin(line.index), message, severity),))


def read_author_lines(dump: Dump, lines: tuple[Line, ...]) -> Meta:
    """'• 3 authors' gives the count; '• Ada Lovelace' lines give names."""
    counted = [line for line in lines if AUTHOR_COUNT.match(line.text)]
    named = [line for line in lines if not AUTHOR_COUNT.match(line.text)]
    fields, where = {}, {}
    if counted:
        fields["author_count"] = int(AUTHOR_COUNT.match(counted[0].text)["count"])
        where["author_count"] = dump.origin(counted[0].index).line
    names = [(line, AUTHOR_NAME.match(line.text)) for line in named]
    if any(match for _, match in names):
        fields["authors"] = tuple(match["name"] for _, match in names if match)
        where["authors"] = dump.origin(named[0].index).line
    # a line among the author lines that is neither '• Name' nor '• 3 authors' (a mangled paste)
    problems = tuple(Problem(dump.origin(line.index), f"expected an author line like '  • Ada Lovelace', found "
                             f"{quote(line.text)}", "warning") for line, match in names if not match)
    return Meta(fields, where, problems)


def read_byline(dump: Dump, lines: tuple[Line, ...]) -> Meta:
    """Author lines, or one organisation line: what comes before '·'."""
    if not lines:
        return Meta()
    if is_bylines(lines):
        return read_author_lines(dump, lines)
    if len(lines) == 1:
        return Meta({"organisation": lines[0].text}, {"organisation": dump.origin(lines[0].index).line})
    found = quote(" / ".join(line.text for line in lines))
    message = f"expected an authors line like '  • 3 authors' or one organisation line before '·', found {found}"
    return flagged(dump, lines[0], message)


def read_date(dump: Dump, line: Line, reference: date) -> Meta:
    """'Feb 27 3' -> date, date_text and upvotes."""
    match = DATE_LINE.match(line.text)
    resolved = resolve_date(match["date"], reference) if match else None
    if not resolved:
        message = f"expected a date after '·' like 'Feb 27' or 'Aug 11, 2025 2', found {quote(line.text)}"
        return flagged(dump, line, message)
    number = dump.origin(line.index).line
    fields, where = {"date": resolved, "date_text": match["date"]}, {"date": number}
    if match["upvotes"]:
        fields["upvotes"], where["upvotes"] = int(match["upvotes"]), number
    return Meta(fields, where)


def combine(*parts: Meta) -> Meta:
    fields, where, problems = {}, {}, ()
    for part in parts:
        fields, where, problems = {**fields, **part.fields}, {**where, **part.lines}, problems + part.problems
    return Meta(fields, where, problems)


def read_after_separator(dump: Dump, separator: Line, after: tuple[Line, ...], reference: date) -> Meta:
    """The date line after '·', and nothing else before the next blank line."""
    if not after:
        return flagged(dump, separator, "expected a date after '·', found a blank line or the end of the page")
    extra = [flagged(dump, line, f"expected a blank line after the date, found {quote(line.text)}") for line in after[1:2]]
    return combine(read_date(dump, after[0], reference), *extra)


def read_meta(dump: Dump, block: Paragraph, reference: date) -> Meta:
    """A meta block: byline lines, '·', then a date line."""
    at = next((i for i, line in enumerate(block) if line.text == SEPARATOR), None)
    if at is None:
        message = f"expected '·' and a date after the authors line, found {quote(block[-1].text)} then a blank line"
        return combine(read_byline(dump, block), flagged(dump, block[-1], message, "warning"))
    after = read_after_separator(dump, block[at], block[at + 1 :], reference)
    return combine(read_byline(dump, block[:at]), after)


# --- pairing paragraphs into entries ----------------------------------------


def pair_up(dump: Dump, run: list[Paragraph], following: str) -> tuple[list, list[Problem]]:
    """Title + abstract pairs from a run of text paragraphs; a paragraph that fits neither is a Problem."""
    pairs, problems, i = [], [], 0
    while i < len(run):
        odd, paragraph = (len(run) - i) % 2 == 1, run[i]
        if odd and not looks_like_title(paragraph):
            message = f"expected a title (one short line), found {quote(joined(paragraph))}"
            problems.append(Problem(dump.origin(paragraph[0].index), message))
            i += 1
        elif odd and (i + 1 == len(run) or looks_like_title(run[i + 1])):
            found = quote(joined(run[i + 1])) if i + 1 < len(run) else following
            message = f"expected an abstract paragraph after the title {quote(joined(paragraph))}, found {found}"
            problems.append(Problem(dump.origin(paragraph[0].index), message))
            pairs.append((paragraph, None))
            i += 1
        else:
            pairs.append((paragraph, run[i + 1]))
            i += 2
    return pairs, problems


def make_record(dump: Dump, title: Paragraph, abstract: Paragraph | None, meta: Meta) -> RawRecord:
    fields, where = {"title": joined(title)}, {"title": dump.origin(title[0].index).line}
    if abstract:
        text = joined(abstract)
        fields.update(abstract=text, links=find_links(text))
        where["abstract"] = dump.origin(abstract[0].index).line
    origin = dump.origin(title[0].index)
    return RawRecord(origin=origin, kind=NAME, **fields, **meta.fields, lines={**where, **meta.lines})


def split_organisation(run: list[Paragraph], meta: Paragraph | None):
    """An organisation line parted from its '·' (no blank lines, or an extra one): the odd one out after pairs."""
    if meta and meta[0].text == SEPARATOR and len(run) >= 3 and len(run) % 2 == 1 and len(run[-1]) == 1:
        return run[:-1], run[-1] + meta
    return run, meta


def read_entries(dump: Dump, run: list[Paragraph], meta: Paragraph | None, reference: date) -> ReadResult:
    run, meta = split_organisation(run, meta)
    pairs, problems = pair_up(dump, run, "the authors and date" if meta else "the next page or the end")
    if meta and not pairs:
        message = f"expected a title and an abstract before this block, found {quote(meta[0].text)}"
        return ReadResult(problems=tuple(problems) + (Problem(dump.origin(meta[0].index), message),))
    metas = [Meta()] * len(pairs)
    if meta:
        metas[-1] = read_meta(dump, meta, reference)
        problems += metas[-1].problems
    records = tuple(make_record(dump, title, abstract, m) for (title, abstract), m in zip(pairs, metas))
    return ReadResult(records, tuple(problems))


# --- the page ---------------------------------------------------------------


def groups(paragraphs: list[Paragraph]):
    """('page_date', paragraph) and ('entries', text paragraphs, meta block or None), in page order."""
    run, after_header = [], True  # a page date follows the header, or opens a page without one
    for paragraph in paragraphs:
        header = is_header(paragraph)
        if header:
            if run:
                yield "entries", run, None
            run = []
        elif after_header and not run and is_page_date(paragraph):
            yield "page_date", paragraph, None
        elif is_meta(paragraph):
            yield "entries", run, paragraph
            run = []
        else:
            run.append(paragraph)
        after_header = header
    if run:
        yield "entries", run, None


def page_reference(paragraph: Paragraph, capture_date: date) -> date:
    resolved = resolve_date(DATE_LINE.match(paragraph[0].text)["date"], capture_date)
    return date.fromisoformat(resolved) if resolved and len(resolved) == 10 else capture_date


def read(dump: Dump) -> ReadResult:
    records, problems, reference = [], [], dump.capture_date
    paragraphs = split_glued_entries(separate_header(split_paragraphs(dump.text)))
    for kind, payload, meta in groups(glue_meta(paragraphs)):
        if kind == "page_date":
            reference = page_reference(payload, dump.capture_date)
            continue
        result = read_entries(dump, payload, meta, reference)
        records += result.records
        problems += result.problems
    return ReadResult(tuple(records), tuple(problems))


def score(text: str) -> float:
    """Page header lines and meta blocks ('·' then a date; '• N authors'), not wording. Lines
    are looked at only for what the text holds: most pages of other kinds hold none of it."""
    if not (SEPARATOR in text or "•" in text or any(words in text for words in HEADER_WORDS)):
        return 0.0
    lines = filled_lines(text)
    header = len({line.lower() for line in lines if HEADER_LINE.match(line)} - {"new", "subscribe"}) >= 2
    dated = sum(1 for a, b in zip(lines, lines[1:]) if a == SEPARATOR and DATE_LINE.match(b)) if SEPARATOR in text else 0
    counted = sum(1 for line in lines if AUTHOR_COUNT.match(line)) if "•" in text else 0
    blocks = max(dated, counted)
    block_score = min(0.9, 0.3 + 0.2 * blocks) if blocks else 0.0
    return min(1.0, (0.7 if header else 0.0) + block_score)
