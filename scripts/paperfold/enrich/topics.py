"""Tagging papers with the topics of the vocabulary (vocabulary.py loads and checks it).

`assign_topics` ranks each paper's topics by match strength (topic_rules.py:
title hits weigh TITLE_WEIGHT times an abstract hit) and keeps the best
`max_tags`. Curation overrides, `{paper_id: tags}`, replace the automatic tags
of those papers; an unknown tag there is an error, never a new topic. Nothing
here touches the disk.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Protocol, Sequence, Union

from paperfold.model import Origin, Paper, Problem
from paperfold.enrich.topic_rules import Rules
from paperfold.enrich.vocabulary import UNSORTED, Vocabulary

DEFAULT_MAX_TAGS = 4


def rank_topics(paper: Paper, rules: Rules) -> list[tuple[str, int]]:
    """(topic id, score) for every matching topic, strongest first, vocabulary order on ties."""
    hits = rules.hits(paper.title or "", paper.abstract or "")
    scored = [(r.topic.id, r.score(hits)) for r in rules.topics]
    return sorted((s for s in scored if s[1] > 0), key=lambda s: -s[1])


class TagEdit(Protocol):
    """A curation edit of a paper's tags (curate.TopicEdit): set, add or remove."""

    def apply(self, tags: Sequence[str]) -> tuple[str, ...]: ...


Override = Union[Sequence[str], TagEdit]  # a plain list replaces the automatic tags


def automatic_tags(papers: Sequence[Paper], rules: Rules, max_tags: int = DEFAULT_MAX_TAGS) -> list[tuple[str, ...]]:
    """Each paper's best `max_tags` topics by the vocabulary's match rules, on its own:
    any share of the papers can be tagged anywhere."""
    return [tuple(topic_id for topic_id, _ in rank_topics(p, rules)[:max_tags]) for p in papers]


def assign_topics(
    papers: Sequence[Paper],
    vocabulary: Vocabulary,
    max_tags: int = DEFAULT_MAX_TAGS,
    overrides: Mapping[str, Override] | None = None,
    override_origins: Mapping[str, Origin] | None = None,
    tags: Sequence[tuple[str, ...]] | None = None,
) -> tuple[tuple[Paper, ...], tuple[Problem, ...]]:
    """Papers with `tags`, best first, and the problems found in the overrides.

    Precedence: curation (an override keyed by paper id) over the automatic
    tags from the vocabulary's match rules. A plain list replaces the automatic
    tags; an edit object (`apply(tags)`) sets, adds or removes. `tags`: the automatic
    tags of every paper, when the caller has matched them already (the build does, paper
    by paper, reusing earlier builds' tags); `max_tags` is not applied to them again.
    """
    if tags is None:
        tags = automatic_tags(papers, Rules.of(vocabulary), max_tags)
    # A paper that has these tags already (build.py hands in the one it tagged in the last
    # build) is kept as it is: later stages' memo keys then match it by identity, and no
    # new Paper is made for it (dataclasses.replace is slow at 10,000 papers).
    tagged = tuple(p if p.tags == t else replace(p, tags=t) for p, t in zip(papers, tags, strict=True))
    return apply_overrides(tagged, vocabulary, overrides or {}, override_origins or {})


def apply_overrides(
    papers: Sequence[Paper],
    vocabulary: Vocabulary,
    overrides: Mapping[str, Override],
    origins: Mapping[str, Origin],
) -> tuple[tuple[Paper, ...], tuple[Problem, ...]]:
    """Apply the overrides. Aliases resolve to their topic; unknown tags are errors
    and are dropped; an override for an unknown paper is a warning."""
    problems: list[Problem] = []
    by_id = {p.id: p for p in papers}
    resolved: dict[str, tuple[str, ...]] = {}
    for paper_id, override in overrides.items():
        paper = by_id.get(paper_id)
        fallback = Origin(paper.curation_path, 1) if getattr(paper, "curation_path", None) else Origin(vocabulary.path, 0)
        origin = origins.get(paper_id, fallback)
        if paper is None:
            problems.append(Problem(origin, f"tags given for unknown paper '{paper_id}'", "warning"))
            continue
        edit = getattr(override, "apply", None)
        names = edit(paper.tags) if callable(edit) else tuple(override)
        ids: list[str] = []
        for name in names:
            topic_id = vocabulary.resolve(str(name))
            if topic_id is None:
                problems.append(Problem(origin, f"unknown tag '{name}' for paper '{paper_id}': "
                                                f"tags must be topic ids or aliases from {vocabulary.path}"))
            elif topic_id not in ids:
                ids.append(topic_id)
        resolved[paper_id] = tuple(ids)
    result = tuple(replace(p, tags=resolved[p.id]) if p.id in resolved else p for p in papers)
    return result, tuple(problems)


def papers_by_topic(papers: Sequence[Paper]) -> dict[str, list[Paper]]:
    """Topic id -> papers tagged with it, in input order; UNSORTED holds untagged papers.
    One pass over the papers, so topic pages never rescan the corpus."""
    grouped: dict[str, list[Paper]] = {}
    for paper in papers:
        for tag in paper.tags or (UNSORTED,):
            grouped.setdefault(tag, []).append(paper)
    return grouped
