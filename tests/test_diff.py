"""`paperfold diff BASE_REF` in a scratch git repository: added, removed, moved, altered."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from paperfold.contrib.diff import compare, diff

ROOT = Path(__file__).resolve().parent.parent
ALMANAC = "001_0f1032ad69612bb7.txt"  # 9 papers
BIB = "003_c2369d42063fcfc5.txt"
SCALING = "scaling-laws-for-neural-language-models-96d1b5"
SHANNON = "shannon-scaling-law-a-noisy-channel-framework-for-llm-7b8ddc"
ROSETTA = "rosetta-neurons-follow-sublinear-power-law-scaling-with-8929f2"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_repo(tmp: Path) -> Path:
    repo = tmp / "repo"
    shutil.copytree(ROOT / "scripts" / "paperfold", repo / "scripts" / "paperfold",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "topics.yml"):
        shutil.copy2(ROOT / name, repo / name)
    write(repo / "seeds" / ALMANAC, (ROOT / "seeds" / ALMANAC).read_text(encoding="utf-8"))
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "base")
    return repo


def test_diff_against_a_ref(tmp_path: Path):
    repo = make_repo(tmp_path)
    papers = repo / "curation" / "papers"
    write(papers / f"{SCALING}.yml", "title: Scaling Laws for Neural Language Models (Kaplan)\n")  # moved
    write(papers / f"{SHANNON}.yml", "hide: not a paper\n")  # removed
    write(papers / f"{ROSETTA}.yml", "topics: [interpretability]\n")  # altered
    shutil.copy2(ROOT / "seeds" / BIB, repo / "seeds" / BIB)  # added
    markdown = diff(repo, "HEAD")
    assert markdown.startswith("## Papers: this change against HEAD")
    added = markdown.split("### Added")[1].split("###")[0]
    assert added.count("\n- ") > 5
    removed = markdown.split("### Removed")[1].split("###")[0]
    assert f"(`{SHANNON}`)" in removed and removed.count("\n- ") == 1
    moved = markdown.split("### Moved (the old URL redirects)")[1].split("###")[0]
    assert f"- `{SCALING}` → `scaling-laws-for-neural-language-models-kaplan-" in moved
    altered = markdown.split("### Altered")[1]
    assert any(f"(`{ROSETTA}`) | tags |" in line and line.endswith("| interpretability |")
               for line in altered.splitlines())
    assert "Kaplan" in altered and "| title |" in altered
    assert not git(repo, "worktree", "list").count("\n") > 1, "the temporary checkout is removed"


def test_no_change():
    base = [{"id": "a-1", "title": "A", "tags": ["x"], "related": []}]
    assert compare(base, base)["altered"] == []


def test_cli_prints_markdown(tmp_path: Path):
    repo = make_repo(tmp_path)
    result = subprocess.run([sys.executable, "-m", "paperfold.face.cli", "diff", "HEAD", "--config", str(repo / "mkdocs.yml")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "No paper is added, removed or altered (9 papers)." in result.stdout
