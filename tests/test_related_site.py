"""Related papers on the built site: the sidebar (overrides/partials/related.html) and the
list at the end of the article (related-body.html) on every paper page, with reasons, links that resolve, no self-links, and
never a paper that curation hides; `paperfold export` carries the same lists."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from paperfold.face import cli
from paperfold.build import papers_for, settings_from_options
from sitebuild import ROOT, build, make_project

SIDEBAR = re.compile(r'<nav class="md-nav md-nav--secondary pf-related".*?</nav>', re.S)
BODY = re.compile(r'<section class="pf-related-body pf-no-search".*?</section>', re.S)
SIDEBAR_ENTRY = re.compile(
    r'<a href="([^"]+)" class="md-nav__link pf-related__link">(.*?)</a>\s*'
    r'<small class="pf-related__reason">(.*?)</small>', re.S)
BODY_LINK = re.compile(r'<li><a href="([^"]+)" class="pf-related__link">')


def most_related_to(project: Path) -> str:
    """The id of the paper that appears in the most related lists (the one to hide)."""
    report, _ = papers_for(settings_from_options(project, {}, project / "docs"))
    counts: dict[str, int] = {}
    for paper in report.papers:
        for related in paper.related:
            counts[related.id] = counts.get(related.id, 0) + 1
    return max(sorted(counts), key=counts.get)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, str]:
    """(project, hidden id): the seeds built with the most-related paper hidden by curation."""
    project = make_project(tmp_path_factory.mktemp("related"))
    hidden = most_related_to(project)
    papers = project / "curation" / "papers"
    papers.mkdir(parents=True, exist_ok=True)
    (papers / f"{hidden}.yml").write_text("hide: not a paper (test)\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project, hidden


def paper_pages(project: Path) -> dict[str, str]:
    """Paper id -> built HTML, redirect pages left out."""
    pages = {page.parent.name: page.read_text(encoding="utf-8")
             for page in (project / "site" / "papers").glob("*/index.html")}
    return {paper_id: html for paper_id, html in pages.items() if "pf-redirect" not in html and "http-equiv" not in html}


def target(page_id: str, href: str) -> str:
    """The paper id a relative link from papers/<page_id>/ points to."""
    match = re.fullmatch(r"\.\./([^/]+)/", href)
    assert match, f"{page_id}: related link {href!r} is not a sibling paper page"
    return match.group(1)


def test_every_paper_page_has_a_related_sidebar_with_reasons(site):
    project, _ = site
    pages = paper_pages(project)
    assert len(pages) > 50
    for paper_id, html in pages.items():
        sidebar = SIDEBAR.search(html)
        assert sidebar, f"{paper_id}: no related-papers sidebar"
        entries = SIDEBAR_ENTRY.findall(sidebar.group())
        assert 1 <= len(entries) <= 8 or "listed together on Almanac" in sidebar.group(), paper_id
        for href, title, reason in entries:
            assert title.strip() and reason.strip(), f"{paper_id}: entry without title or reason"


def test_related_links_resolve_to_other_existing_paper_pages(site):
    project, _ = site
    pages = paper_pages(project)
    for paper_id, html in pages.items():
        sidebar = [href for href, _, _ in SIDEBAR_ENTRY.findall(SIDEBAR.search(html).group())]
        body = BODY_LINK.findall(BODY.search(html).group())
        assert sidebar == body, f"{paper_id}: sidebar and article list different papers"
        ids = [target(paper_id, href) for href in sidebar]
        assert paper_id not in ids, f"{paper_id}: links to itself"
        assert len(set(ids)) == len(ids), f"{paper_id}: a related paper twice"
        for related_id in ids:
            assert related_id in pages, f"{paper_id}: related {related_id} has no page"


def test_reasons_are_shown_escaped_and_titles_match_the_linked_pages(site):
    project, _ = site
    pages = paper_pages(project)
    paper_id, html = sorted(pages.items())[0]
    for href, title, reason in SIDEBAR_ENTRY.findall(SIDEBAR.search(html).group()):
        linked = pages[target(paper_id, href)]
        heading = re.search(r"<h1[^>]*>(.*?)<", linked, re.S).group(1)
        assert unescape(title).strip() == unescape(heading).strip()
        assert "<" not in reason and re.match(r"(shared terms|both in|listed together|similar in meaning)", reason)


def test_hidden_papers_never_appear_as_related(site):
    project, hidden = site
    pages = paper_pages(project)
    assert hidden not in pages
    for paper_id, html in pages.items():
        assert f"../{hidden}/" not in html, f"{paper_id} links to the hidden paper {hidden}"
    front_matter = "\n".join(p.read_text(encoding="utf-8") for p in (project / "docs" / "papers").glob("*.md"))
    assert hidden not in front_matter.replace(f"{hidden}.md", "")


def test_the_article_list_is_for_narrow_screens_and_stays_out_of_the_search_index(site):
    project, _ = site
    css = (project / "site" / "assets" / "paperfold" / "related.css").read_text(encoding="utf-8")
    assert ".pf-related-body" in css and "76.25em" in css  # Material's sidebar breakpoint
    html = next(iter(paper_pages(project).values()))
    assert 'class="pf-related-body pf-no-search"' in html  # site_assets' Pagefind exclude selector
    assert 'href="#pf-related-body-title"' not in html  # not in the table of contents


def test_pages_that_are_not_papers_have_no_related_list(site):
    project, _ = site
    for page in ("index.html", "topics/index.html", "sources/index.html"):
        html = (project / "site" / page).read_text(encoding="utf-8")
        assert "pf-related" not in html.replace("related.css", ""), page


def test_export_carries_the_related_lists(capsys):
    assert cli.main(["export", "--format", "json", "--config", str(ROOT / "mkdocs.yml")]) == 0
    papers = json.loads(capsys.readouterr().out)
    ids = {p["id"] for p in papers}
    with_related = [p for p in papers if p["related"]]
    assert len(with_related) == len(papers)
    for paper in with_related:
        assert all(r["id"] in ids and r["id"] != paper["id"] and r["reason"] for r in paper["related"])


def test_related_k_from_mkdocs_options(tmp_path):
    settings = settings_from_options(tmp_path, {"related": {"backend": "tfidf", "k": 3}}, tmp_path / "docs")
    assert (settings.related_backend, settings.related_k) == ("tfidf", 3)
    assert settings.related_cache_dir == (tmp_path / ".paperfold-cache" / "related").resolve()
    defaults = settings_from_options(tmp_path, {}, tmp_path / "docs")
    assert (defaults.related_backend, defaults.related_k) == ("tfidf", 8)
