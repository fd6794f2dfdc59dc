"""What a reader's first search costs on a big site, measured in a real browser.

    .venv/bin/python tests/bench/bench_search.py                 # 10,000 papers
    .venv/bin/python tests/bench/bench_search.py --papers 2000
    .venv/bin/python tests/bench/bench_search.py --reuse         # measure the last build again

1. Writes a synthetic seeds folder: BibTeX dumps of 1,000 papers each (titles,
   3-6 authors, arXiv ids, dates, abstracts of 80-150 words; 1 title in 20 has
   math). Words come from the real seeds' vocabulary, Zipf-distributed, so
   common and rare query words both occur. The seed is fixed.
2. Builds the site as `paperfold build` does (MkDocs, then the site_assets hook:
   KaTeX and the Pagefind index) from a private copy of docs/, timing the build,
   and Pagefind on its own.
3. Serves it on 127.0.0.1 and, for each query in a fresh browser (cold cache),
   opens the home page, waits until it is idle, types the query into the search
   box and records the bytes transferred from the first keystroke until the
   results are shown, and the time to the first result (including the
   search box's 120 ms debounce).
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP, QuietHandler, SiteServer, build_site  # noqa: E402
from paperfold.face.site_assets import pagefind_command  # noqa: E402

PER_DUMP = 1000
FIRST_NAMES = "Ada Bo Chen Dana Emil Farah Goran Hana Ines Jun Kofi Lena Mateo Nia Omar Priya Quinn Rosa Sven Tariq Uma Viktor Wen Ximena Yusuf Zofia".split()
LAST_NAMES = (
    "Abebe Bergstrom Castellanos Dimitrov Eriksen Fujimoto Gallagher Haddad Ivanova Jankowski Kowalczyk "
    "Lindqvist Moreau Nakamura Oyelaran Petrov Quiroga Rasmussen Szabo Tanaka Ueda Valverde Wojcik Xu Yilmaz Zhang"
).split()
MATH = ["$0<p<1$", "$k^{-\\beta}$", "$H$", "$\\ell_1$", "$O(n \\log n)$"]


def vocabulary() -> list[str]:
    """Distinct lowercase words of the real seeds, most frequent first."""
    counts: dict[str, int] = {}
    for dump in (ROOT / "seeds").iterdir():
        for word in re.findall(r"[a-z][a-z-]{2,}", dump.read_text(encoding="utf-8", errors="replace").lower()):
            counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))


def zipf_words(rng: random.Random, words: list[str], count: int) -> list[str]:
    weights = [1 / (rank + 10) for rank in range(len(words))]
    return rng.choices(words, weights=weights, k=count)


def bibtex_entry(rng: random.Random, words: list[str], number: int) -> str:
    title = " ".join(zipf_words(rng, words, rng.randint(6, 12))).capitalize()
    if number % 20 == 0:
        title += " with " + rng.choice(MATH)
    authors = " and ".join(
        f"{rng.choice(LAST_NAMES)}, {rng.choice(FIRST_NAMES)}" for _ in range(rng.randint(3, 6))
    )
    abstract = " ".join(zipf_words(rng, words, rng.randint(80, 150))).capitalize() + "."
    year, month = rng.choice((2023, 2024, 2025, 2026)), rng.randint(1, 12)
    return (
        f"@article{{synthetic{number},\n  title = {{{title} {number}}},\n  author = {{{authors}}},\n"
        f"  year = {{{year}}},\n  month = {{{month}}},\n  eprint = {{{2300 + number // 100000}.{number % 100000:05d}}},\n"
        f"  archivePrefix = {{arXiv}},\n  abstract = {{{abstract}}}\n}}\n"
    )


def write_seeds(folder: Path, papers: int) -> list[str]:
    rng = random.Random(20261123)
    words = vocabulary()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.bib"):
        old.unlink()
    for start in range(0, papers, PER_DUMP):
        entries = [bibtex_entry(rng, words, n) for n in range(start, min(start + PER_DUMP, papers))]
        (folder / f"2026-11-01_synthetic_{start // PER_DUMP:03d}.bib").write_text("\n".join(entries), encoding="utf-8")
    return words


def timed(run, *args) -> float:
    start = time.perf_counter()
    run(*args)
    return time.perf_counter() - start


def run_quietly(command: list[str]) -> None:
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)


SENT: list[tuple[str, int, int]] = []  # (path, body bytes, gzipped bytes) of every response
TEXT_FILES = (".js", ".json", ".css", ".html", ".svg", ".xml")


class CountingHandler(QuietHandler):
    """Counts what the server sends. Pagefind fetches from a Web Worker, whose requests
    a page-level DevTools session does not see; the server sees everything."""

    def copyfile(self, source, outputfile) -> None:
        super().copyfile(source, outputfile)
        size = source.tell()
        path = self.path.split("?")[0]
        if path.endswith(TEXT_FILES):  # what a host that gzips text (GitHub Pages) would send
            source.seek(0)
            gzipped = len(gzip.compress(source.read()))
        else:  # Pagefind's .pf_* files are compressed already; so is wasm.*.pagefind
            gzipped = size
        SENT.append((path, size, gzipped))


def measure_query(browser, url: str, query: str) -> tuple[int, int, float, int]:
    """(bytes sent, bytes if text is gzipped, ms to first result, results shown) for one
    cold first search. Each response also counts about 200 bytes of headers."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    SENT.clear()
    box = page.locator("[data-pf-search-query]")
    box.click()
    page.evaluate("window.__t0 = performance.now()")
    box.fill(query)
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    elapsed = page.evaluate("performance.now() - window.__t0")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    count = page.locator(".md-search-result__item").count()
    context.close()
    return (sum(size + 200 for _, size, _ in SENT), sum(gz + 200 for _, _, gz in SENT), elapsed, count)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/paperfold-bench-search"))
    parser.add_argument("--reuse", action="store_true", help="measure the site built last time")
    args = parser.parse_args()
    seeds, site = args.work / f"seeds-{args.papers}", args.work / f"site-{args.papers}"
    words = vocabulary()
    if not args.reuse:
        write_seeds(seeds, args.papers)
        work = args.work / f"work-{args.papers}"
        shutil.rmtree(work, ignore_errors=True)
        build_s = timed(build_site, seeds, site, "http://127.0.0.1:8000/", work)
        pagefind_s = timed(run_quietly, pagefind_command(site))
        print(f"{args.papers} papers: build {build_s:.0f} s (Pagefind included), Pagefind alone {pagefind_s:.0f} s")
    index_kb = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 1024
    print(f"Pagefind bundle on disk: {index_kb / 1024:.1f} MiB")

    queries = [words[5], words[50], words[500], "Nakamura", "synthetic"][:5]
    from playwright.sync_api import sync_playwright

    rows = []
    with SiteServer(site, CountingHandler) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for query in queries:
            rows.append((query, *measure_query(browser, server.url, query)))
        browser.close()
    print("\n| first query | sent (no compression) | sent (text gzipped) | time to first result | results shown |")
    print("|---|---|---|---|---|")
    for query, size, gzipped, ms, count in rows:
        print(f"| {query} | {size / 1024:.0f} kB | {gzipped / 1024:.0f} kB | {ms:.0f} ms | {count} |")
    for column, label in ((1, "no compression"), (2, "text gzipped")):
        sizes = [row[column] / 1024 for row in rows]
        print(f"{label}: avg {statistics.mean(sizes):.0f} kB, worst {max(sizes):.0f} kB")
    times = [row[3] for row in rows]
    print(f"time to first result: avg {statistics.mean(times):.0f} ms, worst {max(times):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
