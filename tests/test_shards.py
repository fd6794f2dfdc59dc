"""map_shards: the same results as one plain call, from forked processes when it is safe.

Forking is only done while the process runs a single thread, and other tests leave
threads behind (tqdm's monitor, for one), so the forking cases run in a fresh
interpreter, as a build does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import textwrap

from paperfold.shards import SharedChunks, map_chunks, map_shards, shard_count, side_by_side
from sitebuild import ROOT


def run_fresh(code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env=env, timeout=120)


def test_shards_give_the_results_of_one_call_in_order_from_two_processes():
    result = run_fresh("""
        import json, os
        from paperfold.shards import map_shards
        shards = map_shards(lambda part: [(n * n, os.getpid()) for n in part], list(range(1000)), 2, min_shard=100)
        print(json.dumps({"parent": os.getpid(), "shards": shards}))
    """)
    out = json.loads(result.stdout)
    shards = out["shards"]
    assert [value for shard in shards for value, _ in shard] == [n * n for n in range(1000)]
    pids = [{pid for _, pid in shard} for shard in shards]
    assert len(shards) == 2 and pids[-1] == {out["parent"]} and out["parent"] not in pids[0]


def test_a_failure_in_a_child_is_raised_with_its_traceback():
    result = run_fresh("""
        from paperfold.shards import map_shards
        def fail_on_first_shard(part):
            if part[0] == 0:
                raise ValueError("bad paper 0")
            return list(part)
        map_shards(fail_on_first_shard, list(range(400)), 2, min_shard=100)
    """)
    assert result.returncode == 1
    assert "RuntimeError: a worker process failed" in result.stderr and "ValueError: bad paper 0" in result.stderr


def test_a_child_that_dies_without_a_result_is_an_error():
    result = run_fresh("""
        import os
        from paperfold.shards import map_shards
        def die_in_child(part):
            if part[0] == 0:
                os._exit(3)
            return list(part)
        map_shards(die_in_child, list(range(400)), 2, min_shard=100)
    """)
    assert result.returncode == 1 and "ended without a result (exit code 3)" in result.stderr


def test_small_lists_one_worker_or_other_threads_run_here_in_one_shard():
    assert shard_count(workers=2, items=999, min_shard=500) == 1
    assert shard_count(workers=1, items=10_000) == 1
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert shard_count(workers=8, items=10_000, min_shard=500) == 1
        shards = map_shards(lambda part: [os.getpid() for _ in part], list(range(1000)), workers=2, min_shard=100)
    finally:
        stop.set()
        thread.join()
    assert len(shards) == 1 and set(shards[0]) == {os.getpid()}


def test_with_a_single_thread_every_worker_gets_a_shard():
    result = run_fresh("""
        from paperfold.shards import shard_count
        print(shard_count(workers=8, items=10_000, min_shard=500), shard_count(workers=8, items=1_600, min_shard=500))
    """)
    assert result.stdout.split() == ["8", "3"]


def test_when_this_process_fails_its_children_are_stopped_and_reaped():
    result = run_fresh("""
        import multiprocessing, os, time
        from paperfold.shards import map_shards
        parent = os.getpid()
        def slow_children_failing_parent(part):
            if os.getpid() == parent:
                raise ValueError("the parent's shard failed")
            time.sleep(60)
        try:
            map_shards(slow_children_failing_parent, list(range(400)), 2, min_shard=100)
        except ValueError as error:
            print(error, len(multiprocessing.active_children()))
    """)
    assert result.stdout.strip() == "the parent's shard failed 0"


def test_side_by_side_runs_tasks_in_two_processes_and_keeps_their_order():
    result = run_fresh("""
        import json, os
        from paperfold.shards import side_by_side
        results = side_by_side(lambda: ("first", os.getpid()), lambda: ("second", os.getpid()), workers=2)
        print(json.dumps({"parent": os.getpid(), "results": results}))
    """)
    out = json.loads(result.stdout)
    (first, first_pid), (second, second_pid) = out["results"]
    assert (first, second) == ("first", "second")
    assert second_pid == out["parent"] != first_pid


def test_side_by_side_runs_tasks_in_turn_with_one_worker():
    order = []
    results = side_by_side(lambda: order.append(1) or "a", lambda: order.append(2) or "b", workers=1)
    assert results == ["a", "b"] and order == [1, 2]


def test_shared_chunks_are_each_claimed_once_and_the_idle_process_takes_more():
    result = run_fresh("""
        import json, os, time
        from paperfold.shards import SharedChunks, side_by_side
        chunks = SharedChunks(1000, 10)
        def busy_first():  # the child: other work first, then chunks
            time.sleep(0.5)
            return [list(chunk) for chunk in chunks]
        def claim_at_once():
            return [list(chunk) for chunk in chunks if time.sleep(0.001) is None]
        print(json.dumps(side_by_side(busy_first, claim_at_once, workers=2)))
    """)
    late, early = json.loads(result.stdout)
    claimed = sorted(i for chunk in late + early for i in chunk)
    assert claimed == list(range(1000))
    assert len(early) > len(late) and all(len(chunk) == 10 for chunk in late + early)


def test_shared_chunks_in_one_process_cover_the_list_once():
    chunks = SharedChunks(25, 10)
    assert [list(c) for c in chunks] == [list(range(10)), list(range(10, 20)), list(range(20, 25))]
    assert list(chunks) == []


def test_map_chunks_returns_the_tasks_results_and_the_work_in_item_order_from_both_processes():
    result = run_fresh("""
        import json, os, time
        from paperfold.shards import map_chunks
        def work(chunk):
            time.sleep(0.002)
            return [(i * i, os.getpid(), "ü" * (i % 3)) for i in chunk]  # the child's come back through its Spill
        def slow_task():  # in this process: the child takes chunks meanwhile (100 of them: 0.2 s)
            time.sleep(1.0)
            return ("task", os.getpid())
        (none, task), done = map_chunks(work, 1000, 10, workers=2, firsts=[None, slow_task])
        print(json.dumps({"parent": os.getpid(), "none": none, "task": task, "done": done}, ensure_ascii=False))
    """)
    out = json.loads(result.stdout)
    assert out["none"] is None and out["task"] == ["task", out["parent"]]
    assert [(value, text) for value, _, text in out["done"]] == [(i * i, "ü" * (i % 3)) for i in range(1000)]
    by_parent = sum(pid == out["parent"] for _, pid, _ in out["done"])
    assert 0 <= by_parent < 500  # the child, free first, did most


def test_map_chunks_with_one_worker_or_too_few_items_runs_here_in_turn():
    order = []
    (a, b), done = map_chunks(lambda chunk: [order.append(i) or i for i in chunk], 25, 10, workers=1,
                              firsts=[lambda: order.append("a") or "A", lambda: order.append("b") or "B"])
    assert (a, b, done) == ("A", "B", list(range(25)))
    assert order == ["a", *range(25), "b"]  # the first task, then every chunk, then the last task
    (only,), done = map_chunks(lambda chunk: [os.getpid() for _ in chunk], 100, 10, workers=2,
                               firsts=[lambda: "x"], min_shard=500)
    assert only == "x" and set(done) == {os.getpid()}
    assert map_chunks(lambda chunk: list(chunk), 5, 2, workers=1) == ([], [0, 1, 2, 3, 4])
