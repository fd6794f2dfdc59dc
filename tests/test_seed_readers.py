"""The hf_daily and almanac readers against the real seeds (counts and values checked by hand with grep),
and detection over every real page, seed and golden case."""

from datetime import date
from pathlib import Path

import pytest

from paperfold.ingest.detect import CERTAIN, HIGHEST_SCORE, MIN_SCORE, choose_reader, page_starts, read_dump, split_pages
from paperfold.model import Dump
from paperfold.ingest.readers import READERS, almanac, hf_daily

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {
    "almanac_plain": "seeds/000_81e49e888ef8c3fb.txt",
    "almanac_page": "seeds/001_0f1032ad69612bb7.txt",
    "hf_apr13": "seeds/003_c2369d42063fcfc5.txt",
    "hf_apr22": "seeds/004_51acd5b81fec1869.txt",
}
CAPTURE = date(2026, 11, 23)


def seed_dump(key: str) -> Dump:
    path = SEEDS[key]
    text = (ROOT / path).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    return Dump(path, text, CAPTURE, "test")


@pytest.fixture(scope="module")
def read():
    cache = {}

    def _read(key):
        if key not in cache:
            cache[key] = read_dump(seed_dump(key))
        return cache[key]

    return _read


def by_title(records, prefix):
    found = [r for r in records if r.title.startswith(prefix)]
    assert len(found) == 1, prefix
    return found[0]


# --- Hugging Face Daily Papers ----------------------------------------------


def test_hf_003_counts_and_kind(read):
    result, kinds = read("hf_apr13")
    assert kinds == ["hf_daily"]
    # 43 "·" lines (42 author lines + 1 organisation) + 2 entries without a meta block
    assert len(result.records) == 45
    assert result.problems == ()
    assert all(r.kind == "hf_daily" and r.arxiv_id is None for r in result.records)


def test_hf_003_first_entry_resolves_against_page_date(read):
    first = read("hf_apr13")[0].records[0]
    assert first.title == "Compositional Generalization Requires Linear, Orthogonal Representations in Vision Embedding Models"
    assert (first.author_count, first.date, first.date_text, first.upvotes) == (3, "2026-02-27", "Feb 27", 3)
    assert first.origin.line == 13
    assert first.lines == {"title": 13, "abstract": 15, "author_count": 17, "date": 19, "upvotes": 19}
    assert first.abstract.startswith("Compositional generalization, the ability to recognize familiar parts")


@pytest.mark.parametrize(
    "prefix, author_count, day, date_text, upvotes",
    [
        ("Dissecting Linear Recurrent Models", 4, "2026-01-18", "Jan 18", None),
        ("PAC Generalization via Invariant", 3, "2022-05-30", "May 30, 2022", None),
        ("RedDino: A foundation model", 4, "2025-08-11", "Aug 11, 2025", 2),
        ("HMPE:HeatMap Embedding", 1, "2025-04-18", "Apr 18, 2025", None),
        ("Pre-Trained Language Models for Interactive", 14, "2022-02-03", "Feb 3, 2022", None),
        ("Diagnosing Generalization Failures", 4, "2026-03-02", "Mar 2", None),
        ("Weird Generalization and Inductive Backdoors", 7, "2025-12-10", "Dec 10, 2025", 1),
        ("Geometric Deep Learning: Grids", 4, "2021-04-27", "Apr 27, 2021", None),
    ],
)
def test_hf_003_entries(read, prefix, author_count, day, date_text, upvotes):
    record = by_title(read("hf_apr13")[0].records, prefix)
    assert (record.author_count, record.date, record.date_text, record.upvotes) == (author_count, day, date_text, upvotes)


def test_hf_003_organisation_instead_of_authors(read):
    record = by_title(read("hf_apr13")[0].records, "Learning to Grasp Anything by Playing with Random Toys")
    assert record.organisation == "Berkeley UC Berkeley" and record.author_count is None
    assert (record.date, record.upvotes) == ("2025-10-14", 2)
    assert record.lines["organisation"] == 337


@pytest.mark.parametrize("prefix, line", [("EEG Foundation Models", 165), ("The Truthfulness Spectrum Hypothesis", 233)])
def test_hf_003_entries_without_meta(read, prefix, line):
    record = by_title(read("hf_apr13")[0].records, prefix)
    assert record.origin.line == line and record.abstract
    assert (record.author_count, record.organisation, record.date, record.upvotes) == (None, None, None, None)


def test_hf_004(read):
    result, kinds = read("hf_apr22")
    assert kinds == ["hf_daily"] and len(result.records) == 32 and result.problems == ()
    records = result.records
    assert by_title(records, "Scaling Laws for Uncertainty").date == "2026-02-08"  # Feb 8, page Apr 22
    aperiodic = by_title(records, "Aperiodic Structures Never Collapse")
    assert (aperiodic.date, aperiodic.date_text, aperiodic.upvotes, aperiodic.author_count) == ("2026-03-16", "Mar 16", 2, 1)
    entropy = by_title(records, "The Entropy Mechanism of Reinforcement Learning")
    assert (entropy.author_count, entropy.date, entropy.upvotes) == (17, "2025-05-28", 4)
    assert by_title(records, "Dale meets Langevin").date is None
    assert (records[-1].title[:20], records[-1].date) == ("From Entropy to Epip", "2026-01-06")


