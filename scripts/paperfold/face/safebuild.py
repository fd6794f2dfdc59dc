"""Build the HTML site beside the old one and swap it in only when the build succeeded.

A build that fails, or is killed half-way, leaves the previous site as it was:
MkDocs writes into `.<site>.building-<pid>-*` next to `site_dir`, and only a finished
build replaces `site_dir`. The swap exchanges the two folders in one step (Linux's
renameat2 RENAME_EXCHANGE), so a site is at `site_dir` at every moment; where that is
not available it takes two renames, and a build killed between them leaves the old site
in `.<site>.old-<pid>`, which the next build puts back before anything else.

One build at a time: a build holds a lock on the folder that holds the site (flock, which
goes with the process however it ends), and a second build stops with a message. It
removes only leftovers whose process is gone, and never the last copy of a site.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

AT_FDCWD = -100
RENAME_EXCHANGE = 2


class BuildLocked(RuntimeError):
    """Another build is writing a site in the same folder."""


def staging_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}.building-{os.getpid()}-"


def _old_name(site_dir: Path, pid: int) -> Path:
    return site_dir.with_name(f".{site_dir.name}.old-{pid}")


# ".site.building-1234-k2j3h4", ".site.old-1234": the process that made it; ".site.building-x":
# one of an older Paperfold, which named no process (gone: it took no lock, and this build has it)
def _leftover_pattern(site_dir: Path) -> re.Pattern:
    return re.compile(rf"^\.{re.escape(site_dir.name)}\.(?:building|old)-(?:(?P<pid>\d+)(?:-.*)?|.*)$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


@contextmanager
def site_lock(site_dir: Path) -> Iterator[None]:
    """Hold the lock on the folder that holds `site_dir`; BuildLocked if another build holds it."""
    fd = os.open(site_dir.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(f"another build is writing a site in {site_dir.parent}: wait for it to finish "
                              "and run this one again (the lock goes with that build's process)") from None
        yield
    finally:
        os.close(fd)  # releases the lock


def restore_interrupted(site_dir: Path) -> None:
    """A build killed between its two renames left the site in `.<site>.old-<pid>`: put it back."""
    if site_dir.exists():
        return
    pattern = _leftover_pattern(site_dir)
    olds = [p for p in site_dir.parent.iterdir() if ".old-" in p.name and pattern.match(p.name)]
    if olds:
        os.replace(max(olds, key=lambda p: p.stat().st_mtime), site_dir)


def remove_leftovers(site_dir: Path) -> None:
    """Staging and old folders of builds whose process is gone (never while no site exists)."""
    restore_interrupted(site_dir)
    pattern = _leftover_pattern(site_dir)
    for path in site_dir.parent.iterdir():
        match = pattern.match(path.name)
        if match and (match["pid"] is None or int(match["pid"]) != os.getpid() and not _alive(int(match["pid"]))):
            if site_dir.exists() or ".building-" in path.name:
                shutil.rmtree(path, ignore_errors=True)


def build_atomically(site_dir: Path, build: Callable[[Path], None]) -> None:
    """Run `build(staging_dir)`; on success the staging dir becomes `site_dir`."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with site_lock(site_dir):
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
    """`new` becomes `target`; the old site is removed once the new one is in place."""
    if not target.exists():
        os.replace(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # now the old site
        return
    old = _old_name(target, os.getpid())
    os.replace(target, old)  # killed here: the next build restores `old` (restore_interrupted)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the system cannot (not Linux, old kernel, some file systems)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))
