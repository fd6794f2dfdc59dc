"""TF-IDF vectors and top-k neighbour search, kept apart from the blending in related.py.

Everything here is computation over arrays: no Paper, no files.

The TF-IDF rows (`fitted_tfidf`) hold the terms `phrases` makes: words and two-word
phrases that never bridge a stop word. `count_terms` counts them for a whole corpus with
one regex scan per 5,000 texts and array operations (scikit-learn's vectorizer, given
`phrases` as its analyzer, made the same rows 1.5 to 2 times as slowly: a Python step per
term); scikit-learn's TfidfTransformer weighs the counts, and `TermModel` makes rows for
texts added later (related_update.py) through scikit-learn's CountVectorizer.

Two ways to find candidate neighbours:

- `exact_candidates`: chunked sparse products X[chunk] @ X.T, keeping only the
  best m of each row with np.argpartition. O(N^2) work, memory bounded by
  the chunk. Used up to EXACT_LIMIT papers.
- `reduced_candidates`: above that, a TruncatedSVD projection (fitted on a
  fixed sample), then `blocked_candidates` in the reduced space: k-means
  clusters, each row compared with its own and the nearest clusters' rows.
  This is approximate with respect to TF-IDF: a true neighbour can be missed
  if the projection or the clustering hides it.

Either way the candidates are then scored exactly (`pair_scores`), and `pair_terms`
gives the terms that contributed most to a pair's score.
"""

from __future__ import annotations

import collections
import functools
import itertools
import re

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import normalize


EXACT_LIMIT = 10_000  # exact search: ~2 s of relate()'s ~3.8 s at 9,000 papers on one core; grows as N^2
CHUNK_CELLS = 20_000_000  # dense similarity cells per chunk of the blocked search: 80 MB of float32
# Exact search: 20 MB blocks reuse freed memory; 80 MB ones were faulted in afresh for every
# chunk, ~20% slower at 10k papers.
EXACT_CHUNK_CELLS = 5_000_000
SVD_COMPONENTS = 128
SVD_SAMPLE = 20_000  # the projection is fitted on this many papers, then applied to all
SVD_COLUMNS = 30_000  # ... and on the terms found in the most papers
# One power iteration, not scikit-learn's 4: fewer pull the projection towards the few
# directions most papers share, and the blocked search then found more of the exact lists'
# entries (81.6% instead of 77.2% at 20,000 synthetic papers, 60.3% instead of 58.1% at
# 40,000: bench_related.py --agreement) in about half the SVD's CPU time.
SVD_POWER_ITERATIONS = 1
# Expanded rows keep weights of 0.02 and more (after normalising): at 20,000 synthetic papers,
# 172 terms a row instead of 321, and scoring them 1.8 s instead of 3.3 s.
EXPANDED_MIN = 0.02
CLUSTER_SIZE = 300  # blocked search: papers per k-means cluster, on average
PROBES = 12  # a cluster is searched together with its 11 nearest clusters
MAX_DF = 0.5  # a term in more than half the papers ("model", "results") says nothing...
MAX_DF_FROM = 20  # ... once there are enough papers to tell
# Words that start with a letter, two characters or more: "grokking", "lora",
# "b200"; bare numbers ("2024", "7b") never become a term or a reason. The greedy \w+
# always ends a word where a word ends, so no closing \b is needed (one made the scan
# 25% slower).
WORD = re.compile(r"\b[^\W\d_]\w+")
URL = re.compile(r"\b(?:https?://|www\.)\S+")  # "Code is available at https://github.com/x/y"
# English stop words, and the boilerplate of paper listings, which relates
# papers by how they were announced rather than what they say: Almanac's
# summaries all open "A new arXiv preprint ...".
# Also the verbs and nouns every abstract uses ("we propose a method ..."), which
# made weak reasons such as "shared terms: method, approach, require".
LISTING_WORDS = {"arxiv", "preprint", "new", "paper", "papers", "propose", "proposed", "authors"}
ABSTRACT_WORDS = {
    "approach", "approaches", "method", "methods", "problem", "problems", "technique", "techniques",
    "result", "results", "show", "shows", "shown", "study", "studies", "work", "works", "using", "use",
    "used", "based", "present", "presents", "introduce", "introduces", "demonstrate", "demonstrates",
    "require", "requires", "provide", "provides", "existing", "novel", "recent", "recently", "however",
    "does", "task", "tasks", "finding", "findings", "key", "arising", "unlike", "motivated", "address",
}
STOP_WORDS = ENGLISH_STOP_WORDS | LISTING_WORDS | ABSTRACT_WORDS


