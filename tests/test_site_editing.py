"""The built site as a contributor meets it: edit links, report links, redirects after a
title fix, atomic builds, and a broken curation file during `serve`."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from paperfold.face import cli
from paperfold.face.safebuild import build_atomically
from sitebuild import build, make_project

REPO = "https://github.com/example/paperfold"
CURATED = "scaling-laws-for-neural-language-models-96d1b5"
FIXED_TITLE = "Scaling Laws for Neural Language Models (Kaplan et al.)"
PLAIN = "one-epoch-is-all-you-need-150748"
HIDDEN = "the-truthfulness-spectrum-hypothesis-485a90"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("editing"))
    papers = project / "curation" / "papers"
    papers.mkdir(parents=True, exist_ok=True)
    (papers / f"{CURATED}.yml").write_text(f"title: {FIXED_TITLE}\nnote: A **classic**.\n", encoding="utf-8")
    (papers / f"{HIDDEN}.yml").write_text("hide: a blog post, not a paper\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


def page(site: Path, paper_id: str) -> str:
    return (site / "site" / "papers" / paper_id / "index.html").read_text(encoding="utf-8")


def edit_link(html: str) -> str | None:
    match = re.search(r'<a href="([^"]+)" title="Edit this page"', html)
    return unescape(match[1]) if match else None


def new_id(site: Path) -> str:
    (folder,) = [p.name for p in (site / "site" / "papers").iterdir()
                 if p.name.startswith("scaling-laws-for-neural-language-models-kaplan")]
    return folder


def test_curated_paper_edit_link_opens_its_curation_file(site: Path):
    assert edit_link(page(site, new_id(site))) == f"{REPO}/edit/main/curation/papers/{CURATED}.yml"


def test_uncurated_paper_edit_link_creates_the_file_with_a_skeleton(site: Path):
    url = urlsplit(edit_link(page(site, PLAIN)))
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/new/main"
    query = parse_qs(url.query)
    assert query["filename"] == [f"curation/papers/{PLAIN}.yml"]
    skeleton = query["value"][0]
    assert f"Curation for {PLAIN}" in skeleton and "# title: One Epoch Is All You Need" in skeleton
    assert yaml.safe_load(skeleton) is None  # all commented out: committing it as is changes nothing
    uncommented = yaml.safe_load(re.sub(r"^# (?=\w+:)", "", skeleton, flags=re.M))
    assert uncommented["title"] == "One Epoch Is All You Need"


def test_report_a_problem_link_prefills_an_issue(site: Path):
    match = re.search(r'<a href="([^"]+)" rel="nofollow">Report a problem</a>', page(site, PLAIN))
    url = urlsplit(unescape(match[1]))
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/issues/new"
    query = parse_qs(url.query)
    assert PLAIN in query["title"][0] and f"curation/papers/{PLAIN}.yml" in query["body"][0]


def test_generated_pages_have_no_edit_link(site: Path):
    for name in ("index.html", "sources/index.html"):
        assert edit_link((site / "site" / name).read_text(encoding="utf-8")) is None


def test_title_fix_moves_the_page_and_the_old_url_redirects(site: Path):
    target = new_id(site)
    assert "<h1 id=" in page(site, target) and "Kaplan et al." in page(site, target)
    old = page(site, CURATED)
    assert f'http-equiv="refresh" content="0; url=../{target}/"' in old
    assert f'<link rel="canonical" href="../{target}/">' in old
    assert "<strong>classic</strong>" in page(site, target)  # the note, rendered as Markdown


def test_hidden_paper_is_off_the_site_and_on_the_sources_page_with_its_reason(site: Path):
    assert not (site / "site" / "papers" / HIDDEN).exists()
    html = (site / "site" / "sources" / "index.html").read_text(encoding="utf-8")
    text = unescape(re.sub(r"<[^>]+>", "", html))
    line = next(line for line in text.splitlines() if HIDDEN in line)
    assert line.startswith(f"curation/papers/{HIDDEN}.yml:1: hidden by curation")
    assert line.endswith("a blog post, not a paper")


# --- atomic builds -----------------------------------------------------------


def test_failed_build_leaves_the_previous_site_intact(site: Path, monkeypatch):
    before = {p: p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}

    def half_a_build(config, **kwargs):
        Path(config.site_dir, "index.html").write_text("half-written")
        raise RuntimeError("killed mid-build")

    monkeypatch.setattr("mkdocs.commands.build.build", half_a_build)
    with pytest.raises(RuntimeError):
        cli.main(["build", "--config", str(site / "mkdocs.yml"), "--site-dir", str(site / "site")])
    after = {p: p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(site.glob(".site.*")), "the staging dir is removed"


def test_leftovers_of_a_killed_build_are_cleaned_and_a_good_build_swaps_in(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    (tmp_path / ".site.building-killed").mkdir()  # what a SIGKILL mid-build leaves

    def good_build(staging: Path) -> None:
        (staging / "index.html").write_text("new")

    build_atomically(site, good_build)
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_broken_curation_during_serve_keeps_the_last_good_site(tmp_path: Path):
    """A rebuild (what `serve` runs on a change) with a broken curation file keeps the last good pages."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    entry = project / "curation" / "papers" / f"{PLAIN}.yml"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text("note: The last good note.\n")
    site_dir = tmp_path / "served"
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir)))
    served = site_dir / "papers" / PLAIN / "index.html"
    assert "The last good note." in served.read_text(encoding="utf-8")
    entry.write_text("note: [broken\n")
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir)))  # does not raise
    assert "The last good note." in served.read_text(encoding="utf-8")
