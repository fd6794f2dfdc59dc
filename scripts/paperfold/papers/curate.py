"""Apply curation files on top of the merged papers (pure: no I/O).

Precedence (also in the README): curation file > merged sources (most specific
source first) > defaults. Within one build the operations run in this order:

1. match each curation entry to a paper by its id, else by one of its `aliases`;
2. `split`: the listed records leave the paper and form a paper of their own;
3. `merge_with`: the other paper's records join this one; this entry's paper
   keeps its id and the other id redirects to it;
4. `title`, `authors`, `date`: replace what the sources said. A title fix gives
   the paper a new id (ids follow titles); the old id becomes an alias, so its
   URL keeps working;
5. `topics` / `add_topics` / `remove_topics`, `note`, `aliases`;
6. `hide`: the paper leaves the site and is listed in the build report.

Capture dates of dumps are pinned earlier, before reading (see build.collect).
An entry that matches no paper is reported as orphaned; every problem is data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from paperfold.papers.curation_files import Curation, PaperCuration
from paperfold.model import Origin, Paper, Problem
from paperfold.papers.merge import build_paper, label_for, paper_id, unique_id


@dataclass(frozen=True)
class Hidden:
    """A paper left off the site by a curation file, with its reason."""

    paper: Paper
    origin: Origin  # the `hide:` line
    reason: str

    def as_problem(self) -> Problem:
        return Problem(self.origin, f"hidden by curation: {self.paper.id} ({self.paper.label}): {self.reason}")


@dataclass(frozen=True)
class Curated:
    papers: tuple[Paper, ...]
    hidden: tuple[Hidden, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class TopicEdit:
    """What curation says about a paper's topics; topics.assign_topics applies it."""

    set_to: tuple[str, ...] | None = None
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()

    def apply(self, tags: Sequence[str]) -> tuple[str, ...]:
        base = self.set_to if self.set_to is not None else tuple(tags)
        return tuple(dict.fromkeys(t for t in (*base, *self.add) if t not in self.remove))


def topic_edits(papers: Iterable[Paper], curation: Curation) -> dict[str, TopicEdit]:
    """Topic edits keyed by the curated papers' final ids (for the topics stage)."""
    by_path = {entry.path: entry for entry in curation.papers}
    edits = {}
    for paper in papers:
        entry = by_path.get(paper.curation_path or "")
        if entry and (entry.topics is not None or entry.add_topics or entry.remove_topics):
            edits[paper.id] = TopicEdit(entry.topics, entry.add_topics, entry.remove_topics)
    return edits


def apply_curation(papers: Sequence[Paper], curation: Curation) -> Curated:
    by_id, problems = _by_id(papers)
    entries, matching = match_entries(papers, curation.papers)
    problems += matching
    working, renamed = dict(by_id), {}
    for paper_key, entry in entries.items():
        problems += _split(working, paper_key, entry)
    for paper_key, entry in entries.items():
        problems += _merge(working, renamed, paper_key, entry)
    problems += _merged_away(entries, working, renamed)
    curated, hidden = [], []
    for key, paper in working.items():
        entry = entries.get(key)
        if entry is None:
            curated.append(paper)
            continue
        paper = edit_paper(paper, entry)
        if paper.id != key:
            renamed[key] = paper.id
        if entry.hide:
            hidden.append(Hidden(paper, entry.origin("hide"), entry.hide))
        else:
            curated.append(paper)
    curated, clashes = _unique(curated)
    return Curated(tuple(_remap_related(curated, renamed)), tuple(hidden), tuple(problems + clashes))


def _by_id(papers: Sequence[Paper]) -> tuple[dict[str, Paper], list[Problem]]:
    """{id: paper}, re-checking that ids are unique (merge makes them so): a paper whose id
    is taken gets a free one and a Problem, rather than replacing the other in the map."""
    by_id: dict[str, Paper] = {}
    problems = []
    for paper in papers:
        if paper.id in by_id:
            new_id = unique_id(paper.id, set(by_id))
            problems.append(Problem(paper.sources[0].origin, f"expected a paper id no other paper has, found "
                                    f"{paper.id!r} twice; this one is now {new_id!r}"))
            paper = replace(paper, id=new_id)
        by_id[paper.id] = paper
    return by_id, problems


def match_entries(papers: Sequence[Paper], entries: Sequence[PaperCuration]) -> tuple[dict[str, PaperCuration], list[Problem]]:
    """{paper id: entry}; an entry matches by its id first, then by its aliases."""
    ids = {p.id for p in papers}
    matched: dict[str, PaperCuration] = {}
    problems = []
    for entry in entries:
        key = next((k for k in entry.keys if k in ids), None)
        if key is None:
            problems.append(Problem(entry.origin(), f"expected a paper with id {entry.id!r}"
                                    + (f" or one of its aliases {', '.join(entry.aliases)}" if entry.aliases else "")
                                    + ", found none: this curation entry is orphaned (was the paper's title or dump changed?)"))
        elif key in matched:
            problems.append(Problem(entry.origin(), f"expected one curation file per paper, found a second one for "
                                    f"{key!r} (first: {matched[key].path})"))
        else:
            matched[key] = entry
    return matched, problems


