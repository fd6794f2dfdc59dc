"""Scholarly pages of any site: a contents list, as journals and printed proceedings give it,
and a reading list of citations (general_pieces.py joins an entry wrapped over lines,
general_recognise.py reads each entry).

    ■ Deep Learning for Text Style Transfer: A Survey, by Di Jin, 155–205.     <- a journal's contents
    Learning with Symmetric Label Noise: The Importance of                       <- a proceedings' contents:
    Being Unhinged, Brendan Rooyen, Aditya Menon, and Robert                        the title, its authors and
    Williamson, NICTA . . . . . . . . . . . . . . . . . . . . . 10                  their affiliations, wrapped
    • Xgboost Chen, Tianqi, and Carlos Guestrin. "Xgboost: A scalable tree       <- a citation as a scholar
      boosting system." Proceedings of the 22nd acm sigkdd ... 2016.                search's "Cite" gives it

What marks a contents entry is its end: the dot leaders and the page number, or the page
range; a citation, its names before the quoted title and a year after it.
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
# "UC Berkeley", "MIT Lincoln Laboratory", "TU Berlin", "IBM Research": an institution named by its
# acronym first (and a few capitalised words), never a person
ACRONYM_INSTITUTION = re.compile(r"""^[A-Z]{2,}\b(?:\s+[A-Z][\w-]*){0,3}$""", re.VERBOSE)


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
    return None if ACRONYM_INSTITUTION.match(part) else names_line(part, alone=True)


# 'Chen, Tianqi, and Carlos Guestrin. "Xgboost: A scalable tree boosting system." Proceedings ... 2016.':
# a citation (family name first, then the others), the title in quotation marks, the venue and year
CITATION_LINE = re.compile(
    r"""^(?P<names>[^"“”]{3,200}?)\.\s+["“](?P<title>[^"“”]{8,300}?)\.?["”]\s+(?P<venue>.*\b(?:19|20)\d\d\b.*)$""",
    re.VERBOSE,
)
PARTICLES = {"van", "der", "de", "von", "den", "la", "le", "di", "da", "del", "du"}


def citation(text: str) -> tuple[str, Names] | None:
    """A reading list's citation, 'Family, Given, and Given Family. "Title." Venue, Year.', perhaps
    after the short name the list gives the paper ('LightGBM Ke, Guolin, et al. "Lightgbm: ..."'):
    the title and its authors. General.py asks for two on a page."""
    if not (match := CITATION_LINE.match(text)) or not (found := citation_names(match["names"])):
        return None
    return match["title"].strip(), found


def citation_names(text: str) -> Names | None:
    """"Chen, Tianqi, and Carlos Guestrin", "Ke, Guolin, et al.", "t-SNE Van der Maaten, Laurens, and
    Geoffrey Hinton": the first author family name first (a short name before it left out), the
    others as written."""
    et_al = bool(re.search(r""",?\s+et\s+al\.?$""", text))
    parts = [part.strip() for part in re.split(r""",\s*(?:and\s+)?|\s+and\s+""", re.sub(r""",?\s+et\s+al\.?$""", "", text))]
    if len(parts) < 2 or not parts[1]:
        return None
    family_words: list[str] = []
    for word in reversed(parts[0].split()):  # "t-SNE Van der Maaten": the family name ends the part
        if family_words and word.lower() not in PARTICLES:
            break
        family_words.insert(0, word)
    first = names_line(f"{parts[1]} {' '.join(family_words)}", alone=True)
    others = [names_line(part, alone=True) for part in parts[2:] if part]
    if not first or len(first.names) != 1 or not all(found and len(found.names) == 1 for found in others):
        return None
    return Names(first.names + tuple(found.names[0] for found in others if found), et_al=et_al)
