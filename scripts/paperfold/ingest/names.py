"""Author lines as pages show them, without a label: which lines are lists of names.

    Ana Sabina Uban, Cornelia Caragea              <- names, comma-separated
    Kyle Lo,Joseph Chee Chang,Andrew Head          <- no space after the commas
    Hong Yu 1, Shashank Agarwal 1, Nadya Frid 1    <- affiliation numbers after names
    Sijia Liu · Pin-Yu Chen · Dongxiao Zhu         <- middle dots
    Kimi Team, Tongtong Bai, Yifan Bai et al.      <- "et al.": the count is unknown
    Alice Smith, Bob Jones +3 more                 <- three more authors not shown
      • Marc A. Coram                              <- one name per bulleted line
    - , Menglin Tang                               <- a list item that continues a list

A line is a list of names only if every part looks like a name: two to five
words, each capitalised, an initial ("C.") or a particle ("van", "de"), no
digits, and no word that is typical of titles rather than of names
("Processing", "Techniques"). Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pylatexenc.latex2text import LatexNodes2Text

# "  • Marc A. Coram", "- , Menglin Tang", "- & Xiuying Hu": bullet and list glue before a name
LEADING_GLUE = re.compile(r"""^[\s•·*\-–—]*(?:[,;&]\s*|and\s+)?""", re.VERBOSE)
# "Devabhaktuni Srikrishna, " (a bulleted item continues): glue after the last name
TRAILING_GLUE = re.compile(r"""[\s,;&]+$""", re.VERBOSE)
# "+3 more", "+ 12 authors", "and 4 others", "and 1 other authors": authors not shown
MORE_AUTHORS = re.compile(
    r"""(?:\s*[,;]?\s*(?:\+\s*|and\s+)(?P<n>\d+)\s*(?:more|others?)?(?:\s+authors?)?)\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# "Brown et al. (OpenAI)", "Alice Smith (MIT)": an affiliation in brackets, dropped
BRACKETED = re.compile(r"""\s*\([^()]*\)""", re.VERBOSE)
# "View ORCID ProfileRichard Sever": the ORCID widget's text, glued before a name on many sites
ORCID_WIDGET = re.compile(r"""View\s+ORCID\s+Profile\s*""", re.VERBOSE | re.IGNORECASE)
# "Devlin et al.", "Kimi Team, Tongtong Bai, Yifan Bai et al."
ET_AL = re.compile(r"""[\s,]*\bet\s+al\.?\s*$""", re.VERBOSE | re.IGNORECASE)
# "Alice Smith, Bob Jones and Carol White", "Liu · Chen", "Koh & Liang"
# "Firstname1 Lastname1    Firstname2 Lastname2": runs of spaces between names in a copied PDF or HTML page
SEPARATOR = re.compile(r"""\s*(?:[,;·•|]|\s&\s|\band\b)\s*|\s{3,}""", re.VERBOSE)
# "Anonymous Authors1", "Alice Smith*,": an affiliation mark glued to a name
GLUED_MARK = re.compile(r"""[^\W\d_][\d*†‡]+(?:[,\s]|$)""", re.VERBOSE)
# "Hong Yu 1", "Duy Duc An Bui 1,2", "Isabel Cachola†", "Alice Smith*", "Yanxia Qin22\\ast",
# "Xiang Liu{\\dagger} 1122": affiliation marks (LaTeX's in braces or not, as a render copies them)
# The look-behind starts a match only where a run of marks starts: tried from every position
# of a long run that does not reach the end ("Ada Lovelace 1 1 1 … x"), it was quadratic.
MARKERS = re.compile(
    r"""(?<![\s\d,*∗†‡§¶}])(?:[\s\d,*∗†‡§¶]|\{?\\(?:ast|dagger|ddagger|star|S|P|diamondsuit|clubsuit|heartsuit
          |spadesuit|natural|sharp|flat)\b\}?)+$""", re.VERBOSE)
