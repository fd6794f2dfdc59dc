"""Scholarly pages of any site: which lines make up each entry (general.py turns the
entries into records, or into skipped blocks for the build report).

An entry is a title and the facts that follow it: authors, a date, an arXiv id,
a DOI, an abstract. The title is the last title-like line before the first fact
(navigation, counters and affiliations in between do not matter; running text
does). A numbered line ("3. Title") always starts an entry. A fact starts a new
entry when a new title-like line came since the current entry's last fact and
the current entry already has that fact or its abstract, or the fact is an
author line (authors stand right under their title); otherwise it joins the
current entry, so a "TL;DR" or "Findings" block between a paper's authors and
its abstract does not split it. A date line with nothing else on it, right
above a title-like line, is that entry's date ("Research 01 March 2023", then
the title); any other date line belongs to the entry it follows. A title-like
line right above a label ("General information", then "Publication type") is a
section heading when another title-like line came before it: that one stands.
A title-like line that ends on "for", "of", "and"... continues on the next line,
or past one blank line onto a line set apart by blank lines (a PDF viewer's page);
a list of names with commas never continues a title.
An entry that so far has only an id or a date takes the next title-like line as
its title (an "arXiv:ID [cs.AI] date" line above the title). A bracketed year
after a title is its date, not part of it. An unlabelled paragraph right after
an author line is the abstract (Hugging Face style); a labelled "Abstract" may
be inline, on its own line, or in parts ("Objective", "Methods", "Results").
Everything after a "References" or "Related papers" heading is other work, up to
a pasted page's start (general_layout.py finds it, and the page's other layout facts).
"""

from __future__ import annotations

import re

from paperfold.ingest.names import Names, family_names, labelled_names, names_line
from paperfold.ingest.paragraphs import Line
from paperfold.ingest.readers.general_checks import (
    ABSTRACT_PART, ABSTRACT_VOICE, BULLETS, INLINE_ABSTRACT_PART, MIN_ABSTRACT_WORDS, RUN_IN_ABSTRACT_PART,
    SENTENCE_END, is_candidate, speaks_as_abstract,
)
from paperfold.ingest.readers.general_layout import (
    affiliations_ahead, counter_label, opens_abstract, page_start, set_apart,
)
from paperfold.ingest.readers.general_lines import (
    INLINE_AUTHORS, LISTED_ID, QUOTED_TITLE, SHORT_LINE, TITLE_YEAR, classify,
)
from paperfold.ingest.readers.general_pieces import logical_lines
from paperfold.ingest.readers.general_reading import (
    Entry, Reading, add_authors, add_fact, flush_date, key, new_entry, opened_by_id, set_title, settle,
    start_abstract,
)
from paperfold.ingest.readers.general_recognise import LEAD_LABEL, Cue, find_date
from paperfold.ingest.readers.general_titles import WHOLLY_QUOTED, introduces_title

# "Devlin et al. Key Contribution: Introduced BERT": a label glued after the authors' names
INLINE_LABEL = re.compile(
    r"""\s+(?=(?:Key\s+Contributions?|Contributions?|Abstract|TL;?\s?DR|Summary|Comments?|Subjects?
             |Date|Published|Submitted|Affiliations?|Keywords?|Link|Code|Venue|Year)\s*:)""",
    re.VERBOSE | re.IGNORECASE,
)
# "... Instructions for" / "International Conference ...": a title line cannot end on these words
WRAPPED_TITLE_ENDS = {"a", "an", "the", "of", "for", "and", "or", "in", "on", "with", "to", "from", "by",
                      "via", "at", "as", "towards", "into", "through", "using", "under", "without"}
CONTINUATION_CHARS = 60  # an abstract line this long is hard-wrapped: a long line after it continues it
MAX_WRAPPED_CHARS = 200  # ... unless it is longer than this: a whole paragraph on one line, not wrapped
ENDS_ABSTRACT = {"cited", "abstract", "announce", "authors", "title", "other_label", "numbered", "chrome", "facts",
                 "byline", "by", "more_names"}