def _split(working: dict[str, Paper], key: str, entry: PaperCuration) -> list[Problem]:
    if not entry.split:
        return []
    paper = working[key]
    moving = [r for r in paper.sources if r.origin in entry.split]
    found = {r.origin for r in moving}
    problems = [
        Problem(entry.origin("split"), f"split: expected a record of {key} at {origin}, found none "
                f"(its records: {', '.join(str(r.origin) for r in paper.sources)})")
        for origin in entry.split if origin not in found
    ]
    staying = [r for r in paper.sources if r.origin not in found]
    if not moving or not staying:
        if moving:
            problems.append(Problem(entry.origin("split"), "split: expected to keep at least one record, found all listed"))
        return problems
    kept = build_paper(staying)
    working[key] = replace(kept, id=key, stated_related=paper.stated_related)
    separated = build_paper(moving)
    new_id = separated.id if separated.id not in working else unique_id(f"{separated.id}-split", set(working))
    working[new_id] = replace(separated, id=new_id)
    return problems


def _merge(working: dict[str, Paper], renamed: dict[str, str], key: str, entry: PaperCuration) -> list[Problem]:
    other_id = entry.merge_with
    if not other_id:
        return []
    other_id = renamed.get(other_id, other_id)
    if key not in working:  # another file's merge_with took this paper already
        return []  # reported by _merged_away
    if other_id == key:
        return [Problem(entry.origin("merge_with"), f"merge_with: expected another paper's id, found this paper's own id {key!r}")]
    if other_id not in working:
        return [Problem(entry.origin("merge_with"), f"merge_with: expected the id of a paper on the site, found {entry.merge_with!r}")]
    paper, other = working[key], working.pop(other_id)
    merged = build_paper(sorted(paper.sources + other.sources, key=lambda r: r.origin))
    related = tuple(dict.fromkeys(i for i in paper.stated_related + other.stated_related if i not in (key, other_id)))
    working[key] = replace(merged, id=key, stated_related=related,
                           aliases=tuple(dict.fromkeys(paper.aliases + (other_id,) + other.aliases)))
    renamed[other_id] = key
    return []


def _merged_away(entries: dict[str, PaperCuration], working: dict[str, Paper], renamed: dict[str, str]) -> list[Problem]:
    """Entries of papers that another file's merge_with absorbed: their fixes would be lost."""
    return [
        Problem(entry.origin(), f"expected {key!r} to keep its own page, found it merged into "
                f"{renamed[key]!r} by that paper's curation file: move these fixes there, and keep "
                "merge_with in one of the two files")
        for key, entry in entries.items() if key not in working and key in renamed
    ]


def edit_paper(paper: Paper, entry: PaperCuration) -> Paper:
    """The field-level fixes of one entry; a title fix moves the id and keeps the old one as an alias."""
    title = entry.title or paper.title
    new_id = paper_id(title, paper.abstract, paper.arxiv_id) if entry.title and entry.title != paper.title else paper.id
    authors = entry.authors if entry.authors is not None else paper.authors
    tags = TopicEdit(entry.topics, entry.add_topics, entry.remove_topics).apply(paper.tags)
    old_ids = (paper.id, *entry.keys, *paper.aliases, *entry.aliases)
    return replace(
        paper,
        id=new_id,
        title=title,
        label=label_for(title, paper.abstract),
        authors=authors,
        author_count=len(authors) if entry.authors is not None else paper.author_count,
        date=entry.date or paper.date,
        date_text=entry.date or paper.date_text,
        tags=tags,
        note=entry.note or paper.note,
        aliases=tuple(dict.fromkeys(i for i in old_ids if i != new_id)),
        curation_path=entry.path,
    )


def _unique(papers: list[Paper]) -> tuple[list[Paper], list[Problem]]:
    """A title fix can give a paper the id of another one: keep both pages and say so.
    The curated paper is the one that moves, so an untouched paper keeps its URL."""
    seen = {p.id for p in papers if p.curation_path is None}
    out, problems = [], []
    for paper in papers:
        if paper.curation_path is not None and paper.id in seen:
            problems.append(Problem(Origin(paper.curation_path, 1),
                                    f"expected a title no other paper has, found {paper.label!r} (id {paper.id}); "
                                    f"if they are the same paper, use merge_with: {paper.id}", "warning"))
            paper = replace(paper, id=unique_id(f"{paper.id}-curated", seen))
        seen.add(paper.id)
        out.append(paper)
    return out, problems


def _remap_related(papers: list[Paper], renamed: dict[str, str]) -> list[Paper]:
    if not renamed:
        return papers
    def new(i: str) -> str:
        return renamed.get(i, i)
    # Papers that state no renamed paper stay the same objects: a rebuild in `serve`
    # reuses what it made from them (memo.py).
    return [
        replace(p, stated_related=tuple(dict.fromkeys(new(i) for i in p.stated_related if new(i) != p.id)))
        if any(i in renamed for i in p.stated_related) else p
        for p in papers
    ]


def orphaned_dumps(curation: Curation, dump_paths: Iterable[str]) -> list[Problem]:
    """Dump curation files whose seed file is gone (their pinned date would do nothing)."""
    names = {path.rsplit("/", 1)[-1] for path in dump_paths}
    return [
        Problem(Origin(d.path, 1), f"expected a seed file named {d.name!r}, found none: "
                "this curation entry is orphaned (rename it with the dump, or delete it)")
        for d in curation.dumps if d.name not in names
    ]
