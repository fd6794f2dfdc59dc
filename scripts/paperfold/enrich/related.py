"""Related papers: the top k for every paper, each with a reason a reader understands.

A pair's score (Blend, weights in DEFAULT_BLEND) adds up:

1. Text: cosine of the TF-IDF rows of title + abstract (or, with backend="embeddings",
   of MiniLM sentence embeddings), after each dump's listing words are zeroed
   (evidence.discount_listing_terms: a search page's query words relate nothing). For
   ranking, each row first adds its 3 nearest rows, weighted by their cosine
   (similarity.expanded_rows, pseudo-relevance feedback): papers on one subject that
   share few words with each other share many with the papers around them. The floor
   reads the literal cosine, so an outlier's weak neighbours do not look closer than
   they are, and reasons name only terms both papers say.
2. Shared topics: their overlap, each topic weighted by how few papers hold it (evidence.py);
   the reason names the most specific one.
3. Shared authors, where the pages show names.
4. A stated relation (Almanac's "Related events"), both ways, or two papers listed
   under the same headline.

A pair below the floor (Blend.floor) is not shown: a paper with nothing close gets a
short list, or none, never padding. The floor and weights were chosen on the judged
sets in tests/data/ (tests/bench/bench_related_quality.py; BENCHMARKS.md). Blend holds
only what ships; the alternatives tried and not shipped live in the bench
(tests/bench/related_experiments.py).

Stages, for callers that recompute part of the corpus: `fit` computes the features of
all papers (TF-IDF rows, listing words discounted; `evidence.Evidence`); `candidate_pairs`
finds pairs; `score_pairs` scores any block of them; `expanded_text` expands the rows that
the pairs the floor lets through need, from the text candidates, to rank those pairs;
`_choose` and `_entries` keep the top k of each paper with reasons.

Candidates come from similarity.py (exact up to EXACT_LIMIT papers, SVD +
kNN above), plus stated, co-listed and shared-author pairs; only candidates are
scored, so the cost per paper does not grow with the corpus beyond the neighbour
search itself. A paper is never related to itself, to a paper with the same id, or
to a paper that one of the two lists among its aliases (an unmerged duplicate).
Ties are broken by id, so the same input always gives the same lists.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from paperfold.enrich import similarity
from paperfold.enrich.evidence import Evidence, author_key, discount_listing_terms
from paperfold.ingest.readers import KINDS
from paperfold.model import Paper, Related

CANDIDATES_PER_RELATED = 3  # text candidates scored per related slot
EXPANSION_NEIGHBOURS = 3  # nearest rows each text row adds (Blend.expansion)
REASON_TERMS = 3
SEPARATOR = " · "
# The reason for papers a source lists together when no source's KIND names one; the
# kinds that state relations do (Almanac: "listed together on Almanac").
STATED_REASON = "listed together in a source"
COLISTED_REASON = "listed under the same headline"  # both in one paper's stated relations
MEANING_REASON = "similar in meaning"  # embeddings agree though no term stands out
BACKENDS = ("tfidf", "embeddings")


@dataclass(frozen=True)
class Blend:
    """How a pair's evidence adds up to its score, and the floor below which it is not shown."""

    listing_terms: bool = True  # zero each dump's listing words (evidence.discount_listing_terms)
    topics: float = 0.1  # x topic overlap, each topic weighted by its specificity (evidence.py)
    authors: float = 0.15  # x number of shared authors (at most 2 counted)
    # Almanac's "Related events" are its own recommendations, often loose: a small bonus,
    # not a pin (pinned, they filled the headline's list with papers no judge picked).
    stated: float = 0.05  # a stated relation
    colisted: float = 0.05  # listed under the same headline
    # Text scores compare rows that add this much of their 3 nearest rows, each weighted by its
    # cosine (pseudo-relevance feedback, similarity.expanded_rows): it won on every judged set.
    expansion: float = 1.0
    # Pairs whose evidence (the score but the expansion, which only reorders) is below this
    # are not shown. Chosen on the judged sets, band by band (bench_related_quality.py
    # --bands; BENCHMARKS.md, "How the floor was chosen", gives the shares judged related).
    floor: float = 0.10


