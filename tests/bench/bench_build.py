"""Benchmark: a cold `paperfold build` against plain Material for MkDocs on the same pages.

    .venv/bin/python tests/bench/bench_build.py [--papers 1000 10000] [--runs 3] [--scratch /dev/shm]

For each size it writes a synthetic corpus in the seed formats (synthetic.py: math,
Unicode, hard wraps) into a scratch project and, --runs times, in turns:

- A: the whole `paperfold build` in a fresh process from a docs folder without generated
  pages (generation, MkDocs with this project's extensions, overrides and hooks, and
  Pagefind);
- B: plain Material rendering the same generated pages: a stock mkdocs.yml with theme
  `material` and the `search` plugin, no hooks, no extensions, no overrides, only the
  project's nav and `not_in_nav` (without them MkDocs is quadratic in the page count).

It prints medians of both, their ratio, and the parts of A its log names (generation,
Pagefind). Rounds take turns because this machine's speed drifts within minutes. It also
prints the ratio of CPU times (each build's process and those it waited for, Pagefind
included): on a machine other work loads, wall times say more about that work than
about the builds. Pagefind runs on both cores, so on an idle machine the wall ratio is
the lower of the two.
Target at 10,000 papers: A / B <= 1.25.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent.parent / "scripts")]

import yaml  # noqa: E402

from sitebuild import make_project  # noqa: E402
from synthetic import write_corpus  # noqa: E402


def logged_seconds(log: str, what: str) -> float:
    """Seconds from the build's log line "paperfold: <what> in <s> s" (mkdocs_hook, site_assets)."""
    match = re.search(rf"paperfold: {what}.* in ([\d.]+) s", log)
    return float(match.group(1)) if match else float("nan")


def plain_config(project: Path, docs: Path) -> Path:
    """A stock mkdocs.yml for `docs`: Material, its search plugin, the project's nav."""
    own = (project / "mkdocs.yml").read_text(encoding="utf-8")
    nav = re.search(r"^nav:\n(?:  .*\n)+", own, re.M).group(0)
    not_in_nav = re.search(r"^not_in_nav: \|\n(?:  .*\n)+", own, re.M).group(0)
    config = docs.parent / "plain.yml"
    config.write_text(yaml.safe_dump({"site_name": "Plain", "docs_dir": str(docs), "theme": {"name": "material"},
                                      "plugins": ["search"]}) + nav + not_in_nav, encoding="utf-8")
    return config


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the command and the processes it waited for: Pagefind
    too) and the command's log."""
    started, cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=3600)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return seconds, children_cpu() - cpu, result.stderr


def measure(papers: int, runs: int, scratch_root: str | None) -> dict:
    with tempfile.TemporaryDirectory(dir=scratch_root) as scratch:
        corpus = Path(scratch) / "corpus"
        write_corpus(corpus, papers)
        (project := Path(scratch) / "project").mkdir()
        make_project(project, corpus)
        shutil.copytree(project / "docs", pristine := Path(scratch) / "docs-pristine")
        ours, plain, generation, pagefind, ours_cpu, plain_cpu = [], [], [], [], [], []
        for run in range(runs):
            shutil.rmtree(project / "docs")
            shutil.rmtree(project / ".paperfold-cache", ignore_errors=True)
            shutil.copytree(pristine, project / "docs")
            seconds, cpu, log = timed([sys.executable, "-m", "paperfold.face.cli", "build", "--config",
                                       str(project / "mkdocs.yml"), "--site-dir", str(project / "site")], project)
            ours.append(seconds)
            ours_cpu.append(cpu)
            generation.append(logged_seconds(log, "generated"))
            pagefind.append(logged_seconds(log, "Pagefind indexed"))
            docs = Path(scratch) / "plain" / "docs"
            shutil.rmtree(docs.parent, ignore_errors=True)
            shutil.copytree(project / "docs", docs)  # the same pages, hand-written ones included
            config = plain_config(project, docs)
            seconds, cpu, _ = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
                                     str(docs.parent / "site")], docs.parent)
            plain.append(seconds)
            plain_cpu.append(cpu)
            print(f"  round {run + 1}: paperfold build {ours[-1]:.1f} s (CPU {ours_cpu[-1]:.1f} s; generation "
                  f"{generation[-1]:.1f} s, Pagefind {pagefind[-1]:.1f} s, so MkDocs about "
                  f"{ours[-1] - generation[-1] - pagefind[-1]:.1f} s), "
                  f"plain Material {plain[-1]:.1f} s (CPU {plain_cpu[-1]:.1f} s)", flush=True)
        count = len(list((project / "docs" / "papers").glob("*.md")))
    return {"pages": count, "ours": statistics.median(ours), "plain": statistics.median(plain),
            "generation": statistics.median(generation), "pagefind": statistics.median(pagefind),
            "ratio": statistics.median(a / b for a, b in zip(ours, plain)),
            "cpu_ratio": statistics.median(a / b for a, b in zip(ours_cpu, plain_cpu))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="rounds (ours, then plain) per size; medians shown")
    parser.add_argument("--scratch", help="folder for the scratch projects, e.g. /dev/shm (default: the temp folder)")
    args = parser.parse_args()
    for size in args.papers:
        row = measure(size, args.runs, args.scratch)
        print(f"{row['pages']} paper pages: paperfold build {row['ours']:.1f} s (generation {row['generation']:.1f} s, "
              f"Pagefind {row['pagefind']:.1f} s), plain Material {row['plain']:.1f} s, "
              f"ratio {row['ratio']:.2f}, CPU-time ratio {row['cpu_ratio']:.2f} (medians of rounds)", flush=True)


if __name__ == "__main__":
    main()
