"""related_update: in `serve` the related lists are updated, not recomputed. What its
docstring promises is checked against a computation from scratch in the same TF-IDF model."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from paperfold.enrich import related, related_update, similarity
from test_related import paper

WORDS = [f"w{i}" for i in range(120)]
K = 4


def corpus(count: int, seed: int, start: int = 0) -> list:
    rng = random.Random(seed)
    return [paper(f"p{i:04d}", " ".join(rng.choices(WORDS, k=5)), " ".join(rng.choices(WORDS, k=30)),
                  tags=tuple(rng.sample("abcd", 2))) for i in range(start, start + count)]


def reference(papers, state) -> dict[str, tuple]:
    """Every list computed from scratch in the model the update keeps (no refit): exact
    candidates of every row, then related.related_lists."""
    texts = [related.paper_text(p) for p in papers]
    matrix = state.vectorizer.transform(texts).astype(np.float32).tocsr()
    m = K * related.CANDIDATES_PER_RELATED
    top = similarity.top_of_rows(matrix, np.arange(len(papers)), m)
    features = related.fit(tuple(papers), (matrix, state.terms), None, related.DEFAULT_BLEND)
    lists = related.related_lists(papers, features, np.repeat(np.arange(len(papers)), m), top.ravel(), K, None)
    return {p.id: tuple(r) for p, r in zip(papers, lists)}


@pytest.fixture(autouse=True)
def fresh_state():
    related_update._STATE.clear()
    yield
    related_update._STATE.clear()


def test_without_incremental_it_is_related_relate():
    papers = corpus(60, seed=1)
    updated, _ = related_update.relate(papers, k=K)
    assert updated == related.relate(papers, k=K)


def test_new_and_edited_papers_get_the_lists_of_a_computation_from_scratch_in_the_kept_model():
    papers = corpus(300, seed=2)
    first, _ = related_update.relate(papers, k=K, incremental=True)
    assert first == related.relate(papers, k=K)  # the first computation is a full one
    state = related_update._STATE["last"]
    edited = replace(papers[10], abstract=" ".join(random.Random(9).choices(WORDS, k=30)))
    retagged = replace(papers[20], tags=("d",))
    now = [*papers[:10], edited, *papers[11:20], retagged, *papers[21:250], *corpus(20, seed=3, start=1000)]
    updated, _ = related_update.relate(now, k=K, incremental=True)
    expected = reference(now, state)
    got = {p.id: p.related for p in updated}
    fresh = [p.id for p in now[-20:]] + [edited.id, retagged.id]
    assert all(got[i] == expected[i] for i in fresh)
    # Kept lists never name a paper that left, and a list that showed a removed or edited
    # paper was computed again.
    gone = {p.id for p in papers[250:]}
    assert not any(r.id in gone for p in updated for r in p.related)
    before = {p.id: p.related for p in first}
    for p in updated:
        if any(r.id in gone or r.id == edited.id for r in before.get(p.id, ())):
            assert got[p.id] == expected[p.id]


def test_a_kept_list_stays_as_it_was_until_the_next_full_computation():
    papers = corpus(200, seed=4)
    first, _ = related_update.relate(papers, k=K, incremental=True)
    newcomers = corpus(5, seed=5, start=2000)
    updated, _ = related_update.relate([*papers, *newcomers], k=K, incremental=True)
    before = {p.id: p.related for p in first}
    assert all(p.related == before[p.id] for p in updated[:200])
    full, _ = related_update.relate([*papers, *newcomers], k=K)  # `paperfold build`: from scratch
    assert full == related.relate([*papers, *newcomers], k=K)