MIN_SUMMARY_TITLE_WORDS = 3
MIN_SUMMARY_START_WORDS = 12  # a summary under a numbered title may open with one sentence on its own line
SUMMARY_REACH = 3  # lines from a title to the summary that speaks of it (one sentence may come between)
LONG_TITLE_WORDS = 35  # a line this long is running text, even where a title is due
MAX_MORE_NAME_WORDS = 3  # "Attention Is All You Need" after an affiliation is a title, not the next author
# "ResearchGate Articles: ... Audience Size and" / "Impact1": a footnote's mark on a title's last word
FOOTNOTE_MARK = re.compile(r"""(?<=[a-z])\d{1,2}\*?$""", re.VERBOSE)
# "{[email protected], [email protected]}", "{guler,braud}@ust.hk": the authors' addresses after their names
ADDRESSES = re.compile(r"""\s*\{[^{}]*(?:@|email)[^{}]*\}(?:@\S+)?\s*$""", re.VERBOSE)
MIN_SHOWN_TITLE_WORDS = 4  # a shorter line shown above may be any heading, not the paper's title
# "1,*,", "1 and", "Alice Smith,": a list of names left open for the next line's name
LIST_GLUE = re.compile(r"""(?:,|\band)\s*$""", re.VERBOSE)
MARK_LINE = re.compile(r"""^[\d\s,*∗†‡§¶]*(?:\band)?\s*$""", re.VERBOSE)  # "1,*,", "1 and", "2": marks alone

MIN_SENTENCE_WORDS = 12  # running text this long after an entry's names closes its author block
MIN_PAIRED_ENTRIES = 2  # title-over-names entries that make a listing of them: a lone name under the next title is its author


def continues_abstract(reading: Reading, line: Line, cue: Cue) -> bool:
    """True if `line` belongs to the abstract being read (hard wrapping, or its next part)."""
    entry = reading.current
    if entry is None or entry.abstract is None:
        return False
    if reading.structured and (ABSTRACT_PART.match(line.text) or reading.previous == "abstract_part"):
        return True
    if INLINE_ABSTRACT_PART.match(line.text) and (reading.previous in ("abstract_text", "abstract_part") or (
            reading.abstract_open and INLINE_ABSTRACT_PART.match(entry.abstract[1][0]))):
        return True  # "Methods: We selected ..." after "Background and objectives: To assess ..."
    if RUN_IN_ABSTRACT_PART.match(line.text) and cue.kind == "prose" and reading.previous == "abstract_text" and (
            RUN_IN_ABSTRACT_PART.match(entry.abstract[1][0])):
        return True  # "Methods We used ..." after "Objective Searching the medical literature ..."
    if not reading.abstract_open or cue.kind in ENDS_ABSTRACT:
        return False
    last = entry.abstract[1][-1]
    return (not SENTENCE_END.search(last) or line.text[:1].islower()
            or (CONTINUATION_CHARS <= len(last) <= MAX_WRAPPED_CHARS and len(line.text) >= SHORT_LINE))


def take_numbered(reading: Reading, index: int, title: str) -> None:
    """"3. Title", "3. Title Authors: A, B", "3. “Title” - Vaswani et al. (2017)"."""
    title, *authors = INLINE_AUTHORS.split(title, maxsplit=1)
    if quoted := QUOTED_TITLE.match(title):
        title, authors = quoted["title"], [TITLE_YEAR.sub("", quoted["authors"] or "")] + authors
        year = TITLE_YEAR.search(quoted["authors"] or "")
    entry = new_entry(reading, index, (index, title), numbered=True)
    if quoted and year and not entry.date:
        entry.date = (index, find_date(year["year"]))
    if authors and authors[0].strip():
        add_authors(reading, index, labelled_names(authors[0]))


def take_label(reading: Reading, line: Line, cue: Cue) -> None:
    if cue.kind == "abstract":
        if cue.text:
            start_abstract(reading, line.index, cue.text, labelled=True)
        else:
            reading.expect = "abstract"
    elif cue.kind == "authors":
        if cue.text:
            add_authors(reading, line.index, labelled_names(INLINE_LABEL.split(cue.text)[0]))
        else:  # "by" alone: a byline, as a blog post's is too (general.py asks for more with it)
            reading.expect = "by" if line.text.strip().lower() == "by" else "authors"
    elif cue.kind == "title" and line.glued and (current := reading.current) and current.numbered and (
            current.start == line.index):
        pass  # "1. Fake News Detection title : fake news detection": a translation or a repeat of the title
    elif cue.kind == "title" and (current := reading.current) and current.title is None and current.authors and (
            current.abstract is None):
        set_title(current, (line.index, cue.text))  # "authors: ... title: ..." (a record's fields, glued)
    elif cue.kind == "title" and (current := reading.current) and current.numbered and (
            not (current.authors or current.abstract or current.doi)) and (
            current.arxiv_id is None or opened_by_id(current)):
        set_title(current, (line.index, cue.text))  # "1. Word Embeddings", then "Title: Efficient ..."
    elif cue.kind == "title":
        reading.candidate = (line.index, cue.text)
    elif not cue.text:  # "TL;DR", "Keywords" alone: the paragraph under it is neither title nor abstract
        reading.expect = "other"


