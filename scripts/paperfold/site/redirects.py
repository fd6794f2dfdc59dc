"""Old paper URLs keep working: one redirect page per alias.

Ids follow titles, so a title fix moves a page. The old ids come from
curation only (a file's `aliases`, plus the id a curated title fix or merge
replaced), never from a map the build writes, so the redirects are reviewed in
the same pull request as the fix. Each old id gets a static
`papers/<old-id>/index.html` beside the generated pages; MkDocs copies it
as is, which is what mkdocs-redirects would write, without another plugin.
"""

from __future__ import annotations

from typing import Sequence

from paperfold.model import Paper
from paperfold.site.templating import make_env
from paperfold.site.urls import paper_url, redirect_path, relative


def redirect_pages(papers: Sequence[Paper]) -> dict[str, str]:
    """{"papers/<old-id>/index.html": html}; an alias that is a current id is left alone (check reports it)."""
    template = make_env().get_template("redirect.html.j2")
    current = {p.id for p in papers}
    pages = {}
    for paper in papers:
        for alias in paper.aliases:
            if alias not in current:
                href = relative(paper_url(paper.id), paper_url(alias))  # "../<id>/"
                pages.setdefault(redirect_path(alias), template.render(paper=paper, href=href))
    return pages
