"""The build report: every record read is on a page, merged into one, or listed with its reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from paperfold.model import Paper, Problem, RawRecord


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
        """Records as the readers produced them (counted in the read stage, per dump)."""
        return sum(d.record_count for d in self.dumps)

    @property
    def placed_count(self) -> int:
        """Records found again in the papers: on a page, or in a paper curation hides."""
        return sum(len(p.sources) for p in self.papers) + sum(len(h.paper.sources) for h in self.hidden)

    @property
    def merged(self) -> list[Paper]:
        return [p for p in self.papers if len(p.sources) > 1]

    @property
    def error_count(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")


def format_report(report: BuildReport, verbose: bool = False) -> str:
    """Plain text for the terminal and CI logs."""
    merged_records = report.placed_count - len(report.papers) - len(report.hidden)
    lines = [
        f"Read {report.record_count} records from {len(report.dumps)} dumps:",
        f"  {len(report.papers)} papers on pages",
        f"  {len(report.hidden)} papers hidden by curation",
        f"  {merged_records} records merged into another record's paper ({len(report.merged)} papers seen more than once)",
        f"  {len(report.skipped)} items read that are not papers",
        f"  {len(report.problems)} problems ({report.error_count} errors)",
        balance_line(report),
    ]
    lines += [f"  {line}" for line in capped_lines(report.problems)]
    lines += [f"  skipped {s.origin}: {s.message}" for s in report.skipped]
    lines += [f"  hidden {h.origin}: {h.paper.id}: {h.reason}" for h in report.hidden]
    if verbose:
        lines += _merge_lines(report.merged)
    return "\n".join(lines)


MAX_LINES_PER_FILE = 20  # problems printed for one file; a generated or hostile file can have millions


def capped_lines(problems: Sequence[Problem], limit: int = MAX_LINES_PER_FILE) -> list[str]:
    """One line per problem, at most `limit` per file, then one line saying how many more."""
    shown: Counter = Counter()
    lines = []
    for problem in problems:
        shown[problem.origin.path] += 1
        if shown[problem.origin.path] <= limit:
            lines.append(str(problem))
    for path, count in shown.items():
        if count > limit:
            lines.append(f"{path}: {count - limit} more problems in this file not shown (fix the first ones and run again)")
    return lines


def balance_line(report: BuildReport) -> str:
    """Records read against records placed: they differ only if a stage lost or invented one."""
    verdict = "balanced" if report.record_count == report.placed_count else "NOT BALANCED"
    return (f"  Balance: {report.record_count} records read, {report.placed_count} in the papers on pages "
            f"and hidden: {verdict}")


def unaccounted(records: Iterable[RawRecord], report: BuildReport) -> list[Problem]:
    """A Problem for each record read that no paper holds, and for each record a paper holds
    more often than it was read: a bug, never the input's fault, but it must not pass unseen."""
    read = Counter(record.origin for record in records)
    placed = Counter(r.origin for p in (*report.papers, *(h.paper for h in report.hidden)) for r in p.sources)
    lost = [Problem(origin, "expected this record on a page or in the report, found it in no paper "
                    "(records lost by the build: please report this)") for origin in sorted((read - placed).elements())]
    extra = [Problem(origin, "expected this record in one paper, found it in more (please report this)")
             for origin in sorted((placed - read).elements())]
    return lost + extra


def _merge_lines(papers: Sequence[Paper]) -> list[str]:
    lines = ["Merged papers:"]
    for paper in papers:
        origins = ", ".join(str(r.origin) for r in paper.sources)
        lines.append(f"  {paper.id} <- {origins}")
    return lines
