"""Benchmark: how soon `paperfold serve` shows an edit, and whether an edit costs one build.

    .venv/bin/python tests/bench/bench_preview.py [--papers 10000] [--edits 3] [--scratch /dev/shm]

Writes a synthetic corpus (synthetic.py) into a scratch project, starts `paperfold serve`
on it and waits for the first build. Then, --edits times each, in turns:

- a curation title fix: curation/papers/<id>.yml with a new title; timed until the
  paper's page (at its new address: a title fix moves the page) shows the new title;
- a new 100-paper dump in seeds/; timed until the home page counts its papers and the
  last new paper's page is served.

Each time runs from the moment the file is written until the served page shows it,
which is when a browser tab reloads (MkDocs' server holds requests while it builds);
the time until the server's log says the build started (the watcher's delay, within
0.02 s) is printed beside it.
After each edit the server is watched for a few more seconds: "extra builds" counts
any build beyond the one the edit needed. Medians are printed.
Targets at 10,000 papers: title fix <= 3 s, new dump <= 5 s, no extra build.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent.parent / "scripts")]

from paperfold.papers.merge import paper_id  # noqa: E402
from serving import fetch, free_port  # noqa: E402
from sitebuild import make_project  # noqa: E402
from synthetic import _hf_page, write_corpus  # noqa: E402

QUIET_S = 4  # after an edit showed: a further build starting within this long is an extra build
BUILD_LINE = "Building documentation"


def wait_for(predicate, seconds: float, step: float = 0.05) -> float | None:
    """Seconds until predicate() is true (None: not within `seconds`)."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if predicate():
            return time.perf_counter() - started
        time.sleep(step)
    return None


class Server:
    """`paperfold serve` in a child process, its log read as it comes."""

    def __init__(self, project: Path, log: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = log
        with open(log, "w") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "paperfold.face.cli", "serve", "--config", str(project / "mkdocs.yml"),
                 "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=project, stdout=output, stderr=subprocess.STDOUT, text=True,
            )

    def builds(self) -> int:
        return self.log.read_text(encoding="utf-8", errors="replace").count(BUILD_LINE)

    def tail(self) -> str:
        return "".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines(True)[-40:])

    def page(self, path: str) -> str | None:
        return fetch(self.base + path, timeout=60)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


def site_path(project: Path) -> str:
    """The site's path below the server root (site_url's path), e.g. "paperfold/"."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*https?://[^/\s]+/(\S*)", text, re.M)
    return match.group(1) if match else ""


Timing = tuple[float | None, float | None, int]  # seconds until shown, until its build started; extra builds


def until_shown(server: Server, before: int, shown) -> tuple[float | None, float | None]:
    """Seconds from now until shown(), and until the server's log shows a build beyond
    `before` (watched in a thread: shown() waits while the server builds)."""
    build_started: list[float | None] = []
    watcher = threading.Thread(target=lambda: build_started.append(wait_for(lambda: server.builds() > before, 600,
                                                                            step=0.02)))
    watcher.start()
    seconds = wait_for(shown, 600)
    watcher.join()
    return seconds, build_started[0]


def write_title_fix(project: Path, n: int) -> tuple[str, str]:
    """Edit n: a curation file fixes the title of one of the first 500 papers. The new title
    and the paper's id under it."""
    page = sorted((project / "docs" / "papers").glob("*.md"))[n * 37 % 500]
    old_title = re.search(r"^title: (.*)$", page.read_text(encoding="utf-8"), re.M).group(1).strip("'\"")
    new_title = f"{old_title} (title fixed {n})"
    (project / "curation" / "papers").mkdir(parents=True, exist_ok=True)
    (project / "curation" / "papers" / f"{page.stem}.yml").write_text(f'title: "{new_title}"\n', encoding="utf-8")
    return new_title, paper_id(new_title, None, None)


def write_new_dump(project: Path, n: int) -> str:
    """Edit n: a dump of 100 new papers. The id of its last paper."""
    numbers = list(range(1_000_000 + 100 * n, 1_000_000 + 100 * n + 100))
    text = _hf_page(random.Random(n), numbers)
    (project / "seeds" / f"2026-05-01_new_{n}.txt").write_text(text, encoding="utf-8")
    return paper_id(re.search(rf"^(.*study {numbers[-1]})$", text, re.M).group(1), None, None)


def title_fix(server: Server, project: Path, root: str, n: int) -> Timing:
    """A curation file fixes one paper's title; seconds until its page shows it and until its
    build started, extra builds."""
    before = server.builds()
    new_title, new_id = write_title_fix(project, n)
    shown = until_shown(server, before, lambda: new_title in (server.page(f"{root}papers/{new_id}/") or ""))
    return *shown, extra_builds(server, before)


def new_dump(server: Server, project: Path, root: str, n: int, papers_before: int) -> Timing:
    """A 100-paper dump is added; seconds until the home page counts them and the last one's
    page is served and until its build started, extra builds."""
    before = server.builds()
    last = write_new_dump(project, n)
    count = f"{papers_before + 100:,}".replace(",", "")

    def shown() -> bool:
        home = server.page(root) or ""
        return count in home.replace(",", "") and bool(server.page(f"{root}papers/{last}/"))

    return *until_shown(server, before, shown), extra_builds(server, before)


def extra_builds(server: Server, before: int) -> int:
    time.sleep(QUIET_S)
    return max(0, server.builds() - before - 1)


def paper_count(server: Server, root: str) -> int:
    home = server.page(root) or ""
    match = re.search(r"([\d,]+) papers", home)
    return int(match.group(1).replace(",", "")) if match else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=3, help="title fixes and new dumps, each; medians shown")
    parser.add_argument("--scratch", help="folder for the scratch project, e.g. /dev/shm (default: the temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
        write_corpus(Path(scratch) / "corpus", args.papers)
        (project := Path(scratch) / "project").mkdir()
        make_project(project, Path(scratch) / "corpus")
        root = site_path(project)
        started = time.perf_counter()
        server = Server(project, Path(scratch) / "serve.log")
        try:
            if wait_for(lambda: server.page(root), 1800, step=0.5) is None:
                raise SystemExit(server.tail())
            print(f"first build: {time.perf_counter() - started:.1f} s, {paper_count(server, root)} papers", flush=True)
            fixes, dumps, starts, extra = [], [], [], 0
            for n in range(args.edits):
                fix = title_fix(server, project, root, n)
                dump = new_dump(server, project, root, n, paper_count(server, root))
                for timing, shown in ((fix, fixes), (dump, dumps)):
                    shown.append(timing[0] if timing[0] is not None else float("inf"))
                    starts.append(timing[1] if timing[1] is not None else float("inf"))
                    extra += timing[2]
                print(f"edit {n + 1}: title fix shown after {fixes[-1]:.2f} s (build started after {starts[-2]:.2f} s),"
                      f" new dump after {dumps[-1]:.2f} s (build started after {starts[-1]:.2f} s)", flush=True)
            print(f"papers {paper_count(server, root)}: title fix median {statistics.median(fixes):.2f} s, "
                  f"new 100-paper dump median {statistics.median(dumps):.2f} s, build started after "
                  f"{statistics.median(starts):.2f} s (median of both), extra builds {extra}")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
