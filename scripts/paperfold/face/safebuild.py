"""Build the HTML site beside the old one and swap it in only when the build succeeded.

A build that fails, or is killed half-way, leaves the previous site as it was:
MkDocs writes into `.<site>.building-*` next to `site_dir`, and only a finished
build replaces `site_dir` (two `os.replace` calls on one file system; the old
copy is removed afterwards). Leftovers of a killed build are removed by the next one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable


def staging_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}.building-"


def remove_leftovers(site_dir: Path) -> None:
    for pattern in (staging_prefix(site_dir) + "*", f".{site_dir.name}.old-*"):
        for path in site_dir.parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


def build_atomically(site_dir: Path, build: Callable[[Path], None]) -> None:
    """Run `build(staging_dir)`; on success the staging dir becomes `site_dir`."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(site_dir), dir=site_dir.parent))
    try:
        build(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is meant to be served
    swap_in(staging, site_dir)


def swap_in(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
