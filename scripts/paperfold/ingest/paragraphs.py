"""Split a page's text into paragraphs of numbered, stripped lines.

Listing pages separate their parts with blank lines. Pasted text may carry
whitespace-only lines and stray '\\r' (blank too), or no blank lines at all,
in which case every line is its own paragraph. Pure functions, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from paperfold.ingest.normalize import clean_text


@dataclass(frozen=True)
class Line:
    index: int  # 0-based line of the page text; Dump.origin(index) gives the file line
    text: str  # stripped of surrounding whitespace, stray '\r' and BOM
    glued: bool = False  # a field cut from the line before it ("... Network title : ...")


Paragraph = tuple[Line, ...]


def numbered_lines(text: str) -> list[Line]:
    return [Line(i, raw.replace("\ufeff", "").strip()) for i, raw in enumerate(text.split("\n"))]


def has_inner_blank(lines: list[Line]) -> bool:
    """True if a blank line separates two non-blank lines."""
    filled = [line.index for line in lines if line.text]
    return any(not line.text for line in lines if filled and filled[0] < line.index < filled[-1])


def split_paragraphs(text: str) -> list[Paragraph]:
    """Runs of non-blank lines; every line its own paragraph if the text has no blank lines."""
    lines = numbered_lines(text)
    if not has_inner_blank(lines):
        return [(line,) for line in lines if line.text]
    paragraphs, current = [], []
    for line in lines + [Line(len(lines), "")]:
        if line.text:
            current.append(line)
        elif current:
            paragraphs.append(tuple(current))
            current = []
    return paragraphs


def joined(paragraph: Paragraph) -> str:
    """The paragraph's lines as one line of text (for a hard-wrapped title or abstract)."""
    return clean_text(" ".join(line.text for line in paragraph))
