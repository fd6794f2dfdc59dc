"""What the preview server keeps from one rebuild to the next.

`mkdocs serve` re-executes the hook files on every rebuild, but this module, part of
the installed package, stays loaded: the hooks keep here whether this process serves
(MkDocs' `on_startup`), the pages the last build wrote into the site folder, and the
Pagefind run in the background (lastgood.py keeps which configs built once).
"""

from __future__ import annotations

import os
import subprocess

from jinja2 import BytecodeCache

_SERVING: set[str] = set()  # "serve" while this process runs `mkdocs serve`
_OUTPUTS: dict[str, set[str]] = {}  # config file -> site files of generated pages, last build
_INDEXER: list[subprocess.Popen] = []  # the Pagefind run started after the last build


def start(command: str) -> None:
    """MkDocs' `on_startup`: `command` is "serve", "build" or "gh-deploy"."""
    _SERVING.clear()
    if command == "serve":
        _SERVING.add(command)


def serving() -> bool:
    return bool(_SERVING)


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
    _INDEXER.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     preexec_fn=_lowest_priority))


def _lowest_priority() -> None:
    os.nice(19)


def stop_indexer() -> None:
    """Stop the indexer started after the last build, if it still runs: a new build starts
    (its index would be out of date) or the server stops."""
    while _INDEXER:
        process = _INDEXER.pop()
        if process.poll() is None:
            process.terminate()
            process.wait()


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
