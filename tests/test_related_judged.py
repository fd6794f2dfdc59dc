"""Related papers on real inputs: the sample seeds and the judged sets in tests/data/."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from paperfold.build import load_papers
from paperfold.enrich import related, similarity
from paperfold.enrich.evidence import LISTING_MIN, dump_of
from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "tests" / "bench"))
import bench_related_quality as bench  # noqa: E402

SHARED_TERMS = re.compile(r"shared terms: ([^·]+)")


@pytest.fixture(scope="module")
def seeds():
    papers, titles, _ = bench.tagged(load_papers(ROOT / "seeds"))
    return papers, titles, related.relate(papers, k=8, topic_titles=titles)


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    folder = tmp_path_factory.mktemp("speech")
    shutil.copy(ROOT / "tests" / "data" / "related_sets" / "speech.txt", folder)
    return related.relate(load_papers(folder), k=8)


def named_terms(reason: str) -> list[str]:
    match = SHARED_TERMS.search(reason)
    return [t.strip() for t in match.group(1).split(",")] if match else []


def test_a_listing_query_word_never_becomes_a_reason(seeds):
    papers, _, out = seeds
    dumps = Counter(dump_of(p) for p in papers)
    listing_words = {}
    for dump, size in dumps.items():
        if size >= LISTING_MIN:
            words = Counter(w for p in papers if dump_of(p) == dump
                            for w in set(similarity.phrases(related.paper_text(p))))
            listing_words[dump] = {w for w, count in words.items() if count > size / 2}
    # seeds/003 is a search for "generalization linear": nearly every entry says both
    assert {"generalization", "linear"} <= set().union(*listing_words.values())
    checked = 0
    for p in out:
        for r in p.related:
            for term in named_terms(r.reason):
                checked += 1
                assert term not in listing_words.get(dump_of(p), set()), (p.label, term)
    assert checked > 100


def test_an_outlier_gets_fewer_than_k_and_nothing_is_padded(seeds):
    _, _, out = seeds
    chromatic = next(p for p in out if "chromatic symmetric" in (p.title or ""))
    assert len(chromatic.related) < 3
    assert sum(len(p.related) < 8 for p in out) > 0


def test_every_shown_pair_clears_the_floor(seeds):
    papers, titles, out = seeds
    blend = related.DEFAULT_BLEND
    index = {p.id: i for i, p in enumerate(papers)}
    pairs = np.array([(index[p.id], index[r.id]) for p in out for r in p.related])
    features = related.fit(papers, related.text_tfidf(papers), None, blend)
    parts = related.score_pairs(papers, features, pairs[:, 0], pairs[:, 1], blend)
    assert (parts["evidence"] >= blend.floor).all()
    # and some pairs the text search found were left out for being below it
    unfloored = related.relate(papers, k=8, topic_titles=titles, blend=related.Blend(floor=0.0))
    assert sum(map(len, (p.related for p in unfloored))) > len(pairs)


def test_expansion_reorders_but_the_floor_decides_how_many_an_outlier_shows(seeds):
    papers, titles, out = seeds
    judged = bench.Judged(papers, ROOT / "tests" / "data" / "related_blind_seeds.yml")
    unexpanded = related.relate(papers, k=8, topic_titles=titles, blend=replace(related.DEFAULT_BLEND, expansion=0.0))
    counts = {p.id: len(p.related) for p in out}
    before = {p.id: len(p.related) for p in unexpanded}
    assert [counts[i] for i in judged.outliers] == [before[i] for i in judged.outliers]
    assert any(counts[i] < 8 for i in judged.outliers)


def test_the_default_beats_text_alone_on_every_collected_set():
    for name in ("speech", "graphs", "mixed"):
        dump, judgements = bench.SETS[name]
        papers, titles, _ = bench.tagged(bench.load(dump))
        judged = bench.Judged(papers, judgements)
        default = judged.scores(related.relate(papers, k=8, topic_titles=titles))
        text_only = judged.scores(related.relate(bench.text_only(papers), k=8, blend=related.TEXT_ONLY))
        assert default["p@5"] > text_only["p@5"] and default["r@8"] > text_only["r@8"], name


def test_shared_authors_are_named(speech):
    first = next(p for p in speech if (p.title or "").startswith("Voice Conversion from Unaligned Corpora"))
    other = next(p for p in speech if (p.title or "").startswith("Voice Conversion from Non-parallel Corpora"))
    entry = next(r for r in first.related if r.id == other.id)
    assert "same authors: Chin-Cheng Hsu, Hsin-Te Hwang, Yi-Chiao Wu" in entry.reason


def test_the_default_beats_text_alone_on_the_blind_seed_judgements(seeds):
    papers, titles, out = seeds
    judged = bench.Judged(papers, ROOT / "tests" / "data" / "related_blind_seeds.yml")
    text_only = related.relate(bench.text_only(papers), k=8, blend=related.TEXT_ONLY)
    assert judged.scores(out)["p@5"] > judged.scores(text_only)["p@5"]
    assert judged.scores(out)["r@8"] > judged.scores(text_only)["r@8"]


def test_judgement_files_name_real_papers_and_cover_every_seed(seeds):
    papers, _, _ = seeds
    judged = bench.Judged(papers, ROOT / "tests" / "data" / "related_blind_seeds.yml")
    assert set().union(*judged.groups) == {p.id for p in papers}
    assert len(judged.anchors) >= 25 and all(3 <= len(w) <= 6 for w in judged.anchors.values())
    for name in ("speech", "graphs", "mixed"):
        dump, judgements = bench.SETS[name]
        assert bench.Judged(bench.load(dump), judgements).anchors
    assert sum(len(bench.load(bench.SETS[n][0])) for n in ("speech", "graphs")) >= 100
    mixed = bench.load(bench.SETS["mixed"][0])
    judged = bench.Judged(mixed, bench.SETS["mixed"][1])
    assert len(mixed) >= 100 and set().union(*judged.groups) == {p.id for p in mixed}
    assert len(judged.anchors) >= 25 and all(3 <= len(w) <= 6 for w in judged.anchors.values())


def test_export_of_a_set_is_not_part_of_the_sample_site():
    assert not any(Path(ROOT / "seeds").glob("*speech*")) and not any(Path(ROOT / "seeds").glob("*graphs*"))


def test_every_experiment_runs_and_leaves_the_shipped_stage_as_it_was(seeds):
    """The bench's experiments swap steps of related.py for a run: each gives lists of at
    most k other papers, and the shipped default gives its own lists again afterwards."""
    import related_experiments

    papers, titles, shipped = seeds
    for name in related_experiments.EXPERIMENTS:
        with related_experiments.applied(name):
            out = related.relate(papers, k=8, topic_titles=titles)
        assert all(len(p.related) <= 8 and p.id not in {r.id for r in p.related} for p in out), name
    assert related.relate(papers, k=8, topic_titles=titles) == shipped
