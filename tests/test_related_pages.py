"""Paper pages around the related list, built from a small real-format dump: a paper with
nothing close says so, an untitled paper's notice stays out of the search index, and arXiv
ids in an abstract link to the paper's page or to arXiv."""

from __future__ import annotations

import re
from html import unescape

import pytest

from sitebuild import build, make_project

DUMP = """\
arXiv:2604.11111
Title: Grokking in linear networks with the logistic loss
Abstract: Grokking is delayed generalization. We study grokking with the logistic loss in linear networks
and find that grokking time grows near linear separability.

arXiv:2604.22222
Title: Grokking at the edge of linear separability
Abstract: Logistic loss classification exhibits grokking and delayed generalization near separability,
as arXiv:2604.11111 predicts; compare arXiv:2011.06063 <script>alert(1)</script>.

arXiv:2604.33333
Title: Chromatic symmetric functions of trees
Abstract: We study chromatic symmetric functions of trees and prove that the self-chromatic function
distinguishes caterpillars up to twelve vertices.

Abstract: Delayed generalization, called grokking, appears in linear networks trained with the logistic loss
long after the training loss is small; we measure grokking time.
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    seeds = tmp_path_factory.mktemp("seeds")
    (seeds / "000_small.txt").write_text(DUMP, encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("site"), seeds)
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return {p.parent.name: p.read_text(encoding="utf-8") for p in (project / "site" / "papers").glob("*/index.html")}


def page_of(pages: dict[str, str], heading: str) -> str:
    """The page whose <h1> starts with `heading`, character references resolved."""
    return next(unescape(html) for html in pages.values() if re.search(r"<h1[^>]*>" + re.escape(heading), html))


def test_a_paper_with_nothing_close_says_so(pages):
    chromatic = page_of(pages, "Chromatic symmetric functions of trees")
    assert "Nothing in this collection is close to this paper." in chromatic
    assert "pf-related__link" not in chromatic
    grokking = page_of(pages, "Grokking at the edge of linear separability")
    assert "pf-related__link" in grokking and "Nothing in this collection is close" not in grokking


def test_an_untitled_papers_notice_is_kept_out_of_the_search_index(pages):
    untitled = page_of(pages, "Delayed generalization")
    ignored = re.search(r"<div data-pagefind-ignore[^>]*>(.*?)</div>", untitled, re.S)
    assert ignored and "Title unknown" in ignored.group(1)
    notices = [m.start() for m in re.finditer(r'admonition-title">Title unknown', untitled)]
    assert len(notices) == 1 and ignored.start() < notices[0] < ignored.end()


def test_arxiv_ids_in_an_abstract_are_links_and_the_rest_stays_escaped(pages):
    html = page_of(pages, "Grokking at the edge of linear separability")
    own = re.search(r'<a href="([^"]+)">arXiv:2604\.11111</a>', html)
    assert own and own.group(1).startswith("../grokking-in-linear-networks")
    assert '<a href="https://arxiv.org/abs/2011.06063">arXiv:2011.06063</a>' in html
    raw = next(h for h in pages.values() if "Grokking at the edge of linear separability" in h and "2604&#46;22222" in h
               or "Grokking at the edge" in h and "alert" in h)
    assert "<script>alert(1)</script>" not in raw and "alert(1)" in raw
