"""Recognise the same paper across records and merge each group into one Paper.

Identity, strongest first: the arXiv id; the normalised title (NFKC, LaTeX
rendered to Unicode, case and punctuation folded); a fingerprint of the
abstract's opening words; a near-identical title (fuzzy ratio >= 96 on long
titles, blocked by the first two words, more words in a block over 500 titles, so
the cost stays near linear). Two records with
different arXiv ids are never merged, and sharing topic words is never enough.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from itertools import islice
from typing import Iterable, Sequence

from pylatexenc.latex2text import LatexNodes2Text
import numpy
from rapidfuzz import fuzz, process

from paperfold.ingest.readers import KINDS
from paperfold.model import Origin, RawRecord

FINGERPRINT_WORDS = 40  # enough to be unique, few enough to survive a truncated copy
MIN_FINGERPRINT_WORDS = 25
FUZZY_TITLE_RATIO = 96
FUZZY_MIN_LENGTH = 30
FUZZY_BLOCK_CAP = 500  # titles compared with each other at most: about 0.03 s a block
FUZZY_MAX_WORDS = 8  # words of a blocking key at most before windows take over
_LATEX = LatexNodes2Text(math_mode="text")
# LaTeX comment and alignment characters are ordinary text in titles: "50% of".
_LATEX_PLAIN = str.maketrans({"%": r"\%", "&": r"\&", "#": r"\#"})
NON_WORD = re.compile(r"[\W_]+")
# "grokking", "2604", "λ": one word of folded text, the runs that NON_WORD leaves
WORD = re.compile(r"[^\W_]+")
# "π_0", "x^2", "h_2o": sub- and superscript marks that rendering LaTeX leaves ("$\pi_0$" -> "π_0");
# dropped so that scripts join their base as NFKC joins Unicode ones ("π₀" -> "π0")
SCRIPT_MARK = re.compile(r"""(?<=[^\W_])[_^]""", re.VERBOSE)
# What NON_WORD matches in ASCII text (all but letters and digits), as a table for bytes.translate
# (a str.translate table is a dict looked up character by character, several times slower)
ASCII_NON_WORD = bytes(c if chr(c).isalnum() else ord(" ") for c in range(256))


# The LaTeX in a title or abstract: math spans and commands with their arguments. Only
# these go through pylatexenc (about 7 ms a call on a whole abstract; a span alone is
# quick, and the same spans recur); the text between them only loses its punctuation
# in fold(), which pylatexenc would not change into letters. Spans are bounded, so a
# stray "$" cannot make one span of a 20 MB abstract.
LATEX_SPAN = re.compile(r"""
      \$\$[^$]{1,500}?\$\$                        # display math: $$x^2$$
    | \$[^$]{1,500}?\$                            # inline math: $k^{-\beta_\text{eff}}$
    | \\[a-zA-Z]+\*?(?:\s*(?:\{[^{}]{0,200}\}|\[[^\]]{0,200}\]))*   # a command, its arguments: \emph{data}
    | \\[^a-zA-Z\s](?:\{[^{}]{0,20}\}|[a-zA-Z])?  # an accent or escaped sign: \'e, \"{o}, \%
""", re.VERBOSE)
SPACE = re.compile(r"\s")
# folded_words() sees this many characters of text per word it must return, at first.
CHARS_PER_WORD = 12
# Words read past those asked for: the end of a cut text can read differently (a
# command cut from its argument), never its start.
MARGIN_WORDS = 8


@functools.lru_cache(maxsize=1 << 14)
def _latex_span(span: str) -> str:
    try:
        return _LATEX.latex_to_text(span.translate(_LATEX_PLAIN))
    except Exception:  # pylatexenc is lenient; never let odd text stop a build
        return span


def _unified(text: str) -> str:
    """LaTeX spans rendered to Unicode, then NFKC and case folding: fold() before punctuation goes."""
    if "\\" in text or "$" in text:
        text = LATEX_SPAN.sub(lambda match: _latex_span(match.group()), text)
    return unicodedata.normalize("NFKC", text).casefold()


def _words_only(unified: str) -> str:
    """NON_WORD.sub(" ", unified).strip(): ASCII text through a bytes table, several times
    faster than the pattern (a title: about 1 against 6 microseconds)."""
    if unified.isascii():
        return " ".join(unified.encode("ascii").translate(ASCII_NON_WORD).decode("ascii").split())
    return NON_WORD.sub(" ", unified).strip()


@functools.lru_cache(maxsize=1 << 16)  # a title is folded for its record and again for its paper's id
def fold(text: str) -> str:
    """Compare form of a title or abstract: LaTeX and Unicode forms of a symbol compare equal."""
    return _words_only(_unified(text))


def title_key(title: str) -> str:
    """fold() for matching titles: a sub- or superscript written in LaTeX on one site and
    in Unicode on another compares equal ("$\\pi_0$: A Flow Model" and "π₀: A Flow Model").
    Paper ids keep using fold(), so no existing page moves."""
    unified = _unified(title)
    if "_" in unified or "^" in unified:
        unified = SCRIPT_MARK.sub("", unified)
    return _words_only(unified)


def folded_words(text: str, limit: int) -> list[str]:
    """fold(text).split()[:limit], folding only the start of the text those words come
    from: a cut at a space outside any LaTeX span leaves the words before it as they are."""
    size = (limit + MARGIN_WORDS) * CHARS_PER_WORD
    while size < len(text):
        cut = _space_outside_latex(text, size)
        words = _words(text[:cut], limit + MARGIN_WORDS)
        if len(words) >= limit + MARGIN_WORDS or cut >= len(text):
            return words[:limit]
        size *= 4
    return _words(text, limit)


def _space_outside_latex(text: str, start: int) -> int:
    """The first whitespace at or after `start` that no LaTeX span covers (len(text): none).
    Spans are found from the start, left to right, as _unified's substitution finds them."""
    if "\\" not in text and "$" not in text:  # no span can start: most abstracts, found in C
        return _next_space(text, start)
    spans = LATEX_SPAN.finditer(text)
    span = next(spans, None)
    while (space := _next_space(text, start)) < len(text):
        while span is not None and span.end() <= space:
            span = next(spans, None)
        if span is None or span.start() > space:
            return space
        start = span.end()
    return len(text)


