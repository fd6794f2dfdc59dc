"""What the preview server keeps from one rebuild to the next.

`mkdocs serve` re-executes the hook files on every rebuild, but this module, part of
the installed package, stays loaded: the hooks keep here whether this process serves
(MkDocs' `on_startup`), the pages the last build wrote into the site folder, the pages
the generator wrote since, what the theme and config looked like at the last build,
MkDocs' file objects, the Pagefind run in the background, and when Python collects its
garbage (lastgood.py keeps which configs built once).
"""

from __future__ import annotations

import copy
import gc
import logging
import os
import re
import subprocess
import threading
from pathlib import Path

import mkdocs.commands.build
import mkdocs.structure.files
from jinja2 import BytecodeCache
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions

_SERVING: dict[str, bool] = {}  # "serve" -> whether its builds are dirty, while this process serves
_OUTPUTS: dict[str, set[str]] = {}  # config file -> site files of generated pages, last build
_IN_PLACE: dict[str, set[str]] = {}  # config file -> generated pages whose HTML the last build left in the site
_FRESH: dict[str, set[str]] = {}  # config file -> generated paths written or removed since the last build finished
_INDEXER: list[subprocess.Popen] = []  # the Pagefind run started after the last build
_LOOKS: dict[str, tuple] = {}  # config file -> what every page's HTML depends on, at the last build
_COLLECTING: list[threading.Timer] = []  # the full garbage collection started after the last build


def start(command: str, dirty: bool = False) -> None:
    """MkDocs' `on_startup`: `command` is "serve", "build" or "gh-deploy"; `dirty`: whether
    each build leaves the site folder as the last one left it (`paperfold serve` does)."""
    _SERVING.clear()
    if command == "serve":
        _SERVING[command] = dirty
    reuse_files(command == "serve" and dirty)
    collect_between_builds(command == "serve")


def serving() -> bool:
    return bool(_SERVING)


def note_written(config_file: str, paths: list[str]) -> None:
    """The generator wrote or removed these files under docs/ (build.generate_written):
    their pages are rendered again by the next build that finishes."""
    _FRESH.setdefault(config_file, set()).update(paths)


def built(config_file: str, pages: set[str]) -> None:
    """MkDocs' `on_post_build`: the build finished, and the generated pages in `pages`
    (src_uri) have their HTML in the site folder, rendered now or left from before."""
    _IN_PLACE[config_file] = pages
    _FRESH.pop(config_file, None)


def outputs_gone(config_file: str, outputs: set[str]) -> set[str]:
    """The site files of generated pages the last build made that this one does not (a
    dirty build leaves them in place), remembering this build's."""
    gone = _OUTPUTS.get(config_file, set()) - outputs
    _OUTPUTS[config_file] = outputs
    return gone


def index_in_background(command: list[str]) -> None:
    """Run the indexer without waiting for it, at the lowest CPU priority: a rebuild after
    the next edit must not share the cores with it (at 10,000 papers it indexes for 15-30 s)."""
    stop_indexer()
    # `nice` (which execs the indexer in its place) rather than os.nice in a preexec_fn:
    # without one, Python starts the child with vfork, not by copying this process's
    # gigabyte of memory (a second of every rebuild on a loaded machine).
    _INDEXER.append(subprocess.Popen(["nice", "-n", "19", *command], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL))


def stop_indexer() -> None:
    """Stop the indexer started after the last build, if it still runs: a new build starts
    (its index would be out of date) or the server stops."""
    while _INDEXER:
        process = _INDEXER.pop()
        if process.poll() is None:
            process.terminate()
            process.wait()


# Python's own setting for full collections (gc.set_threshold's third number).
_FULL_THRESHOLD = gc.get_threshold()[2]
FULL_NEVER = 2**30  # no full collection starts by itself
COLLECT_AFTER_SECONDS = 1.0  # after a build: the browser has reloaded its page


def collect_between_builds(on: bool) -> None:
    """Under `serve`, Python's full garbage collections run between builds rather than
    during them. A full collection walks every object the server holds (about 700 MB at
    10,000 papers: the memos, MkDocs' files), 0.25-0.7 s of CPU, and a rebuild set
    off one or two of them; Python starts them by itself as objects pile up, so they
    landed inside the rebuild the user waits for. With `on`, none starts by itself (the
    young generations are collected as usual), and collect_after_build runs one after
    every build instead. Off, Python's setting is restored."""
    young = gc.get_threshold()[:2]
    gc.set_threshold(*young, FULL_NEVER if on else _FULL_THRESHOLD)


def collect_after_build() -> None:
    """MkDocs' `on_post_build` (`on_build_error` for a build that fails), under `serve`:
    one full collection COLLECT_AFTER_SECONDS after the build, when MkDocs' server has
    sent the reloaded page. Every build starts one, so the garbage of a build is freed
    before the next (memory stays flat, tests/test_preview.py); if the next build has
    started by then, it runs during that build, as it would have without this."""
    _COLLECTING[:] = [timer for timer in _COLLECTING if timer.is_alive()]
    timer = threading.Timer(COLLECT_AFTER_SECONDS, gc.collect)
    timer.daemon = True  # the server may stop meanwhile
    timer.start()
    _COLLECTING.append(timer)


