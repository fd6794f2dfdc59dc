"""Build a real site from a seeds folder in a scratch copy of the project.

The generator writes into the docs folder next to mkdocs.yml, so tests build
in a copy (hand-written docs, theme overrides, vocabulary, curation) and never
touch the working tree.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "docs", "overrides", "topics.yml", "curation")
GENERATED = ("papers", "topics", "feeds", "bib", "index.md", "sources.md", "topics.md", "timeline.md", "map.md")


def make_project(tmp: Path, seeds: Path | None = None) -> Path:
    """A scratch project in `tmp` whose seeds are a copy of `seeds` (default: the repo's)."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp / name, ignore=shutil.ignore_patterns(*GENERATED))
        elif source.is_file():
            shutil.copy2(source, tmp / name)
    (tmp / "scripts").symlink_to(ROOT / "scripts")  # the hook path in mkdocs.yml
    if (ROOT / "node_modules").is_dir():  # KaTeX, which the build copies into the site
        (tmp / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copytree(seeds or ROOT / "seeds", tmp / "seeds")
    return tmp


def build(project: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "paperfold.face.cli", "build", "--config", str(project / "mkdocs.yml"),
               "--site-dir", str(project / "site"), *extra]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600)
