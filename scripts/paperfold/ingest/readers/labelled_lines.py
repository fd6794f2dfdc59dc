"""Labelled-field pages, line by line: which lines make up each record (labelled.py
reads the records' fields).

A record starts at an id line, at a "Submitted on" line, or at a Title: or
Abstract: line when the current record already has that field. An unlabelled
line continues the field above it (hard wrapping) until a blank line or a line
of page chrome ("Submission history"). On /new listings the abstract is an
unlabelled paragraph after Subjects:, and it is read as the abstract.
Unknown labels and page chrome are ignored. A label other than Title: or
Abstract: that repeats within one record (two pages pasted into one) keeps its
first value; the repeat is kept aside for a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from paperfold.ingest.links import find_arxiv_id
from paperfold.ingest.normalize import clean_text

# "[1] arXiv:2604.12345 [pdf, html, other]", "arXiv:2604.12345 (cs)", "- [1] arXiv:..." (a list's dash)
ID_LINE = re.compile(
    r"""^\s*(?:-\s+)?(?:\[\d+\]\s*)?   # list dash and listing number: "- [1] "
        arXiv:\s*\S           # the id follows: "arXiv:2604.12345v2"
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "Title: A title", "Authors:Alice Smith, Bob Jones", "Author(s): Ada Lovelace", "Cite as:\tarXiv:2604.12345 [cs.LG]",
# "View PDF HTML (experimental)Abstract:We analyze ..." (page chrome glued before the label)
FIELD = re.compile(
    r"""^\s*(?:View\s+PDF(?:\s+HTML\s*\(experimental\))?\s*)?
        (?P<label>Title|Authors?|Author\(s\)|Abstract|Comments|Subjects|Journal-ref|DOI|Report-no
                 |Cite\s+as|MSC-class|ACM-class|From)
        \s*:\s*(?P<value>.*)$
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "Title: Relaxed Triangle ... DistributionsSubjects: Machine Learning (stat.ML)": a listing's fields,
# set apart on the page, that the copy ran together with no space; a label glued to the word before
# it is cut off only on a line that opens with a label
GLUED_LABEL = re.compile(r"""(?<=[a-z0-9)?.])(?=(?:Authors?|Comments|Subjects|Journal-ref):\s)""", re.VERBOSE)
# "[Submitted on 3 Jun 2025 (v1), last revised 19 Mar 2026 (this version, v4)]"
SUBMITTED = re.compile(
    r"""Submitted\s+on\s+(?P<date>\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})""",
    re.VERBOSE | re.IGNORECASE,
)
# "[v1] Mon, 13 Apr 2026 17:59:59 UTC (1,234 KB)", "From: A. Smith [view email][v1] Mon, 13 Apr 2026 ..."
FIRST_VERSION = re.compile(
    r"""\[v1\]\s*(?:[A-Za-z]{3},\s*)?          # "[v1] Mon, "
        (?P<date>\d{1,2}\s+[A-Za-z]{3}\s+\d{4})  # "13 Apr 2026"
    """,
    re.VERBOSE,
)
# "[v2] Tue, 17 Mar 2026 ...", "View a PDF of the paper titled ...", "Submission history",
# "New submissions (showing 12 of 12 entries)": page chrome, which ends the field above it
CHROME = re.compile(
    r"""^\s*(?:\[v\d+\]|View\s+(?:a\s+)?PDF|Download\s+PDF|Submission\s+history
           |Focus\s+to\s+learn\s+more|Access\s+Paper|Other\s+formats|References\s+&\s+Citations
           |Bibliographic|Current\s+browse\s+context|(?:New|Cross|Replacement)\s+submissions
           |Cross-lists|Replacements|Showing\s+new\s+listings|Total\s+of\s+\d+\s+entries)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "  Optimization and Control (math.OC)": a wrapped Subjects: line ends with a code
SUBJECT_TAIL = re.compile(r"""\([a-z]+(?:-[a-z]+)?(?:\.[A-Za-z-]+)?\)\s*;?\s*$""", re.VERBOSE)

