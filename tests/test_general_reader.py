"""The general reader's line patterns, its precision guard, and what its records become.

Pattern tables hold lines of the kinds the golden cases in tests/cases/general/
come from (each page there is a real page, copied as a browser copies it);
the shapes here are the recurring cues, one per row, with the near misses
that must not match.
"""

import shutil
from datetime import date
from pathlib import Path

import pytest

from paperfold.build import collect
from paperfold.ingest.detect import read_dump
from paperfold.ingest.names import family_names, labelled_names, names_line
from paperfold.ingest.paragraphs import Line
from paperfold.ingest.readers import general
from paperfold.ingest.readers.general_checks import ABSTRACT_VOICE
from paperfold.ingest.readers.general_flat import flat_head
from paperfold.ingest.readers.general_lines import classify
from paperfold.ingest.readers.general_pieces import logical_lines
from paperfold.ingest.readers.general_reading import Entry, set_title
from paperfold.ingest.readers.general_recognise import dated_line, facts
from paperfold.ingest.readers.general_titles import introduces_title, title_text
from paperfold.model import Dump, RawRecord, Origin
from paperfold.papers.identity import title_key
from paperfold.papers.merge import merge_records

CASES = Path(__file__).parent / "cases" / "general"


@pytest.mark.parametrize("line, kind", [
    ("Abstract", "abstract"),
    ("Abstract:We analyze logit regularizers", "abstract"),
    ("Abstract (excerpt):", "abstract"),
    ("ABSTRACT", "abstract"),
    ("Abstract algebra for beginners", "candidate"),  # a title that starts with the word
    ("Authors: Eric Nalisnick, Sachin Ravi", "authors"),
    ("Author(s): Ada Lovelace", "authors"),
    ("Authors", "authors"),
    ("References", "cited"),
    ("► References", "cited"),
    ("References (26)", "cited"),
    ("Cited by 12", "cited"),
    ("Related papers", "cited"),
    ("- 1 Citations", "chrome"),  # a counter, not a heading
    ("3k Downloads", "chrome"),
    ("2,387citations", "chrome"),
    ("h-index19", "chrome"),
    ("1/2", "chrome"),
    ("Skip to main content", "chrome"),
    ("Sign in", "chrome"),
    ("Download PDF", "chrome"),
    ("Get trending papers in your email inbox!", "chrome"),
    ("1. 📘 Topic and Domain: The paper presents Kimi K2.5", "chrome"),  # emoji: never an entry
    ("► BibTeX data", "chrome"),
    ("Search-R1: Training LLMs to Reason and Search", "candidate"),  # not the Search button
    ("Privacy-Preserving Federated Learning at Scale", "candidate"),
    ("1. Infinite Dimensional Word Embeddings", "numbered"),
    ("#1. Ideas Abandoned en Route to QBism", "numbered"),
    ("[3] Quantum Computing at the Frontiers of Biological Sciences", "numbered"),
    ("2021. The year in review", "text"),  # a year, not an entry number
    ("Ana Sabina Uban, Cornelia Caragea", "names"),
    ("Kyle Lo,Joseph Chee Chang,Andrew Head", "names"),
    ("Hong Yu 1, Shashank Agarwal 1, Nadya Frid 1", "names"),
    ("Sijia Liu · Pin-Yu Chen · Dongxiao Zhu", "names"),
    ("Kimi Team, Tongtong Bai, Yifan Bai et al.", "names"),
    ("• Marc A. Coram", "names"),
    ("Natural Language Processing, Computer Vision", "candidate"),  # topics, not people
    ("Lingying Wang, Menglin Tang", "names"),  # "-ing" ends many given names
    ("Machine Learning, Deep Learning", "candidate"),
    ("On Principles of Emergent Organization", "candidate"),
    ("Using Noun Phrases for Navigating Biomedical Literature on Pubmed: How Many Updates Are We Losing Track of?",
     "candidate"),  # a question is a title, not a sentence of prose
    ("Content vs. Form: What Drives the Writing Score Gap Across Socioeconomic Backgrounds? A Generated Panel Approach",
     "candidate"),
    ("Here are the most significant machine learning papers from the third quarter of 2017:", "text"),
    ("We describe a method for learning word embeddings with stochastic dimensionality over time.", "prose"),
    ("1Joint Center for Quantum Information and Computer Science, University of Maryland, MD 20742, USA",
     "affiliation"),
    ("{isabelc,kylel,armanc,danw}@allenai.org", "affiliation"),
    ("Coverage@Cost: Sampling Budgets for Reasoning Models", "candidate"),  # "@" without a domain
    ("TL;DR", "other_label"),
    ("Key Contributions:", "other_label"),
    ("Keywords", "other_label"),
    ("1 Model 2 Tasks", "candidate"),  # numbers in a title, not counters
    ("1 downloads 0 Views 1MB Size Report", "chrome"),  # a document host's counters
])
def test_line_kinds(line, kind):
    assert classify(line, previous="candidate").kind == kind


def test_names_count_only_where_authors_stand():
    assert classify("Blake C. Stacey", previous="numbered").kind == "names"
    assert classify("Blake C. Stacey", previous="facts").kind == "candidate"  # one name: right after a title
    assert classify("Ana Sabina Uban, Cornelia Caragea", previous="facts").kind == "names"
    assert classify("Academic Intelligence · Curated Daily", previous="blank").kind == "text"  # a tagline


@pytest.mark.parametrize("line, expected", [
    ("Published Nov 23, 2023 in cond-mat.stat-mech , cs.LG , nlin.CD , nlin.PS , and physics.ao-ph",
     ("Nov 23, 2023", "2023-11-23")),
    ("Published: | 2021-11-10, volume 5, page 574 |", ("2021-11-10", "2021-11-10")),
    ("Date posted to arXiv: 17 Nov 2015", ("17 Nov 2015", "2015-11-17")),
    ("Submitted: Apr 2026 | Updated: Apr 2026", ("Apr 2026", "2026-04")),
    ("Jan 06, 2026 · arXiv 2601.03194v1", ("Jan 06, 2026", "2026-01-06")),
    ("2021, ArXiv", ("2021", "2021")),
    ("2023-04-23", ("2023-04-23", "2023-04-23")),
    ("Research 01 March 2023 | Open Access", ("01 March 2023", "2023-03-01")),
    ("News & Views | 21 February 2023", ("21 February 2023", "2023-02-21")),
    ("2026-02-03 Papers", None),  # a page heading that starts with a date
    ("Top 5 Machine Learning Papers in Q3 2017", None),
    ("Published in final edited form as: J Biomed Inform. 2015 Sep 10;57:436–445.", None),
    (". Author manuscript; available in PMC: 2016 Oct 1.", None),
])
def test_date_lines(line, expected):
    assert dated_line(line) == expected


@pytest.mark.parametrize("line, arxiv_id, doi", [
    ("(2311.13749)", "2311.13749", None),
    ("Eprint: | arXiv:2002.07868v2 |", "2002.07868", None),
    ("Link: http://arxiv.org/pdf/2602.02276", "2602.02276", None),
    ("Jan 06, 2026 · arXiv 2601.03194v1", "2601.03194", None),
    ("arXiv:hep-th/9901001v3", "hep-th/9901001", None),
    ("Doi: | https://doi.org/10.22331/q-2021-11-10-574 |", None, "10.22331/q-2021-11-10-574"),
    ("DOI 10.1000/xyz123.", None, "10.1000/xyz123"),
])
def test_id_lines(line, arxiv_id, doi):
    cue = facts(line)
    assert (cue.arxiv_id, cue.doi) == (arxiv_id, doi)


def test_an_id_in_running_text_is_not_the_entry_s_id():
    line = "Our method extends arXiv:2011.06063 to the multilingual setting and improves it on twelve benchmarks."
    assert facts(line) is None


@pytest.mark.parametrize("line, names, count", [
    ("Alice Smith, Bob Jones +3 more", ("Alice Smith", "Bob Jones"), 5),
    ("Kimi Team, Tongtong Bai, Yifan Bai et al.", ("Kimi Team", "Tongtong Bai", "Yifan Bai"), None),
    ("Duy Duc An Bui 1,2, Siddhartha Jonnalagadda 2, Guilherme Del Fiol 1",
     ("Duy Duc An Bui", "Siddhartha Jonnalagadda", "Guilherme Del Fiol"), 3),
    ("Madeleine van Zuylen, Lucy Lu Wang and Christopher Wilhelm",
     ("Madeleine van Zuylen", "Lucy Lu Wang", "Christopher Wilhelm"), 3),
    ("- , Menglin Tang", ("Menglin Tang",), 1),
])
def test_names_lines(line, names, count):
    found = names_line(line, alone=True)
    assert (found.names, found.count) == (names, count)


def read(text: str, name: str = "page.txt"):
    return read_dump(Dump(name, text, date(2026, 11, 23), "test"))


def test_a_title_alone_is_reported_not_invented():
    result, kinds = read("1. A Title With Nothing Else\n2. Another Title\nAuthors: Ada Lovelace\n")
    assert kinds == ["general"]
    assert [r.title for r in result.records] == ["Another Title"]
    assert [(s.origin.line, "A Title With Nothing Else" in s.message) for s in result.skipped] == [(1, True)]


def test_an_abstract_alone_needs_twenty_words_and_an_id():
    prose = "This is running text of enough words to count as prose on any page, not a title."
    for id_line, count, papers in (("arXiv:2401.00001\n", 19, 0), ("arXiv:2401.00001\n", 20, 1), ("", 20, 0)):
        page = f"{prose}\n{id_line}Abstract: {' '.join(['word'] * count)}\n"
        result = general.read(Dump("page.txt", page, date(2026, 11, 23), "test"))
        assert len(result.records) == papers
        assert general.score(page) == (general.SCORE if papers else 0.0)
        if not papers:  # refused, and reported with its line
            assert [s.origin.line for s in result.skipped] == [2]
            assert "without a title" in result.skipped[0].message


def test_abstracts_whose_titles_the_copy_lost_are_reported_not_invented():
    """A tag manager's page shows the authors where each title was: an abstract without a
    title or an id names no paper the site could show or merge, so both are refused, each
    with its line, and the page with nothing else on it is reported whole."""
    page = ("arXiv Troller\n\nDelete Tag?\n\nAre you sure you want to delete \"\"? This action cannot be undone.\n\n"
            "S. A. Desimone, L. Alonso Alemany\nAuthors: S. A. Desimone, L. Alonso Alemany\n"
            "Submitted: Apr 2026 | Updated: Apr 2026\n"
            "We present a methodological framework to discover linguistic and discursive patterns associated "
            "to different social groups through contrastive synthetic text generation and statistical analysis.\n"
            "Cai Parry-Jones\nAuthors: Cai Parry-Jones\nSubmitted: Apr 2026 | Updated: Apr 2026\n"
            "Wales' political landscape has been marked by growing accusations of bias in Welsh media. This "
            "paper takes the first computational step toward testing those claims by examining a news outlet.\n")
    dump = Dump("troller.txt", page, date(2026, 11, 23), "test")
    assert general.read(dump).records == ()
    assert [(s.origin.line, "without a title" in s.message) for s in general.read(dump).skipped] == [
        (7, True), (11, True)]
    result, kinds = read_dump(dump)
    assert kinds == [] and result.records == ()
    assert [(p.origin.line, "no reader recognises" in p.message) for p in result.problems] == [(1, True)]


