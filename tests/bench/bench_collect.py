"""Benchmark: reading and merging a large seeds folder (`build.collect`: read, merge, curate).

    .venv/bin/python tests/bench/bench_collect.py [--papers 100000] [--runs 2] [--scratch /dev/shm]
                                                  [--against OLD/scripts]

It writes a synthetic corpus in the seed formats (synthetic.py: math, Unicode, hard wraps,
about 5% of papers in two dumps) and, --runs times, times `build.collect` on it in a fresh
process, stage by stage: loading the files, reading the records, merging them into papers,
applying curation (none here). It prints each run and the median, wall and CPU time (the
CPU time, with that of any child processes, is the steadier figure on a loaded machine); the
peak RSS is the measuring process's. With --against (the scripts/ folder of another checkout, e.g. from
`git archive`) that code is measured too, in alternating runs on the same corpus. Target at
100,000 papers: read and merge <= 20 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = HERE.parent.parent / "scripts"
sys.path[:0] = [str(HERE), str(SCRIPTS)]

from synthetic import write_corpus  # noqa: E402

# One measurement, in a process of its own (nothing memoised from an earlier run; its peak
# RSS its own). The stages are build.collect_with's, timed one by one.
MEASURE = """
import json, resource, sys, time
from pathlib import Path
from paperfold import build
from paperfold.ingest.sources import load_dumps
from paperfold.papers.curation_files import load_curation

seeds = Path(sys.argv[1])
times, started, cpu_started = {}, time.perf_counter(), time.process_time()
curation = load_curation(None)
dumps, problems = load_dumps(seeds, pinned=curation.capture_dates)
times["load"] = time.perf_counter() - started
read = build.read_seeds(dumps, problems)
times["read"] = time.perf_counter() - started - sum(times.values())
merged = build.merge(dumps, read[0])
times["merge"] = time.perf_counter() - started - sum(times.values())
report = build.curate(merged, read, curation)
times["curate"] = time.perf_counter() - started - sum(times.values())
times["total"] = time.perf_counter() - started
children = resource.getrusage(resource.RUSAGE_CHILDREN)  # reading processes, if any
times["cpu"] = time.process_time() - cpu_started + children.ru_utime + children.ru_stime
print(json.dumps({"records": len(read[0]), "papers": len(report.papers), "seconds": times,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure_once(seeds: Path, scripts: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE, str(seeds)], capture_output=True, text=True,
                            env={"PYTHONPATH": str(scripts), "PATH": "/usr/bin:/bin"}, timeout=3600)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(result.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, nargs="+", default=[100000])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--scratch", help="folder for the corpus, e.g. /dev/shm (default: the temp folder)")
    parser.add_argument("--against", type=Path, help="another checkout's scripts/ folder, measured in turns")
    args = parser.parse_args()
    codes = {"this": SCRIPTS, **({"against": args.against.resolve()} if args.against else {})}
    for size in args.papers:
        with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
            write_corpus(seeds := Path(scratch) / "seeds", size)
            runs = {name: [] for name in codes}
            for _ in range(args.runs):
                for name, scripts in codes.items():
                    run = measure_once(seeds, scripts)
                    runs[name].append(run)
                    stages = ", ".join(f"{stage} {s:.1f} s" for stage, s in run["seconds"].items())
                    print(f"  {name}: {run['records']} records -> {run['papers']} papers: {stages}, "
                          f"peak {run['peak_mb']:.0f} MB", flush=True)
            for name, measured in runs.items():
                medians = {stage: statistics.median(r["seconds"][stage] for r in measured)
                           for stage in measured[0]["seconds"]}
                print(f"{size} papers, {name}: read and merge {medians['total']:.1f} s, CPU {medians['cpu']:.1f} s "
                      f"(median of {len(measured)}; "
                      + ", ".join(f"{stage} {s:.1f} s" for stage, s in medians.items() if stage not in ("total", "cpu"))
                      + ")",
                      flush=True)


if __name__ == "__main__":
    main()