def take_facts(reading: Reading, index: int, cue: Cue) -> None:
    if cue.arxiv_id and LISTED_ID.match(cue.text):  # the id of the entry below, not of the one above
        new_entry(reading, index, numbered=True).arxiv_id = (index, cue.arxiv_id)
        return
    if cue.date and not (cue.arxiv_id or cue.doi):
        flush_date(reading)
        reading.pending_date = (index, cue.date)  # above the next title, or under the last one
        return
    for name in ("date", "arxiv_id", "doi"):
        if (value := getattr(cue, name)) is not None:
            add_fact(reading, name, index, value)


def continues_title(reading: Reading, line: Line) -> bool:
    """A title wrapped onto the next line: "Submission and Formatting Instructions for" /
    "International Conference on Machine Learning (ICML 2024)"; or, after a line that ends on
    a joining word, onto the line after a blank one, on a viewer page that sets each line apart."""
    candidate = reading.candidate
    if candidate is None:
        return False
    gap, last_word = line.index - candidate[0], candidate[1].split()[-1].lower()
    if gap == 1:
        return last_word in WRAPPED_TITLE_ENDS or line.text[:1].islower()
    # Across a blank line only if the line has a blank one under it too (the page sets its lines
    # apart): a line right above its names ("Deep Learning for ..." / "Carol White, Dan Brown")
    # is a title of its own, under a cut-off one ("... Link Prediction and").
    return gap == 2 and last_word in WRAPPED_TITLE_ENDS and line.index in reading.set_apart


def take_text(reading: Reading, line: Line, cue: Cue) -> None:
    """Lines that are not labels or facts: names, running text, title-like lines."""
    if cue.kind in ("names", "by", "more_names") and take_names(reading, line, cue):
        return
    if cue.kind == "more_names":  # not the next author after all
        cue = Cue("candidate" if is_candidate(line.text) else "text", line.text)
    if cue.kind == "prose" and untitled_listing_entry(reading.current) and not SENTENCE_END.search(line.text) and (
            len(line.text.split()) < LONG_TITLE_WORDS):
        cue = Cue("candidate", line.text)  # "Efficient algorithms ... problems. III. The bird ...": under an id line
    if cue.kind == "prose" and take_summary(reading, line):
        return
    if cue.kind in ("prose", "text", "candidate"):
        reading.after_authors = False
    take_title_like(reading, line, cue)


def untitled_listing_entry(entry: Entry | None) -> bool:
    """An entry a listing's "3. arXiv:ID" line opened, still without its title: the next line
    that is not chrome is the title, even one with full stops inside ("... problems. III. The ...")."""
    return entry is not None and opened_by_id(entry) and entry.title is None and not (
        entry.authors or entry.abstract)


def take_names(reading: Reading, line: Line, cue: Cue) -> bool:
    """An author line; a lone name after an affiliation only while an author block is open."""
    current = reading.current
    if cue.kind == "more_names" and not (current and current.authors and current.abstract is None and all(
            len(name.split()) <= MAX_MORE_NAME_WORDS for name in cue.names.names)):
        return False
    add_authors(reading, line.index, cue.names, continued=reading.previous == "names" or cue.kind == "more_names")
    reading.current.by_line = reading.current.by_line or cue.kind == "by"
    if cue.date and reading.current.date is None:  # "01/19/2021 ∙ by Fupin Yao, et al.": the date beside the names
        reading.current.date = (line.index, cue.date)
    return True


def take_summary(reading: Reading, line: Line) -> bool:
    """Running text as an abstract: the paragraph under a paper's authors; or a summary that
    speaks as an abstract, under a numbered entry ("1) A Survey on ..." / "This survey
    introduces ...") or under a title-like line."""
    current, words = reading.current, len(line.text.split())
    if line.text[:1] in BULLETS:  # one item of a list under a heading, not that heading's summary
        return False
    listed = current is not None and opened_by_id(current) and current.title is not None  # arXiv's "/new" listing
    if (reading.after_authors or listed) and words >= MIN_ABSTRACT_WORDS and not LEAD_LABEL.match(line.text):
        if current is not None and current.abstract is None:  # "Takeaway: ..." is not the paper's abstract
            start_abstract(reading, line.index, line.text)
            current.guessed = True  # an "Abstract" label further down tells the real one
            return True
    if (reading.previous == "numbered" and current and current.numbered and current.abstract is None
            and words >= MIN_SUMMARY_START_WORDS and ABSTRACT_VOICE.search(line.text)):
        start_abstract(reading, line.index, line.text)
        current.summary = True
        return True
    if title := summarised_title(reading, line):
        new_entry(reading, line.index, title)
        start_abstract(reading, line.index, line.text)
        reading.current.summary = True
        return True
    return False


