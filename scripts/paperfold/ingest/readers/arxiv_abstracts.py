"""Bare lists of arXiv abstracts: each paragraph starts with "Abstract:", nothing else.

    Abstract:Logit regularization, the addition of a convex penalty ...
    Abstract:The performance of large language models (LLMs) on verifiable
    tasks is usually measured by pass@k, ...

No titles, authors or dates: a record is one abstract, kept verbatim (LaTeX
such as `$k^{-β_\\text{eff}}$` included); only whitespace is collapsed. An
abstract may be hard-wrapped: the lines after an "Abstract:" line belong to it
until the next "Abstract:" line or a blank line. Text after a blank line that
does not start with "Abstract:" belongs to no abstract and is reported as a
warning rather than glued onto the previous one. An arXiv id mentioned in an
abstract ("extends arXiv:2011.06063") names other work, so it is not taken as
the record's own id; URLs in the text become links.
"""

from __future__ import annotations

import re

from paperfold.ingest.links import find_links
from paperfold.model import Dump, Problem, RawRecord, ReadResult, ReaderKind
from paperfold.ingest.normalize import clean_text

NAME = "arxiv_abstracts"
DESCRIPTION = 'plain list of arXiv abstracts, each starting with "Abstract:"'
KIND = ReaderKind(NAME, label="list of arXiv abstracts", precedence=20)
HEADER = None

# "Abstract:Logit regularization, the addition of ...", "  Abstract: We study ..."
ABSTRACT_START = re.compile(
    r"""^\s*Abstract\s*:\s*   # the label, with or without a space after the colon
        (?P<text>.*)$         # the first line of the abstract (may be empty)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "Title: ...", "Authors: ...": labels of a labelled page, which another reader handles
OTHER_LABEL = re.compile(r"^\s*(?:Title|Authors?|Subjects|Comments)\s*:", re.IGNORECASE)

STRAY_PREVIEW = 60  # characters of a stray line quoted in its problem


def score(text: str) -> float:
    """High when the text opens with "Abstract:" and has no other field labels."""
    lines = [line for line in text.split("\n") if line.strip()]
    starts = sum(1 for line in lines if ABSTRACT_START.match(line))
    if not starts:
        return 0.0
    if any(OTHER_LABEL.match(line) for line in lines):
        return 0.1
    if ABSTRACT_START.match(lines[0]):
        return 0.9
    return 0.4 if starts >= 2 else 0.1


def split_abstracts(lines: list[str]) -> tuple[list[tuple[int, list[str]]], list[int]]:
    """(start index, text parts) for each abstract, and indices of stray lines.

    A line continues the current abstract only if no blank line came between.
    """
    blocks: list[tuple[int, list[str]]] = []
    strays: list[int] = []
    open_block = False
    for index, line in enumerate(lines):
        if not line.strip():
            open_block = False
        elif match := ABSTRACT_START.match(line):
            blocks.append((index, [match["text"]]))
            open_block = True
        elif open_block:
            blocks[-1][1].append(line)
        else:
            strays.append(index)
    return blocks, strays


def stray_problem(dump: Dump, index: int, line: str) -> Problem:
    found = clean_text(line)[:STRAY_PREVIEW]
    message = f"expected a line starting with 'Abstract:' (or a wrapped line right after one), found '{found}'"
    return Problem(dump.origin(index), message, "warning")


def to_record(dump: Dump, index: int, parts: list[str]) -> RawRecord | Problem:
    abstract = clean_text(" ".join(parts))
    if not abstract:
        return Problem(dump.origin(index), "expected abstract text after 'Abstract:', found nothing")
    return RawRecord(
        origin=dump.origin(index),
        kind=NAME,
        abstract=abstract,
        links=find_links(abstract),
        lines={"abstract": dump.origin(index).line},
    )


def read(dump: Dump) -> ReadResult:
    lines = dump.text.split("\n")
    blocks, strays = split_abstracts(lines)
    results = [to_record(dump, index, parts) for index, parts in blocks]
    problems = [item for item in results if isinstance(item, Problem)]
    problems += [stray_problem(dump, index, lines[index]) for index in strays]
    records = [item for item in results if isinstance(item, RawRecord)]
    return ReadResult(tuple(records), tuple(sorted(problems, key=lambda p: p.origin)))
