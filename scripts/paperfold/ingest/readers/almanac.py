"""Almanac event pages: a headline with its summary, then "Related … (N)" sections.

    Almanac
    ← Events
    5arXiv cs.AI (Artificial Intelligence)·18h ago     <- importance, source, category, date
    Headline title
    Summary paragraph
    Related guides (1)                                 <- not papers: reported as skipped
    Related events (8)
    4arXiv · cs.LG·24d ago·source ↗
    Related title
    Related summary

Every part but the titles and summaries is optional, and blank lines may be
missing, so the page is read line by line (a summary is one line). The
headline and summary are Almanac's words, not the paper's title and
abstract; KIND.own_words=False tells the merge stage so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from paperfold.ingest.links import find_links
from paperfold.model import Dump, Problem, RawRecord, ReadResult, ReaderKind
from paperfold.ingest.normalize import RELATIVE_DATE, filled_lines, resolve_date
from paperfold.ingest.paragraphs import Paragraph, joined, numbered_lines

NAME = "almanac"
DESCRIPTION = "Almanac event page (headline, summary, related events)"
KIND = ReaderKind(NAME, label="Almanac event page", precedence=10, own_words=False,
                  stated_reason="listed together on Almanac")

# "Almanac": the page header line
HEADER = re.compile(r"^\s*Almanac\s*$")
# "← Events": the back link under the header
BACK_LINK = re.compile(r"^←\s*\S")
# "Related events (8)", "Related guides (1)"
SECTION = re.compile(r"^Related\s+(?P<what>[A-Za-z][A-Za-z ]*?)\s*\((?P<count>\d+)\)$", re.VERBOSE)
# "4arXiv · cs.LG·24d ago·source ↗", "9Openai Blog·1mo ago·source ↗": importance glued to the source
META_LINE = re.compile(r"^(?P<importance>\d{1,2})\s*(?P<rest>[^\d\s·][^·]*·.*)$", re.VERBOSE)
# "cs.LG", "cs.AI (Artificial Intelligence)", "hep-th", "q-bio.NC": an arXiv category
CATEGORY = r"""(?:cs|math|stat|eess|econ|q-bio|q-fin|physics|astro-ph|cond-mat|nlin|gr-qc
                 |hep-ex|hep-lat|hep-ph|hep-th|math-ph|nucl-ex|nucl-th|quant-ph)(?:\.[A-Za-z-]{2,})?"""
CATEGORY_PART = re.compile(rf"^(?P<category>{CATEGORY})(?:\s*\([^)]*\))?$", re.VERBOSE)
# "arXiv cs.AI (Artificial Intelligence)": a source with its category, no '·' between
SOURCE_PART = re.compile(rf"^(?P<source>.*?\S)(?:\s+(?P<category>{CATEGORY})(?:\s*\([^)]*\))?)?$", re.VERBOSE)
# Metadata only Almanac shows, kept in RawRecord.extras with the record's role ("headline", "related")
EXTRAS = ("importance", "source")


@dataclass(frozen=True)
class Entry:
    """One item of the page: an optional metadata line, a title and a summary paragraph."""

    meta: Paragraph | None = None
    title: Paragraph | None = None
    summary: Paragraph | None = None

    def first(self) -> Paragraph:
        return self.meta or self.title or self.summary


@dataclass(frozen=True)
class Section:
    heading: Paragraph | None  # None for the headline part above the first "Related … (N)"
    units: tuple[Paragraph, ...] = ()


# --- recognising lines ------------------------------------------------------


def quote(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def meta_parts(text: str) -> list[str] | None:
    """The '·'-separated parts of a metadata line after the importance, or None if it is not one."""
    match = META_LINE.match(text)
    parts = [part.strip() for part in match["rest"].split("·") if part.strip()] if match else []
    return parts if any(RELATIVE_DATE.match(part) for part in parts) else None


def is_meta(paragraph: Paragraph) -> bool:
    return len(paragraph) == 1 and meta_parts(paragraph[0].text) is not None


def is_chrome(paragraph: Paragraph) -> bool:
    """The page header and back link, which carry nothing to read."""
    return len(paragraph) == 1 and bool(HEADER.match(paragraph[0].text) or BACK_LINK.match(paragraph[0].text))


def read_meta_line(text: str, capture: date) -> dict:
    """'4arXiv · cs.LG·24d ago·source ↗' -> importance, source, category, date_text, date.

    The "source ↗" part is a link whose address the paste lost; it carries nothing.
    """
    first, *others = meta_parts(text)
    head = SOURCE_PART.match(first)
    fields = {"importance": int(META_LINE.match(text)["importance"]), "source": head["source"]}
    if head["category"]:
        fields["category"] = head["category"]
    for part in others:
        if match := CATEGORY_PART.match(part):
            fields["category"] = match["category"]
        elif RELATIVE_DATE.match(part):
            fields.update(date_text=part, date=resolve_date(part, capture))
    return fields


# --- the page's parts -------------------------------------------------------


def line_units(text: str) -> list[Paragraph]:
    """Every non-blank line on its own: Almanac puts one part per line, blank lines or not."""
    return [(line,) for line in numbered_lines(text) if line.text]


def sections(paragraphs: list[Paragraph]) -> list[Section]:
    """The headline part, then one Section per "Related … (N)" heading."""
    headings, units = [None], [[]]
    for paragraph in paragraphs:
        if len(paragraph) == 1 and SECTION.match(paragraph[0].text):
            headings.append(paragraph)
            units.append([])
        elif not is_chrome(paragraph):
            units[-1].append(paragraph)
    return [Section(heading, tuple(found)) for heading, found in zip(headings, units)]


def entries(units: tuple[Paragraph, ...]) -> tuple[Entry, ...]:
    """Group units: a metadata line starts an entry, and so does text after a title and summary."""
    found: list[Entry] = []
    for unit in units:
        current = found[-1] if found else None
        if is_meta(unit) or current is None or current.summary:
            found.append(Entry(meta=unit) if is_meta(unit) else Entry(title=unit))
        elif current.title is None:
            found[-1] = Entry(current.meta, title=unit)
        else:
            found[-1] = Entry(current.meta, current.title, summary=unit)
    return tuple(found)


# --- reading entries --------------------------------------------------------


def entry_problems(dump: Dump, entry: Entry) -> tuple[Problem, ...]:
    if entry.title is None:
        message = f"expected a title after the metadata line, found {quote(entry.meta[0].text)} then no title"
        return (Problem(dump.origin(entry.meta[0].index), message),)
    if entry.summary is None:
        message = f"expected a summary paragraph after the title {quote(joined(entry.title))}, found none"
        return (Problem(dump.origin(entry.title[0].index), message, "warning"),)
    return date_problems(dump, entry)


def date_problems(dump: Dump, entry: Entry) -> tuple[Problem, ...]:
    """A relative date too far back for the calendar ("3000y ago"): the entry stays, undated."""
    if not entry.meta:
        return ()
    return tuple(
        Problem(dump.origin(entry.meta[0].index), f"expected a relative date after year 1, found {quote(part)}: "
                "the entry is left undated", "warning")
        for part in meta_parts(entry.meta[0].text)[1:]
        if not CATEGORY_PART.match(part) and RELATIVE_DATE.match(part) and not resolve_date(part, dump.capture_date)
    )


def make_record(dump: Dump, entry: Entry, role: str) -> RawRecord:
    def line(paragraph: Paragraph) -> int:
        return dump.origin(paragraph[0].index).line

    fields, where = {"title": joined(entry.title)}, {"title": line(entry.title)}
    if entry.summary:
        fields.update(abstract=joined(entry.summary), links=find_links(joined(entry.summary)))
        where["abstract"] = line(entry.summary)
    extras = {"role": role}
    if entry.meta:
        meta = read_meta_line(entry.meta[0].text, dump.capture_date)
        where.update({name: line(entry.meta) for name in meta if name != "date_text"})
        extras.update({name: meta.pop(name) for name in EXTRAS if name in meta})
        fields.update(meta)
    return RawRecord(origin=dump.origin(entry.title[0].index), kind=NAME, **fields, extras=extras, lines=where)


def count_problem(dump: Dump, heading: Paragraph, found: int) -> tuple[Problem, ...]:
    stated = int(SECTION.match(heading[0].text)["count"])
    if stated == found:
        return ()
    message = f"{quote(heading[0].text)} says {stated} entries, found {found}"
    return (Problem(dump.origin(heading[0].index), message, "warning"),)


def read_headline(dump: Dump, section: Section) -> tuple[RawRecord | None, tuple[Problem, ...]]:
    found = entries(section.units)
    if not found:
        return None, (Problem(dump.origin(0), "expected a headline title and its summary, found none"),)
    extra = tuple(
        Problem(dump.origin(entry.first()[0].index), f"expected 'Related … (N)' after the headline, found {text}")
        for entry in found[1:]
        for text in [quote(joined(entry.first()))]
    )
    problems = entry_problems(dump, found[0]) + extra
    return (make_record(dump, found[0], "headline") if found[0].title else None), problems


def read_section(dump: Dump, section: Section) -> ReadResult:
    """A "Related events" section gives related papers; any other section's entries are skipped."""
    what = SECTION.match(section.heading[0].text)["what"].strip().lower()
    found = entries(section.units)
    problems = count_problem(dump, section.heading, len(found))
    problems += tuple(p for entry in found for p in entry_problems(dump, entry))
    titled = [entry for entry in found if entry.title]
    if what == "events":
        return ReadResult(tuple(make_record(dump, e, "related") for e in titled), problems)
    kind = what[:-1] if what.endswith("s") else what
    skipped = tuple(
        Problem(dump.origin(entry.title[0].index), f"an Almanac {kind}, not a paper: {title}", "warning")
        for entry in titled
        for title in [quote(joined(entry.title))]
    )
    return ReadResult(problems=problems, skipped=skipped)


