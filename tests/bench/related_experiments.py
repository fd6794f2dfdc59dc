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
- "mutual neighbours +b" (k-reciprocal re-ranking): a pair whose two papers each rank
  the other among their first 8 (or 5) shown candidates gains b before the lists are cut;
- "hub penalty xw" (CSLS, from the hubness literature): a candidate's score loses w x
  the mean of its own 8 best scores, so that a paper close to everything ranks lower;
- "rank fusion of text, topics, authors": each list ordered by reciprocal rank fusion
  (1 / (60 + rank)) of three rankings of its pairs (expanded text, topic overlap,
  shared authors) instead of the blended score; the floor unchanged;
- "title channel xw": w x the cosine of TF-IDF rows fitted on the titles alone adds to
  the ranking score;
- "expansion: n terms" (RM3's choice of expansion terms): the neighbours' rows added in
  the expansion are cut to their n heaviest terms per paper;
- "neighbours by blended score": the 3 nearest rows of the expansion chosen and weighted
  by the blended score (text, topics, authors, stated) instead of the text cosine;
- "second round among first n": the second round, each row's 3 nearest chosen again
  among its n best candidates by literal cosine only (its first-round neighbours are
  among them too): fewer pairs scored on expanded rows;
- "third feedback round": a third round like the second (among the first 6).

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

REAL_SCORE_PAIRS, REAL_FIT, REAL_CHOOSE = related.score_pairs, related.fit, related._choose


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


def _row_ranks(rows: np.ndarray, scores: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Per pair, its rank (0 = best) among the kept pairs of its row by score; kept pairs
    only, the others a large rank."""
    order = np.lexsort((-scores, ~keep, rows))
    sorted_rows = rows[order]
    rank = np.empty(len(rows), np.int64)
    rank[order] = np.arange(len(order)) - np.searchsorted(sorted_rows, sorted_rows, side="left")
    return np.where(keep, rank, 1 << 30)


def _reverse(rows: np.ndarray, cols: np.ndarray, n: int) -> np.ndarray:
    """Per pair (r, c), the position of the pair (c, r), or -1 when it is not among them."""
    keys = rows * n + cols
    order = np.argsort(keys)
    back = cols * n + rows
    at = np.minimum(np.searchsorted(keys[order], back), len(keys) - 1)
    return np.where(keys[order][at] == back, order[at], -1)


def mutual(bonus: float, within: int):
    """related._choose with `bonus` added to a pair whose two papers each rank the other
    among their first `within` (mutual nearest neighbours, as in k-reciprocal re-ranking)."""
    def choose(papers, rows, cols, scores, k, keep):
        rank = _row_ranks(rows, scores, keep)
        back = _reverse(rows, cols, len(papers))
        both = (rank < within) & (back >= 0) & (np.where(back >= 0, rank[back], 1 << 30) < within)
        return REAL_CHOOSE(papers, rows, cols, scores + bonus * both, k, keep)
    return choose


def hub_penalty(weight: float, top: int = 8):
    """related._choose with each candidate's score lowered by weight x the mean of its own
    `top` best scores (CSLS, from the hubness literature: a paper close to everything, a hub,
    says less by being close to this one)."""
    def choose(papers, rows, cols, scores, k, keep):
        rank = _row_ranks(rows, scores, keep)
        best = rank < top
        spread = np.bincount(rows[best], scores[best], minlength=len(papers)) / np.maximum(
            np.bincount(rows[best], minlength=len(papers)), 1)
        return REAL_CHOOSE(papers, rows, cols, scores - weight * spread[cols], k, keep)
    return choose


_PARTS: list[dict] = []  # the parts of the last score_pairs call, for fused()


def _keeping_parts(papers, features, rows, cols, blend, *args, **kwargs):
    parts = REAL_SCORE_PAIRS(papers, features, rows, cols, blend, *args, **kwargs)
    _PARTS[:] = [parts]
    return parts


def fused(constant: float = 60.0):
    """related._choose ranking by reciprocal rank fusion (RRF) of three rankings of each row's
    pairs: the text score (expanded), shared topics, shared authors; a pair with no topic
    or author in common gets nothing from that ranking. The floor is unchanged."""
    def choose(papers, rows, cols, scores, k, keep):
        parts = _PARTS[0]
        blend = related.DEFAULT_BLEND
        authors = np.minimum(np.diff(parts["authors"].indptr), 2)
        other = blend.topics * parts["topic"] + blend.authors * authors + blend.stated * parts["stated"] \
            + blend.colisted * parts["colisted"]
        text = scores - other
        fusion = np.zeros(len(rows))
        for ranking, present in ((text, text > 0), (parts["topic"], parts["topic"] > 0), (authors, authors > 0)):
            rank = _row_ranks(rows, ranking, keep & present)
            fusion += np.where(keep & present, 1.0 / (constant + rank), 0.0)
        return REAL_CHOOSE(papers, rows, cols, fusion, k, keep)
    return choose


def title_channel(weight: float):
    """weight x the cosine of TF-IDF rows of the titles alone (fitted on the titles)."""
    def extra(papers, features, rows, cols) -> np.ndarray:
        titles, _ = similarity.tfidf([p.title or "" for p in papers])
        if not titles.shape[1]:
            return np.zeros(len(rows))
        return weight * similarity.pair_scores(titles, rows, cols)
    return extra


def top_expansion_terms(count: int):
    """related.expanded_text with the feedback (the neighbours' rows added) cut to its
    `count` heaviest terms per row before it joins the row (RM3's choice of expansion terms)."""
    def expanded_text(papers, features, scored, text_rows, text_cols, blend, ranked=None):
        rows, cols, text = scored
        matrix = features.matrix
        order = np.lexsort((cols, -text, rows))
        r, c, t = rows[order], cols[order], text[order]
        rank = np.arange(len(r)) - np.searchsorted(r, r, side="left")
        best = (rank < related.EXPANSION_NEIGHBOURS) & (t > 0)
        weights = sp.csr_matrix((blend.expansion * np.round(t[best], 6), (r[best], c[best])),
                                shape=(len(papers), len(papers)))
        feedback = (weights @ matrix).tocsr()
        kept = _top_per_row(feedback, count)
        return normalize((matrix + kept).tocsr()).astype(np.float32)
    return expanded_text


def _top_per_row(matrix: sp.csr_matrix, count: int) -> sp.csr_matrix:
    """matrix with only the `count` largest values of each row kept."""
    matrix = matrix.tocsr()
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.lexsort((-matrix.data, row_of))
    rank = np.empty(len(order), np.int64)
    rank[order] = np.arange(len(order)) - matrix.indptr[row_of[order]]
    out = matrix.copy()
    out.data[rank >= count] = 0
    out.eliminate_zeros()
    return out


def neighbours_by_blend(papers, features, scored, text_rows, text_cols, blend, ranked=None):
    """related.expanded_text, the 3 nearest rows chosen (and weighted) by the blended score
    (text, topics, authors, stated) instead of the text cosine alone."""
    rows, cols, text = scored
    score = _PARTS[0]["evidence"] if _PARTS and len(_PARTS[0]["evidence"]) == len(rows) else text
    return similarity.expanded_rows(features.matrix, rows, cols, np.asarray(score, np.float32),
                                    np.arange(len(papers)), related.EXPANSION_NEIGHBOURS, blend.expansion)


def rounds_among(best: int, rounds: int = 2):
    """related.expanded_text in `rounds` rounds, each row's nearest chosen again among its
    `best` first candidates by literal cosine."""
    def expanded_text(papers, features, scored, text_rows, text_cols, blend, ranked=None):
        rows, cols, text = scored
        every = np.arange(len(papers))
        order = np.lexsort((cols, -text, rows))
        r, c = rows[order], cols[order]
        top = (np.arange(len(r)) - np.searchsorted(r, r, side="left")) < best
        r, c, scores = r[top], c[top], text[order][top]
        for _ in range(rounds - 1):
            expanded = similarity.expanded_rows(features.matrix, r, c, scores, every, related.EXPANSION_NEIGHBOURS,
                                                blend.expansion)
            scores = similarity.pair_scores(expanded, r, c)
        return similarity.expanded_rows(features.matrix, r, c, scores, every, related.EXPANSION_NEIGHBOURS,
                                        blend.expansion)
    return expanded_text


EXPERIMENTS = {
    "topics by Jaccard overlap": dict(score_pairs=_adding(jaccard, floor_reads_it=True)),
    "arXiv category x0.05": dict(score_pairs=_adding(category, floor_reads_it=True)),
    "LSA x0.3": dict(score_pairs=_adding(lsa, floor_reads_it=False)),
    "shared neighbours x0.1": dict(score_pairs=_adding(shared_neighbours, floor_reads_it=False)),
    "phrases x2": dict(fit=phrases_twice),
    "second feedback round": dict(expanded_text=second_round),
    "stated as neighbours": dict(expanded_text=stated_as_neighbours),
    "mutual neighbours +0.02": dict(_choose=mutual(0.02, 8)),
    "mutual neighbours +0.05": dict(_choose=mutual(0.05, 8)),
    "mutual within 5 +0.05": dict(_choose=mutual(0.05, 5)),
    "hub penalty x0.5": dict(_choose=hub_penalty(0.5)),
    "hub penalty x0.25": dict(_choose=hub_penalty(0.25)),
    "rank fusion of text, topics, authors": dict(score_pairs=_keeping_parts, _choose=fused()),
    "title channel x0.1": dict(score_pairs=_adding(title_channel(0.1), floor_reads_it=False)),
    "title channel x0.3": dict(score_pairs=_adding(title_channel(0.3), floor_reads_it=False)),
    "expansion: 20 terms": dict(expanded_text=top_expansion_terms(20)),
    "expansion: 50 terms": dict(expanded_text=top_expansion_terms(50)),
    "neighbours by blended score": dict(score_pairs=_keeping_parts, expanded_text=neighbours_by_blend),
    "second round among first 6": dict(expanded_text=rounds_among(6)),
    "second round among first 10": dict(expanded_text=rounds_among(10)),
    "third feedback round": dict(expanded_text=rounds_among(6, rounds=3)),
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