def phrases(text: str) -> list[str]:
    """The terms of a text: its words and its two-word phrases, stop words left out.

    Web addresses are left out ("https", "github" say nothing). Unlike
    scikit-learn's own 1-2-grams, a phrase never bridges a removed stop
    word, so every term is something the text literally says: "implicit bias
    of the logistic loss" gives "implicit bias" and "logistic loss", not
    "bias logistic". `count_terms` makes the same terms for a whole corpus at once.
    """
    words = WORD.findall(_cleaned(text))
    kept = [w for w in words if w not in STOP_WORDS]
    pairs = zip(words, words[1:])
    return kept + [f"{a} {b}" for a, b in pairs if a not in STOP_WORDS and b not in STOP_WORDS]


def _cleaned(text: str) -> str:
    """Lowercase, web addresses out."""
    text = text.lower()
    if "http" in text or "www." in text:  # most texts have no address; URL.sub would scan them all
        text = URL.sub(" ", text)
    return text


# Between two texts joined for one regex scan: WORD finds it as a word, and no lowercased
# text can hold it. As word 0, a stop word, it also ends a text's last phrase.
TEXT_BREAK = " TEXTBREAK "
JOINED_TEXTS = 5_000  # texts per regex scan: ~1 million words, ~60 MB of word strings


def _word_ids(texts: list[str]) -> tuple[np.ndarray, list[str]]:
    """Every word of every text, as ids in text order (0 between texts, as `TEXT_BREAK`),
    and the word of each id. A Python step per word, not per term: at 100,000 papers,
    scikit-learn's counting of `phrases`' terms took 3 times as long."""
    # A word seen for the first time takes the next id as it is looked up: one pass over
    # the words, not a set of them and then a lookup (40% less time at 20,000 texts).
    index = collections.defaultdict(itertools.count().__next__)
    ids = [np.array([index[TEXT_BREAK.strip()]], np.int64)]
    for start in range(0, len(texts), JOINED_TEXTS):
        part = (_cleaned(t) for t in texts[start:start + JOINED_TEXTS])
        words = WORD.findall(TEXT_BREAK.join(part) + TEXT_BREAK)
        ids.append(np.fromiter(map(index.__getitem__, words), np.int64, len(words)))
    return np.concatenate(ids), list(index)


def count_terms(texts: list[str], max_df: float) -> tuple[sp.csr_matrix, np.ndarray]:
    """Term counts (texts x terms, float32) of `phrases`' terms found in 2 to max_df * len(texts)
    texts, terms in alphabetical order: what scikit-learn's CountVectorizer(analyzer=phrases,
    min_df=2, max_df=max_df) counts, for a whole corpus in a few array operations."""
    ids, words = _word_ids(texts)
    stop = np.array([w in STOP_WORDS for w in words])
    stop[0] = True  # the break between texts
    text = np.cumsum(ids == 0)[:-1] - 1  # the text each word is in
    ids = ids[:-1]
    kept = ~stop[ids]
    paired = kept[:-1] & kept[1:]  # two words in a row, neither a stop word nor a break
    width = len(words)
    # Columns: a word's id, then width + the rank of a phrase among the phrases (first * width + second).
    phrases_found, phrase_column = np.unique(ids[:-1][paired] * width + ids[1:][paired], return_inverse=True)
    columns = np.concatenate([ids[kept], width + phrase_column.ravel()])
    rows = np.concatenate([text[kept], text[:-1][paired]])
    n_columns = width + len(phrases_found)
    counts = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, columns)), shape=(len(texts), n_columns))
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=n_columns)
    shared = np.flatnonzero((df >= 2) & (df <= max_df * len(texts)))
    if not len(shared):
        raise ValueError("no term is in two texts")  # as TfidfVectorizer raises
    first, second = np.divmod(phrases_found[shared[shared >= width] - width], width)
    terms = [words[i] for i in shared[shared < width].tolist()]
    terms += [f"{words[a]} {words[b]}" for a, b in zip(first.tolist(), second.tolist())]
    order = sorted(range(len(terms)), key=terms.__getitem__)
    column = np.full(n_columns, -1, np.int64)
    column[shared[order]] = np.arange(len(order))
    return _columns(counts, column), np.array(terms, dtype=object)[order]