DEFAULT_BLEND = Blend()
# Text alone, as the first version had it: the bench's baseline.
TEXT_ONLY = Blend(listing_terms=False, topics=0.0, authors=0.0, stated=0.0, colisted=0.0, expansion=0.0, floor=0.0)


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
    tfidf: TfIdf | None = None,
    blend: Blend = DEFAULT_BLEND,
) -> tuple[Paper, ...]:
    """Return the papers with `related` filled, best first: k entries at most, none below
    blend.floor.
    `tfidf`: the papers' text_tfidf, when the caller has it already (the Map uses it too)."""
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
        features = fit(papers, tfidf or similarity.tfidf(texts), vectors, blend)
        return _related(papers, features, k, topic_titles, blend)


def text_tfidf(papers: Sequence[Paper]) -> TfIdf:
    """TF-IDF rows of the papers' titles and abstracts, and the term of each column."""
    return similarity.tfidf([paper_text(p) for p in papers])


@dataclass(frozen=True)
class Features:
    """Everything fitted once over all papers; scoring any block of pairs reads only this."""

    matrix: sp.csr_matrix  # TF-IDF rows, listing words zeroed (per the blend)
    terms: np.ndarray
    vectors: np.ndarray | None  # embeddings, when that backend is used
    evidence: Evidence
    stated: np.ndarray  # sorted keys row * n + col of stated relations, both ways


def fit(papers: tuple[Paper, ...], tfidf: TfIdf, vectors: np.ndarray | None, blend: Blend) -> Features:
    """The features of every paper: TF-IDF rows (listing words discounted), evidence."""
    matrix, terms = tfidf
    if blend.listing_terms:
        matrix = discount_listing_terms(matrix, papers)
    index = _index_by_id(papers)
    return Features(matrix, terms, vectors, Evidence.of(papers, index), _stated_keys(papers, index))


