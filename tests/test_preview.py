"""The preview: builds that reuse earlier results write what a clean build writes, every
kind of edit reaches its page, and a real `paperfold serve` rebuilds once per edit."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from jinja2 import FileSystemLoader, TemplateSyntaxError
from mkdocs.config import load_config

from paperfold import build
from paperfold.face import preview as preview_state
from paperfold.site import templating
from sitebuild import GENERATED, ROOT, make_project
from serving import fetch, free_port
from test_serve import NEW_DUMP, wait_for

PLAIN = "one-epoch-is-all-you-need-150748"  # a paper of the repo's seeds
TOPIC = "learning-theory"  # a topic of topics.yml


def settings_of(project: Path, **fields) -> build.Settings:
    return replace(build.settings_from_mkdocs(load_config(str(project / "mkdocs.yml"))), **fields)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def clean_build(project: Path, docs: Path) -> None:
    """A build in a fresh interpreter: nothing kept from any earlier build."""
    script = ("import sys; from pathlib import Path; from dataclasses import replace\n"
              "from mkdocs.config import load_config\n"
              "from paperfold.build import generate, settings_from_mkdocs\n"
              "generate(replace(settings_from_mkdocs(load_config(sys.argv[1])), docs_dir=Path(sys.argv[2])))\n")
    result = subprocess.run([sys.executable, "-c", script, str(project / "mkdocs.yml"), str(docs)],
                            capture_output=True, text=True, cwd=project, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]


def edit_everything(project: Path) -> None:
    """A title fix, a new dump, a deleted dump, a changed dump and a renamed topic."""
    curation = project / "curation" / "papers"
    curation.mkdir(parents=True, exist_ok=True)
    (curation / f"{PLAIN}.yml").write_text("title: One epoch is all you need (fixed)\n", encoding="utf-8")
    (project / "seeds" / "2026-04-13_new.txt").write_text(NEW_DUMP, encoding="utf-8")
    first, second, *_ = sorted((project / "seeds").glob("0*.txt"))
    first.unlink()
    second.write_text(second.read_text(encoding="utf-8").replace("the", "thee", 3), encoding="utf-8")
    topics = project / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("title: Learning theory", "title: Theory of learning"),
                      encoding="utf-8")


def test_a_build_that_reuses_earlier_results_writes_what_a_clean_build_writes(tmp_path):
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    settings = settings_of(project)
    build.generate(settings)  # every stage's results are kept in this process
    edit_everything(project)
    build.generate(settings)  # reuses what the edits did not touch
    clean = tmp_path / "clean-docs"  # the hand-written docs, as make_project copies them
    shutil.copytree(ROOT / "docs", clean, ignore=shutil.ignore_patterns(*GENERATED))
    clean_build(project, clean)
    warm, cold = tree(project / "docs"), tree(clean)
    assert warm.keys() == cold.keys()
    assert [path for path in warm if warm[path] != cold[path]] == []
    assert any("One epoch is all you need (fixed)" in text.decode() for text in warm.values())


@pytest.fixture()
def preview(tmp_path):
    """A project and serve-like settings (related lists updated, not recomputed), built once."""
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    settings = settings_of(project, incremental_related=True)
    build.generate(settings)
    return project, settings


def test_a_title_fix_reaches_its_page_and_the_pages_that_list_it(preview):
    project, settings = preview
    (project / "curation" / "papers").mkdir(parents=True, exist_ok=True)
    (project / "curation" / "papers" / f"{PLAIN}.yml").write_text("title: Fixed epoch title\n", encoding="utf-8")
    report = build.generate(settings)
    (paper,) = [p for p in report.papers if PLAIN in p.aliases]
    assert "# Fixed epoch title" in (project / "docs" / "papers" / f"{paper.id}.md").read_text(encoding="utf-8")
    listing = [p for p in report.papers if any(r.id == paper.id for r in p.related)]
    for other in listing:  # its new title shows in the related lists that link to it
        assert "Fixed epoch title" in (project / "docs" / "papers" / f"{other.id}.md").read_text(encoding="utf-8")


def test_a_changed_dump_reaches_the_page_and_a_deleted_one_takes_its_papers_away(preview):
    project, settings = preview
    before = {p.id: p for p in build.generate(settings).papers}
    dump = sorted((project / "seeds").glob("0*.txt"))[1]
    text = dump.read_text(encoding="utf-8")
    paper = next(p for p in before.values() if p.sources[0].origin.path.endswith(dump.name) and p.abstract)
    word = paper.abstract.split()[3]
    dump.write_text(text.replace(paper.abstract, paper.abstract.replace(word, "Zanzibarian", 1)), encoding="utf-8")
    build.generate(settings)
    assert "Zanzibarian" in (project / "docs" / "papers" / f"{paper.id}.md").read_text(encoding="utf-8")
    dump.unlink()
    after = {p.id for p in build.generate(settings).papers}
    gone = {i for i, p in before.items() if all(s.origin.path.endswith(dump.name) for s in p.sources)}
    assert gone and not gone & after
    assert not any((project / "docs" / "papers" / f"{i}.md").exists() for i in gone)
    assert all((project / "docs" / "papers" / f"{i}.md").exists() for i in after)


def test_a_topic_rename_reaches_the_topic_page(preview):
    project, settings = preview
    topics = project / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("title: Learning theory", "title: Theory of learning"),
                      encoding="utf-8")
    build.generate(settings)
    assert "Theory of learning" in (project / "docs" / "topics" / f"{TOPIC}.md").read_text(encoding="utf-8")


def test_a_template_edit_reaches_every_paper_page(preview, tmp_path, monkeypatch):
    project, settings = preview
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "scripts" / "paperfold" / "site" / "templates", templates)

    # The process's one environment, over a copy of the templates (an overlay: the real
    # environment stays as it is for other tests).
    env = templating.make_env().overlay(loader=FileSystemLoader(templates), cache_size=100)
    monkeypatch.setattr(build, "make_env", lambda: env)
    build.generate(settings)
    paper = templates / "paper.md.j2"
    paper.write_text(paper.read_text(encoding="utf-8").replace("## Seen in", "## Found in"), encoding="utf-8")
    report = build.generate(settings)
    pages = [(project / "docs" / "papers" / f"{p.id}.md").read_text(encoding="utf-8") for p in report.papers]
    assert all("## Found in" in page and "## Seen in" not in page for page in pages)


def served(port: int, path: str) -> str:
    return fetch(f"http://127.0.0.1:{port}/paperfold/{path}") or ""


def test_serve_rebuilds_once_per_edit_and_keeps_the_last_good_site(tmp_path):
    """Against a real `paperfold serve`: a curation edit saved twice in a burst is one
    rebuild (the generator's own writes under docs/ start none); a deleted dump takes its
    papers' pages away; a broken curation file keeps the last good page."""
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    port, log = free_port(), tmp_path / "serve.log"
    with open(log, "w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "paperfold.face.cli", "serve", "--config", str(project / "mkdocs.yml"),
             "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=output, stderr=subprocess.STDOUT)

    def builds() -> int:
        return log.read_text(encoding="utf-8", errors="replace").count("Building documentation")

    def reloads() -> int:  # rebuilds done
        return log.read_text(encoding="utf-8", errors="replace").count("Reloading browsers")

    try:
        assert wait_for(lambda: served(port, ""), 180), log.read_text()[-3000:]
        time.sleep(1.5)  # the watcher takes its first look at the files
        assert builds() == 1
        entry = project / "curation" / "papers" / f"{PLAIN}.yml"
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text("note: First save.\n", encoding="utf-8")
        entry.write_text("note: The last good note.\n", encoding="utf-8")  # an editor saving twice
        assert wait_for(lambda: "The last good note." in served(port, f"papers/{PLAIN}/"), 120), log.read_text()[-3000:]
        time.sleep(3)  # time for any further build to start
        assert builds() == 2

        entry.write_text("note: [broken\n", encoding="utf-8")
        assert wait_for(lambda: reloads() == 2, 120)
        assert "The last good note." in served(port, f"papers/{PLAIN}/")

        dump = next(p for p in sorted((project / "seeds").iterdir()) if p.suffix == ".txt")
        gone = [p.stem for p in (project / "docs" / "papers").glob("*.md")
                if dump.name in p.read_text(encoding="utf-8") and "Seen in" in p.read_text(encoding="utf-8")]
        entry.write_text("note: Fixed again.\n", encoding="utf-8")
        dump.unlink()
        assert wait_for(lambda: "Fixed again." in served(port, f"papers/{PLAIN}/"), 120)
        time.sleep(3)
        assert builds() == 4
        still = [i for i in gone if not (project / "docs" / "papers" / f"{i}.md").exists()]
        assert still and all(fetch(f"http://127.0.0.1:{port}/paperfold/papers/{i}/") is None for i in still)
    finally:
        server.terminate()
        server.wait(timeout=60)


def serve_build(project: Path, site: Path) -> None:
    """One rebuild as `paperfold serve` makes it: dirty, in this process."""
    from mkdocs.commands.build import build as mkdocs_build

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/paperfold/", dirty=True)


def site_tree(site: Path) -> dict[str, bytes]:
    """The built site but the search index and sitemap.xml (under serve, the sitemap of the last full render)."""
    return {path: text for path, text in tree(site).items()
            if not path.startswith(("pagefind/", "sitemap.xml"))}


def assert_served_is_clean_build(project: Path, served: Path, clean: Path) -> dict[str, bytes]:
    """The served site has the same files, byte for byte, as a clean `mkdocs build` of the
    project into `clean`; the served site's files."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--config-file", str(project / "mkdocs.yml"),
         "--site-dir", str(clean)], cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    warm, cold = site_tree(served), site_tree(clean)
    assert sorted(warm.keys() ^ cold.keys()) == []
    assert [path for path in warm if warm[path] != cold[path]] == []
    return warm


@pytest.fixture()
def serving(monkeypatch):
    """This process builds as `paperfold serve` does, without indexing for search."""
    monkeypatch.setattr(preview_state, "index_in_background", lambda command: None)
    preview_state.start("serve", dirty=True)
    yield
    preview_state.start("build")


def test_the_served_site_after_edits_is_the_site_a_clean_build_makes(tmp_path, serving):
    """The serve path renders only the pages the generator rewrote and leaves the others'
    HTML in place; after a title fix, a new dump, a deleted dump, a changed dump, a renamed
    topic and an edited theme override, every page equals a clean build's."""
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    served = tmp_path / "served"
    serve_build(project, served)
    edit_everything(project)
    serve_build(project, served)
    assert any("One epoch is all you need (fixed)" in page.read_text() for page in (served / "papers").glob("*/index.html"))
    header = project / "overrides" / "partials" / "header.html"
    header.write_text("<!-- edited override -->\n" + header.read_text(encoding="utf-8"), encoding="utf-8")
    serve_build(project, served)
    warm = assert_served_is_clean_build(project, served, tmp_path / "clean")
    assert b"<!-- edited override -->" in warm["index.html"]


def without_nav(config_file: Path) -> None:
    """mkdocs.yml without its `nav:` list: MkDocs then makes a navigation of every page
    that `not_in_nav` does not match, the Timeline and Map included."""
    text = config_file.read_text(encoding="utf-8")
    start, end = text.index("\nnav:\n"), text.index("\nnot_in_nav:")
    config_file.write_text(text[:start] + text[end:], encoding="utf-8")


def test_with_no_nav_list_the_served_site_still_matches_a_clean_build(tmp_path, serving):
    """With no `nav:`, MkDocs makes the navigation of every page `not_in_nav` does not
    match, titled from each page's own text: a page of it left out of a rebuild would
    vanish from the sidebar of every page rendered, or show there untitled."""
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    without_nav(project / "mkdocs.yml")
    served = tmp_path / "served"
    serve_build(project, served)
    # A note changes one paper's page and no page of the navigation.
    curation = project / "curation" / "papers"
    curation.mkdir(parents=True, exist_ok=True)
    (curation / f"{PLAIN}.yml").write_text("note: Read this one first.\n", encoding="utf-8")
    serve_build(project, served)
    assert "Read this one first." in (served / "papers" / PLAIN / "index.html").read_text(encoding="utf-8")
    assert_served_is_clean_build(project, served, tmp_path / "clean")


def test_raw_html_lines_set_aside_from_markdown_come_back_as_markdown_would_have_left_them(tmp_path):
    """The hook keeps the Map's SVG and the paper lists of the Timeline and topic pages away
    from Python-Markdown's HTML parser (seconds at 10,000 papers); each page's HTML is the
    same as Markdown's own."""
    import importlib.util

    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    build.generate(settings_of(project))
    spec = importlib.util.spec_from_file_location("hook", ROOT / "scripts" / "paperfold" / "face" / "mkdocs_hook.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = load_config(str(project / "mkdocs.yml"))
    files = get_files(config)
    for path, element in (("map.md", "<circle"), ("timeline.md", "<li>"), (f"topics/{TOPIC}.md", "<li>")):
        rendered = []
        for set_aside in (False, True):
            page = Page(None, files.get_file_from_path(path), config)
            page.read_source(config)
            if set_aside:
                page.markdown = hook.on_page_markdown(page.markdown, page=page)
                assert element not in page.markdown
            page.render(config, files)
            rendered.append(hook.on_page_content(page.content, page=page) if set_aside else page.content)
        assert rendered[0].count(element) > 5 and rendered[1] == rendered[0]


def test_plain_mkdocs_serve_which_cleans_the_site_folder_still_renders_every_page(tmp_path, monkeypatch):
    """Without dirty builds MkDocs empties the site folder before each build: no page may be
    left out then (none is: a page with no HTML counts as changed)."""
    from mkdocs.commands.build import build as mkdocs_build

    monkeypatch.setattr(preview_state, "index_in_background", lambda command: None)
    preview_state.start("serve")
    try:
        (tmp_path / "project").mkdir()
        project = make_project(tmp_path / "project")
        site = tmp_path / "served"
        for note in ("first", "second"):
            (project / "curation" / "papers").mkdir(parents=True, exist_ok=True)
            (project / "curation" / "papers" / f"{PLAIN}.yml").write_text(f"note: The {note} note.\n", encoding="utf-8")
            mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)),
                         serve_url="http://127.0.0.1:8000/paperfold/")
        papers = sorted(p.stem for p in (project / "docs" / "papers").glob("*.md"))
        assert papers and all((site / "papers" / paper / "index.html").is_file() for paper in papers)
        assert "The second note." in (site / "papers" / PLAIN / "index.html").read_text(encoding="utf-8")
    finally:
        preview_state.start("build")


