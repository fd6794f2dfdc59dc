"""Stage results kept from one build to the next, keyed by the content they were made from.

`paperfold serve` rebuilds in one long-lived process. MkDocs re-executes the hook file
on every rebuild, but the package's modules stay in `sys.modules`, so a Memo made at
module level here lives as long as the server: a rebuild after one edit recomputes
only what that edit touched. This is the one piece of module-level state the pipeline
keeps (see STYLE.md); a result is only reused when its key, the content it was made
from, is equal, so a build that reuses results writes what a clean build writes.
"""

from __future__ import annotations

from typing import Callable, Generic, Hashable, TypeVar

Value = TypeVar("Value")


class Memo(Generic[Value]):
    """Results by slot, each kept with the key it was made from. A slot is cheap to hash
    (a path, a paper id); the key is compared for equality, which is fast when most of
    it is the very objects an earlier stage reused. `sweep()` after a build forgets the
    slots the build did not ask for, so the memo holds one build's worth of results; a
    memo the build asked nothing of (its stage's input did not change) keeps them all."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[object, Value]] = {}
        self._used: dict[Hashable, tuple[object, Value]] = {}

    def get(self, slot: Hashable, compute: Callable[[], Value], key: object = None) -> Value:
        """compute()'s value for `key` (default: the slot itself), reused when an earlier
        call in this build or the last one had an equal key in this slot."""
        key = slot if key is None else key
        entry = self._entry(slot, key)
        if entry is None:
            entry = (key, compute())
        self._used[slot] = entry
        return entry[1]

    def holds(self, slot: Hashable, key: object = None) -> bool:
        """True if get(slot, ..., key) would reuse a result rather than compute one."""
        return self._entry(slot, slot if key is None else key) is not None

    def _entry(self, slot: Hashable, key: object) -> tuple[object, Value] | None:
        """The (key, result) this build or the last one kept in `slot` for an equal key."""
        for entries in (self._used, self._kept):
            entry = entries.get(slot)
            if entry is not None and (entry[0] is key or entry[0] == key):
                return entry
        return None

    def sweep(self) -> None:
        """Forget what this build did not ask for. A memo this build asked nothing of keeps
        its results: its stage was skipped because an earlier memo had the whole result
        (build.MERGES reused, so build.GROUPS was not asked), and the next build that runs
        the stage needs them."""
        if self._used:
            self._kept, self._used = self._used, {}

    def clear(self) -> None:
        self._kept, self._used = {}, {}
