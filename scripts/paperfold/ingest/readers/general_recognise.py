"""Scholarly pages of any site: the one-line recognisers, each reading one form a line can take.

The facts a line carries (a date line, an arXiv id, a DOI: `facts`, `dated_line`), and the
forms that put a title and its authors on one line (`byline`: "Title – A, B and C."; a
contents line, a programme's time slot or "A, B: Title" line, a reading list's citation) or
a person with an institution. Each returns the line's `Cue` (or its names), or None;
general_lines.py asks them in turn. Built on general_checks.py. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from paperfold.ingest.names import Names, family_names, labelled_names, names_line
from paperfold.ingest.normalize import resolve_date
from paperfold.ingest.readers.general_checks import AFFILIATION, BULLETS, is_candidate, is_chrome, words
from paperfold.ingest.readers.general_contents import (
    ACRONYM_INSTITUTION, LEADERS_END, by_entry, citation, listed_authors,
)

# "Published Nov 23, 2023 in cs.LG", "Published: | 2021-11-10, volume 5", "Date posted to arXiv: 17 Nov 2015",
# "Submitted: Apr 2026 | Updated: Apr 2026", "Posted to bioRxiv 08 Sep 2020", "Article history: Received 24
# February 2019 Accepted ...", "提交: 2024-09-27": a labelled date
DATE_LABEL = re.compile(
    r"""^[\s|•·*-]*(?:(?:Published(?:\s+(?:on|online))?|Submitted(?:\s+on)?|Posted(?:\s+to\s+[\w.]+)?(?:\s+on)?|Released
              |Publication\s+date|First\s+published|Announced|提交|发布|发表
              |Article\s+history\s*:\s*(?:Received|Accepted))(?:\s*[:|：])?
          |Date(?:\s+\w+){0,4}?\s*:|Year\s*:)
        \s*\|?\s*(?P<rest>.+)$""",
    re.VERBOSE | re.IGNORECASE,
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "2021-11-10", "17 Nov 2015", "Nov 23, 2023", "Jan 06, 2026", "Apr 2026", "2021"
DATE_TEXT = re.compile(
    rf"""(?<![\w.])(?:\d{{4}}-\d{{2}}-\d{{2}}
          |\d{{1,2}}\s+{_MONTH}\s+\d{{4}}
          |{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}
          |{_MONTH}\s+\d{{4}}
          |(?:19|20)\d\d)(?![A-Za-z0-9_-])""",  # "2024-09-27更新": a Chinese label may follow
    re.VERBOSE | re.IGNORECASE,
)
# "Jan 06, 2026 · arXiv 2601.03194v1", "2021, ArXiv", "Research 01 March 2023 | Open Access",
# "News & Views | 21 February 2023": a short line made of a date and a few separated words
DATED_PARTS = re.compile(r"""\s*[|·•∙]\s*""", re.VERBOSE)
# "Submission received: 9 September 2021 / Revised: 4 October 2021 / Published: 19 October 2021"
LABELLED_PARTS = re.compile(r"""\s+/\s+|\s*[|;·•∙]\s*""", re.VERBOSE)
# "2023": a year alone, which ends many titles ("NeurIPS 2023") and so is not a date line there
YEAR = re.compile(r"""^(?:19|20)\d\d$""", re.VERBOSE)
# What may follow a date that opens its line: the end, or a separator ("2021, ArXiv")
DATE_END = re.compile(r"""\s*(?:$|[|·•,(]|\s-\s)""", re.VERBOSE)
# "arXiv 2601.03194v1", "arXiv:2002.07868v2", "arxiv.org/pdf/2602.02276", "arXiv:hep-th/9901001"
_ARXIV_ID = r"""\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7}"""  # "2601.03194", "hep-th/9901001"
ARXIV_CUE = re.compile(
    rf"""(?:arxiv\.org/(?:abs|pdf|html)/|\barxiv\s*[:\s]\s*)
        (?P<id>{_ARXIV_ID})(?:v\d+)?(?![\d])""",
    re.VERBOSE | re.IGNORECASE,
)
# "arXiv:2512.09831v2 Announce Type: replace Abstract: This paper develops ...": an item of
# arXiv's RSS feeds, as any feed reader shows it (some drop the "Abstract:", or mangle the "arXiv:")
ANNOUNCE = re.compile(
    rf"""^ar[a-z]{{0,3}}:\s*(?P<id>{_ARXIV_ID})(?:v\d+)?
        \s+Announce\s+Type:\s*[\w-]+\s+(?:Abstract:\s*)?(?P<text>.*)$""",
    re.VERBOSE | re.IGNORECASE,
)
_NEW_ID = r"""\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}"""  # "2311.13749": a new-style id, its month checked
# "(2311.13749)", "2311.13749v2", "[2311.13749]": an id alone on its line
BARE_ID = re.compile(rf"""^\W*(?P<id>{_NEW_ID})(?:v\d+)?\W*$""", re.VERBOSE)
# "Published 24 Feb 2026 in cs.AI, cs.CL, and cs.LG | (2602.21201v1)": an id in brackets ending a short line
CLOSING_ID = re.compile(rf"""[(\[](?P<id>{_NEW_ID})(?:v\d+)?[)\]]\W*$""", re.VERBOSE)
# "09:30  Learning Sequences of Controllers Jaeyong Sung, Bart Selman and Ashutosh Saxena": a programme's
# time slot with a paper's title and its authors, glued by a space
TIMED = re.compile(r"""^\s*\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?\s+(?P<rest>\S.*)$""", re.VERBOSE)
JOINERS = {"&", "and", ",", ";"}
MIN_TIMED_TITLE_WORDS = 4  # "Introduction and overview", "Coffee", "Round table": a programme's own items
# "Chris Samarinas, Arkin Dharawat and Hamed Zamani: Revisiting Open Domain Query Facet Extraction ...":
# a programme's authors, a colon, then the title
NAMES_COLON_TITLE = re.compile(r"""^(?P<names>[^:]{8,300}?):\s+(?P<title>\S.{8,300})$""", re.VERBOSE)
MIN_GLUED_AUTHORS = 2  # "TitleName (Institution)*; Name (Institution)": one name alone could be the title's end
GLUED_CASE = re.compile(r"""[a-z)](?=[A-Z][a-z])""", re.VERBOSE)  # "LearningAbdellah"
# "10.1145/2893181": a DOI alone on its line
BARE_DOI = re.compile(r"""^\W*(?P<doi>10\.\d{4,9}/[^\s|]+)$""", re.VERBOSE)
# "Doi: | https://doi.org/10.22331/q-2021", "DOI 10.1000/xyz", "Symmetry 2021, 13(10), 1973; https://doi.org/10.3390/sym13101973"
DOI_CUE = re.compile(
    r"""(?:^[\s|]*doi\b\W*.*?|doi\.org/)(?P<doi>10\.\d{4,9}/[^\s|]+)""",
    re.VERBOSE | re.IGNORECASE,
)
# "Takeaway: Introduces ...", "Key Contribution: Introduced BERT": text under a label of its own,
# which is not an unlabelled abstract
LEAD_LABEL = re.compile(r"""^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}\s*:\s""", re.VERBOSE)

# "The Thørväld Group", "Tsinghua University", "Inria Paris-Rocquencourt": an organisation after a name
ORGANISATION = re.compile(
    r"""\b(?:Group|Consortium|Inc\.?|Ltd\.?|GmbH|Labs?|Laborator\w*|Universit\w*|Institut\w*|College|School
          |Cent(?:er|re)|Department|Inria|Corporation|Company|Foundation|Academy|Hospital)\b""",
    re.VERBOSE,
)
# "Niclas Boehmer (TU Berlin)", "Frans A. Oliehoek (Delft University of Technology)": one person and
# their institution in brackets, a contents list's or a programme's author line
NAME_WITH_INSTITUTION = re.compile(r"""^(?P<name>[^()\d,;:]{3,60}?)\s*\((?P<institution>[^()]{2,120})\)\*?$""", re.VERBOSE)
# "Transformer and Recurrent Networks – Surafel Melaku Lakew, Mauro Cettolo and Marcello Federico.":
# a title and its authors on one line, split at a dash
BYLINE_DASH = re.compile(r"""\s[–—-]\s""", re.VERBOSE)
# "- Goto Statement Considered Harmful. Dijkstra (1968).", "- Ordered hash tables. Amble, Knuth (1974).":
# a reading list's entry, the title, then its authors' family names and the year
TITLE_NAMES_YEAR = re.compile(
    r"""^(?P<title>\S.*?)\.\s+(?P<names>[A-Z][^().,]{0,40}(?:,\s*[A-Z][^().,]{0,40}){0,5}(?:\s+et\s+al\.?)?)
        \s+\((?P<year>(?:19|20)\d\d)\)\.?$""",
    re.VERBOSE,
)
# "A formal theory of inductive inference (Ray Solomonoff, 1964) [3]", "The Mathematical Theory of
# Communication (Shannon et al., 1951), PDF": a reading list's title, then its authors and year in brackets
TITLE_CITED = re.compile(
    r"""^(?P<title>[^()]{8,300}?)\s+\((?P<names>[^()]{2,120}?),?\s+(?P<year>(?:19|20)\d\d)[a-z]?\)
        (?:\s*,?\s*(?:PDF|\[\d{1,3}\]))*\s*$""",
    re.VERBOSE,
)
# "Honorable Mention : "The Polar Express: ..." by Noah Amsel, ...", "“ImageNet Classification with Deep
# Convolutional Neural Networks” (Krizhevsky, Sutskever, Hinton) was presented at NIPS 2012 ...": a title
# quoted at the start of a sentence (after a label, perhaps), then its authors in brackets or after "by"
QUOTED_CITATION = re.compile(
    r"""^(?:[^"“”:]{1,40}:\s*)?["“](?P<title>[^"“”]{8,300})["”]\s*
        (?:\((?:authors?\s*:\s*)?(?P<names>[^()]{2,300})\)
          |by\s+(?P<by>[^()]{3,300}?)(?:(?<![\s.][A-Z])\.(?:\s|$)|\s*$))""",  # "Robert M. Gower.": an initial
    re.VERBOSE,
)
# "by   Risto Vuorio, et al.": authors after "by"
BY = re.compile(r"""^by\s+(?P<value>\S.*)$""", re.VERBOSE | re.IGNORECASE)
MAX_BY_PART = 3  # a "by" part among the first few parts of a line: a date, then the byline
MIN_BYLINE_TITLE_WORDS = 3
# "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun (2015)": names, then the year in brackets
NAMES_YEAR = re.compile(r"""\s*\((?P<year>(?:19|20)\d\d)\)$""", re.VERBOSE)
# "Sobolev GAN - Youssef Mroueh et al.": a shorter title before the dash names a model (an acronym)
SHORT_TITLE = re.compile(r"""\b[A-Z][A-Z\d]+\b""", re.VERBOSE)
# "Dijkstra", "Driscoll", "Van Rossum": family names as a reading list gives them
NAME_WORD_RUN = re.compile(r"""^(?:[A-Z][\w'’-]+\s?){1,3}$""", re.VERBOSE)


@dataclass(frozen=True)
class Cue:
    """What one stripped, non-blank line says."""

    kind: str  # "cited", "chrome", "abstract", "announce", "authors", "title", "other_label", "numbered",
    #            "byline" (a title and its authors), "facts" (date / id / DOI), "names", "by" (names
    #            after "by"), "more_names"
    #            (a name alone after an affiliation), "affiliation", "prose", "candidate", "text"
    text: str = ""  # the label's value, the numbered entry's title, the line itself
    names: Names | None = None
    date: tuple[str, str] | None = None  # (as shown, ISO)
    arxiv_id: str | None = None
    doi: str | None = None
    cited: bool = False  # a byline in a reading list's "Title (Names, Year)" form


def find_date(text: str) -> tuple[str, str] | None:
    """(date as shown, ISO) of the first date in `text`, if it reads as one."""
    match = DATE_TEXT.search(text)
    if not match:
        return None
    iso = resolve_date(match.group(0), date(2000, 1, 1))  # absolute dates need no reference
    return (match.group(0), iso) if iso else None


def labelled_date(match: re.Match) -> tuple[str, str] | None:
    """The date right after a date label ("Published: 19 October 2021"), if there is one."""
    rest = match["rest"].lstrip(" |")
    found = find_date(rest[:40])
    return found if found and rest.startswith(found[0]) else None


def dated_line(line: str) -> tuple[str, str] | None:
    """The date of a date line: labelled ("Published Nov 23, 2023 in cs.LG"), first on
    its line ("Jan 06, 2026 · arXiv ...", "2021, ArXiv"), or beside a few words set off
    by bars or dots ("Research 01 March 2023 | Open Access")."""
    if match := DATE_LABEL.match(line):
        return labelled_date(match)
    labelled = (DATE_LABEL.match(part) for part in LABELLED_PARTS.split(line)[1:8])
    if found := next(filter(None, map(labelled_date, filter(None, labelled))), None):
        return found
    if words(line) > 12:
        return None
    if (match := DATE_TEXT.match(line)) and DATE_END.match(line, match.end()):
        return find_date(match.group(0))
    parts = [part.strip() for part in DATED_PARTS.split(line) if part.strip()]
    for part in parts if 1 < len(parts) <= 4 else ():
        found = find_date(part)
        if found and part.endswith(found[0]) and words(part) <= 4:
            return found
    found = find_date(line) if words(line) <= 4 else None  # "arXiv (CS.AI) 2026-06-16"
    return found if found and line.endswith(found[0]) and not YEAR.match(found[0]) else None


def facts(line: str) -> Cue | None:
    """A line that carries a date, an arXiv id or a DOI. Unlabelled ids count on short
    lines, or first on their line ("arxiv: 2605.21481 · v1 · submitted 2026-05-20 · ..."):
    a long line mentions other work ("extends arXiv:2011.06063")."""
    found_date = dated_line(line)
    short = words(line) <= 12
    arxiv = ARXIV_CUE.search(line)
    if not (short or arxiv and not line[:arxiv.start()].strip(" |•·[(")):
        arxiv = None
    elif short and not arxiv:
        arxiv = BARE_ID.match(line) or CLOSING_ID.search(line)
    doi = DOI_CUE.search(line) or BARE_DOI.match(line) if short or line[:4].lower() == "doi:" else None
    if not (found_date or arxiv or doi):
        return None
    return Cue("facts", line, date=found_date, arxiv_id=arxiv["id"] if arxiv else None,
               doi=doi["doi"].rstrip(".,;") if doi else None)


def names_before_affiliation(line: str) -> Names | None:
    """The names that open a line of names and their affiliation ("HUIFEN CHAN, Tsinghua
    University, China", "BEN TROVATO and G.K.M. TOBIN, Institute for Clarity ..."):
    the longest run of comma-separated parts before the rest that reads as names."""
    parts = line.split(",")
    for cut in range(len(parts) - 1, 0, -1):
        rest = ",".join(parts[cut:]).strip()
        if ORGANISATION.search(rest) and not names_line(rest, alone=True) and (
                found := names_line(",".join(parts[:cut]), alone=True)):
            return found
    return None


def timed_entry(line: str) -> Cue | None:
    """A programme's time slot with a title and its authors: the authors are the longest run of
    names at the end whose first name has two words ("... Tasks Jaeyong Sung, Bart Selman");
    a labelled slot ("Invited talk: John Langford") or a short one ("Coffee") is none."""
    if not (match := TIMED.match(line)) or LEAD_LABEL.match(match["rest"]):
        return None
    parts = match["rest"].split()
    for cut in range(MIN_TIMED_TITLE_WORDS, len(parts) - 1):
        title, authors = " ".join(parts[:cut]), " ".join(parts[cut:])
        if parts[cut - 1].lower() in JOINERS or parts[cut].lower() in JOINERS:
            continue  # "... Gabriel DulacArnold & Djalel Benbouzid": the cut falls inside the names
        found = names_line(authors, alone=True)
        if found and len(found.names[0].split()) == 2 and is_candidate(title):
            return Cue("byline", title, names=found)
    return None


def contents_entry(line: str) -> Cue | None:
    """A proceedings' contents line ("Biases in Predicting the Human Language ModelAlex B. Fine, ...
    and Benjamin Van Durme. . . . . 12"): the title and its authors, glued where a lower-case
    letter meets the capital of the first name, before the dot leaders."""
    if not (leaders := LEADERS_END.search(line)) or not (body := line[:leaders.start()].strip()):
        return None
    for glue in GLUED_CASE.finditer(body):
        title, authors = body[:glue.end()], body[glue.end():]
        if words(title) >= MIN_BYLINE_TITLE_WORDS and (found := names_line(authors)) and is_candidate(title):
            return Cue("byline", title, names=found)
    if (listed := listed_authors(body)) and is_candidate(listed[0]):  # "Title, A, Affiliation, B, ..."
        return Cue("byline", listed[0], names=listed[1])
    return None


def glued_entry(line: str) -> Cue | None:
    """A programme's or an accepted-papers list's line, the title glued to its authors, each with
    the institution in brackets and set apart by semicolons ("... Product SearchNurendra Choudhary
    (Virginia Tech)*; Nikhil Rao (Amazon); ..."): two or more such names, most of the parts."""
    if line.count(";") < MIN_GLUED_AUTHORS - 1 or "(" not in line:
        return None
    for glue in GLUED_CASE.finditer(line):
        title, parts = line[:glue.end()], [part.strip() for part in line[glue.end():].split(";")]
        people = [found.names[0] for part in parts if (found := bracketed_name(part))]
        if bracketed_name(parts[0]) and len(people) >= MIN_GLUED_AUTHORS and 2 * len(people) > len(parts) and (
                words(title) >= MIN_BYLINE_TITLE_WORDS and is_candidate(title)):
            return Cue("byline", title, names=Names(tuple(people)))
    return None


def citation_entry(line: str) -> Cue | None:
    """A reading list's citation with its title in quotation marks (general_contents.citation);
    general.py asks for two on a page."""
    if '"' not in line and "“" not in line or not (found := citation(line.lstrip(BULLETS + " "))):
        return None
    title, names = found
    return Cue("byline", title, names=names, cited=True) if is_candidate(title) else None


def names_then_title(line: str) -> Cue | None:
    """A programme's "A, B and C: Title" line: two or more names before a colon, then the title
    ("Trond Linjordet, Krisztian Balog and Vinay Setty: Towards Formally Grounded ..."). One name
    alone is none ("Invited Talk: ...", "Coffee Break: ..." read as names); general.py, as for a
    reading list's lines, asks for two on a page."""
    if not (match := NAMES_COLON_TITLE.match(line)) or words(match["title"]) < MIN_BYLINE_TITLE_WORDS:
        return None
    found = names_line(match["names"])
    if found and len(found.names) >= 2 and is_candidate(match["title"]):
        return Cue("byline", match["title"].strip(), names=found, cited=True)
    return None


def quoted_citation(line: str) -> Cue | None:
    """A sentence that opens by quoting a paper's title with its authors ("Outstanding Paper Award 1:
    "Transformers are Inherently Succinct" (authors: Pascal Bergsträßer, ...) proposes ...",
    "“Generative Adversarial Networks” (Goodfellow et al.) was presented ..."). General.py, as for
    a reading list's lines, asks for two on a page."""
    if not (match := QUOTED_CITATION.match(line)) or not is_candidate(match["title"]):
        return None
    names = (match["names"] or match["by"] or "").strip()
    parts = [part.strip() for part in names.split(",")]
    for end in range(len(parts), 0, -1):  # "Vaswani et al., Google Brain": an organisation after the names
        head = ", ".join(parts[:end])
        if found := family_names(head) or names_line(head, alone=True):
            return Cue("byline", match["title"].strip(), names=found, cited=True)
    return None


def cited_entry(line: str) -> Cue | None:
    """A reading list's "Title (Names, Year)" line; a topic may come before the names ("A theory of
    the learnable (PAC learning, Leslie Valiant, 1984)"). General.py asks for two on a page."""
    if not line.endswith((")", "]", "PDF")) or not (match := TITLE_CITED.match(line)):
        return None  # most lines end otherwise: they skip the pattern
    if not is_candidate(match["title"]):
        return None
    parts = [part.strip() for part in match["names"].split(",")]
    for start in range(len(parts)):
        rest = ", ".join(parts[start:])
        if found := family_names(rest) or names_line(rest, alone=True):
            return Cue("byline", match["title"].strip(), names=found, date=find_date(match["year"]), cited=True)
    return None


def byline(line: str) -> Cue | None:
    """A title and its authors on one line, split at a dash ("Title – A, B and C.");
    the last dash whose right side is all names; or a list item ("Title. Family (Year).").
    """
    text = line.lstrip(BULLETS + " ")
    if line[:1] in BULLETS and (match := TITLE_NAMES_YEAR.match(text)) and all(
            NAME_WORD_RUN.match(name) for name in re.split(r",\s*|\s+et\s+al\.?$", match["names"]) if name):
        return Cue("byline", match["title"], names=labelled_names(match["names"]), date=find_date(match["year"]))
    if (entry := by_entry(text, bulleted=line[:1] in BULLETS)) and words(entry[0]) >= MIN_BYLINE_TITLE_WORDS and (
            is_candidate(entry[0]) and not is_chrome(entry[0])):
        return Cue("byline", entry[0], names=entry[1])  # "• Title, by Names, 155–205."
    for match in reversed(list(BYLINE_DASH.finditer(text))):
        title, authors = text[:match.start()].strip(), text[match.end():].strip().rstrip(".")
        year = NAMES_YEAR.search(authors)  # "Title – Kaiming He, ..., Jian Sun (2015)"
        found = names_line(authors[:year.start()] if year else authors, alone=line[:1] in BULLETS)
        long_enough = words(title) >= MIN_BYLINE_TITLE_WORDS or words(title) == 2 and SHORT_TITLE.search(title)
        if found and long_enough and is_candidate(title):
            return Cue("byline", title, names=found, date=find_date(year["year"]) if year else None)
    return None


def by_names(line: str) -> Names | None:
    """The names of a "by" line, or of a "by" part of a line set off by bars or dots
    ("01/19/2021 ∙ by Fupin Yao, et al. ∙ University of Surrey")."""
    parts = DATED_PARTS.split(line) if DATED_PARTS.search(line) else [line]
    for part in parts[:MAX_BY_PART]:
        if (match := BY.match(part.strip())) and (found := names_line(match["value"], alone=True)):
            return found
    return None


def bracketed_name(part: str) -> Names | None:
    """One person with whatever the brackets after the name hold ("Nikhil Rao (Amazon)*")."""
    if not (match := NAME_WITH_INSTITUTION.match(part)):
        return None
    found = names_line(match["name"].strip(), alone=True)
    return found if found and len(found.names) == 1 else None


def name_with_institution(line: str) -> Names | None:
    """One person with their institution in brackets ("Frans A. Oliehoek (Delft University of
    Technology)", "Niclas Boehmer (TU Berlin)"); not a role ("Ulle Endriss (Programme Chair)")."""
    if not line.endswith((")", ")*")) or not (match := NAME_WITH_INSTITUTION.match(line)):
        return None
    institution = match["institution"].strip()
    if not (ORGANISATION.search(institution) or AFFILIATION.match(institution) or ACRONYM_INSTITUTION.match(institution)):
        return None
    return bracketed_name(line)
