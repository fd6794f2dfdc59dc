"""Scholarly pages of any site, line by line: what each line is (general_pieces.py makes
the lines, general_entries.py groups them into entries).

The cues are the ones that recur across sites, never one site's wording:
labels ("Abstract", "Authors:", "TL;DR"), numbered entries ("3. Title", "#3.
Title", "[3] Title"), arXiv ids ("arXiv 2601.03194v1", "(2311.13749)",
arxiv.org links), DOIs, date lines ("Published Nov 23, 2023 in ...",
"Research 01 March 2023 | Open Access"), headings that open a list of other
work ("References", "Related papers", "Cited by") and page chrome (navigation,
buttons, counters, emoji lines), which never becomes a title. `classify` asks the
labels here first, then the one-line recognisers of general_recognise.py (facts, a title
with its authors on one line), then the basic checks of general_checks.py (is the line
prose, chrome, title-like?). Pure functions.
"""

from __future__ import annotations

import re

from paperfold.ingest.names import GLUED_MARK, looks_personal, marked_names, names_line
from paperfold.ingest.readers.general_checks import (
    ABSTRACT_PART, AFFILIATION, BULLETS, has_symbol, is_affiliation, is_candidate, is_chrome, is_prose,
    titled_with_full_stop, words,
)
from paperfold.ingest.readers.general_recognise import (
    ANNOUNCE, Cue, by_names, byline, citation_entry, cited_entry, contents_entry, facts, glued_entry,
    name_with_institution, names_before_affiliation, names_then_title, quoted_citation, timed_entry,
)

