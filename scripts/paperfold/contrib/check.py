"""`paperfold check`: every problem in the seeds, the curation files and the topic
vocabulary, all at once, as `path:line: severity: what was expected, what was found`.

It runs the same stages as the build (so it cannot disagree with it) and adds
the cross-file checks a build does not need: aliases claimed twice, topics
the vocabulary does not know. Nothing here writes files.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Sequence

from paperfold.build import collect
from paperfold.papers.curation_files import Curation, PaperCuration, load_curation
from paperfold.model import Paper, Problem
from paperfold.report import capped_lines

TOPIC_KEYS = ("topics", "add_topics", "remove_topics")


def check(seeds_dir: Path, curation_dir: Path | None, topics_file: Path | None = None) -> list[Problem]:
    """Every problem, sorted by file and line."""
    report = collect(seeds_dir, curation_dir)
    curation = load_curation(curation_dir)
    problems = [*report.problems, *alias_conflicts(curation, report.papers)]
    if topics_file is not None and topics_file.is_file():
        problems += topic_problems(curation, topics_file)
    return sorted(set(problems), key=lambda p: (p.origin, p.message))


def alias_conflicts(curation: Curation, papers: Sequence[Paper]) -> list[Problem]:
    """An alias may redirect to one paper only, and may not be the id of a paper on the site."""
    claimed: dict[str, list[PaperCuration]] = defaultdict(list)
    for entry in curation.papers:
        for alias in entry.aliases:
            claimed[alias].append(entry)
    current = {p.id: p for p in papers}
    problems = []
    for alias, entries in claimed.items():
        for entry in entries[1:]:
            problems.append(Problem(entry.origin("aliases"), f"aliases: expected each old id in one curation file, "
                                    f"found {alias!r} also in {entries[0].path}"))
        owner = current.get(alias)
        if owner is not None and owner.curation_path != entries[0].path:
            problems.append(Problem(entries[0].origin("aliases"), f"aliases: expected an old id, found {alias!r}, "
                                    "the id of another paper on the site"))
    return problems


def topic_problems(curation: Curation, topics_file: Path) -> list[Problem]:
    """The vocabulary's own problems, and curation topics it does not know."""
    from paperfold.enrich.vocabulary import load_vocabulary  # the topics stage is optional for checking curation

    vocabulary, problems = load_vocabulary(topics_file, _shown(topics_file))
    problems = list(problems)
    for entry in curation.papers:
        for key in TOPIC_KEYS:
            for name in getattr(entry, key) or ():
                if vocabulary.resolve(name) is None:
                    problems.append(Problem(entry.origin(key), f"{key}: expected a topic id or alias from "
                                            f"{vocabulary.path}, found unknown topic {name!r}"))
    return problems


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def format_problems(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    lines = capped_lines(problems)
    lines.append(f"{errors} errors, {len(problems) - errors} warnings" if problems else "No problems found.")
    return "\n".join(lines)


def exit_code(problems: Sequence[Problem], strict: bool) -> int:
    failing = [p for p in problems if p.severity == "error" or strict]
    return 1 if failing else 0

