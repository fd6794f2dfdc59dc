"""Precision@5 of related papers against hand judgements on the sample corpus.

    .venv/bin/python tests/bench/bench_related_quality.py [--seeds seeds] [--details]

Papers come from the real pipeline (paperfold.build.load_papers), tagged with
the topic vocabulary (topics.yml) when it exists. Judgements are in
tests/data/related_judgements.yml. Precision@5 for one query is the number of
wanted papers among its first 5 related / min(5, number wanted); the table
shows the mean over queries. Rows:

- tfidf: text only (stated relations and topics ignored)
- blend: text + shared topics + stated relations, as the site uses it
- embeddings, embeddings blend: the same with MiniLM, when the extra is installed
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from paperfold.build import load_papers  # noqa: E402
from paperfold.model import Paper  # noqa: E402
from paperfold.enrich.related import relate  # noqa: E402

JUDGEMENTS = ROOT / "tests" / "data" / "related_judgements.yml"
AT = 5


def find(papers: tuple[Paper, ...], text: str) -> Paper:
    """The one paper whose title, or else abstract, contains `text`."""
    hits = [p for p in papers if text in (p.title or "")] or [p for p in papers if text in (p.abstract or "")]
    if len(hits) != 1:
        raise SystemExit(f"{JUDGEMENTS.name}: {text!r} matches {len(hits)} papers, expected exactly 1")
    return hits[0]


def tagged(papers: tuple[Paper, ...]) -> tuple[tuple[Paper, ...], dict[str, str]]:
    """Papers with topics from topics.yml, and topic id -> title; untouched if there is none."""
    vocabulary_file = ROOT / "topics.yml"
    if not vocabulary_file.exists():
        return papers, {}
    from paperfold.enrich.topics import assign_topics
    from paperfold.enrich.vocabulary import load_vocabulary

    vocabulary, _ = load_vocabulary(vocabulary_file, "topics.yml")
    papers, _ = assign_topics(papers, vocabulary)
    return papers, {t.id: t.title for t in vocabulary.topics}


def text_only(papers: tuple[Paper, ...]) -> tuple[Paper, ...]:
    return tuple(replace(p, stated_related=(), tags=()) for p in papers)


def precision(related: tuple[Paper, ...], judgements: list[dict], details: bool) -> list[float]:
    """Precision@AT of each judged query, in the file's order."""
    by_id = {p.id: p for p in related}
    scores = []
    for entry in judgements:
        query = find(related, entry["query"])
        wanted = {find(related, w).id for w in entry.get("wanted", []) + entry.get("stated", [])}
        top = [r.id for r in by_id[query.id].related[:AT]]
        scores.append(sum(i in wanted for i in top) / min(AT, len(wanted)))
        if details:
            print(f"  {scores[-1]:.2f}  {query.label[:60]}")
            for r in by_id[query.id].related[:AT]:
                print(f"        {'+' if r.id in wanted else ' '} {by_id[r.id].label[:50]:50}  {r.reason}")
    return scores


def mean(values: list[float]) -> str:
    return f"{sum(values) / len(values):.2f}" if values else "-"


def runs(papers, topic_titles, cache_dir):
    yield "tfidf", lambda: relate(text_only(papers), k=8)
    yield "blend (tfidf + topics + stated)", lambda: relate(papers, k=8, topic_titles=topic_titles)
    yield "embeddings", lambda: relate(text_only(papers), k=8, backend="embeddings", cache_dir=cache_dir)
    yield "blend (embeddings + topics + stated)", lambda: relate(
        papers, k=8, backend="embeddings", cache_dir=cache_dir, topic_titles=topic_titles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--cache", type=Path, default=ROOT / ".paperfold-cache" / "related")
    parser.add_argument("--details", action="store_true", help="print each query's top 5 with reasons")
    args = parser.parse_args()
    judgements = yaml.safe_load(JUDGEMENTS.read_text(encoding="utf-8"))
    papers, topic_titles = tagged(load_papers(args.seeds))
    print(f"{len(papers)} papers, {len(judgements)} judged queries, precision@{AT}\n")
    unstated = [i for i, entry in enumerate(judgements) if not entry.get("stated")]
    print(f"| backend | precision@{AT}, all {len(judgements)} | the {len(unstated)} without stated relations |")
    print("|---|---|---|")
    for name, run in runs(papers, topic_titles, args.cache):
        try:
            related = run()
        except Exception as error:  # the embeddings extra is optional
            print(f"| {name} | not run: {str(error).splitlines()[0][:90]} | |")
            continue
        if args.details:
            print(name)
        scores = precision(related, judgements, args.details)
        print(f"| {name} | {mean(scores)} | {mean([scores[i] for i in unstated])} |")


if __name__ == "__main__":
    main()
