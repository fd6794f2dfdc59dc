"""Benchmark: generation throughput against MkDocs' own build time.

    .venv/bin/python tests/bench/bench_build.py [--papers 1000 10000]

For each size it writes a synthetic corpus in the seed formats (synthetic.py),
times the generator alone (read, merge, tag, relate, render, write), then the
whole `paperfold build` in a scratch project, and prints papers/s, seconds and
peak memory. Target: generating 10k papers takes <= 10% of MkDocs' build time.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent.parent / "scripts")]

from paperfold.build import Settings, generate  # noqa: E402
from sitebuild import build, make_project  # noqa: E402
from synthetic import write_corpus  # noqa: E402


def child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measure(papers: int) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        write_corpus(corpus, papers)
        (project := Path(scratch) / "project").mkdir()
        make_project(project, corpus)
        started = time.perf_counter()
        report = generate(Settings(seeds_dir=project / "seeds", docs_dir=project / "docs"))
        generation = time.perf_counter() - started
        started = time.perf_counter()
        result = build(project)
        total = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(result.stderr[-2000:])
    mkdocs = total - generation  # the hook regenerates inside the build; pages are unchanged then
    return {"papers": len(report.papers), "generation_s": generation, "mkdocs_s": mkdocs,
            "papers_per_s": len(report.papers) / generation, "share": generation / mkdocs,
            "build_peak_mb": child_peak_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, nargs="+", default=[1000, 10000])
    sizes = parser.parse_args().papers
    print(f"{'papers':>8} {'generate s':>11} {'papers/s':>9} {'mkdocs s':>9} {'gen/mkdocs':>10} {'peak MB':>8}")
    for size in sizes:
        row = measure(size)
        print(f"{row['papers']:>8} {row['generation_s']:>11.2f} {row['papers_per_s']:>9.0f} "
              f"{row['mkdocs_s']:>9.1f} {row['share']:>10.1%} {row['build_peak_mb']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
