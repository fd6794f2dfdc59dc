"""Every curation operation, applied to papers merged from hand-made records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from paperfold.build import collect
from paperfold.papers.curate import TopicEdit, apply_curation
from paperfold.papers.curation_files import Curation, load_curation, read_paper_file
from paperfold.model import Origin, Paper, RawRecord
from paperfold.papers.merge import merge_records

ABSTRACT = "word " * 5


def record(path: str, line: int, title: str, kind: str = "hf_daily", **fields) -> RawRecord:
    return RawRecord(origin=Origin(path, line), kind=kind, title=title, abstract=f"{title} {ABSTRACT}", **fields)


RECORDS = [
    record("seeds/a.txt", 1, "Grokking in linear models", date="2025-02"),
    record("seeds/a.txt", 10, "Scaling laws revisited", authors=("A. One",)),
    record("seeds/b.txt", 3, "Scaling laws revisited", kind="bibtex"),  # merged with a.txt:10
    record("seeds/b.txt", 9, "Scalling laws revisited again"),  # a typo'd duplicate kept apart
]


def papers() -> dict[str, Paper]:
    return {p.title: p for p in merge_records(RECORDS)}


def curate(files: dict[str, str]):
    """apply_curation over RECORDS with curation files {paper id: YAML text}."""
    entries = []
    for paper_id, text in files.items():
        entry, found = read_paper_file(text, f"curation/papers/{paper_id}.yml", paper_id)
        assert not found, found
        entries.append(entry)
    return apply_curation(merge_records(RECORDS), Curation(tuple(entries)))


def by_title(curated) -> dict[str, Paper]:
    return {p.title: p for p in curated.papers}


def test_fix_title_moves_the_id_and_keeps_the_old_one_as_alias():
    old = papers()["Grokking in linear models"].id
    curated = curate({old: "title: Grokking in Linear Models, Explained\n"})
    paper = by_title(curated)["Grokking in Linear Models, Explained"]
    assert paper.id != old and paper.id.startswith("grokking-in-linear-models-explained-")
    assert paper.aliases == (old,)
    assert paper.label == "Grokking in Linear Models, Explained"
    assert paper.curation_path == f"curation/papers/{old}.yml"


def test_entry_renamed_to_the_new_id_matches_through_its_alias():
    old = papers()["Grokking in linear models"].id
    first = by_title(curate({old: "title: Grokking, fixed\n"}))["Grokking, fixed"]
    again = by_title(curate({first.id: f"title: Grokking, fixed\naliases: [{old}]\n"}))["Grokking, fixed"]
    assert again.id == first.id and again.aliases == (old,)


def test_fix_authors_and_date():
    pid = papers()["Scaling laws revisited"].id
    paper = by_title(curate({pid: "authors: [Ada Lovelace, Alan Turing]\ndate: 2024-05-06\n"}))["Scaling laws revisited"]
    assert paper.authors == ("Ada Lovelace", "Alan Turing") and paper.author_count == 2
    assert paper.date == "2024-05-06" and paper.id == pid and paper.aliases == ()


@pytest.mark.parametrize("yaml_text, before, expected", [
    ("topics: [a, b]\n", ("x",), ("a", "b")),
    ("add_topics: [c]\n", ("x",), ("x", "c")),
    ("remove_topics: [x]\n", ("x", "y"), ("y",)),
    ("topics: [a, b]\nadd_topics: [c]\nremove_topics: [a]\n", ("x",), ("b", "c")),
])
def test_topics(yaml_text, before, expected):
    entry, _ = read_paper_file(yaml_text, "curation/papers/p-1.yml", "p-1")
    assert TopicEdit(entry.topics, entry.add_topics, entry.remove_topics).apply(before) == expected
    pid = papers()["Scaling laws revisited"].id
    paper = by_title(curate({pid: yaml_text}))["Scaling laws revisited"]
    assert paper.tags == TopicEdit(entry.topics, entry.add_topics, entry.remove_topics).apply(())


def test_hide_keeps_the_paper_in_the_report_with_its_reason():
    pid = papers()["Grokking in linear models"].id
    curated = curate({pid: "\n\nhide: not a paper, a blog post\n"})
    assert pid not in {p.id for p in curated.papers}
    (hidden,) = curated.hidden
    assert hidden.paper.id == pid and hidden.reason == "not a paper, a blog post"
    assert str(hidden.origin) == f"curation/papers/{pid}.yml:3"


def test_merge_with_joins_records_and_redirects_the_other_id():
    ps = papers()
    keep, other = ps["Scaling laws revisited"].id, ps["Scalling laws revisited again"].id
    curated = curate({keep: f"merge_with: {other}\n"})
    assert other not in {p.id for p in curated.papers}
    merged = next(p for p in curated.papers if p.id == keep)
    assert len(merged.sources) == 3 and other in merged.aliases
    assert merged.title == "Scaling laws revisited"  # bibtex beats hf_daily


def test_split_separates_the_listed_records():
    pid = papers()["Scaling laws revisited"].id
    curated = curate({pid: "split: ['seeds/b.txt:3']\n"})
    matching = [p for p in curated.papers if p.title == "Scaling laws revisited"]
    assert len(matching) == 2
    kept = next(p for p in matching if p.id == pid)
    split = next(p for p in matching if p.id != pid)
    assert [str(r.origin) for r in kept.sources] == ["seeds/a.txt:10"]
    assert [str(r.origin) for r in split.sources] == ["seeds/b.txt:3"]


def test_split_of_a_record_the_paper_does_not_have_is_a_problem():
    pid = papers()["Scaling laws revisited"].id
    curated = curate({pid: "split: ['seeds/zzz.txt:1']\n"})
    (problem,) = curated.problems
    assert str(problem.origin) == f"curation/papers/{pid}.yml:1" and "seeds/zzz.txt:1" in problem.message


def test_note_is_rendered_markdown_on_the_paper():
    pid = papers()["Grokking in linear models"].id
    paper = by_title(curate({pid: "note: |\n  Read with **care**.\n"}))["Grokking in linear models"]
    assert paper.note == "Read with **care**."


def test_orphaned_entry_is_reported():
    curated = curate({"no-such-paper-abcdef": "note: hello\n"})
    (problem,) = curated.problems
    assert str(problem.origin) == "curation/papers/no-such-paper-abcdef.yml:1"
    assert "orphaned" in problem.message


def test_two_files_for_one_paper_is_a_problem():
    pid = papers()["Grokking in linear models"].id
    curated = curate({pid: "note: a\n", "grokking-new-123456": f"note: b\naliases: [{pid}]\n"})
    assert any("second one" in p.message for p in curated.problems)


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_pinned_capture_date_applies_before_reading(tmp_path: Path):
    """Relative dates ("24d ago") resolve against the pinned date, not the file's git date."""
    write(tmp_path, "seeds/listing.txt", (SEEDS / "001_0f1032ad69612bb7.txt").read_text(encoding="utf-8"))
    write(tmp_path, "curation/dumps/listing.txt.yml", "capture_date: 2021-06-30\n")
    report = collect(tmp_path / "seeds", tmp_path / "curation")
    (dump,) = report.dumps
    assert dump.capture_date == "2021-06-30" and dump.capture_date_source == "curation"
    assert "2021-06-06" in {p.date for p in report.papers}  # "24d ago"
    assert load_curation(tmp_path / "curation").capture_dates == {"listing.txt": date(2021, 6, 30)}


