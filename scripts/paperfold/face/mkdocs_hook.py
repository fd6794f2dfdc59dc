"""MkDocs hook: generate the paper pages before every build, so that `mkdocs build`,
`mkdocs serve` and `paperfold build` all go through the same pipeline.

This is the only glue between the generator and MkDocs. The generator writes
plain Markdown with front matter; another renderer would call
`paperfold.build.generate` the same way.

Under `serve` (preview.py): one edit gives one rebuild. The generator's own writes
under docs/ are not watched (on_serve watches the hand-written entries of docs/
instead), the related lists are updated rather than recomputed (related_update.py),
and with `paperfold serve`'s dirty builds MkDocs renders only the pages the generator
rewrote; on_post_build removes the pages of papers that left, and Python's full garbage
collections wait until after each build (preview.collect_between_builds).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from pathlib import Path

from dataclasses import replace

from mkdocs.exceptions import PluginError

from paperfold.build import generate_written, settings_from_mkdocs, vocabulary_of
from paperfold.report import capped_lines, format_report
from paperfold.site.write import is_generated
from paperfold.papers.curation_files import load_curation
from paperfold.face import preview
from paperfold.face.lastgood import built_before, mark_built

log = logging.getLogger("mkdocs.plugins.paperfold")

def on_startup(command, dirty, **kwargs) -> None:
    preview.start(command, dirty)


def on_env(env, config, files, **kwargs):
    if preview.serving():
        env.bytecode_cache = preview.THEME_BYTECODE  # bucket keys include the source's checksum
    return env


def on_serve(server, config, builder, **kwargs):
    """Watch docs/ but the generator's own pages, which it rewrites in every build: their
    writes would start another build. Hand-written entries of docs/ are watched one by one
    (one added at the top of docs/ later is seen after a restart).

    A burst of saves (an editor writing a file twice, or a temporary file and then the
    rename) is one rebuild because MkDocs' watcher looks at the files every 0.5 s: the
    saves, milliseconds apart, fall within one look. MkDocs then waits until no change has
    come for its build_delay (0.1 s) and builds. A longer wait (0.3 s, before) delayed
    every rebuild and joined no more saves of one file: the next look at it is 0.5 s away."""
    docs = Path(config.docs_dir)
    server.unwatch(config.docs_dir)
    for entry in sorted(docs.iterdir()):
        if not is_generated(entry.name):
            server.watch(str(entry))
    return server


_TOPICS: list[frozenset[str]] = []  # topics.yml's ids (on_config), for on_page_markdown


def on_config(config, **kwargs):
    """The vocabulary in topics.yml: the tags a hand-written page may carry (an empty vocabulary allows all)."""
    settings = settings_from_mkdocs(config)
    ids: frozenset[str] = frozenset()
    if settings.topics_file is not None:
        vocabulary, _ = vocabulary_of(settings.topics_file)  # its problems are reported by the build
        ids = frozenset(vocabulary.ids)
    _TOPICS[:] = [ids]
    return config


# "tags: [grokking]", "tags:" over a block list: the front matter's tags key
TAGS_KEY = re.compile(r"""^tags\s*:""", re.VERBOSE)


def check_tags(page) -> None:
    """A hand-written page's tags must be topics (the chips, overrides/partials/tags.html)."""
    allowed = _TOPICS[0] if _TOPICS else frozenset()
    tags = page.meta.get("tags") or ()
    # `tags: grokking` would be read letter by letter, `tags: 5` or a mapping not as a list at all
    if not isinstance(tags, (list, tuple)):
        raise PluginError(f"{tags_origin(page)}: front matter `tags` must be a list of topic ids "
                          f"from topics.yml, as `tags: [{tags}]`; found {tags!r}")
    stray = [str(tag) for tag in tags if allowed and str(tag) not in allowed]
    if stray:
        raise PluginError(f"{tags_origin(page)}: Tags not in allow list: {', '.join(stray)} (topics.yml)")


def tags_origin(page) -> str:
    """"notes.md:2": the page and the line of its `tags` key, so a contributor finds it at
    once (the page alone if its source cannot be read)."""
    try:
        lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
    except (AttributeError, TypeError, OSError):
        lines = []
    number = next((index for index, line in enumerate(lines, 1) if TAGS_KEY.match(line)), None)
    return f"{page.file.src_uri}:{number}" if number else page.file.src_uri


def on_page_context(context, page, config, nav):
    """A paper's "Edit this page" opens its curation file (render.paper_meta computes the URL)."""
    if page.meta.get("edit_url"):
        page.edit_url = page.meta["edit_url"]
    elif is_generated(page.file.src_uri):
        page.edit_url = None  # the next build would overwrite any edit
    return context


