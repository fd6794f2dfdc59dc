"""The escaping filter, through the same Markdown engine and extensions the site uses."""

import markdown
import pytest

from paperfold.site.escape import AT_LINE_START, LINE_START, MARKDOWN_SYNTAX, attr, html_inline, md, md_linking_arxiv, safe_url


def render(text: str) -> str:
    engine = markdown.Markdown(extensions=["attr_list", "tables", "toc", "fenced_code"])  # mkdocs.yml's, and MkDocs' own
    return engine.convert(md(text))


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "--- front: matter",
    "| a | b |",
    "# not a heading",
    "* not a list",
    "1. not a list",
    "- not a list",
    "+ not a list",
    "---",
    "2.5 million tokens (a) and (b). -- Done!",
    "**bold** _em_ `code`",
    "\\(not math\\) \\[not math\\]",
])
def test_hostile_text_renders_as_the_same_text(hostile):
    html = render(hostile)
    assert html.startswith("<p>") and html.endswith("</p>")
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html
    assert "arithmatex" not in html
    # The text a reader sees is exactly the input.
    import html as htmllib
    import re
    assert htmllib.unescape(re.sub(r"</?p>", "", html)) == hostile


def test_every_syntax_character_and_typed_references_show_as_typed():
    import html as htmllib
    import re
    text = f"a {MARKDOWN_SYNTAX} b &#35; &amp; &lt;x&gt; #"
    escaped = md(text)
    outside_references = re.sub(r"&(?:#\d+|amp);", "", escaped)
    # Those that are syntax only where a line starts are escaped there, and left elsewhere.
    assert not set(outside_references) & (set(MARKDOWN_SYNTAX) - set(AT_LINE_START))
    for start in ("- x", "+ x", "1. x", "--- x", "(a) x", "!x"):
        assert not LINE_START.match(re.sub(r"&#\d+;", "", md(start))), start
    assert htmllib.unescape(re.sub(r"</?p>", "", render(text))) == text


def test_inline_math_is_kept_for_the_math_renderer():
    import html as htmllib
    html = render(r"pass@$k$ decays as $k^{-β_\text{eff}}$ for $0<p<1$")
    assert html.count('<span class="arithmatex">') == 3
    # What math.js hands KaTeX: the element's text (its characters are written as references).
    assert r'<span class="arithmatex">\(k^{-β_\text{eff}}\)</span>' in htmllib.unescape(html)
    assert r'<span class="arithmatex">\(0\lt{}p\lt{}1\)</span>' in htmllib.unescape(html)
    assert "<em>" not in html  # "_" inside math is not emphasis


def test_dollar_amounts_are_not_math():
    html = render("costs $5 and $6 per run")
    assert "arithmatex" not in html


def test_attr_and_urls():
    assert attr('"><script>') == "&quot;&gt;&lt;script&gt;"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url("https://github.com/a/b") == "https://github.com/a/b"
    assert safe_url('https://x.org/"onmouseover=') is None


def render_linked(text: str, pages: dict) -> str:
    engine = markdown.Markdown(extensions=["attr_list", "tables", "toc", "fenced_code"])
    return engine.convert(md_linking_arxiv(text, lambda arxiv_id: pages.get(arxiv_id)))


def test_arxiv_ids_in_an_abstract_link_to_the_paper_page_or_to_arxiv():
    text = ("We study X (introduced in (arXiv:2011.06063) as a <b>generalization</b>) and "
            "arXiv:2604.12345v2; $x_{arXiv:1}$ is math and https://arxiv.org/abs/2604.12345 a URL.")
    import html as htmllib
    html = htmllib.unescape(render_linked(text, {"2604.12345": "grok-linear-abc123.md"}))
    assert '<a href="https://arxiv.org/abs/2011.06063">arXiv:2011.06063</a>' in html
    assert '<a href="grok-linear-abc123.md">arXiv:2604.12345v2</a>' in html
    assert html.count("<a ") == 2  # not inside math, not the bare URL
    assert "generalization</b>" in html  # as text: the engine saw character references
    assert "<b>" not in render_linked(text, {})


def test_a_mark_before_an_arxiv_id_stays_text():
    """"!" is left as it is mid-text (AT_LINE_START), but the link written for an id
    opens with "[": "Wow!arXiv:…" must not become an image."""
    html = render_linked("Wow!arXiv:2011.06063 and (!arXiv:2604.12345)", {})
    assert "<img" not in html and html.count("<a ") == 2


def test_text_without_ids_is_escaped_as_md_does():
    for text in ("plain text", "<script>x</script> [a](b)", "arxiv is a word here", None):
        assert md_linking_arxiv(text, lambda arxiv_id: None) == md(text)


@pytest.mark.parametrize("text", [
    "Bounds for $a<b$ and $x>0$ <script>alert(1)</script>",
    "Matrices $a & b$ and $a \\& b$ & more",
    "$\\alpha_{i}$ [click](javascript:alert(1)) **bold** &amp;",
    "Costs $5 and $10, {{ 7*7 }}",
])
def test_raw_html_lines_say_what_markdown_would(text):
    """Listings skip Markdown (html_inline writes their lines): each must read as md()
    through Markdown gives it (entities may be spelled otherwise), math spans included, so
    that KaTeX reads the same TeX."""
    import html as htmllib
    assert htmllib.unescape("<p>" + html_inline(text) + "</p>") == htmllib.unescape(render(text))


def test_tex_escaped_ampersand_is_not_escaped_again():
    # "\\&" would be a TeX line break followed by a bare "&", which KaTeX rejects.
    import html as htmllib
    html = render("$a \\& b$")
    assert html.startswith('<p><span class="arithmatex">') and html.endswith("</span></p>")
    assert htmllib.unescape(html) == '<p><span class="arithmatex">\\(a \\& b\\)</span></p>'