def test_an_untitled_block_of_names_is_reported_beside_a_titled_entry():
    """An untitled entry without an abstract repeats no titled entry's abstract: it is reported."""
    page = ("Attention Is All You Need For Testing\nAuthors: Alice Smith, Bob Jones\narXiv:1706.03762\n\n"
            "Authors: Carol White, Dan Brown\nPublished: 2023-01-01\n")
    result = general.read(Dump("page.txt", page, date(2026, 11, 23), "test"))
    assert [r.title for r in result.records] == ["Attention Is All You Need For Testing"]
    assert [(s.origin.line, "without a title" in s.message) for s in result.skipped] == [(5, True)]


def test_a_title_cut_off_at_a_joining_word_is_reported_not_invented():
    page = ("Citation Networks as a Multi-layer Graph: Link Prediction and\n"
            "Abstract: In academia, to represent the relationships between researchers or papers, the traditional "
            "way is to analyze the citation network constructed by paper citation relationships.\n")
    result = general.read(Dump("host.txt", page, date(2026, 11, 23), "test"))
    assert result.records == ()
    assert [(s.origin.line, "cut off at 'and'" in s.message) for s in result.skipped] == [(1, True)]


def test_talks_under_an_invited_talks_heading_are_reported_at_their_abstracts():
    page = ("09:30  Learning Sequences of Controllers for Complex Manipulation Tasks Jaeyong Sung, Bart Selman\n"
            "Invited talks abstracts\n"
            "John Langford: Imperative Learning\n"
            "Abstract: Machine learning is often applied deep in the bowels of a process, where a complex decision "
            "process requires multiple predictions and each one must be learned from the outcomes it leads to.\n")
    result, kinds = read_dump(Dump("programme.txt", page, date(2026, 11, 23), "test"))
    assert kinds == ["general"]
    assert [r.title for r in result.records] == ["Learning Sequences of Controllers for Complex Manipulation Tasks"]
    assert result.records[0].abstract is None
    assert [(s.origin.line, s.message.split(" ")[0]) for s in result.skipped] == [(2, "2"), (4, "an")]


def test_chrome_is_never_a_title():
    page = "Sign in\nDownload PDF\n- 12 Citations\nAuthors: Ada Lovelace, Alan Turing\nAbstract: We study things.\n"
    result, _ = read(page)
    assert [(r.title, r.authors) for r in result.records] in ([], [(None, ("Ada Lovelace", "Alan Turing"))])
    assert all(r.title is None for r in result.records)


def test_dedicated_readers_keep_their_pages():
    labelled = (CASES.parent / "labelled" / "abstract_page_with_submitted_date.txt").read_text()
    assert read(labelled)[1] == ["labelled"]


def test_latex_and_unicode_titles_share_a_key():
    assert title_key(r"$\pi_0$: A Vision-Language-Action Flow Model") == title_key("π₀: A Vision-Language-Action Flow Model")
    assert title_key(r"Scaling $x^{2}$ and $k^{-\beta}$") == title_key("Scaling x² and k⁻ᵝ")
    assert title_key("H$_2$O splitting") == title_key("H₂O splitting")
    assert title_key("Pi 0 models") != title_key("Pi0 models")  # spaces the page wrote still count


def record(title: str, line: int, path: str = "a.txt", **fields) -> RawRecord:
    return RawRecord(Origin(path, line), "general", title=title, **fields)


def test_titles_with_math_in_latex_and_unicode_merge_into_one_paper():
    papers = merge_records([
        record(r"$\pi_0$: A Vision-Language-Action Flow Model for General Robot Control", 1, authors=("Kevin Black",)),
        record("π₀: A Vision-Language-Action Flow Model for General Robot Control", 1, "b.txt"),
    ])
    assert len(papers) == 1 and len(papers[0].sources) == 2


def copy_cases(tmp_path: Path, *names: str, times: int = 1) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(parents=True)
    for name in names:
        for copy in range(times):
            shutil.copy(CASES / f"{name}.txt", seeds / f"{copy}_{name}.txt")
    return seeds


def test_a_page_pasted_twice_merges_into_the_same_papers(tmp_path):
    once = collect(copy_cases(tmp_path / "once", "listing_with_date_and_versioned_id_line"))
    twice = collect(copy_cases(tmp_path / "twice", "listing_with_date_and_versioned_id_line", times=2))
    assert [p.id for p in twice.papers] == [p.id for p in once.papers]
    assert all(len(p.sources) == 2 for p in twice.papers)


def test_the_same_paper_from_two_sites_is_one_paper_with_both_sources(tmp_path):
    report = collect(copy_cases(tmp_path, "tldr_and_findings_before_abstract_label",
                                "year_venue_line_and_dash_references"))
    assert len(report.papers) == 1
    paper = report.papers[0]
    assert paper.title == "Generating Summaries for Scientific Paper Review"
    assert paper.authors == ("Ana Sabina Uban", "Cornelia Caragea") and paper.date == "2021"
    assert {s.origin.path.split("/")[-1] for s in paper.sources} == {
        "0_tldr_and_findings_before_abstract_label.txt", "0_year_venue_line_and_dash_references.txt"}


def test_every_general_record_is_a_paper_or_reported(tmp_path):
    names = [path.stem for path in sorted(CASES.glob("*.txt"))]
    report = collect(copy_cases(tmp_path, *names))
    sources = sum(len(p.sources) for p in report.papers)
    expected = sum(len(__import__("json").loads(CASES.joinpath(f"{n}.json").read_text())["records"]) for n in names)
    assert sources == expected
    skipped = [str(s) for s in report.skipped]
    assert any("0_listing_with_date_and_versioned_id_line.txt:35: warning: not a paper" in s for s in skipped)
    assert any("0_references_after_abstract_are_not_papers.txt:15" in s and "other work" in s for s in skipped)


def test_the_labelled_reader_reads_author_s_labels():
    from paperfold.ingest.readers.labelled_lines import classify as labelled_line
    assert labelled_line("Author(s): Ada Lovelace, Alan Turing") == ("field", ("authors", "Ada Lovelace, Alan Turing"))


@pytest.mark.parametrize("line, previous, kind", [
    ("1. Richard J Abdill", "candidate", "names"),  # a numbered author list under the title
    ("2. Another Title", "numbered", "numbered"),  # the next entry of a numbered list
    ("1. University of Minnesota, United States", "names", "affiliation"),
    ("• Submit", "blank", "text"),  # a menu item: the bullet is not a word
    ("Advanced Search", "candidate", "chrome"),
    ("• ALERTS / RSS", "blank", "chrome"),
])
def test_numbered_and_menu_lines(line, previous, kind):
    assert classify(line, previous).kind == kind


def test_names_lose_widgets_and_bracketed_affiliations():
    found = names_line("View ORCID ProfileRichard Sever, Linda Sussman, View ORCID ProfileJohn R. Inglis")
    assert found.names == ("Richard Sever", "Linda Sussman", "John R. Inglis")
    assert general.read(Dump("p.txt", "1. Language Models are Few-Shot Learners (2020)\nAuthors: Brown et al. (OpenAI)\n",
                             date(2026, 11, 23), "test")).records[0].authors == ("Brown",)


def test_digest_entries_with_quoted_titles_years_and_labelled_takeaways():
    page = ("1. “Attention is All You Need” - Vaswani et al. (2017)\n"
            "Significance: Revolutionary architecture that changed everything\n"
            "2. Deep Residual Learning for Image Recognition (2015)\n"
            "Authors: He et al.\n"
            "Takeaway: Introduces residual (skip) connections, enabling very deep networks to train effectively "
            "by learning residual functions, which became the standard backbone.\n")
    records = general.read(Dump("p.txt", page, date(2026, 11, 23), "test")).records
    assert [(r.title, r.authors, r.date, r.abstract) for r in records] == [
        ("Attention is All You Need", ("Vaswani",), "2017", None),
        ("Deep Residual Learning for Image Recognition", ("He",), "2015", None),  # a takeaway is no abstract
    ]


@pytest.mark.parametrize("line, previous, kind", [
    ("Get Started", "candidate", "candidate"),  # a button under a heading, not an author
    ("Cold Open", "candidate", "candidate"),
    ("David S. Hippocampus", "candidate", "names"),  # an initial: a person
    ("Anonymous Authors1", "candidate", "names"),  # an affiliation mark glued to the name
    ("Firstname1 Lastname1    Firstname2 Lastname2    Firstname3 Lastname3", "candidate", "names"),
    ("Kenneth Church Northeastern UniversitySan JoseCA k.church@northeastern.edu Omar Alonso AmazonPalo AltoCA "
     "omralon@amazon.com", "candidate", "affiliation"),  # names glued to affiliations and e-mail addresses
    ("• Published: May 4, 2026", "numbered", "facts"),
    ("  • Authors / Affiliation: Ala Falaki", "facts", "authors"),
])
def test_single_names_author_blocks_and_bulleted_labels(line, previous, kind):
    assert classify(line, previous).kind == kind


def test_a_title_wrapped_onto_two_lines_is_one_title():
    page = ("arXiv:2402.03181v3 [cs.AI] 03 Mar 2024\n\nSubmission and Formatting Instructions for\n"
            "International Conference on Machine Learning (ICML 2024)\n\nAbstract\n\n"
            "This document provides a basic paper template and submission guidelines for authors.\n")
    record, = general.read(Dump("p.txt", page, date(2026, 11, 23), "test")).records
    assert record.title == "Submission and Formatting Instructions for International Conference on Machine Learning (ICML 2024)"
    assert record.arxiv_id == "2402.03181" and record.origin.line == 1 and record.lines["title"] == 3


@pytest.mark.parametrize("line, previous, kind", [
    ("pith. machine review for the scientific record. sign in", "blank", "chrome"),  # a header with its button
    ("Scientometrics Aims and scope Submit manuscript", "text", "chrome"),
    ("· Lean Theorem", "candidate", "candidate"),  # a middle dot separates; it does not list names
    ("Similar content being viewed by others", "text", "cited"),
])
def test_headers_with_buttons_and_middle_dots(line, previous, kind):
    assert classify(line, previous).kind == kind


def test_a_labelled_date_among_dotted_parts():
    assert dated_line("arxiv: 2503.09567 · v5 · submitted 2025-03-12 · 💻 cs.AI · cs.CL") == ("2025-03-12", "2025-03-12")


def test_a_contents_list_then_details_gives_each_paper_once():
    page = ("Contents\n1. Scaling Laws for Grokking\n2. Coverage at Cost in Sampling\n\n"
            "Details\n1. Scaling Laws for Grokking\n   Authors: Alice Smith, Bob Jones\n"
            "   Abstract: We study grokking in linear models and show a scaling law\n"
            "     for the critical sample size that holds across many datasets.\n"
            "2. Coverage at Cost in Sampling\n   Authors: Dana Lee\n")
    result = general.read(Dump("p.txt", page, date(2026, 11, 23), "test"))
    assert [(r.title, r.origin.line) for r in result.records] == [
        ("Scaling Laws for Grokking", 6), ("Coverage at Cost in Sampling", 10)]
    assert result.records[0].abstract == ("We study grokking in linear models and show a scaling law "
                                          "for the critical sample size that holds across many datasets.")
    assert [s.origin.line for s in result.skipped] == [2, 3]  # the contents entries, reported


