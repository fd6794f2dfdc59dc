"""Links that turn a reader into a contributor: edit a paper's curation file, report a problem.

A paper page's "Edit this page" opens the paper's curation file on GitHub, or,
when it has none yet, GitHub's new-file page prefilled with a skeleton; never
the generated page, which the next build would overwrite. The repository comes
from mkdocs.yml's `repo_url`. Pure functions: render.py puts the URLs in the
front matter and the MkDocs hook hands `edit_url` to the theme.
"""

from __future__ import annotations

import functools
from urllib.parse import quote, urlencode

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from .model import Paper

BRANCH = "main"
CURATION_PAPERS = "curation/papers"


def curation_file(paper: Paper) -> str:
    """The curation file that edits this paper (the existing one, or where a new one goes)."""
    return paper.curation_path or f"{CURATION_PAPERS}/{paper.id}.yml"


def yaml_value(value) -> str:
    """One value as a single YAML line (flow style), safe to uncomment."""
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6).removesuffix("\n...\n").strip().replace("\n", " ")


@functools.cache  # one template environment, not one per paper page
def _env() -> Environment:
    env = Environment(loader=PackageLoader("paperfold", "templates"), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)
    env.filters["yaml_value"] = yaml_value
    return env


def curation_skeleton(paper: Paper) -> str:
    return _env().get_template("curation.yml.j2").render(paper=paper)


def edit_url(repo_url: str, paper: Paper, branch: str = BRANCH) -> str:
    repo = repo_url.rstrip("/")
    if paper.curation_path:
        return f"{repo}/edit/{branch}/{quote(paper.curation_path)}"
    query = urlencode({"filename": curation_file(paper), "value": curation_skeleton(paper)}, quote_via=quote)
    return f"{repo}/new/{branch}?{query}"


def report_url(repo_url: str, paper: Paper) -> str:
    """A new issue about this paper, prefilled with its id and where to fix it."""
    body = (
        f"Paper: {paper.label}\nId: {paper.id}\nCuration file: {curation_file(paper)}\n"
        f"Seen in: {', '.join(str(r.origin) for r in paper.sources)}\n\nWhat is wrong:\n"
    )
    query = urlencode({"title": f"Problem with paper {paper.id}", "body": body}, quote_via=quote)
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def page_links(repo_url: str | None, paper: Paper) -> dict[str, str]:
    """Front matter fields for a paper page; empty when the site has no repository."""
    if not repo_url:
        return {}
    return {"edit_url": edit_url(repo_url, paper), "report_url": report_url(repo_url, paper)}
