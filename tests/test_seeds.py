"""The five sample dumps, end to end through reading and merging.

Expectations were counted by hand from the files in seeds/ (e.g. 003 has 45
abstracts, 43 "·" meta blocks: 42 authors lines and one organisation line).
The seeds are committed, so their capture date is their commit date.
"""

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from paperfold.build import collect
from paperfold.ingest.normalize import resolve_date

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def report():
    return collect(SEEDS)


@pytest.fixture(scope="module")
def by_label(report):
    return {p.label: p for p in report.papers}


@pytest.fixture(scope="module")
def captured(report):
    return {d.path.split("/")[-1][:3]: date.fromisoformat(d.capture_date) for d in report.dumps}


def test_every_dump_read_with_its_kind(report):
    kinds = {d.path.split("/")[-1][:3]: d.kinds for d in report.dumps}
    assert kinds == {"000": ("almanac",), "001": ("almanac",), "002": ("arxiv_abstracts",),
                     "003": ("hf_daily",), "004": ("hf_daily",)}
    assert all(d.capture_date_source == "git commit" for d in report.dumps)


def test_record_and_paper_counts(report):
    per_file = Counter(r.origin.path.split("/")[-1][:3] for p in report.papers for r in p.sources)
    assert per_file == {"000": 9, "001": 9, "002": 10, "003": 45, "004": 32}
    assert len(report.papers) == 105 - 4  # four papers appear twice
    assert report.error_count == 0


def test_duplicates_across_dumps_are_merged(by_label):
    twice = {
        "Large deviation analysis shows most interpolating classifiers share the same generalization performance": {"000", "001"},
        "Second-order path kernel interpolation formulas extend Domingos' gradient-descent characterization": {"000", "001"},
        "How AI Training Scales: Gradient Noise Scale Predicts Batch Parallelizability": {"000", "001"},
        "The Universality Lens: Why Even Highly Over-Parametrized Models Learn Well": {"003", "004"},
    }
    for label, files in twice.items():
        assert {r.origin.path.split("/")[-1][:3] for r in by_label[label].sources} == files


def test_hf_daily_fields(by_label, captured):
    page_date = date.fromisoformat(resolve_date("Apr 13", captured["003"]))
    first = by_label["Compositional Generalization Requires Linear, Orthogonal Representations in Vision Embedding Models"]
    assert (first.author_count, first.upvotes, first.date_text) == (3, 3, "Feb 27")
    assert first.date == resolve_date("Feb 27", page_date)
    assert "https://github.com/oshapio/necessary-compositionality" in first.links

    grasp = by_label["Learning to Grasp Anything by Playing with Random Toys"]
    assert (grasp.organisation, grasp.author_count, grasp.date, grasp.upvotes) == ("Berkeley UC Berkeley", None, "2025-10-14", 2)

    eeg = by_label["EEG Foundation Models: Progresses, Benchmarking, and Open Problems"]
    assert (eeg.date, eeg.author_count, eeg.upvotes) == (None, None, None)

    latex = by_label["Distinguishability and linear independence for $H$-chromatic symmetric functions"]
    assert (latex.author_count, latex.date) == (2, "2025-11-11")

    entropy = by_label["The Entropy Mechanism of Reinforcement Learning for Reasoning Language Models"]
    assert (entropy.date, entropy.upvotes) == ("2025-05-28", 4)


def test_almanac_fields_and_stated_relations(by_label, captured):
    kaplan = by_label["Scaling Laws for Neural Language Models"]
    assert kaplan.abstract_is_summary
    assert kaplan.date == resolve_date("1mo ago", captured["001"])
    record = kaplan.sources[0]
    assert (record.extras["source"], record.extras["importance"], record.date_text) == ("Openai Blog", 9, "1mo ago")

    headline = by_label["Theoretical analysis of generalization scaling laws in quadratic two-layer neural networks"]
    assert len(headline.stated_related) == 8
    assert kaplan.id in headline.stated_related and headline.id in kaplan.stated_related


def test_untitled_abstracts_get_a_label(report):
    untitled = [p for p in report.papers if p.title is None]
    assert len(untitled) == 10
    assert all(p.label.endswith("…") and p.abstract.startswith(p.label[:-1]) for p in untitled)
    assert all(r.kind == "arxiv_abstracts" for p in untitled for r in p.sources)


def test_ids_are_unique_and_stable(report):
    ids = [p.id for p in report.papers]
    assert len(set(ids)) == len(ids)
    assert [p.id for p in collect(SEEDS).papers] == ids
