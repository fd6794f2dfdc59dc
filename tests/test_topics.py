"""Topics: phrase rules, the vocabulary's validation, tagging of the sample seeds, topic pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from paperfold.build import collect
from paperfold.papers.curate import TopicEdit
from paperfold.model import Origin, Paper
from paperfold.site.render import front_matter
from paperfold.site.templating import make_env
from paperfold.site.topic_pages import TOPIC_PAGE_LIMIT, render_topics
from paperfold.enrich.topic_rules import phrase_pattern
from paperfold.enrich.topics import assign_topics, papers_by_topic
from paperfold.enrich.vocabulary import UNSORTED, load_vocabulary, parse_vocabulary

ROOT = Path(__file__).resolve().parent.parent
MAX_SHARE = 0.40

# [phrase, text, matches?]
PHRASE_CASES = [
    ("scaling law", "Scaling Laws for Neural Language Models", True),
    ("scaling law", "a scaling-law fit", True),
    ("scaling law", "scaling  laws", True),
    ("scaling law", "rescaling laws", False),
    ("scaling", "rescaling the weights", False),
    ("scaling", "upscaling", False),
    ("scaling", "scalings", True),
    ("in-context learning", "in context learning", True),
    ("in-context learning", "In-Context Learning emerges", True),
    ("state space model", "state-space models", True),
    ("theory", "learning theories", True),
    ("bias", "implicit biases", True),
    ("grok", "models grok late", True),
    ("grok", "grokking", False),
    ("SGD", "SGD noise", True),
    ("SGD", "sgd", False),  # acronyms match case-sensitively
    ("LLM", "LLMs can", True),
    ("RL", "URL of the code", False),
    ("RL", "RL-based fine-tuning", True),
    ("mixup", "Mixup-style augmentation", True),
    ("neural tangent kernel", "neural-tangent-kernel regime", True),
]


@pytest.mark.parametrize("phrase, text, expected", PHRASE_CASES)
def test_phrase_rules(phrase, text, expected):
    assert bool(phrase_pattern(phrase).search(text)) is expected


@pytest.fixture(scope="module")
def vocabulary():
    vocabulary, problems = load_vocabulary(ROOT / "topics.yml", "topics.yml")
    assert problems == ()
    return vocabulary


@pytest.fixture(scope="module")
def tagged(vocabulary):
    papers, problems = assign_topics(collect(ROOT / "seeds").papers, vocabulary)
    assert problems == ()
    return papers


def test_default_vocabulary_is_a_shallow_hierarchy(vocabulary):
    assert 12 <= len(vocabulary.topics) <= 25
    for topic in vocabulary.topics:
        depth, parent = 0, topic.parent
        while parent:
            depth, parent = depth + 1, vocabulary.get(parent).parent
        assert depth <= 2, topic.id


def test_no_topic_holds_more_than_40_percent_of_the_sample(tagged, vocabulary):
    grouped = papers_by_topic(tagged)
    shares = {t: len(grouped.get(t, [])) / len(tagged) for t in vocabulary.ids}
    assert max(shares.values()) <= MAX_SHARE, shares


def test_tags_are_known_ranked_and_capped(tagged, vocabulary):
    assert all(set(p.tags) <= set(vocabulary.ids) and len(p.tags) <= 4 for p in tagged)
    assert sum(1 for p in tagged if p.tags) >= 0.8 * len(tagged)
    grokking = next(p for p in tagged if p.label.startswith("Deep Networks Always Grok"))
    assert grokking.tags[0] == "grokking"  # a title hit outranks abstract hits


def test_every_sample_paper_is_on_a_topic_page_or_the_unsorted_page(tagged, vocabulary):
    pages = render_topics(make_env(), tagged, vocabulary, "Paperfold", None, "2026-11-23", front_matter)
    for paper in tagged:
        homes = [f"topics/{t}.md" for t in paper.tags] or [f"topics/{UNSORTED}.md"]
        for home in homes:
            assert f"../../papers/{paper.id}/" in pages[home], (paper.id, home)


def test_a_long_topic_listing_is_capped_with_a_note(vocabulary):
    base = collect(ROOT / "seeds").papers[0]
    many = [replace(base, id=f"p{i:04d}", date=f"20{10 + i % 15}-01-01", tags=("grokking",))
            for i in range(TOPIC_PAGE_LIMIT + 30)]
    page = render_topics(make_env(), many, vocabulary, "P", None, "2026-01-01", front_matter)["topics/grokking.md"]
    assert page.count('<a href="../../papers/') == TOPIC_PAGE_LIMIT
    assert f"Showing the newest {TOPIC_PAGE_LIMIT} of {TOPIC_PAGE_LIMIT + 30} papers" in page


def test_overview_chart_has_a_text_alternative_and_the_numbers_in_a_table(tagged, vocabulary):
    page = render_topics(make_env(), tagged, vocabulary, "P", None, "2026-11-23", front_matter)["topics.md"]
    grouped = papers_by_topic(tagged)
    assert 'role="img"' in page and "<title" in page and "<desc" in page
    count = len(grouped["scaling-laws"])
    assert f"Scaling laws: {count}" in page  # in the SVG's description
    assert f"[Scaling laws](topics/scaling-laws.md) | {count} |" in page  # and in the table


# --- Overrides (curation's boundary) ---------------------------------------

def _paper(vocabulary, **fields) -> Paper:
    paper = collect(ROOT / "seeds").papers[0]
    return replace(paper, **fields)


def test_overrides_replace_tags_resolve_aliases_and_reject_unknown_tags(vocabulary):
    paper = _paper(vocabulary)
    papers, problems = assign_topics(
        [paper], vocabulary,
        overrides={paper.id: ["rl", "no-such-topic"], "missing-paper": ["grokking"]},
        override_origins={paper.id: Origin("curation/papers/x.yml", 4)},
    )
    assert papers[0].tags == ("reinforcement-learning",)
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and "no-such-topic" in errors[0].message
    assert str(errors[0].origin) == "curation/papers/x.yml:4"
    assert any(p.severity == "warning" and "missing-paper" in p.message for p in problems)


def test_a_curation_edit_adds_and_removes_over_the_automatic_tags(vocabulary):
    paper = _paper(vocabulary)
    automatic, _ = assign_topics([paper], vocabulary)
    removed = automatic[0].tags[0]
    edited, problems = assign_topics([paper], vocabulary,
                                     overrides={paper.id: TopicEdit(add=("vision",), remove=(removed,))})
    assert problems == ()
    assert "vision" in edited[0].tags and removed not in edited[0].tags


# --- Vocabulary validation ---------------------------------------------------

BAD_VOCABULARY = """\
topics:
  - id: theory
    title: Theory
    description: Things.
    match: [theory]
  - id: child
    title: Child
    description: A child.
    parent: nowhere
    colour: red
    match: [child]
  - id: theory
    title: Theory again
    description: Duplicate.
    match: [x]
  - id: notitle
    description: No title.
    match: [y]
  - id: a
    title: A
    description: Cycle one.
    parent: b
    match: [a]
  - id: b
    title: B
    description: Cycle two.
    parent: a
    match: [b]
