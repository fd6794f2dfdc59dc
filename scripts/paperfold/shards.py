"""Run one function over contiguous shards of a list, the shards side by side in forked
processes, so that per-paper work (rendering and writing pages) uses every core, as
Sphinx's parallel build does.

Fork, not spawn: a forked child already holds the parent's data (papers, site-wide
lookups, templates) without pickling any of it, and only each shard's result comes
back, through a pipe (map_chunks: through a file in memory, chunk by chunk). Forking is
only safe while this process runs a single thread, so when other Python threads run
(MkDocs' live-reload server) or off Linux, the whole list is one shard, run here.
map_chunks lets processes, each with its own first task, share the rest of the work by
claiming chunks of one list (SharedChunks).
"""

from __future__ import annotations

import contextlib
import functools
import mmap
import multiprocessing
import os
import pickle
import sys
import tempfile
import threading
import traceback
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_SHARD = 500  # below this many items a process, forking costs more than it saves


def available_cpus() -> int:
    """The cores this process may run on: its CPU affinity, which a container's cpuset
    narrows (a CPU quota such as `docker --cpus` is not seen; set `workers` then)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def shard_count(workers: int, items: int, min_shard: int = MIN_SHARD) -> int:
    # Linux only: macOS offers fork, but its system libraries are not safe to use in a
    # forked child, which is why Python's default there is spawn.
    if workers <= 1 or not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    return max(1, min(workers, items // min_shard))


def map_shards(
    work: Callable[[Sequence[Item]], Result], items: Sequence[Item], workers: int, min_shard: int = MIN_SHARD,
) -> list[Result]:
    """[work(shard) for each shard of `items`], in order: the first shards in forked
    child processes, the last one in this process meanwhile. A failure in a child is
    raised here as a RuntimeError carrying the child's traceback."""
    count = shard_count(workers, len(items), min_shard)
    shards = [items[len(items) * i // count:len(items) * (i + 1) // count] for i in range(count)]
    children = [_start(work, shard) for shard in shards[:-1]]
    try:
        own = work(shards[-1])
        results = [_result(*child) for child in children] + [own]
    except BaseException:
        for process, _ in children:  # no one will read what they send
            process.terminate()
        raise
    finally:
        for process, receive in children:
            process.join()
            receive.close()
    return results


def side_by_side(*tasks: Callable[[], object], workers: int) -> list[object]:
    """[task() for task in tasks], the tasks shared out over `workers` processes as
    map_shards shares items (in turn, here, when forking is not safe)."""
    shards = map_shards(lambda part: [task() for task in part], tasks, workers, min_shard=1)
    return [result for shard in shards for result in shard]


def map_chunks(
    work: Callable[[range], list[Result]], length: int, size: int, workers: int,
    firsts: Sequence[Callable[[], object] | None] = (), min_shard: int = 1,
) -> tuple[list[object], list[Result]]:
    """`work` over consecutive chunks of range(length), `size` items a chunk, in `workers`
    processes (side_by_side; fewer when there are not `min_shard` items for each), each
    claiming the next chunk whenever it is free. A process may first run a task of its
    own (`firsts`, None for none; the last one in this process, the others in forked
    ones), so that work fills the time the others' tasks leave. Returns the tasks'
    results, in order, and work's results, in item order, whoever did them."""
    workers = min(workers, max(1, length // min_shard))
    chunks = SharedChunks(length, size)
    given = list(firsts) or [None]
    tasks = [*given[:-1], *[None] * (workers - len(given)), given[-1]]
    here = os.getpid()

    def run(first: Callable[[], object] | None, spill: Spill | None) -> tuple[object, list[tuple[int, object]], bool]:
        result = first() if first else None
        if os.getpid() == here:  # not forked: every task when forking is not safe, else the last
            return result, [(chunk.start, work(chunk)) for chunk in chunks], False
        return result, [(chunk.start, spill.put(work(chunk))) for chunk in chunks], True

    with contextlib.ExitStack() as stack:
        forks = shard_count(workers, len(tasks), min_shard=1) > 1
        spills = [stack.enter_context(Spill()) if forks else None for _ in tasks]
        results = side_by_side(*[functools.partial(run, task, spill) for task, spill in zip(tasks, spills)],
                               workers=workers)
        done = sorted((part for (_, parts, spilled), spill in zip(results, spills)
                       for part in (spill.get_all(parts) if spilled else parts)), key=lambda part: part[0])
    own = [first for first, _, _ in results]  # the given tasks' results are first and last
    return ([*own[:len(given) - 1], own[-1]] if firsts else []), [result for _, part in done for result in part]


class Spill:
    """A file in memory where a forked process leaves each chunk's results as it makes
    them, read back here once it is done. Pickling them all at the end and sending them
    through the pipe kept this process waiting (0.2 s for 10,000 drafted pages); pickling
    each chunk's as it is done costs the forked process little beside its work."""

    def __init__(self):
        # An anonymous memory file on Linux (where forking happens), else a temporary one.
        try:
            self.file = open(os.memfd_create("paperfold-chunks"), "w+b")
        except (AttributeError, OSError):  # no memfd_create here, or a sandbox forbids it
            self.file = tempfile.TemporaryFile()

    def __enter__(self) -> "Spill":
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()

    def put(self, value: object) -> tuple[int, int]:
        """Write `value`; where it is (offset, length). Flushed: the reader is another process."""
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        at = self.file.tell()
        self.file.write(data)
        self.file.flush()
        return at, len(data)

    def get_all(self, parts: list[tuple[int, tuple[int, int]]]) -> list[tuple[int, object]]:
        """(key, where) pairs as `put` placed their values: (key, value) pairs."""
        if not parts:
            return []
        with mmap.mmap(self.file.fileno(), 0, access=mmap.ACCESS_READ) as view:
            return [(key, pickle.loads(view[at:at + length])) for key, (at, length) in parts]


class SharedChunks:
    """Consecutive ranges of `length` items, `size` at a time, each handed to whichever
    process asks first, so that a process done with its other work takes more of these.
    Made before side_by_side forks: the counter lives in shared memory."""

    def __init__(self, length: int, size: int):
        self.length, self.size = length, size
        # The fork context's, as the processes that share it: not the default context's,
        # which from Python 3.14 on starts a resource tracker process for its lock.
        forks = "fork" in multiprocessing.get_all_start_methods()  # not on Windows: one process then
        self._next = (multiprocessing.get_context("fork") if forks else multiprocessing).Value("q", 0)

    def claim(self) -> range | None:
        with self._next.get_lock():
            start = self._next.value
            self._next.value = min(start + self.size, self.length)
        return range(start, min(start + self.size, self.length)) if start < self.length else None

    def __iter__(self):
        while (chunk := self.claim()) is not None:
            yield chunk


def _start(work: Callable, shard: Sequence) -> tuple[multiprocessing.Process, object]:
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(work, shard, send), daemon=True)
    process.start()
    send.close()  # the child holds its own end: EOF here if it dies without a result
    return process, receive


def _run(work: Callable, shard: Sequence, send) -> None:
    try:
        send.send((True, work(shard)))
    except BaseException:  # noqa: BLE001 - everything goes back to the parent, which raises it
        send.send((False, traceback.format_exc()))


def _result(process: multiprocessing.Process, receive) -> object:
    try:
        succeeded, value = receive.recv()
    except EOFError:
        process.join()
        raise RuntimeError(f"a worker process ended without a result (exit code {process.exitcode})") from None
    if not succeeded:
        raise RuntimeError(f"a worker process failed:\n{value}")
    return value
