"""Golden reader cases: tests/cases/<reader>/<quirk>.txt beside <quirk>.json.

Each case is named after the quirk it tests. The JSON holds the capture date
(optional) and the expected records; a field left out of an expected record
must have its default value, so nothing in a record goes unchecked. Problems
are checked by line and by a fragment of the message; so are "skipped" items
(read, but not papers) when the case lists them. Adding a case is a
one-file change: this runner finds it.
"""

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from paperfold.ingest.detect import read_dump
from paperfold.model import Dump, RawRecord

CASES = Path(__file__).parent / "cases"
DEFAULTS = {f.name: (f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default)
            for f in dataclasses.fields(RawRecord) if f.name not in ("origin", "kind")}


def record_as_json(record: RawRecord) -> dict:
    data = dataclasses.asdict(record)
    data["origin"] = str(record.origin)
    data["related_to"] = [str(origin) for origin in record.related_to]
    data["authors"] = list(record.authors)
    data["links"] = list(record.links)
    return data


def expected_record(expected: dict) -> dict:
    return {**DEFAULTS, "related_to": [], "authors": [], "links": [], **expected}


def case_paths():
    return sorted(CASES.glob("*/*.txt")) + sorted(CASES.glob("*/*.bib"))


@pytest.mark.parametrize("path", case_paths(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_case(path: Path):
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    capture = date.fromisoformat(spec.get("capture_date", "2026-11-23"))
    dump = Dump(path.name, text, capture, "test")
    result, kinds = read_dump(dump)

    kind = spec.get("kind", path.parent.name)  # null: no reader takes the page (a problem says so)
    assert set(kinds) == ({kind} if kind else set())
    actual = [record_as_json(r) for r in result.records]
    expected = [expected_record(r) for r in spec["records"]]
    assert len(actual) == len(expected)
    for got, want in zip(actual, expected):
        assert got == want
    problems = [(p.origin.line, p.message) for p in result.problems]
    assert len(problems) == len(spec.get("problems", []))
    for (line, message), want in zip(problems, spec.get("problems", [])):
        assert line == want["line"] and want["contains"] in message
    if "skipped" in spec:  # read, but not papers (an Almanac guide, a BibTeX @string)
        skipped = [(s.origin.line, s.message) for s in result.skipped]
        assert [line for line, _ in skipped] == [want["line"] for want in spec["skipped"]]
        assert all(want["contains"] in message for (_, message), want in zip(skipped, spec["skipped"]))
