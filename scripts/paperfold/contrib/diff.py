"""`paperfold diff BASE_REF`: which papers a change adds, removes, moves or alters, as Markdown.

Both sides run their own code on their own data: BASE_REF is checked out with
`git worktree` into a temporary folder, and each tree's `paperfold export
--format json` lists its papers. Comparing exports (not pages) keeps the
summary about papers: title, topics and related papers. A paper whose old id
is now another paper's alias has moved (its URL redirects), not vanished.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from paperfold.site.templating import make_env

COMPARED = ("title", "tags", "related")


@dataclass(frozen=True)
class Change:
    id: str
    label: str
    field: str
    before: str
    after: str


def export_papers(tree: Path) -> list[dict]:
    """The papers of the project at `tree`, exported by that tree's own code."""
    env = {**os.environ, "PYTHONPATH": str(tree / "scripts")}
    result = subprocess.run(
        [sys.executable, "-m", "paperfold.face.cli", "export", "--format", "json"],
        cwd=tree, env=env, capture_output=True, text=True, timeout=1800,
    )
    if result.returncode != 0:
        raise RuntimeError(f"export failed in {tree}:\n{result.stderr.strip()}")
    return json.loads(result.stdout)


def export_at_ref(repo: Path, ref: str) -> list[dict]:
    """Check `ref` out beside the working tree (git worktree), export it, remove the checkout."""
    with tempfile.TemporaryDirectory(prefix="paperfold-diff-") as tmp:
        checkout = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(checkout), ref],
                       cwd=repo, check=True, capture_output=True, text=True)
        try:
            return export_papers(checkout)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=repo, capture_output=True)


def _shown(paper: dict, field: str) -> str:
    value = paper.get(field)
    if field == "related":
        return ", ".join(r["id"] if isinstance(r, dict) else str(r) for r in value or ()) or "none"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "none"
    return "none" if value in (None, "") else str(value)


def compare(base: Sequence[dict], head: Sequence[dict]) -> dict:
    """Added, removed, moved (old id now an alias) and altered papers."""
    before, after = {p["id"]: p for p in base}, {p["id"]: p for p in head}
    moved_to = {alias: p for p in head for alias in p.get("aliases") or () if alias in before and alias not in after}
    altered = [
        Change(pid, after[pid].get("label") or pid, field, _shown(before[pid], field), _shown(after[pid], field))
        for pid in after if pid in before
        for field in COMPARED if _shown(before[pid], field) != _shown(after[pid], field)
    ]
    for old, new in moved_to.items():
        altered += [
            Change(new["id"], new.get("label") or new["id"], field, _shown(before[old], field), _shown(new, field))
            for field in COMPARED if _shown(before[old], field) != _shown(new, field)
        ]
    moved_ids = {p["id"] for p in moved_to.values()}
    return {
        "added": [p for pid, p in after.items() if pid not in before and pid not in moved_ids],
        "removed": [p for pid, p in before.items() if pid not in after and pid not in moved_to],
        "moved": [(before[old], new) for old, new in moved_to.items()],
        "altered": altered,
        "base_count": len(before),
        "head_count": len(after),
    }


def format_diff(base: Sequence[dict], head: Sequence[dict], base_name: str, head_name: str) -> str:
    for paper in (*base, *head):
        paper.setdefault("label", paper.get("title") or paper["id"])
    return make_env().get_template("diff.md.j2").render(base_name=base_name, head_name=head_name, **compare(base, head))


def diff(repo: Path, base_ref: str) -> str:
    """Markdown: the working tree's papers against `base_ref`'s."""
    return format_diff(export_at_ref(repo, base_ref), export_papers(repo), base_ref, "this change")
