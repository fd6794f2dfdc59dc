"""`paperfold check`: every kind of problem, each at its file:line, all reported at once."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from paperfold.contrib.check import check

ROOT = Path(__file__).resolve().parent.parent
SEED = "001_0f1032ad69612bb7.txt"  # an Almanac page: 9 papers, one count warning on line 9
SCALING = "scaling-laws-for-neural-language-models-96d1b5"
SHANNON = "shannon-scaling-law-a-noisy-channel-framework-for-llm-7b8ddc"
ROSETTA = "rosetta-neurons-follow-sublinear-power-law-scaling-with-8929f2"

CURATION = {
    # YAML syntax error: the mark's line
    f"papers/{SCALING}.yml": "title: Fixed\nauthors: [A, B\nnote: x\n",
    # unknown key (line 2), malformed date (line 3), unknown merge target (line 4), unknown topic (line 5)
    f"papers/{SHANNON}.yml": "note: fine\ntitel: typo\ndate: 2025-02-31\nmerge_with: no-such-paper-000000\n"
                             "add_topics: [not-a-topic]\n",
    # duplicate key (line 3); an alias claimed by two files (reported in the later file, by name)
    f"papers/{ROSETTA}.yml": "aliases: [old-rosetta-111111]\nnote: one\nnote: two\n",
    "papers/old-paper-222222.yml": "note: orphan\naliases: [old-rosetta-111111]\n",
    # dump curation: malformed capture date; and one for a dump that is gone
    f"dumps/{SEED}.yml": "capture_date: April 2026\n",
    "dumps/deleted.txt.yml": "capture_date: 2026-01-01\n",
    "papres/typo.yml": "note: the folder name is misspelt\n",
}
EXPECTED = {
    (f"curation/papers/{SCALING}.yml", 3, "error", "expected valid YAML"),
    (f"curation/papers/{SHANNON}.yml", 2, "error", "found unknown key 'titel'"),
    (f"curation/papers/{SHANNON}.yml", 3, "error", "date: expected a date like"),
    (f"curation/papers/{SHANNON}.yml", 4, "error", "merge_with: expected the id of a paper on the site"),
    (f"curation/papers/{SHANNON}.yml", 5, "error", "found unknown topic 'not-a-topic'"),
    (f"curation/papers/{ROSETTA}.yml", 3, "error", "found 'note' again (first on line 2)"),
    ("curation/papers/old-paper-222222.yml", 1, "error", "orphaned"),
    (f"curation/papers/{ROSETTA}.yml", 1, "error", "found 'old-rosetta-111111' also in curation/papers/old-paper"),
    (f"curation/dumps/{SEED}.yml", 1, "error", "capture_date: expected a full date like 2026-04-13, found 'April 2026'"),
    ("curation/dumps/deleted.txt.yml", 1, "error", "expected a seed file named 'deleted.txt'"),
    ("curation/papres", 1, "warning", "expected curation/papers/<id>.yml"),
    (f"seeds/{SEED}", 9, "warning", "'Related guides (1)' says 1 entries, found 0"),
    ("seeds/notes.txt", 1, "error", "no reader recognises this page"),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    shutil.copy2(ROOT / "seeds" / SEED, tmp_path / "seeds" / SEED)
    (tmp_path / "seeds" / "notes.txt").write_text("just some words\nthat are not a listing\n")
    shutil.copy2(ROOT / "topics.yml", tmp_path / "topics.yml")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for relative, text in CURATION.items():
        path = tmp_path / "curation" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def found(problems) -> set[tuple[str, int, str, str]]:
    return {(p.origin.path, p.origin.line, p.severity, p.message) for p in problems}


def test_every_problem_at_its_file_and_line(project: Path, monkeypatch):
    monkeypatch.chdir(project)
    problems = check(project / "seeds", project / "curation", project / "topics.yml")
    reported = found(problems)
    for path, line, severity, text in EXPECTED:
        assert any(p == path and l == line and s == severity and text in m for p, l, s, m in reported), \
            (path, line, text, sorted(reported))
    assert len(problems) == len(EXPECTED), sorted(reported)


def run_check(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "paperfold.face.cli", "check", "--config", str(project / "mkdocs.yml"), *args],
                          cwd=project, capture_output=True, text=True, timeout=120)


def test_cli_lists_every_problem_and_fails_on_errors(project: Path):
    result = run_check(project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"curation/papers/{SHANNON}.yml:2: error: expected one of title, authors" in result.stdout
    assert lines[-1] == f"{sum(1 for e in EXPECTED if e[2] == 'error')} errors, 2 warnings"


def test_warnings_fail_only_with_strict(project: Path):
    shutil.rmtree(project / "curation")
    (project / "seeds" / "notes.txt").unlink()
    assert run_check(project).returncode == 0
    strict = run_check(project, "--strict")
    assert strict.returncode == 1 and f"seeds/{SEED}:9: warning:" in strict.stdout


def test_clean_curation_passes(project: Path):
    shutil.rmtree(project / "curation")
    (project / "seeds" / "notes.txt").unlink()
    (project / "seeds" / SEED).write_text((ROOT / "seeds" / SEED).read_text().replace("Related guides (1)", "Related guides (0)"))
    papers = project / "curation" / "papers"
    papers.mkdir(parents=True)
    (papers / f"{SCALING}.yml").write_text("title: Scaling Laws for Neural Language Models\nadd_topics: [scaling-laws]\n"
                                           "note: |\n  Classic.\n")
    result = run_check(project, "--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "No problems found."


def test_contributing_examples_are_valid_curation():
    """Every YAML example in CONTRIBUTING.md passes the curation validators."""
    from paperfold.papers.curation_files import read_dump_file, read_paper_file

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 6
    for block in blocks:
        block = re.sub(r"<[^>]+>", "some-paper-1a2b3c", block)
        reader = read_dump_file if "capture_date" in block else read_paper_file
        entry, problems = reader(block, "CONTRIBUTING.md", "some-paper-1a2b3c")
        assert entry is not None and not problems, (block, problems)
