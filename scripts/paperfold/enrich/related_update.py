"""Related lists kept up to date across `serve` rebuilds, recomputing only papers whose
neighbourhood can have changed.

A full computation (every plain build, and the first build of `serve`) is related.py's:
fit TF-IDF on every paper, find each paper's text candidates, score and choose. Here,
with `incremental=True`, it also keeps what it computed (State), and the next build
updates it:

- The TF-IDF model (vocabulary and idf) stays the one fitted at the last full
  computation. A paper whose text is new or changed gets a row in that model; every
  other row is kept. Terms the model has not seen count for nothing until the next full
  computation, and idf weights are not refitted.
- In that model the candidates are exact: a new or changed paper is compared with every
  paper; a kept paper's candidates change only if a new or changed paper now scores
  above its weakest candidate (added), or if one of its candidates changed or left
  (then it is searched again against every paper).
- The expanded rows that rank pairs (related.expanded_text) are made, for the lists
  scored again, from the candidates as updated, so they are those of a computation from
  scratch in the kept model; a kept list is not scored again because a candidate's own
  neighbours changed.
- The lists of new papers and of papers whose text, tags or stated relations changed
  are scored and chosen again by related.py (related_lists), and so are the lists that
  showed one of those papers or one that left. Every other list is kept as it was, even
  where a new paper now is among its candidates: that paper joins the list at the next
  full computation, or when the list is recomputed for one of the reasons above. (In the
  synthetic benchmark corpus a new 100-paper dump enters the candidates of more than
  half the papers; re-rendering those pages would cost MkDocs a minute at 10k papers.)

A full computation runs again when the vocabulary, k or backend change, when more than
FULL_SHARE of the papers changed text, and on every `paperfold build` (which never keeps
state), so a built site always has the lists a clean build gives.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from paperfold.enrich import related, similarity
from paperfold.enrich.related import TfIdf, paper_text
from paperfold.memo import Memo
from paperfold.model import Paper, Related

FULL_SHARE = 0.2  # more papers than this with new text: a full computation is as quick


@dataclass
class State:
    """What the last computation knew, row by row in the papers' order then."""

    settings: tuple  # (k, backend, topic titles): another value means a full computation
    vectorizer: similarity.TermModel | None
    terms: np.ndarray
    ids: list[str]
    texts: list[str]
    tags: list[tuple[str, ...]]
    links: list[tuple]  # (aliases, stated relations): what makes pairs stated or forbidden
    matrix: sp.csr_matrix
    candidates: np.ndarray  # rows x m: each row's text candidates (column numbers)
    scores: np.ndarray  # rows x m: their text scores
    related: list[tuple[Related, ...]]


_STATE: dict[str, State] = {}  # the one State of this process, under "last" (serve keeps it)
# By paper id: (paper, its related list) -> the paper with it. The same Paper object as in
# the last build, for a paper whose list did not change: the pages' memo keys (build.py)
# then compare by identity, and no new Paper is made (dataclasses.replace is slow at 10,000).
WITH_RELATED: Memo = Memo()


def relate(papers: Sequence[Paper], k: int = 8, backend: str = "tfidf", cache_dir: Path | None = None,
           topic_titles: Mapping[str, str] | None = None, incremental: bool = False,
           ) -> tuple[tuple[Paper, ...], TfIdf]:
    """The papers with their related lists, and the TF-IDF rows the lists come from. Without
    `incremental`, exactly related.relate; with it, updated from the last call's State."""
    papers = tuple(papers)
    settings = (k, backend, tuple(sorted((topic_titles or {}).items())))
    if not incremental or backend != "tfidf" or k <= 0 or len(papers) < 2:
        _STATE.clear()
        tfidf = related.text_tfidf(papers)
        return related.relate(papers, k, backend, cache_dir, topic_titles, tfidf=tfidf), tfidf
    with threadpool_limits(limits=1):  # as related.relate: the same lists on any machine
        state = _STATE.get("last")
        if state is None or state.settings != settings or not _update(state, papers, k, topic_titles):
            state = _full(papers, k, topic_titles, settings)
    _STATE["last"] = state
    papers = tuple(WITH_RELATED.get(p.id, lambda p=p, r=r: replace(p, related=r), key=(p, r))
                   for p, r in zip(papers, state.related))
    return papers, (state.matrix, state.terms)


def _full(papers: tuple[Paper, ...], k: int, topic_titles, settings: tuple) -> State:
    """related.relate's computation (related._related), keeping what an update needs."""
    vectorizer, matrix, terms = similarity.fitted_tfidf([paper_text(p) for p in papers])
    features = related.fit(papers, (matrix, terms), None, related.DEFAULT_BLEND)
    rows, cols = related.text_candidates(features.matrix, None, k * related.CANDIDATES_PER_RELATED)
    lists = related.related_lists(papers, features, rows, cols, k, topic_titles)
    candidates, scores = _by_row(matrix, rows, cols, len(papers))
    return State(settings, vectorizer, terms, [p.id for p in papers], [paper_text(p) for p in papers],
                 [p.tags for p in papers], [_links(p) for p in papers], matrix, candidates, scores,
                 [tuple(r) for r in lists])


def _links(paper: Paper) -> tuple:
    return paper.aliases, paper.stated_related


