"""Labelled-field pages: arXiv listing and abstract pages as copied from a browser.

    [1] arXiv:2604.12345 [pdf, html, other]          <- a listing entry
    Title: Logit Regularization Induces Grokking
    Authors: Alice Smith, Bob Jones and Carol White
    Comments: 12 pages; code at https://github.com/a/b
    Subjects: Machine Learning (cs.LG); Artificial Intelligence (cs.AI)

    [Submitted on 12 Apr 2026]                        <- an abstract page
    Title:Logit Regularization Induces Grokking
    Authors:Alice Smith, Bob Jones
    View PDF HTML (experimental)Abstract:We analyze ...
    Cite as:	arXiv:2604.12345 [cs.LG]
    [v1] Mon, 13 Apr 2026 17:59:59 UTC (1,234 KB)

Lines are grouped into records by labelled_lines.py; a record with neither a
title nor an abstract becomes a Problem, and each repeated label it saw (which
is not read) a warning at its line.
"""

from __future__ import annotations

import re

from paperfold.ingest.links import find_links
from paperfold.model import Dump, Problem, RawRecord, ReadResult, ReaderKind
from paperfold.ingest.normalize import clean_text, resolve_date
from paperfold.ingest.readers.labelled_lines import FIELD, ID_LINE, Draft, group_lines, label_name

NAME = "labelled"
DESCRIPTION = "labelled fields (Title:, Authors:, Abstract:): an arXiv listing or abstract page"
KIND = ReaderKind(NAME, label="arXiv listing or abstract page", precedence=50)
HEADER = None

# "Machine Learning (cs.LG); Artificial Intelligence (cs.AI)" -> "cs.LG"; "(hep-th)"
SUBJECT_CODE = re.compile(r"""\((?P<code>[a-z][a-z-]*(?:\.[A-Za-z-]+)?)\)""", re.VERBOSE)
# "2604.12345": new-style ids (since April 2007) start with the year and month, YYMM
NEW_STYLE_ID = re.compile(r"""^(?P<yy>\d{2})(?P<mm>0[1-9]|1[0-2])\.\d{4,5}$""", re.VERBOSE)
# "Alice Smith, Bob Jones, and Carol White": the separators between names
AUTHOR_SEPARATOR = re.compile(r"""\s*[,;]\s*(?:and\s+)?|\s+and\s+""", re.VERBOSE)
# "Alice Smith (MIT)": an affiliation after a name, dropped
AFFILIATION = re.compile(r"""\s*\([^()]*\)""", re.VERBOSE)

REPEAT_PREVIEW = 60  # characters of a repeated field's value quoted in its problem
SCORED_LABELS = {"title", "authors", "comments", "subjects", "journal-ref", "doi", "report-no"}
# RawRecord field -> the page label it is read from
FIELD_LABELS = {"title": "title", "abstract": "abstract", "authors": "authors", "comments": "comments",
                "category": "subjects", "venue": "journal-ref", "doi": "doi"}


def score(text: str) -> float:
    """Structural: id lines and labelled fields other than Abstract: alone. A page with
    neither an id line nor a Title: label is not this kind, however many Authors: and
    Abstract: labels it has (a digest: "3. Title", "Authors: ...", "Abstract: ...")."""
    lines = text.split("\n")
    labels = [label_name(match["label"]) for match in map(FIELD.match, lines) if match]
    ids = sum(1 for line in lines if ID_LINE.match(line))
    if not ids and "title" not in labels:
        return 0.0
    structural = ids + sum(1 for label in labels if label in SCORED_LABELS)
    if structural >= 2:
        return 0.9
    return 0.6 if structural == 1 and "abstract" in labels else 0.0


