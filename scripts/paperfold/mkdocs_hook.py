"""MkDocs hook: generate the paper pages before every build, so that `mkdocs build`,
`mkdocs serve` and `paperfold build` all go through the same pipeline.

This is the only glue between the generator and MkDocs. The generator writes
plain Markdown with front matter; another renderer would call
`paperfold.build.generate` the same way.
"""

from __future__ import annotations

import logging

from paperfold.build import generate, settings_from_mkdocs
from paperfold.report import format_report

log = logging.getLogger("mkdocs.plugins.paperfold")


def on_pre_build(config, **kwargs) -> None:
    report = generate(settings_from_mkdocs(config))
    # INFO, not WARNING: problems in the seeds are data to report, and
    # `paperfold check` is what fails on them; `mkdocs build --strict` checks the site.
    for line in format_report(report).splitlines():
        log.info(line)