def _columns(matrix: sp.csr_matrix, column: np.ndarray) -> sp.csr_matrix:
    """matrix with column j moved to column[j], or dropped where column[j] is -1."""
    moved = column[matrix.indices]
    keep = moved >= 0
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row_of[keep], minlength=matrix.shape[0]))])
    out = sp.csr_matrix((matrix.data[keep], moved[keep], indptr), shape=(matrix.shape[0], int(column.max()) + 1))
    out.sort_indices()
    return out


class TermModel:
    """The vocabulary and idf weights fitted on a corpus: rows for further texts in its columns."""

    def __init__(self, terms: np.ndarray, weighting: TfidfTransformer):
        self.terms = terms
        self.weighting = weighting

    @property
    def idf_(self) -> np.ndarray:
        return self.weighting.idf_

    @functools.cached_property
    def _counter(self) -> CountVectorizer:
        vocabulary = {t: j for j, t in enumerate(self.terms.tolist())}
        return CountVectorizer(analyzer=phrases, vocabulary=vocabulary, dtype=np.float32)

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        return self.weighting.transform(self._counter.transform(texts))


def tfidf(texts: list[str]) -> tuple[sp.csr_matrix, np.ndarray]:
    """L2-normalised TF-IDF rows (all-zero for empty texts) and the term of each column."""
    _, matrix, terms = fitted_tfidf(texts)
    return matrix, terms


def fitted_tfidf(texts: list[str]) -> tuple[TermModel | None, sp.csr_matrix, np.ndarray]:
    """tfidf(texts), and the model that makes rows for further texts in the same columns
    (None when no term is shared by two texts).

    The one TF-IDF configuration Paperfold uses: the terms of `phrases` (words and
    two-word phrases, STOP_WORDS out: scikit-learn's English list plus listing
    boilerplate), sublinear tf (1 + log tf), smoothed idf, L2-normalised float32 rows.
    min_df=2: a term seen in a single paper can never be shared, so it cannot relate two
    papers; dropping it also keeps the vocabulary small at scale. max_df: terms in more
    than MAX_DF of the papers are dropped, from MAX_DF_FROM papers on; in a handful of
    papers that share a subject the shared words are the point, and idf already weighs
    them down.
    """
    try:
        counts, terms = count_terms(texts, MAX_DF if len(texts) >= MAX_DF_FROM else 1.0)
    except ValueError:  # no term is shared by two papers
        return None, sp.csr_matrix((len(texts), 0), dtype=np.float32), np.array([], dtype=object)
    weighting = TfidfTransformer(norm="l2", sublinear_tf=True)
    matrix = weighting.fit_transform(counts).astype(np.float32).tocsr()
    return TermModel(terms, weighting), matrix, terms


def _top_of_rows(scores: np.ndarray, m: int) -> np.ndarray:
    """Column indices of the m largest values of each row (unordered)."""
    if m >= scores.shape[1]:
        return np.tile(np.arange(scores.shape[1]), (scores.shape[0], 1))
    return np.argpartition(-scores, m - 1, axis=1)[:, :m]


def _largest_of_rows(scores: np.ndarray, m: int) -> np.ndarray:
    """_top_of_rows for the blocked search, a third faster (no negated copy of the block).
    Where values tie at the m-th, the two keep different ones: the exact search keeps
    _top_of_rows, since there many zero scores tie and which are kept changes lists;
    the cosines of dense vectors all but never tie."""
    n = scores.shape[1]
    if m >= n:
        return np.tile(np.arange(n), (scores.shape[0], 1))
    return np.argpartition(scores, n - m, axis=1)[:, n - m:]


def exact_candidates(matrix: sp.csr_matrix, m: int) -> tuple[np.ndarray, np.ndarray]:
    """For every row, the m other rows with the highest dot product: (rows, cols) pairs."""
    n = matrix.shape[0]
    m = min(m, n - 1)
    if m <= 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.repeat(np.arange(n), m), top_of_rows(matrix, np.arange(n), m).ravel()