def page_records(text: str):
    return general.read(Dump("p.txt", text, date(2026, 11, 23), "test")).records


@pytest.mark.parametrize("line, previous, kind", [
    ("• A New Approach to Animacy Detection – Labiba Jahan, Geeticka Chauhan and Mark Finlayson.", "blank", "byline"),
    ("Research Group – John Smith, Jane Doe", "blank", "candidate"),  # too short a title for a byline: a team page
    ("by   Risto Vuorio, et al.", "candidate", "by"),
    ("Su, Buxin, Collina, Natalie, Wen, Garrett", "candidate", "names"),  # family, given; in pairs
    ("HUIFEN CHAN, Tsinghua University, China", "names", "names"),  # a name before its organisation
    ("• Record: found", "blank", "text"),  # a status field, not a title
    ("• Abstract: found", "blank", "other_label"),  # ... nor an abstract
    ("key: cord-1008529-nypaa9v3", "blank", "text"),
    ("arXiv CS.LG", "candidate", "chrome"),  # subject classes alone
    ("Abstract and Figures", "blank", "chrome"),  # a tab
    ("Read this article at", "candidate", "chrome"),
    ("[email protected]", "names", "affiliation"),  # an address hidden from robots
    ("a Dipartimento di Fisica dell’Universit`adi Pisa, Italy b CERN, Theory Division", "names", "affiliation"),
    ("ABSTRACT We present CiteSeer: an autonomous citation indexing system which indexes academic literature "
     "in electronic format (e.g. Postscript files on the Web).", "candidate", "abstract"),
    ("1.1. Hala Technical Report: Building Arabic-Centric Instruction & Translation Models at Scale", "text",
     "numbered"),
    ("【1】 Indonesia's Fake News Detection using Transformer Network", "text", "numbered"),
    ("1) Training LLMs", "candidate", "numbered"),  # an acronym in the plural is no name
    ("C. Lee Giles, Kurt D. Bollacker, Steve Lawrence NEC Rese??a??r??c??h??I?nstitute ,?!#4\"In?#d$&e%'p??e(?n)?",
     "candidate", "text"),  # garbled in copying: never a title
    ("8. Star Elastic: Many-in-One Reasoning LLMs Authors: " + ", ".join(f"Ann Lee{n}" for n in "ABCDEFGHIJKLMNOP"),
     "names", "numbered"),  # a long author list does not make the entry prose
])
def test_cues_of_rounds_five_to_eight(line, previous, kind):
    assert classify(line, previous).kind == kind


@pytest.mark.parametrize("value, names, et_al", [
    ("Chen, L., Vasquez, J., Prabhavalkar, R., et al.", ("L. Chen", "J. Vasquez", "R. Prabhavalkar"), True),
    ("Dimitriadis, A., Kim, S., Oord, A. van den, et al.", ("A. Dimitriadis", "S. Kim", "A. van den Oord"), True),
    ("Elmunzer, B. J.; Spitzer, R. L.; Foster, L. D.", ("B. J. Elmunzer", "R. L. Spitzer", "L. D. Foster"), False),
    ("Koh & Liang", ("Koh", "Liang"), False),  # two family names, not a pair
    ('Jin Xu, Victor R\\"uhle, Martin Tak\\\'a\\v{c}', ("Jin Xu", "Victor Rühle", "Martin Takáč"), False),
])
def test_labelled_author_lists(value, names, et_al):
    found = labelled_names(value)
    assert (found.names, found.et_al) == (names, et_al)


def test_affiliation_marks_of_any_kind_are_not_names():
    assert names_line("Alessandro Strumiaa, Riccardo Torreb,c").names == ("Alessandro Strumiaa", "Riccardo Torreb")
    assert names_line("Shaurya Rohatgi111    Yanxia Qin22\\ast    Benjamin Aw222").names == (
        "Shaurya Rohatgi", "Yanxia Qin", "Benjamin Aw")


def test_flattened_views_and_glued_fields_become_lines_that_keep_their_number():
    flattened = "21 | 22 | - **Title**: Efficient Estimation 23 | - **Authors**: Tomas Mikolov, Kai Chen 24 | x"
    assert [(line.index, line.text) for line in logical_lines([Line(4, flattened)]) if line.text] == [
        (4, "- Title: Efficient Estimation"), (4, "- Authors: Tomas Mikolov, Kai Chen"), (4, "x")]
    glued = "【1】 Fake News Detection title : fake news detection"
    assert [line.text for line in logical_lines([Line(0, glued)])] == [
        "【1】 Fake News Detection", "title : fake news detection"]
    assert [line.text for line in logical_lines([Line(0, "Title: Attention Is All You Need")])] == [
        "Title: Attention Is All You Need"]  # one label: nothing to cut
    assert logical_lines([Line(0, "[Uncaptioned image]    In-depth Research Impact")])[0].text == (
        "In-depth Research Impact")


SUMMARY = ("This paper proposes AbbIE, an architecture that recursively iterates the intermediate layers of a "
           "decoder-only Transformer and generalises upward at inference time.")


def test_a_summary_that_speaks_as_an_abstract_makes_a_digest_entry():
    record, = page_records(f"NeurIPS2025 · 67 paper notes\n\nAbbIE: Autoregressive Block-Based Iterative Encoder\n\n"
                           f"{SUMMARY}\n")
    assert (record.title, record.abstract) == ("AbbIE: Autoregressive Block-Based Iterative Encoder", SUMMARY)


def test_a_blog_paragraph_under_a_heading_is_no_paper():
    page = ("How to keep up-to-date on ML research\n"
            "You read that right, Claude Opus was an author on the rebuttal we discussed. At first, I thought this "
            "must be a joke, but I realized we are probably not too far from this being a reality.\n"
            "In this article, we spotlight the top ten research papers on agents and evaluations of this week.\n")
    assert general.score(page) == 0.0


def test_a_labelled_abstract_replaces_the_summary_above_it():
    abstract = ("We present a recursive encoder whose intermediate layers iterate, and show on language modelling "
                "and in-context learning that more iterations at inference time help.")
    record, = page_records(f"AbbIE: Autoregressive Block-Based Iterative Encoder\n{SUMMARY}\nAbstract\n{abstract}\n")
    assert record.abstract == abstract


def test_a_paper_shown_twice_on_a_page_is_one_record_with_what_each_showing_has():
    page = ("In-depth Research Impact Summarization\n\nHiba Arnaout, Noy Sternlicht\n\nAbstract\n\n" + SUMMARY +
            "\n\nIn-depth Research Impact Summarization\n\nHiba Arnaout, Noy Sternlicht\narXiv:2505.14838\n")
    record, = page_records(page)
    assert (record.title, record.arxiv_id, record.abstract) == (
        "In-depth Research Impact Summarization", "2505.14838", SUMMARY)


def test_a_version_note_after_a_title_is_not_part_of_it():
    record, = page_records("Women’s groups and COVID-19: An evidence review [version 1; peer review: awaiting peer "
                           "review]\nOlayinka Adegbite, Leigh Anderson\n")
    assert record.title == "Women’s groups and COVID-19: An evidence review"


def test_references_end_at_the_top_of_a_page_pasted_after_them():
    page = ("Scaling Laws for Grokking\nAlice Smith, Bob Jones\nAbstract\n" + SUMMARY + "\nReferences\n"
            "[1] A. Ambainis, Variable time amplitude amplification, STACS, pp. 636-647, 2012.\n"
            "Skip to main content\nCoverage at Cost in Sampling\nDana Lee, Eve Park\n")
    result = general.read(Dump("p.txt", page, date(2026, 11, 23), "test"))
    assert [r.title for r in result.records] == ["Scaling Laws for Grokking", "Coverage at Cost in Sampling"]
    cited, = [s for s in result.skipped if "other work" in s.message]
    assert cited.origin.line == 5 and cited.message.startswith("1 lines under 'References'")



def test_a_blog_post_s_byline_alone_makes_no_paper_but_a_list_of_bylines_does():
    post = ("Your NeurIPS Workshop was Accepted – Now What?\nBy Rowan McAllister and Yarin Gal\n"
            "This post offers guidance for the workshop organization process post-workshop-acceptance.\n")
    assert general.score(post) == 0.0
    article = "Why Data Citation Is a Computational Problem\n\nBy Peter Buneman, Susan Davidson\n\n10.1145/2893181\n"
    record, = page_records(article)  # the byline with a DOI
    assert (record.authors, record.doi) == (("Peter Buneman", "Susan Davidson"), "10.1145/2893181")
    listing = ("# Efficient Euclidean Projection in Linear Time\n**by Jun Liu and Jieping Ye**\n\n"
               "# Herding Dynamical Weights to Learn\n**by Max Welling**\n")
    assert [r.title for r in page_records(listing)] == [
        "Efficient Euclidean Projection in Linear Time", "Herding Dynamical Weights to Learn"]


def test_reading_list_items_give_title_family_names_and_year():
    records = page_records("- Goto Statement Considered Harmful. Dijkstra (1968).\n"
                           "- Ordered hash tables. Amble, Knuth (1974).\n"
                           "- Making data structures persistent. Driscoll et al (1986).\n"
                           "- Deep learning in practice. It works (2019).\n")  # not names: no entry
    assert [(r.title, r.authors, r.date) for r in records] == [
        ("Goto Statement Considered Harmful", ("Dijkstra",), "1968"),
        ("Ordered hash tables", ("Amble", "Knuth"), "1974"),
        ("Making data structures persistent", ("Driscoll",), "1986")]


def test_a_title_wrapped_with_no_telling_word_joins_above_its_authors():
    page = ("Communication\nThe Rise of Platinum Open Access Journals with Both Impact\n"
            "Factors and Zero Article Processing Charges\nJoshua M. Pearce\n")
    record, = page_records(page)
    assert record.title == ("The Rise of Platinum Open Access Journals with Both Impact Factors and Zero Article "
                            "Processing Charges")
    short, = page_records("Research Article\nFactors and Zero Article Processing Charges\nJoshua M. Pearce\n")
    assert short.title == "Factors and Zero Article Processing Charges"  # a short line above is a heading


def test_listing_id_line_opens_the_entry_below_it():
    """arXiv's "/new" listing: "[1]  arXiv:ID" stands above its entry's Title: line, and the
    abstract follows the Comments and Subjects lines unlabelled; the id is not the entry above's."""
    page = (CASES.parent.parent / "bench" / "general_pages" / "round11"
            / "arxiv_new_listing_id_title_comments_no_authors.txt").read_text(encoding="utf-8")
    result = general.read(Dump("new.txt", page, date(2026, 12, 3), "test"))
    assert [(r.title, r.arxiv_id) for r in result.records] == [
        ("Orthogonal Hyper-category Guided Multi-interest Elicitation for Micro-video Matching", "2407.14741"),
        ("Denoising Long- and Short-term Interests for Sequential Recommendation", "2407.14743"),
    ]
    assert result.records[0].abstract.startswith("Watching micro-videos is becoming")
    assert result.records[1].abstract.startswith("User interests can be viewed")