def take_title_like(reading: Reading, line: Line, cue: Cue) -> None:
    """A title-like line (wrapped, set whole above, or new), or prose that ends one's claim."""
    if cue.kind == "candidate" and continues_title(reading, line):
        rest = FOOTNOTE_MARK.sub("", line.text) if len(line.text.split()) == 1 else line.text
        reading.candidate = (reading.candidate[0], f"{reading.candidate[1]} {rest}")
        if reading.id_title and reading.id_title[0] == reading.candidate[0]:
            reading.id_title = reading.candidate
    elif cue.kind == "candidate" and (whole := shown_whole(reading, line)):
        reading.candidate = (reading.candidate[0], whole)
    elif cue.kind == "candidate":
        # a piece cut from its line (a slot's title after its time, a field after the one before it)
        # follows the text before it on that line: no title-like line above runs on into it
        reading.earlier = None if line.glued else reading.candidate
        reading.candidate = (line.index, line.text)
    elif cue.kind == "prose":  # running text between a title-like line and a fact: not its title
        reading.dropped = reading.candidate or reading.dropped
        reading.candidate = None
    if cue.kind != "candidate":
        return
    reading.shown.setdefault(key(line.text), line.text)
    reading.shown_by_head.setdefault(head_words(line.text), []).append(line.text)
    current = reading.current
    if (reading.id_title is None and current and current.arxiv_id and current.title is None
            and not (current.authors or current.abstract or current.numbered and not opened_by_id(current))):
        reading.id_title = reading.candidate


def summarised_title(reading: Reading, line: Line) -> tuple[int, str] | None:
    """The title a summary paragraph stands under ("AbbIE: ..." / "This paper proposes AbbIE, ..."):
    the title-like line right above it, or above a sentence before it; None if the paragraph
    is short or does not speak as an abstract does (or, on a page already listing summarised
    titles, does not introduce the system its title names)."""
    if len(line.text.split()) < MIN_ABSTRACT_WORDS:
        return None
    current = reading.current
    title = (reading.candidate if reading.previous == "candidate"
             else reading.dropped if reading.previous == "prose" else None)
    if title is None or len(title[1].split()) < MIN_SUMMARY_TITLE_WORDS or current and title[0] <= current.last:
        return None
    listing = any(entry.summary for entry in reading.entries)
    # under a heading, "Researchers from X present ..." or "Here I show ..." is how news and blogs speak
    if not (speaks_as_abstract(line.text, loose=False) or listing and introduces_title(line.text, title[1])):
        return None
    # right under the title (blank lines between are a page's spacing), or one sentence down
    return title if reading.previous == "candidate" or line.index - title[0] <= SUMMARY_REACH else None


def shown_whole(reading: Reading, line: Line) -> str | None:
    """A title set on two lines ("Towards an ACL Anthology Corpus ..." / "An Overview of ...")
    that the page also shows whole on one line (its header): the whole title, as shown."""
    if reading.candidate is None or reading.previous != "candidate":
        return None
    return reading.shown.get(key(f"{reading.candidate[1]} {line.text}"))


def shown_then_names(reading: Reading, text: str) -> Cue | None:
    """"Spatial Interference Detection for Mobile Visible Light Communication Ali Ugur Guler, Tristan
    Braud and Pan Hui {[email protected], ...}": a title the page showed above (a document host's
    header), then its authors on the same line, with no dash or label between; a byline."""
    for shown in reading.shown_by_head.get(head_words(text), ()):
        if len(shown.split()) >= MIN_SHOWN_TITLE_WORDS and text.startswith(shown + " ") and (
                found := names_line(ADDRESSES.sub("", text[len(shown):]).strip())):
            return Cue("byline", shown, names=found)
    return None


