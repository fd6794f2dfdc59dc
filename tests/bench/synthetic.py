"""A deterministic synthetic corpus in the seed formats, for benchmarks.

`write_corpus(folder, papers)` writes Hugging Face Daily Papers pages, Almanac
event pages, labelled arXiv listings, bare abstract lists and BibTeX files
whose papers add up to `papers`, with about 5% of papers repeated in a second
dump so that merging has work to do. It is messy as real listings are: about 13%
of abstracts carry `$...$` math, some Unicode that folds, and BibTeX abstracts are
hard-wrapped with hyphenated line breaks.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "scaling laws generalization grokking distillation attention transformer recurrent linear "
    "state space kernel regime gradient descent implicit bias overparameterized interpolation "
    "benchmark reasoning inference compute tokens pretraining fine-tuning reward policy agent "
    "representation geometry sparse mixture experts memory retrieval diffusion sampling noise "
    "stability curvature loss landscape optimizer momentum adaptive schedule width depth data "
    "synthetic theory empirical phase transition emergent capability calibration uncertainty"
).split()
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _title(rng: random.Random, n: int) -> str:
    words = rng.sample(WORDS, 6)
    return f"{words[0].title()} {words[1]} for {words[2]} {words[3]}: {words[4]} {words[5]} study {n}"


# Inline math as pasted listings carry it (about MATH_SHARE of abstracts), and Unicode
# that folds (accents, dashes, Greek letters, ligatures).
MATH = (r"$\mathcal{O}(n^{2})$", r"$\alpha = 0.5$", r"$\ell_2$", r"$\tilde{O}(\sqrt{T})$",
        r"$d \gg n$", r"$\{x_i\}_{i=1}^{N}$", r"$\beta$-VAE", r"$\epsilon$-greedy")
UNICODE = ("Erdős–Rényi", "naïve", "β-smooth", "≤ 10⁻³", "ﬁne-grained", "Schrödinger")
MATH_SHARE = 0.13
UNICODE_SHARE = 0.1


def _abstract(rng: random.Random) -> str:
    sentences = [" ".join(rng.choices(WORDS, k=rng.randint(12, 22))).capitalize() + "." for _ in range(6)]
    if rng.random() < MATH_SHARE:
        sentences[rng.randrange(6)] += f" We bound it by {rng.choice(MATH)} with {rng.choice(MATH)}."
    if rng.random() < UNICODE_SHARE:
        sentences[rng.randrange(6)] += f" See the {rng.choice(UNICODE)} case."
    return " ".join(sentences)


def _hard_wrapped(text: str, width: int = 72) -> str:
    """Text broken into lines of about `width` characters, a long word hyphenated across the
    break ("gener-\nalization") as in text copied from a PDF."""
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width and len(word) > 8 and "$" not in word:
            lines.append(f"{line} {word[:4]}-".strip())
            line = word[4:]
        elif len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n    ".join(lines + [line])


def _hf_entry(rng, n):
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2017, 2025)}"
    upvotes = f" {rng.randint(1, 40)}" if rng.random() < 0.3 else ""
    return f"{_title(rng, n)}\n\n{_abstract(rng)}\n\n  • {rng.randint(1, 9)} authors\n·\n{date}{upvotes}\n"


def _hf_page(rng, numbers):
    entries = "\n".join(_hf_entry(random.Random(n), n) for n in numbers)
    return f"Daily Papers\n\nbyAK and the research community\n\nApr 13\n\n{entries}"


def _almanac_page(rng, numbers):
    head, *related = numbers
    parts = [f"Almanac\n← Events\n5arXiv cs.LG·18h ago\n\n{_title(random.Random(head), head)}\n\n{_abstract(rng)}\n",
             f"Related events ({len(related)})\n"]
    for n in related:
        parts.append(f"{rng.randint(1, 9)}arXiv · cs.LG·{rng.randint(1, 28)}d ago·source ↗\n\n"
                     f"{_title(random.Random(n), n)}\n\n{_abstract(rng)}\n")
    return "\n".join(parts)


def _labelled_page(rng, numbers):
    parts = []
    for n in numbers:
        r = random.Random(n)
        parts.append(f"arXiv:25{r.randint(1, 12):02d}.{n:05d}\nTitle: {_title(r, n)}\n"
                     f"Authors: Ada Lovelace, Alan Turing\nSubjects: Machine Learning (cs.LG)\n"
                     f"Abstract: {_abstract(r)}\n")
    return "\n".join(parts)


def _bibtex_file(rng, numbers):
    return "\n".join(
        f"@article{{key{n},\n  title = {{{_title(random.Random(n), n)}}},\n  author = {{Lovelace, Ada and Turing, Alan}},\n"
        f"  year = {{2024}},\n  journal = {{Synthetic Journal}},\n  abstract = {{{_hard_wrapped(_abstract(rng))}}}\n}}\n"
        for n in numbers
    )


def _abstract_list(rng, numbers):
    return "\n\n".join(f"Abstract:{_abstract(random.Random(n))}" for n in numbers) + "\n"


KINDS = ((_hf_page, 50, 0.55, "txt"), (_almanac_page, 9, 0.1, "txt"), (_labelled_page, 40, 0.15, "txt"),
         (_bibtex_file, 40, 0.15, "bib"), (_abstract_list, 40, 0.05, "txt"))


def write_corpus(folder: Path, papers: int, seed: int = 7) -> int:
    """Write dumps for about `papers` distinct papers into `folder`; returns the file count."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files, start = 0, 0
    for make, per_file, share, suffix in KINDS:
        count = int(papers * share)
        for first in range(start, start + count, per_file):
            numbers = list(range(first, min(first + per_file, start + count)))
            text = make(rng, numbers)
            (folder / f"2026-04-13_{make.__name__.strip('_')}_{files:05d}.{suffix}").write_text(text, encoding="utf-8")
            files += 1
        start += count
    repeated = sorted(rng.sample(range(start), k=start // 20))  # seen again on later pages
    for first in range(0, len(repeated), 50):
        text = _hf_page(rng, repeated[first:first + 50])
        (folder / f"2026-04-14_repeats_{files:05d}.txt").write_text(text, encoding="utf-8")
        files += 1
    return files