def _next_space(text: str, start: int) -> int:
    match = SPACE.search(text, start)
    return match.start() if match else len(text)


def _words(text: str, limit: int) -> list[str]:
    unified = _unified(text)
    if unified.isascii():
        return unified.encode("ascii").translate(ASCII_NON_WORD).decode("ascii").split(None, limit)[:limit]
    return [match.group() for match in islice(WORD.finditer(unified), limit)]


def abstract_fingerprint(abstract: str | None) -> str | None:
    words = folded_words(abstract or "", FINGERPRINT_WORDS)
    if len(words) < MIN_FINGERPRINT_WORDS:
        return None
    return hashlib.sha1(" ".join(words).encode()).hexdigest()[:16]


def identity_keys(record: RawRecord, folded_title: str) -> list[str]:
    """The record's identities ("arxiv:2604.12345", "title:...", "abstract:..."); `folded_title`
    is title_key(record.title or ""). Strings, not (kind, value) pairs: group_records keeps a
    key of every record, and strings are not objects the cycle collector walks."""
    keys = []
    if record.arxiv_id:
        keys.append("arxiv:" + record.arxiv_id)
    if folded_title:
        keys.append("title:" + folded_title)
    # A summary in a page's own words (Almanac's) is not the paper's abstract.
    if KINDS[record.kind].own_words and (fingerprint := abstract_fingerprint(record.abstract)):
        keys.append("abstract:" + fingerprint)
    return keys


class _Groups:
    """Union-find over record indices that refuses to join two different arXiv ids, so a
    group has at most one: `arxiv` holds it (or None) at each root. A plain value, not a
    set per record: 100,000 sets are 100,000 more objects for the cycle collector to walk."""

    def __init__(self, records: Sequence[RawRecord]):
        self.parent = list(range(len(records)))
        self.arxiv = [r.arxiv_id for r in records]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or (self.arxiv[a] is not None and self.arxiv[b] is not None and self.arxiv[a] != self.arxiv[b]):
            return
        a, b = min(a, b), max(a, b)
        self.parent[b] = a
        if self.arxiv[a] is None:
            self.arxiv[a] = self.arxiv[b]


def group_records(records: Sequence[RawRecord]) -> list[list[RawRecord]]:
    """Records grouped by identity, each group in file order, groups in order of first sight."""
    groups = _Groups(records)
    titles = [title_key(record.title or "") for record in records]
    first_with_key: dict[str, int] = {}
    for index, record in enumerate(records):
        for key in identity_keys(record, titles[index]):
            groups.union(first_with_key.setdefault(key, index), index)
    for i, j in _fuzzy_title_pairs(titles):
        groups.union(i, j)
    members: dict[int, list[RawRecord]] = defaultdict(list)
    for index, record in enumerate(records):
        members[groups.find(index)].append(record)
    return [members[root] for root in sorted(members)]


def _fuzzy_title_pairs(titles: Sequence[str]) -> Iterable[tuple[int, int]]:
    """Index pairs of near-identical folded titles, compared within blocks (`_blocks`) by
    rapidfuzz's cdist in C: a Python loop over the pairs of one big block took 57 s at 16k titles."""
    for block in _blocks(titles):
        if len(block) < 2:
            continue
        texts = [titles[i] for i in block]
        scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=FUZZY_TITLE_RATIO, dtype=numpy.uint8)
        for a, b in zip(*numpy.nonzero(numpy.triu(scores, 1))):
            if texts[a] != texts[b]:
                yield block[a], block[b]


def _blocks(titles: Sequence[str]) -> Iterable[list[int]]:
    """Indices of long titles that share their first two words, in order of first sight. A
    block over FUZZY_BLOCK_CAP titles is split by their first three words, then four…; one
    still too big (hostile input) is compared in overlapping windows of its sorted titles, so
    the cost stays near linear; near-identical titles then sort near each other."""
    eligible = [i for i, title in enumerate(titles) if len(title) >= FUZZY_MIN_LENGTH]
    return _split_block(eligible, titles, 2)


def _split_block(indices: list[int], titles: Sequence[str], words: int) -> Iterable[list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index in indices:
        groups[" ".join(titles[index].split()[:words])].append(index)
    for group in groups.values():
        if len(group) <= FUZZY_BLOCK_CAP:
            yield group
        elif words < FUZZY_MAX_WORDS:
            yield from _split_block(group, titles, words + 1)
        else:
            ordered = sorted(group, key=lambda i: titles[i])
            step = FUZZY_BLOCK_CAP // 2
            for start in range(0, len(ordered) - step, step):
                yield sorted(ordered[start:start + FUZZY_BLOCK_CAP])


def origin_index(groups: Sequence[Sequence[RawRecord]], ids: Sequence[str]) -> dict[Origin, str]:
    """Which paper id each record's origin ended up in (to resolve stated relations)."""
    return {record.origin: paper_id for group, paper_id in zip(groups, ids) for record in group}
