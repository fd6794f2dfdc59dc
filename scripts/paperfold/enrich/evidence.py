"""Evidence that two papers are related, beside their text: computed once for all papers
(`Evidence.of`), then read for any block of (row, col) pairs. related.py blends it.

- Listing words: a search-results page shares its query words ("generalization",
  "linear") across nearly every entry, so within that dump they relate nothing.
  `discount_listing_terms` zeroes, in the rows of a dump's papers, every term found in
  more than LISTING_SHARE of that dump's entries (dumps of LISTING_MIN entries or more).
- Topics by specificity: a topic weighs by how few papers hold it. A topic held by a
  fifth of the corpus or more weighs nothing; a child topic, held by fewer papers than
  its parent, weighs more. A pair scores the weighted Jaccard overlap of the two papers'
  topics, and its reason names the most specific topic they share.
- Authors: names shown on both papers (case and spacing ignored). Most dumps show only
  a count, so this is rare and strong.
- Stated relations: a source says the two are related (Almanac's "Related events"), or
  lists both under the same headline (both are related to one third paper that states it).

Everything here is arrays over paper positions; no reasons and no choosing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from paperfold.model import Paper

LISTING_SHARE = 0.4  # a term in more than 40% of one dump's entries is that listing's word
LISTING_MIN = 10  # ... in a dump of at least 10 papers; in fewer, shared words are the subject
BROAD_SHARE = 0.2  # a topic held by a fifth of the papers says nothing
AUTHOR_MAX_PAPERS = 50  # an "author" on more papers than this is a placeholder or a consortium
NAME_NOISE = re.compile(r"[\s.\-‐]+")  # "W. Q. Zheng" and "W.Q. Zheng" are one name


def dump_of(paper: Paper) -> str | None:
    """The dump a paper was first read from (None for papers built by hand)."""
    return paper.sources[0].origin.path if paper.sources else None


def discount_listing_terms(matrix: sp.csr_matrix, papers: Sequence[Paper]) -> sp.csr_matrix:
    """`matrix` (L2-normalised rows) with each dump's listing words zeroed in its papers'
    rows, rows normalised again. Returns the same matrix when no dump has any."""
    dumps = [dump_of(p) for p in papers]
    names = {d: j for j, d in enumerate(sorted({d for d in dumps if d is not None}))}
    if not names or not matrix.nnz:
        return matrix
    which = np.array([names.get(d, -1) for d in dumps])
    members = which >= 0
    sizes = np.bincount(which[members], minlength=len(names))
    # dumps x terms: in how many of the dump's papers each term appears
    membership = sp.csr_matrix((np.ones(members.sum(), np.float32), (which[members], np.flatnonzero(members))),
                               shape=(len(names), matrix.shape[0]))
    presence = matrix.copy()
    presence.data[:] = 1
    counts = (membership @ presence).tocoo()
    listing = (counts.data > LISTING_SHARE * sizes[counts.row]) & (sizes[counts.row] >= LISTING_MIN)
    banned = np.sort(counts.row[listing].astype(np.int64) * matrix.shape[1] + counts.col[listing])
    if not len(banned):
        return matrix
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    keys = which[row_of].astype(np.int64) * matrix.shape[1] + matrix.indices
    hit = _member(keys, banned) & (which[row_of] >= 0)
    out = matrix.copy()
    out.data[hit] = 0
    out.eliminate_zeros()
    return normalize(out).astype(np.float32)


def _member(keys: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """keys in sorted_keys."""
    if not len(sorted_keys):
        return np.zeros(len(keys), bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return sorted_keys[at] == keys


def specificity(counts: np.ndarray, n: int) -> np.ndarray:
    """Per label held by counts[j] papers out of n: 1 for a label on one paper, falling with
    the log of its count to 0 at BROAD_SHARE * n papers and beyond."""
    broad = max(BROAD_SHARE * n, 2.0)
    return np.clip(np.log(broad / np.maximum(counts, 1)) / np.log(broad), 0.0, 1.0).astype(np.float32)


def label_matrix(labels: Sequence[Sequence[str]]) -> tuple[sp.csr_matrix, list[str]]:
    """Papers x distinct labels, 1 where a paper has the label; and the labels in column order."""
    names = sorted({x for row in labels for x in row})
    index = {x: j for j, x in enumerate(names)}
    cells = [(i, index[x]) for i, row in enumerate(labels) for x in set(row)]
    at, col = (zip(*cells) if cells else ((), ()))
    matrix = sp.csr_matrix((np.ones(len(at), np.float32), (at, col)), shape=(len(labels), len(names)))
    return matrix, names


def author_key(name: str) -> str:
    return NAME_NOISE.sub(" ", name).strip().casefold()


@dataclass(frozen=True)
class Evidence:
    """Per-paper labels, weighted by specificity; built once, read for any block of pairs."""

    topics: sp.csr_matrix  # papers x topics, each cell the topic's specificity
    topic_names: list[str]
    authors: sp.csr_matrix  # papers x authors (on 2 to AUTHOR_MAX_PAPERS papers), 1 where shown
    author_names: list[str]  # as first shown
    colisted: np.ndarray  # sorted keys row * n + col of pairs listed under one headline

    @classmethod
    def of(cls, papers: Sequence[Paper], index: dict[str, int]) -> "Evidence":
        n = len(papers)
        topics, topic_names = _weighted(label_matrix([p.tags for p in papers]), n)
        authors, author_names = _authors(papers)
        return cls(topics, topic_names, authors, author_names, _colisted(papers, index))

    def topic_scores(self, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per pair, the weighted Jaccard overlap of the two papers' topics (each topic weighs its
        specificity: shared weight / weight of either's topics), and the column of the most
        specific shared topic (-1 if none, or only broad ones)."""
        shared, _, column = _shared_labels(self.topics, rows, cols)
        totals = np.asarray(self.topics.sum(axis=1)).ravel()
        union = totals[rows] + totals[cols] - shared
        return np.divide(shared, union, out=np.zeros(len(rows), np.float32), where=union > 0), column

    def shared_authors(self, rows: np.ndarray, cols: np.ndarray) -> sp.csr_matrix:
        """Pairs x authors, 1 where both papers show the author."""
        return self.authors[rows].multiply(self.authors[cols]).tocsr()

    def author_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Every (row, col) pair of distinct papers that show an author in common."""
        by_author = self.authors.T.tocsr()
        rows, cols = [], []
        for a in range(by_author.shape[0]):
            papers = by_author.indices[by_author.indptr[a]:by_author.indptr[a + 1]]
            rows.append(np.repeat(papers, len(papers)))
            cols.append(np.tile(papers, len(papers)))
        if not rows:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        rows, cols = np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64)
        return rows[rows != cols], cols[rows != cols]


def _weighted(built: tuple[sp.csr_matrix, list[str]], n: int) -> tuple[sp.csr_matrix, list[str]]:
    matrix, names = built
    weights = specificity(np.asarray(matrix.sum(axis=0)).ravel(), n)
    return (matrix @ sp.diags(weights)).tocsr(), names


def _shared_labels(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray):
    """Per pair, over the labels both papers carry (broad ones weigh 0): the sum of their
    weights, the largest weight, and the column of the first label with it (-1 if none)."""
    total = np.zeros(len(rows), np.float32)
    best = np.zeros(len(rows), np.float32)
    column = np.full(len(rows), -1, np.int64)
    if not matrix.nnz:
        return total, best, column
    for start in range(0, len(rows), 50_000):  # chunks keep the products a few MB
        stop = min(start + 50_000, len(rows))
        both = matrix[rows[start:stop]].multiply(matrix[cols[start:stop]] > 0).tocsr()
        both.eliminate_zeros()
        if not both.nnz:
            continue
        at = np.flatnonzero(np.diff(both.indptr))  # pairs with a shared label
        total[start + at] = np.add.reduceat(both.data, both.indptr[at])
        tops = np.maximum.reduceat(both.data, both.indptr[at])
        best[start + at] = tops
        row_of = np.repeat(np.arange(both.shape[0]), np.diff(both.indptr))
        is_top = both.data == tops[np.searchsorted(at, row_of)]
        first = np.unique(row_of[is_top], return_index=True)[1]  # the first column at the top
        column[start + row_of[is_top][first]] = both.indices[is_top][first]
    return total, best, column


def _authors(papers: Sequence[Paper]) -> tuple[sp.csr_matrix, list[str]]:
    shown: dict[str, str] = {}
    keys = []
    for p in papers:
        row = {author_key(a) for a in p.authors if author_key(a)}
        for a in p.authors:
            shown.setdefault(author_key(a), a)
        keys.append(row)
    matrix, names = label_matrix([sorted(k) for k in keys])
    counts = np.asarray(matrix.sum(axis=0)).ravel()
    keep = (counts >= 2) & (counts <= AUTHOR_MAX_PAPERS)
    return matrix[:, np.flatnonzero(keep)].tocsr(), [shown[names[j]] for j in np.flatnonzero(keep)]


def _colisted(papers: Sequence[Paper], index: dict[str, int]) -> np.ndarray:
    """Pairs of papers that one paper lists together (both in its stated_related), both ways."""
    n = len(papers)
    keys = []
    for p in papers:
        listed = sorted({index[s] for s in p.stated_related if s in index})
        if len(listed) > 1:
            grid = np.array(listed, np.int64)
            keys.append((grid[:, None] * n + grid[None, :]).ravel())
    if not keys:
        return np.empty(0, np.int64)
    keys = np.unique(np.concatenate(keys))
    return keys[keys // n != keys % n]