@pytest.mark.parametrize("line", [
    "arXiv logo",  # an image's alternative text
    "Computer Science > Machine Learning",  # a breadcrumb
    "Total of 3 entries",
    "Showing 1–50 of 1,234 results",
    "We gratefully acknowledge support from the Simons Foundation, member institutions, and all contributors. Donate",
])
def test_page_furniture_is_never_a_title(line):
    assert classify(line).kind in ("chrome", "prose", "text")


def test_banner_and_breadcrumb_with_an_id_make_no_paper():
    """A paper page cut off above its title: the banner, the breadcrumb's id and the logo
    are all there is, and none of it is a title."""
    page = (CASES.parent.parent / "bench" / "general_pages" / "round11"
            / "arxiv_abs_mirror_banner_breadcrumb_only.txt").read_text(encoding="utf-8")
    assert general.read(Dump("abs.txt", page, date(2026, 12, 3), "test")).records == ()


def test_category_labels_come_off_only_when_they_repeat():
    """"Survey Certification:" three times on a page is a category; one "PAVI:" is the title's own."""
    page = "\n\n".join(f"{label}: {title}\n\n{authors}" for label, title, authors in [
        ("Survey Certification", "Causal Reinforcement Learning: A Survey", "Zhihong Deng, Jing Jiang"),
        ("Featured Certification", "Learning to reconstruct signals from binary measurements alone",
         "Julián Tachella, Laurent Jacques"),
        ("Expert Certification", "Pairwise Learning with Adaptive Online Gradient Descent", "Tao Sun, Bao Wang"),
        ("PAVI", "Plate-Amortized Variational Inference", "Louis Rouillard, Thomas Moreau"),
    ])
    titles = [r.title for r in general.read(Dump("d.txt", page, date(2026, 12, 3), "test")).records]
    assert titles == ["Causal Reinforcement Learning: A Survey",
                      "Learning to reconstruct signals from binary measurements alone",
                      "Pairwise Learning with Adaptive Online Gradient Descent",
                      "PAVI: Plate-Amortized Variational Inference"]


def test_a_digest_mixing_shapes_goes_to_the_general_reader_whole():
    """The labelled reader recognises the "Title:/Authors:/Abstract:" entry at the end of a
    digest but not the six above it; the page goes to the general reader, which reads all."""
    page = (CASES / "digest_category_labels_above_labelled_entries.txt").read_text(encoding="utf-8")
    result, kinds = read_dump(Dump("d.txt", page, date(2026, 12, 3), "test"))
    assert kinds == ["general"] and len(result.records) == 7


def test_jacques_is_a_name():
    assert names_line("Julián Tachella, Laurent Jacques").names == ("Julián Tachella", "Laurent Jacques")
    assert names_line("Deep Learning Techniques, Modern Methods") is None


def test_marked_names_run_into_other_text():
    line = ("Yuanchao Li1, Yuan Gong2, Chao-Han Huck Yang3, Peter Bell1, Catherine Lai1 Work done at MIT, "
            "now with xAI Corp. 1University of Edinburgh, 2MIT CSAIL, 3NVIDIA Research")
    cue = classify(line, previous="candidate")
    assert cue.kind == "names"
    assert cue.names.names == ("Yuanchao Li", "Yuan Gong", "Chao-Han Huck Yang", "Peter Bell", "Catherine Lai")
    assert classify("Deep Learning2, Neural Networks3", previous="candidate").kind != "names"  # topic words


@pytest.mark.parametrize("line", [
    "Taojiao Wang10",  # an author, wrapped onto a line of its own in a PDF's text
    "Hongbo Jia15*",
    r"Let ${\mathfrak{G}}\subset\mathb",  # math cut off at the end of a copied excerpt
    "Design, Setting, and Participants",  # a structured abstract's heading
    "Main Outcomes and Measures",
])
def test_not_titles(line):
    assert classify(line).kind != "candidate"


@pytest.mark.parametrize("line", [
    r"$\pi_0$: A Vision-Language-Action Flow Model for General Robot Control",
    "GPT4 Agents in the Wild",
])
def test_still_titles(line):
    assert classify(line).kind == "candidate"


@pytest.mark.parametrize("line", [
    "Volume 2014, Article ID 372768, 6 pages",
    "Journal of Applied Mathematics",
    "Academic Editor: Ying Hu",
])
def test_header_lines_of_a_journal_page_are_not_titles(line):
    assert classify(line).kind != "candidate"


def test_contents_line_splits_title_from_glued_authors():
    cue = classify("Biases in Predicting the Human Language ModelAlex B. Fine, Austin F. Frank, T. Florian Jaeger "
                   "and Benjamin Van Durme. . . . . 12")
    assert cue.kind == "byline" and cue.text == "Biases in Predicting the Human Language Model"
    assert cue.names.names == ("Alex B. Fine", "Austin F. Frank", "T. Florian Jaeger", "Benjamin Van Durme")
    assert classify("T5: New Directions in Vector Space Models of Meaning ...... 12").kind != "byline"


def test_numbered_title_without_a_space_and_a_summary_one_sentence_a_line():
    page = ("The top 10 AI research papers that you must know about this week.\n"
            "1. Attention Is Not What You Need\n"
            "This research paper challenges the assumption that self-attention is necessary for strong sequence "
            "modeling and reasoning.\n"
            "It explains multi-head attention as a form of tensor lifting, where hidden vectors are mapped into a "
            "high-dimensional space of pairwise interactions.\n"
            "2.QuarkAudio Technical Report\n"
            "This research paper from Alibaba introduces QuarkAudio, a unified, decoder-only, autoregressive language "
            "model framework designed to handle a wide range of audio processing and generation tasks.\n")
    records = general.read(Dump("w.txt", page, date(2026, 12, 3), "test")).records
    assert [r.title for r in records] == ["Attention Is Not What You Need", "QuarkAudio Technical Report"]
    assert records[0].abstract.endswith("pairwise interactions.")
    assert classify("2.5D Reconstruction from Single Views").kind != "numbered"  # a number, not a list item


@pytest.mark.parametrize("line, title, first", [
    ("09:30  Learning Sequences of Controllers for Complex Manipulation Tasks Jaeyong Sung, Bart Selman and "
     "Ashutosh Saxena", "Learning Sequences of Controllers for Complex Manipulation Tasks", "Jaeyong Sung"),
    ("11:30  CostSensitive Tree of Classifiers Kilian Weinberger", "CostSensitive Tree of Classifiers",
     "Kilian Weinberger"),
])
def test_programme_slot_with_a_title_and_its_authors(line, title, first):
    cue = classify(line)
    assert cue.kind == "byline" and cue.text == title and cue.names.names[0] == first


@pytest.mark.parametrize("line", [
    "08:30  Introduction and overview Gabriel DulacArnold & Djalel Benbouzid",  # the programme's own item
    "08:45  Invited talk: John Langford",
    "10:00  Coffee",
])
def test_programme_items_that_are_not_papers(line):
    assert classify(line).kind != "byline"


def test_invited_talks_heading_opens_other_work():
    assert classify("Invited talks abstracts").kind == "cited"
    assert classify("Keynotes").kind == "cited"


def test_a_programme_with_talk_abstracts_goes_to_the_general_reader():
    """The bare-abstract reader recognises the talks' "Abstract:" lines (untitled records); the
    general reader finds the programme's papers too, and the talks under their heading are
    other work, not papers."""
    page = (CASES.parent.parent / "bench" / "general_pages" / "round8"
            / "workshop_schedule_times_title_then_authors.txt").read_text(encoding="utf-8")
    result, kinds = read_dump(Dump("programme.txt", page, date(2026, 12, 3), "test"))
    assert kinds == ["general"]
    titles = [r.title for r in result.records]
    assert titles[:3] == ["Learning Sequences of Controllers for Complex Manipulation Tasks",
                          "CostSensitive Tree of Classifiers",
                          "Dynamic Feature Selection for Classification on a Budget"]
    assert "Introduction and overview" not in " ".join(t or "" for t in titles)


def test_a_dedicated_readers_untitled_records_are_accounted_for_by_the_general_reading():
    """The bare-abstract reader reads both "Abstract:" paragraphs as records; the general
    reader takes the page for its two papers with authors and refuses both abstracts (no
    title, no id), each reported at its line: the dedicated reading's records are accounted
    for there (detect.covers), so none is lost and none becomes an untitled paper."""
    page = ("Abstract: We study the grokking phenomenon in small transformers trained on modular arithmetic "
            "and find a sharp transition in the weight norm that precedes generalisation by thousands of steps.\n"
            "\n"
            "Abstract: Short note on sparse attention.\n"
            "\n"
            "Scaling Laws for Sparse Mixtures of Experts\n"
            "Ada Lovelace, Charles Babbage, Grace Hopper\n"
            "\n"
            "Delayed Generalization in Overparameterised Networks\n"
            "Alan Turing, John von Neumann\n")
    result, kinds = read(page)
    assert kinds == ["general"]
    assert [(r.origin.line, r.kind) for r in result.records] == [(5, "general"), (8, "general")]
    assert [r.title for r in result.records] == ["Scaling Laws for Sparse Mixtures of Experts",
                                                 "Delayed Generalization in Overparameterised Networks"]
    assert [(s.origin.line, "without a title" in s.message) for s in result.skipped] == [(1, True), (3, True)]


@pytest.mark.parametrize("line, kind", [
    ("Showing 1–31 of 31 results for author: Musco, C", "chrome"),  # a result counter with its query
    ("Top 0.1%", "chrome"),
    ("Show abstract", "chrome"),
    ("READ FULL TEXT VIEW PDF", "chrome"),  # buttons run together
    ("View/Download PDF", "chrome"),
    ("Original Article", "chrome"),  # a journal's kind of article
    ("Letter to Editor", "chrome"),
    ("and unique molecular identifiers (UMIs) (Kebschull and Zador 2018; Kivioja et al. 2011; Martin", "text"),
    ("Learning to Read Full Text Documents", "candidate"),  # button words inside a title
    ("Case Reports of Rare Lung Disease in Children", "candidate"),
])
def test_line_cues_from_rounds_15_and_16(line, kind):
    assert classify(line).kind == kind


def test_ids_first_on_a_long_line_or_in_brackets_ending_a_short_one():
    long_line = "arxiv: 2605.21481 · v1 · pith:NZJQBK72new · submitted 2026-05-20 · 💻 cs.AI · cs.CL· cs.LG"
    assert facts(long_line).arxiv_id == "2605.21481"
    assert facts("Published 24 Feb 2026 in cs.AI, cs.CL, and cs.LG | (2602.21201v1)").arxiv_id == "2602.21201"
    prose = ("Our method extends arXiv:2011.06063 to the multi-task setting and improves on every benchmark "
             "we tried, as the tables below show")
    assert facts(prose) is None  # other work mentioned in running text


