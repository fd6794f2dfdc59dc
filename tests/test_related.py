"""Related papers: who is related to whom, and the reason shown for it."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest

from paperfold.build import load_papers
from paperfold.enrich import related
from paperfold.enrich import similarity
from paperfold.model import Paper
from sitebuild import ROOT
from paperfold.enrich.related import COLISTED_REASON, DEFAULT_BLEND, STATED_REASON, Blend, paper_text, relate


def paper(id: str, title: str | None = None, abstract: str | None = None, **fields) -> Paper:
    """A Paper with every field the related-papers stage ignores left at a default."""
    defaults = dict(
        label=title or id, abstract_is_summary=False, authors=(), author_count=None, organisation=None,
        date=None, date_text=None, upvotes=None, arxiv_id=None, doi=None, venue=None, category=None,
        links=(), sources=(),
    )
    return Paper(id=id, title=title, abstract=abstract, **{**defaults, **fields})


GROKKING = paper("grok-linear", "Grokking in linear networks",
                 "Grokking is delayed generalization. We study grokking with the logistic loss in linear models.")
GROKKING_2 = paper("grok-logistic", "Grokking at the edge of linear separability",
                   "Logistic loss classification exhibits grokking and delayed generalization near separability.")
SCALING = paper("scaling", "Inference scaling laws for pass@k",
                "Power law scaling of coverage with repeated sampling at inference; scaling laws for pass@k.")
SCALING_2 = paper("scaling-2", "Scaling laws from instance difficulty",
                  "Neural scaling laws and pass@k failure rate follow a power law in a solvable model.")
DETECTION = paper("lion", "Linear group RNN for 3D object detection",
                  "Point cloud object detection with linear recurrent networks on voxel features.")
CORPUS = (GROKKING, GROKKING_2, SCALING, SCALING_2, DETECTION)


def by_id(papers):
    return {p.id: p for p in papers}


def related_ids(papers, id):
    return [r.id for r in by_id(papers)[id].related]


def test_the_nearest_paper_comes_first():
    out = relate(CORPUS, k=3)
    assert related_ids(out, "grok-linear")[0] == "grok-logistic"
    assert related_ids(out, "scaling")[0] == "scaling-2"


def test_never_related_to_itself():
    for p in relate(CORPUS + (paper("copy", GROKKING.title, GROKKING.abstract),), k=8):
        assert p.id not in [r.id for r in p.related]


def test_never_related_to_its_alias_or_a_paper_with_its_id():
    old = paper("grok-linear-old", GROKKING.title, GROKKING.abstract)
    renamed = paper("grok-linear", GROKKING.title, GROKKING.abstract, aliases=("grok-linear-old",))
    same_id = paper("grok-logistic", GROKKING_2.title, GROKKING_2.abstract)
    out = relate((renamed, old, GROKKING_2, same_id, SCALING), k=8)
    assert "grok-linear-old" not in related_ids(out, "grok-linear")
    assert "grok-linear" not in related_ids(out, "grok-linear-old")
    for p in out:
        if p.id == "grok-logistic":
            assert "grok-logistic" not in [r.id for r in p.related]


def test_a_stated_relation_alone_does_not_clear_the_floor():
    lonely = paper("almanac-x", "Gradient noise scale predicts batch size", "Batch parallelism of training.",
                   stated_related=("lion",))
    out = relate(CORPUS + (lonely,), k=2)
    assert DEFAULT_BLEND.stated < DEFAULT_BLEND.floor
    assert "lion" not in related_ids(out, "almanac-x") and "almanac-x" not in related_ids(out, "lion")


def test_a_stated_relation_lifts_a_similar_paper_and_says_so_both_ways():
    stated = paper("scaling-3", "Scaling laws for pass@k inference", "Scaling laws of coverage at inference.",
                   stated_related=("scaling-2",))
    out = relate(CORPUS + (stated,), k=3)
    for id, other in (("scaling-3", "scaling-2"), ("scaling-2", "scaling-3")):
        entry = next(r for r in by_id(out)[id].related if r.id == other)
        assert STATED_REASON in entry.reason


def test_papers_listed_under_one_headline_are_co_listed():
    headline = paper("headline", "Weekly digest", "Assorted.", stated_related=("scaling", "scaling-2"))
    out = relate(CORPUS + (headline,), k=3)
    entry = next(r for r in by_id(out)["scaling"].related if r.id == "scaling-2")
    assert COLISTED_REASON in entry.reason and STATED_REASON not in entry.reason


def test_stated_relation_through_an_alias_resolves_to_the_current_id():
    pointer = paper("almanac-y", "Unrelated headline", "Nothing in common here.", stated_related=("lion-v1",))
    moved = paper("lion", DETECTION.title, DETECTION.abstract, aliases=("lion-v1",))
    out = relate((GROKKING, GROKKING_2, moved, pointer), k=3, blend=Blend(floor=0.0))
    assert related_ids(out, "almanac-y")[0] == "lion"
    assert STATED_REASON in by_id(out)["almanac-y"].related[0].reason


def test_every_reason_is_present_and_readable():
    for p in relate(CORPUS, k=8):
        for r in p.related:
            assert r.reason and not r.reason.startswith(" ") and "  " not in r.reason


def test_shared_term_reasons_name_terms_both_papers_contain():
    out = relate(CORPUS, k=8)
    words = {p.id: set(similarity.WORD.findall(paper_text(p).lower())) for p in CORPUS}
    seen = 0
    for p in out:
        for r in p.related:
            match = re.search(r"shared terms: ([^·]+)", r.reason)
            if match:
                seen += 1
                for term in match.group(1).strip().split(", "):
                    for word in term.split():
                        assert word in words[p.id] and word in words[r.id], (p.id, r.id, term)
    assert seen


def test_a_phrase_is_named_rather_than_its_words():
    out = relate(CORPUS, k=1)
    reason = by_id(out)["scaling"].related[0].reason
    assert "scaling laws" in reason and "shared terms: scaling," not in reason


FILLERS = tuple(paper(f"f{i}", f"Filler {w} topic", f"Filler text on {w} and more {w}.", tags=("t9",))
                for i, w in enumerate("red green blue cyan teal plum gold jade ruby onyx".split()))


def test_topics_name_their_titles_and_break_ties():
    a = paper("a", "Alpha beta gamma", "Alpha beta gamma delta.", tags=("t1", "t2"))
    b = paper("b", "Alpha beta gamma", "Alpha beta gamma delta.", tags=("t1",))
    c = paper("c", "Alpha beta gamma", "Alpha beta gamma delta.", tags=("t9",))
    out = relate((a, b, c) + FILLERS, k=2, topic_titles={"t1": "Grokking"})
    first = by_id(out)["a"].related[0]
    assert first.id == "b" and "both in: Grokking" in first.reason and " · " in first.reason


def test_a_topic_most_papers_hold_is_not_a_reason_and_the_most_specific_is_named():
    child = dict(topic_titles={"broad": "Machine learning", "child": "Grokking"})
    a = paper("a", "Alpha beta gamma", "Alpha beta gamma delta.", tags=("broad", "child"))
    b = paper("b", "Alpha beta gamma", "Alpha beta gamma delta.", tags=("broad", "child"))
    fillers = tuple(replace(f, tags=("broad",)) for f in FILLERS)
    out = relate((a, b) + fillers, k=2, **child)
    reason = by_id(out)["a"].related[0].reason
    assert "both in: Grokking" in reason and "Machine learning" not in reason
    fillers_only = by_id(out)["f0"].related
    assert all("both in" not in r.reason for r in fillers_only)


def test_same_input_gives_the_same_lists():
    assert relate(CORPUS, k=3) == relate(CORPUS, k=3)
    assert relate(tuple(reversed(CORPUS)), k=3) == tuple(reversed(relate(CORPUS, k=3)))


def test_ties_are_broken_by_id():
    twins = [paper(id, "Same words here", "Exactly the same abstract text.") for id in ("b", "c", "a", "d")]
    out = relate(twins, k=3)
    assert related_ids(out, "d") == ["a", "b", "c"]


@pytest.mark.parametrize("k", [0, 1, 2])
def test_k_is_respected(k):
    out = relate(CORPUS, k=k)
    assert all(len(p.related) <= k for p in out)
    assert max(len(p.related) for p in out) == k


def test_papers_without_text_are_kept_with_no_related():
    empty = (paper("no-text"), paper("only-title", title="Grokking"), paper("none", title="", abstract=None))
    out = relate(CORPUS + empty, k=3)
    assert len(out) == len(CORPUS) + 3
    assert by_id(out)["no-text"].related == ()
    assert all("no-text" not in [r.id for r in p.related] for p in out)


def test_tiny_and_wordless_corpora():
    assert relate((), k=3) == ()
    assert relate((GROKKING,), k=3)[0].related == ()
    out = relate((paper("x", "The of and"), paper("y", "is it")), k=3)
    assert all(p.related == () for p in out)


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="backend"):
        relate(CORPUS, backend="magic")


def test_blocked_search_finds_planted_neighbours():
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((40, 16))
    vectors = np.repeat(centres, 25, axis=0) + 0.01 * rng.standard_normal((1000, 16))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    rows, cols = similarity.blocked_candidates(vectors, 5)
    assert not np.any(rows == cols)
    assert np.mean(rows // 25 == cols // 25) > 0.95


def test_the_approximate_path_agrees_on_a_small_corpus(monkeypatch):
    exact = relate(CORPUS, k=2)
    monkeypatch.setattr(similarity, "EXACT_LIMIT", 0)  # force SVD + blocked search
    assert [related_ids(relate(CORPUS, k=2), p.id)[0] for p in CORPUS] == [related_ids(exact, p.id)[0] for p in CORPUS]


def test_lists_do_not_change_with_the_number_of_threads(monkeypatch):
    """The approximate search's SVD and k-means run on BLAS and OpenMP, whose results
    shift with the thread count: 5,000 papers gave 37 different lists on two threads than
    on one, so a page changed with the machine that built it."""
    from threadpoolctl import threadpool_info, threadpool_limits
    monkeypatch.setattr(similarity, "EXACT_LIMIT", 0)  # force SVD + blocked search
    rng = np.random.default_rng(3)
    words = np.array([f"w{i}" for i in range(2000)])
    papers = [paper(f"p{i}", " ".join(rng.choice(words, 6)), " ".join(rng.choice(words, 60))) for i in range(5000)]
    threads_seen = []

    def candidates(*args, real=similarity.candidates):
        threads_seen.extend(pool["num_threads"] for pool in threadpool_info())
        return real(*args)
    monkeypatch.setattr(similarity, "candidates", candidates)
    with threadpool_limits(limits=2):
        on_two = relate(papers, k=5)
    assert threads_seen and set(threads_seen) == {1}  # also where there is one core, and 2 gives 1 anyway
    with threadpool_limits(limits=1):
        on_one = relate(papers, k=5)
    assert on_two == on_one


@pytest.mark.parametrize("text, expected", [
    ("Grokking in linear networks", ["grokking", "linear", "networks", "linear networks"]),
    ("the implicit bias of the logistic loss", ["implicit", "bias", "logistic", "loss", "implicit bias", "logistic loss"]),
    ("In 2024 we trained 7B models", ["trained", "models", "trained models"]),
    ("Code: https://github.com/x/y and more", ["code"]),
    ("Code at WWW.example.org/code", ["code"]),
    ("A new arXiv preprint", []),
])
def test_terms_of_a_text(text, expected):
    assert similarity.phrases(text) == expected


def test_the_corpus_counting_makes_the_rows_of_scikit_learns_vectorizer_over_phrases():
    # similarity.count_terms counts a corpus in arrays; scikit-learn's own vectorizer, given
    # `phrases` as its analyzer, is the reference for what the rows must be.
    from sklearn.feature_extraction.text import TfidfVectorizer

    seeds = [paper_text(p) for p in load_papers(ROOT / "seeds")]
    texts = [*seeds, "", "A new arXiv preprint", "Code: https://github.com/x/y and more", "LoRA für Größe, naïve b200",
             "the implicit bias of the logistic loss", "implicit bias; logistic loss"]
    reference = TfidfVectorizer(analyzer=similarity.phrases, min_df=2, max_df=similarity.MAX_DF,
                                sublinear_tf=True, dtype=np.float32)
    expected = reference.fit_transform(texts)
    model, matrix, terms = similarity.fitted_tfidf(texts)
    assert list(terms) == list(reference.get_feature_names_out())
    assert "implicit bias" in terms and "bias logistic" not in terms
    assert abs(matrix - expected).max() == 0
    assert abs(model.transform(texts[-3:]) - expected[-3:]).max() == 0  # rows for texts added under serve


def test_no_shared_term_gives_no_model():
    model, matrix, terms = similarity.fitted_tfidf(["grokking", "scaling", ""])
    assert model is None and matrix.shape == (3, 0) and not len(terms)


REASON_TERMS_CASES = [  # a pair's ranked terms -> the terms its reason names
    (["grokking", "logistic loss", "implicit bias", "linear"], ["grokking", "logistic loss", "implicit bias"]),
    (["scaling", "laws", "scaling laws"], ["scaling laws"]),  # words give way to the phrase...
    (["loss", "grokking", "logistic loss"], ["logistic loss", "grokking"]),  # ... ranked below them too
    (["scaling laws", "power law", "scaling", "law", "power"], ["scaling laws", "power law"]),
    (["a b", "b c", "b", "c", "a"], ["a b", "b c"]),  # a phrase with one new word is named
    (["x", "y", "x y", "z"], ["x y", "z"]),
    ([], []),
]


def test_reason_terms_prefer_phrases_and_skip_named_words():
    terms = np.array(sorted({t for ranked, _ in REASON_TERMS_CASES for t in ranked}), dtype=object)
    column = {t: j for j, t in enumerate(terms)}
    top = np.array([[column[t] for t in ranked] + [-1] * (6 - len(ranked)) for ranked, _ in REASON_TERMS_CASES])
    chosen = related._reason_terms(top, terms)  # every case at once: the work is vectorised over pairs
    assert [[terms[t] for t in row if t >= 0] for row in chosen] == [expected for _, expected in REASON_TERMS_CASES]


@pytest.mark.parametrize("terms", [
    ["grokking", "lora", "scaling"],  # words only
    ["lora rank", "scaling laws", "weight decay"],  # phrases only: no empty second word
    ["laws", "lora", "scaling", "scaling laws", "weight decay"],  # both
])
def test_term_words_give_equal_ids_to_equal_words(terms):
    """_term_words numbers the words of the terms used, as a Python loop over them would
    (ids may differ; which words are equal, and the -1 of a word's missing second, may not)."""
    terms = np.array(terms, dtype=object)
    top = np.array([[0, 1, -1], [len(terms) - 1, 0, 2], [-1, -1, -1]])
    words = related._term_words(top, terms)
    spelled = {int(i): w for t, ids in zip(top.ravel(), words.reshape(-1, 2)) if t >= 0
               for i, w in zip(ids, terms[t].split() + [None])}
    assert len(set(spelled.values())) == len(spelled)  # one id a word, one word an id
    for t, ids in zip(top.ravel(), words.reshape(-1, 2)):
        expected = terms[t].split() if t >= 0 else []
        assert [spelled.get(int(i)) for i in ids if i >= 0] == expected


def test_pair_scores_and_terms_are_the_same_both_ways():
    matrix, _ = similarity.tfidf([paper_text(p) for p in CORPUS])
    rows, cols = np.array([0, 1, 2, 3, 0]), np.array([1, 0, 3, 2, 4])
    scores, top = similarity.pair_scores(matrix, rows, cols), similarity.pair_terms(matrix, rows, cols)
    assert np.allclose(scores, (matrix[rows].multiply(matrix[cols])).sum(axis=1).A.ravel())
    assert scores[0] == scores[1] and scores[2] == scores[3] and (top[0] == top[1]).all()


def test_expansion_lets_two_papers_meet_through_the_papers_around_them():
    # a and b share no word; each shares words with c and d, their nearest rows
    texts = ["alpha beta gamma delta", "epsilon zeta eta theta",
             "alpha beta epsilon zeta", "gamma delta eta theta", "omega sigma tau upsilon", "omega sigma"]
    matrix = similarity.tfidf(texts)[0]
    rows, cols = similarity.exact_candidates(matrix, 4)
    scores = similarity.pair_scores(matrix, rows, cols)
    expanded = similarity.expanded_rows(matrix, rows, cols, scores, np.arange(len(texts)), 3, 1.0)
    assert (matrix[0] @ matrix[1].T).toarray()[0, 0] == 0
    assert (expanded[0] @ expanded[1].T).toarray()[0, 0] > 0.2
    # rows expand as they would in a full computation, whichever rows are asked for
    some = similarity.expanded_rows(matrix, rows, cols, scores, np.array([0, 1]), 3, 1.0)
    assert np.allclose(some[[0, 1]].toarray(), expanded[[0, 1]].toarray())
    assert some[2:].nnz == 0


def test_the_floor_reads_the_literal_text_score_and_the_rank_the_expanded_one():
    """With and without the expansion, the same papers pass the floor (it reads the
    literal text score), and the expansion reorders some lists: on the seed papers."""
    papers = tuple(load_papers(ROOT / "seeds"))
    k = 8

    def lists(blend):
        features = related.fit(papers, related.text_tfidf(papers), None, blend)
        rows, cols = related.text_candidates(features.matrix, None, len(papers) - 1)  # every pair a candidate
        return [[r.id for r in entries] for entries in related.related_lists(papers, features, rows, cols, len(papers), None, blend)]

    expanded, literal = lists(DEFAULT_BLEND), lists(replace(DEFAULT_BLEND, expansion=0.0))
    assert [sorted(ids) for ids in expanded] == [sorted(ids) for ids in literal]
    assert [ids[:k] for ids in expanded] != [ids[:k] for ids in literal]
