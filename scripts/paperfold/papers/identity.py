"""Recognise the same paper across records and merge each group into one Paper.

Identity, strongest first: the arXiv id; the normalised title (NFKC, LaTeX
rendered to Unicode, case and punctuation folded); a fingerprint of the
abstract's opening words; a near-identical title (fuzzy ratio >= 96 on long
titles, blocked by the first two words so the cost stays near linear). Two records with
different arXiv ids are never merged, and sharing topic words is never enough.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from itertools import islice
from typing import Iterable, Sequence

from pylatexenc.latex2text import LatexNodes2Text
from rapidfuzz import fuzz

from paperfold.ingest.readers import KINDS
from paperfold.model import Origin, RawRecord

FINGERPRINT_WORDS = 40  # enough to be unique, few enough to survive a truncated copy
MIN_FINGERPRINT_WORDS = 25
FUZZY_TITLE_RATIO = 96
FUZZY_MIN_LENGTH = 30
_LATEX = LatexNodes2Text(math_mode="text")
# LaTeX comment and alignment characters are ordinary text in titles: "50% of".
_LATEX_PLAIN = str.maketrans({"%": r"\%", "&": r"\&", "#": r"\#"})
NON_WORD = re.compile(r"[\W_]+")
# "grokking", "2604", "λ": one word of folded text, the runs that NON_WORD leaves
WORD = re.compile(r"[^\W_]+")
# "π_0", "x^2", "h_2o": sub- and superscript marks that rendering LaTeX leaves ("$\pi_0$" -> "π_0");
# dropped so that scripts join their base as NFKC joins Unicode ones ("π₀" -> "π0")
SCRIPT_MARK = re.compile(r"""(?<=[^\W_])[_^]""", re.VERBOSE)
# What NON_WORD matches in ASCII text (all but letters and digits), as a table for str.translate
ASCII_NON_WORD = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def _unified(text: str) -> str:
    """LaTeX rendered to Unicode, then NFKC and case folding: fold() before punctuation goes."""
    if "\\" in text or "$" in text:
        try:
            text = _LATEX.latex_to_text(text.translate(_LATEX_PLAIN))
        except Exception:  # pylatexenc is lenient; never let odd text stop a build
            pass
    return unicodedata.normalize("NFKC", text).casefold()


def fold(text: str) -> str:
    """Compare form of a title or abstract: LaTeX and Unicode forms of a symbol compare equal."""
    return NON_WORD.sub(" ", _unified(text)).strip()


def title_key(title: str) -> str:
    """fold() for matching titles: a sub- or superscript written in LaTeX on one site and
    in Unicode on another compares equal ("$\\pi_0$: A Flow Model" and "π₀: A Flow Model").
    Paper ids keep using fold(), so no existing page moves."""
    return NON_WORD.sub(" ", SCRIPT_MARK.sub("", _unified(title))).strip()


def folded_words(text: str, limit: int) -> list[str]:
    """fold(text).split()[:limit], without a regular expression substitution over a long text."""
    unified = _unified(text)
    if unified.isascii():
        return unified.translate(ASCII_NON_WORD).split()[:limit]
    return [match.group() for match in islice(WORD.finditer(unified), limit)]


def abstract_fingerprint(abstract: str | None) -> str | None:
    words = folded_words(abstract or "", FINGERPRINT_WORDS)
    if len(words) < MIN_FINGERPRINT_WORDS:
        return None
    return hashlib.sha1(" ".join(words).encode()).hexdigest()[:16]


def identity_keys(record: RawRecord, folded_title: str) -> list[tuple[str, str]]:
    """The record's identities; `folded_title` is title_key(record.title or "")."""
    keys = []
    if record.arxiv_id:
        keys.append(("arxiv", record.arxiv_id))
    if folded_title:
        keys.append(("title", folded_title))
    # A summary in a page's own words (Almanac's) is not the paper's abstract.
    if KINDS[record.kind].own_words and (fingerprint := abstract_fingerprint(record.abstract)):
        keys.append(("abstract", fingerprint))
    return keys


class _Groups:
    """Union-find over record indices that refuses to join two different arXiv ids."""

    def __init__(self, records: Sequence[RawRecord]):
        self.parent = list(range(len(records)))
        self.arxiv = [{r.arxiv_id} - {None} for r in records]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or (self.arxiv[a] and self.arxiv[b] and self.arxiv[a] != self.arxiv[b]):
            return
        a, b = min(a, b), max(a, b)
        self.parent[b] = a
        self.arxiv[a] |= self.arxiv[b]


def group_records(records: Sequence[RawRecord]) -> list[list[RawRecord]]:
    """Records grouped by identity, each group in file order, groups in order of first sight."""
    groups = _Groups(records)
    titles = [title_key(record.title or "") for record in records]
    first_with_key: dict[tuple[str, str], int] = {}
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
    """Index pairs of near-identical folded titles."""
    blocks: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for index, title in enumerate(titles):
        if len(title) >= FUZZY_MIN_LENGTH:
            blocks[" ".join(title.split()[:2])].append((index, title))
    for block in blocks.values():
        for n, (i, a) in enumerate(block):
            for j, b in block[n + 1:]:
                if a != b and fuzz.ratio(a, b) >= FUZZY_TITLE_RATIO:
                    yield i, j


def origin_index(groups: Sequence[Sequence[RawRecord]], ids: Sequence[str]) -> dict[Origin, str]:
    """Which paper id each record's origin ended up in (to resolve stated relations)."""
    return {record.origin: paper_id for group, paper_id in zip(groups, ids) for record in group}
