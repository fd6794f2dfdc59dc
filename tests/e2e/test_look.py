"""The site as a reader sees it: nothing fetched from elsewhere, palettes, phone and desktop."""

from conftest import DESKTOP, PHONE, paper_paths


def test_no_request_leaves_127_0_0_1(session, site_dir):
    paper = paper_paths(site_dir, 'class="arithmatex"')[0]
    for path in ("", paper, "sources/"):
        session.goto(path)
    session.page.locator("[data-pf-search-query]").click()
    session.page.locator("[data-pf-search-query]").fill("learning")
    session.page.wait_for_selector(".md-search-result__item")
    session.page.wait_for_load_state("networkidle")
    assert len(session.requests) > 5
    assert session.remote_requests() == []
    assert session.errors == []


def test_screenshots_desktop_and_phone_in_both_palettes(open_session, site_dir):
    paper = paper_paths(site_dir, 'class="arithmatex"')[0]
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        for scheme in ("light", "dark"):
            session = open_session(viewport=viewport, color_scheme=scheme)
            page = session.goto("")
            expected = "slate" if scheme == "dark" else "default"
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected
            session.screenshot(f"home-{width_name}-{scheme}")
            page = session.goto(paper)
            session.screenshot(f"paper-{width_name}-{scheme}")
            # Readable at this width: the article is not wider than the viewport.
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{width_name} page scrolls sideways by {overflow}px"


def test_palette_toggle_switches_light_and_dark(session):
    page = session.goto("")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label[for=__palette_1]").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.locator("label[for=__palette_0]").click()
    assert body.get_attribute("data-md-color-scheme") == "default"


def test_every_image_and_chart_has_a_text_alternative(session, site_dir):
    for path in ("", paper_paths(site_dir, "<h1")[0]):
        page = session.goto(path)
        missing = page.evaluate("""() => [
            ...[...document.querySelectorAll('img')].filter(i => !i.hasAttribute('alt')).map(i => i.src),
            ...[...document.querySelectorAll('article svg')].filter(s =>
                !s.closest('[aria-hidden=true], .md-icon, .md-code__nav, button, label, a.headerlink')
                && !s.getAttribute('aria-label') && !s.getAttribute('aria-labelledby')
                && !s.querySelector('title') && s.getAttribute('role') !== 'presentation'
            ).map(s => s.outerHTML.slice(0, 80)),
        ]""")
        assert missing == [], path
