"""A paper's first page flattened onto one line, as document hosts show a PDF's text, cut
back into the lines the general reader knows (general_pieces.logical_lines calls it):

    1 Google Scholar s Ranking Algorithm: An Introductory Overview Jöran Beel Otto-von-Guericke
    University Department of Computer Science ... Abstract Google Scholar is one of the major ...

becomes the title, the authors' block, "Abstract" and the abstract. The title ends where the
first author's name stands right before an institution ("Jöran Beel Otto-von-Guericke
University"); a line without an "Abstract" label, or without such a name, stays whole. Pure
functions.
"""

from __future__ import annotations

import re

from paperfold.ingest.names import names_line
from paperfold.ingest.readers.general_checks import EMAIL, MIN_ABSTRACT_WORDS

# " Abstract Google Scholar is ...", " ABSTRACT In academia, ...": the label inside the flattened line
FLAT_ABSTRACT = re.compile(r"""\s(?:Abstract|ABSTRACT)(?:\s*[:.—–-])?\s+(?=[A-Z])""", re.VERBOSE)
PAGE_NUMBER = re.compile(r"""^\d{1,3}\s+""", re.VERBOSE)  # "1 Google Scholar s ...": the PDF's page number
# "University", "Institute", "Department", "Laboratory", "Group": the word that names an institution
INSTITUTION = re.compile(
    r"""^(?:Universit\w*|Institut\w*|Department|Laborator\w*|Labs?|College|School|Cent(?:er|re)|Group|Inria
          |Corporation|Academy|Hospital|Foundation)[,;]?$""",
    re.VERBOSE,
)
EMAIL_WORD = re.compile(rf"""^(?:{EMAIL.pattern}|\[email)$""", re.VERBOSE)  # "[email protected]" too
MARK = re.compile(r"""^\d{1,2}$""", re.VERBOSE)  # "1": an affiliation's number before a name
# "1 Castle Raley *", "2 David Munroe": a name led by its affiliation's number, perhaps starred
NUMBERED_NAME = re.compile(r"""^\d{1,2}\s+(?P<name>[^\d*∗†]+?)\s*[*∗†]?$""", re.VERBOSE)
NUMBERED_NAMES_REACH = 12  # words in which the first names and their marks stand
MIN_NUMBERED_NAMES = 2
MIN_FLAT_WORDS = 40  # shorter lines are not a page's head and abstract run together
MIN_FLAT_CHARS = 200  # ... and no line of forty words is shorter
MAX_HEAD_WORDS = 160  # the title and the authors' block before the abstract (sixteen authors and their institutes)
MIN_TITLE_WORDS = 3
NAME_WORDS = (2, 3)  # a first author's name: "Jöran Beel", "Amer E. Mouawad"
INSTITUTION_REACH = 4  # capitalised words from a name to its institution's word ("Otto-von-Guericke University")


def flat_head(text: str) -> list[str] | None:
    """The lines a flattened first page holds (title, authors' block, "Abstract", abstract), or None."""
    if len(text) < MIN_FLAT_CHARS or not (match := FLAT_ABSTRACT.search(text)) or len(text.split()) < MIN_FLAT_WORDS:
        return None
    head, abstract = PAGE_NUMBER.sub("", text[:match.start()]).split(), text[match.end():].strip()
    if len(head) > MAX_HEAD_WORDS or len(abstract.split()) < MIN_ABSTRACT_WORDS:
        return None
    cut = title_end(head)
    title = " ".join(head[:cut]).removesuffix(".") if cut else ""  # "... on the Pacific Biosciences RS II."
    return None if cut is None else [title, " ".join(head[cut:]), "Abstract", abstract]


def title_end(words: list[str]) -> int | None:
    """Where the title stops: at the first name directly followed by an institution, or at the
    first of a list of names each led by its affiliation's number ("1 Castle Raley * , 2 David
    Munroe, ...")."""
    for start in range(MIN_TITLE_WORDS, len(words)):
        if MARK.match(words[start]) and numbered_names_follow(words[start:]):
            return start
        for size in NAME_WORDS:
            if any(word.endswith((",", ";", ".")) for word in words[start:start + size]):
                continue  # "Cologne, Germany": an address, not a name
            found = names_line(" ".join(words[start:start + size]), alone=True)
            if found and len(found.names) == 1 and institution_follows(words[start + size:]):
                return start
    return None


def numbered_names_follow(words: list[str]) -> bool:
    """"1 Castle Raley * , 2 David Munroe, 4 Kristie Jones": names led by their marks."""
    parts = " ".join(words[:NUMBERED_NAMES_REACH]).split(",")[:MIN_NUMBERED_NAMES]
    return len(parts) == MIN_NUMBERED_NAMES and all(
        (match := NUMBERED_NAME.match(part.strip())) and (found := names_line(match["name"], alone=True))
        and len(found.names) == 1 for part in parts)


def institution_follows(words: list[str]) -> bool:
    """"Otto-von-Guericke University Department ...", "j.beel@scienstein.org": an institution's name
    (capitalised words up to its keyword) or an e-mail address opens the words."""
    for word in words[:INSTITUTION_REACH]:
        if INSTITUTION.match(word) or EMAIL_WORD.match(word):
            return True
        if not word[:1].isupper() or word.endswith((",", ".", ";", ":")):
            return False
    return False