def test_a_dump_added_after_a_rebuild_that_changed_no_dump_merges_only_the_papers_it_touches(preview, monkeypatch):
    """A rebuild that reuses the whole merge (a curation edit) keeps the merged papers of
    every group for the next rebuild that merges again (a new dump)."""
    project, settings = preview
    (project / "curation" / "papers").mkdir(parents=True, exist_ok=True)
    (project / "curation" / "papers" / f"{PLAIN}.yml").write_text("note: A curation edit.\n", encoding="utf-8")
    build.generate(settings)
    built, real = [], build.build_paper
    monkeypatch.setattr(build, "build_paper", lambda group: built.append(group) or real(group))
    (project / "seeds" / "2026-04-13_new.txt").write_text(NEW_DUMP, encoding="utf-8")
    build.generate(settings)
    assert built and all(any(r.origin.path.endswith("2026-04-13_new.txt") for r in group) for group in built)


def test_a_file_added_to_the_theme_overrides_or_docs_during_serve_reaches_the_site(tmp_path, serving):
    """Under dirty serve builds MkDocs' lists of docs/ and of the theme's files are reused
    from build to build (file_list.files_of): a file added to either still reaches the site,
    and the site still equals a clean build's."""
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    served = tmp_path / "served"
    serve_build(project, served)
    (project / "overrides" / "pf-added.css").write_text(".pf-added { color: red }\n", encoding="utf-8")
    (project / "docs" / "added-notes.md").write_text("# Added notes\n\nWritten during serve.\n", encoding="utf-8")
    serve_build(project, served)
    assert (served / "pf-added.css").read_text(encoding="utf-8") == ".pf-added { color: red }\n"
    assert "Written during serve." in (served / "added-notes" / "index.html").read_text(encoding="utf-8")
    assert_served_is_clean_build(project, served, tmp_path / "clean")


