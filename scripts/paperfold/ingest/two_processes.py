"""Reading a large corpus in two processes: half its dumps here, half in one other Python
process at the same time (`read_dumps`). Each dump is read by detect.read_dump either way,
so the records, problems and skipped entries are the same as reading them all here."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from typing import Sequence

from paperfold.model import Dump, ReadResult
from paperfold.ingest.detect import read_dump

# Dumps holding this much text in all (about 20,000 papers of listings) are read in two
# processes at once (read_dumps): at 100,000 papers reading is two thirds of read-and-merge,
# and the dumps are independent. Below it the second process's start and the pickled records
# would cost more than they save; near it no gain has been measured yet, under load
# (BENCHMARKS.md, "Read and merge: reading in two processes": to be re-measured quiet).
PARALLEL_MIN_CHARS = 20_000_000


def read_dumps(dumps: Sequence[Dump]) -> list[tuple[ReadResult, list[str]]]:
    """read_dump of each dump, in order. Dumps holding PARALLEL_MIN_CHARS of text or more,
    on a machine with two cores or more, are read half here and half in one other Python
    process at the same time: every other dump, which spreads each kind of listing evenly
    (files of one kind sort together, and kinds differ in cost per character). The other
    process is a plain `python -c` run (no fork of this one, which may run threads under
    `paperfold serve`, and no re-import of the calling script); the dumps go to it and its
    records come back pickled. BENCHMARKS.md has what it saves and costs."""
    if usable_cores() < 2 or sum(len(dump.text) for dump in dumps) < PARALLEL_MIN_CHARS:
        return [read_dump(dump) for dump in dumps]
    try:
        other = subprocess.Popen([sys.executable, "-c", READER_PROCESS], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, sys.path))})
    except OSError:  # no interpreter to start (an embedded Python): all of it here
        return [read_dump(dump) for dump in dumps]
    results: list = [None] * len(dumps)
    with other:
        try:
            # fed from a thread: the pipe takes its 50 MB (at 100,000 papers) only as fast as the
            # other process, still starting, reads them, and this one has its own half to read
            feed = threading.Thread(target=send, args=(other.stdin,
                                                       pickle.dumps(list(dumps[1::2]), pickle.HIGHEST_PROTOCOL)))
            feed.start()
            results[0::2] = [read_dump(dump) for dump in dumps[0::2]]
            theirs = other.stdout.read()
            feed.join()
        except BaseException:
            # a reader's error or Ctrl-C here is raised now: leaving `with` would wait for the other
            # process to read its whole half, which would then fail writing to the closed pipe
            other.kill()
            raise
    # a process that failed (or stopped early): its half is read here, as it would be alone
    results[1::2] = pickle.loads(theirs) if other.returncode == 0 else [read_dump(dump) for dump in dumps[1::2]]
    return results


def usable_cores() -> int:
    """The cores this process may run on: a container or `taskset` may allow fewer than
    the machine has, and a second process on the same core only adds its cost."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def send(pipe, data: bytes) -> None:
    try:
        pipe.write(data)
        pipe.close()
    except BrokenPipeError:  # the other process stopped early: read_dumps reads its half
        pass


# What the other process of read_dumps runs: the dumps on its stdin, their read_dump on its stdout.
READER_PROCESS = """
import pickle, sys
from paperfold.ingest.detect import read_dump
dumps = pickle.load(sys.stdin.buffer)
pickle.dump([read_dump(dump) for dump in dumps], sys.stdout.buffer, pickle.HIGHEST_PROTOCOL)
"""
