"""The whole pipeline on real files: bad input, injection, stable ids, export, site build."""

import gzip
import json
from html import unescape
import re
import shutil
import subprocess
import sys

import pytest

from paperfold.build import collect
from sitebuild import ROOT, build, make_project

HOSTILE_HF_PAGE = """Daily Papers

byAK and the research community

Apr 13

<script>alert('t')</script> | [x](javascript:alert(1)) # *Grokking* ---

<img src=x onerror=alert(1)> An abstract with ```fences``` and a {brace and $0<p<1$ math. See javascript:alert(2) and https://example.org/code.

  • 2 authors
·
Feb 27 3
"""


def test_unknown_empty_and_binary_dumps_are_reported_and_the_rest_builds(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "notes.txt").write_text("just some words\nthat are not a listing\n")
    (seeds / "empty.txt").write_text("")
    (seeds / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    report = collect(seeds)
    messages = {p.origin.path.split("/")[-1]: p.message for p in report.problems if p.severity == "error"}
    assert "no reader recognises" in messages["notes.txt"] and "hf_daily" in messages["notes.txt"]
    assert "empty" in messages["empty.txt"]
    assert "binary" in messages["image.png"]
    assert len(report.papers) == len(collect(ROOT / "seeds").papers)


def test_adding_a_dump_does_not_move_existing_pages(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("003_c2369d42063fcfc5.txt", "002_3586f1d4f7ca5f20.txt"):
        shutil.copy2(ROOT / "seeds" / name, seeds / name)
    before = {p.id for p in collect(seeds).papers}
    for name in ("004_51acd5b81fec1869.txt", "000_81e49e888ef8c3fb.txt"):
        shutil.copy2(ROOT / "seeds" / name, seeds / name)
    after = {p.id for p in collect(seeds).papers}
    assert before < after


def test_export_json_has_the_documented_fields():
    out = subprocess.run([sys.executable, "-m", "paperfold.face.cli", "export", "--format", "json",
                          "--seeds", str(ROOT / "seeds")], capture_output=True, text=True, check=True)
    papers = json.loads(out.stdout)
    assert len(papers) == 101
    required = {"id", "title", "authors", "author_count", "date", "date_text", "abstract", "tags",
                "related", "sources", "links", "upvotes", "arxiv_id", "url"}
    assert all(required <= set(p) for p in papers)
    assert all({"path", "line", "kind"} <= set(s) for p in papers for s in p["sources"])
    assert "Read 105 records" in out.stderr


def test_export_bibtex_parses_back():
    import bibtexparser

    out = subprocess.run([sys.executable, "-m", "paperfold.face.cli", "export", "--format", "bibtex",
                          "--seeds", str(ROOT / "seeds")], capture_output=True, text=True, check=True)
    library = bibtexparser.parse_string(out.stdout)
    assert len(library.entries) == 101 and not library.failed_blocks


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("site"))
    (project / "seeds" / "2026-04-13_hostile.txt").write_text(HOSTILE_HF_PAGE, encoding="utf-8")
    result = build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project


def test_site_has_a_page_per_paper_and_a_home_page(built_site):
    pages = list((built_site / "site" / "papers").glob("*/index.html"))
    assert len(pages) == 102
    home = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    assert "102 papers from 6 dumps" in home
    assert (built_site / "site" / "search" / "search_index.json").is_file() or \
        (built_site / "site" / "pagefind").is_dir()


def test_hostile_text_is_shown_as_text(built_site):
    page = next((built_site / "site" / "papers").glob("script-alert*/index.html"))
    html = page.read_text(encoding="utf-8")
    assert "<script>alert(" not in html and "<img src=x" not in html
    assert 'href="javascript' not in html and "href='javascript" not in html
    article = html[html.index("<article"):html.index("</article>")]
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in article or "&#60;script&#62;" in article
    assert 'href="https://example.org/code"' in article  # the trailing period is not part of the URL
    assert "<em>" not in article.split("<h2")[0]  # *Grokking* stays literal


def test_paper_page_shows_fields_sources_and_cite(built_site):
    page = next((built_site / "site" / "papers").glob("compositional-generalization-requires-*/index.html"))
    html = page.read_text(encoding="utf-8")
    text = " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())
    assert "3 authors" in text and "Upvotes: 3" in text and "Feb 27" in text
    assert "seeds/003_c2369d42063fcfc5.txt line 13" in text
    assert "@misc{anon2026compositional," in text
    assert 'href="https://github.com/oshapio/necessary-compositionality"' in html


def indexed_text(site, url: str) -> str:
    """What Pagefind indexed of the page at `url` (its fragment: gzip, a signature, JSON)."""
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        if data["url"] == url:
            return data["content"]
    raise AssertionError(f"no Pagefind fragment for {url}")


def test_search_indexes_a_paper_but_not_the_blocks_every_page_has(built_site):
    """The sources list and the contribute line are on every paper page ("line", "problem",
    a listing's name): indexed, they made every paper a result for those words."""
    page = next((built_site / "site" / "papers").glob("compositional-generalization-requires-*/index.html"))
    text = indexed_text(built_site / "site", f"/papers/{page.parent.name}/")
    assert "Compositional" in text and "Abstract" in text  # the paper's own words are found
    assert "003_c2369d42063fcfc5" not in text and "Daily Papers" not in text  # Seen in
    assert "Report a problem" not in text and "curation file" not in text
    html = page.read_text(encoding="utf-8")
    assert "seeds/003_c2369d42063fcfc5.txt line 13" in html and "Report a problem" in html  # still shown


def test_same_title_different_arxiv_ids_keeps_the_first_page_in_place():
    from paperfold.model import Origin, RawRecord
    from paperfold.papers.merge import merge_records

    first = RawRecord(Origin("seeds/a.txt", 1), "labelled", title="Attention Is All You Need", arxiv_id="1706.03762")
    second = RawRecord(Origin("seeds/b.txt", 1), "labelled", title="Attention Is All You Need", arxiv_id="2401.00001")
    alone = merge_records([first])
    both = merge_records([first, second])
    assert len(both) == 2 and both[0].id == alone[0].id
    assert both[1].id == f"{alone[0].id}-2401-00001"
