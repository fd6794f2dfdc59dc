"""Atom feeds and .bib files parse back; the built site has topic pages, feeds and tag chips."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import bibtexparser
import pytest

from paperfold.build import collect
from paperfold.site.feeds import FEED_SIZE, newest_dated
from paperfold.site.render import front_matter
from paperfold.site.templating import make_env
from paperfold.site.topic_pages import render_topics
from paperfold.enrich.topics import assign_topics, papers_by_topic
from paperfold.enrich.vocabulary import load_vocabulary
from paperfold.site.write import write_pages
from sitebuild import build, make_project

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def corpus():
    vocabulary, _ = load_vocabulary(ROOT / "topics.yml", "topics.yml")
    papers, _ = assign_topics(collect(ROOT / "seeds").papers, vocabulary)
    return vocabulary, papers


@pytest.fixture(scope="module", params=[None, "https://example.org/pf/"])
def files(request, corpus):
    vocabulary, papers = corpus
    return render_topics(make_env(), papers, vocabulary, "Paperfold", request.param, "2026-11-23", front_matter)


def check_feed(text: str, expected_entries: int) -> ET.Element:
    feed = ET.fromstring(text.encode("utf-8"))
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None, name
    rels = {link.get("rel") for link in feed.findall(f"{ATOM}link")}
    assert {"self", "alternate"} <= rels
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == expected_entries
    for entry in entries:
        for name in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{name}") is not None, name
        assert re.match(r"\d{4}-\d\d-\d\dT", entry.find(f"{ATOM}updated").text)
        for author in entry.findall(f"{ATOM}author"):
            assert author.find(f"{ATOM}name").text.strip()
    dates = [e.find(f"{ATOM}updated").text for e in entries]
    assert dates == sorted(dates, reverse=True)
    return feed


def test_site_and_topic_feeds_are_valid_atom(files, corpus):
    vocabulary, papers = corpus
    check_feed(files["feeds/papers.xml"], min(FEED_SIZE, len(newest_dated(papers))))
    grouped = papers_by_topic(papers)
    for topic_id in vocabulary.ids:
        check_feed(files[f"feeds/{topic_id}.xml"], len(newest_dated(grouped.get(topic_id, []))))


def test_feed_entries_carry_authors_only_when_known(files, corpus):
    _, papers = corpus
    feed = ET.fromstring(files["feeds/papers.xml"].encode())
    by_title = {p.label: p for p in papers}
    for entry in feed.findall(f"{ATOM}entry"):
        paper = by_title[entry.find(f"{ATOM}title").text]
        assert len(entry.findall(f"{ATOM}author")) == len(paper.authors)


def test_bib_files_parse_back_with_one_entry_per_paper(files, corpus):
    vocabulary, papers = corpus
    grouped = papers_by_topic(papers)
    expected = {"bib/papers.bib": len(papers)} | {f"bib/{t}.bib": len(grouped.get(t, [])) for t in vocabulary.ids}
    for path, count in expected.items():
        library = bibtexparser.parse_string(files[path])
        assert len(library.entries) == count and not library.failed_blocks, path


def test_stale_topic_files_are_removed(tmp_path):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "old-topic.xml").write_text("<feed/>")
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "old-topic.bib").write_text("")
    write_pages(tmp_path, {"feeds/papers.xml": "<feed/>"})
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["papers.xml"]


def test_the_vocabulary_is_what_a_hand_written_page_may_tag(tmp_path):
    from types import SimpleNamespace

    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    from paperfold.face import mkdocs_hook

    config = load_config(str(ROOT / "mkdocs.yml"))
    mkdocs_hook.on_config(config)
    vocabulary, _ = load_vocabulary(ROOT / "topics.yml")

    def page(tags, source=None):
        return SimpleNamespace(meta={"tags": tags}, file=SimpleNamespace(src_uri="notes.md", abs_src_path=source))

    mkdocs_hook.check_tags(page(sorted(vocabulary.ids)))  # every topic is allowed
    mkdocs_hook.check_tags(page(None))
    with pytest.raises(PluginError, match="notes.md: Tags not in allow list: not-a-topic"):
        mkdocs_hook.check_tags(page([sorted(vocabulary.ids)[0], "not-a-topic"]))
    with pytest.raises(PluginError, match="notes.md: front matter `tags` must be a list"):
        mkdocs_hook.check_tags(page(sorted(vocabulary.ids)[0]))  # one id, not a list of one
    with pytest.raises(PluginError, match="notes.md: front matter `tags` must be a list"):
        mkdocs_hook.check_tags(page(5))  # a number, not a list
    source = tmp_path / "notes.md"
    source.write_text("---\ntitle: Notes\ntags:\n  - not-a-topic\n---\n# Notes\n", encoding="utf-8")
    with pytest.raises(PluginError, match="notes.md:3: Tags not in allow list: not-a-topic"):
        mkdocs_hook.check_tags(page(["not-a-topic"], source))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("topics-site"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line and "KaTeX" not in line]
    assert warnings == []  # --strict would pass but for a missing KaTeX in a scratch copy
    return project / "site"


def test_built_site_has_topic_pages_feeds_and_bib(site, corpus):
    vocabulary, _ = corpus
    assert (site / "topics" / "index.html").is_file()
    assert (site / "topics" / "unsorted" / "index.html").is_file()
    for topic_id in vocabulary.ids:
        assert (site / "topics" / topic_id / "index.html").is_file()
        assert (site / "feeds" / f"{topic_id}.xml").is_file() and (site / "bib" / f"{topic_id}.bib").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="feeds/papers.xml"' in home and 'href="bib/papers.bib"' in home
    overview = (site / "topics" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in overview and 'role="img"' in overview


def test_paper_pages_show_their_topics_as_tag_chips(site, corpus):
    _, papers = corpus
    paper = next(p for p in papers if p.label.startswith("Deep Networks Always Grok"))
    html = (site / "papers" / paper.id / "index.html").read_text(encoding="utf-8")
    chips = re.findall(r'class="md-tag(?:\s[^"]*)?"[^>]*>\s*([^<]+?)\s*<', html)
    assert chips and set(chips) == set(paper.tags)


def test_a_page_with_a_tag_outside_the_vocabulary_fails_the_build(tmp_path):
    import subprocess
    import sys

    project = make_project(tmp_path)
    (project / "docs" / "stray.md").write_text("---\ntags: [not-a-topic]\n---\n# Stray\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(project / "site")], cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0 and "stray.md:2: Tags not in allow list: not-a-topic" in result.stderr


def test_timeline_months_keep_their_anchors_and_stay_out_of_search(site):
    """The month headings' attribute lists (timeline.md.j2) need attr_list in mkdocs.yml."""
    html = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    months = re.findall(r'<h2 data-pagefind-ignore="all" id="(\d{4}-\d{2}|undated)">', html)
    assert months and len(months) == html.count("<h2")
    assert f'href="#{months[0]}"' in html  # the table of contents links the month
    assert "{ #" not in html