def test_title_fix_onto_another_papers_title_keeps_both_and_warns():
    ps = papers()
    curated = curate({ps["Scalling laws revisited again"].id: "title: Scaling laws revisited\n"})
    ids = [p.id for p in curated.papers if p.title == "Scaling laws revisited"]
    assert len(ids) == 2 and len(set(ids)) == 2
    (problem,) = curated.problems
    assert problem.severity == "warning" and "merge_with" in problem.message


@pytest.mark.parametrize("second_points_at", ["third", "first"])
def test_merge_chain_or_cycle_is_reported_not_a_crash(second_points_at):
    ids = {p.title: p.id for p in merge_records(RECORDS)}
    first, second = ids["Grokking in linear models"], ids["Scaling laws revisited"]
    third = ids["Scalling laws revisited again"]
    target = third if second_points_at == "third" else first
    curated = curate({first: f"merge_with: {second}\n", second: f"merge_with: {target}\nhide: a duplicate\n"})
    assert first in {p.id for p in curated.papers}
    messages = [str(p) for p in curated.problems]
    assert any(f"curation/papers/{second}.yml:1" in m and f"merged into {first!r}" in m for m in messages)
    assert not curated.hidden  # the hide in the absorbed file is reported, never silently applied


def test_title_fix_onto_an_untouched_papers_title_moves_the_curated_paper():
    ids = {p.title: p.id for p in merge_records(RECORDS)}
    fixed = ids["Scalling laws revisited again"]
    curated = curate({fixed: "title: Grokking in linear models\n"})
    untouched = next(p for p in curated.papers if p.id == ids["Grokking in linear models"])  # its URL stays
    assert untouched.curation_path is None
    moved = next(p for p in curated.papers if p.curation_path)
    assert moved.id == untouched.id + "-curated" and fixed in moved.aliases
    (problem,) = curated.problems
    assert problem.origin.path == f"curation/papers/{fixed}.yml"
