"""build.collector_paused: no cycle collection during a build, nothing left for the first
allocation after it to scan, and no garbage hidden from later full collections."""

import gc
import weakref

from paperfold.build import collector_paused


class Node:
    pass


def test_paused_then_resumed_without_a_young_generation_to_scan_and_cycles_still_collected():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        kept = [{"paper": [i]} for i in range(50_000)]  # long-lived build output
        cycle = Node()
        cycle.self = cycle  # garbage that only the cycle collector can free
        dead = weakref.ref(cycle)
        del cycle
        assert gc.get_count()[0] > 50_000
    assert gc.isenabled()
    assert gc.get_count()[0] < 1_000  # the build's objects were moved on unscanned
    assert dead() is not None and len(kept) == 50_000
    gc.collect()
    assert dead() is None


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_the_host_froze_stay_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            pass
        assert frozen and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
