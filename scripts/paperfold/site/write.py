"""Write generated pages into the docs folder: only changed files, stale ones removed.

Rewriting only what changed keeps `mkdocs serve` from reloading for nothing;
removing stale pages keeps a paper that left the seeds from lingering.
Generated paths are owned by the generator: hand-written pages live elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Mapping

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


def write_changed(docs_dir: Path, pages: Mapping[str, str]) -> int:
    """Write the pages whose text differs from the file's (as UTF-8, newlines as they are);
    the count written. Each folder is listed once, so a page that has no file yet is
    written without trying to read it: most pages, in a first build."""
    root, present = os.fspath(docs_dir), set()
    for folder in {relative.rpartition("/")[0] for relative in pages}:
        os.makedirs(os.path.join(root, folder), exist_ok=True)
        present.update(f"{folder}/{name}" if folder else name for name in os.listdir(os.path.join(root, folder)))
    written = 0
    for relative, text in pages.items():
        path, data = os.path.join(root, relative), text.encode("utf-8")
        if relative not in present or _content(path) != data:
            with open(path, "wb") as file:
                file.write(data)
            written += 1
    return written


def write_pages(docs_dir: Path, pages: Mapping[str, str], written_apart: Iterable[str] = ()) -> tuple[int, int]:
    """(files written, files removed): `pages`, then every generated file that is neither
    in `pages` nor `written_apart` (paths written by write_changed elsewhere) is removed."""
    written = write_changed(docs_dir, pages)
    stale = owned_files(docs_dir).difference(pages, written_apart)
    for relative in stale:
        (docs_dir / relative).unlink()
    return written, len(stale)
