"""Related papers: the top k for every paper, each with a reason a reader understands.

Evidence, strongest first:

1. Stated relations (Paper.stated_related, e.g. Almanac's "Related events"):
   treated as symmetric and always shown, ahead of everything else, even
   when there are more than k of them.
2. Text similarity: cosine of TF-IDF rows of title + abstract (or, with
   backend="embeddings", of MiniLM sentence embeddings).
3. Shared topics: TOPIC_WEIGHT x Jaccard overlap of Paper.tags, a tie-breaker
   among papers of similar text, never a reason to relate unrelated text.

Candidates come from similarity.py (exact up to EXACT_LIMIT papers, SVD +
kNN above), plus the stated pairs; only candidates are scored, so the cost
per paper does not grow with the corpus beyond the neighbour search itself.
A paper is never related to itself, to a paper with the same id, or to a
paper that one of the two lists among its aliases (an unmerged duplicate).
Ties are broken by id, so the same input always gives the same lists.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from paperfold.enrich import similarity
from paperfold.ingest.readers import KINDS
from paperfold.model import Paper, Related, changed

TOPIC_WEIGHT = 0.1
CANDIDATES_PER_RELATED = 3  # text candidates scored per related slot
REASON_TERMS = 3
SEPARATOR = " · "
# The reason for papers a source lists together when no source's KIND names one; the
# kinds that state relations do (Almanac: "listed together on Almanac").
STATED_REASON = "listed together in a source"
MEANING_REASON = "similar in meaning"  # embeddings agree though no term stands out
BACKENDS = ("tfidf", "embeddings")


TfIdf = tuple[sp.csr_matrix, np.ndarray]  # L2-normalised rows, and the term of each column


def paper_text(paper: Paper) -> str:
    """Title and abstract, either possibly missing."""
    return "\n".join(part for part in (paper.title, paper.abstract) if part)


def relate(
    papers: Sequence[Paper],
    k: int = 8,
    backend: str = "tfidf",
    cache_dir: Path | None = None,
    topic_titles: Mapping[str, str] | None = None,
    workers: int = 1,
    tfidf: TfIdf | None = None,
) -> tuple[Paper, ...]:
    """Return the papers with `related` filled, best first: k entries at most, unless a
    paper has more than k stated relations, which are all kept. `workers` processes share
    the exact TF-IDF neighbour search, with the same result as one. `tfidf`: the papers'
    text_tfidf, when the caller has it already (the Map uses it too)."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown related-papers backend {backend!r}; expected one of {BACKENDS}")
    papers = tuple(papers)
    if len(papers) < 2 or k <= 0:
        return tuple(replace(p, related=()) for p in papers)
    texts = [paper_text(p) for p in papers]
    vectors = _embed(texts, cache_dir) if backend == "embeddings" else None
    # BLAS and OpenMP on one thread: with two, the SVD and k-means of the approximate
    # search gave slightly different lists than with one, so a page changed with the
    # machine; one is as fast here, and does not spin for a core another process holds.
    with threadpool_limits(limits=1):
        return _related(papers, tfidf or similarity.tfidf(texts), vectors, k, topic_titles, workers)


def text_tfidf(papers: Sequence[Paper]) -> TfIdf:
    """TF-IDF rows of the papers' titles and abstracts, and the term of each column."""
    return similarity.tfidf([paper_text(p) for p in papers])


def _related(papers: tuple[Paper, ...], tfidf: TfIdf, vectors: np.ndarray | None,
             k: int, topic_titles: Mapping[str, str] | None, workers: int) -> tuple[Paper, ...]:
    matrix, terms = tfidf
    stated_keys = _stated_keys(papers)
    rows, cols = _pairs(papers, matrix, vectors, k * CANDIDATES_PER_RELATED, stated_keys, workers)
    if vectors is None:
        text_scores = similarity.pair_scores(matrix, rows, cols)
    else:
        text_scores = np.einsum("ij,ij->i", vectors[rows], vectors[cols])
    stated = _member(rows * len(papers) + cols, stated_keys)
    scores = text_scores + TOPIC_WEIGHT * _jaccard(papers, rows, cols)
    chosen = _choose(papers, rows, cols, scores, stated, k, keep=stated | (text_scores > 0))
    related = _entries(papers, rows[chosen], cols[chosen], scores[chosen], stated[chosen], matrix, terms, topic_titles)
    return tuple(changed(p, related=tuple(r)) for p, r in zip(papers, related))