"""


def test_vocabulary_problems_carry_file_and_line():
    vocabulary, problems = parse_vocabulary(BAD_VOCABULARY, "topics.yml")
    found = {(p.origin.line, key) for p in problems
             for key in ("unknown parent", "unknown key 'colour'", "already used", "missing 'title'", "parent cycle")
             if key in p.message}
    assert (6, "unknown parent") in found
    assert (10, "unknown key 'colour'") in found
    assert (12, "already used") in found
    assert (16, "missing 'title'") in found
    assert (19, "parent cycle") in found and (24, "parent cycle") in found
    assert all(p.origin.path == "topics.yml" and p.severity == "error" for p in problems)
    assert [t.id for t in vocabulary.topics] == ["theory", "child", "a", "b"]
    assert all(t.parent is None for t in vocabulary.topics)  # bad parents dropped so pages never loop


@pytest.mark.parametrize("text, line, words", [
    ("topics:\n  - id: a\n    title: [unclosed\n", 4, "YAML syntax error"),
    ("topics:\n  - id: a\n\ttitle: tab\n", 3, "YAML syntax error"),
    ("topic:\n  - id: a\n", 1, "unknown key 'topic'"),
    ("topics:\n  - id: a\n    title: A\n", 2, "missing 'description'"),
    ("topics:\n  - id: Bad Id\n    title: A\n    description: d\n", 2, "lowercase words"),
    ("topics:\n  - id: a\n    title: A\n    description: d\n    match: one phrase\n", 5, "list of phrases"),
])
def test_each_kind_of_vocabulary_problem(text, line, words):
    _, problems = parse_vocabulary(text, "t.yml")
    assert any(p.origin.line == line and words in p.message for p in problems), problems


def test_a_missing_vocabulary_file_is_a_problem_not_a_crash(tmp_path):
    vocabulary, problems = load_vocabulary(tmp_path / "topics.yml", "topics.yml")
    assert vocabulary.topics == () and "cannot read" in problems[0].message
