"""Links that turn a reader into a contributor: edit a paper's curation file, report a problem.

A paper page's "Edit this page" opens the paper's curation file on GitHub, or,
when it has none yet, GitHub's new-file page prefilled with a skeleton; never
the generated page, which the next build would overwrite. The repository comes
from mkdocs.yml's `repo_url`. Pure functions: render.py puts both URLs in the page
body and `edit_url` in the front matter, which the MkDocs hook hands to the theme.
"""

from __future__ import annotations

from urllib.parse import quote

from paperfold.model import Paper
from paperfold.site.templating import make_env

BRANCH = "main"
CURATION_PAPERS = "curation/papers"


def curation_file(paper: Paper) -> str:
    """The curation file that edits this paper (the existing one, or where a new one goes)."""
    return paper.curation_path or f"{CURATION_PAPERS}/{paper.id}.yml"


def curation_skeleton(paper: Paper) -> str:
    return make_env().get_template("curation.yml.j2").render(paper=paper)


# Percent-encoding as urllib.parse.quote(text, safe="") writes it, done by one
# str.translate over the UTF-8 bytes (seen as Latin-1, so each byte is one character).
# quote's per-byte Python loop cost more than all of a page's front matter: every page
# has two prefilled URLs of a few kB.
_UNRESERVED = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"
_PERCENT = tuple(chr(byte) if byte in _UNRESERVED else f"%{byte:02X}" for byte in range(256))


def percent_encoded(text: str) -> str:
    return text.encode("utf-8").decode("latin-1").translate(_PERCENT)


def query_string(fields: dict[str, str]) -> str:
    """`urlencode(fields, quote_via=quote)`, at the speed of str.translate."""
    return "&".join(f"{percent_encoded(name)}={percent_encoded(value)}" for name, value in fields.items())


def edit_url(repo_url: str, paper: Paper, branch: str = BRANCH) -> str:
    repo = repo_url.rstrip("/")
    if paper.curation_path:
        return f"{repo}/edit/{branch}/{quote(paper.curation_path)}"
    query = query_string({"filename": curation_file(paper), "value": curation_skeleton(paper)})
    return f"{repo}/new/{branch}?{query}"


def report_url(repo_url: str, paper: Paper) -> str:
    """A new issue about this paper, prefilled with its id and where to fix it."""
    body = (
        f"Paper: {paper.label}\nId: {paper.id}\nCuration file: {curation_file(paper)}\n"
        f"Seen in: {', '.join(str(r.origin) for r in paper.sources)}\n\nWhat is wrong:\n"
    )
    query = query_string({"title": f"Problem with paper {paper.id}", "body": body})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def page_links(repo_url: str | None, paper: Paper) -> dict[str, str]:
    """The edit and report-a-problem URLs of a paper page; empty when the site has no repository."""
    if not repo_url:
        return {}
    return {"edit_url": edit_url(repo_url, paper), "report_url": report_url(repo_url, paper)}
