"""What a topic's phrases match, and how strongly a paper matches each topic.

`phrase_pattern` decides what matches. Scanning each paper once per phrase is
slow, so `Rules` scans it once for the first words of all the phrases (one
regex, `FirstWords`) and tries a phrase's own pattern only where its first word
is. That finds exactly the pattern's matches unless a text holds a character
that lowercases differently from how the regex folds case ("ſ", "K", "İ"); such
a paper, and any phrase that is not plain words, is matched phrase by phrase.
A topic's score weighs a title hit TITLE_WEIGHT times an abstract hit.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from paperfold.enrich.vocabulary import Topic, Vocabulary

TITLE_WEIGHT = 3
SEPARATOR = r"[\s\-]+"  # between the words of a phrase: "scaling law" ~ "scaling-law"
_PLAIN_WORD = re.compile(r"[A-Za-z0-9_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_WORD_CHAR = re.compile(r"[a-z0-9_]", re.IGNORECASE)


def _phrase_words(phrase: str) -> list[str]:
    return re.split(SEPARATOR, phrase.strip())


def _word_forms(word: str, last: bool) -> tuple[str, ...]:
    """The spellings of one word of a phrase; the last word also has its plural
    ("law" -> "laws", "theory" -> "theories", "bias" -> "biases")."""
    if not last or not word[-1:].isalpha():
        return (word,)
    if re.search(r"[^aeiou]y$", word, re.IGNORECASE):
        return (word[:-1] + "y", word[:-1] + "ies")
    if re.search(r"(?:s|x|z|ch|sh)$", word, re.IGNORECASE):
        return (word, word + "es")
    return (word, word + "s", word + "es")


def _is_acronym(phrase: str) -> bool:
    return len(phrase) > 1 and any(c.isalpha() for c in phrase) and phrase.upper() == phrase


def phrase_pattern(phrase: str) -> re.Pattern:
    """A phrase as a regular expression: whole words, plural of the last word, and a
    space or a hyphen between words ("scaling law" ~ "Scaling-Laws", not "rescaling").
    All-capitals phrases ("SGD") are acronyms and match case-sensitively."""
    words = _phrase_words(phrase)
    forms = [_word_forms(w, i == len(words) - 1) for i, w in enumerate(words)]
    body = SEPARATOR.join("(?:" + "|".join(map(re.escape, f)) + ")" for f in forms)
    flags = 0 if _is_acronym(phrase) else re.IGNORECASE
    return re.compile(rf"(?<![\w\-]){body}(?![\w])", flags)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: Rules compiles each phrase once
class Phrase:
    """A compiled phrase, with a literal `needle` every match contains, checked before
    the regex (a substring test is far cheaper, and most phrases are absent)."""

    text: str
    pattern: re.Pattern
    needle: str
    case_sensitive: bool
    first_words: frozenset[str]  # its first word as it may be spelled, lowercase: {"law", "laws", "lawes"}
    plain: bool  # every word is ASCII letters, digits or "_", so FirstWords can find where it starts

    @classmethod
    def of(cls, phrase: str) -> "Phrase":
        words = _phrase_words(phrase)
        last = words[-1][:-1] if re.search(r"[^aeiou]y$", words[-1], re.IGNORECASE) else words[-1]
        needle = max([*words[:-1], last], key=len)  # "theory" also matches "theories"
        acronym = _is_acronym(phrase)
        first_words = frozenset(w.lower() for w in _word_forms(words[0], len(words) == 1))
        return cls(phrase, phrase_pattern(phrase), needle if acronym else needle.lower(), acronym,
                   first_words, all(_PLAIN_WORD.fullmatch(w) for w in words))

    def count(self, text: str, folded: str) -> int:
        """Matches in `text`, scanning it; `folded` is text.lower()."""
        if self.needle not in (text if self.case_sensitive else folded):
            return 0
        return len(self.pattern.findall(text))


def _trie(words: Iterable[str]) -> str:
    """An alternation of words as a trie ("law|laws|lr" -> "l(?:aw(?:s)?|r)"), which the
    regex engine tries far faster than a flat list of hundreds of words."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternation(node: dict) -> str:
        branches = [re.escape(char) + alternation(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group
    return alternation(root)


@functools.lru_cache(maxsize=None)
def _folds_like_regex(char: str) -> bool:
    """Whether a non-ASCII character lowercases to one non-ASCII character of the same
    kind (word or not) and matches no ASCII letter when case is ignored ("é": yes; "ſ", "K", "İ": no)."""
    lower = char.lower()
    return (len(lower) == 1 and not lower.isascii() and lower.isalnum() == char.isalnum()
            and not _ASCII_WORD_CHAR.fullmatch(char))


@dataclass(frozen=True)
class FirstWords:
    """Where phrases may start: one regex over the lowercased text for the first words of
    all the plain phrases. Each whole word it finds is looked up, and the phrases that
    start with it are tried there with their own pattern, so every match is the pattern's."""

    finder: re.Pattern
    phrases: Mapping[str, tuple[Phrase, ...]]  # lowercase first word -> phrases starting with it

    @classmethod
    def of(cls, phrases: Iterable[Phrase]) -> "FirstWords":
        starting: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            for word in phrase.first_words:
                starting.setdefault(word, []).append(phrase)
        # No phrases (no topics.yml): a pattern that matches nothing, not the empty string everywhere.
        finder = re.compile(rf"(?<![\w\-])(?:{_trie(starting)})(?![\w])" if starting else r"(?!)")
        return cls(finder, {word: tuple(ps) for word, ps in starting.items()})

    def spans(self, text: str) -> dict[Phrase, list[tuple[int, int]]] | None:
        """(start, end) of each phrase's matches, left to right; None when lowercasing
        `text` may not keep its words in place, and only scanning per phrase is exact."""
        folded = text.lower()
        if not text.isascii() and not all(_folds_like_regex(c) for c in set(_NON_ASCII.findall(text))):
            return None
        found: dict[Phrase, list[tuple[int, int]]] = {}
        for word in self.finder.finditer(folded):
            for phrase in self.phrases[word.group()]:
                match = phrase.pattern.match(text, word.start())
                if match:
                    found.setdefault(phrase, []).append(match.span())
        return found


def _count(spans: Iterable[tuple[int, int]]) -> int:
    """Matches that do not overlap, taken left to right as re.findall does."""
    count, free = 0, 0
    for start, end in spans:
        if start >= free:
            count, free = count + 1, end
    return count


@dataclass(frozen=True)
class Hits:
    """How often each phrase occurs in a paper's title and in its abstract (absent: 0), and
    the phrases found in the title, a newline and the abstract, a match spanning the two included."""

    title: Mapping[Phrase, int]
    abstract: Mapping[Phrase, int]
    joined: frozenset[Phrase]

    @classmethod
    def by_phrase(cls, phrases: Iterable[Phrase], title: str, abstract: str) -> "Hits":
        """Each phrase's pattern run over each text."""
        counts = []
        for text in (title, abstract, f"{title}\n{abstract}"):
            folded = text.lower()
            counts.append({p: n for p in phrases if (n := p.count(text, folded))})
        return cls(counts[0], counts[1], frozenset(counts[2]))

    @classmethod
    def of_spans(cls, spans: Mapping[Phrase, list[tuple[int, int]]], title_end: int) -> "Hits":
        """From the matches in f"{title}\\n{abstract}": a title match ends by `title_end`, the
        title's length; an abstract match starts after the newline."""
        in_title = {p: n for p, s in spans.items() if (n := _count(m for m in s if m[1] <= title_end))}
        in_abstract = {p: n for p, s in spans.items() if (n := _count(m for m in s if m[0] > title_end))}
        return cls(in_title, in_abstract, frozenset(spans))

    def __or__(self, other: "Hits") -> "Hits":
        return Hits({**self.title, **other.title}, {**self.abstract, **other.abstract}, self.joined | other.joined)


@dataclass(frozen=True)
class TopicRules:
    """A topic's phrases, compiled."""

    topic: Topic
    anywhere: tuple[Phrase, ...]
    title_only: tuple[Phrase, ...]
    exclude: tuple[Phrase, ...]

    @functools.cached_property
    def scoring(self) -> frozenset[Phrase]:
        """The phrases that count: a paper with none of them is not scored."""
        return frozenset(self.anywhere + self.title_only)

    def score(self, hits: Hits) -> int:
        """0 when the topic does not apply; otherwise title hits * TITLE_WEIGHT + abstract hits."""
        if self.scoring.isdisjoint(hits.joined) or any(p in hits.joined for p in self.exclude):
            return 0
        title_hits = sum(hits.title.get(p, 0) for p in self.anywhere + self.title_only)
        abstract_hits = sum(hits.abstract.get(p, 0) for p in self.anywhere)
        if not title_hits and abstract_hits < self.topic.min_abstract_hits:
            return 0
        return title_hits * TITLE_WEIGHT + abstract_hits


@dataclass(frozen=True)
class Rules:
    """The vocabulary's phrases, each compiled once per build."""

    topics: tuple[TopicRules, ...]
    phrases: tuple[Phrase, ...]
    first_words: FirstWords  # for the plain phrases
    unplain: tuple[Phrase, ...]  # matched phrase by phrase

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> "Rules":
        phrases: dict[str, Phrase] = {}

        def compile_all(texts: Sequence[str]) -> tuple[Phrase, ...]:
            return tuple(phrases[t] if t in phrases else phrases.setdefault(t, Phrase.of(t)) for t in texts)
        topics = tuple(TopicRules(t, compile_all(t.match), compile_all(t.match_title), compile_all(t.exclude))
                       for t in vocabulary.topics)
        compiled = tuple(phrases.values())
        return cls(topics, compiled, FirstWords.of(p for p in compiled if p.plain),
                   tuple(p for p in compiled if not p.plain))

    def hits(self, title: str, abstract: str) -> Hits:
        spans = self.first_words.spans(f"{title}\n{abstract}")
        if spans is None:
            return Hits.by_phrase(self.phrases, title, abstract)
        hits = Hits.of_spans(spans, len(title))
        return hits | Hits.by_phrase(self.unplain, title, abstract) if self.unplain else hits
