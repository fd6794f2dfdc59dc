"""Scholarly pages of any site: what of a title line is the title, and what a summary under
a title says of it (general_entries.py calls these). Pure functions.

    • “Dropout: A Simple Way to Prevent Neural Networks from Overfitting”   <- a bullet, quotation marks
    DR-Arena: Automated Evaluation for "Deep Research" Agents (paper)        <- a digest's link word
    DBLP — Some Lessons Learned ∗                                             <- a PDF's footnote mark
    Women's groups and COVID-19 [version 1; peer review: awaiting ...]        <- a note on the version
    Cognitive Homeostatic Agents (Page 12)                                   <- its page in a contents list
"""

from __future__ import annotations

import re

from paperfold.ingest.readers.general_checks import BULLETS

# "... in Africa [version 1; peer review: awaiting peer review]", "... physics (updated to 2021/1/1)":
# a note on the version after a title, not part of it
TITLE_NOTE = re.compile(
    r"""\s*[\[(](?:version\s+\d|v\d+\b|updated|revised|extended\s+version|preprint|draft|corrected)[^\])]*[\])]\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# "DR-Arena: Automated Evaluation for "Deep Research" Agents (paper)", "Title [paper] [code]": a digest's
# link words after a title; "DBLP — Some Lessons Learned ∗": a PDF's footnote mark on a title
_LINK_WORD = r"""(?:paper|pdf|code|arxiv|link|project(?:\s+page)?|blog|github|website|demo|video|slides)"""
TITLE_TAIL = re.compile(
    rf"""(?:\s*[\[(]{_LINK_WORD}(?:\s*[,|/&]\s*{_LINK_WORD})*[\])])+\s*$|\s*[∗†‡]+$|\s+\*+$""",
    re.VERBOSE | re.IGNORECASE,
)
# "DuMate-DeepResearch", "Q-Evolve", "AbbIE", "GPT-4": a name coined for a system (a capital inside
# the word, or a hyphen or digit in it), not a word of English ("Transformers: ...")
COINED_NAME = re.compile(r"""^[A-Z](?=\S*(?:[a-z][A-Z]|[A-Z]{2}|[-\d]))\S{1,40}$""", re.VERBOSE)
# " is a multi-agent framework designed to ...": what a summary says of the system it opens with
INTRODUCED = re.compile(
    r"""^\s+(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:framework|method|model|system|benchmark|dataset
          |approach|architecture|algorithm|technique|tool|library|agent|pipeline|suite|corpus)s?\b""",
    re.VERBOSE,
)
# "“Dropout: A Simple Way to Prevent Neural Networks from Overfitting”": a title set in quotation marks
WHOLLY_QUOTED = re.compile(r"""^["“](?P<inner>[^"“”]{3,})["”]$""", re.VERBOSE)


# "Cognitive Homeostatic Agents (Page 12)", "... Agents (p. 12)", "(pp. 5-9)": where a contents list's
# entry starts in the volume, after its title; only a title loses it ("... as argued (p. 12)" in an
# abstract or a citation keeps it)
PAGE_REFERENCE = re.compile(r"""\s+\((?:Page|pp?\.)\s*[\dxvilc]+(?:\s*[–-]\s*[\dxvilc]+)?\)$""", re.VERBOSE | re.IGNORECASE)

# "... Deep Bibliographic Coupling.": a full stop the source put after a title (not "... vs.", "Inc.")
TITLE_STOP = re.compile(r"""(?<=[a-z]{4})\.$""", re.VERBOSE)


def title_text(text: str) -> str:
    """The title a title line shows, without a list's bullet, a note on the version, its page in a
    contents list, link words, a footnote mark, a full stop after it or the quotation marks it is set in."""
    text = PAGE_REFERENCE.sub("", text.lstrip(BULLETS + " "))
    text = TITLE_STOP.sub("", TITLE_TAIL.sub("", TITLE_NOTE.sub("", text)))
    return quoted["inner"] if (quoted := WHOLLY_QUOTED.match(text)) else text


def introduces_title(text: str, title: str) -> bool:
    """"DuMate-DeepResearch is a multi-agent framework designed to ..." under "DuMate-DeepResearch:
    An Auditable Multi-Agent System ...": a summary that opens by saying what the name its title
    coins is."""
    name = title.split(":")[0].strip()
    return ":" in title and bool(COINED_NAME.match(name)) and bool(INTRODUCED.match(text[len(name):])) and (
        text.startswith(name))
