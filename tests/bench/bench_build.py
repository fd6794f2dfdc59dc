"""Benchmark: generation throughput against MkDocs' own build time.

    .venv/bin/python tests/bench/bench_build.py [--papers 1000 10000] [--runs 3] [--scratch /dev/shm]

For each size it writes a synthetic corpus in the seed formats (synthetic.py) into a
scratch project, then, --runs times, times the generator alone with the project's own
settings (read, merge, curate, tag, relate, render, write into a docs folder without
generated pages) and the whole `paperfold build`; it prints medians of papers/s and seconds,
and peak memory. MkDocs' own time is the build's time less the generation its hook logs
(the pages are unchanged then); Pagefind's indexing, which the build runs, is shown apart.
Target: generating 10k papers takes <= 10% of MkDocs' build time.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent.parent / "scripts")]

from mkdocs.config import load_config  # noqa: E402

from paperfold.build import generate, settings_from_mkdocs  # noqa: E402
from sitebuild import build, make_project  # noqa: E402
from synthetic import write_corpus  # noqa: E402


def child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def logged_seconds(log: str, what: str) -> float:
    """Seconds from the build's log line "paperfold: <what> in <s> s" (mkdocs_hook, site_assets)."""
    return float(re.search(rf"paperfold: {what}.* in ([\d.]+) s", log).group(1))


def measure(papers: int, runs: int, scratch_root: str | None) -> dict:
    """Medians over `runs` rounds, each a generation into a docs folder holding no
    generated pages yet, then a whole build. Rounds take turns rather than all generations
    first: this machine's speed drifts by a fifth within minutes, and a ratio of times taken
    minutes apart drifts with it."""
    with tempfile.TemporaryDirectory(dir=scratch_root) as scratch:
        corpus = Path(scratch) / "corpus"
        write_corpus(corpus, papers)
        (project := Path(scratch) / "project").mkdir()
        make_project(project, corpus)
        settings = settings_from_mkdocs(load_config(str(project / "mkdocs.yml")))
        shutil.copytree(project / "docs", pristine := project / "docs-pristine")
        generation, mkdocs, pagefind = [], [], []
        for run in range(runs):
            if run:
                shutil.rmtree(project / "docs")
                shutil.copytree(pristine, project / "docs")
            started = time.perf_counter()
            report = generate(settings)
            generation.append(time.perf_counter() - started)
            started = time.perf_counter()
            result = build(project)
            total = time.perf_counter() - started
            if result.returncode != 0:
                raise SystemExit(result.stderr[-2000:])
            # The build generates again (into unchanged pages, nothing written): its logged time is not MkDocs'.
            mkdocs.append(total - logged_seconds(result.stderr, "generated"))
            pagefind.append(logged_seconds(result.stderr, "Pagefind indexed"))
    generation_s, mkdocs_s = statistics.median(generation), statistics.median(mkdocs)
    return {"papers": len(report.papers), "generation_s": generation_s, "mkdocs_s": mkdocs_s,
            "pagefind_s": statistics.median(pagefind), "papers_per_s": len(report.papers) / generation_s,
            "share": generation_s / mkdocs_s, "build_peak_mb": child_peak_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="rounds (a generation, then a build) per size; medians shown")
    parser.add_argument("--scratch", help="folder for the scratch projects, e.g. /dev/shm (default: the temp folder)")
    args = parser.parse_args()
    print(f"{'papers':>8} {'generate s':>11} {'papers/s':>9} {'mkdocs s':>9} {'of which Pagefind':>18} "
          f"{'gen/mkdocs':>10} {'peak MB':>8}")
    for size in args.papers:
        row = measure(size, args.runs, args.scratch)
        print(f"{row['papers']:>8} {row['generation_s']:>11.2f} {row['papers_per_s']:>9.0f} "
              f"{row['mkdocs_s']:>9.1f} {row['pagefind_s']:>18.1f} {row['share']:>10.1%} {row['build_peak_mb']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
