"""The one Jinja2 environment every page, skeleton and summary is rendered with."""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, StrictUndefined

from paperfold.site import urls
from paperfold.site.escape import attr, html_inline, md, md_linking_arxiv, yaml_value


def _is_html(name: str | None) -> bool:
    return bool(name) and name.endswith(".html.j2")


@functools.cache  # one environment per process, not one per page
def make_env() -> Environment:
    """Markdown and YAML templates are not autoescaped (dump text goes through `md`, `attr`
    or `yaml_value` explicitly); HTML templates (`*.html.j2`) are."""
    env = Environment(
        loader=PackageLoader("paperfold.site", "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build: no stat per page
        autoescape=_is_html,
    )
    env.filters.update(md=md, attr=attr, html_inline=html_inline, yaml_value=yaml_value, relative=urls.relative,
                       md_linking_arxiv=md_linking_arxiv)
    env.globals.update(
        paper_path=urls.paper_path, paper_url=urls.paper_url, topic_path=urls.topic_path,
        topic_url=urls.topic_url, feed_path=urls.feed_path, bib_path=urls.bib_path, site_feed=urls.SITE_FEED,
    )
    return env


def anew(slot, compute, key=None):
    """The `reuse` argument of the pages that list many papers when nothing is kept: each
    page is computed. build.render_pages passes one that asks build.LISTINGS instead (a
    memo.Memo, kept for the process: under `serve`, from build to build), which returns the
    page of an earlier build when `key`, the data the page shows, and the templates are equal."""
    return compute()