def on_pre_build(config, **kwargs) -> None:
    preview.stop_indexer()  # serve: an index of the site before this build would be out of date
    settings = settings_from_mkdocs(config)
    curation = load_curation(settings.curation_dir)
    broken = [p for p in curation.problems if p.severity == "error"]
    for line in capped_lines(broken):
        log.warning(line)  # a broken curation file fails `--strict` builds
    if broken and built_before(config.config_file_path):
        # A rebuild in `serve`: keep the last good pages. (Raising would make MkDocs'
        # server hold every request until a build succeeds.)
        log.error(f"{len(broken)} errors in curation files: serving the last good pages until they are fixed")
        return
    started = time.perf_counter()
    report, written = generate_written(replace(settings, incremental_related=preview.serving()), curation)
    if preview.serving():
        preview.note_written(config.config_file_path, written)
    log.info(f"paperfold: generated {len(report.papers)} paper pages in {time.perf_counter() - started:.2f} s")
    # INFO, not WARNING: problems in the seeds are data to report, and
    # `paperfold check` is what fails on them; `mkdocs build --strict` checks the site.
    for line in format_report(report).splitlines():
        log.info(line)


def on_post_build(config, **kwargs) -> None:
    mark_built(config.config_file_path)
    if preview.serving():
        # A dirty build leaves the pages of papers that left the site: remove them.
        site = Path(config.site_dir)
        generated = [f for f in _FILES[0] if is_generated(f.src_uri)] if _FILES else []
        for dest_uri in preview.outputs_gone(config.config_file_path, {f.dest_uri for f in generated}):
            with contextlib.suppress(FileNotFoundError):
                os.remove(site / dest_uri)
        preview.built(config.config_file_path, {f.src_uri for f in generated if f.is_documentation_page()})
        preview.collect_after_build()


def on_build_error(error, **kwargs) -> None:
    # Under serve no full collection starts by itself: a failed build's garbage is
    # collected after it too, not left until a build succeeds.
    if preview.serving():
        preview.collect_after_build()


def on_post_template(output, template_name, config, **kwargs):
    """Serve: sitemap.xml is not written again while leave_out_unchanged left pages out
    (it would list only the pages rendered this time); the one of the last full
    render stays."""
    if template_name == "sitemap.xml" and preview.serving() and preview.QUIET_LINKS.left_out:
        return ""
    return output


# The Map's SVG and the paper lists of the Timeline, topic and Unsorted pages: each one line,
# one raw HTML block (map.md.j2, timeline.md.j2, _paper_list.md.j2), an element per paper.
# Python-Markdown would pass them through as they are, but only after its HTML parser walked
# every element (seconds at 10,000 papers, on every rebuild), so they are set aside before
# Markdown and put back after. Dump text cannot start such a line: escape.md writes "<" as a
# character reference, escape.html_inline as an entity.
# <svg viewBox="0 0 960 640" role="img" ...><title ...>...</title>...<a href="../papers/x/"><circle .../></a>...</svg>
# <ul data-pagefind-ignore="all"><li>2026-04-12 · <a href="../papers/x/">A title</a></li>...</ul>
RAW_LINE = re.compile(r"""^<(?P<tag>svg|ul)\b[^\n]*</(?P=tag)>$""", re.VERBOSE | re.MULTILINE)
_SET_ASIDE: dict[str, list[str]] = {}  # page src_uri -> the lines set aside, in order


def on_page_markdown(markdown, page, **kwargs):
    if not is_generated(page.file.src_uri):
        check_tags(page)
        return markdown
    lines = _SET_ASIDE[page.file.src_uri] = []

    def set_aside(match: re.Match) -> str:
        """An empty element of the line's own tag: Markdown treats it as it treats the line."""
        lines.append(match.group())
        return f'<{match["tag"]} data-paperfold-set-aside="{len(lines) - 1}"></{match["tag"]}>'

    return RAW_LINE.sub(set_aside, markdown)


def on_page_content(html, page, **kwargs):
    lines = _SET_ASIDE.pop(page.file.src_uri, [])
    put_back, found = PLACEHOLDER.subn(lambda match: lines[int(match["number"])], html)
    if found != len(lines):  # a template put one where Markdown rewrote it
        log.warning(f"{page.file.src_uri}: {len(lines)} listings set aside, "
                    f"{found} found again after Markdown; some are missing")
    return put_back


# <ul data-paperfold-set-aside="0"></ul>: on_page_markdown's stand-in for a set-aside line
PLACEHOLDER = re.compile(r"""<(?P<tag>svg|ul)\ data-paperfold-set-aside="(?P<number>\d+)"></(?P=tag)>""", re.VERBOSE)


_FILES: list = []  # this build's files (on_files), for on_post_build: the hook file is loaded anew each build


def on_files(files, config, **kwargs):
    if preview.serving():
        preview.leave_out_unchanged(files, config, is_generated)
    _FILES[:] = [files]
    return files