# "Zichen Ding11footnotemark: 1", "Jianxiang Yuthanks:": LaTeX footnote commands an HTML render copies
LATEX_FOOTNOTE = re.compile(r"""\d*footnotemark:\s*\d*|thanks:""", re.VERBOSE)
# "Matthias Trost a,∗", "Christoph Kolja Boese b a": affiliation letters after a name
LETTER_MARKS = re.compile(r"""(?<=[^\W\d_]{2})(?:\s+[a-z]){1,3}$""", re.VERBOSE)
# "J.", "J. R.", "A": a given name as initials, which a list in capitals pairs with its family name ("SMITH, J.")
INITIALS = re.compile(r"""^(?:[A-Z]\.\s*)+$|^[A-Z]$""", re.VERBOSE)
# "Elmunzer, B. J.; Spitzer, R. L.; Foster, L. D.": family name, comma, given names, semicolons between
SURNAME_FIRST_LIST = re.compile(r"""\s*([^,;]+?),\s*([^,;]+?)\s*(?:;|$)""", re.VERBOSE)
# "Riccardo Torreb,c": the "c" is an affiliation letter, not a name
MARK_LETTER = re.compile(r"""^[a-z]$""", re.VERBOSE)
# "Firstname1 Lastname1": marks glued to each word of a name
WORD_MARKS = re.compile(r"""(?<=[^\W\d_])[\d*∗†‡§¶]+(?=\s|$)""", re.VERBOSE)
# "Coram", "Aspuru-Guzik", "O'Neil", "Zhang", "Álvarez": a capitalised name word
NAME_WORD = re.compile(r"""^[^\W\d_a-z][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?$""", re.VERBOSE)
# "C.", "J.-P.", "Y.K.", "N": initials (capital letters, each with or without a full stop)
INITIAL = re.compile(r"""^[A-Z](?:\.|$)(?:-?[A-Z](?:\.|$))*$""", re.VERBOSE)
# "LLMs", "GANs": capitals run into lower case, as acronyms in the plural do and names do not
ACRONYM_WORD = re.compile(r"""[A-Z]{2,}[a-z]""", re.VERBOSE)
PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della",
             "bin", "ibn", "al", "el", "y", "dos", "das", "ter", "ten", "zu", "af"}
# Words of titles and topics that are not names ("Natural Language Processing, Computer Vision"),
# and word endings rare in names ("Techniques", "Classification"). Not "-ing": "Lingying", "Manning";
# not "-ques" alone: "Laurent Jacques".
TOPIC_WORDS = {"learning", "processing", "modeling", "modelling", "language", "languages", "network",
               "networks", "model", "models", "data", "neural", "machine", "computer", "intelligence",
               "analysis", "systems", "system", "science", "sciences", "research", "reasoning", "retrieval",
               "robotics", "graph", "graphs", "transformers", "vision", "recognition", "generation",
               "optimization", "theory", "methods", "algorithms", "applications", "engineering", "training",
               "agent", "agents", "survey", "benchmark", "benchmarks", "paper", "papers", "report", "reports",
               "technical", "workshop", "conference", "tutorial", "session", "introduction", "overview"}
# Words of organisations, which no person's name holds ("ENS, CNRS, PSL University, Paris" is an address)
ORGANISATION_WORDS = {"university", "universität", "université", "institute", "department", "laboratory",
                      "lab", "labs", "college", "centre", "center", "inc", "ltd", "gmbh", "corporation"}
TITLE_ENDINGS = ("tion", "tions", "sion", "sions", "ogy", "ysis", "iques", "ities", "isms")
# "Kar, Debal Chandra PhD", "Jane Roe, MD, MPH": degrees after a name, not part of it
DEGREE = re.compile(r"""(?:,\s*|\s+)(?:Ph\.?\s?D|M\.?D|MPH|MSc|BSc|DPhil|FRCP)\.?(?=[\s,;]|$)""", re.VERBOSE)
# "The FirstProof Assessment", "Our Approach": a heading opens with these, a person's name does not
NOT_FIRST_WORDS = {"The", "This", "These", "Those", "Our", "Their", "Its", "Your", "My"}
# "Martin 2011; Melsted, Ntranos, and Pachter 2019", "Pasadena, CA, 91125, USA": a year or a postcode
# standing alone is never part of an author line (marks are glued to names or short)
# An HTML render of LaTeX copies each superscript digit twice ("Kai Wang 1122" for marks 1 and 2,
# "Peng Wang 33"): digits that all come in pairs are marks, not a year or a postcode.
STANDALONE_NUMBER = re.compile(r"""(?<![\w.])(?!(?:(\d)\1)+(?![\w.]))\d{4,}(?![\w.])""", re.VERBOSE)
MIN_WORDS, MAX_WORDS = 2, 5
MAX_LIST_CHARS = 5000  # longer "names" are not an author list (and the pairing pattern stays cheap)
MIN_PAIRED_COMMAS = 3  # "Chen, L., Vasquez, J.": a labelled list this comma-rich may pair family and given names
# "Koh & Liang", "Smith and Jones": names joined as whole names, never family and given name
JOINED = re.compile(r"""\s(?:&|and)\s""", re.VERBOSE)