def shown_head(reading: Reading, text: str) -> str | None:
    """"Virtual Training for Multi-View Object Class Recognition Han-Pang Chiu Leslie Pack Kaelbling
    ... MIT Computer Science and Artificial Intelligence Laboratory ...": a title the page showed
    above (a document host's header), then its authors run into their affiliations, with nothing
    to tell one name from the next; the title alone."""
    for shown in reading.shown_by_head.get(head_words(text), ()):
        if len(shown.split()) >= MIN_SHOWN_TITLE_WORDS and text.startswith(shown + " "):
            return shown
    return None


def head_words(text: str) -> str:
    return " ".join(text.split()[:MIN_SHOWN_TITLE_WORDS])


def one_word(text: str) -> bool:
    """A line under an "Authors" label that holds one word (and perhaps a number): no author list."""
    found = labelled_names(text)
    return not found.et_al and len(found.names) <= 1 and all(len(name.split()) <= 1 for name in found.names)


def take_expected(reading: Reading, line: Line, cue: Cue, expected: str) -> str:
    """The line under a label that stood alone; returns what the line was taken as."""
    if expected == "abstract":
        start_abstract(reading, line.index, line.text, labelled=True)
        return "abstract_part" if reading.structured else "abstract_text"
    if expected in ("authors", "by"):
        add_authors(reading, line.index, labelled_names(line.text))
        reading.current.by_line = reading.current.by_line or expected == "by"
        return "names"
    return "other"


def in_context(reading: Reading, line: Line, cue: Cue) -> Cue:
    """What a line is given the lines above it, where that differs from what it says alone."""
    if cue.kind in ("affiliation", "prose", "text", "candidate") and (found := shown_then_names(reading, line.text)):
        return found
    if cue.kind == "affiliation" and (shown := shown_head(reading, line.text)):
        return Cue("byline", shown, names=Names(()))  # the title shown above, then names run into affiliations
    quoted_above = reading.previous == "candidate" and reading.candidate is not None and bool(
        WHOLLY_QUOTED.match(reading.candidate[1]))
    if quoted_above and (names := family_names(line.text) or names_line(line.text, alone=True)):
        return Cue("names", line.text, names=names)  # "Rumelhart, Hinton, Williams" under "“Title”"
    if reading.previous == "names" and MARK_LINE.match(line.text):
        return Cue("chrome", line.text)  # "1 and", "2": a name's marks on a line of their own
    if reading.list_open and cue.kind in ("candidate", "text") and (names := names_line(line.text, alone=True)):
        return Cue("names", line.text, names=names)  # "Pilar Flores Asenjo" after "Carmen López-Vergara", "1,*,"
    if cue.kind == "candidate" and reading.previous == "candidate" and paired_listing(reading, line.index) and (
            names := names_line(line.text, alone=True)):
        return Cue("names", line.text, names=names)  # "Tao Lei" under a title, where titles stand over their names
    return cue


def paired_listing(reading: Reading, index: int) -> bool:
    """Line `index` comes right under a title-like line, in a listing whose entries so far (two or
    more) are each a title with its names on the line right under it, and nothing else."""
    paired = [entry for entry in reading.entries if entry.title and entry.authors and (
        entry.authors[0] == entry.title[0] + 1) and not (entry.abstract or entry.arxiv_id or entry.doi)]
    above = reading.candidate
    return len(paired) >= MIN_PAIRED_ENTRIES and above is not None and above[0] == index - 1 and (
        len(paired) == len([entry for entry in reading.entries if entry.title]))


def step(reading: Reading, line: Line, before_affiliation: bool = False) -> None:
    """Fold one non-blank line into the reading."""
    cue = in_context(reading, line, classify(line.text, reading.previous, before_affiliation))
    # "Alice Smith, Bob Jones" under "... Link Prediction and": a list of names, the entry's authors
    listed_names = cue.kind == "names" and "," in line.text
    if cue.kind in ("names", "text") and not listed_names and reading.previous == "candidate" and (
            continues_title(reading, line)):
        cue = Cue("candidate", line.text)  # "... Journals with" / "Both Impact Factors and Zero Article": no names
    if cue.kind == "chrome" and reading.expect:  # "Abstract", then a ":" or a button, then the text
        return
    expected, reading.expect = reading.expect, None
    if cue.kind == "cited":
        reading.citing = line.index
        return
    if continues_abstract(reading, line, cue):
        reading.current.abstract[1].append(line.text)
        reading.current.last = line.index
        reading.abstract_open = True
        reading.previous = "abstract_part" if ABSTRACT_PART.match(line.text) else "abstract_text"
        return
    reading.abstract_open = False
    if expected == "authors" and one_word(line.text):
        expected = None  # "Authors" as a site's menu item, then "Recent"; or a heading, then "page 6"
    if expected == "abstract" and cue.kind == "other_label" and not INLINE_ABSTRACT_PART.match(line.text) and (
            not ABSTRACT_PART.match(line.text)):
        expected = None  # "摘要", then "关键词" (keywords): the abstract is left empty
    if expected and cue.kind not in ("numbered", "facts", "abstract", "announce", "authors"):
        reading.previous = take_expected(reading, line, cue, expected)
        return
    take_cue(reading, line, cue)
    after_step(reading, line, cue)