@pytest.mark.parametrize("key", ["hf_apr13", "hf_apr22", "almanac_plain", "almanac_page"])
def test_headers_do_not_split_a_single_page(key):
    assert page_starts(seed_dump(key).text.split("\n")) == [0]


def test_headers_fire_only_on_the_first_line_of_their_own_pages():
    hits = {
        (path.name[:3], reader.NAME, number)
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").split("\n"), start=1)
        for reader in (hf_daily, almanac)
        if reader.HEADER.match(line)
    }
    assert hits == {("001", "almanac", 1), ("003", "hf_daily", 1), ("004", "hf_daily", 1)}


def test_hf_tolerates_stray_carriage_returns():
    text = "Title One\r\n\r\nAbstract one.\r\n \r\n  • 2 authors\r\n·\r\nFeb 27 3\r\n"
    (record,) = hf_daily.read(Dump("x.txt", text, CAPTURE, "test")).records
    assert (record.title, record.abstract, record.author_count, record.date, record.upvotes) == (
        "Title One", "Abstract one.", 2, "2026-02-27", 3)


# --- Almanac ----------------------------------------------------------------

RELATED_001 = [  # (title line, importance, source, category, date_text, date)
    (15, 4, "arXiv", "cs.LG", "24d ago", "2026-10-30"),
    (21, 9, "Openai Blog", None, "1mo ago", "2026-10"),
    (27, 7, "arXiv", "cs.LG", "1mo ago", "2026-10"),
    (33, 6, "arXiv", "cs.LG", "26d ago", "2026-10-28"),
    (39, 4, "arXiv", "cs.LG", "19d ago", "2026-11-04"),
    (45, 6, "Openai Blog", None, "1mo ago", "2026-10"),
    (51, 4, "arXiv", "cs.LG", "21d ago", "2026-11-02"),
    (57, 5, "arXiv", "cs.AI", "1mo ago", "2026-10"),
]


def test_almanac_001_headline(read):
    result, kinds = read("almanac_page")
    assert kinds == ["almanac"] and len(result.records) == 9
    headline = result.records[0]
    assert headline.title == "Theoretical analysis of generalization scaling laws in quadratic two-layer neural networks"
    assert headline.abstract.startswith("A new arXiv preprint derives explicit characterizations")
    assert (headline.extras["role"], headline.extras["importance"], headline.extras["source"], headline.category) == (
        "headline", 5, "arXiv", "cs.AI")
    assert (headline.date_text, headline.date) == ("18h ago", "2026-11-22")
    assert [o.line for o in headline.related_to] == [line for line, *_ in RELATED_001]


def test_almanac_001_related(read):
    result, _ = read("almanac_page")
    headline, related = result.records[0], result.records[1:]
    got = [(r.origin.line, r.extras["importance"], r.extras["source"], r.category, r.date_text, r.date) for r in related]
    assert got == RELATED_001
    assert all(r.extras["role"] == "related" and r.related_to == (headline.origin,) for r in related)
    assert related[1].title == "Scaling Laws for Neural Language Models"


def test_almanac_001_guides_count_mismatch(read):
    result, _ = read("almanac_page")
    (problem,) = result.problems
    assert (problem.origin.line, problem.severity) == (9, "warning")
    assert "says 1 entries, found 0" in problem.message
    assert result.skipped == ()


def test_almanac_000_without_header_or_metadata(read):
    result, kinds = read("almanac_plain")
    assert kinds == ["almanac"] and result.problems == ()
    headline, *related = result.records
    assert headline.title.startswith("Large deviation analysis shows most interpolating classifiers")
    assert len(related) == 8 and [r.origin.line for r in related] == [4, 6, 8, 10, 12, 14, 16, 18]
    assert [o.line for o in headline.related_to] == [4, 6, 8, 10, 12, 14, 16, 18]
    assert related[-1].title.startswith("Hyperfitting Explained")
    assert all("importance" not in r.extras and r.date is None and r.related_to == (headline.origin,) for r in related)


def test_almanac_guides_are_skipped_with_reason():
    path = ROOT / "tests/cases/almanac/related_guides_skipped.txt"
    result = almanac.read(Dump(path.name, path.read_text(encoding="utf-8"), CAPTURE, "test"))
    assert [(s.origin.line, s.message) for s in result.skipped] == [
        (6, "an Almanac guide, not a paper: \"A beginner's guide to attention\""),
        (8, "an Almanac guide, not a paper: 'Choosing a context length'"),
    ]