def _entries(papers, rows, cols, scores, stated, matrix, terms, topic_titles) -> list[list[Related]]:
    """The chosen pairs (already in order) as each paper's Related entries, with reasons."""
    by_terms = _term_reasons(similarity.pair_terms(matrix, rows, cols), terms)
    by_topics = _topic_reasons(papers, rows, cols, topic_titles or {})
    related: list[list[Related]] = [[] for _ in papers]
    pairs = zip(rows.tolist(), cols.tolist(), scores.tolist(), stated.tolist(), by_terms, by_topics)
    for r, c, score, is_stated, terms_part, topics_part in pairs:
        stated_part = _stated_reason(papers[r], papers[c]) if is_stated else ""
        reason = SEPARATOR.join(filter(None, (stated_part, terms_part, topics_part)))
        related[r].append(Related(papers[c].id, round(score, 4), reason or MEANING_REASON))
    return related


def _stated_reason(paper: Paper, other: Paper) -> str:
    """What the kind of page that lists the two together calls it (either may state it)."""
    kinds = (KINDS[record.kind] for p in (paper, other) for record in p.sources if record.related_to)
    return next((kind.stated_reason for kind in kinds if kind.stated_reason), STATED_REASON)


def _embed(texts: list[str], cache_dir: Path | None) -> np.ndarray:
    from paperfold.enrich import embeddings  # optional extra: torch and sentence-transformers

    return embeddings.embed(texts, cache_dir)


def _pairs(papers, matrix, vectors, m: int, stated_keys: np.ndarray, workers: int) -> tuple[np.ndarray, np.ndarray]:
    """Unique (row, col) candidate pairs: text neighbours plus stated relations, none forbidden."""
    if vectors is not None:
        exact = len(papers) <= similarity.EXACT_LIMIT
        rows, cols = (similarity.dense_candidates if exact else similarity.blocked_candidates)(vectors, m)
    elif matrix.shape[1]:
        rows, cols = similarity.candidates(matrix, m, workers)
    else:
        rows, cols = np.empty(0, np.int64), np.empty(0, np.int64)
    n = len(papers)
    keys = np.sort(np.concatenate([rows * n + cols, stated_keys]))
    keys = keys[np.diff(keys, prepend=-1) != 0]  # unique
    keys = keys[~_member(keys, _forbidden_keys(papers))]
    return keys // n, keys % n


