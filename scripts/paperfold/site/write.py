"""Write generated pages into the docs folder: only changed files, stale ones removed.

Rewriting only what changed keeps `mkdocs serve` from reloading for nothing;
removing stale pages keeps a paper that left the seeds from lingering.
Generated paths are owned by the generator: hand-written pages live elsewhere.

Within one process (`paperfold serve`), what was last written to each file is kept
(with the file's size and modification time), so that a rebuild compares texts in
memory rather than reading every page back; a file changed by anything else since
is read and compared as usual.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator, Mapping

from paperfold.site import urls

GENERATED_DIRS = (urls.PAPERS, urls.TOPICS, urls.FEEDS, urls.BIBS)
GENERATED_FILES = ("index.md", "sources.md", "topics.md", "timeline.md", "map.md")


def is_generated(relative: str) -> bool:
    """Whether a path under docs/ ("papers/x.md") is the generator's, not hand-written."""
    return relative in GENERATED_FILES or relative.split("/", 1)[0] in GENERATED_DIRS


def owned_files(docs_dir: Path) -> set[str]:
    """The generator's files now under docs_dir, as relative POSIX paths. Strings from
    os.scandir, not Path objects from rglob: a tenth of the time at 10,000 pages, and this
    runs after every page is rendered, in one process."""
    files = {name for name in GENERATED_FILES if (docs_dir / name).is_file()}
    for folder in GENERATED_DIRS:
        files.update(_files_under(docs_dir, folder))
    return files


def _files_under(docs_dir: Path, relative: str) -> Iterator[str]:
    try:
        entries = list(os.scandir(docs_dir / relative))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        path = f"{relative}/{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            yield from _files_under(docs_dir, path)
        elif entry.is_file():  # as rglob's is_file(): a link to a file, not a dangling link
            yield path


def _content(path: str) -> bytes | None:
    try:
        with open(path, "rb") as file:
            return file.read()
    except (FileNotFoundError, IsADirectoryError):
        return None


# Absolute path -> (text last written there by this process, its (size, mtime_ns) then).
_WRITTEN: dict[str, tuple[str, tuple[int, int]]] = {}


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_size, stat.st_mtime_ns


def write_changed(docs_dir: Path, pages: Mapping[str, str]) -> list[str]:
    """Write the pages whose text differs from the file's (as UTF-8, newlines as they are);
    the paths written (under `serve`, the pages MkDocs must render again). Each folder is
    listed once, so a page that has no file yet is written without trying to read it: most
    pages, in a first build."""
    root, present = os.fspath(docs_dir), set()
    for folder in {relative.rpartition("/")[0] for relative in pages}:
        os.makedirs(os.path.join(root, folder), exist_ok=True)
        present.update(f"{folder}/{name}" if folder else name for name in os.listdir(os.path.join(root, folder)))
    written = []
    for relative, text in pages.items():
        path = os.path.join(root, relative)
        if relative in present and _unchanged(path, text):
            continue
        with open(path, "wb") as file:
            file.write(text.encode("utf-8"))
        _WRITTEN[path] = (text, _stamp(path))
        written.append(relative)
    return written


def _unchanged(path: str, text: str) -> bool:
    """Whether the file at `path` holds `text`: known from the last write when nothing
    else has touched the file since, else read back."""
    last, stamp = _WRITTEN.get(path), _stamp(path)
    if last is not None and last[1] == stamp:
        return last[0] == text
    if _content(path) != text.encode("utf-8"):
        return False
    _WRITTEN[path] = (text, stamp)
    return True


def write_pages(docs_dir: Path, pages: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """(paths written, paths removed): `pages`, then every generated file that is not
    in `pages` is removed."""
    written = write_changed(docs_dir, pages)
    stale = sorted(owned_files(docs_dir).difference(pages))
    for relative in stale:
        (docs_dir / relative).unlink()
        _WRITTEN.pop(os.path.join(os.fspath(docs_dir), relative), None)
    return written, stale