@pytest.mark.parametrize("key, reader", [("hf_apr13", almanac), ("almanac_page", hf_daily), ("almanac_plain", hf_daily)])
def test_readers_do_not_claim_each_others_pages(key, reader):
    assert reader.score(seed_dump(key).text) == 0.0


# --- detection ----------------------------------------------------------------

PAGES = sorted(path for folder in ("seeds", "tests/cases", "tests/bench/general_pages")
               for path in (ROOT / folder).rglob("*") if path.suffix in (".txt", ".bib"))


def every_score_choice(text: str):
    """choose_reader as it was before HIGHEST_SCORE: every reader scored, up to a certain one."""
    best, best_score = None, 0.0
    for reader in READERS:
        score = reader.score(text)
        if best is None or score > best_score:
            best, best_score = reader, score
        if best_score >= CERTAIN:
            break
    return (best if best_score >= MIN_SCORE else None), best_score


def test_detection_skips_only_readers_that_cannot_win():
    """A reader choose_reader does not ask (its HIGHEST_SCORE is no better than the best so
    far) would not have been chosen: on every real page, seed and golden case, the choice
    and its score are those of scoring every reader, and no reader scores above its highest."""
    assert len(PAGES) > 100
    for path in PAGES:
        text = path.read_bytes().decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
        for page in split_pages(Dump(path.name, text, CAPTURE, "test")):
            assert choose_reader(page.text) == every_score_choice(page.text), path
            for reader in READERS:
                assert reader.score(page.text) <= HIGHEST_SCORE.get(reader.NAME, CERTAIN), (path, reader.NAME)


def test_dumps_read_in_two_processes_give_what_reading_them_here_gives(monkeypatch):
    """A large corpus is read half here, half in another process (two_processes.read_dumps):
    the same results, in the dumps' order; a page no reader knows and an empty file are read
    there too."""
    from paperfold.ingest import two_processes

    dumps = [seed_dump(key) for key in SEEDS] + [Dump("seeds/bad.txt", "no listing here\n", CAPTURE, "test"),
                                                 Dump("seeds/empty.txt", "", CAPTURE, "test")]
    monkeypatch.setattr(two_processes, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(two_processes, "usable_cores", lambda: 2)
    assert two_processes.read_dumps(dumps) == [read_dump(dump) for dump in dumps]


def test_dumps_the_other_process_could_not_read_are_read_here(monkeypatch):
    from paperfold.ingest import two_processes

    dumps = [seed_dump(key) for key in SEEDS] * 4  # more than a pipe holds: it stops before reading them all
    monkeypatch.setattr(two_processes, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(two_processes, "usable_cores", lambda: 2)
    monkeypatch.setattr(two_processes, "READER_PROCESS", "import sys; sys.exit(3)")
    expected = [read_dump(dump) for dump in dumps]
    assert two_processes.read_dumps(dumps) == expected
    monkeypatch.setattr(two_processes.sys, "executable", "/nonexistent/python")  # none to start at all
    assert two_processes.read_dumps(dumps) == expected


def test_an_error_in_this_process_half_stops_the_other_process(monkeypatch):
    """A reader's error here is raised at once: the other process is killed, not waited for."""
    import signal
    import subprocess

    from paperfold.ingest import two_processes

    started, start = [], subprocess.Popen

    def popen(*args, **kwargs):
        started.append(start(*args, **kwargs))
        return started[-1]

    def failing_read(dump):
        raise RuntimeError("a reader's bug")

    monkeypatch.setattr(two_processes, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(two_processes, "usable_cores", lambda: 2)
    monkeypatch.setattr(two_processes, "READER_PROCESS", "import time; time.sleep(60)")
    monkeypatch.setattr(two_processes.subprocess, "Popen", popen)
    monkeypatch.setattr(two_processes, "read_dump", failing_read)
    with pytest.raises(RuntimeError, match="a reader's bug"):
        two_processes.read_dumps([seed_dump(key) for key in SEEDS])
    assert started[0].returncode == -signal.SIGKILL


def test_one_usable_core_reads_everything_here(monkeypatch):
    """A process allowed one core (a container, `taskset`) starts no other process: on the same
    core it would only add its start and the pickling."""
    from paperfold.ingest import two_processes

    def no_popen(*args, **kwargs):
        raise AssertionError("a second process was started")

    dumps = [seed_dump(key) for key in SEEDS]
    monkeypatch.setattr(two_processes, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(two_processes.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(two_processes.subprocess, "Popen", no_popen)
    assert two_processes.read_dumps(dumps) == [read_dump(dump) for dump in dumps]


def test_a_memo_holds_what_get_would_reuse():
    from paperfold.memo import Memo

    memo = Memo()
    assert not memo.holds("a", key=1)
    memo.get("a", lambda: "made", key=1)
    assert memo.holds("a", key=1) and not memo.holds("a", key=2) and not memo.holds("b", key=1)
    memo.sweep()  # kept for the next build
    assert memo.holds("a", key=1)
