"""Time and memory of related-papers (top-8 for every paper) on synthetic corpora.

    .venv/bin/python tests/bench/bench_related.py            # 10,000 and 100,000 papers
    .venv/bin/python tests/bench/bench_related.py 2000 20000 # other sizes
    .venv/bin/python tests/bench/bench_related.py --agreement 20000 40000

--agreement: how close the approximate search (above similarity.EXACT_LIMIT papers) comes
to the exact one, on the same corpus: the share of the exact lists' entries the shipped
lists hold, and the share of lists that are identical. The exact search is O(N^2):
about a minute of CPU at 40,000 papers.

Each size runs in a fresh process so that its peak RSS is its own. The text is
synthetic but shaped like abstracts: ~150 words mixing English function
words, a Zipf-distributed general vocabulary (up to 40,000 made-up words) and the
vocabularies of 1-3 of 400 topics (60 words each), plus 2-4 tags per paper
and, for 1 paper in 50, stated relations. The seed is fixed.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from paperfold.enrich import similarity  # noqa: E402
from paperfold.model import Paper  # noqa: E402
from paperfold.enrich.related import paper_text, relate  # noqa: E402

FUNCTION_WORDS = "the of and to in we a is that for this on with by as are our from be an it which".split()
SYLLABLES = "ka lo mi ne su ra ti po ve xa zu che dro fen gal hul jor kip lum mox".split()
GENERAL_WORDS, TOPICS, TOPIC_WORDS = 40_000, 400, 60


def make_words(rng: np.random.Generator, count: int) -> list[str]:
    syllables = rng.choice(SYLLABLES, size=(count, 4))
    lengths = rng.integers(2, 5, size=count)
    return sorted({"".join(s[:n]) for s, n in zip(syllables, lengths)})


def corpus(n: int, seed: int = 0) -> tuple[Paper, ...]:
    rng = np.random.default_rng(seed)
    general = np.array(make_words(rng, GENERAL_WORDS))
    zipf = 1.0 / np.arange(1, len(general) + 1) ** 1.1
    zipf /= zipf.sum()
    topics = [rng.choice(general[2000:], TOPIC_WORDS, replace=False) for _ in range(TOPICS)]
    common = rng.choice(len(general), size=(n, 60), p=zipf)
    papers = []
    for i in range(n):
        own = rng.choice(TOPICS, size=rng.integers(1, 4), replace=False)
        words = np.concatenate([
            rng.choice(FUNCTION_WORDS, 50),
            general[common[i]],
            *(rng.choice(topics[t], 40 // len(own) + 5) for t in own),
        ])
        rng.shuffle(words)
        title = " ".join(rng.choice(topics[own[0]], 8))
        stated = tuple(f"p{j}" for j in rng.integers(0, n, 3)) if i % 50 == 0 else ()
        tags = tuple(f"t{t % 60}" for t in own) + (f"t{rng.integers(60)}",)
        papers.append(paper(f"p{i}", title, " ".join(words), tags, stated))
    return tuple(papers)


def paper(id: str, title: str, abstract: str, tags: tuple[str, ...], stated: tuple[str, ...]) -> Paper:
    return Paper(
        id=id, title=title, label=title, abstract=abstract, abstract_is_summary=False, authors=(),
        author_count=None, organisation=None, date=None, date_text=None, upvotes=None, arxiv_id=None,
        doi=None, venue=None, category=None, links=(), sources=(), stated_related=stated, tags=tags,
    )


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # ru_maxrss is in KiB on Linux


def cpu_seconds() -> float:
    """This process's CPU time and that of its finished children."""
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def measure(n: int) -> dict:
    papers = corpus(n)
    base = peak_gb()
    start = time.perf_counter()
    matrix, _ = similarity.tfidf([paper_text(p) for p in papers])
    vectorize = time.perf_counter() - start
    start, cpu = time.perf_counter(), cpu_seconds()
    related = relate(papers, k=8)  # as a build runs it
    total, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    exact = n <= similarity.EXACT_LIMIT
    assert all(len(p.related) <= 8 for p in related)
    return {
        "papers": n, "terms": matrix.shape[1], "nonzeros per paper": round(matrix.nnz / n),
        "search": "exact" if exact else f"SVD-{similarity.SVD_COMPONENTS} + blocked search, exact rescoring",
        "tf-idf fit alone (s)": round(vectorize, 1), "relate, all (s)": round(total, 1), "relate, CPU (s)": round(cpu, 1),
        "peak RSS (GB)": round(peak_gb(), 2), "RSS before (GB)": round(base, 2),
        "mean related": round(sum(len(p.related) for p in related) / n, 2),
    }


def agreement(n: int) -> dict:
    """The shipped (approximate) lists against exact ones, on one corpus of n papers."""
    papers = corpus(n)
    start = time.process_time()
    approximate = [[r.id for r in p.related] for p in relate(papers, k=8)]
    cpu = time.process_time() - start
    limit, similarity.EXACT_LIMIT = similarity.EXACT_LIMIT, n
    try:
        exact = [[r.id for r in p.related] for p in relate(papers, k=8)]
    finally:
        similarity.EXACT_LIMIT = limit
    found = sum(len(set(a) & set(e)) for a, e in zip(approximate, exact))
    return {
        "papers": n, "search": "exact" if n <= limit else f"SVD-{similarity.SVD_COMPONENTS} + blocked search",
        "relate, CPU (s)": round(cpu, 1), "exact entries found": round(found / sum(map(len, exact)), 3),
        "identical lists": round(sum(a == e for a, e in zip(approximate, exact)) / n, 3),
    }


def main(sizes: list[int], mode: str = "--child") -> None:
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, mode, str(n)], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"{n:>7} papers done", file=sys.stderr)
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(str(row[k]) for k in keys) + " |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(measure(int(sys.argv[2]))))
    elif sys.argv[1:2] == ["--agreement-child"]:
        print(json.dumps(agreement(int(sys.argv[2]))))
    elif sys.argv[1:2] == ["--agreement"]:
        main([int(a) for a in sys.argv[2:]] or [20_000], mode="--agreement-child")
    else:
        main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
