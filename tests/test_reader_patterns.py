"""Tables of [input, expected] for the named patterns and scores of three readers:
arxiv_abstracts, labelled and bibtex."""

import pytest

from paperfold.ingest.readers import arxiv_abstracts, bibtex, labelled, labelled_lines

ABSTRACT_START = [
    ["Abstract:Logit regularization, the addition", "Logit regularization, the addition"],
    ["  Abstract: We study", "We study"],
    ["ABSTRACT: caps", "caps"],
    ["Abstract:", ""],
    ["The abstract: not a label", None],
]

LABELLED_CLASSIFY = [
    ["[1] arXiv:2604.12345 [pdf, html, other]", ("id", "2604.12345")],
    ["arXiv:2604.12345v2 (cs)", ("id", "2604.12345")],
    ["[3] arXiv:2603.09999 (cross-list from stat.ML) [pdf]", ("id", "2603.09999")],
    ["Title: A Title", ("field", ("title", "A Title"))],
    ["Authors:Alice Smith, Bob Jones", ("field", ("authors", "Alice Smith, Bob Jones"))],
    ["View PDF HTML (experimental)Abstract:We analyze", ("field", ("abstract", "We analyze"))],
    ["Cite as:\tarXiv:2604.12345 [cs.LG]", ("field", ("cite as", "arXiv:2604.12345 [cs.LG]"))],
    ["Journal-ref: JMLR 27 (2026)", ("field", ("journal-ref", "JMLR 27 (2026)"))],
    ["[Submitted on 3 Jun 2025 (v1), last revised 19 Mar 2026 (this version, v4)]", ("submitted", "3 Jun 2025")],
    ["[v1] Mon, 13 Apr 2026 17:59:59 UTC (1,234 KB)", ("first_version", "13 Apr 2026")],
    ["From: A. Smith [view email][v1] Mon, 13 Apr 2026 17:59:59 UTC", ("first_version", "13 Apr 2026")],
    ["[v2] Tue, 14 Apr 2026 10:00:00 UTC (1,240 KB)", ("chrome", None)],
    ["View a PDF of the paper titled X, by A and 1 other authors", ("chrome", None)],
    ["Submission history", ("chrome", None)],
    ["   ", ("blank", None)],
    ["Computer Science > Machine Learning", ("text", "Computer Science > Machine Learning")],
]

SUBJECT_TAIL = [
    ["  (math.OC)", True],
    ["Optimization and Control (math.OC);", True],
    ["High Energy Physics - Theory (hep-th)", True],
    ["cut training cost (ours). We", False],
    ["an abstract line without codes", False],
]

SPLIT_AUTHORS = [
    ["Alice Smith, Bob Jones, Carol White", ("Alice Smith", "Bob Jones", "Carol White")],
    ["Dana Lee and Evan Park", ("Dana Lee", "Evan Park")],
    ["Ada Lovelace, Alan Turing, and Grace Hopper", ("Ada Lovelace", "Alan Turing", "Grace Hopper")],
    ["Alice Smith (MIT, CSAIL), Bob Jones (1)", ("Alice Smith", "Bob Jones")],
    ["", ()],
]

PRIMARY_CATEGORY = [
    ["Machine Learning (cs.LG); Artificial Intelligence (cs.AI)", "cs.LG"],
    ["Fluid Dynamics (physics.flu-dyn)", "physics.flu-dyn"],
    ["Quantum Physics (quant-ph)", "quant-ph"],
    ["no code here", None],
]

BIBTEX_SCORE = [
    ["@article{a,\n title={x}}", 1.0],
    ["% exported\n\n  @InProceedings{b,\n}", 1.0],
    ["A note first\n@article{a,}\n@misc{b,}", 0.5],
    ["write to me @home{ now", 0.0],
    ["Abstract:pass@k{x}", 0.0],
]

PREPRINT_VENUE = [
    ["arXiv preprint arXiv:2001.08361", True],
    ["CoRR", True],
    ["ArXiv", True],
    ["Advances in Neural Information Processing Systems", False],
    ["Transactions on Machine Learning Research", False],
]

SCORES = [  # text, {reader: expected score}
    ["Abstract:One.\n\nAbstract:Two.", {"arxiv_abstracts": 0.9, "labelled": 0.0, "bibtex": 0.0}],
    ["Title: T\nAbstract: A", {"arxiv_abstracts": 0.1, "labelled": 0.6, "bibtex": 0.0}],
    ["[1] arXiv:2604.1 [pdf]\nTitle: T\nAuthors: A", {"arxiv_abstracts": 0.0, "labelled": 0.9}],
]


@pytest.mark.parametrize("line, expected", ABSTRACT_START)
def test_abstract_start(line, expected):
    match = arxiv_abstracts.ABSTRACT_START.match(line)
    assert (match["text"] if match else None) == expected


@pytest.mark.parametrize("line, expected", LABELLED_CLASSIFY)
def test_labelled_classify(line, expected):
    assert labelled_lines.classify(line) == expected


@pytest.mark.parametrize("line, expected", SUBJECT_TAIL)
def test_subject_tail(line, expected):
    assert bool(labelled_lines.SUBJECT_TAIL.search(line)) == expected


@pytest.mark.parametrize("text, expected", SPLIT_AUTHORS)
def test_split_authors(text, expected):
    assert labelled.split_authors(text) == expected


@pytest.mark.parametrize("text, expected", PRIMARY_CATEGORY)
def test_primary_category(text, expected):
    assert labelled.primary_category(text) == expected


@pytest.mark.parametrize("text, expected", BIBTEX_SCORE)
def test_bibtex_score(text, expected):
    assert bibtex.score(text) == expected


@pytest.mark.parametrize("text, expected", PREPRINT_VENUE)
def test_preprint_venue(text, expected):
    assert bool(bibtex.PREPRINT_VENUE.match(text)) == expected


@pytest.mark.parametrize("text, expected", SCORES)
def test_scores(text, expected):
    readers = {"arxiv_abstracts": arxiv_abstracts, "labelled": labelled, "bibtex": bibtex}
    assert {name: readers[name].score(text) for name in expected} == expected