def link_related(headline: RawRecord | None, related: tuple[RawRecord, ...]) -> tuple[RawRecord, ...]:
    """The headline lists the related events, and each of them is related back to it."""
    if headline is None:
        return related
    return (replace(headline, related_to=tuple(r.origin for r in related)),) + tuple(
        replace(r, related_to=(headline.origin,)) for r in related
    )


def read(dump: Dump) -> ReadResult:
    headline_part, *related_parts = sections(line_units(dump.text))
    headline, problems = read_headline(dump, headline_part)
    results = [read_section(dump, part) for part in related_parts]
    related = tuple(record for result in results for record in result.records)
    problems += tuple(problem for result in results for problem in result.problems)
    skipped = tuple(item for result in results for item in result.skipped)
    return ReadResult(link_related(headline, related), problems, skipped)


def score(text: str) -> float:
    """Structure only: "Related … (N)" headings, the "Almanac" header, metadata lines ('·' and 'ago')."""
    if not ("Related" in text or "Almanac" in text or "·" in text):  # what each of the three needs
        return 0.0
    lines = filled_lines(text)
    sections_found = "Related" in text and any(SECTION.match(line) for line in lines)
    header = any(HEADER.match(line) for line in lines[:3])
    metas = sum(1 for line in lines if "·" in line and meta_parts(line) is not None)
    value = (0.6 if sections_found else 0.0) + (0.3 if header else 0.0) + min(0.3, 0.15 * metas)
    return min(1.0, value)
