"""Which MkDocs configs have built once in this process.

`mkdocs serve` reloads the hook module on every rebuild, so the hook keeps this
one fact here: after a good build, a rebuild with a broken curation file keeps
the last good generated pages, so the server keeps serving the last good site.
"""

from __future__ import annotations

_BUILT: set[str] = set()


def mark_built(config_file: str) -> None:
    _BUILT.add(config_file)


def built_before(config_file: str) -> bool:
    return config_file in _BUILT
