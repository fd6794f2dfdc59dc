"""A curation file's `note:` as safe HTML for the paper page.

A note is Markdown a contributor wrote, reviewed in a pull request; a reviewer should
not have to be an HTML sanitiser. It is rendered here, apart from the page, with
Python-Markdown (math kept for KaTeX as the page's own arithmatex leaves it), and the
result goes through nh3 (the Ammonia sanitiser): only plain formatting tags, links whose
address is http(s) or relative, no attributes but a link's address and title and the math
class. The page then holds it as a raw HTML block, which MkDocs passes through as it is,
so no attr_list (`{: onclick=…}`) or raw HTML in the note reaches the site.
"""

from __future__ import annotations

import functools

import markdown
import nh3

TAGS = {
    "p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "span", "div", "table", "thead", "tbody", "tr", "th", "td", "del", "sub", "sup",
}
ATTRIBUTES = {"a": {"href", "title"}}  # and the math class (CLASSES)
CLASSES = {"span": {"arithmatex"}, "div": {"arithmatex"}}
SCHEMES = {"http", "https"}  # relative links pass as well; javascript:, data:, mailto: do not


@functools.cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, allowed_classes=CLASSES, url_schemes=SCHEMES,
                       link_rel="nofollow noopener noreferrer")


def note_html(note: str) -> str:
    """The note's Markdown as sanitised HTML on one line (a raw HTML block ends at a blank
    line in some Markdown readers; newlines inside <pre> are kept as &#10;)."""
    html = markdown.markdown(note, extensions=["tables", "pymdownx.arithmatex"],
                             extension_configs={"pymdownx.arithmatex": {"generic": True}})
    clean = _cleaner().clean(html)
    return f'<div class="pf-note">{clean.replace(chr(10), "&#10;")}</div>'