def test_search_result_id_lines_open_the_entry_below():
    page = ("  1. arXiv:2407.04686  [pdf, other\n    cs.DS math.NA\n"
            "    Near-optimal hierarchical matrix approximation from matrix-vector products\n"
            "    Authors: Tyler Chen, Feyza Duman Keles\n"
            "  2. arXiv:2405.05865  [pdf, ps, other\n    cs.DS\n"
            "    Faster Linear Systems and Matrix Norm Approximation via Multi-level Sketched Preconditioning\n"
            "    Authors: Michał Dereziński, Christopher Musco\n")
    result, _ = read(page)
    assert [(r.arxiv_id, r.title.split()[0]) for r in result.records] == [("2407.04686", "Near-optimal"),
                                                                          ("2405.05865", "Faster")]


@pytest.mark.parametrize("line, names", [
    ("Martin 2011; Melsted, Ntranos, and Pachter 2019; Johnson, Venkataram", None),  # citations with years
    ("CA, 91125, USA", None),  # an address's postcode
    ("The FirstProof Assessment and Aletheia's Problem-Solving Protocol", None),  # headings
    ("Ada Lovelace, Alan Turing", ("Ada Lovelace", "Alan Turing")),
])
def test_names_lines_refuse_years_postcodes_and_headings(line, names):
    found = names_line(line, alone=True)
    assert (found.names if found else None) == names


def test_an_authors_label_over_one_word_is_a_menu_not_a_list():
    page = ("Papers\nTopics\nAuthors\nRecent\nSearch\n\nAletheia tackles FirstProof autonomously\n\n"
            "Published 24 Feb 2026 in cs.AI, cs.CL, and cs.LG | (2602.21201v1)\n\n"
            "Abstract: We report the performance of Aletheia, a mathematics research agent, on the inaugural "
            "FirstProof challenge, where it solved six of ten problems by majority expert assessment.\n")
    result, _ = read(page)
    assert [(r.title, r.authors, r.arxiv_id) for r in result.records] == [
        ("Aletheia tackles FirstProof autonomously", (), "2602.21201")]


def test_a_short_model_name_before_a_dash_and_names_is_a_title():
    page = ("f-GAN: Training Generative Neural Samplers using Variational Divergence Minimization - Sebastian Nowozin et al.\n"
            "\nhttps://arxiv.org/pdf/1606.00709.pdf\n\nSobolev GAN - Youssef Mroueh et al.\n\n"
            "https://arxiv.org/pdf/1711.04894.pdf\n\n\nJane Wang, Senior Research Scientist, DeepMind\n")
    result, _ = read(page)
    assert [(r.title, r.arxiv_id) for r in result.records] == [
        ("f-GAN: Training Generative Neural Samplers using Variational Divergence Minimization", "1606.00709"),
        ("Sobolev GAN", "1711.04894")]
    assert classify("Jane Wang, Senior Research Scientist, DeepMind").kind != "candidate"


def test_an_unlabelled_abstract_under_a_title_with_blank_lines_between():
    page = ("Skip to main content\n\nUtilizing patient data from the veterans administration electronic health record\n"
            "\n\n\nThe US Veterans Administration (VA) has developed a robust and mature computational infrastructure "
            "in support of its electronic health record. This paper describes informatics challenges and design "
            "issues that were confronted in building three Web-based systems.\n")
    result, _ = read(page)
    assert [r.title for r in result.records] == [
        "Utilizing patient data from the veterans administration electronic health record"]
    assert result.records[0].abstract.startswith("The US Veterans Administration")


def test_a_pdf_cover_page_counter_label_is_not_a_references_heading():
    """"CITATIONS" over "99" is a counter on a repository's cover page; reading it as the
    heading of other work would lose the paper below it."""
    page = ("ResearchGate Articles: Age, Discipline, Audience Size and Impact\nDOI: 10.1002/asi.23675\n"
            "CITATIONS\n99\nREADS\n6,722\nMike Thelwall\nUniversity of Wolverhampton\nSEE PROFILE\n"
            "1\nResearchGate Articles: Age, Discipline, Audience Size and\nImpact1\nMike Thelwall and Kayvan Kousha\n")
    result, _ = read(page)
    assert [(r.title, r.authors) for r in result.records] == [
        ("ResearchGate Articles: Age, Discipline, Audience Size and Impact", ("Mike Thelwall", "Kayvan Kousha"))]
    assert classify("References").kind == "cited"


def test_a_title_ending_on_a_joining_word_runs_on_over_a_blank_line():
    page = ("How accessibility influences citation counts: The case of\n\n"
            "citations to the full text articles available from ResearchGate\n\n"
            "Mohammad Sababi*, Sayed Amir Marashi, Moohebat Pourmajidian\n")
    result, _ = read(page)
    assert [r.title for r in result.records] == [
        "How accessibility influences citation counts: The case of citations to the full text articles "
        "available from ResearchGate"]


FOLDING_ABSTRACT = ("We study protein folding with deep networks trained on a large set of known structures, and we "
                    "show that the predicted structures match experiment closely across many families of proteins.")


def test_a_cut_off_title_does_not_run_on_into_the_next_title_across_a_blank_line():
    """A reading list's title cut off at "and", a blank line, then the next paper's title
    right above its names: that title is not set apart, so it is a title of its own."""
    page = ("Reading list\n\nCitation Networks as a Multi-layer Graph: Link Prediction and\n\n"
            "Deep Learning for Protein Folding at Scale\nCarol White, Dan Brown\n" + FOLDING_ABSTRACT + "\n")
    result, _ = read(page)
    assert [(r.title, r.authors) for r in result.records] == [
        ("Deep Learning for Protein Folding at Scale", ("Carol White", "Dan Brown"))]
    assert result.records[0].abstract == FOLDING_ABSTRACT


def test_a_names_list_under_a_cut_off_title_stays_names():
    """"Alice Smith, Bob Jones" under "... Link Prediction and" lists the entry's authors; the
    title is cut off, so the entry is reported with its line rather than published."""
    page = ("Reading list\n\nCitation Networks as a Multi-layer Graph: Link Prediction and\nAlice Smith, Bob Jones\n\n"
            + FOLDING_ABSTRACT + "\n\nGraph Neural Networks for Citation Analysis\nCarol White, Dan Brown\n"
            + FOLDING_ABSTRACT + "\n")
    result, _ = read(page)
    assert [(r.title, r.authors) for r in result.records] == [
        ("Graph Neural Networks for Citation Analysis", ("Carol White", "Dan Brown"))]
    assert [(s.origin.line, "cut off at 'and'" in s.message) for s in result.skipped] == [(3, True)]


@pytest.mark.parametrize("line, kind", [
    ("Follow this and additional works at: https://digitalcommons.unl.edu/libphilprac", "chrome"),
    ("Part of the Library and Information Commons", "chrome"),
    ("Public engagement impact indicators View project", "chrome"),
    ("Debdas Mondal DAV Model School, I.I.T Kharagpur, [email protected]", "affiliation"),
])
def test_repository_cover_page_lines(line, kind):
    assert classify(line).kind == kind


def test_degrees_after_names_are_not_part_of_them():
    assert labelled_names("Jane Roe, MD, MPH, John Smith").names == ("Jane Roe", "John Smith")
    assert labelled_names("Ada Md Lovelace").names == ("Ada Md Lovelace",)  # a name, not a degree


def test_latex_marks_in_braces_and_doubled_digits_are_not_names():
    """An HTML render of LaTeX copies "Xiang Liu{\\dagger} 1122" for a name with a dagger and the
    marks 1 and 2 (each digit twice); a year or a postcode beside names still ends the list."""
    line = "Xiang Liu{\\dagger} 1122    Zhaoxiang Liu{\\dagger} 1122    Peng Wang 33    Shiguo Lian 1122"
    assert names_line(line).names == ("Xiang Liu", "Zhaoxiang Liu", "Peng Wang", "Shiguo Lian")
    assert names_line("Martin 2011; Melsted, Ntranos, and Pachter 2019") is None
    assert names_line("Pasadena, CA, 91125, USA") is None


@pytest.mark.parametrize("text, voiced", [
    ("Researchers from Arizona State University investigate whether Chain-of-Thought reasoning in LLMs", True),
    ("The researchers propose a data distribution lens to analyze it", True),
    ("This paper comprehensively compares the mathematical reasoning steps of the DeepSeek-R1 LLM", True),
    ("This document gives a brief description of Korean data prepared for the SPMRL 2013 shared task.", True),
    ("This document contains the instructions for preparing a manuscript", False),  # no verb of a study
    # a discussion's bullet: "researchers" inside a sentence is not its subject
    ("Some want filtering by reputation or verified researchers and argue for partial gatekeeping", False),
])
def test_how_a_summary_speaks(text, voiced):
    assert bool(ABSTRACT_VOICE.search(text)) == voiced


@pytest.mark.parametrize("shown, title", [
    ("DR-Arena: Automated Evaluation for “Deep Research” Agents (paper)",
     "DR-Arena: Automated Evaluation for “Deep Research” Agents"),
    ("Mixture of Depths [paper] [code]", "Mixture of Depths"),
    ("Scaling Laws for Routing (Paper, Code)", "Scaling Laws for Routing"),
    ("DBLP — Some Lessons Learned ∗", "DBLP — Some Lessons Learned"),
    ("Writing a Paper (and Code) Together", "Writing a Paper (and Code) Together"),  # inside: part of the title
])
def test_link_words_and_footnote_marks_after_a_title_are_not_part_of_it(shown, title):
    entry = Entry(0)
    set_title(entry, (0, shown))
    assert entry.title == (0, title)


@pytest.mark.parametrize("summary, title, introduces", [
    ("DuMate-DeepResearch is a multi-agent framework designed to overcome limitations",
     "DuMate-DeepResearch: An Auditable Multi-Agent System", True),
    ("Transformers are a model family that reads whole sequences at once", "Transformers: A Primer", False),
    ("GPT-4 was released in March and people have been using it since", "GPT-4: What We Know", False),
    ("DuMate is a multi-agent framework", "DuMate-DeepResearch: An Auditable Multi-Agent System", False),
])
def test_a_summary_that_introduces_the_name_its_title_coins(summary, title, introduces):
    assert introduces_title(summary, title) == introduces


def test_a_coined_name_summary_needs_a_page_already_listing_summarised_titles():
    """Alone on a page, a heading and a paragraph that says what a system is make no paper
    (a blog post introduces products so); after a summarised title they are one more entry."""
    introduced = ("DuMate-DeepResearch is a multi-agent framework designed to overcome limitations in current Deep "
                  "Research systems, specifically concerning long-horizon planning and task decomposition.")
    heading = "DuMate-DeepResearch: An Auditable Multi-Agent System with Recursive Search\n"
    assert general.score(heading + introduced + "\n") == 0.0
    records = page_records("AbbIE: Autoregressive Block-Based Iterative Encoder\n\n" + SUMMARY + "\n\n" + heading
                           + "\n" + introduced + "\n")
    assert [r.title for r in records] == ["AbbIE: Autoregressive Block-Based Iterative Encoder",
                                          heading.strip()]


