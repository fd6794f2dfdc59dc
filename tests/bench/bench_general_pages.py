"""How well the general reader reads pages of sites it was not written against.

    .venv/bin/python tests/bench/bench_general_pages.py [--misses] [tests/bench/general_pages/round1 ...]

Each folder under tests/bench/general_pages/ holds real pages (as a browser's
select-all-and-copy gives them, from the search tool's stored pages) and an
expected.json that lists, by hand, the titles of the papers each page shows.
The rounds were held out while the reader was developed, measured once (the
figures in BENCHMARKS.md), and then used to fix what they showed: they are no
longer unseen. A new round of pages from new sites is the honest check.

A paper counts as found when a record's title has its title key, or one within
a fuzzy ratio of 90 (a title with a word too many is found, but not exact).
Records that match no listed paper are invented: chrome read as a paper, or a
real paper under a wrong title. --misses lists, per page, the papers not found and the
records that match none. The last line is the CPU time spent reading the pages.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from paperfold.ingest.detect import read_dump  # noqa: E402
from paperfold.model import Dump  # noqa: E402
from paperfold.papers.identity import title_key  # noqa: E402

ROUNDS = Path(__file__).parent / "general_pages"
FUZZY_MATCH = 90
CPU_SECONDS = [0.0]  # reading the pages (detection and every reader), summed for the last line


def matches(record_title: str | None, title: str) -> bool:
    if not record_title:
        return False
    a, b = title_key(record_title), title_key(title)
    return a == b or fuzz.ratio(a, b) >= FUZZY_MATCH


def measure(folder: Path, misses: bool = False) -> tuple[int, int, int, int]:
    """(papers listed, found, found with the exact title, records matching no paper)."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    listed = found = exact = invented = 0
    for name, titles in expected.items():
        dump = Dump(name, (folder / name).read_text(encoding="utf-8"), date(2026, 12, 3), "bench")
        started = time.process_time()
        records = list(read_dump(dump)[0].records)
        CPU_SECONDS[0] += time.process_time() - started
        used: set[int] = set()
        for title in titles:
            listed += 1
            hit = next((i for i, r in enumerate(records) if i not in used and matches(r.title, title)), None)
            if hit is not None:
                used.add(hit)
                found += 1
                exact += records[hit].title == title
            elif misses:
                print(f"  missed  {name}: {title}")
        invented += len(records) - len(used)
        for record in (r for i, r in enumerate(records) if i not in used and misses):
            print(f"  no match {name}: {record.title}")
    return listed, found, exact, invented


def main(folders: list[Path], misses: bool = False) -> None:
    totals = [0, 0, 0, 0]
    for folder in folders:
        listed, found, exact, invented = measure(folder, misses)
        totals = [t + v for t, v in zip(totals, (listed, found, exact, invented))]
        print(f"{folder.name}: found {found}/{listed}, exact titles {exact}/{found}, unmatched records {invented}")
    listed, found, exact, invented = totals
    print(f"all: found {found}/{listed} ({found / max(listed, 1):.0%}), exact {exact}/{found}, unmatched {invented}")
    print(f"reading took {CPU_SECONDS[0]:.2f} s of CPU")


if __name__ == "__main__":
    args = [arg for arg in sys.argv[1:] if arg != "--misses"]
    main([Path(arg) for arg in args] or sorted(p for p in ROUNDS.iterdir() if p.is_dir()), "--misses" in sys.argv)
