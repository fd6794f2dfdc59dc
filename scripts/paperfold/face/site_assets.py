"""MkDocs hook: what the built site serves itself after MkDocs has written it.

1. KaTeX (npm `katex`, pinned in package.json and installed by scripts/setup into
   the git-ignored node_modules/) is copied to `assets/vendor/katex/`, so math
   renders with nothing fetched from a CDN.
2. Pagefind indexes the paper text (the article element only, no navigation
   chrome) into `pagefind/`; docs/assets/paperfold/search.js answers Material's
   search box from it. Under `serve` it runs in the background after each build, so
   it never delays the reload: search answers from the previous index until the new
   one is written (seconds; 15-30 s at 10,000 papers).

This module only copies files and runs the indexer; it reads no seeds.
"""

from __future__ import annotations

import ctypes
import logging
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from paperfold.face import preview

log = logging.getLogger("mkdocs.plugins.paperfold.site_assets")

KATEX_FILES = ("katex.min.js", "katex.min.css")
ROOT_SELECTOR = "article.md-content__inner"
# The BibTeX block repeats title and authors; permalinks are pilcrows; .pf-no-search marks
# what every paper page has (related papers, where it was seen, the contribute line), which
# made every paper a result for their words.
EXCLUDE_SELECTORS = "pre, .headerlink, .pf-no-search"


def katex_dist(project_root: Path) -> Path:
    return project_root / "node_modules" / "katex" / "dist"


def copy_katex(dist: Path, site_dir: Path) -> bool:
    """Copy KaTeX's script, stylesheet and woff2 fonts; False when npm has not installed it."""
    if not (dist / "katex.min.js").is_file():
        return False
    target = site_dir / "assets" / "vendor" / "katex"
    (target / "fonts").mkdir(parents=True, exist_ok=True)
    for name in KATEX_FILES:
        shutil.copy2(dist / name, target / name)
    for font in (dist / "fonts").glob("*.woff2"):
        shutil.copy2(font, target / "fonts" / font.name)
    return True


def pagefind_command(site_dir: Path) -> list[str]:
    return [
        sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
        "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDE_SELECTORS,
    ]


PAGEFIND_SECONDS = 1800  # Pagefind's time limit: it takes about 60 s at 20,000 papers
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child, before Pagefind starts: the kernel kills it when the build's process
    ends, however it ends (a traceback, a kill); an orphaned Pagefind ran on for good."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def index_search(site_dir: Path, seconds: float = PAGEFIND_SECONDS) -> subprocess.CompletedProcess:
    """Run Pagefind over the site; stopped after `seconds` (a failed CompletedProcess then)."""
    command = pagefind_command(site_dir)
    linux = sys.platform.startswith("linux")
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=seconds,
                              preexec_fn=_die_with_parent if linux else None)
    except subprocess.TimeoutExpired:  # run() has killed it
        return subprocess.CompletedProcess(command, -signal.SIGKILL, "", f"stopped after {seconds:g} s")


def on_post_build(config, **kwargs) -> None:
    site_dir = Path(config.site_dir)
    root = Path(config.config_file_path).resolve().parent
    if not copy_katex(katex_dist(root), site_dir):
        log.warning("KaTeX is not installed (run scripts/setup): math shows as TeX source")
    if preview.serving():
        preview.index_in_background(pagefind_command(site_dir))
        return
    started = time.perf_counter()
    result = index_search(site_dir)
    log.info(f"paperfold: Pagefind indexed the site in {time.perf_counter() - started:.2f} s")
    if result.returncode != 0:
        log.warning("Pagefind failed, search will not work: %s", (result.stderr or result.stdout).strip())


def on_shutdown(**kwargs) -> None:
    preview.stop_indexer()
