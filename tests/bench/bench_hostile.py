"""Inputs that used to make the generator slow down out of proportion (issue 16, R6): Daily
Papers pages whose entries' titles all share their first two words, so near-identical
title matching once compared every pair of them.

    .venv/bin/python tests/bench/bench_hostile.py [--entries 4000 8000 16000] [--runs 3]

For each size, writes one page into a scratch seeds folder and prints the median time of
reading, merging and curating it (build.collect) and of the fuzzy title stage alone.
Near-linear growth is the target: twice the entries, about twice the time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from paperfold.build import collect  # noqa: E402
from paperfold.papers.identity import _fuzzy_title_pairs, fold  # noqa: E402

WORDS = "grokking scaling sparse attention graph language reward tokens memory vision".split()


def page(entries: int) -> str:
    """A Daily Papers page: titles "Deep learning <six words> <n>", one-line abstracts."""
    rng = random.Random(16)
    blocks = [
        f"Deep learning {' '.join(rng.choice(WORDS) for _ in range(6))} {n}\n\n"
        f"We study {' '.join(rng.choice(WORDS) for _ in range(12))}.\n\n  • 3 authors\n·\nFeb 27\n"
        for n in range(entries)
    ]
    return "Daily Papers\nbyAK and the research community\n\n" + "\n".join(blocks)


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--entries", type=int, nargs="+", default=[4000, 8000, 16000])
    options.add_argument("--runs", type=int, default=3)
    args = options.parse_args()
    print("| entries | collect (median) | fuzzy titles (median) |")
    print("|---|---|---|")
    for entries in args.entries:
        with tempfile.TemporaryDirectory() as scratch:
            seeds = Path(scratch) / "seeds"
            seeds.mkdir()
            text = page(entries)
            (seeds / "2025-03-01_daily.txt").write_text(text)
            titles = [fold(line) for line in text.split("\n") if line.startswith("Deep learning")]
            whole = statistics.median(timed(lambda: collect(seeds)) for _ in range(args.runs))
            fuzzy = statistics.median(timed(lambda: list(_fuzzy_title_pairs(titles))) for _ in range(args.runs))
            print(f"| {entries:,} | {whole:.2f} s | {fuzzy:.2f} s |")


if __name__ == "__main__":
    main()
