"""Same-output check for the read and merge stages: a digest of what `build.collect` makes.

    PYTHONPATH=scripts .venv/bin/python tests/bench/collect_digest.py FOLDER... > new.txt
    PYTHONPATH=OLD/scripts .venv/bin/python tests/bench/collect_digest.py FOLDER... > old.txt
    diff old.txt new.txt

For each seeds folder it prints the counts and a SHA-256 of the full `repr` of the report
(every dump summary, record with its line numbers, problem, skipped item and merged paper),
so two versions of the code can be compared on the seeds, the golden cases, the real
general pages and a synthetic corpus. With --full the repr itself is printed, to find
where two versions differ.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from paperfold import build


def digest(folder: Path) -> tuple[str, str]:
    report = build.collect(folder)
    text = repr(report)
    summary = (f"{folder}: {len(report.papers)} papers, {sum(len(p.sources) for p in report.papers)} records placed, "
               f"{len(report.problems)} problems, {len(report.skipped)} skipped, "
               f"sha256 {hashlib.sha256(text.encode()).hexdigest()[:16]}")
    return summary, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--full", action="store_true", help="print each report's repr, one paper a line")
    args = parser.parse_args()
    for folder in args.folders:
        summary, text = digest(folder)
        print(summary)
        if args.full:
            print(text.replace("Paper(", "\nPaper(").replace("Problem(", "\nProblem("))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