def test_bulleted_summaries_and_names_under_lost_titles_make_no_paper():
    """A journal's home page copied without its article titles: each bulleted summary, then
    its authors one per bullet. A bulleted summary is running text, so the first name under it
    is an author, never a title."""
    page = ("  • Zeroth-order optimization is used on problems where no explicit gradient function is accessible, "
            "but single points can be queried. Hoffman et al. present here a molecular design method.\n\n"
            "    • Samuel C. Hoffman\n    • Vijil Chenthamarakshan\n    • Payel Das\n"
            "  • The black-box nature of neural networks is a concern for high-stakes medical applications in which "
            "decisions must be based on medically relevant features.\n\n"
            "    • Alina Jade Barnett\n    • Fides Regina Schwartz\n    • Cynthia Rudin\n")
    assert general.score(page) == 0.0


def test_a_bulleted_item_under_a_heading_is_not_the_headings_summary():
    page = ("Week 1‑1 (09/08/2025): DeepSeek-V2/3\n"
            "- DeepSeek‑V2: A Strong, Economical, and Efficient Mixture‑of‑Experts Language Model: Introduces "
            "Multi‑head Latent Attention (MLA) and DeepSeekMoE to shrink KV cache and cut compute while keeping "
            "quality.\n")
    assert general.score(page) == 0.0


@pytest.mark.parametrize("line, previous, kind", [
    ("quant-ph physics.atom-ph", "facts", "chrome"),  # subject classes with a hyphenated subclass
    ("cond-mat.mes-hall cs.LG", "facts", "chrome"),
    ("What kind of sources do I need? Critical search for information on the Web", "blank", "candidate"),
    ("We gratefully acknowledge support from the Simons Foundation and all contributors. Donate", "blank", "prose"),
    ("国际计算机视觉与模式识别会议是IEEE一年一度的学术权威会议,是世界顶级计算机视觉会议之一。CVPR会议的主要内容涵盖计算机视觉、"
     "模式识别、图像处理、人工智能等各方面前沿理论与技术。", "blank", "prose"),  # CJK running text, not a short title
])
def test_cues_of_round_twenty(line, previous, kind):
    assert classify(line, previous).kind == kind


def test_here_i_speaks_as_a_one_author_abstract():
    assert ABSTRACT_VOICE.search("Here I demonstrate an exact isomorphism between Galperin's billiards and Grover's")
    assert not ABSTRACT_VOICE.search("I think this is where the story gets interesting for most readers")


def test_abstract_parts_ending_in_periods_continue_an_unlabelled_abstract():
    page = ("What kind of sources do I need? Critical search for information on the Web\n\n"
            "Martha Vidal-Sepúlveda, Cristian Olivares-Rodríguez, and Luis Cárcamo-Ulloa\n\n"
            "Introduction. Previous studies have shown that students have a high confidence in search engines, which "
            "poses a significant risk in learning processes if students lack critical skills for document selection.\n"
            "Method. A quasi-experimental study was conducted with a sample of fifty-eight university students.\n"
            "Results. Students mostly access sources with a corporate publisher.\n")
    record, = page_records(page)
    assert record.abstract.startswith("Introduction. Previous") and record.abstract.endswith("corporate publisher.")


FLAT_ABSTRACT_TEXT = ("Google Scholar is one of the major academic search engines but its ranking algorithm for "
                      "academic articles is unknown. We performed the first steps to reverse-engineering it.")


def test_a_pdf_first_page_flattened_onto_one_line_is_cut_at_the_first_author_before_an_institution():
    line = ("1 Google Scholar s Ranking Algorithm: An Introductory Overview Jöran Beel Otto-von-Guericke University "
            "Department of Computer Science Magdeburg, Germany j.beel@scienstein.org Bela Gipp Otto-von-Guericke "
            "University Department of Computer Science Magdeburg, Germany b.gipp@scienstein.org Abstract "
            + FLAT_ABSTRACT_TEXT)
    title, block, label, abstract = flat_head(line)
    assert (title, label, abstract) == ("Google Scholar s Ranking Algorithm: An Introductory Overview", "Abstract",
                                        FLAT_ABSTRACT_TEXT)
    assert block.startswith("Jöran Beel Otto-von-Guericke University")


def test_a_flattened_page_without_a_name_before_an_institution_stays_whole():
    """A report's line whose first name stands before "Electrical Engineering Stanford CA 94305": no
    institution's word, so the title's end is unknown and nothing is cut (rather than cut wrong)."""
    line = ("Citation Networks as a Multi-layer Graph: Link Prediction and Importance Ranking CS224W Project "
            "Report, Group 5 Jingyu Cui Electrical Engineering Stanford CA 94305 [email protected] Fan Wang "
            "Electrical Engineering Stanford CA 94305 [email protected] ABSTRACT " + FLAT_ABSTRACT_TEXT)
    assert flat_head(line) is None
    assert flat_head("A Short Title Jöran Beel Otto-von-Guericke University Abstract " + FLAT_ABSTRACT_TEXT) is None


def test_chinese_labels_glued_to_the_text_before_them_cut_the_line():
    line = "报告1. Modeling 3D Layout for Group Re-Identification报告人:张权摘要:Group re-identification attempts"
    assert [piece.text for piece in logical_lines([Line(0, line)])] == [
        "报告1. Modeling 3D Layout for Group Re-Identification", "报告人:张权", "摘要:Group re-identification attempts"]
    assert classify("报告1. Modeling 3D Layout for Group Re-Identification").text == (
        "Modeling 3D Layout for Group Re-Identification")
    assert classify("摘要:Group re-identification attempts").kind == "abstract"


@pytest.mark.parametrize("line, kind", [
    ("1,766 downloads genomics", "chrome"),  # a counter, then the subject it counts in
    ("Posted to bioRxiv 08 Sep 2020", "facts"),
    ("41: The structure, function, and evolution of a complete human chromosome 8", "numbered"),
    ("10:30 Coffee break and posters", "text"),  # a time, not a place in a ranking
    ("by", "authors"),
])
def test_cues_of_round_twenty_one(line, kind):
    assert classify(line).kind == kind


def test_names_one_per_line_with_their_marks_between_stay_one_list():
    """"by", then each name on its line and its marks ("1,*,", "1 and", "2") on the next: the
    marks that end on "," or "and" keep the list open; the labelled abstract further down
    replaces the address line read as an unlabelled paragraph."""
    page = ("Why Open Access: Economics and Business Researchers’ Perspectives\n\nby\nCarmen López-Vergara\n1,*,\n"
            "Pilar Flores Asenjo\n1 and\nAlfonso Rosa-García\n2\n1\n"
            "Departamento Ciencias Sociales, Jurídicas y de la Empresa, Universidad Católica San Antonio de Murcia, "
            "Av. De los Jerónimos, 135, 30107 Murcia, Spain\n\nAbstract\n\n:\n" + FOLDING_ABSTRACT + "\n")
    record, = page_records(page)
    assert record.authors == ("Carmen López-Vergara", "Pilar Flores Asenjo", "Alfonso Rosa-García")
    assert record.abstract == FOLDING_ABSTRACT


@pytest.mark.parametrize("line, names, et_al", [
    ("Rumelhart, Hinton, Williams", ("Rumelhart", "Hinton", "Williams"), False),
    ("Srivastava, Hinton, et al.", ("Srivastava", "Hinton"), True),
    ("Vaswani et al.", ("Vaswani",), True),
    ("Transformers", None, None),  # one word alone is no list of authors
    ("Neural Networks, Deep Learning", None, None),  # words of titles, not family names
])
def test_family_names_alone(line, names, et_al):
    found = family_names(line)
    assert (found.names, found.et_al) == (names, et_al) if names else found is None


def test_family_names_count_only_under_a_quoted_title():
    quoted = page_records("8. Attention Is All You Need (2017)\n“Attention Is All You Need”\nVaswani et al.\n")
    assert [(r.title, r.authors) for r in quoted] == [("Attention Is All You Need", ("Vaswani",))]
    assert general.score("Places we visited\nParis, London, Berlin\n") == 0.0


def test_a_title_shown_in_the_header_then_again_with_its_names_on_one_line():
    page = ("Spatial Interference Detection for Mobile Visible Light Communication\n\n"
            "1 downloads 0 Views 1MB Size Report\n"
            "Spatial Interference Detection for Mobile Visible Light Communication Ali Ugur Guler, Tristan Braud "
            "and Pan Hui {[email protected], [email protected]}\n\narXiv:1707.03984v1 [cs.NI] 13 Jul 2017\n")
    record, = page_records(page)
    assert (record.title, record.authors, record.arxiv_id) == (
        "Spatial Interference Detection for Mobile Visible Light Communication",
        ("Ali Ugur Guler", "Tristan Braud", "Pan Hui"), "1707.03984")


@pytest.mark.parametrize("line, title, names", [
    ("A formal theory of inductive inference (Ray Solomonoff, 1964) [3]", "A formal theory of inductive inference",
     ("Ray Solomonoff",)),
    ("A theory of the learnable (PAC learning, Leslie Valiant, 1984) [6]", "A theory of the learnable",
     ("Leslie Valiant",)),  # a topic before the name
    ("Long Short-Term Memory (Hochreiter and Schmidhuber, 1997)", "Long Short-Term Memory",
     ("Hochreiter", "Schmidhuber")),
    ("The Mathematical Theory of Communication (Shannon et al., 1951), PDF",
     "The Mathematical Theory of Communication", ("Shannon",)),
    ("A mathematical theory of communication (information theory, Claude E. Shannon) [1]", None, None),  # no year
    ("It was shown long ago that this works. (Smith et al., 2019)", None, None),  # a sentence, not a title
])
def test_reading_list_title_names_year(line, title, names):
    cue = classify(line)
    assert (cue.text, cue.names.names) == (title, names) if title else cue.kind != "byline"


def test_one_title_names_year_line_alone_is_a_citation_not_a_paper():
    assert general.score("Recent work on grokking in modular arithmetic (Power et al., 2022)\n") == 0.0
    two = page_records("Recent work on grokking in modular arithmetic (Power et al., 2022)\n"
                       "Scaling laws for neural language models (Kaplan et al., 2020)\n")
    assert [r.title for r in two] == ["Recent work on grokking in modular arithmetic",
                                      "Scaling laws for neural language models"]


@pytest.mark.parametrize("line, kind", [
    ("a r t i c l e", "chrome"),  # a PDF's heading in spaced letters
    ("Article history: Received 24 February 2019 Accepted 15 July 2019 Available online xxx", "facts"),
    ("a b s t r a c t Background: The publication rate of presented abstracts is an important parameter to "
     "assess the scientific quality of medical congresses across many fields", "abstract"),
    ("Current paper (gray), citations (green), references (blue)", "cited"),  # a citation graph's legend
    ("Citations (12) References (45)", "cited"),
    ("Citations References", "cited"),  # a paper page's tabs
    ("Neural Citation Parsing of References in Scholarly Documents", "candidate"),  # a title naming both
    ("Citation Recommendation from References", "candidate"),
    ("Equal Contribution", "affiliation"),  # a footnote, not a title
    ("提交: 2024-09-27更新: 2025-02-28", "facts"),
])
def test_cues_of_round_twenty_two(line, kind):
    assert classify(line).kind == kind