@dataclass(frozen=True)
class Names:
    """The names an author line shows, and how many authors it says there are."""

    names: tuple[str, ...]
    more: int = 0  # "+3 more"
    et_al: bool = False  # "et al.": the number of authors is unknown

    @property
    def count(self) -> int | None:
        return None if self.et_al or not self.names else len(self.names) + self.more


def _title_word(word: str) -> bool:
    word = word.lower().rstrip(".")
    return word in TOPIC_WORDS or word in ORGANISATION_WORDS or (len(word) >= 6 and word.endswith(TITLE_ENDINGS))


def is_name(part: str, min_words: int = MIN_WORDS) -> bool:
    """True if `part` looks like one person's name: "Marc A. Coram", "Madeleine van Zuylen"."""
    words = part.split()
    if any(ACRONYM_WORD.search(word) for word in words):  # "Training LLMs" is a heading
        return False
    if not min_words <= len(words) <= MAX_WORDS or words[0] in NOT_FIRST_WORDS:
        return False
    if not all(NAME_WORD.match(w) or INITIAL.match(w) or w in PARTICLES for w in words):
        return False
    return any(w not in PARTICLES and not INITIAL.match(w) for w in words) or len(words) == 1


def strip_glue(line: str) -> str:
    return TRAILING_GLUE.sub("", LEADING_GLUE.sub("", line))


def split_names(text: str) -> Names:
    """The names in an author list, without affiliation marks, "+N more" or "et al."."""
    text = strip_glue(BRACKETED.sub("", DEGREE.sub("", ORCID_WIDGET.sub("", text))))
    more, et_al = 0, False
    if match := MORE_AUTHORS.search(text):
        more, text = int(match["n"]), text[:match.start()]
    if match := ET_AL.search(text):
        et_al, text = True, text[:match.start()]
    if ";" in text and len(text) <= MAX_LIST_CHARS and len(pairs := SURNAME_FIRST_LIST.findall(text)) >= 2 and (
            not SURNAME_FIRST_LIST.sub("", text).strip(" ;")):
        parts = (f"{given} {family}" for family, given in pairs)  # "Elmunzer, B. J.; Spitzer, R. L."
    else:
        parts = (LETTER_MARKS.sub("", WORD_MARKS.sub("", MARKERS.sub("", part)).strip())
                 for part in SEPARATOR.split(strip_glue(text)))
    return Names(tuple(decoded(part) for part in parts if part and not MARK_LETTER.match(part)), more, et_al)


def decoded(name: str) -> str:
    """'Victor R\\"uhle' -> "Victor Rühle": LaTeX accents as a page shows its source."""
    if "\\" not in name:
        return name
    try:
        return LatexNodes2Text().latex_to_text(name).strip() or name
    except Exception:  # pylatexenc is lenient; odd text keeps its form
        return name


def has_initial(name: str) -> bool:
    """"Blake C. Stacey", "Madeleine van Zuylen": a name no heading or button looks like."""
    return any(INITIAL.match(word) or word in PARTICLES for word in name.split()[1:-1] or name.split()[:1])


def looks_personal(line: str, found: Names) -> bool:
    """A single name on its own line that no heading or button looks like: with an initial
    or a particle, or with an affiliation mark glued to it ("Anonymous Authors1")."""
    return has_initial(found.names[0]) or bool(GLUED_MARK.search(line))