@dataclass
class Draft:
    """One record being collected line by line; local to a single `read`."""

    start: int | None = None  # 0-based index of its first structural line
    fields: dict[str, tuple[int, list[str]]] = field(default_factory=dict)  # label -> (index, parts)
    arxiv_id: tuple[int, str] | None = None
    date_text: tuple[int, str] | None = None
    repeats: list[tuple[int, str, str]] = field(default_factory=list)  # (index, label, value) not read

    def mark(self, index: int) -> None:
        self.start = index if self.start is None else self.start

    def text(self, label: str) -> str | None:
        """The field's lines joined and whitespace-collapsed; None if absent or empty."""
        if label not in self.fields:
            return None
        return clean_text(" ".join(self.fields[label][1])) or None


def label_name(label: str) -> str:
    """"Authors", "Author", "Author(s)" -> "authors"; "Cite  as" -> "cite as"."""
    name = " ".join(label.lower().split())
    return "authors" if name in ("author", "author(s)") else name


def classify(line: str) -> tuple[str, object]:
    """What one line is: ("blank"|"chrome"|"submitted"|"first_version"|"id"|"field"|"text", payload)."""
    if not line.strip():
        return "blank", None
    if match := SUBMITTED.search(line):
        return "submitted", match["date"]
    if match := FIRST_VERSION.search(line):
        return "first_version", match["date"]
    if ID_LINE.match(line) and (arxiv_id := find_arxiv_id(line)):
        return "id", arxiv_id
    if match := FIELD.match(line):
        return "field", (label_name(match["label"]), match["value"])
    if CHROME.match(line):
        return "chrome", None
    return "text", line


def starts_record(draft: Draft, kind: str, payload: object) -> bool:
    has_text = "title" in draft.fields or "abstract" in draft.fields
    if kind == "id":
        return draft.arxiv_id is not None or has_text
    if kind == "submitted":
        return has_text
    return kind == "field" and payload[0] in ("title", "abstract") and payload[0] in draft.fields


def add_field(draft: Draft, index: int, label: str, value: str) -> str | None:
    """Record a labelled field; the label unlabelled lines now continue (None: ignore them)."""
    draft.mark(index)
    if label == "cite as" and draft.arxiv_id is None and (arxiv_id := find_arxiv_id(value)):
        draft.arxiv_id = (index, arxiv_id)
    if label in draft.fields:
        draft.repeats.append((index, label, value))
        return None
    draft.fields[label] = (index, [value])
    return label


def continues(label: str | None, line: str) -> bool:
    """True if an unlabelled line is a wrapped continuation of the open field."""
    if label is None:
        return False
    return label != "subjects" or bool(SUBJECT_TAIL.search(line))


def add_text(draft: Draft, index: int, line: str, open_label: str | None, last: str | None) -> str | None:
    """Continue the open field, or start an unlabelled abstract after Subjects:; else ignore."""
    if continues(open_label, line):
        draft.fields[open_label][1].append(line)
        return open_label
    if last == "subjects" and "title" in draft.fields and "abstract" not in draft.fields:
        return add_field(draft, index, "abstract", line)
    return None


def apply(draft: Draft, index: int, kind: str, payload, open_label, last) -> tuple[str | None, str | None]:
    """Fold one classified line into the draft; returns the new (open field, last field)."""
    if kind == "field":
        label = add_field(draft, index, *payload)
        return label, payload[0]
    if kind == "text":
        return add_text(draft, index, payload, open_label, last), last
    if kind in ("submitted", "first_version") and draft.date_text is None:
        draft.mark(index)
        draft.date_text = (index, payload)
    if kind == "id":
        draft.mark(index)
        draft.arxiv_id = draft.arxiv_id or (index, payload)
    return None, last


def pieces(line: str) -> list[str]:
    """A labelled line cut before each label glued to it ("Title: ...DistributionsSubjects: ...")."""
    cuts = [match.start() for match in GLUED_LABEL.finditer(line)] if FIELD.match(line) else []
    return [line[a:b] for a, b in zip([0] + cuts, cuts + [len(line)])]


def group_lines(lines: list[str]) -> list[Draft]:
    drafts, open_label, last = [Draft()], None, None
    for index, piece in ((index, piece) for index, line in enumerate(lines) for piece in pieces(line)):
        kind, payload = classify(piece)
        if starts_record(drafts[-1], kind, payload):
            drafts.append(Draft())
            open_label, last = None, None
        open_label, last = apply(drafts[-1], index, kind, payload, open_label, last)
    return [draft for draft in drafts if draft.start is not None]
