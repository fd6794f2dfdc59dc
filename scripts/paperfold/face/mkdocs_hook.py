"""MkDocs hook: generate the paper pages before every build, so that `mkdocs build`,
`mkdocs serve` and `paperfold build` all go through the same pipeline.

This is the only glue between the generator and MkDocs. The generator writes
plain Markdown with front matter; another renderer would call
`paperfold.build.generate` the same way.
"""

from __future__ import annotations

import logging
import time

from mkdocs.plugins import event_priority

from paperfold.build import generate, settings_from_mkdocs
from paperfold.report import capped_lines, format_report
from paperfold.site.write import is_generated
from paperfold.papers.curation_files import load_curation
from paperfold.face.lastgood import built_before, mark_built
from paperfold.enrich.vocabulary import load_vocabulary

log = logging.getLogger("mkdocs.plugins.paperfold")


@event_priority(100)  # before Material's tags plugin reads `tags_allowed` in its own on_config
def on_config(config, **kwargs):
    """The vocabulary in topics.yml is the tags plugin's allow-list (an empty vocabulary allows all)."""
    from material.plugins.tags.structure.tag import Tag

    settings = settings_from_mkdocs(config)
    tags = next((p for name, p in config.plugins.items() if name.endswith("tags")), None)
    if tags is not None and settings.topics_file is not None:
        vocabulary, _ = load_vocabulary(settings.topics_file)  # its problems are reported by the build
        tags.config.tags_allowed = {Tag(topic_id) for topic_id in vocabulary.ids}
    return config


def on_page_context(context, page, config, nav):
    """A paper's "Edit this page" opens its curation file (render.paper_meta computes the URL)."""
    if page.meta.get("edit_url"):
        page.edit_url = page.meta["edit_url"]
    elif is_generated(page.file.src_uri):
        page.edit_url = None  # the next build would overwrite any edit
    return context


def on_pre_build(config, **kwargs) -> None:
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
    report = generate(settings, curation)
    log.info(f"paperfold: generated {len(report.papers)} paper pages in {time.perf_counter() - started:.2f} s")
    # INFO, not WARNING: problems in the seeds are data to report, and
    # `paperfold check` is what fails on them; `mkdocs build --strict` checks the site.
    for line in format_report(report).splitlines():
        log.info(line)


def on_post_build(config, **kwargs) -> None:
    mark_built(config.config_file_path)
