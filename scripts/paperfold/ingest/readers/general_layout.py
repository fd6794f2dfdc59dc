"""Scholarly pages of any site: the page's layout, read from its lines alone.

Where a pasted page starts inside a list of other work (its "Skip to main content", or the
head above an "Abstract" label with an abstract's length), a speaker's "Name: Title" over a
talk's abstract, a counter's label ("CITATIONS" over "99") that is no heading, the lines a
PDF viewer sets apart with blank lines, and the lines with an affiliation a few lines below.
general_entries.py asks these while it steps through the lines. Pure functions.
"""

from __future__ import annotations

import re

from paperfold.ingest.names import names_line
from paperfold.ingest.paragraphs import Line
from paperfold.ingest.readers.general_checks import MIN_ABSTRACT_WORDS, is_affiliation
from paperfold.ingest.readers.general_lines import ABSTRACT_LABEL, CITATION, CITED_HEADING, LINK_LINE, PAGE_TOP
from paperfold.ingest.readers.general_recognise import ANNOUNCE

AFFILIATION_AHEAD = 3  # non-blank lines after a lone name in which its affiliation may stand
PAGE_HEAD_LINES = 8  # lines above a pasted page's abstract that may be its title, authors and dates
COUNT_ALONE = re.compile(r"""^\d[\d,.]*\s*[kKmM]?$""", re.VERBOSE)  # "99", "6,722", "1.2k"
# "Hugo Larochelle: The Neural Autoregressive Distribution Estimator": a talk under an "Invited talks" heading
TALK_LINE = re.compile(r"""^(?P<speaker>[^:]{3,60}?)\s*:\s+(?P<title>\S.*)$""", re.VERBOSE)


def next_text(lines: list[Line], position: int) -> str:
    """The first non-blank line after `position`, found by index: a long page is not copied for
    each line that asks (a programme's every time slot, a digest's every "Abstract" label)."""
    return next((lines[after].text for after in range(position + 1, len(lines)) if lines[after].text), "")


def affiliations_ahead(lines: list[Line]) -> list[bool]:
    """For each line: does an affiliation stand within the next few non-blank lines?"""
    filled = [i for i, line in enumerate(lines) if line.text]
    affiliated = {i for i in filled if is_affiliation(lines[i].text)}
    ahead = [False] * len(lines)
    for position, i in enumerate(filled):
        ahead[i] = any(j in affiliated for j in filled[position + 1:position + 1 + AFFILIATION_AHEAD])
    return ahead


def opens_abstract(lines: list[Line], position: int) -> bool:
    """An "Abstract" label with an abstract's worth of text on its line or the next."""
    text = lines[position].text
    if match := ANNOUNCE.match(text):
        return len(match["text"].split()) >= MIN_ABSTRACT_WORDS
    if not (match := ABSTRACT_LABEL.match(text)):
        return False
    return len((match["text"] or next_text(lines, position)).split()) >= MIN_ABSTRACT_WORDS


def page_start(lines: list[Line], position: int, heading: int) -> int | None:
    """Where a new page starts, if line `position` under a list of other work shows that one
    does: its "Skip to main content", or the lines above its abstract back to the last citation."""
    if PAGE_TOP.match(lines[position].text):
        return position
    if not opens_abstract(lines, position):
        return None
    head = [back for back in range(position - 1, -1, -1) if lines[back].text and lines[back].index > heading]
    if head and talk_head(lines[head[0]].text):
        return None  # "Hugo Larochelle: The Neural Autoregressive ...", "Abstract: ...": a talk of the list
    start = position
    for n, back in enumerate(head[:PAGE_HEAD_LINES]):
        text = lines[back].text
        above = lines[head[n + 1]].text if n + 1 < len(head) else ""
        if CITATION.search(text) or CITED_HEADING.match(text) or LINK_LINE.match(text) and CITATION.search(above):
            break
        start = back
    return start


def counter_label(lines: list[Line], position: int) -> bool:
    """"CITATIONS", then "99" on the next line: a counter's label (a PDF's cover page), not a
    heading over a list of other work."""
    if not CITED_HEADING.match(lines[position].text):
        return False
    return bool(COUNT_ALONE.match(next_text(lines, position)))


def talk_head(text: str) -> bool:
    """"John Langford: Imperative Learning": a speaker's name, a colon, the talk's title."""
    match = TALK_LINE.match(text)
    return bool(match) and names_line(match["speaker"], alone=True) is not None


def set_apart(lines: list[Line]) -> frozenset[int]:
    """The page's non-blank lines with a blank line right above and right below: how a PDF viewer
    page sets each line of a title apart."""
    blank = {line.index for line in lines if not line.text}
    return frozenset(line.index for line in lines if line.text and {line.index - 1, line.index + 1} <= blank)
