"""Readers find a paper from Material's search box (answered by Pagefind) by a word of
its title, an author's name or a topic; results show rendered math, not markup."""

import re

import pytest

from conftest import PHONE, follow_instantly, paper_paths


def search(page, query: str) -> list[str]:
    """Type into the search box; the hrefs of the results shown."""
    box = page.locator("[data-pf-search-query]")
    box.click()
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('[data-pf-search-query]').value === q"
        " && !/Type to start/.test(document.querySelector('.md-search-result__meta').textContent)"
        " && document.querySelector('.md-search-result__meta').textContent.trim() !== ''",
        arg=query,
    )
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # the debounce, then the result fragments
    return page.locator(".md-search-result__item a").evaluate_all("as => as.map(a => a.getAttribute('href'))")


TIDAL = "tidal-locking-of-exomoons"


def test_find_by_a_word_of_the_title(session):
    page = session.goto("")
    hrefs = search(page, "exomoons")
    assert any(TIDAL in href for href in hrefs), hrefs


def test_find_by_an_author_name(session):
    page = session.goto("")
    hrefs = search(page, "Quistgaard")
    assert any(TIDAL in href for href in hrefs), hrefs


def test_find_by_a_topic(session, site_dir):
    tagged = {}
    for path in paper_paths(site_dir, 'class="md-tag'):
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        for tag in re.findall(r'class="md-tag[^"]*"[^>]*>([^<]+)<', html):
            tagged.setdefault(tag.strip(), set()).add(path)
    if not tagged:
        pytest.skip("no paper in the seeds has a topic")
    topic, papers = min(tagged.items(), key=lambda item: (len(item[1]), item[0]))
    page = session.goto("")
    hrefs = search(page, topic.replace("-", " "))
    assert any(any(p.rstrip("/") in href for p in papers) for href in hrefs), (topic, hrefs)


def test_results_show_rendered_math_not_markup(session):
    page = session.goto("")
    search(page, "exomoons")
    result = page.locator(".md-search-result__item", has_text="Exomoons").first
    assert result.locator("h1 .katex").count() == 1
    title = result.locator("h1").evaluate(
        "h => { const c = h.cloneNode(true); c.querySelectorAll('.katex-mathml').forEach(e => e.remove()); return c.textContent }"
    )
    assert "$" not in title and "\\(" not in title and "<" not in title.replace("0<p<1", ""), title


def test_excerpts_show_rendered_math_not_tex_delimiters(session):
    page = session.goto("")
    search(page, "locking damping exponent")
    result = page.locator(".md-search-result__item", has_text="Exomoons").first
    excerpt = result.locator("p")
    text = excerpt.evaluate(
        "p => { const c = p.cloneNode(true); c.querySelectorAll('.katex-mathml').forEach(e => e.remove()); return c.textContent }"
    )
    assert "\\(" not in text and "\\)" not in text and "\\beta" not in text, text
    assert excerpt.locator(".katex").count() >= 1, text


def test_search_works_after_instant_navigation(session):
    follow_instantly(session, "", 'article a[href*="papers/"]', "**/papers/*/")
    page = session.page
    hrefs = search(page, "Quistgaard")
    assert any(TIDAL in href for href in hrefs), hrefs
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(re.compile(TIDAL))
    assert page.evaluate("window.__sameDocument") is True
    assert page.locator("#__search").is_checked() is False


def test_search_on_a_phone_opens_from_the_magnifier(open_session):
    session = open_session(viewport=PHONE)
    page = session.goto("")
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("[data-pf-search-query]").fill("exomoons")
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search-result__item a").first.is_visible()
    session.screenshot("search-phone-light")
