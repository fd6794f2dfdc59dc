"""Issue 16's reproductions: nothing lost, nothing crashes, nothing escapes.

Each test starts from the input a hostile or careless contributor gave and checks what
the build makes of it: every record read is on a page or in the report, every problem
names its file and line, and no command ends in a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperfold import build
from paperfold.build import collect
from paperfold.papers.curate import Curated
from paperfold.report import format_report

DAILY_HEADER = "Daily Papers\nbyAK and the research community\n\n"


def seeds(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    return folder


def balanced(report) -> bool:
    placed = sum(len(p.sources) for p in report.papers) + sum(len(h.paper.sources) for h in report.hidden)
    return report.record_count == placed and "balanced" in format_report(report)


# --- R1: colliding ids ------------------------------------------------------


def test_three_identical_untitled_abstracts_keep_three_papers(tmp_path):
    report = collect(seeds(tmp_path, {"a.txt": "Abstract:We study X.\n" * 3}))
    assert report.record_count == 3
    assert len(report.papers) == 3
    assert len({p.id for p in report.papers}) == 3
    assert balanced(report)
    assert format_report(report).startswith("Read 3 records")


def test_three_daily_entries_with_the_same_punctuation_title(tmp_path):
    entry = "???\n\n!!!\n\n  • 1 author\n·\nFeb 27\n\n"
    report = collect(seeds(tmp_path, {"2025-03-01_d.txt": DAILY_HEADER + entry * 3}))
    assert report.record_count == 3
    assert len({p.id for p in report.papers}) == 3
    assert balanced(report)


def test_unique_id_suffixes_until_free():
    from paperfold.papers.merge import unique_id

    assert unique_id("a", set()) == "a"
    assert unique_id("a", {"a"}) == "a-2"
    assert unique_id("a", {"a", "a-2", "a-3"}) == "a-4"


def test_curation_keeps_papers_that_arrive_with_one_id(tmp_path):
    from dataclasses import replace

    from paperfold.papers.curate import apply_curation
    from paperfold.papers.curation_files import Curation

    papers = collect(seeds(tmp_path, {"a.txt": "Abstract:We study X.\n" * 2})).papers
    twins = (papers[0], replace(papers[1], id=papers[0].id))
    curated = apply_curation(twins, Curation())
    assert len({p.id for p in curated.papers}) == 2
    assert any("twice" in p.message for p in curated.problems)


# --- accounting: counted as the readers produced them -------------------------


def test_a_record_dropped_after_reading_is_reported(tmp_path, monkeypatch):
    real = build.apply_curation

    def losing(papers, curation):
        curated = real(papers, curation)
        return Curated(curated.papers[1:], curated.hidden, curated.problems)

    monkeypatch.setattr(build, "apply_curation", losing)
    folder = seeds(tmp_path, {"a.txt": "Abstract:We study X.\nAbstract:We study Y.\n"})
    report = collect(folder)
    assert report.record_count == 2  # what the reader produced, not what reached a paper
    assert not balanced(report)
    assert "NOT BALANCED" in format_report(report)
    lost = [p for p in report.problems if "found it in no paper" in p.message]
    assert [str(p.origin) for p in lost] == ["seeds/a.txt:1"]


# --- R2, R4: Daily Papers pages ----------------------------------------------

GLUED = ("Daily Papers\nbyAK and the research community\n\nTitle A\n\nAbstract A.\n\n  • 3 authors\n·\nFeb 27\n"
         "Title B\nAbstract B.\n  • 2 authors\n·\nFeb 26\nTitle C\nAbstract C.\n  • 1 author\n·\nFeb 25\n")


def test_entries_pasted_after_a_date_without_blank_lines_are_read(tmp_path):
    report = collect(seeds(tmp_path, {"2025-03-01_d.txt": GLUED}))
    found = [(p.title, p.abstract, p.date, p.author_count) for p in report.papers]
    assert found == [("Title A", "Abstract A.", "2025-02-27", 3), ("Title B", "Abstract B.", "2025-02-26", 2),
                     ("Title C", "Abstract C.", "2025-02-25", 1)]
    assert [str(p.sources[0].origin) for p in report.papers] == [
        "seeds/2025-03-01_d.txt:4", "seeds/2025-03-01_d.txt:11", "seeds/2025-03-01_d.txt:16"]
    assert report.problems == ()


def test_glued_entry_with_an_organisation_line(tmp_path):
    text = GLUED.replace("  • 2 authors\n", "Some Lab\n")
    report = collect(seeds(tmp_path, {"2025-03-01_d.txt": text}))
    assert [(p.title, p.organisation) for p in report.papers][1] == ("Title B", "Some Lab")
    assert balanced(report) and report.problems == ()


def test_a_page_header_with_no_entries_is_a_problem(tmp_path):
    report = collect(seeds(tmp_path, {"d.txt": "new\n\nDaily Papers\n\nbyAK and the research community\n"}))
    assert [(str(p.origin), p.severity) for p in report.problems] == [("seeds/d.txt:1", "error")]
    assert "found none" in report.problems[0].message


# --- one stray byte -----------------------------------------------------------

ABSTRACTS = "".join(f"Abstract:We study problem number {n} in depth.\n" for n in range(1, 6))


@pytest.mark.parametrize("stray", [b"\x00", b"\xff", b"\xfe\xff"])
def test_one_stray_byte_is_reported_at_its_line_and_the_rest_is_read(tmp_path, stray):
    raw = ABSTRACTS.encode().replace(b"number 3", b"number " + stray + b"3")
    report = collect(seeds(tmp_path, {"a.txt": raw}))
    assert len(report.papers) == 5
    assert [(str(p.origin), p.severity) for p in report.problems] == [("seeds/a.txt:3", "warning")]
    assert "\ufffd" in report.papers[2].abstract
    assert balanced(report)


def test_a_binary_file_is_still_refused_at_its_first_bad_byte(tmp_path):
    raw = b"Abstract:We study X.\n" + bytes(range(256)) * 4
    report = collect(seeds(tmp_path, {"a.bin": raw}))
    assert report.papers == ()
    assert [str(p.origin) for p in report.problems] == ["seeds/a.bin:2"]
    assert "binary data" in report.problems[0].message


# --- R3: absurd relative dates -----------------------------------------------

ALMANAC = ("Almanac\n← Events\n5arXiv · cs.AI·{date}\nA planning benchmark for small agents\n"
           "A new arXiv preprint introduces a planning benchmark.\n")


@pytest.mark.parametrize("when", ["3000y ago", "99999999d ago", "999999999999999999999w ago"])
def test_an_absurd_relative_date_is_a_problem_not_a_crash(tmp_path, when):
    report = collect(seeds(tmp_path, {"2026-04-13_a.txt": ALMANAC.format(date=when)}))
    assert [p.date for p in report.papers] == [None]
    assert [str(p.origin) for p in report.problems] == ["seeds/2026-04-13_a.txt:3"]
    assert repr(when) in report.problems[0].message


def test_resolve_date_gives_none_before_year_one():
    from datetime import date

    from paperfold.ingest.normalize import resolve_date

    assert resolve_date("3000y ago", date(2026, 4, 13)) is None
    assert resolve_date("2025y ago", date(2026, 4, 13)) == "0001"


# --- R6: fuzzy title matching stays near linear --------------------------------


def hostile_titles(count: int) -> list[str]:
    """Long titles that all share their first two words (one block under the old blocking)."""
    import random

    rng = random.Random(6)
    words = "grokking scaling sparse attention graph language reward tokens memory vision".split()
    return [f"deep learning {' '.join(rng.choice(words) for _ in range(6))} {n}" for n in range(count)]


def brute_force_pairs(titles):
    from rapidfuzz import fuzz

    from paperfold.papers.identity import FUZZY_MIN_LENGTH, FUZZY_TITLE_RATIO

    long = [(i, t) for i, t in enumerate(titles) if len(t) >= FUZZY_MIN_LENGTH]
    return {(i, j) for n, (i, a) in enumerate(long) for j, b in long[n + 1:]
            if a.split()[:2] == b.split()[:2] and a != b and fuzz.ratio(a, b) >= FUZZY_TITLE_RATIO}


def test_fuzzy_pairs_in_small_blocks_are_every_pair_a_full_comparison_finds():
    from paperfold.papers.identity import _fuzzy_title_pairs, fold

    titles = hostile_titles(300)
    titles += [t + "s" for t in titles[:40]] + [t.replace("deep", "deep ") for t in titles[40:60]]
    titles = [fold(t) for t in titles]
    found = set(_fuzzy_title_pairs(titles))
    assert found == brute_force_pairs(titles)
    assert len(found) >= 40


def test_a_huge_block_is_compared_in_capped_blocks_and_near_duplicates_still_meet():
    from paperfold.papers.identity import FUZZY_BLOCK_CAP, _blocks, _fuzzy_title_pairs

    titles = hostile_titles(16_000)
    twin = len(titles)
    titles.append(titles[123] + "s")  # a plural: ratio above 96
    blocks = list(_blocks(titles))
    assert max(len(b) for b in blocks) <= FUZZY_BLOCK_CAP
    assert sum(len(b) for b in blocks) < 3 * len(titles)  # each title in a few blocks at most
    assert (123, twin) in set(_fuzzy_title_pairs(titles))


# --- R7, R8: curation files that crashed every command ----------------------------

BOMB = ('a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
        + "".join(f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                  for p, n in zip("abcdefgh", "bcdefghi"))
        + "authors: *i\n")

CURATION_ATTACKS = {  # name: (file bytes, line of the problem, words of its message)
    "latin1": (b"title: A title\nnote: caf\xe9\n", 2, "UTF-8"),
    "nul": (b"note: a\x00b\n", 1, "control character"),
    "bell": (b"title: x\nnote: a\x07b\n", 2, "control character"),
    "utf16": ("note: hello\n".encode("utf-16"), 1, "UTF-16"),
    "deep": (b"note: " + b"[" * 20_000, 1, "nested"),
    "complex_key": (b"title: x\n? [a, b]\n: x\n", 2, "as a key"),
    "alias_bomb": (BOMB.encode(), 1, "anchor"),
    "alias": (b"title: &t A title\nnote: *t\n", 1, "anchor"),
    "year_zero": (b'date: "0000"\n', 1, "date"),
    "date_and_time": (b"date: 2025-02-27 10:00:00\n", 1, "date"),
    "huge": (b"note: x\n" + b"#" * 1_100_000 + b"\n", 1, "kB"),
}


@pytest.fixture
def project(tmp_path) -> tuple[Path, str]:
    """A repository with one seed dump; the id of its only paper."""
    seeds(tmp_path, {"a.txt": "Abstract:We study grokking in small transformers trained on modular arithmetic.\n"})
    (tmp_path / "curation" / "papers").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n")
    return tmp_path, collect(tmp_path / "seeds").papers[0].id


def run_cli(root: Path, *args: str, capsys) -> tuple[int, str]:
    from paperfold.face.cli import main

    code = main([*args, "--config", str(root / "mkdocs.yml")])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("attack", CURATION_ATTACKS)
def test_hostile_curation_file_is_a_problem_at_its_line_in_every_command(project, attack, capsys):
    root, paper_id = project
    raw, line, words = CURATION_ATTACKS[attack]
    (root / "curation" / "papers" / f"{paper_id}.yml").write_bytes(raw)
    code, out = run_cli(root, "check", capsys=capsys)
    assert code == 1
    assert f"curation/papers/{paper_id}.yml:{line}: error:" in out and words in out
    assert len(out) < 2000  # no 6 GB repr, no million lines
    code, out = run_cli(root, "export", capsys=capsys)
    assert code == 0 and "balanced" in out
    report = build.generate(build.Settings(root / "seeds", root / "docs", curation_dir=root / "curation",
                                           related_k=0))
    assert len(report.papers) == 1


def test_errors_printed_per_file_are_capped(project, capsys):
    from paperfold.report import MAX_LINES_PER_FILE

    root, paper_id = project
    keys = "".join(f"key{n}: x\n" for n in range(3000))
    (root / "curation" / "papers" / f"{paper_id}.yml").write_text(keys)
    code, out = run_cli(root, "check", capsys=capsys)
    assert code == 1
    assert out.count("unknown key") == MAX_LINES_PER_FILE
    assert f"{3000 - MAX_LINES_PER_FILE} more problems in this file not shown" in out


# --- R12: unreadable seeds, file names that are not UTF-8 ---------------------------


def test_an_unreadable_seed_is_a_problem_and_the_rest_builds(tmp_path, monkeypatch):
    folder = seeds(tmp_path, {"a.txt": "Abstract:We study X.\n", "b.txt": "Abstract:We study Y.\n"})
    real = Path.read_bytes

    def read_bytes(path):  # chmod 0 does not stop root, who runs some CI containers
        if path.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = collect(folder)
    assert [p.abstract for p in report.papers] == ["We study Y."]
    assert [str(p.origin) for p in report.problems] == ["seeds/a.txt:1"]
    assert "Permission denied" in report.problems[0].message


def test_a_seed_name_that_is_not_utf8_builds(tmp_path):
    import os

    folder = seeds(tmp_path, {})
    name = os.fsdecode(b"bad\xff\xfename.txt")
    (folder / name).write_text("Abstract:We study grokking.\n")
    report = build.generate(build.Settings(folder, tmp_path / "docs", related_k=0,
                                           repo_url="https://github.com/example/paperfold"))
    assert [str(r.origin) for r in report.papers[0].sources] == ["seeds/bad\ufffd\ufffdname.txt:1"]
    page = (tmp_path / "docs" / "papers" / f"{report.papers[0].id}.md").read_text()
    assert "bad%EF%BF%BD%EF%BF%BDname.txt" in page


# --- R9: a curation note is Markdown, never raw HTML --------------------------------

HOSTILE_NOTE = """Worth reading with *care*: [the code](https://example.org/code) and [our notes](../other/).

<script>alert("script")</script>
<img src="x" onerror="alert('onerror')">
[js](javascript:alert('js')) [data](data:text/html;base64,PHNjcmlwdD4=) [mail](mailto:x@example.org)

A paragraph with attributes.
{: onclick="alert('attr_list')" }

<a href="javascript:alert('raw')" onmouseover="alert('over')">raw link</a>
"""


def test_note_html_keeps_formatting_and_http_links_only():
    from paperfold.site.notes import note_html

    html = note_html(HOSTILE_NOTE)
    assert "<em>care</em>" in html
    assert 'href="https://example.org/code"' in html and 'href="../other/"' in html
    for bad in ("<script", "onerror", "javascript:", "data:", "mailto:", "onmouseover", "<img"):
        assert bad not in html
    assert "\n" not in html  # one raw HTML block, whatever blank lines the note had


def test_hostile_note_never_reaches_the_built_page(tmp_path):
    import shutil

    from sitebuild import build as build_site, make_project

    (tmp_path / "in").mkdir()
    folder = seeds(tmp_path / "in", {"a.txt": "Abstract:We study grokking in small transformers.\n"})
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", folder)
    shutil.rmtree(project / "curation" / "papers", ignore_errors=True)
    (project / "curation" / "papers").mkdir(parents=True)
    paper_id = collect(project / "seeds").papers[0].id
    (project / "curation" / "papers" / f"{paper_id}.yml").write_text(
        "note: |\n" + "".join(f"  {line}\n" for line in HOSTILE_NOTE.splitlines()))
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "papers" / paper_id / "index.html").read_text()
    note = page[page.index('class="pf-note"'):]
    note = note[:note.index("</div>")]
    assert "<em>care</em>" in note and 'href="https://example.org/code"' in note
    import re

    assert not re.search(r"<[^>]*\son(?:error|click|mouseover)\s*=", page)  # no handler on any element
    for bad in ("<script>alert", 'href="javascript:', 'href="data:', 'href="mailto:', '<img src="x"'):
        assert bad not in page


# --- R10, R11: symbolic links that leave the repository ------------------------------

LISTING = "Abstract:We study a secret result kept outside the repository.\n"


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder beside the repository: a listing and a curation file a link could publish."""
    folder = tmp_path / "outside"
    (folder / "dump.txt").parent.mkdir()
    (folder / "dump.txt").write_text(LISTING)
    (folder / "secret.yml").write_text("note: the secret note\n")
    (folder / "names-of-outside-files.txt").write_text("x")
    return folder


def test_seed_links_that_leave_the_repository_are_refused(tmp_path, outside):
    repo = tmp_path / "repo"
    folder = seeds(repo, {"a.txt": "Abstract:We study X.\n"})
    (folder / "linked.txt").symlink_to(outside / "dump.txt")
    (folder / "2026-01-01_folder.txt").symlink_to(outside, target_is_directory=True)
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere")
    (repo / "inside.txt").write_text("Abstract:We study Y.\n")
    (folder / "inside-link.txt").symlink_to(repo / "inside.txt")  # stays inside: followed
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # inside, a loop: read once
    report = collect(folder)
    assert sorted(p.abstract for p in report.papers) == ["We study X.", "We study Y."]
    refused = {str(p.origin): p.message for p in report.problems}
    assert set(refused) == {"seeds/linked.txt:1", "seeds/2026-01-01_folder.txt:1", "seeds/broken.txt:1"}
    assert all("symbolic link" in message for message in refused.values())
    assert str(outside / "dump.txt") in refused["seeds/linked.txt:1"]


def test_curation_links_that_leave_the_repository_are_refused(tmp_path, outside):
    from paperfold.papers.curation_files import load_curation

    repo = tmp_path / "repo"
    papers = repo / "curation" / "papers"
    papers.mkdir(parents=True)
    (papers / "some-paper-1a2b3c.yml").symlink_to(outside / "secret.yml")
    curation = load_curation(repo / "curation")
    assert curation.papers == ()
    assert [str(p.origin) for p in curation.problems] == ["curation/papers/some-paper-1a2b3c.yml:1"]

    papers.joinpath("some-paper-1a2b3c.yml").unlink()
    papers.rmdir()
    papers.symlink_to(outside, target_is_directory=True)
    curation = load_curation(repo / "curation")
    assert curation.papers == ()
    assert [str(p.origin) for p in curation.problems] == ["curation/papers:1"]
    assert "names-of-outside-files" not in " ".join(p.message for p in curation.problems)

    papers.unlink()
    (repo / "curation").rename(repo / "kept")
    (repo / "curation").symlink_to(outside, target_is_directory=True)
    curation = load_curation(repo / "curation")
    assert [str(p.origin) for p in curation.problems] == ["curation:1"]


# --- R13, R14: killed builds, builds side by side, Pagefind's child -------------------


def write_site(folder: Path, text: str) -> None:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text)


def dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_build_killed_between_renames_loses_no_site(tmp_path):
    from paperfold.face.safebuild import build_atomically

    site = tmp_path / "site"
    write_site(tmp_path / f".site.old-{dead_pid()}", "last good")  # the kill: the site is here only

    def failing(staging: Path) -> None:
        raise RuntimeError("broken build")

    with pytest.raises(RuntimeError):
        build_atomically(site, failing)
    assert (site / "index.html").read_text() == "last good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_swap_replaces_the_site_in_one_step(tmp_path, monkeypatch):
    from paperfold.face import safebuild

    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    if not safebuild._exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("this system cannot exchange two folders in one step")
    (tmp_path / "a").rmdir(), (tmp_path / "b").rmdir()
    site = tmp_path / "site"
    write_site(site, "old")
    write_site(tmp_path / "new", "new")
    monkeypatch.setattr(safebuild.os, "replace", None)  # no two-rename path: only the exchange
    safebuild.swap_in(tmp_path / "new", site)
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_two_rename_fallback_still_swaps(tmp_path, monkeypatch):
    from paperfold.face import safebuild

    site = tmp_path / "site"
    write_site(site, "old")
    write_site(tmp_path / "new", "new")
    monkeypatch.setattr(safebuild, "_exchange", lambda a, b: False)
    safebuild.swap_in(tmp_path / "new", site)
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_second_build_at_once_is_refused_with_a_message(tmp_path):
    from paperfold.face.safebuild import BuildLocked, build_atomically

    site = tmp_path / "site"
    refused = []

    def first(staging: Path) -> None:
        (staging / "index.html").write_text("first")
        with pytest.raises(BuildLocked) as error:
            build_atomically(site, lambda s: (s / "index.html").write_text("second"))
        refused.append(str(error.value))

    build_atomically(site, first)
    assert (site / "index.html").read_text() == "first"
    assert "another build" in refused[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_only_leftovers_of_finished_processes_are_removed(tmp_path):
    import subprocess
    import sys

    from paperfold.face.safebuild import build_atomically

    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        write_site(tmp_path / f".site.building-{live.pid}-abc", "a live build's work")
        write_site(tmp_path / f".site.building-{dead_pid()}-abc", "a dead build's work")
        build_atomically(tmp_path / "site", lambda s: (s / "index.html").write_text("new"))
        assert sorted(p.name for p in tmp_path.iterdir()) == [f".site.building-{live.pid}-abc", "site"]
    finally:
        live.kill()
        live.wait()


def test_pagefind_has_a_time_limit(tmp_path, monkeypatch):
    import sys

    from paperfold.face import site_assets

    monkeypatch.setattr(site_assets, "pagefind_command",
                        lambda site: [sys.executable, "-c", "import time; time.sleep(60)"])
    result = site_assets.index_search(tmp_path, seconds=0.5)
    assert result.returncode != 0 and "stopped after" in result.stderr


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_pagefind_dies_with_the_build(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    marker = tmp_path / "child.pid"
    script = f"""
import sys
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent / "scripts")!r})
from paperfold.face import site_assets
site_assets.pagefind_command = lambda site: [sys.executable, "-c",
    "import os, time; open({str(marker)!r}, 'w').write(str(os.getpid())); time.sleep(120)"]
site_assets.index_search(site_assets.Path("."))
"""
    build = subprocess.Popen([sys.executable, "-c", script])
    for _ in range(200):
        if marker.exists() and marker.read_text():
            break
        time.sleep(0.05)
    child = int(marker.read_text())
    build.send_signal(signal.SIGKILL)  # the build dies without any clean-up of its own
    build.wait()
    for _ in range(100):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("Pagefind's process outlived the build")


@pytest.mark.parametrize("raw", [b"topics:\n  - id: caf\xe9\n", b"topics: " + b"[" * 20_000,
                                 b"a: &a [x, x]\ntopics: *a\n", b"topics:\n  - id: a\x00\n"])
def test_a_hostile_topics_file_is_a_problem_not_a_crash(tmp_path, raw):
    from paperfold.enrich.vocabulary import load_vocabulary

    (tmp_path / "topics.yml").write_bytes(raw)
    vocabulary, problems = load_vocabulary(tmp_path / "topics.yml", "topics.yml")
    assert vocabulary.topics == () and problems


def test_paperfold_build_refuses_while_another_build_holds_the_site(tmp_path):
    from paperfold.face.safebuild import site_lock
    from sitebuild import build as build_site, make_project

    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", seeds(tmp_path / "in", {"a.txt": "Abstract:We study X.\n"}))
    with site_lock(project / "site"):
        result = build_site(project)
    assert result.returncode == 1
    assert "another build is writing a site" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_a_utf16_seed_is_read(tmp_path):
    report = collect(seeds(tmp_path, {"a.txt": ABSTRACTS.encode("utf-16")}))
    assert len(report.papers) == 5 and report.problems == ()


def test_a_seeds_folder_linked_from_outside_is_refused(tmp_path, outside):
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "seeds").symlink_to(outside, target_is_directory=True)
    report = collect(tmp_path / "repo" / "seeds")
    assert report.papers == () and [str(p.origin) for p in report.problems] == ["seeds:1"]
