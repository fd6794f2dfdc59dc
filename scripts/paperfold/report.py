"""The build report: every record read is on a page, merged into one, or listed with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from paperfold.model import Paper, Problem


@dataclass(frozen=True)
class DumpSummary:
    """One seed file as the Sources page and the build report show it."""

    path: str
    kinds: tuple[str, ...]
    capture_date: str
    capture_date_source: str
    record_count: int
    problem_count: int


@dataclass(frozen=True)
class BuildReport:
    dumps: tuple[DumpSummary, ...]
    papers: tuple[Paper, ...]
    problems: tuple[Problem, ...]  # could not be read: reason and file:line
    skipped: tuple[Problem, ...]  # read, but not a paper: reason and file:line
    hidden: tuple = ()  # curate.Hidden: papers a curation file hides, with the reason

    @property
    def record_count(self) -> int:
        return sum(len(p.sources) for p in self.papers) + sum(len(h.paper.sources) for h in self.hidden)

    @property
    def merged(self) -> list[Paper]:
        return [p for p in self.papers if len(p.sources) > 1]

    @property
    def error_count(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")


def format_report(report: BuildReport, verbose: bool = False) -> str:
    """Plain text for the terminal and CI logs."""
    merged_records = report.record_count - len(report.papers) - len(report.hidden)
    lines = [
        f"Read {report.record_count} records from {len(report.dumps)} dumps:",
        f"  {len(report.papers)} papers on pages",
        f"  {len(report.hidden)} papers hidden by curation",
        f"  {merged_records} records merged into another record's paper ({len(report.merged)} papers seen more than once)",
        f"  {len(report.skipped)} items read that are not papers",
        f"  {len(report.problems)} problems ({report.error_count} errors)",
    ]
    lines += [f"  {p}" for p in report.problems]
    lines += [f"  skipped {s.origin}: {s.message}" for s in report.skipped]
    lines += [f"  hidden {h.origin}: {h.paper.id}: {h.reason}" for h in report.hidden]
    if verbose:
        lines += _merge_lines(report.merged)
    return "\n".join(lines)


def _merge_lines(papers: Sequence[Paper]) -> list[str]:
    lines = ["Merged papers:"]
    for paper in papers:
        origins = ", ".join(str(r.origin) for r in paper.sources)
        lines.append(f"  {paper.id} <- {origins}")
    return lines
