"""Scholarly pages of any site: a contents list, as journals and printed proceedings give it
(general_pieces.py joins an entry wrapped over lines, general_lines.py reads each entry).

    ■ Deep Learning for Text Style Transfer: A Survey, by Di Jin, 155–205.     <- a journal's contents
    Learning with Symmetric Label Noise: The Importance of                       <- a proceedings' contents:
    Being Unhinged, Brendan Rooyen, Aditya Menon, and Robert                        the title, its authors and
    Williamson, NICTA . . . . . . . . . . . . . . . . . . . . . 10                  their affiliations, wrapped

What marks an entry is its end: the dot leaders and the page number, or the page range.
Pure functions.
"""

from __future__ import annotations

import re

from paperfold.ingest.names import Names, names_line
from paperfold.ingest.paragraphs import Line

# "... Williamson, NICTA . . . . . . . . 10": an entry's end, its dot leaders and page number
LEADERS_END = re.compile(r"""(?:\s*\.){3,}\s*\d*\s*$""", re.VERBOSE)
MIN_LEADER_LINES = 2  # a page with fewer is no contents list
MAX_WRAPPED_LINES = 2  # lines of an entry before the one with its leaders
# "Double or Nothing: ... Mechanisms for", "Crowdsourcing, Nihar Shah, UC Berkeley, Dengyong Zhou, Microsoft":
# a line an entry wraps from ends inside the text, with a letter or a comma ("ISBN: 978-1-5108-2502-4" does not)
WRAPPED_END = re.compile(r"""[^\W\d_],?$""", re.VERBOSE)
# ", 155–205.", ", pp. 5-42", " 207–219": an entry's pages after its authors
PAGES_END = re.compile(r"""\s*,?\s*(?:pp?\.\s*)?\d{1,5}(?:\s*[–-]\s*\d{1,5})?\.?\s*$""", re.VERBOSE)
# "... Perspective by Yue Zhang and Zhiyang Teng, by Julia Ive": the last ", by " opens the authors
BY_AUTHORS = re.compile(r""",\s+by\s+(?=\S)(?!.*,\s+by\s)""", re.VERBOSE)
# "UC Berkeley", "MIT Lincoln Laboratory": an institution opening with an acronym, never a person
ACRONYM_FIRST = re.compile(r"""^[A-Z]{2,}\b""", re.VERBOSE)


def joined_entries(lines: list[Line]) -> list[Line]:
    """A contents list's entries wrapped over lines, each joined onto the line with its dot
    leaders (keeping the first line's number); other lines as they are."""
    if sum(bool(LEADERS_END.search(line.text)) for line in lines if "." in line.text) < MIN_LEADER_LINES:
        return lines
    out: list[Line] = []
    for line in lines:
        if LEADERS_END.search(line.text):
            wrapped = []
            while out and len(wrapped) < MAX_WRAPPED_LINES and wraps(out[-1]):
                wrapped.insert(0, out.pop())
            if wrapped:
                line = Line(wrapped[0].index, " ".join(part.text for part in wrapped + [line]))
        out.append(line)
    return out


def wraps(line: Line) -> bool:
    """A line an entry wraps from: text ending inside the entry, not another entry's end."""
    return bool(line.text) and not line.glued and not LEADERS_END.search(line.text) and bool(
        WRAPPED_END.search(line.text))


def by_entry(text: str, bulleted: bool) -> tuple[str, Names] | None:
    """A journal contents' "Title, by Names, pages." entry: the title and its authors; a bulleted
    item, or one that ends in its pages."""
    body = PAGES_END.sub("", text)
    if not (bulleted or body != text) or not (match := BY_AUTHORS.search(body)):
        return None
    title, names = body[:match.start()].strip(), body[match.end():].strip().rstrip(".")
    found = names_line(names, alone=True)
    return (title, found) if found else None


def listed_authors(body: str) -> tuple[str, Names] | None:
    """A proceedings' contents entry, "Title, A, Affiliation, B and C, Affiliation" (dot leaders
    gone): the title is what comes before the first part that is a person's name; the authors are
    the parts that are names, the affiliations between them left out."""
    parts = [part.strip() for part in body.split(",")]
    for start in range(1, len(parts)):
        people = [found for part in parts[start:] if (found := person(part))]
        if person(parts[start]) and people:
            names = tuple(name for found in people for name in found.names)
            return ", ".join(parts[:start]), Names(names)
    return None


def person(part: str) -> Names | None:
    """The names in one comma-separated part of an entry ("and Robert Williamson", "Nihar Shah"),
    never an institution ("UC Berkeley", "Microsoft Research")."""
    part = re.sub(r"""^and\s+""", "", part)
    return None if ACRONYM_FIRST.match(part) else names_line(part, alone=True)
