"""Related papers: in Material's right-hand sidebar on a desktop screen, at the end of the
article on a phone (where Material hides that sidebar); each entry links to a paper and shows
its reason."""

import re

from playwright.sync_api import expect

from conftest import DESKTOP, PHONE, paper_paths


def ids_of(href: str) -> str:
    """The paper id of a link to papers/<id>/ (relative, or made absolute by instant navigation)."""
    return href.rstrip("/").rsplit("/", 1)[-1]


def first_paper_with_related(site_dir) -> str:
    return paper_paths(site_dir, 'class="md-nav md-nav--secondary pf-related"')[0]


def test_related_papers_show_in_the_sidebar_at_desktop_width(open_session, site_dir):
    session = open_session(viewport=DESKTOP)
    page = session.goto(first_paper_with_related(site_dir))
    sidebar = page.locator(".md-sidebar--secondary .pf-related")
    assert sidebar.is_visible()
    assert sidebar.locator(".md-nav__title").inner_text().strip() == "Related papers"
    box = sidebar.bounding_box()
    assert box["x"] > DESKTOP["width"] / 2  # the right-hand sidebar, not the body
    links = sidebar.locator("a.pf-related__link")
    assert 1 <= links.count() <= 8
    assert sidebar.locator(".pf-related__reason").first.is_visible()
    assert sidebar.locator(".pf-related__reason").first.inner_text().strip()
    assert not page.locator(".pf-related-body").is_visible()  # shown once: the sidebar has it
    session.screenshot("related-desktop-light")
    title = links.first.inner_text().strip()
    target = ids_of(links.first.get_attribute("href"))
    links.first.click()
    page.wait_for_url(re.compile(f"/papers/{re.escape(target)}/"))
    # Instant navigation changes the URL before it swaps the article in: wait for the swap.
    expect(page.locator("article h1")).to_contain_text(title)
    assert page.locator("article h1").inner_text().strip().rstrip("¶").strip() == title
    # after instant navigation the sidebar holds the new page's list, not the old one's
    shown = [ids_of(href) for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))")]
    built = (site_dir / "papers" / target / "index.html").read_text(encoding="utf-8")
    expected = [ids_of(href) for href in re.findall(r'href="([^"]+)" class="md-nav__link pf-related__link"', built)]
    assert shown == expected and target not in shown
    assert session.remote_requests() == [] and session.errors == []


def test_related_papers_show_at_the_end_of_the_article_on_a_phone(open_session, site_dir):
    session = open_session(viewport=PHONE)
    page = session.goto(first_paper_with_related(site_dir))
    assert not page.locator(".pf-related").is_visible()
    body = page.locator(".pf-related-body")
    body.scroll_into_view_if_needed()
    assert body.is_visible()
    assert body.locator("h2").inner_text().startswith("Related papers")
    assert body.locator("li a").count() == page.locator(".pf-related a.pf-related__link").count()
    assert body.locator(".pf-related__reason").first.is_visible()
    session.screenshot("related-phone-light")


def test_math_in_related_titles_is_rendered(session, site_dir):
    math_title = re.compile(r'class="md-nav__link pf-related__link">[^<]*\$[^<$]+\$')
    path = next(f"papers/{page.parent.name}/" for page in sorted((site_dir / "papers").glob("*/index.html"))
                if math_title.search(page.read_text(encoding="utf-8")))
    page = session.goto(path)
    link = page.locator(".pf-related__link", has=page.locator(".katex")).first
    assert link.is_visible()
    assert "$" not in link.inner_text()