def _by_row(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs as rows x m arrays of columns and text scores (-1 and -inf pad a
    row with fewer candidates, as the approximate search may give)."""
    counts = np.bincount(rows, minlength=n)
    m = int(counts.max(initial=0))
    order = np.argsort(rows, kind="stable")
    rows, cols = rows[order], cols[order]
    slot = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
    candidates = np.full((n, m), -1, np.int64)
    scores = np.full((n, m), -np.inf, np.float32)
    candidates[rows, slot] = cols
    scores[rows, slot] = similarity.pair_scores(matrix, rows, cols) if len(rows) else []
    return candidates, scores


def _update(state: State, papers: tuple[Paper, ...], k: int, topic_titles) -> bool:
    """Bring `state` to `papers`; False when a full computation is due instead."""
    if state.vectorizer is None or state.candidates.shape[1] == 0:
        return False
    n, m = len(papers), state.candidates.shape[1]
    old_at = {paper_id: i for i, paper_id in enumerate(state.ids)}
    texts = [paper_text(p) for p in papers]
    before = np.array([old_at.get(p.id, -1) for p in papers], np.int64)
    kept = np.array([b >= 0 and state.texts[b] == t for b, t in zip(before.tolist(), texts)], bool)
    fresh = np.flatnonzero(~kept)
    if len(fresh) > FULL_SHARE * n or m != min(k * related.CANDIDATES_PER_RELATED, n - 1):
        return False  # many changes, or a corpus so small that each paper's candidates are all the others
    matrix = _rows(state, before, kept, texts)
    # Old row -> new row, or -1: a paper that left or whose text changed.
    moved = np.full(len(state.ids) + 1, -1, np.int64)  # the last entry maps the padding -1
    moved[before[kept]] = np.flatnonzero(kept)
    candidates = np.full((n, m), -1, np.int64)
    scores = np.full((n, m), -np.inf, np.float32)
    candidates[kept] = moved[state.candidates[before[kept]]]
    scores[kept] = state.scores[before[kept]]
    lost = kept & ((candidates < 0) & (state.candidates[before.clip(0)] >= 0)).any(1)
    search = np.union1d(fresh, np.flatnonzero(lost))  # searched again against every paper
    _search(matrix, search, candidates, scores)
    rescored = _rescored(state, papers, before, kept, candidates, search)  # before fresh papers enter kept rows
    _add_fresh(matrix, fresh, search, candidates, scores)
    lists = [state.related[b] if b >= 0 else () for b in before.tolist()]
    if len(rescored):
        features = related.fit(papers, (matrix, state.terms), None, related.DEFAULT_BLEND)
        fresh_lists = related.related_lists(papers, features, np.repeat(np.arange(n), m)[candidates.ravel() >= 0],
                                            candidates.ravel()[candidates.ravel() >= 0], k, topic_titles,
                                            only=rescored)
        for row in rescored.tolist():
            lists[row] = tuple(fresh_lists[row])
    state.ids, state.texts, state.matrix = [p.id for p in papers], texts, matrix
    state.tags, state.links = [p.tags for p in papers], [_links(p) for p in papers]
    state.candidates, state.scores, state.related = candidates, scores, lists
    return True


def _rows(state: State, before: np.ndarray, kept: np.ndarray, texts: list[str]) -> sp.csr_matrix:
    """The papers' TF-IDF rows: kept ones as they were, the others made by the kept model."""
    fresh = np.flatnonzero(~kept)
    if not len(fresh):
        return state.matrix[before]
    made = state.vectorizer.transform([texts[i] for i in fresh.tolist()]).astype(np.float32).tocsr()
    stacked = sp.vstack([state.matrix[before[kept]], made]).tocsr()
    order = np.empty(len(texts), np.int64)  # new row -> row of `stacked`
    order[np.flatnonzero(kept)] = np.arange(int(kept.sum()))
    order[fresh] = kept.sum() + np.arange(len(fresh))
    return stacked[order]


def _search(matrix: sp.csr_matrix, rows: np.ndarray, candidates: np.ndarray, scores: np.ndarray) -> None:
    """`rows`' candidates, searched against every paper (similarity.top_of_rows)."""
    if not len(rows):
        return
    top = similarity.top_of_rows(matrix, rows, candidates.shape[1])
    candidates[rows] = top
    scores[rows] = similarity.pair_scores(matrix, np.repeat(rows, top.shape[1]), top.ravel()).reshape(top.shape)


def _add_fresh(matrix: sp.csr_matrix, fresh: np.ndarray, search: np.ndarray, candidates: np.ndarray,
               scores: np.ndarray) -> None:
    """Rows not searched again whose candidates a fresh paper now beats: the fresh paper
    replaces their weakest candidate, so that their candidates stay exact."""
    if not len(fresh):
        return
    block = (matrix[fresh] @ matrix.T).toarray()  # fresh x all: both directions at once
    block[np.arange(len(fresh)), fresh] = -np.inf
    block[:, search] = -np.inf  # those rows have every paper's score already
    every = np.arange(len(scores))
    for f in range(len(fresh)):  # in turn: an earlier fresh paper may have raised a row's bar
        weakest = scores.argmin(1)
        rows = np.flatnonzero(block[f] > scores[every, weakest])
        candidates[rows, weakest[rows]], scores[rows, weakest[rows]] = fresh[f], block[f, rows]


def _rescored(state: State, papers, before, kept, candidates, search) -> np.ndarray:
    """Rows whose list is scored again: papers whose text, tags or stated relations changed
    ("touched"), rows searched again, rows with a touched paper among their candidates,
    and stated partners of touched papers, either way round."""
    touched = ~kept
    for row, (paper, b) in enumerate(zip(papers, before.tolist())):
        if b >= 0 and (state.tags[b] != paper.tags or state.links[b] != _links(paper)):
            touched[row] = True
    changed = touched.copy()
    changed[search] = True  # a candidate changed or left
    changed |= (touched[candidates.clip(0)] & (candidates >= 0)).any(1)
    index = {p.id: i for i, p in enumerate(papers)}
    for i, paper in enumerate(papers):
        for partner in (index[s] for s in paper.stated_related if s in index):
            if touched[i] or touched[partner]:
                changed[i] = changed[partner] = True
    return np.flatnonzero(changed)