def test_a_title_naming_citations_and_references_is_read_not_taken_for_a_legend():
    records = page_records("Neural Citation Parsing of References in Scholarly Documents\nJane Smith, John Doe\n"
                           "Stanford University\nAbstract\nWe present a method for parsing reference strings in "
                           "scholarly documents using neural networks, and we show that it outperforms earlier "
                           "methods on three benchmarks of citations.\narXiv:2401.01234\n")
    assert [(r.title, r.authors) for r in records] == [
        ("Neural Citation Parsing of References in Scholarly Documents", ("Jane Smith", "John Doe"))]


def test_marks_of_an_html_render_or_a_pdf_are_not_names():
    assert names_line("Jianxiang Yu, Zichen Ding11footnotemark: 1, Jiaqi Tan, Qiushi Sun\\diamondsuit").names == (
        "Jianxiang Yu", "Zichen Ding", "Jiaqi Tan", "Qiushi Sun")
    assert names_line("Matthias Trost a,∗ , Fabian Langer b , Christoph Kolja Boese b a").names == (
        "Matthias Trost", "Fabian Langer", "Christoph Kolja Boese")


def test_an_abstract_label_followed_by_another_label_leaves_the_abstract_empty():
    page = ("Reconciling Model Multiplicity for Downstream Decision Making\n\n摘要\n\n关键词\n"
            "model multiplicitymulti-calibrationdecision-makinguncertainty quantification\n")
    assert general.score(page) == 0.0  # a title and keywords: no paper


@pytest.mark.parametrize("line, title, names", [
    ('Outstanding Paper Award 1: "Transformers are Inherently Succinct" (authors: Pascal Bergsträßer, Ryan '
     'Cotterell, Anthony Widjaja Lin) proposes a new perspective on why Transformers are powerful.',
     "Transformers are Inherently Succinct", ("Pascal Bergsträßer", "Ryan Cotterell", "Anthony Widjaja Lin")),
    ('Honorable Mention : "The Polar Express: Optimal Matrix Sign Methods" by Noah Amsel, David Persson, and '
     'Robert M. Gower.', "The Polar Express: Optimal Matrix Sign Methods",
     ("Noah Amsel", "David Persson", "Robert M. Gower")),
    ("“Attention Is All You Need” (Vaswani et al., Google Brain) was presented at NIPS 2017 and did not win.",
     "Attention Is All You Need", ("Vaswani",)),
    ('He said "this changes everything" (and he was right) about the result.', None, None),  # a quote, no title
])
def test_a_sentence_opening_with_a_quoted_title_and_its_authors(line, title, names):
    cue = classify(line)
    assert (cue.text, cue.names.names) == (title, names) if title else cue.kind != "byline"


def test_icons_before_labels_are_dropped_but_bullets_stay():
    assert [line.text for line in logical_lines([Line(0, "๐Ÿ“ Abstract"), Line(1, "• Marc A. Coram"),
                                                 Line(2, "摘要: 文本")])] == ["Abstract", "• Marc A. Coram", "摘要: 文本"]


@pytest.mark.parametrize("line", [
    "ENS, CNRS, PSL University, Paris",  # acronyms of institutions in pairs are no family and given names
    "Wordline TSS Labs, Paris",
    "Raffaella Bernardi, University of Trento",  # a name and its university: no author list of two
])
def test_institutions_are_not_names(line):
    assert names_line(line, alone=True) is None


def test_news_and_blog_posts_under_headlines_are_no_summaries_of_papers():
    """"Researchers from X investigate ..." and "Here I show ..." speak as a summary only under a
    numbered title (a digest's entry); under a heading it is how news reports and blog posts speak."""
    news = ("Tech News Today\n\nGoogle Unveils Faster Chips for Data Centers\n\nResearchers at Google present a "
            "new chip that they say doubles the speed of training large models while using less power than the "
            "previous generation, the company said on Tuesday.\n\nApple Announces New Privacy Features\n\n"
            "Researchers from Apple describe a new system that keeps more of the data on the phone, and the "
            "company says it will ship later this year to all users of its newest devices and laptops.\n")
    assert general.score(news) == 0.0
    digest = ("1. Is Chain-of-Thought Reasoning a Mirage?\nResearchers from Arizona State University investigate "
              "whether Chain-of-Thought reasoning in LLMs reflects genuine logical inference or mere pattern "
              "replication from training data.\n")
    assert [r.title for r in page_records(digest)] == ["Is Chain-of-Thought Reasoning a Mirage?"]
    blog = ("My Weekend Projects Blog\n\nSetting Up a Home Media Server\n\nHere I describe how I set up a small "
            "media server at home with an old laptop, a few disks and some free software, and what I would do "
            "differently next time.\n\nBaking Sourdough Bread at Home\n\nHere I show the steps I follow every "
            "weekend to bake a loaf of sourdough bread, from feeding the starter on Friday evening to the bake.\n")
    assert general.score(blog) == 0.0
    manual = ("Developer Guide\n\nInstalling the Command Line Tools\n\nThis document describes how to install "
              "the command line tools on a new laptop, which packages they need, and how to check that the "
              "installation worked before you go on.\n\nConfiguring Your Editor\n\nThis document gives the "
              "settings we use for the editor, the plugins we recommend, and how to share them with the rest of "
              "the team.\n")
    assert general.score(manual) == 0.0


@pytest.mark.parametrize("value, names", [
    ("SMITH, J., DOE, A., ROE, B.", ("J. SMITH", "A. DOE", "B. ROE")),  # capitals, then initials: names
    ("SMITH, J. R., DOE, A", ("J. R. SMITH", "A DOE")),
])
def test_a_surname_first_list_in_capitals_with_initials_still_pairs_its_names(value, names):
    assert labelled_names(value).names == names


@pytest.mark.parametrize("line", [
    "Reinforcement Learning in the Lab", "Machine Learning for the Wet Lab",  # titles that end on the word
])
def test_a_title_ending_in_lab_is_no_affiliation(line):
    assert classify(line).kind == "candidate"
    assert classify("Wordline TSS Labs, Paris").kind == "affiliation"


@pytest.mark.parametrize("line, before_affiliation, kind", [
    ("Generating Local Maps of Science using Deep Bibliographic Coupling.", True, "candidate"),
    ("Generating Local Maps of Science using Deep Bibliographic Coupling.", False, "text"),  # no head under it
    ("We study coupling. It works well.", True, "text"),  # two sentences are no title
])
def test_a_title_ending_in_a_full_stop_counts_only_above_its_authors(line, before_affiliation, kind):
    assert classify(line, "blank", before_affiliation).kind == kind


def test_a_title_loses_the_full_stop_after_it_but_not_an_abbreviation():
    assert title_text("Generating Local Maps of Science using Deep Bibliographic Coupling.").endswith("Coupling")
    assert title_text("Transformers vs.") == "Transformers vs."


def test_a_lone_name_is_an_author_only_in_a_listing_of_titles_over_names():
    listing = ("Best Papers\n\nFirst Paper on Grokking\nAlice Smith and Bob Jones\n\nSecond Paper on Scaling\n"
               "Carol White, Dan Brown\n\nThird Paper on Attention\nTao Lei\n")
    assert [(r.title, r.authors) for r in read(listing)[0].records][-1] == ("Third Paper on Attention", ("Tao Lei",))
    alone = "Third Paper on Attention\nTao Lei\n"  # one title: "Tao Lei" may be a button or a heading
    assert not [r for r in read(alone)[0].records if r.authors]


def test_a_committee_under_a_sentence_is_not_the_last_entry_s_authors():
    listing = ("First Paper on Grokking\nAlice Smith and Bob Jones\n\nSecond Paper on Scaling\nCarol White, Dan Brown\n\n"
               "For the selection of the papers above, we thank our Best Paper Award committee, who selected them:\n\n"
               "Luke Zettlemoyer, University of Washington and Facebook, USA (chair)\n"
               "Raffaella Bernardi, University of Trento, Italy\nHelen Meng, The Chinese University of Hong Kong\n")
    assert [r.authors for r in read(listing)[0].records] == [("Alice Smith", "Bob Jones"), ("Carol White", "Dan Brown")]


def test_a_listing_s_fields_run_together_by_the_copy_are_cut_apart():
    from paperfold.ingest.readers import labelled_lines
    assert labelled_lines.pieces("Title: Relaxed Triangle InequalitySubjects: Machine Learning (stat.ML)") == [
        "Title: Relaxed Triangle Inequality", "Subjects: Machine Learning (stat.ML)"]
    assert labelled_lines.pieces("A sentence that mentions Subjects: in passing") == [
        "A sentence that mentions Subjects: in passing"]  # no label opens the line: nothing is cut
    assert labelled_lines.classify("- [1] arXiv:2602.02577 [pdf, html, other]") == ("id", "2602.02577")


@pytest.mark.parametrize("line, title, names", [
    ("• Deep Learning for Text Style Transfer: A Survey, by Di Jin, 155–205.",
     "Deep Learning for Text Style Transfer: A Survey", ("Di Jin",)),
    ("• Natural Language Processing: A Machine Learning Perspective by Yue Zhang and Zhiyang Teng, by Julia Ive, "
     "233–235.", "Natural Language Processing: A Machine Learning Perspective by Yue Zhang and Zhiyang Teng",
     ("Julia Ive",)),  # the last ", by " opens the authors
    ("Probing Classifiers: Promises, Shortcomings, and Advances, by Yonatan Belinkov , 207–219.",
     "Probing Classifiers: Promises, Shortcomings, and Advances", ("Yonatan Belinkov",)),  # pages, no bullet
])
def test_a_contents_entry_title_comma_by_names(line, title, names):
    cue = classify(line, previous="blank")
    assert (cue.kind, cue.text, cue.names.names) == ("byline", title, names)


@pytest.mark.parametrize("line", [
    "Posted in Research News, by Jane Smith",  # no bullet and no pages: a blog's byline
    "• Read more, by Jane Smith, 12–14.",  # no title before the byline
])
def test_a_byline_without_a_contents_entry_s_shape_is_no_entry(line):
    assert classify(line, previous="blank").kind != "byline"


def test_a_contents_entry_wrapped_over_lines_is_one_entry_without_its_affiliations():
    page = ("ISBN: 978-1-5108-2502-4\nDouble or Nothing: Multiplicative Incentive Mechanisms for\n"
            "Crowdsourcing, Nihar Shah, UC Berkeley, Dengyong Zhou, Microsoft\nResearch . . . . . . . . 1\n"
            "Algorithmic Stability and Uniform Generalization, Ibrahim\n"
            "Alabdulmohsin, King Abdullah University . . . . . . . . 19\n")
    assert [(r.title, r.authors) for r in read(page)[0].records] == [
        ("Double or Nothing: Multiplicative Incentive Mechanisms for Crowdsourcing", ("Nihar Shah", "Dengyong Zhou")),
        ("Algorithmic Stability and Uniform Generalization", ("Ibrahim Alabdulmohsin",))]
    lines = [Line(i, text) for i, text in enumerate(["Intro text here", "One line only . . . . 3"])]
    assert [line.text for line in logical_lines(lines)] == ["Intro text here", "One line only . . . . 3"]  # one leader line