def test_the_reused_file_list_is_the_list_mkdocs_makes_itself(tmp_path):
    """file_list.files_of stands in for MkDocs' get_files under dirty serve builds: the same
    files, destinations and inclusion, on the project's own docs and on a folder where two
    files would build one page (MkDocs keeps one and warns; files_of leaves that to it)."""
    import shutil

    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from paperfold.face import file_list

    def listed(files):
        return [(f.src_uri, f.dest_uri, f.inclusion) for f in files]

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site"))
    assert listed(file_list.files_of(config)) == listed(get_files(config))
    assert listed(file_list.files_of(config)) == listed(get_files(config))  # the reused Files
    (docs / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (docs / "notes.markdown").write_text("# Notes again\n", encoding="utf-8")
    assert listed(file_list.files_of(config)) == listed(get_files(config))


def test_serve_collects_garbage_between_builds_and_its_memory_stays_flat(tmp_path, serving, monkeypatch):
    """Under serve no full garbage collection starts inside a build (at 10,000 papers one
    walks 700 MB of objects); the one started after each build frees what the build left:
    over 20 rebuilds, each a title fix, the objects Python tracks do not grow."""
    import gc

    monkeypatch.setattr(preview_state, "COLLECT_AFTER_SECONDS", 0.0)
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    entry = project / "curation" / "papers" / f"{PLAIN}.yml"
    entry.parent.mkdir(parents=True, exist_ok=True)
    inside: list[int] = []

    def full_collection(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2 and threading.current_thread() is threading.main_thread():
            inside.append(1)

    tracked = []
    for n in range(20):
        entry.write_text(f"title: One epoch is all you need ({'fixed' if n % 2 else 'again'})\n", encoding="utf-8")
        gc.callbacks.append(full_collection)
        try:
            serve_build(project, tmp_path / "site")
        finally:
            gc.callbacks.remove(full_collection)
        for timer in preview_state._COLLECTING:
            timer.join()
        tracked.append(len(gc.get_objects()))
    assert inside == []
    assert tracked[-1] <= tracked[5] * 1.01, tracked


def test_a_failed_serve_build_still_collects_its_garbage_after_it(tmp_path, serving, monkeypatch):
    """Under serve no full collection starts by itself, so a build that fails (a broken
    theme override) schedules the one after it too: without it, the garbage of failed
    builds piled up until a build succeeded."""
    after: list[int] = []
    monkeypatch.setattr(preview_state, "collect_after_build", lambda: after.append(1))
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    serve_build(project, tmp_path / "site")
    assert after == [1]
    header = project / "overrides" / "partials" / "header.html"
    header.write_text("{% if %}\n" + header.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(TemplateSyntaxError):
        serve_build(project, tmp_path / "site")
    assert after == [1, 1]
