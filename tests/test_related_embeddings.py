"""The optional embeddings backend: pinned weights, offline loading, the content-hash cache.

The tests that run the model skip when the "embeddings" extra is not installed.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest

from paperfold.enrich import embeddings
from paperfold.enrich.related import relate
from test_related import CORPUS, by_id, paper


def test_weights_with_another_hash_are_refused(tmp_path):
    (tmp_path / embeddings.WEIGHTS).write_bytes(b"not the model")
    with pytest.raises(embeddings.EmbeddingsUnavailable, match="expected SHA-256 53aa5117"):
        embeddings.verify(tmp_path)


def test_a_missing_extra_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails
    with pytest.raises(embeddings.EmbeddingsUnavailable, match="pip install"):
        embeddings.load_model()


def test_empty_texts_need_no_model(monkeypatch, tmp_path):
    monkeypatch.setattr(embeddings, "load_model", lambda: pytest.fail("model loaded"))
    vectors = embeddings.embed(["", ""], tmp_path)
    assert vectors.shape == (2, embeddings.DIMENSIONS) and not vectors.any()


@pytest.fixture(scope="module")
def extra():
    pytest.importorskip("sentence_transformers")
    try:
        embeddings.model_dir()
    except embeddings.EmbeddingsUnavailable as error:
        pytest.skip(str(error))


def test_vectors_are_cached_by_content(extra, tmp_path, monkeypatch):
    texts = ["Grokking in linear networks.", "Point cloud object detection.", ""]
    first = embeddings.embed(texts, tmp_path)
    assert np.allclose(np.linalg.norm(first[:2], axis=1), 1.0, atol=1e-5) and not first[2].any()
    monkeypatch.setattr(embeddings, "load_model", lambda: pytest.fail("cached texts were embedded again"))
    again = embeddings.embed(list(reversed(texts)), tmp_path)
    assert np.array_equal(again, first[::-1])


def test_the_embeddings_backend_relates_with_reasons(extra, tmp_path):
    out = relate(CORPUS + (paper("empty"),), k=2, backend="embeddings", cache_dir=tmp_path)
    assert [r.id for r in by_id(out)["grok-linear"].related][0] == "grok-logistic"
    assert by_id(out)["empty"].related == ()
    assert all(r.reason for p in out for r in p.related)
    assert relate(CORPUS, k=2, backend="embeddings", cache_dir=tmp_path) == relate(
        CORPUS, k=2, backend="embeddings", cache_dir=tmp_path)
