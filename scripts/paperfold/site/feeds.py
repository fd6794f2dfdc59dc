"""Atom feeds (feedgen) and .bib files (cite.bibtex) for the site and for each topic.

Both are plain files under docs/ (`feeds/<name>.xml`, `bib/<name>.bib`) that
MkDocs copies into the site. A feed holds the newest FEED_SIZE dated papers:
an undated paper has no place in a newest-first stream, but it is on its
topic page and in the .bib. Feed timestamps come from the papers' dates (and
the newest dump's capture date for the feed itself), never from the clock,
so an unchanged corpus writes byte-identical files.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Mapping, Sequence

from feedgen.feed import FeedGenerator

from paperfold.site.cite import join_entries
from paperfold.site.templating import anew
from paperfold.site.urls import SITE_FEED, absolute, bib_path, feed_path, paper_url, topic_url
from paperfold.model import Paper

FEED_SIZE = 50
# Characters XML 1.0 forbids; dump text occasionally carries them.
XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def as_datetime(iso: str) -> datetime:
    """"2025-02-27", "2025-02" or "2025" as midnight UTC on the first day it could mean."""
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=timezone.utc)


def _clean(text: str) -> str:
    return XML_INVALID.sub("", " ".join(text.split()))


def _absolute(site_url: str | None, path: str) -> str:
    """A link for feed readers: absolute when the site URL is known, else relative to feeds/."""
    return absolute(site_url, path) if site_url else f"../{path}"


def newest_dated(papers: Sequence[Paper], count: int = FEED_SIZE) -> list[Paper]:
    dated = [p for p in papers if p.date]
    return sorted(dated, key=lambda p: (p.date, p.id), reverse=True)[:count]


def atom_feed(
    papers: Sequence[Paper],
    *,
    name: str,
    title: str,
    subtitle: str,
    page_path: str,
    site_name: str,
    site_url: str | None,
    fallback_updated: str,
) -> str:
    """An Atom feed of the newest dated papers. `page_path` is the HTML page the feed
    belongs to ("" for the home page, "topics/grokking/"); `fallback_updated` (ISO date)
    stamps a feed with no dated entries."""
    entries = newest_dated(papers)
    feed = FeedGenerator()
    feed.id(_absolute(site_url, feed_path(name)) if site_url else f"urn:paperfold:feed:{name}")
    feed.title(_clean(title))
    feed.subtitle(_clean(subtitle))
    feed.author({"name": _clean(site_name)})  # covers entries whose authors are unknown
    feed.link(href=_absolute(site_url, page_path), rel="alternate", type="text/html")
    feed.link(href=_absolute(site_url, feed_path(name)), rel="self", type="application/atom+xml")
    feed.updated(as_datetime(entries[0].date if entries else fallback_updated))
    for paper in entries:
        entry = feed.add_entry(order="append")
        page = paper_url(paper.id)
        entry.id(_absolute(site_url, page) if site_url else f"urn:paperfold:paper:{paper.id}")
        entry.title(_clean(paper.label))
        entry.updated(as_datetime(paper.date))
        entry.link(href=_absolute(site_url, page), rel="alternate", type="text/html")
        if paper.abstract:
            entry.summary(_clean(paper.abstract))
        for author in paper.authors:
            entry.author({"name": _clean(author)})
        for tag in paper.tags:
            entry.category(term=tag)
    return feed.atom_str(pretty=True).decode("utf-8")


def feed_files(
    papers: Sequence[Paper],
    grouped: dict[str, list[Paper]],
    titles: dict[str, str],
    site_name: str,
    site_url: str | None,
    capture_date: str,
    citations: Mapping[str, str],
    reuse=anew,
) -> dict[str, str]:
    """{path under docs/: text} for the site feed and .bib, and one of each per topic in
    `titles`. `reuse` (templating.anew) gets a feed of the same entries and settings."""
    files = {
        feed_path(SITE_FEED): _feed(reuse, papers, name=SITE_FEED, title=site_name,
                                    subtitle=f"The newest papers on {site_name}", page_path="", site_name=site_name,
                                    site_url=site_url, fallback_updated=capture_date),
        bib_path(SITE_FEED): join_entries(papers, citations),
    }
    for topic_id, title in titles.items():
        members = grouped.get(topic_id, [])
        files[feed_path(topic_id)] = _feed(
            reuse, members, name=topic_id, title=f"{title} · {site_name}", subtitle=f"The newest papers on {title}",
            page_path=topic_url(topic_id), site_name=site_name, site_url=site_url, fallback_updated=capture_date,
        )
        files[bib_path(topic_id)] = join_entries(members, citations)
    return files


def _feed(reuse, papers: Sequence[Paper], **settings) -> str:
    """atom_feed, through `reuse`: the key is what the feed shows of its newest papers."""
    entries = newest_dated(papers)  # atom_feed takes these again, in a sort of FEED_SIZE papers
    shown = tuple((p.id, p.label, p.date, p.abstract, p.authors, p.tags) for p in entries)
    return reuse(feed_path(settings["name"]), lambda: atom_feed(entries, **settings),
                 key=(shown, tuple(settings.items())))