@pytest.mark.parametrize("line, kind", [
    ("Corinna Cortes Neil D. Lawrence", "text"),  # two editors side by side, never a title
    ("Robust Portfolio Optimization", "candidate"),
    ("The Theory of J. Smith Spaces and Their Duals", "candidate"),  # an initial in a title with small words
])
def test_names_side_by_side_are_no_title(line, kind):
    assert classify(line, previous="blank").kind == kind


@pytest.mark.parametrize("text, expected", [
    ("SubscribeThe Russian Legislative Corpus", "The Russian Legislative Corpus"),
    ("ShareGPT Conversations at Scale", "ShareGPT Conversations at Scale"),  # a coined name, not a button
    ("■ Probing Classifiers, by Yonatan Belinkov", "• Probing Classifiers, by Yonatan Belinkov"),
])
def test_a_button_glued_to_a_title_and_square_bullets(text, expected):
    assert logical_lines([Line(0, text)])[0].text == expected


@pytest.mark.parametrize("line, previous, kind", [
    ("Niclas Boehmer (TU Berlin)", "candidate", "names"),  # an institution by its acronym
    ("Frans A. Oliehoek (Delft University of Technology)", "names", "names"),  # the next author, not an affiliation
    ("Ulle Endriss (AAMAS-2021 Programme Chair)", "candidate", "candidate"),  # a role, not an institution
    ("Transformers (Vision Models)", "candidate", "candidate"),
])
def test_one_name_a_line_with_its_institution_in_brackets(line, previous, kind):
    assert classify(line, previous=previous).kind == kind


def test_a_contents_entry_s_title_loses_its_page_reference():
    assert title_text("Cognitive Homeostatic Agents (Page 12)") == "Cognitive Homeostatic Agents"
    assert title_text("Welcome Message from the Chairs (Page iii)") == "Welcome Message from the Chairs"
    assert title_text("Graph Networks (Pagerank Revisited)") == "Graph Networks (Pagerank Revisited)"


def test_a_time_slot_before_a_talk_s_title_with_its_names_below():
    page = ("Session 1C (MR209): Machine Learning and Statistical Models I\n"
            "10:30–10:55Active Learning by Labeling Features\nGregory Druck, Burr Settles and Andrew McCallum\n"
            "10:55–11:20Reverse Engineering of Tree Kernel Feature Spaces\nDaniele Pighin and Alessandro Moschitti\n"
            "11:20–11:40Coffee Break\n12:00–13:00Closing remarks of the chairs\nThe Organising Committee\n")
    assert [(r.title, r.authors) for r in read(page)[0].records] == [
        ("Active Learning by Labeling Features", ("Gregory Druck", "Burr Settles", "Andrew McCallum")),
        ("Reverse Engineering of Tree Kernel Feature Spaces", ("Daniele Pighin", "Alessandro Moschitti"))]
    lines = [Line(0, "9:00–10:00Keynote: Learning to Learn"), Line(1, "Ann Smith and Bob Jones")]
    assert logical_lines(lines)[0].text == "9:00–10:00Keynote: Learning to Learn"  # a labelled slot keeps its time


@pytest.mark.parametrize("line, title", [
    ("ANTHEM: Attentive Hyperbolic Entity Model for Product SearchNurendra Choudhary (Virginia Tech)*; Nikhil Rao "
     "(Amazon); Sumeet Katariya (Amazon)", "ANTHEM: Attentive Hyperbolic Entity Model for Product Search"),
    ("Ruobing Xie (WeChat Search Application Department, Tencent)*; Yalong Wang (Tencent); Rui Wang (Tencent)",
     None),  # names alone: "WeChat" glues no title to them
    ("Learning on GraphsJohn Smith (MIT)", None),  # one name alone could end the title
])
def test_a_title_glued_to_semicolon_separated_names_with_institutions(line, title):
    cue = classify(line, previous="blank")
    assert (cue.text if cue.kind == "byline" else None) == title


@pytest.mark.parametrize("text, pieces", [
    ("Identifying the Development and Application of AI in Scientific Text (2002.07143v2)",
     ["Identifying the Development and Application of AI in Scientific Text", "(2002.07143v2)"]),
    ("Published 24 Feb 2026 in cs.AI, cs.CL, and cs.LG | (2602.21201v1)",
     ["Published 24 Feb 2026 in cs.AI, cs.CL, and cs.LG | (2602.21201v1)"]),  # a date line ending in the id
    ("Version (2602.21201v1)", ["Version (2602.21201v1)"]),  # no title before it
])
def test_a_title_with_its_id_in_brackets_after_it(text, pieces):
    assert [line.text for line in logical_lines([Line(0, text)])] == pieces


@pytest.mark.parametrize("line, kind", [
    ("…A sensible goal which may be hard to achieve…", "text"),  # a newsletter item's teaser
    ("jmlr jmlr2011 jmlr2011-84 knowledge-graph by maker-knowledge-mining", "text"),  # a site's path
    ("negativas: a prototype for searching and classifying sentential negation in speech data", "candidate"),
])
def test_teasers_and_site_paths_are_no_titles(line, kind):
    assert classify(line, previous="blank").kind == kind


def test_names_colon_title_lines_count_two_or_more_on_a_page_each_with_two_or_more_names():
    page = ("Chris Samarinas, Arkin Dharawat and Hamed Zamani: Revisiting Open Domain Query Facet Extraction\n"
            "Farhan Khawar and Adam Roegiest: Non-popular Items for Accurate Linear Auto-Encoding Recommenders\n"
            "Invited Talk: Learning to Rank in the Age of Large Language Models\n")  # one "name": a label
    assert [r.title for r in read(page)[0].records] == [
        "Revisiting Open Domain Query Facet Extraction",
        "Non-popular Items for Accurate Linear Auto-Encoding Recommenders"]
    alone = "Farhan Khawar and Adam Roegiest: Non-popular Items for Accurate Linear Auto-Encoding Recommenders\n"
    assert not read(alone)[0].records  # one such line: a sentence may open so


@pytest.mark.parametrize("line, kind", [
    ("Published in", "text"),  # a label waiting for its journal or site, not a title to run on
    ("5 min readMay 7, 2020", "chrome"),  # a post's reading time, its date glued on
    ("Published Research on Graph Networks", "candidate"),
])
def test_published_in_and_reading_times_are_no_titles(line, kind):
    assert classify(line, previous="blank").kind == kind


def test_a_dash_byline_with_the_year_in_brackets_after_the_names():
    cue = classify("Adam: A Method for Stochastic Optimization – Diederik P. Kingma & Jimmy Ba (2014)")
    assert (cue.kind, cue.text, cue.names.names, cue.date) == (
        "byline", "Adam: A Method for Stochastic Optimization", ("Diederik P. Kingma", "Jimmy Ba"), ("2014", "2014"))


def test_a_reading_list_s_citations_with_quoted_titles_count_two_or_more_on_a_page():
    page = ('• Xgboost Chen, Tianqi, and Carlos Guestrin. "Xgboost: A scalable tree boosting system." Proceedings '
            'of the 22nd acm sigkdd international conference. 2016.\n'
            '• t-SNE Van der Maaten, Laurens, and Geoffrey Hinton. "Visualizing data using t-SNE." Journal of machine '
            'learning research 9.11 (2008).\n')
    assert [(r.title, r.authors) for r in read(page)[0].records] == [
        ("Xgboost: A scalable tree boosting system", ("Tianqi Chen", "Carlos Guestrin")),
        ("Visualizing data using t-SNE", ("Laurens Van der Maaten", "Geoffrey Hinton"))]
    one = page.splitlines()[0] + "\n"
    assert not read(one)[0].records  # one citation in a page's text is a mention, not a listing


def test_a_page_reference_leaves_a_contents_title_and_nothing_else():
    page = ("Cognitive Homeostatic Agents (Page 12)\nAmol Kelkar and Jeffrey O. Kephart\n\n"
            "Multi-modal Agents for Business Intelligence (pp. 17-22)\nJeffrey O. Kephart and Amol Kelkar\n\n"
            "Reading the Engine Closely\nAuthors: Ada Lovelace\n"
            "Abstract: We read the notes again and find that the engine could act upon other things besides "
            "number, as the translator herself wrote (p. 12)\n")
    records = read(page)[0].records
    assert [r.title for r in records] == [
        "Cognitive Homeostatic Agents", "Multi-modal Agents for Business Intelligence", "Reading the Engine Closely"]
    assert records[2].abstract.endswith("as the translator herself wrote (p. 12)")  # a quotation keeps its page
    cited = ['Knuth, Donald. "The Art of Computer Programming." Addison-Wesley, 1968 (pp. 5-9)',
             "the engine might compose elaborate pieces of music, as argued (p. 12)"]
    assert [line.text for line in logical_lines([Line(n, text) for n, text in enumerate(cited)])] == cited


@pytest.mark.parametrize("line, text", [
    ("SubscribeThe Russian Legislative Corpus", "The Russian Legislative Corpus"),  # the copy lost a line break
    ("Sign inDeep Learning for Graphs", "Deep Learning for Graphs"),
    ("Download PDFAttention Is All You Need", "Attention Is All You Need"),
    ("SharePoint Online as a Research Data Platform", "SharePoint Online as a Research Data Platform"),
    ("Menus of Choice in Online Ordering", "Menus of Choice in Online Ordering"),
    ("MenuBar Layouts for Small Screens", "MenuBar Layouts for Small Screens"),  # "Menu" heads a name
    ("DownloadManager Traces at Scale", "DownloadManager Traces at Scale"),
    ("SubscribeLaTeX Macros for Papers", "SubscribeLaTeX Macros for Papers"),  # no whole word after it
    ("Subscribers of Online News", "Subscribers of Online News"),
])
def test_a_button_glued_to_a_title_is_a_whole_button_before_a_whole_word(line, text):
    assert logical_lines([Line(0, line)])[0].text == text


def test_a_title_beginning_with_a_name_that_a_button_word_heads_is_read_whole():
    page = "SharePoint Online as a Research Data Platform\nAda Lovelace, Charles Babbage\n"
    assert [r.title for r in read(page)[0].records] == ["SharePoint Online as a Research Data Platform"]


def test_a_slot_s_title_cut_from_its_time_takes_nothing_from_the_line_above():
    heading = "Session 1C (MR209): Machine Learning and Statistical Models I\n"
    talk = "Active Learning by Labeling Features\nGregory Druck, Burr Settles and Andrew McCallum\n"
    assert [r.title for r in read(heading + "10:30–10:55" + talk)[0].records] == [
        "Active Learning by Labeling Features"]
    # without its time the line opens its line, and a long line above may run on into it
    assert [r.title for r in read(heading + talk)[0].records] == [
        "Session 1C (MR209): Machine Learning and Statistical Models I Active Learning by Labeling Features"]
