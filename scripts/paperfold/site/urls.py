"""Where every generated page lives: the one place that spells the site's URL scheme.

`*_path` is a page's source file under docs/ (what MkDocs reads), `*_url` the address
MkDocs serves it at (use_directory_urls), both relative to the site's root.
"""

from __future__ import annotations

import functools
import posixpath

PAPERS = "papers"
TOPICS = "topics"
FEEDS = "feeds"
BIBS = "bib"
SITE_FEED = "papers"  # feeds/papers.xml and bib/papers.bib hold the whole site


def paper_path(paper_id: str) -> str:
    return f"{PAPERS}/{paper_id}.md"


def paper_url(paper_id: str) -> str:
    return f"{PAPERS}/{paper_id}/"


def paper_url_from_paper(paper_id: str) -> str:
    """The address of a paper's page as a link from another paper's page: both are served
    from papers/ (`paper_url`), so it needs no theme filter to make it relative."""
    return f"../{paper_id}/"


def redirect_path(old_id: str) -> str:
    """The HTML page left at a paper's old URL (MkDocs copies it as it is)."""
    return f"{PAPERS}/{old_id}/index.html"


def topic_path(topic_id: str) -> str:
    return f"{TOPICS}/{topic_id}.md"


def topic_url(topic_id: str) -> str:
    return f"{TOPICS}/{topic_id}/"


def feed_path(name: str) -> str:
    return f"{FEEDS}/{name}.xml"


def bib_path(name: str) -> str:
    return f"{BIBS}/{name}.bib"


def absolute(site_url: str, path: str) -> str:
    """`path` (from the site's root) under the site's public URL."""
    return f"{site_url.rstrip('/')}/{path}"


@functools.lru_cache(maxsize=1 << 16)  # the pages listing every paper ask again on every `serve` rebuild
def relative(target: str, page: str) -> str:
    """A link from `page` to `target`, both from the site's root. A page ending in "/" is a
    served address (its folder is itself); any other is a file in its folder.
    relative("papers/x.md", "topics/t.md") == "../papers/x.md";
    relative("papers/x/", "map/") == "../papers/x/"."""
    folder = page if page.endswith("/") else posixpath.dirname(page)
    link = posixpath.relpath(target, folder or ".")
    return link + "/" if target.endswith("/") and not link.endswith("/") else link
