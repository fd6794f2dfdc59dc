"""What the preview server keeps from one rebuild to the next.

`mkdocs serve` re-executes the hook files on every rebuild, but this module, part of
the installed package, stays loaded: the hooks keep here whether this process serves
(MkDocs' `on_startup`), the pages the last build wrote into the site folder, the pages
the generator wrote since, what the theme and config looked like at the last build,
the Pagefind run in the background, and when Python collects its garbage (file_list.py
keeps MkDocs' file objects, lastgood.py which configs built once).
"""

from __future__ import annotations

import gc
import logging
import os
import re
import subprocess
import threading
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.structure.files import InclusionLevel

from paperfold.face.file_list import reuse_files

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
