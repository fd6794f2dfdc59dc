"""Ways of relating papers that were tried on the judged sets and not shipped.

related.Blend holds only what ships. Each experiment here changes one step of
related.py for the length of a run (`applied`), so that bench_related_quality.py can
still score it against the shipped default:

- "topics by Jaccard overlap": the first version's topic measure, the Jaccard overlap
  of all tags however broad, in place of the specificity-weighted one (x0.1);
- "arXiv category x0.05": a shared arXiv category, weighted by its specificity like a
  topic, adds 0.05 x that weight;
- "LSA x0.3": 0.3 x the cosine of SVD-reduced TF-IDF rows (similarity.reduce) adds to
  the ranking score (not to what the floor reads);
- "shared neighbours x0.1": 0.1 x the share of text candidates the two papers have in
  common adds to the ranking score;
- "phrases x2": two-word terms weigh twice their TF-IDF.
- "second feedback round": each row's 3 nearest are chosen again by the cosine of the
  expanded rows, and the literal rows expanded with those (for every paper: the cost
  of one more expansion and of scoring every candidate pair on expanded rows).
- "stated as neighbours": a stated or co-listed partner counts 0.2 more when the 3
  nearest rows of the expansion are chosen.

Stated relations pinned first (the first version's rule) are not here: BENCHMARKS.md
keeps the figures measured when related.py still had that option (commit fe66e6e).
"""

from __future__ import annotations

import contextlib
from dataclasses import replace

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from paperfold.enrich import related, similarity
from paperfold.enrich.evidence import label_matrix, specificity

REAL_SCORE_PAIRS, REAL_FIT = related.score_pairs, related.fit


def _adding(extra, floor_reads_it: bool):
    """related.score_pairs with extra(papers, features, rows, cols) added to each pair's score
    (and to the evidence the floor reads, when floor_reads_it)."""
    def score_pairs(papers, features, rows, cols, blend, *args, **kwargs):
        parts = REAL_SCORE_PAIRS(papers, features, rows, cols, blend, *args, **kwargs)
        more = extra(papers, features, rows, cols).astype(np.float32)
        parts["score"] = parts["score"] + more
        if floor_reads_it:
            parts["evidence"] = parts["evidence"] + more
        return parts
    return score_pairs


def jaccard(papers, features, rows, cols) -> np.ndarray:
    """0.1 x the Jaccard overlap of the two papers' tags, less the shipped topic score (so
    that it replaces it)."""
    tags, _ = label_matrix([p.tags for p in papers])
    shared = np.asarray(tags[rows].multiply(tags[cols]).sum(axis=1)).ravel()
    counts = np.diff(tags.indptr)
    union = counts[rows] + counts[cols] - shared
    overlap = np.divide(shared, union, out=np.zeros(len(rows)), where=union > 0)
    return related.DEFAULT_BLEND.topics * (overlap - features.evidence.topic_scores(rows, cols)[0])


def category(papers, features, rows, cols) -> np.ndarray:
    """0.05 x the specificity of a shared arXiv category."""
    labels, _ = label_matrix([[p.category] if p.category else [] for p in papers])
    weighted = (labels @ sp.diags(specificity(np.asarray(labels.sum(axis=0)).ravel(), len(papers)))).tocsr()
    return 0.05 * np.asarray(weighted[rows].multiply(labels[cols]).sum(axis=1)).ravel()


def lsa(papers, features, rows, cols) -> np.ndarray:
    """0.3 x the cosine of the two papers' SVD-reduced TF-IDF rows."""
    if features.matrix.shape[1] <= 2 or len(papers) <= 2:
        return np.zeros(len(rows))
    reduced = similarity.reduce(features.matrix)
    return 0.3 * np.einsum("ij,ij->i", reduced[rows], reduced[cols])


def shared_neighbours(papers, features, rows, cols) -> np.ndarray:
    """0.1 x the share of candidates the two have in common (the pairs scored are every
    paper's candidates, in a full computation)."""
    n = len(papers)
    neighbours = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(n, n))
    shared = np.asarray(neighbours[rows].multiply(neighbours[cols]).sum(axis=1)).ravel()
    return 0.1 * shared / max(1, neighbours.getnnz(axis=1).max())


def phrases_twice(papers, tfidf, vectors, blend):
    """related.fit with two-word terms weighing twice their TF-IDF."""
    features = REAL_FIT(papers, tfidf, vectors, blend)
    terms = features.terms
    if not len(terms):
        return features
    weights = np.where(np.char.find(terms.astype(str), " ") >= 0, 2.0, 1.0).astype(np.float32)
    return replace(features, matrix=normalize(features.matrix @ sp.diags(weights)).astype(np.float32).tocsr())


def second_round(papers, features, scored, text_rows, text_cols, blend, ranked=None):
    """related.expanded_text, with each row's nearest chosen by the expanded rows' cosine."""
    rows, cols, text = scored
    every = np.arange(len(papers))
    first = similarity.expanded_rows(features.matrix, rows, cols, text, every, related.EXPANSION_NEIGHBOURS,
                                     blend.expansion)
    again = similarity.pair_scores(first, rows, cols)
    return similarity.expanded_rows(features.matrix, rows, cols, again, every, related.EXPANSION_NEIGHBOURS,
                                    blend.expansion)


def stated_as_neighbours(papers, features, scored, text_rows, text_cols, blend, ranked=None):
    """related.expanded_text, a stated or co-listed partner counting 0.2 more as a neighbour."""
    rows, cols, text = scored
    keys = rows * len(papers) + cols
    stated = related._member(keys, features.evidence.colisted) | related._member(keys, features.stated)
    return similarity.expanded_rows(features.matrix, rows, cols, text + 0.2 * stated, np.arange(len(papers)),
                                    related.EXPANSION_NEIGHBOURS, blend.expansion)


EXPERIMENTS = {
    "topics by Jaccard overlap": dict(score_pairs=_adding(jaccard, floor_reads_it=True)),
    "arXiv category x0.05": dict(score_pairs=_adding(category, floor_reads_it=True)),
    "LSA x0.3": dict(score_pairs=_adding(lsa, floor_reads_it=False)),
    "shared neighbours x0.1": dict(score_pairs=_adding(shared_neighbours, floor_reads_it=False)),
    "phrases x2": dict(fit=phrases_twice),
    "second feedback round": dict(expanded_text=second_round),
    "stated as neighbours": dict(expanded_text=stated_as_neighbours),
}


@contextlib.contextmanager
def applied(name: str):
    """related.py with experiment `name`'s steps swapped in, for the length of the block."""
    swaps = EXPERIMENTS[name]
    saved = {attribute: getattr(related, attribute) for attribute in swaps}
    for attribute, function in swaps.items():
        setattr(related, attribute, function)
    try:
        yield
    finally:
        for attribute, function in saved.items():
            setattr(related, attribute, function)
