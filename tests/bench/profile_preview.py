"""Benchmark helper: `serve`'s rebuilds in this process, timed (and profiled with --profile).

    .venv/bin/python tests/bench/profile_preview.py [--papers 3000] [--edits 3] [--scratch /dev/shm] [--profile]

Writes a synthetic corpus (synthetic.py) into a scratch project, then builds it as
`paperfold serve` does (dirty MkDocs builds in one process, the hook's serve state on,
Pagefind left out), once, once more with no change, then --edits times a curation title
fix and a new 100-paper dump, each timed from the edit to the end of its rebuild. No
server, watcher or browser: bench_preview.py times those too; this one says where a
rebuild's time goes. Each line also gives the time of Python's garbage collections during
that rebuild and the process's resident memory after it (and after --pause).
With --profile, each rebuild but the first is written to <scratch>/<name>.prof (cProfile;
read it with `python -m pstats`). Each line also splits the rebuild (without a profiler's
cost) into the generator's stages (build.py's calls, timed around each) and the rest,
which is MkDocs.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent.parent / "scripts")]

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from bench_preview import write_new_dump, write_title_fix  # noqa: E402
from paperfold import build as pipeline  # noqa: E402
from paperfold.face import preview  # noqa: E402
from sitebuild import make_project  # noqa: E402
from synthetic import write_corpus  # noqa: E402

SERVE_URL = "http://127.0.0.1:8000/paperfold/"


class Collections:
    """Python's garbage collections since the last reset: full (generation 2) ones, with
    their wall and CPU seconds, and the young generations' wall seconds together."""

    def __init__(self) -> None:
        self.reset()
        self._started = (0.0, 0.0)
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = (time.perf_counter(), time.process_time())
            return
        seconds = time.perf_counter() - self._started[0]
        if info["generation"] == 2:
            self.seconds += seconds
            self.cpu += time.process_time() - self._started[1]
            self.count += 1
        else:
            self.young_seconds += seconds

    def reset(self) -> None:
        self.seconds, self.cpu, self.count, self.young_seconds = 0.0, 0.0, 0, 0.0

    def line(self) -> str:
        return (f"full collections {self.count}, {self.seconds:.2f} s, CPU {self.cpu:.2f} s; "
                f"young ones {self.young_seconds:.2f} s")


STAGES = ("load_curation", "load_dumps", "read_seeds", "merge", "curate", "tag_topics", "relate_papers",
          "render_pages", "write_pages")


class StageTimes:
    """Seconds in each of build.py's stage calls since the last reset (each call wrapped), and
    how many files under docs/ the generator wrote or removed."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        for name in STAGES:
            if hasattr(pipeline, name):
                setattr(pipeline, name, self._timed(name, getattr(pipeline, name)))

    def _timed(self, name: str, function):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                result = function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
            if name == "write_pages":  # (written, removed): what MkDocs renders again
                self.written += sum(map(len, result))
            return result
        return timed

    def line(self, total: float) -> str:
        parts = [f"{name} {seconds:.2f}" for name, seconds in self.seconds.items() if seconds >= 0.005]
        parts.append(f"the rest (MkDocs) {total - sum(self.seconds.values()):.2f}")
        return ", ".join(parts) + f"; {self.written} files written or removed"

    def reset(self) -> None:
        self.seconds, self.written = {}, 0


def rss_mb() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS"))


def rebuild(name: str, project: Path, scratch: Path, args, collections: Collections, stages: StageTimes):
    """One dirty build as serve makes it, timed (profiled with --profile, but the first); the
    pause after it, as a user reading the page. Wall and CPU seconds."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(scratch / "site"))
    config.site_url = SERVE_URL
    profile = cProfile.Profile() if args.profile and name != "first" else None
    collections.reset()
    stages.reset()
    started, cpu = time.perf_counter(), time.process_time()
    if profile:
        profile.enable()
    build(config, serve_url=SERVE_URL, dirty=True)
    if profile:
        profile.disable()
        profile.dump_stats(str(scratch / f"{name}.prof"))
    seconds, collected = time.perf_counter() - started, collections.line()
    cpu = time.process_time() - cpu
    collections.reset()
    time.sleep(args.pause)  # resident memory is read after it
    for timer in getattr(preview, "_COLLECTING", ()):  # the collection after the build, if still running
        timer.join()
    print(f"{name}: {seconds:.2f} s, CPU {cpu:.2f} s ({collected}; resident {rss_mb()} MB)\n"
          f"    {stages.line(seconds)}\n    in the pause after it: {collections.line()}", flush=True)
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=3000)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--scratch", help="folder for the scratch project (default: the temp folder)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--pause", type=float, default=2.0,
                        help="seconds between a rebuild and the next edit, as a user reading the page "
                             "(serve does some work between builds: a full garbage collection)")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(dir=args.scratch))
    write_corpus(scratch / "corpus", args.papers)
    (project := scratch / "project").mkdir()
    make_project(project, scratch / "corpus")
    preview.index_in_background = lambda command: None  # Pagefind: not what is timed here
    try:
        preview.start("serve", dirty=True)
    except TypeError:  # code before dirty builds were told apart (run from a copy of an older commit)
        preview.start("serve")
    timers = (project, scratch, args, Collections(), StageTimes())
    rebuild("first", *timers)
    rebuild("no-change", *timers)
    fixes, dumps = [], []
    for n in range(args.edits):
        write_title_fix(project, n)
        fixes.append(rebuild(f"fix{n}", *timers))
        write_new_dump(project, n)
        dumps.append(rebuild(f"dump{n}", *timers))
    print(f"median: title fix {statistics.median(s for s, _ in fixes):.2f} s "
          f"(CPU {statistics.median(c for _, c in fixes):.2f} s), new 100-paper dump "
          f"{statistics.median(s for s, _ in dumps):.2f} s (CPU {statistics.median(c for _, c in dumps):.2f} s); "
          f"scratch project: {scratch}")


if __name__ == "__main__":
    main()
