"""Text weightings tried for related papers and not shipped, scored on the judged sets.

    .venv/bin/pip install PyStemmer==3.1.0 wordfreq==3.1.1   # only for this script
    .venv/bin/python tests/bench/bench_related_text_variants.py [VARIANT ...]

Each variant replaces how similarity.py makes terms or weighs them (similarity.fitted_tfidf
or expanded_rows is swapped for the run, nothing else changes), then the judged sets of
bench_related_quality.py are scored under three blends: text only, the default without
neighbour expansion, and the default. Variants:

- stemming: words reduced to their Snowball stems ("generalization", "generalize").
- general English weights: each term's weight times ((9 - Zipf frequency) / 9) ** p, the
  Zipf frequency from wordfreq (a phrase takes its rarest word), so that words common
  in English weigh less even in a small corpus.
- idf ** p: idf sharpened.
- burstiness: weight times (occurrences / papers holding the term) ** 0.5: a topical
  word is repeated where it appears, a generic one is not.
- expansion by share: the expansion the default ships, but with neighbours weighted
  by their share of the top 3 (each row adds 0.3 of their mean) instead of by cosine.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import replace

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

import bench_related_quality as bench
from paperfold.enrich import related, similarity

FITTED = similarity.fitted_tfidf


def fitted_with(analyzer):
    """similarity.fitted_tfidf's configuration over another analyzer, by scikit-learn's own
    vectorizer (similarity.count_terms counts `phrases`' terms only)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def fitted(texts):
        vectorizer = TfidfVectorizer(analyzer=analyzer, min_df=2, sublinear_tf=True, dtype=np.float32,
                                     max_df=similarity.MAX_DF if len(texts) >= similarity.MAX_DF_FROM else 1.0)
        matrix = vectorizer.fit_transform(texts).tocsr()
        return vectorizer, matrix, vectorizer.get_feature_names_out()
    return fitted


def stemmed_phrases(text: str) -> list[str]:
    """similarity.phrases over Snowball stems (stop words still judged on the word)."""
    import Stemmer  # PyStemmer

    stem = functools.lru_cache(maxsize=None)(Stemmer.Stemmer("english").stemWord)
    text = similarity.URL.sub(" ", text.lower())
    words = similarity.WORD.findall(text)
    kept = [w not in similarity.STOP_WORDS for w in words]
    stems = [stem(w) for w in words]
    pairs = zip(zip(stems, kept), zip(stems[1:], kept[1:]))
    return [s for s, k in zip(stems, kept) if k] + [f"{a} {b}" for (a, ka), (b, kb) in pairs if ka and kb]


def reweighted(weigh, base=FITTED):
    """base (a fitted_tfidf) with each column multiplied by weigh(texts, vectorizer, terms), rows renormalised."""
    def fitted(texts):
        vectorizer, matrix, terms = base(texts)
        if vectorizer is None:
            return vectorizer, matrix, terms
        weights = sp.diags(weigh(texts, vectorizer, terms).astype(np.float32))
        return vectorizer, normalize(matrix @ weights).astype(np.float32).tocsr(), terms
    return fitted


def general_english(power: float):
    from wordfreq import zipf_frequency

    rarity = functools.lru_cache(maxsize=None)(lambda w: (9.0 - zipf_frequency(w, "en")) / 9.0)
    return lambda texts, vectorizer, terms: np.array([max(map(rarity, t.split())) for t in terms]) ** power


def idf_power(power: float):
    return lambda texts, vectorizer, terms: vectorizer.idf_ ** (power - 1)


def burstiness(texts, vectorizer, terms):
    index = {t: j for j, t in enumerate(terms)}
    analyze = vectorizer.build_analyzer() if hasattr(vectorizer, "build_analyzer") else similarity.phrases
    occurrences, holders = np.zeros(len(terms)), np.zeros(len(terms))
    for text in texts:
        seen = {}
        for term in analyze(text):
            if term in index:
                seen[index[term]] = seen.get(index[term], 0) + 1
        for j, count in seen.items():
            occurrences[j] += count
            holders[j] += 1
    return (occurrences / np.maximum(holders, 1)) ** 0.5


def expanded_by_share(matrix, rows, cols, scores, needed, neighbours, weight):
    """similarity.expanded_rows with the top neighbours' weights summing to 0.3 (weight ignored)."""
    n = matrix.shape[0]
    order = np.lexsort((cols, -scores, rows))
    rows, cols, scores = rows[order], cols[order], scores[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    best = (rank < neighbours) & (scores > 0) & np.isin(rows, needed)
    share = normalize(sp.csr_matrix((scores[best], (rows[best], cols[best])), shape=(n, n)), norm="l1")
    return normalize(matrix + 0.3 * share @ matrix).astype(np.float32).tocsr()


VARIANTS = {
    "as shipped": {},
    "stemming": dict(fitted_tfidf=fitted_with(stemmed_phrases)),
    "general English weights, p=1": dict(fitted_tfidf=reweighted(general_english(1))),
    "general English weights, p=2": dict(fitted_tfidf=reweighted(general_english(2))),
    "idf ** 1.5": dict(fitted_tfidf=reweighted(idf_power(1.5))),
    "burstiness ** 0.5": dict(fitted_tfidf=reweighted(burstiness)),
    "stemming + burstiness ** 0.5": dict(fitted_tfidf=reweighted(burstiness, fitted_with(stemmed_phrases))),
    "expansion by share (0.3 of the mean of 3)": dict(expanded_rows=expanded_by_share),
}


def main(names: list[str]) -> None:
    loaded = {}
    for name, (dump, judgements) in bench.SETS.items():
        papers, titles, _ = bench.tagged(bench.load(dump))
        loaded[name] = (papers, titles, bench.Judged(papers, judgements))
    blends = (("text only", related.TEXT_ONLY), ("default, no expansion", replace(related.DEFAULT_BLEND, expansion=0.0)),
              ("default", related.DEFAULT_BLEND))
    print("| variant | blend | " + " | ".join(f"{n} p@5 | {n} r@8" for n in loaded) + " |")
    print("|---|---|" + "---|---|" * len(loaded))
    expanded_rows = similarity.expanded_rows
    for variant in names:
        swap = VARIANTS[variant]
        similarity.fitted_tfidf = swap.get("fitted_tfidf", FITTED)
        similarity.expanded_rows = swap.get("expanded_rows", expanded_rows)
        for blend_name, blend in blends:
            cells = []
            for papers, titles, judged in loaded.values():
                scores = judged.scores(bench.run(papers, titles, blend, "tfidf", None))
                cells += [f"{scores['p@5']:.2f}", f"{scores['r@8']:.2f}"]
            print(f"| {variant} | {blend_name} | " + " | ".join(cells) + " |", flush=True)
    similarity.fitted_tfidf, similarity.expanded_rows = FITTED, expanded_rows


if __name__ == "__main__":
    main(sys.argv[1:] or list(VARIANTS))