def score_pairs(papers, features: Features, rows: np.ndarray, cols: np.ndarray, blend: Blend,
                text: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Each pair's score and the parts a reason is made of, for any block of (row, col) pairs.
    `text`: the pairs' TF-IDF cosines, when the caller has them. related_lists then ranks
    the pairs the floor lets through by their expanded rows instead."""
    n = len(papers)
    if text is None and features.vectors is None:
        text = similarity.pair_scores(features.matrix, rows, cols)
    elif text is None:
        text = np.einsum("ij,ij->i", features.vectors[rows], features.vectors[cols])
    stated = _member(rows * n + cols, features.stated)
    colisted = _member(rows * n + cols, features.evidence.colisted) & ~stated
    topic, topic_column = features.evidence.topic_scores(rows, cols)
    authors = features.evidence.shared_authors(rows, cols)
    score = text + blend.topics * topic + blend.stated * stated + blend.colisted * colisted
    score = score + blend.authors * np.minimum(np.diff(authors.indptr), 2)
    # What the floor reads: the literal text score and the evidence above. The expansion
    # (related_lists) only reorders; it proves nothing alone (an outlier's weak
    # neighbours, expanded, would look twice as close).
    return dict(score=score.astype(np.float32), evidence=score, text=text, stated=stated, colisted=colisted,
                topic=topic, topic_column=topic_column, authors=authors)


def _related(papers: tuple[Paper, ...], features: Features, k: int, topic_titles: Mapping[str, str] | None,
             blend: Blend) -> tuple[Paper, ...]:
    rows, cols = text_candidates(features.matrix, features.vectors, k * CANDIDATES_PER_RELATED)
    related = related_lists(papers, features, rows, cols, k, topic_titles, blend)
    return tuple(replace(p, related=tuple(r)) for p, r in zip(papers, related))


def related_lists(papers: Sequence[Paper], features: Features, rows: np.ndarray, cols: np.ndarray, k: int,
                  topic_titles: Mapping[str, str] | None, blend: Blend = DEFAULT_BLEND,
                  only: np.ndarray | None = None) -> list[list[Related]]:
    """Each paper's related entries, best first, from its text candidates (rows, cols) and
    the pairs other evidence adds; with `only` (sorted row numbers), those rows' lists
    alone, the others left empty (related_update.py recomputes a block of papers this way)."""
    text_rows, text_cols = rows, cols
    rows, cols = candidate_pairs(papers, features, rows, cols, only)
    text = similarity.pair_scores(features.matrix, rows, cols) if features.vectors is None else None
    parts = score_pairs(papers, features, rows, cols, blend, text=text)
    shown = (parts["evidence"] >= blend.floor) & (parts["evidence"] > 0)
    if blend.expansion and text is not None and features.matrix.shape[1] and shown.any():
        # Ranked by the expanded rows: only the pairs the floor lets through (half the
        # cost at 100,000 papers), and only the rows those pairs need.
        expanded = expanded_text(papers, features, (rows, cols, text), text_rows, text_cols, blend, shown)
        ranked = similarity.pair_scores(expanded, rows[shown], cols[shown])
        parts["score"][shown] = parts["score"][shown] - text[shown] + ranked
    chosen = _choose(papers, rows, cols, parts["score"], k, keep=shown)
    return _entries(papers, rows[chosen], cols[chosen], {name: _take(v, chosen) for name, v in parts.items()},
                    features, topic_titles or {})


def expanded_text(papers, features: Features, scored: tuple[np.ndarray, np.ndarray, np.ndarray],
                  text_rows: np.ndarray, text_cols: np.ndarray, blend: Blend,
                  ranked: np.ndarray) -> sp.csr_matrix:
    """The TF-IDF rows that the `scored` pairs (rows, cols, text scores) where `ranked` is
    True need, each with its nearest candidates added
    (similarity.expanded_rows). A needed row with no scored pair of its own (a partner of
    a recomputed list, in related_update.py) takes its candidates from the text candidates
    (text_rows, text_cols), as a full computation would. Reasons still read
    features.matrix: they name only terms both papers say."""
    rows, cols, text = scored
    needed = np.union1d(rows[ranked], cols[ranked])
    missing = np.setdiff1d(needed, rows)
    if len(missing):
        more_rows, more_cols = candidate_pairs(papers, features, text_rows, text_cols, missing)
        rows, cols = np.concatenate([rows, more_rows]), np.concatenate([cols, more_cols])
        text = np.concatenate([text, similarity.pair_scores(features.matrix, more_rows, more_cols)])
    return similarity.expanded_rows(features.matrix, rows, cols, text, needed, EXPANSION_NEIGHBOURS, blend.expansion)


def _take(values, chosen: np.ndarray):
    return values[chosen] if not sp.issparse(values) else values[chosen].tocsr()


def _entries(papers, rows, cols, parts, features: Features, topic_titles) -> list[list[Related]]:
    """The chosen pairs (already in order) as each paper's Related entries, with reasons."""
    by_terms = _term_reasons(similarity.pair_terms(features.matrix, rows, cols), features.terms)
    by_topics = _topic_reasons(parts["topic_column"], features.evidence.topic_names, topic_titles)
    by_authors = _author_reasons(parts["authors"], features.evidence.author_names, [papers[r].authors for r in rows])
    stated_parts = [""] * len(rows)
    for at in np.flatnonzero(parts["stated"] | parts["colisted"]).tolist():
        r, c = rows[at], cols[at]
        stated_parts[at] = _stated_reason(papers[r], papers[c]) if parts["stated"][at] else COLISTED_REASON
    reasons = [SEPARATOR.join(filter(None, four)) or MEANING_REASON
               for four in zip(stated_parts, by_authors, by_terms, by_topics)]
    ids = [p.id for p in papers]
    entries = list(map(Related, [ids[c] for c in cols.tolist()], [round(x, 4) for x in parts["score"].tolist()],
                       reasons))
    # The pairs come row by row (_choose): each paper's entries are one slice.
    bounds = np.searchsorted(rows, np.arange(len(papers) + 1)).tolist()
    return [entries[start:stop] for start, stop in zip(bounds[:-1], bounds[1:])]


def _stated_reason(paper: Paper, other: Paper) -> str:
    """What the kind of page that lists the two together calls it (either may state it)."""
    kinds = (KINDS[record.kind] for p in (paper, other) for record in p.sources if record.related_to)
    return next((kind.stated_reason for kind in kinds if kind.stated_reason), STATED_REASON)


def _embed(texts: list[str], cache_dir: Path | None) -> np.ndarray:
    from paperfold.enrich import embeddings  # optional extra: torch and sentence-transformers

    return embeddings.embed(texts, cache_dir)


def text_candidates(matrix: sp.csr_matrix, vectors: np.ndarray | None, m: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, col) pairs: each paper's m nearest by text (similarity.py), before any is scored."""
    if vectors is not None:
        exact = len(vectors) <= similarity.EXACT_LIMIT
        return (similarity.dense_candidates if exact else similarity.blocked_candidates)(vectors, m)
    if matrix.shape[1]:
        return similarity.candidates(matrix, m)
    return np.empty(0, np.int64), np.empty(0, np.int64)


def candidate_pairs(papers, features: Features, rows: np.ndarray, cols: np.ndarray,
                    only: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Unique (row, col) candidate pairs: text neighbours (rows, cols), stated and co-listed
    relations, and papers that show an author in common; none forbidden; with `only`,
    those of its rows alone."""
    n = len(papers)
    author_rows, author_cols = features.evidence.author_pairs()
    keys = np.sort(np.concatenate([rows * n + cols, features.stated, features.evidence.colisted,
                                   author_rows * n + author_cols]))
    keys = keys[np.diff(keys, prepend=-1) != 0]  # unique
    keys = keys[~_member(keys, _forbidden_keys(papers))]
    if only is not None:
        keys = keys[_member(keys // n, only)]
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


def _stated_keys(papers: Sequence[Paper], index: dict[str, int]) -> np.ndarray:
    """Stated relations in both directions, ids resolved through aliases; unknown ids ignored."""
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


def _choose(papers, rows, cols, scores, k: int, keep: np.ndarray) -> np.ndarray:
    """Positions of the pairs shown, in order: per row, at most k of those to `keep`, by
    score, ties by id."""
    id_rank = np.argsort(np.argsort(np.array([p.id for p in papers], dtype=object)))
    rounded = np.round(scores.astype(np.float64), 6)  # float noise must not reorder ties
    order = np.lexsort((id_rank[cols], -rounded, rows))
    order = order[keep[order]]
    sorted_rows = rows[order]
    starts = np.searchsorted(sorted_rows, sorted_rows, side="left")
    return order[np.arange(len(order)) - starts < k]


def _topic_reasons(columns: np.ndarray, names: list[str], topic_titles: Mapping[str, str]) -> list[str]:
    """Per pair, "both in: " and the most specific topic the two share, or "" when every
    shared topic is too broad to say anything (held by a fifth of the papers or more)."""
    return ["both in: " + topic_titles.get(names[c], names[c]) if c >= 0 else "" for c in columns.tolist()]


def _author_reasons(shared: sp.csr_matrix, names: list[str], listed: list[tuple[str, ...]]) -> list[str]:
    """Per pair, "same author: X" or "same authors: X, Y" (at most 3, in the order the first
    paper lists them), or ""."""
    reasons = []
    for start, stop, order in zip(shared.indptr[:-1].tolist(), shared.indptr[1:].tolist(), listed):
        if start == stop:
            reasons.append("")
            continue
        rank = {author_key(a): i for i, a in reversed(list(enumerate(order)))}
        who = sorted((names[j] for j in shared.indices[start:stop]), key=lambda a: rank.get(author_key(a), 0))[:3]
        reasons.append(("same authors: " if len(who) > 1 else "same author: ") + ", ".join(who))
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
    used = np.flatnonzero(np.bincount(top[top >= 0], minlength=len(terms)))
    if not len(used):
        return table[top]
    # Split with numpy's string functions: a Python step per term cost about 2 s of CPU at
    # 100,000 papers.
    first, _, second = np.strings.partition(terms[used].astype(str), " ")
    words, ids = np.unique(np.concatenate([first, second]), return_inverse=True)
    ids = ids.reshape(2, -1).T
    if len(words) and words[0] == "":  # a one-word term's empty second word
        ids -= 1
    table[used] = ids
    return table[top]