def surname_first(found: Names) -> Names | None:
    """"Su, Buxin, Collina, Natalie": family name, given name, in pairs (as reference managers
    and feed readers show them), turned into "Buxin Su", "Natalie Collina"."""
    parts = found.names
    single = sum(len(part.split()) == 1 for part in parts)
    if len(parts) < 2 or len(parts) % 2 or 2 * single <= len(parts):  # "Alice Smith, Bob" is no pair
        return None
    if any(family.isupper() and given.isupper() and not INITIALS.match(given)
           for family, given in zip(parts[::2], parts[1::2])):
        return None  # "ENS, CNRS, PSL University": acronyms of institutions, not a family and a given name
    names = tuple(f"{given} {family}" for family, given in zip(parts[::2], parts[1::2]))
    return Names(names, found.more, found.et_al) if all(is_name(name) for name in names) else None


def names_line(line: str, alone: bool = False) -> Names | None:
    """The names on `line` if it is an unlabelled author line, else None.

    `alone`: one name on its own line counts (a bulleted item, or the line right
    after an entry's title); otherwise a line needs two names, or "et al." / "+N more".
    """
    line = LATEX_FOOTNOTE.sub("", line) if "footnotemark" in line or "thanks:" in line else line
    if ":" in line or "http" in line or len(line) > 2000 or STANDALONE_NUMBER.search(line):
        return None
    found = split_names(line)
    if found.names and not all(is_name(name) for name in found.names):
        found = surname_first(found) or Names(())
    if not found.names:
        return None
    if any(_title_word(word) for name in found.names for word in name.split()):
        return None
    if len(found.names) >= 2 or found.et_al or found.more or alone:
        return found
    return None


# "Yuan Gong2", "Catherine Lai1 Work done at MIT": a name and its affiliation mark, then perhaps other text
MARKED_NAME = re.compile(r"""^\s*(?P<name>[^\d,]*?[^\W\d_])[\d*†‡]+(?:\s|$)""", re.VERBOSE)
MIN_MARKED_NAMES = 2


def marked_names(line: str) -> Names | None:
    """The names that open a line of names with affiliation marks glued on, whatever text the
    line runs into after them ("Yuanchao Li1, Yuan Gong2, Catherine Lai1 Work done at MIT,
    now with xAI Corp. 1University of Edinburgh"): the marks tell names from the text."""
    names = []
    for part in line[:MAX_LIST_CHARS].split(","):
        match = MARKED_NAME.match(part)
        if not (match and is_name(match["name"].strip())):
            break
        names.append(match["name"].strip())
    if len(names) < MIN_MARKED_NAMES or any(_title_word(word) for name in names for word in name.split()):
        return None
    return Names(tuple(names))


def labelled_names(value: str) -> Names:
    """The names after an "Authors:" label: any word counts ("Devlin et al.", "Koh & Liang");
    "Chen, L., Vasquez, J." pairs family names with their initials."""
    found = split_names(value)
    if value.count(",") >= MIN_PAIRED_COMMAS and not JOINED.search(value):  # not "Koh & Liang"
        return surname_first(found) or found
    return found


# "Rumelhart, Hinton, Williams", "Hochreiter and Schmidhuber", "Vaswani et al.": family names alone, as reading lists
# give them under a title
FAMILY_LIST = re.compile(
    r"""^(?P<names>[A-Z][\w'’-]+(?:(?:,\s*|\s+(?:and|&)\s+)[A-Z][\w'’-]+){0,11})(?P<et_al>,?\s+et\s+al\.?)?\s*$""",
    re.VERBOSE)
FAMILY_SEPARATOR = re.compile(r"""\s*,\s*|\s+(?:and|&)\s+""", re.VERBOSE)


def family_names(line: str) -> Names | None:
    """The family names of a line that gives only those, or None. Words of titles ("Learning",
    "Networks") are no family names; a single name needs "et al." to read as a list of authors."""
    if not (match := FAMILY_LIST.match(line.strip())):
        return None
    names = tuple(FAMILY_SEPARATOR.split(match["names"]))
    if any(_title_word(name) for name in names) or len(names) == 1 and not match["et_al"]:
        return None
    return Names(names, et_al=bool(match["et_al"]))