def top_of_rows(matrix: sp.csr_matrix, rows: np.ndarray, m: int) -> np.ndarray:
    """The m columns with the highest dot product for each of `rows` (never the row
    itself), len(rows) x m, searched in blocks of rows against all."""
    n = matrix.shape[0]
    transposed = matrix.T.tocsr()  # as CSC it was converted to CSR again for every chunk
    chunk = max(1, EXACT_CHUNK_CELLS // n)
    tops = [np.empty((0, m), np.int64)]
    for start in range(0, len(rows), chunk):
        part = rows[start:start + chunk]
        block = (matrix[part] @ transposed).toarray()
        block[np.arange(len(part)), part] = -np.inf  # never itself
        tops.append(_top_of_rows(block, m).copy())  # a view would keep the block's rows x n argpartition
    return np.concatenate(tops)


def reduce(matrix: sp.csr_matrix, components: int = SVD_COMPONENTS) -> np.ndarray:
    """Dense, L2-normalised SVD projection of the SVD_COLUMNS most widespread terms,
    fitted on a deterministic sample of rows (cost no longer grows with the vocabulary)."""
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    columns = np.sort(np.argsort(-df, kind="stable")[:SVD_COLUMNS])
    narrow = matrix[:, columns]
    components = min(components, narrow.shape[1] - 1, narrow.shape[0] - 1)
    sample = np.random.default_rng(0).permutation(narrow.shape[0])[:SVD_SAMPLE]
    svd = TruncatedSVD(n_components=components, n_iter=SVD_POWER_ITERATIONS, random_state=0).fit(narrow[np.sort(sample)])
    return normalize(svd.transform(narrow).astype(np.float32))


def dense_candidates(vectors: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact m nearest rows by cosine for L2-normalised dense rows, self excluded (O(N^2))."""
    n = vectors.shape[0]
    m = min(m, n - 1)
    if m <= 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    search = NearestNeighbors(n_neighbors=m + 1, algorithm="brute", metric="euclidean")
    neighbours = search.fit(vectors).kneighbors(vectors, return_distance=False)
    rows = np.repeat(np.arange(n), m + 1)
    cols = neighbours.ravel()
    keep = rows != cols
    return rows[keep], cols[keep]


def blocked_candidates(vectors: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Approximate m nearest rows: k-means clusters of about CLUSTER_SIZE rows; the rows
    of a cluster are compared with the rows of that cluster and its PROBES - 1 nearest."""
    n_clusters = max(1, vectors.shape[0] // CLUSTER_SIZE)
    kmeans = KMeans(n_clusters=n_clusters, init="random", n_init=1, max_iter=20, random_state=0).fit(vectors)
    centres = normalize(kmeans.cluster_centers_)
    members = np.split(np.argsort(kmeans.labels_, kind="stable"), np.cumsum(np.bincount(kmeans.labels_))[:-1])
    rows, cols = [], []
    for cluster, queries in enumerate(members):
        near = [c for c in np.argsort(-(centres @ centres[cluster]), kind="stable")[:PROBES] if c != cluster]
        pool = np.concatenate([queries] + [members[c] for c in near])  # own rows first
        step = max(1, CHUNK_CELLS // len(pool))
        for start in range(0, len(queries), step):
            chunk = queries[start:start + step]
            block = vectors[chunk] @ vectors[pool].T
            block[np.arange(len(chunk)), start + np.arange(len(chunk))] = -np.inf  # never itself
            top = _largest_of_rows(block, min(m, len(pool) - 1))
            rows.append(np.repeat(chunk, top.shape[1]))
            cols.append(pool[top].ravel())
    return np.concatenate(rows), np.concatenate(cols)


def reduced_candidates(matrix: sp.csr_matrix, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Approximate TF-IDF candidates: blocked search in the SVD space."""
    return blocked_candidates(reduce(matrix), m)


def candidates(matrix: sp.csr_matrix, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact below EXACT_LIMIT rows; SVD-approximate above."""
    if matrix.shape[0] <= EXACT_LIMIT or matrix.shape[1] <= SVD_COMPONENTS:
        return exact_candidates(matrix, m)
    return reduced_candidates(matrix, m)


def expanded_rows(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray,
                  needed: np.ndarray, neighbours: int, weight: float) -> sp.csr_matrix:
    """Pseudo-relevance feedback (Rocchio): row i of `needed` becomes x_i + weight * sum of
    s_ij * x_j over its `neighbours` best candidates j, L2-normalised; the other rows are
    left empty. Candidates: the (rows, cols) pairs of a search, with their cosines `scores`.

    Two papers on one subject often share few words with each other but many with the
    papers around them ("grokking" and "delayed generalization"); adding each paper's
    nearest rows lets them meet. Weighting by cosine keeps an outlier nearly as it was:
    its weak neighbours add little. Weights under EXPANDED_MIN are dropped: that halves the
    cost of scoring expanded rows at scale, for 0.01 of speech precision@5 (0.93 to 0.92)
    and nothing on the other judged sets.
    """
    n, n_terms = matrix.shape
    wanted = np.zeros(n, bool)
    wanted[needed] = True
    pick = wanted[rows]
    rows, cols, scores = rows[pick], cols[pick], scores[pick]
    order = np.lexsort((cols, -scores, rows))  # per row, best first; ties by column
    rows, cols, scores = rows[order], cols[order], scores[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    best = (rank < neighbours) & (scores > 0)
    # Rounded weights: the same rows whichever block of pairs the scores came from
    # (related_update.py expands a few papers; float noise in the last bits of a weight
    # changed a rounded score there).
    weights = (weight * np.round(scores[best], 6)).astype(np.float32)
    needed = np.flatnonzero(wanted)
    at = np.searchsorted(needed, rows[best])  # the block holds the needed rows only
    feedback = sp.csr_matrix((weights, (at, cols[best])), shape=(len(needed), n))
    block = normalize(matrix[needed] + feedback @ matrix).tocsr()
    # Sorted column indices: scipy's elementwise product (pair_scores) takes a fast path on
    # them; on the sparse product's unsorted rows it was 1.5 times as slow.
    block.sort_indices()
    block.data[block.data < EXPANDED_MIN] = 0
    block.eliminate_zeros()
    block = normalize(block).astype(np.float32)
    lengths = np.zeros(n, np.int64)  # each needed row's block row in its place, the others empty
    lengths[needed] = np.diff(block.indptr)
    return sp.csr_matrix((block.data, block.indices, np.concatenate([[0], np.cumsum(lengths)])), shape=(n, n_terms))


def _unordered(rows: np.ndarray, cols: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each pair once as (low, high), and where each given pair is among them: (r, c) and
    (c, r) have the same products, and most neighbours are each other's neighbours."""
    keys, at = np.unique(np.minimum(rows, cols) * n + np.maximum(rows, cols), return_inverse=True)
    return keys // n, keys % n, at.reshape(-1)


# 20,000 pairs keep a chunk's arrays at a few MB, which reuse freed memory; 200,000 pairs
# (~80 MB arrays) made pair_scores 3x slower, faulting in fresh pages for every chunk.
def _products(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray, chunk: int = 20_000):
    """The elementwise products of the two rows of each pair, in chunks of pairs."""
    for start in range(0, len(rows), chunk):
        part = slice(start, start + chunk)
        product = matrix[rows[part]].multiply(matrix[cols[part]]).tocsr()
        product.eliminate_zeros()
        yield part, product


def pair_scores(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Exact dot product (cosine, rows being L2-normalised) of each (row, col) pair."""
    low, high, at = _unordered(rows, cols, matrix.shape[0])
    scores = np.zeros(len(low), np.float32)
    for part, product in _products(matrix, low, high):
        scores[part] = np.asarray(product.sum(axis=1)).ravel()
    return scores[at]


def pair_terms(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray, terms: int = 6) -> np.ndarray:
    """Per pair, the columns that contribute most to its dot product, best first, -1 padded."""
    low, high, at = _unordered(rows, cols, matrix.shape[0])
    top = np.full((len(low), terms), -1, np.int64)
    for part, product in _products(matrix, low, high):
        top[part] = _top_terms(product, terms)
    return top[at]


def _top_terms(product: sp.csr_matrix, terms: int) -> np.ndarray:
    """Per row, the columns of the `terms` largest values, best first, -1 padded."""
    row_of = np.repeat(np.arange(product.shape[0]), np.diff(product.indptr))
    product.sort_indices()
    # One float key orders by row, then by value, largest first (values lie in (0, 1]);
    # the stable sort leaves equal values in column order.
    order = np.argsort(row_of + 0.5 * (1.0 - product.data.astype(np.float64)), kind="stable")
    rank = np.arange(len(order)) - product.indptr[row_of[order]]
    first = rank < terms
    out = np.full((product.shape[0], terms), -1, np.int64)
    out[row_of[order[first]], rank[first]] = product.indices[order[first]]
    return out
