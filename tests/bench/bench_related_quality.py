"""Quality of related papers against hand judgements: precision@5 and anchor recall@8.

    .venv/bin/python tests/bench/bench_related_quality.py [--details SET] [--embeddings] [--rows TEXT] [--digits 3]

--rows TEXT: only the rows whose name holds TEXT (again for more), besides the first two;
--digits: decimals of p@5 and r@8 (2 in BENCHMARKS.md; 3 to see changes under 0.01).

Four judged sets (tests/data/README.md says how each was made):

- seeds: the 101 sample papers (seeds/), blind judgements in related_blind_seeds.yml;
- speech, graphs, mixed: independent dumps in tests/data/related_sets/, each read on its own.

Papers come from the real pipeline (paperfold.build.load_papers), tagged with the topic
vocabulary (topics.yml). Metrics:

- p@5: over papers in a subject group of 3 or more papers; a paper's relevant papers
  are the other members of every group it is in; hits in its first 5 related papers /
  min(5, number relevant). A list cut short by the similarity floor scores less.
- r@8: over anchors; wanted papers among its first 8 related / number wanted.
- <3: papers shown fewer than 3 related papers; outl.: mean related shown to the
  papers judged to have nothing close (the sets that judge some so: seeds, mixed).
- --bands: of the pairs shown with no floor, the share judged related, by score band
  (how the floor was chosen).

Rows: text-only TF-IDF (the old vectoriser, no topics, no stated relations, no floor),
the shipped default, each alternative (one blend setting changed from the default, in
ALTERNATIVES), and each experiment that changes a step of related.py for the run
(related_experiments.py: ways tried and not shipped).
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from statistics import mean

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from paperfold.build import load_papers  # noqa: E402
from paperfold.enrich import related as related_stage  # noqa: E402
from paperfold.model import Paper  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import related_experiments  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = {
    "seeds": (ROOT / "seeds", DATA / "related_blind_seeds.yml"),
    "speech": (DATA / "related_sets" / "speech.txt", DATA / "related_sets" / "speech.yml"),
    "graphs": (DATA / "related_sets" / "graphs.txt", DATA / "related_sets" / "graphs.yml"),
    "mixed": (DATA / "related_sets" / "mixed.txt", DATA / "related_sets" / "mixed.yml"),
}
AT_PRECISION, AT_RECALL, MIN_GROUP = 5, 8, 3
# One blend setting changed from the default at a time.
ALTERNATIVES = {
    "no neighbour expansion": dict(expansion=0.0),
    "neighbour expansion x0.5": dict(expansion=0.5),
    "neighbour expansion x2": dict(expansion=2.0),
    "no listing-word discount": dict(listing_terms=False),
    "no topics": dict(topics=0.0),
    "topics x0.2": dict(topics=0.2),
    "no authors": dict(authors=0.0),
    "stated x0.3, co-listed x0.1": dict(stated=0.3, colisted=0.1),
    "no stated, no co-listed": dict(stated=0.0, colisted=0.0),
    "no floor": dict(floor=0.0),
    "floor 0.08": dict(floor=0.08),
    "floor 0.12": dict(floor=0.12),
}


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


def find(papers: tuple[Paper, ...], name: str, source: Path) -> str:
    """The id of the one paper whose title is `name`, or whose abstract starts it."""
    hits = [p for p in papers if p.title == name] or [
        p for p in papers if not p.title and squash(p.abstract).startswith(name)]
    if len(hits) != 1:
        raise SystemExit(f"{source.name}: {name!r} matches {len(hits)} papers, expected exactly 1")
    return hits[0].id


def load(dump: Path) -> tuple[Paper, ...]:
    """The papers of a seeds folder, or of one dump file read on its own."""
    if dump.is_dir():
        return load_papers(dump)
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(dump, folder)
        return load_papers(Path(folder))


def tagged(papers: tuple[Paper, ...]) -> tuple[tuple[Paper, ...], dict[str, str], object]:
    """Papers with topics from topics.yml, topic id -> title, and the vocabulary."""
    from paperfold.enrich.topics import assign_topics
    from paperfold.enrich.vocabulary import load_vocabulary

    vocabulary, _ = load_vocabulary(ROOT / "topics.yml", "topics.yml")
    papers, _ = assign_topics(papers, vocabulary)
    return papers, {t.id: t.title for t in vocabulary.topics}, vocabulary


class Judged:
    """A judgement file resolved to paper ids."""

    def __init__(self, papers: tuple[Paper, ...], path: Path):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.groups = [{find(papers, n, path) for n in g["papers"]} for g in data["groups"]]
        self.anchors = {find(papers, a["paper"], path): {find(papers, n, path) for n in a["wanted"]}
                        for a in data["anchors"]}
        self.outliers = [find(papers, n, path) for n in data.get("outliers") or []]
        scored = {i for g in self.groups if len(g) >= MIN_GROUP for i in g}
        self.relevant = {i: set().union(*(g for g in self.groups if i in g)) - {i} for i in scored}

    def scores(self, related: tuple[Paper, ...]) -> dict[str, float]:
        lists = {p.id: [r.id for r in p.related] for p in related}
        precision = [len(set(lists[i][:AT_PRECISION]) & rel) / min(AT_PRECISION, len(rel))
                     for i, rel in self.relevant.items()]
        recall = [len(set(lists[a][:AT_RECALL]) & wanted) / len(wanted) for a, wanted in self.anchors.items()]
        return {
            "p@5": mean(precision), "r@8": mean(recall),
            "<3": sum(len(v) < 3 for v in lists.values()),
            "outl.": mean(len(lists[i]) for i in self.outliers) if self.outliers else float("nan"),
        }

    def details(self, related: tuple[Paper, ...], labels: dict[str, str]) -> None:
        by_id = {p.id: p for p in related}
        for anchor, wanted in self.anchors.items():
            print(f"\n{labels[anchor][:70]}")
            for r in by_id[anchor].related[:AT_RECALL]:
                print(f"   {'+' if r.id in wanted else ' '} {r.score:.3f} {labels[r.id][:55]:55}  {r.reason[:70]}")


BANDS = (0.0, 0.06, 0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.25, 9.0)


def related_share_by_band(loaded: dict, blend) -> None:
    """How the floor was chosen: of the pairs each set's lists show with no floor, the share a
    judge put in one subject group, by band of what the floor reads (score_pairs' evidence)."""
    print("\n| score band | " + " | ".join(f"{n}: related / shown" for n in loaded) + " |")
    print("|---|" + "---|" * len(loaded))
    shown = {}
    for name, (papers, titles, judged) in loaded.items():
        mates = {i: set().union(*(g for g in judged.groups if i in g)) - {i} for g in judged.groups for i in g}
        unfloored = replace(blend, floor=0.0)
        related = related_stage.relate(papers, k=8, topic_titles=titles, blend=unfloored)
        shown[name] = list(zip(evidence_of(papers, related, unfloored),
                               (r.id in mates.get(p.id, set()) for p in related for r in p.related)))
    for low, high in zip(BANDS, BANDS[1:]):
        cells = []
        for name in loaded:
            hits = [ok for score, ok in shown[name] if low <= score < high]
            cells.append(f"{sum(hits)} / {len(hits)}" if hits else "-")
        print(f"| {low:.2f} to {high:.2f} | " + " | ".join(cells) + " |")


def evidence_of(papers: tuple[Paper, ...], related: tuple[Paper, ...], blend) -> list[float]:
    """What the floor reads (score_pairs' evidence) for every shown pair, in list order."""
    index = {p.id: i for i, p in enumerate(papers)}
    pairs = np.array([(index[p.id], index[r.id]) for p in related for r in p.related], np.int64).reshape(-1, 2)
    features = related_stage.fit(papers, related_stage.text_tfidf(papers), None, blend)
    return related_stage.score_pairs(papers, features, pairs[:, 0], pairs[:, 1], blend)["evidence"].tolist()


def text_only(papers: tuple[Paper, ...]) -> tuple[Paper, ...]:
    return tuple(replace(p, stated_related=(), tags=(), authors=(), category=None) for p in papers)


def parse_blend(text: str) -> dict:
    """"floor=0.1,topics=0.3" -> {"floor": 0.1, "topics": 0.3}"""
    changes = {}
    for part in filter(None, text.split(",")):
        name, value = part.split("=")
        changes[name.strip()] = value.strip() == "True" if value.strip() in ("True", "False") else float(value)
    return changes


def variants(embeddings: bool, tries: list[str]):
    """(name, blend, backend, experiment): the baseline, the default, the alternatives, the
    experiments, any --try."""
    default = related_stage.DEFAULT_BLEND
    yield "text-only TF-IDF", related_stage.TEXT_ONLY, "tfidf", None
    yield "shipped default", default, "tfidf", None
    for name, change in ALTERNATIVES.items():
        yield name, replace(default, **change), "tfidf", None
    for name in related_experiments.EXPERIMENTS:
        yield name, default, "tfidf", name
    for text in tries:
        yield f"try {text}", replace(default, **parse_blend(text)), "tfidf", None
    if embeddings:
        yield "MiniLM embeddings, text only", related_stage.TEXT_ONLY, "embeddings", None
        yield "MiniLM embeddings + default blend", default, "embeddings", None


def run(papers, topic_titles, blend, backend, cache, experiment: str | None = None):
    source = text_only(papers) if blend is related_stage.TEXT_ONLY else papers
    with related_experiments.applied(experiment) if experiment else contextlib.nullcontext():
        return related_stage.relate(source, k=8, topic_titles=topic_titles, blend=blend, backend=backend,
                                    cache_dir=cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", choices=sorted(SETS), help="print each anchor's list for one set")
    parser.add_argument("--variant", default="shipped default", help="the row --details shows")
    parser.add_argument("--embeddings", action="store_true", help="also rows with MiniLM (optional extra)")
    parser.add_argument("--try", dest="tries", action="append", default=[],
                        help='another blend, as changes to the default: "floor=0.1,topics=0.3"')
    parser.add_argument("--digits", type=int, default=2, help="decimals of p@5 and r@8")
    parser.add_argument("--bands", action="store_true", help="also: judged-related share by score band")
    parser.add_argument("--only-tries", action="store_true", help="skip the alternatives")
    parser.add_argument("--rows", action="append", default=[],
                        help="run only the rows whose name holds this text (again for more), besides the first two")
    parser.add_argument("--cache", type=Path, default=ROOT / ".paperfold-cache" / "related")
    args = parser.parse_args()
    loaded = {}
    for name, (dump, judgements) in SETS.items():
        papers, titles, _ = tagged(load(dump))
        loaded[name] = (papers, titles, Judged(papers, judgements))
    header = " | ".join(f"{n} p@5 | {n} r@8 | {n} <3" for n in SETS)
    with_outliers = [n for n, (_, _, judged) in loaded.items() if judged.outliers]
    print(f"| variant | {header} | " + " | ".join(f"{n} outl." for n in with_outliers) + " |")
    print("|---|" + "---|" * (3 * len(SETS) + len(with_outliers)))
    for name, blend, backend, experiment in variants(args.embeddings, args.tries):
        if args.only_tries and not name.startswith(("try", "text-only", "shipped")):
            continue
        if args.rows and name not in ("text-only TF-IDF", "shipped default") and not any(r in name for r in args.rows):
            continue
        cells, outliers = [], []
        for set_name, (papers, titles, judged) in loaded.items():
            try:
                related = run(papers, titles, blend, backend, args.cache, experiment)
            except Exception as error:  # the embeddings extra is optional
                cells = [f"not run: {str(error).splitlines()[0][:60]}"]
                break
            s = judged.scores(related)
            cells += [f"{s['p@5']:.{args.digits}f}", f"{s['r@8']:.{args.digits}f}", str(s["<3"])]
            if set_name in with_outliers:
                outliers.append(f"{s['outl.']:.1f}")
            if args.details == set_name and name == args.variant:
                judged.details(related, {p.id: p.label for p in papers})
        print(f"| {name} | " + " | ".join(cells + outliers) + " |")
    if args.bands:
        related_share_by_band(loaded, related_stage.DEFAULT_BLEND)


if __name__ == "__main__":
    main()