def take_cue(reading: Reading, line: Line, cue: Cue) -> None:
    """Fold a line into the entries by what it is: an entry's start, a label, a fact or text."""
    if cue.kind == "numbered":
        take_numbered(reading, line.index, cue.text)
    elif cue.kind == "byline":  # "Title – A, B and C.", "Title. Dijkstra (1968)."
        entry = new_entry(reading, line.index, (line.index, cue.text))
        entry.date = (line.index, cue.date) if cue.date else entry.date
        entry.cited_form = cue.cited
        if cue.names.names:  # a shown title before names the copy ran together has none to give
            add_authors(reading, line.index, cue.names)
    elif cue.kind in ("abstract", "authors", "title", "other_label"):
        take_label(reading, line, cue)
    elif cue.kind == "facts":
        take_facts(reading, line.index, cue)
    elif cue.kind == "announce":  # "arXiv:ID Announce Type: new Abstract: ..."
        add_fact(reading, "arxiv_id", line.index, cue.arxiv_id)
        start_abstract(reading, line.index, cue.text)
    else:
        take_text(reading, line, cue)


def after_step(reading: Reading, line: Line, cue: Cue) -> None:
    """The reading's state once a line is taken: a heading set aside, a waiting date placed, the
    author block closed or marked affiliated, a list of names left open, what the line was."""
    if cue.kind == "other_label" and reading.previous == "candidate" and reading.earlier:
        reading.candidate, reading.earlier = reading.earlier, None  # the candidate was a section heading
    if cue.kind not in ("chrome", "candidate", "numbered", "title", "facts"):
        flush_date(reading)
    # a sentence after the entry's names ("... we thank our Best Paper Award committee:") ends its
    # author block: the names and affiliations under it ("Luke Zettlemoyer, University of Washington")
    # are not the entry's
    if cue.kind in ("text", "prose") and len(line.text.split()) >= MIN_SENTENCE_WORDS:
        reading.authors_closed = True
    if cue.kind == "affiliation" and reading.current and reading.current.authors:
        reading.affiliated = reading.current.abstract is None and not reading.authors_closed
    # "1,*," or "1 and" (a name's marks, set on their own line) after a name: another name follows
    reading.list_open = bool(LIST_GLUE.search(line.text)) and (cue.kind == "names" or cue.kind == "chrome" and (
        reading.previous == "names"))
    if cue.kind != "chrome":  # a button between a title and its authors changes nothing
        reading.previous = cue.kind


def close_cited(reading: Reading, lines: list[Line], end: int) -> None:
    """The list of other work ends at `end`: count its lines for the build report, and read on
    as on a new page."""
    heading = reading.citing
    count = sum(1 for line in lines[:end] if line.text and line.index > heading)
    reading.cited.append((heading, count))
    reading.citing, reading.expect, reading.previous = None, None, "blank"
    reading.candidate = reading.earlier = reading.dropped = reading.pending_date = None
    reading.after_authors = reading.abstract_open = reading.structured = False


def read_entries(lines: list[Line]) -> Reading:
    reading = Reading(set_apart=set_apart(lines))
    lines = logical_lines(lines)
    ahead = affiliations_ahead(lines)
    position = 0
    while position < len(lines):
        line = lines[position]
        if reading.citing is not None:
            restart = page_start(lines, position, reading.citing) if line.text else None
            if restart is not None:
                close_cited(reading, lines, restart)
                position = restart
                continue
            if line.text and opens_abstract(lines, position):  # under a speaker's "Name: Title"
                reading.talks.append((reading.citing, line.index))
        elif not line.text:
            reading.abstract_open = False
        elif not counter_label(lines, position):
            step(reading, line, ahead[position])
        position += 1
    if reading.citing is not None:
        close_cited(reading, lines, len(lines))
    flush_date(reading)
    settle(reading)
    return reading
