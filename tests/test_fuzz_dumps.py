"""Property-style fuzzing of the read stage (issue 16): mutated copies of the sample dumps,
from a fixed seed, each read, merged and curated as a build does. Whatever the mutation,
no exception escapes and every record read is accounted for: on a page, or in a paper
curation hides (the build report's balance), with every problem at a line of its file.
Mutated curation files likewise: loaded, applied and rendered without an exception.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from paperfold.build import collect
from paperfold.report import format_report

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/cases/*/*.txt"), *ROOT.glob("tests/cases/*/*.bib")])
CASES = 300
SEED = 16
# Bytes and lines that mean something to a reader, or to a decoder.
SPICE = [b"\x00", b"\xff", b"\xfe\xff", b"\r", b"\t", b"\xc2\xb7", b"\xe2\x80\xa2 3 authors", b"Abstract:",
         b"@article{x,", b"}", b"Related events (3)", b"3000y ago", b"99999999d ago", b"Feb 30", b"new",
         b"Daily Papers", b"byAK and the research community", b"$x^{", b"\\frac", "\u202e\u0301".encode(), b"{{ x }}"]


def mutate(raw: bytes, rng: random.Random) -> bytes:
    lines = raw.split(b"\n")
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(lines) + 1)
        kind = rng.choice(("delete", "duplicate", "swap", "spice", "join", "blank", "truncate", "byte"))
        if kind == "delete" and lines:
            del lines[at:at + rng.randint(1, 5)]
        elif kind == "duplicate" and lines:
            lines[at:at] = lines[max(0, at - rng.randint(1, 8)):at]
        elif kind == "swap" and len(lines) > 1:
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "spice":
            lines.insert(at, rng.choice(SPICE))
        elif kind == "join" and at < len(lines) - 1:
            lines[at:at + 2] = [lines[at] + b" " + lines[at + 1]]
        elif kind == "blank":
            lines[at:at] = [b""] * rng.randint(1, 3)
        elif kind == "truncate" and lines:
            lines = lines[:at] + [lines[at - 1][: rng.randint(0, len(lines[at - 1]))]] if at else lines
        elif kind == "byte" and lines:
            line = lines[at - 1]
            cut = rng.randint(0, len(line))
            lines[at - 1] = line[:cut] + bytes([rng.randrange(256)]) + line[cut:]
    return b"\n".join(lines)


def cases() -> list[tuple[int, list[tuple[str, bytes]]]]:
    rng = random.Random(SEED)
    found = []
    for number in range(CASES):
        picked = rng.sample(SAMPLES, rng.randint(1, 3))
        found.append((number, [(f"{n}_{p.name}", mutate(p.read_bytes(), rng)) for n, p in enumerate(picked)]))
    return found


def test_mutated_dumps_never_raise_and_every_record_balances(tmp_path):
    """One test over every case (a few hundred), so that a failure names its case number."""
    for number, files in cases():
        seeds = tmp_path / f"case{number}" / "seeds"
        seeds.mkdir(parents=True)
        for name, raw in files:
            (seeds / name).write_bytes(raw)
        try:
            report = collect(seeds)
        except Exception as error:  # noqa: BLE001 - the property is "no exception at all"
            pytest.fail(f"case {number} ({[name for name, _ in files]}) raised {error!r}")
        placed = sum(len(p.sources) for p in report.papers) + sum(len(h.paper.sources) for h in report.hidden)
        assert report.record_count == placed, f"case {number}: {format_report(report)}"
        assert "NOT BALANCED" not in format_report(report)
        lines = {f"seeds/{name}": raw.count(b"\n") + 1 for name, raw in files}
        for problem in report.problems:
            assert problem.origin.path in lines, f"case {number}: {problem}"
            assert 1 <= problem.origin.line <= lines[problem.origin.path], f"case {number}: {problem}"


CURATION_SAMPLE = b"""title: A corrected title
authors: [Ada Lovelace, Alan Turing]
date: 2025-02-27
topics: [grokking]
add_topics: [scaling]
remove_topics: [vision]
merge_with: some-other-paper-1a2b3c
split: ["seeds/a.txt:3"]
note: |
  Read in the group; see [the code](https://example.org).
aliases: [an-old-id-1a2b3c]
hide: not a paper
"""
YAML_SPICE = [b"&a", b"*a", b"? [a, b]", b"- ", b"{", b"[", b"]", b": ", b"!!python/object:os.system", b"'",
              b'"', b"\x00", b"\xff", b"\t", b"---", b"...", b"date: 0000", b"date: 2025-02-27 10:00:00", b"<<: *a"]


def test_mutated_curation_files_never_raise(tmp_path):
    """Each mutated file is loaded, applied to a paper, and what the pages use of it
    (the note's HTML, the date in the feeds) is made: nothing raises."""
    from paperfold.site.feeds import as_datetime
    from paperfold.site.notes import note_html

    rng = random.Random(SEED)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Abstract:We study grokking.\nAbstract:We study scaling.\nAbstract:We study X.\n")
    paper_id = collect(seeds).papers[0].id
    papers = tmp_path / "curation" / "papers"
    papers.mkdir(parents=True)
    for number in range(CASES):
        raw = CURATION_SAMPLE
        for _ in range(rng.randint(1, 4)):
            at = rng.randint(0, len(raw))
            raw = raw[:at] + rng.choice(YAML_SPICE) + raw[at + rng.randint(0, 3):] if rng.random() < 0.8 else raw[:at]
        (papers / f"{paper_id}.yml").write_bytes(raw)
        try:
            report = collect(seeds, tmp_path / "curation")
            for paper in report.papers:
                note_html(paper.note or "")
                as_datetime(paper.date) if paper.date else None
        except Exception as error:  # noqa: BLE001 - the property is "no exception at all"
            pytest.fail(f"curation case {number} ({raw!r}) raised {error!r}")
        assert report.record_count == 3 and "NOT BALANCED" not in format_report(report)
        for problem in report.problems:
            assert 1 <= problem.origin.line <= raw.count(b"\n") + 1, f"curation case {number}: {problem}"