def split_authors(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    names = AUTHOR_SEPARATOR.split(AFFILIATION.sub("", text))
    return tuple(name.strip() for name in names if name.strip())


def primary_category(subjects: str | None) -> str | None:
    match = SUBJECT_CODE.search(subjects or "")
    return match["code"] if match else None


def doi_of(text: str | None) -> str | None:
    """"10.1000/xyz", also from "https://doi.org/10.1000/xyz"."""
    match = re.search(r"10\.\d{4,9}/\S+", text or "")
    return match.group(0).rstrip(".,;") if match else None


def record_date(dump: Dump, draft: Draft) -> tuple[str | None, str | None, int | None]:
    """(ISO date, date text, line index): the first-version date, else the id's month."""
    if draft.date_text:
        index, text = draft.date_text
        return resolve_date(text, dump.capture_date), text, index
    if draft.arxiv_id and (match := NEW_STYLE_ID.match(draft.arxiv_id[1])):
        return f"20{match['yy']}-{match['mm']}", None, draft.arxiv_id[0]
    return None, None, None


def record_links(draft: Draft, doi: str | None) -> tuple[str, ...]:
    links = [f"https://arxiv.org/abs/{draft.arxiv_id[1]}"] if draft.arxiv_id else []
    links += [f"https://doi.org/{doi}"] if doi else []
    links += find_links(draft.text("comments")) + find_links(draft.text("abstract"))
    return tuple(dict.fromkeys(links))


def field_lines(dump: Dump, draft: Draft, values: dict, date_index: int | None) -> dict[str, int]:
    """RawRecord field -> 1-based file line, for each field that has a value."""
    lines = {name: dump.origin(draft.fields[label][0]).line
             for name, label in FIELD_LABELS.items() if values.get(name)}
    if draft.arxiv_id:
        lines["arxiv_id"] = dump.origin(draft.arxiv_id[0]).line
    if date_index is not None and values.get("date"):
        lines["date"] = dump.origin(date_index).line
    return lines


def missing_text_problem(dump: Dump, draft: Draft) -> Problem:
    found = [f"arXiv:{draft.arxiv_id[1]}"] if draft.arxiv_id else []
    found += [f"{label.capitalize()}:" for label in draft.fields]
    found += [draft.date_text[1]] if draft.date_text else []
    message = f"expected a Title: or Abstract: field in this record, found only {', '.join(found)}"
    return Problem(dump.origin(draft.start), message)


def repeat_problems(dump: Dump, draft: Draft) -> list[Problem]:
    """A warning at each repeated label: the first value is kept, the repeat is not read."""
    problems = []
    for index, label, value in draft.repeats:
        first = dump.origin(draft.fields[label][0]).line
        found = clean_text(value)[:REPEAT_PREVIEW]
        message = (f"repeated '{label.capitalize()}:' in one record, found '{found}'; "
                   f"kept the first (line {first}), expected one label each")
        problems.append(Problem(dump.origin(index), message, "warning"))
    return problems


def to_record(dump: Dump, draft: Draft) -> RawRecord | Problem:
    values = {name: draft.text(label) for name, label in FIELD_LABELS.items()}
    if not values["title"] and not values["abstract"]:
        return missing_text_problem(dump, draft)
    authors = split_authors(values.pop("authors"))
    values.update(category=primary_category(values["category"]), doi=doi_of(values["doi"]))
    date, date_text, date_index = record_date(dump, draft)
    return RawRecord(
        origin=dump.origin(draft.start), kind=NAME, **values,
        authors=authors, author_count=len(authors) or None,
        date=date, date_text=date_text,
        arxiv_id=draft.arxiv_id[1] if draft.arxiv_id else None,
        links=record_links(draft, values["doi"]),
        lines=field_lines(dump, draft, {**values, "authors": authors, "date": date}, date_index),
    )


def read(dump: Dump) -> ReadResult:
    results = [item for draft in group_lines(dump.text.split("\n"))  # in line order
               for item in (to_record(dump, draft), *repeat_problems(dump, draft))]
    records = tuple(item for item in results if isinstance(item, RawRecord))
    problems = tuple(item for item in results if isinstance(item, Problem))
    return ReadResult(records, problems)