class ThemeBytecode(BytecodeCache):
    """Compiled theme templates, kept in memory across rebuilds: MkDocs makes a new Jinja
    environment for every build, which compiled Material's templates again each time
    (about a second of every rebuild). Keyed by Jinja with each template's source text."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


THEME_BYTECODE = ThemeBytecode()


def leave_out_unchanged(files, config, generated) -> None:
    """Serve: hand MkDocs only the generated pages the generator wrote since the last
    build finished (note_written), so that it makes no `Page` for the other thousands on
    every rebuild, nor compares 10,000 modification times. The others stay in `files`,
    marked excluded: links to them still resolve, and their HTML from an earlier build
    stays in the site folder, as a dirty build would leave it. `generated(src_uri)` tells
    the generator's pages from hand-written ones, which MkDocs handles as usual.

    A page is left out only when the last finished build left its HTML in place (built),
    in a dirty build (a clean one empties the site folder). Pages of the navigation every
    page shows are never left out. The HTML left in place is what a clean build writes as
    long as the theme, config and hooks are the same: when they changed since the last
    build (an edited override, mkdocs.yml), every page's HTML is removed first, so that
    all are rendered again."""
    looks, key = _looks(config), config.config_file_path
    pages = [f for f in files.documentation_pages() if generated(f.src_uri)]
    QUIET_LINKS.left_out = set()
    if _LOOKS.get(key) != looks:
        _LOOKS[key] = looks
        _IN_PLACE.pop(key, None)
        for file in pages:
            _remove(file.abs_dest_path)
        return
    if not _SERVING.get("serve"):
        return
    in_nav = _nav_pages(config.nav or ())
    sidebar = {f.src_uri for f in pages if _in_sidebar(f.src_uri, in_nav, config)}
    if config.nav is None:
        # MkDocs titles the navigation it makes itself from each page's text, which a
        # dirty build reads only for pages whose HTML is older: render these again.
        for file in pages:
            if file.src_uri in sidebar:
                _remove(file.abs_dest_path)
    in_place, fresh = _IN_PLACE.get(key, set()), _FRESH.get(key, set())
    left_out = {f.src_uri for f in pages if f.src_uri in in_place and f.src_uri not in fresh | sidebar}
    for file in pages:
        if file.src_uri in left_out:
            file.inclusion = InclusionLevel.EXCLUDED
    QUIET_LINKS.left_out = left_out


def _looks(config) -> tuple:
    """What the HTML of every page depends on besides its own Markdown: mkdocs.yml, the
    theme's overrides and the hook files (each file's path, size and modification time)."""
    paths = [getattr(module, "__file__", None) for module in (config.hooks or {}).values()]
    if config.theme.custom_dir:
        for folder, _, names in sorted(os.walk(config.theme.custom_dir)):
            paths += [os.path.join(folder, name) for name in sorted(names)]
    stats = [(path, os.stat(path).st_size, os.stat(path).st_mtime_ns) for path in paths if path]
    return Path(config.config_file_path).read_bytes(), tuple(stats)


def _in_sidebar(src_uri: str, in_nav: set[str], config) -> bool:
    """Whether the page is in the navigation every page shows, so that leaving it out would
    change other pages' sidebars: listed in `nav:` (at any depth), or, with no `nav:`
    (MkDocs makes one of every page), not matched by `not_in_nav`."""
    if config.nav is None:
        return not (config.not_in_nav and config.not_in_nav.match_file(src_uri))
    return src_uri in in_nav


def _nav_pages(items) -> set[str]:
    """The pages of `nav:` entries such as "index.md", {"Home": "index.md"} or
    {"Section": [...]}, at any depth (links and sections are not pages)."""
    pages = set()
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages |= _nav_pages(value)
        elif isinstance(value, str):
            pages.add(value)
    return pages


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


class QuietLinks(logging.Filter):
    """MkDocs says at INFO, for every link to an excluded page, that it "is excluded from
    the built site". For the pages leave_out_unchanged left out that is not so (their HTML
    is in the site folder): those lines are dropped, one per link, thousands a rebuild."""

    # Doc file 'index.md' contains a link to 'papers/x.md' which is excluded from the built site.
    LINK = re.compile(r"""contains\ a\ link\ to\ '(?P<target>[^']+)'\ which\ is\ excluded""", re.VERBOSE)

    def __init__(self) -> None:
        super().__init__()
        self.left_out: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        match = self.LINK.search(record.getMessage())
        return match is None or match["target"] not in self.left_out


QUIET_LINKS = QuietLinks()
logging.getLogger("mkdocs.structure.pages").addFilter(QUIET_LINKS)


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