# "References", "► References", "References (26)", "Cited by 12", "Related papers",
# "Similar articles", "Papers Similar to "X"": the rest of the page is other work
CITED_HEADING = re.compile(
    r"""^[^\w(]*(?:References|Bibliography|Works\s+cited|Literature\s+cited|Cited\s+by|Citing\s+papers
          |Citations|Related\s+(?:papers|articles|work|publications|research)
          |Similar\s+(?:papers|articles|content\b.*)|Papers\s+similar\s+to\b.*|Recommended\s+(?:papers|articles)
          |More\s+like\s+this|Referenced\s+(?:by|in)
          |(?:Invited|Keynote)\s+(?:talks?|speakers?|presentations?)(?:\s+abstracts?)?|Keynotes?(?:\s+abstracts?)?)
        \s*(?:\(\s*[\d,]+\s*\)|[\d,]+)?\s*:?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# "Current paper (gray), citations (green), references (blue)", "Citations (12) References (45)": a
# citation graph's legend or a paper page's tabs, naming both kinds of other work; the rest is theirs.
# Only those items, each with its colour or count: "Neural Citation Parsing of References" is a title
CITATION_LEGEND = re.compile(
    r"""^(?=.*\bcitations?\b)(?=.*\breferences?\b)
        (?:[\W_]*(?:current\s+paper|citations?|references?)(?:\s*\([^()]{0,20}\)|\s*[\d,]+)?)+[\W_]*$""",
    re.VERBOSE | re.IGNORECASE,
)
MAX_LEGEND_CHARS = 80
# "Abstract", "Abstract:We analyze", "Abstract (excerpt):", "ABSTRACT", "Abstract. In recent years"
ABSTRACT_LABEL = re.compile(
    r"""^[#*•·\s-]*(?:Abstract|摘要|a\sb\ss\st\sr\sa\sc\st)\s*(?:\([^)]{0,30}\))?\s*(?:$|[:.—–：-]\s*(?P<text>.*)$)""",
    re.VERBOSE | re.IGNORECASE,
)
# "ABSTRACT We present CiteSeer: ...", "Abstract Counting of number of papers ...": the label and the
# text with no colon between (as a PDF's text copies); only with an abstract's length after it, since
# "Abstract algebra for beginners" is a title
BARE_ABSTRACT = re.compile(r"""^(?:Abstract|ABSTRACT|a\sb\ss\st\sr\sa\sc\st)\s+(?P<text>[A-Z].*)$""", re.VERBOSE)
MIN_INLINE_ABSTRACT_WORDS = 20
# "Authors: Eric Nalisnick, Sachin Ravi", "Author(s):", "Authors" or "by" alone (names on the next line)
AUTHORS_LABEL = re.compile(
    r"""^[#*•·\s-]*(?:Authors?|Author\(s\)|Authored\s+by|作者|by(?=\s*$))(?:\s*(?:/|&|and)\s*Affiliations?)?
        \s*(?:$|[:：]\s*(?P<value>.*)$)""",
    re.VERBOSE | re.IGNORECASE,
)
# "Title: Logit Regularization ...", "- Title: Efficient Estimation ...": a title stated as such
TITLE_LABEL = re.compile(r"""^[*•·\s-]*(?:Title|标题|题目)\s*[:：]\s*(?P<value>\S.*)$""",
                         re.VERBOSE | re.IGNORECASE)
# "[1]  arXiv:2407.14741 [pdf, other]", "1. arXiv:2407.04686  [pdf, other": a listing's (or a search
# result list's) numbered id line, above its entry's title
LISTED_ID = re.compile(r"""^\s*(?:\[\d+\]|\d+\.)\s+arXiv\s*:""", re.VERBOSE | re.IGNORECASE)
# "Infinite Dimensional Word Embeddings Authors: Eric Nalisnick, Sachin Ravi": one-line entries
INLINE_AUTHORS = re.compile(r"""\s+(?:Authors?|Author\(s\)|By)\s*:\s*""", re.VERBOSE | re.IGNORECASE)
# "3. Title", "#3. Title", "[3] Title", "3) Title", "【3】 Title", "1.1. Title": an entry of a numbered list
NUMBERED = re.compile(
    r"""^[#\s]*(?:[\u4e00-\u9fff]{1,3}(?=\d))?  # "报告1. Title": a Chinese page's "report 1", "paper 1"
        (?:\[\d{1,3}\]|【\d{1,3}】|\d{1,3}(?:\.\d{1,3})*[.):])  # "41: Title": a ranking's place too
        \s*(?:(?<=[\s】])|(?<=\d\.)(?=[A-Z][a-z]))
        (?P<title>\S.*)$""",  # "2.QuarkAudio Technical Report": no space after the number, a capital word
    re.VERBOSE,
)
# "“Attention is All You Need” - Vaswani et al. (2017)": a quoted title, then its authors
QUOTED_TITLE = re.compile(
    r"""^["“](?P<title>[^"”]{3,300})["”]\s*(?:[-–—,:]\s*(?P<authors>.*?))?\s*$""",
    re.VERBOSE,
)
# "Attention Is All You Need (2017)": a year in brackets after a title, which is not part of it
TITLE_YEAR = re.compile(r"""\s+\((?P<year>(?:19|20)\d\d)\)\s*$""", re.VERBOSE)
# "Key Contribution: ...", "Keywords", "TL;DR", "Comments: ...": labels whose text is not the abstract
OTHER_LABEL = re.compile(
    r"""^[#*•·\s-]*(?P<label>TL;?\s?DR|Summary|AI\s+Summary|Key\s+(?:Contributions?|Findings|Points|Takeaways)
          |Contributions?|Findings|Highlights|Keywords?|Key\s*words|Comments?|Subjects?|Categor(?:y|ies)
          |Topics?|Tags?|Journal(?:-ref)?|Venue|Conference|Proceedings|PMID|PMCID|NIHMSID|ISBN|ISSN
          |Link|Links|URL|Code|Project\s+page|PDF|Eprint|Citation|Cite\s+as|Notes?|Pages|Volume|Publisher
          |Affiliations?|Correspondence|Received|Accepted|Updated|Version|License|Report-no
          |MSC-class|ACM-class|Publication\s+type|Funding|Status|Methods?|Results|Taxonomy
          |Organi[sz]ations?|MeSH(?:\s+terms)?|报告人|讲者|关键词)
        (?:\s*[:|：]\s*(?P<value>.*)|\s*)$""",
    re.VERBOSE | re.IGNORECASE,
)

# "Skip to main content": the top of a page (a second page pasted after the first one's references)
PAGE_TOP = re.compile(r"""^\W*Skip\s+to\s+(?:main\s+)?content\b""", re.VERBOSE | re.IGNORECASE)
# "[1] Andris Ambainis, Variable time ..., 2012, doi:...", "Vaswani et al. (2017). Attention ...":
# a citation in a list of references
CITATION = re.compile(
    r"""^\s*(?:\[\d{1,3}\]|\d{1,3}\.\s)|\((?:19|20)\d\d[a-z]?\)
        |(?=.*\b(?:19|20)\d\d\b)(?=.*(?:\bet\s+al\b|\bpp?\.\s*\d|\bdoi\b|\bIn\s+Proc|\bvol\.))""",
    re.VERBOSE | re.IGNORECASE,
)
# "https://doi.org/10.4230/LIPIcs.STACS.2012.636": a link line, which under a citation is that citation's
LINK_LINE = re.compile(r"""^\S*(?:https?://|doi\.org/|doi:)\S*$""", re.VERBOSE | re.IGNORECASE)
SHORT_LINE = 40  # characters: shorter lines do not continue an abstract they follow
TITLE_KINDS = {"numbered", "title", "candidate"}  # lines that may be an entry's title
AUTHORS_FOLLOW = TITLE_KINDS | {"facts", "names", "by", "more_names", "affiliation"}  # what an author line may follow
NUMBERED_NAME_WORDS = 3  # a numbered line this short that reads as a name is an author


def numbered(text: str, previous: str) -> Cue:
    """A numbered line: an entry, or an item of a numbered list of authors or affiliations
    ("1. Richard J Abdill", "1. University of Minnesota, United States")."""
    short = len(text.split()) <= NUMBERED_NAME_WORDS  # "1. Infinite Dimensional Word Embeddings" is a title
    short = short or bool(GLUED_MARK.search(text))  # "2. Jos A H M Verbeek3,": the mark tells a name
    after = previous in AUTHORS_FOLLOW - {"numbered"}  # "2. Another Title" under "1. ..." is an entry
    if short and after and (found := names_line(text, alone=True)):
        return Cue("names", text, names=found)
    if AFFILIATION.match(text):
        return Cue("affiliation", text)
    return Cue("numbered", text)


def classify(line: str, previous: str = "blank", before_affiliation: bool = False) -> Cue:
    """What a stripped, non-blank line is; `previous` is what the line before it was;
    `before_affiliation`: an affiliation follows within a few lines.

    An unlabelled names line counts only where authors stand: after a title (or the
    date or id under it), or as a bulleted item. Elsewhere a site's tagline
    ("Academic Intelligence · Curated Daily") would pass for two names.
    """
    if CITED_HEADING.match(line) and words(line) <= 8 or len(line) <= MAX_LEGEND_CHARS and CITATION_LEGEND.match(line):
        return Cue("cited", line)
    if (match := BARE_ABSTRACT.match(line)) and words(match["text"]) >= MIN_INLINE_ABSTRACT_WORDS:
        return Cue("abstract", match["text"].strip())
    if match := ABSTRACT_LABEL.match(line):
        text = (match["text"] or "").strip()
        if text and words(text) <= 2 and not ABSTRACT_PART.match(text):  # "• Abstract: found" is a status
            return Cue("other_label", text)
        return Cue("abstract", text)
    if match := ANNOUNCE.match(line):
        return Cue("announce", match["text"].strip(), arxiv_id=match["id"])
    if match := AUTHORS_LABEL.match(line):
        return Cue("authors", (match["value"] or "").strip())
    if match := TITLE_LABEL.match(line):
        return Cue("title", match["value"].strip())
    if found := facts(line):
        if found.date and not (found.arxiv_id or found.doi) and (found_names := by_names(line)):
            return Cue("by", line, names=found_names, date=found.date)  # "01/19/2021 ∙ by Fupin Yao, et al. ∙ ..."
        return found
    if match := OTHER_LABEL.match(line):
        return Cue("other_label", (match["value"] or "").strip())
    if (match := NUMBERED.match(line)) and not has_symbol(match["title"]) and not is_prose(
            INLINE_AUTHORS.split(match["title"])[0]):  # "8. Title Authors: <twenty names>" is no prose
        return numbered(match["title"].strip().split("  ")[0], previous)
    if found := (byline(line) or contents_entry(line) or timed_entry(line) or cited_entry(line)
                 or quoted_citation(line) or glued_entry(line) or names_then_title(line) or citation_entry(line)):
        return found
    if is_chrome(line):
        return Cue("chrome", line)
    if found := names_cue(line, previous, before_affiliation):
        return found
    if is_affiliation(line):
        return Cue("affiliation", line)
    if is_prose(line.lstrip(BULLETS + " ")):  # "• Reinforcement learning has shown ...": a bulleted summary
        return Cue("prose", line)
    if is_candidate(line) or before_affiliation and titled_with_full_stop(line):
        return Cue("candidate", line)
    return Cue("text", line)


def names_cue(line: str, previous: str, before_affiliation: bool) -> Cue | None:
    """A line of authors' names, where authors stand (see classify): after "by", under a title or
    the facts under it, as a bulleted item, before an affiliation or after one."""
    bulleted = line[:1] in BULLETS
    if found_names := by_names(line):
        return Cue("by", line, names=found_names)  # a paper's, or a blog post's: general.py asks for more
    if (previous in AUTHORS_FOLLOW or bulleted and previous != "text") and (found_names := names_line(
            line, alone=bulleted or previous in TITLE_KINDS)) and (
            bulleted or len(found_names.names) > 1 or found_names.et_al or previous in ("numbered", "title")
            or looks_personal(line, found_names)  # "Get Started" under a heading is a button ...
            or previous in TITLE_KINDS and before_affiliation):  # ... and no button has an affiliation
        return Cue("names", line, names=found_names)
    if previous == "names" and line[:1] in ",;" and (found_names := names_line(line, alone=True)):
        return Cue("names", line, names=found_names)  # "Delaney K. Sullivan", "1,2", ", Lior Pachter": marks between
    if previous in AUTHORS_FOLLOW and (found_names := names_before_affiliation(line)):
        return Cue("names", line, names=found_names)  # "LARS THØRVÄLD, The Thørväld Group, Iceland"
    if previous in AUTHORS_FOLLOW and (found_names := marked_names(line)):
        return Cue("names", line, names=found_names)  # "Yuanchao Li1, Yuan Gong2, ... Lai1 Work done at MIT, ..."
    if previous in AUTHORS_FOLLOW and (found_names := name_with_institution(line)):
        return Cue("names", line, names=found_names)  # "Niclas Boehmer (TU Berlin)", one author a line
    if previous == "affiliation" and (found_names := names_line(line, alone=True)):
        return Cue("more_names", line, names=found_names)  # the next author of a name / affiliation block
    return None
