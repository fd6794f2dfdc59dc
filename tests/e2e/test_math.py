"""LaTeX in titles and abstracts is rendered by the KaTeX the site serves itself."""

import re

from conftest import follow_instantly, paper_paths

RAW_MATH = re.compile(r"\$[^$\s][^$]*\$|\\\(|\\\)")


def assert_math_rendered(page):
    article = page.locator("article.md-content__inner")
    # math.js typesets after the page (or an instant navigation) has loaded; on a loaded
    # machine that can come after the network is idle, so wait for it (10 s at most).
    page.locator("article h1 .katex").first.wait_for(timeout=10_000)
    assert page.locator("article h1 .katex").count() >= 1, "the title's math is not rendered"
    assert article.locator(".katex").count() >= 1
    # Visible text, less the BibTeX block (TeX stays TeX there, on purpose) and
    # KaTeX's MathML annotation (the TeX source, for screen readers and copying).
    text = page.evaluate("""() => {
        const article = document.querySelector('article.md-content__inner').cloneNode(true);
        article.querySelectorAll('pre, .katex-mathml').forEach(e => e.remove());
        return article.textContent;
    }""")
    assert not RAW_MATH.search(text), RAW_MATH.search(text).group()


def test_math_in_title_and_abstract_renders(session, site_dir):
    path = paper_paths(site_dir, 'class="arithmatex"')
    page = session.goto(next(p for p in path if "chromatic" in p))
    assert_math_rendered(page)
    assert page.locator("article .katex-error").count() == 0
    # The header repeats the title once the H1 scrolls away: math there too.
    assert page.locator("[data-md-component=header-topic] .katex").count() >= 1


def test_math_renders_after_instant_navigation(session, site_dir):
    target = next(p for p in paper_paths(site_dir, 'class="arithmatex"') if "chromatic" in p)
    follow_instantly(session, "", f'article a[href$="{target}"]', f"**/{target}")
    assert_math_rendered(session.page)
