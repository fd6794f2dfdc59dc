"""Browsing the corpus: the Timeline, the paper map, and copying a paper's BibTeX."""

import re

from conftest import paper_paths


def test_timeline_lists_months_newest_first_and_links_papers(session):
    page = session.goto("timeline/")
    headings = page.locator("article h2").all_inner_texts()
    months = [re.sub(r"\s*\(.*", "", h) for h in headings if "unknown" not in h]
    assert len(months) >= 2
    keys = page.locator("article h2[id]").evaluate_all("hs => hs.map(h => h.id).filter(id => /^\\d{4}-\\d{2}$/.test(id))")
    assert keys == sorted(keys, reverse=True)
    first = page.locator("article li a").first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_url(re.compile("/papers/"))
    assert page.locator("article h1").count() == 1, href


def test_map_points_link_to_papers_and_have_a_text_alternative(session, site_dir):
    page = session.goto("map/")
    svg = page.locator(".pf-map svg")
    assert svg.get_attribute("role") == "img"
    label = page.locator("#pf-map-title").text_content() + page.locator("#pf-map-desc").text_content()
    assert "papers" in label
    points = svg.locator("a")
    papers = len(list((site_dir / "papers").glob("*/index.html")))
    assert points.count() == papers
    assert page.locator("article h2", has_text="What the colours mean").count() == 1
    point = points.nth(3)
    href = point.get_attribute("href")
    point.locator("circle").click(force=True)  # points may overlap; the link is what matters
    page.wait_for_url(re.compile("/papers/"))
    assert page.locator("article h1").count() == 1, href


def test_bibtex_copy_button_copies_the_entry(open_session, site_dir):
    session = open_session()
    session.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = session.goto(paper_paths(site_dir, 'id="cite"')[0])
    code = page.locator("article pre").last
    code.hover()
    # Material 9.8 draws the copy button as nav.md-code__nav > button.md-code__button
    page.locator("article pre .md-code__button[data-clipboard-target]").last.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.lstrip().startswith("@") and "title" in copied
    assert copied.strip() == code.locator("code").inner_text().strip()
