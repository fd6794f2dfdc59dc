"""MkDocs' file list under `paperfold serve` (dirty builds), reused from build to build.

`reuse_files` puts `files_of` in place of MkDocs' get_files for the process that serves
(preview.start): the one place Paperfold reaches into MkDocs past the hook API. The
File objects it made, and the theme's listing, stay in this module between rebuilds.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import mkdocs.commands.build
import mkdocs.structure.files
from mkdocs.structure.files import File, Files, set_exclusions

# MkDocs' own, kept for when the process does not serve with dirty builds.
_GET_FILES = mkdocs.commands.build.get_files


def reuse_files(on: bool) -> None:
    """Under `paperfold serve` (dirty builds), MkDocs' build lists docs/ with files_of
    instead of its get_files. This is the one place Paperfold reaches into MkDocs past the
    hook API: `mkdocs.commands.build.build` calls `get_files` (a module-level name) and
    then `add_files_from_theme` before the first hook that sees the files (`on_files`),
    and at 10,000 pages those took 2.8 s and 1.1 s of a profiled rebuild (under load; the
    profiler inflates them, BENCHMARKS.md). What to check when
    MkDocs is upgraded: that `build` still calls these two by these names; that get_files'
    walk and its rules for files with the same destination are still those `files_of`
    copies (its private `_file_sort_key` included); that `add_files_from_theme` still asks
    the theme's environment only for `list_templates`; and that tests/test_preview.py's
    served==clean tests pass."""
    # The name this patches must still be the function MkDocs' build calls.
    assert _GET_FILES is mkdocs.structure.files.get_files, "MkDocs' build no longer calls get_files"
    mkdocs.commands.build.get_files = files_of if on else _GET_FILES


_MADE: dict[str, File] = {}  # path under docs/ as get_files names it -> the File made for it, untouched
_MADE_FOR: list = [None]  # what the Files in _MADE were made for (config file's bytes, folders)


def files_of(config) -> Files:
    """get_files' Files, each a copy of the File made for the same path in an earlier
    build: MkDocs sets a Page and plugins set other things on the Files of a build, so
    every build gets fresh copies, but a copy skips making the File anew (its paths and
    URL, kept on it) and matching it against `exclude_docs`, `draft_docs` and `not_in_nav`.
    docs/ is walked as get_files walks it, so the list and its order are get_files'.
    A page two files would build (a README beside an index page, `a.md` beside
    `a.markdown`) goes to get_files, which keeps one and warns."""
    made_for = (Path(config.config_file_path).read_bytes(), config.docs_dir, config.site_dir)
    if _MADE_FOR[0] != made_for:
        _MADE.clear()
        _MADE_FOR[0] = made_for
    listing = _listing(config.docs_dir)
    if any(os.path.basename(path).startswith("README.") for path in listing):
        return _ThemeListedOnce(_GET_FILES(config))
    files = []
    for path in listing:
        file = _MADE.get(path)
        if file is None:
            file = _MADE[path] = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
            set_exclusions([file], config)
            file.abs_dest_path, file.url  # worked out once, kept by every copy
        files.append(copy.copy(file))
    for gone in _MADE.keys() - set(listing):
        del _MADE[gone]
    if len({file.dest_uri for file in files}) < len(files):
        return _ThemeListedOnce(_GET_FILES(config))
    return _ThemeListedOnce(files)


def _listing(docs_dir: str) -> list[str]:
    """Every file under docs_dir, as and in the order get_files lists them."""
    from mkdocs.structure.files import _file_sort_key

    paths = []
    for folder, dirnames, filenames in os.walk(docs_dir, followlinks=True):
        relative_dir = os.path.relpath(folder, docs_dir)
        dirnames.sort()
        filenames.sort(key=_file_sort_key)
        paths += [os.path.join(relative_dir, name) for name in filenames]
    return paths


class _ThemeListedOnce(Files):
    """Files whose add_files_from_theme lists the theme's folders once per process: Material
    has thousands of icon files, walked on every build. The theme's own folders do not
    change while the server runs; a custom_dir (overrides/) is listed again each build,
    and a change there lists them all again."""

    _listed: dict[tuple, list[str]] = {}

    def add_files_from_theme(self, env, config) -> None:
        custom = config.theme.custom_dir
        key = (tuple(config.theme.dirs), tuple(config.theme.static_templates),
               tuple(sorted(os.path.relpath(os.path.join(folder, name), custom)
                            for folder, _, names in os.walk(custom) for name in names)) if custom else ())
        super().add_files_from_theme(_Listed(env, key, self._listed), config)


class _Listed:
    """A Jinja environment as add_files_from_theme uses it (list_templates alone), the
    list kept under `key`."""

    def __init__(self, env, key: tuple, kept: dict) -> None:
        self.env, self.key, self.kept = env, key, kept

    def list_templates(self, filter_func=None) -> list[str]:
        if self.key not in self.kept:
            self.kept.clear()
            self.kept[self.key] = self.env.list_templates(filter_func=filter_func)
        return self.kept[self.key]