def _member(keys: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """keys in sorted_keys (np.isin without its cost on millions of pairs)."""
    if not len(sorted_keys):
        return np.zeros(len(keys), bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return sorted_keys[at] == keys


def _index_by_id(papers: Sequence[Paper]) -> dict[str, int]:
    """Current ids and aliases -> position; a current id wins over another paper's alias."""
    index = {alias: i for i, p in enumerate(papers) for alias in p.aliases}
    index.update({p.id: i for i, p in enumerate(papers)})
    return index


def _keys(pairs: set[tuple[int, int]], n: int) -> np.ndarray:
    """Pairs, made symmetric, as sorted int keys row * n + col."""
    both = pairs | {(j, i) for i, j in pairs}
    return np.array(sorted(i * n + j for i, j in both), dtype=np.int64)


def _stated_keys(papers: Sequence[Paper]) -> np.ndarray:
    """Stated relations in both directions, ids resolved through aliases; unknown ids ignored."""
    index = _index_by_id(papers)
    return _keys({(i, index[s]) for i, p in enumerate(papers) for s in p.stated_related if s in index}, len(papers))


def _forbidden_keys(papers: Sequence[Paper]) -> np.ndarray:
    """A paper and itself, a paper and another with its id, or one of its aliases as id."""
    by_id: dict[str, list[int]] = {}
    for i, p in enumerate(papers):
        by_id.setdefault(p.id, []).append(i)
    pairs = {(i, i) for i in range(len(papers))}
    pairs |= {(i, j) for group in by_id.values() if len(group) > 1 for i in group for j in group}
    pairs |= {(i, j) for i, p in enumerate(papers) for a in p.aliases for j in by_id.get(a, ())}
    return _keys(pairs, len(papers))


def _jaccard(papers, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Jaccard overlap of the two papers' tags, 0 when either has none."""
    names = {t: j for j, t in enumerate(sorted({t for p in papers for t in p.tags}))}
    cells = [(i, names[t]) for i, p in enumerate(papers) for t in set(p.tags)]
    if not cells:
        return np.zeros(len(rows), np.float32)
    at, tag = zip(*cells)
    tags = sp.csr_matrix((np.ones(len(at), np.float32), (at, tag)), shape=(len(papers), len(names)))
    shared = np.asarray(tags[rows].multiply(tags[cols]).sum(axis=1)).ravel()
    counts = np.diff(tags.indptr)
    union = counts[rows] + counts[cols] - shared
    return np.divide(shared, union, out=np.zeros(len(rows), np.float32), where=union > 0).astype(np.float32)


def _choose(papers, rows, cols, scores, stated, k: int, keep: np.ndarray) -> np.ndarray:
    """Positions of the pairs shown, in order: per row, stated first, then by score, ties by id.

    At most k per row, except that every stated relation is shown even past k.
    """
    id_rank = np.argsort(np.argsort(np.array([p.id for p in papers], dtype=object)))
    rounded = np.round(scores.astype(np.float64), 6)  # float noise must not reorder ties
    order = np.lexsort((id_rank[cols], -rounded, ~stated, rows))
    order = order[keep[order]]
    sorted_rows = rows[order]
    starts = np.searchsorted(sorted_rows, sorted_rows, side="left")
    return order[(np.arange(len(order)) - starts < k) | stated[order]]


def _topic_reasons(papers, rows: np.ndarray, cols: np.ndarray, topic_titles: Mapping[str, str]) -> list[str]:
    """Per pair, "both in: " and the topics the two share, in the first paper's order, or ""."""
    reasons = []
    for r, c in zip(rows.tolist(), cols.tolist()):
        other = papers[c].tags
        shared = [topic_titles.get(t, t) for t in papers[r].tags if t in other]
        reasons.append("both in: " + ", ".join(shared) if shared else "")
    return reasons


def _term_reasons(top: np.ndarray, terms: np.ndarray) -> list[str]:
    """Per pair, "shared terms: " and up to REASON_TERMS of its ranked terms `top`, or ""."""
    names = np.append(terms, "")[_reason_terms(top, terms)]  # -1 (no term) becomes ""
    # Column by column: a list per pair (80,000 at 10k papers) set off a full garbage collection.
    return [
        "shared terms: " + ", ".join(filter(None, chosen)) if chosen[0] else ""
        for chosen in zip(*(column.tolist() for column in names.T))
    ]


def _reason_terms(top: np.ndarray, terms: np.ndarray) -> np.ndarray:
    """Per pair, up to REASON_TERMS of its ranked terms `top` (-1 padded), best first; a word
    gives way to a ranked phrase that holds it ("scaling laws" rather than "scaling", "laws"),
    and a term whose words are all named already is left out. Vectorised over pairs."""
    top, words = _with_holders(top, _term_words(top, terms))
    chosen = np.full((len(top), REASON_TERMS), -1, np.int64)
    named = np.full((len(top), 2 * REASON_TERMS), -1, np.int64)  # words of the chosen terms
    count = np.zeros(len(top), np.int64)
    for rank in range(top.shape[1]):
        term = words[:, rank]  # pairs x (first word, second word or -1)
        known = term < 0
        for slot in named.T:
            known |= term == slot[:, None]
        at = np.flatnonzero(~known.all(1) & (count < REASON_TERMS))
        chosen[at, count[at]] = top[at, rank]
        named[at[:, None], 2 * count[at, None] + np.arange(2)] = term[at]
        count[at] += 1
    return chosen


def _with_holders(top: np.ndarray, words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """top and its words, each one-word term replaced by the best ranked phrase holding it."""
    first, second = words[..., 0], words[..., 1]
    is_word = (first >= 0) & (second < 0)
    # holds[p, j, i]: in pair p, term i is a phrase that holds the word that is term j
    word, phrase_first, phrase_second = first[:, :, None], first[:, None, :], second[:, None, :]
    holds = is_word[:, :, None] & (phrase_second >= 0) & ((phrase_first == word) | (phrase_second == word))
    rank = np.where(holds.any(2), holds.argmax(2), np.arange(top.shape[1]))
    return np.take_along_axis(top, rank, 1), np.take_along_axis(words, rank[..., None], 1)


def _term_words(top: np.ndarray, terms: np.ndarray) -> np.ndarray:
    """top's terms as word ids, shape top.shape + (2,): (word, -1) for a word, (first, second)
    for a two-word phrase (similarity.phrases makes no longer terms), (-1, -1) for no term."""
    table = np.full((len(terms) + 1, 2), -1, np.int64)  # the last row is for top's -1
    ids: dict[str, int] = {}
    for t in np.flatnonzero(np.bincount(top[top >= 0], minlength=len(terms))).tolist():
        words = [ids.setdefault(w, len(ids)) for w in terms[t].split()]
        table[t, :len(words)] = words
    return table[top]
