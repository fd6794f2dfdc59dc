"""Scholarly pages of any site: the basic checks on one line, what it looks like in itself.

How many words it has, whether it is running text (`is_prose`), page chrome (`is_chrome`:
navigation, buttons, counters, emoji lines), an affiliation, or could be a title
(`is_candidate`), and whether it speaks as an abstract does. general_recognise.py reads the
one-line forms built on these checks, general_lines.py says what each line is. Pure functions.
"""

from __future__ import annotations

import re
import unicodedata

from paperfold.ingest.names import GLUED_MARK, names_line

# An abstract's least length: an unlabelled paragraph after an author line, the text under an "Abstract"
# label or a flattened page's abstract shorter than this is none; and an entry without a title, authors or
# an id needs an abstract this long (issue 14's precision guard)
MIN_ABSTRACT_WORDS = 20
# "Volume 2014, Article ID 372768, 6 pages", "Journal of Applied Mathematics": an issue's or a
# journal's line in a paper page's header, never the paper's title
ISSUE_LINE = re.compile(
    r"""^(?:Vol(?:ume)?\.?\s*\d+\b.*|.*\bArticle\s+(?:ID|No\.?|number)\s*\S+.*|.*,\s*\d+\s+pages?
          |(?:The\s+)?Journal\s+of(?:\s+[A-Z][\w&-]*|\s+(?:and|of|the|&))+)$""",
    re.VERBOSE,
)
# "and unique molecular identifiers (UMIs) (Kebschull ...": a line opening with these in lower case
# carries on a sentence of running text; a title does not start so
JOINING_WORDS = {"and", "or", "but", "of", "the", "to", "in", "with", "for", "by", "as", "at", "from", "that",
                 "which", "than", "into", "on"}
# "Academic Editor: Ying Hu", "Session Chair: Ada Lovelace": a person in a role, never a title
ROLE_LABEL = re.compile(
    r"""^(?:[A-Z][\w-]*\s+){0,2}(?:Editors?|Reviewers?|Chairs?|Speakers?|Presenters?|Moderators?|Hosts?
          |Contact|Correspondence)\s*:\s""",
    re.VERBOSE | re.IGNORECASE,
)
_PART = r"""(?:Background|Objectives?|Aims?|Purpose|Introduction|Context|Methods?|Materials|Design|Setting
          |Participants|Results|Findings|Conclusions?|Interpretation|Significance|Discussion|Limitations
          |Motivation|Relevance|Importance|Exposures?|Main\s+Outcomes?|Measures|Meaning|Question|Key\s+Points
          |Analysis)"""
_JOIN = r"""\s*(?:,\s*(?:and\s+)?|and|&)\s*"""  # "Design, Setting, and Participants"
# "Objective", "Methods", "Background and Objectives", "Conclusions:": headings inside a structured abstract
ABSTRACT_PART = re.compile(
    rf"""^{_PART}(?:{_JOIN}{_PART})*\s*:?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# "Methods: We selected preprint servers ...": a part of a structured abstract with its text on its line
INLINE_ABSTRACT_PART = re.compile(
    rf"""^{_PART}(?:{_JOIN}{_PART})*\s*[:.]\s+\S""",  # "Method. A quasi-experimental study ...": a period too
    re.VERBOSE | re.IGNORECASE,
)
# "Methods We used a diagnostic test analytic framework. ...": a part's heading run into its text,
# as a journal's page copies it (a paragraph of running text; "Design Space Exploration" is a title)
RUN_IN_ABSTRACT_PART = re.compile(rf"""^{_PART}(?:{_JOIN}{_PART})*\s+(?-i:[A-Z][a-z])""", re.VERBOSE | re.IGNORECASE)
# "arXiv CS.LG", "cs.CL · cs.AI", "[cs.AI]", "quant-ph physics.atom-ph": arXiv subject classes alone,
# which sites show near a title
CATEGORIES = re.compile(
    r"""^\W*(?:arxiv\s*)?(?:\[?(?:cs|math|stat|physics|q-bio|q-fin|eess|econ|astro-ph|cond-mat|hep-[a-z]{2}|nlin
          |quant-ph|gr-qc|nucl-[a-z]{2}|math-ph)(?:\.[a-z][a-z-]*)?\]?(?:\s*[,;·|]\s*|\s+|$))+$""",
    re.VERBOSE | re.IGNORECASE,
)
# "Skip to main content", "Sign in", "Download PDF", "Subscribe", "Get trending papers ...":
# navigation and buttons
_NAV_ITEM = r"""(?:Skip\s+to\b.*|Sign\s+(?:in|up|out)|Log\s*(?:in|out)|Register|Subscribe.*|Unsubscribe.*
          |(?:View\s*/\s*)?Download(?:\s+(?:PDF|paper|citation))?|View\s+(?:PDF|all\b.*)|PDF|HTML|Share(?:\s+this.*)?|Cite(?:\s+this)?
          |Save(?:\s+to\s+library)?|Search(?:\s+(?:papers|arXiv|this\s+site))?|Menu|Home|Back|Next|Previous
          |Loading(?:\s+\w+)?|Copied!?|Copy\s+link|Bookmark|Follow|Upvote|Get\s+trending\s+papers.*|Newsletter
          |Advertisement|Browse(?:\s+\w+){0,3}|(?:Show|Read|See|Load)\s+(?:more|less|all)\b.*
          |(?:Show|Hide|View)\s+(?:abstract|summary|details)|Read\s+full\s+text|Post\s+(?:a\s+)?comment|See\s+profile|Open\s+Access
          |Follow\s+this\s+and\s+additional\s+works\b.*|Part\s+of\s+the\b.*\bCommons  # a repository's cover page
          |Full\s+text|Export\s+citation|Add\s+to\s+(?:library|list|collection|my\b.*)|Edit|Report
          |Contact(?:\s+us)?|Privacy(?:\s+policy)?|Terms(?:\s+of\s+(?:use|service))?
          |Cookies?(?:\s+(?:policy|settings))?|Accept(?:\s+all)?(?:\s+cookies)?|Timezone:.*
          |Metrics|Figures|Tables|Comments|Reviews|Related|Claim\s+paper|Submit\s+paper|Create\s+alert
          |Advanced\s+search|(?:Alerts?|RSS|Feeds?)(?:\s*/\s*(?:Alerts?|RSS|Feeds?))?
          |Read\s+(?:this\s+)?(?:article|paper)(?:\s+(?:at|on|here))?|Refer\s+to\s+caption|Continue\s+reading
          |Abstract\s+(?:and|&)\s+\w+|(?:Article)?\s*PDF\s+Available|Full[-\s]text\s+available
          |(?:[\w.-]+\s+){0,2}logo)  # "arXiv logo": an image's alternative text
"""
# Whole lines only: one button, or a few glued ("READ FULL TEXT VIEW PDF")
NAVIGATION = re.compile(rf"""^\W*{_NAV_ITEM}(?:\W+{_NAV_ITEM}){{0,2}}\W*$""", re.VERBOSE | re.IGNORECASE)
# "pith. machine review for the scientific record. sign in", "Scientometrics Aims and scope Submit manuscript":
# a site's header with its button glued to the end
NAV_TAIL = re.compile(
    r"""\b(?:sign\s+(?:in|up)|log\s*in|subscribe|submit\s+(?:manuscript|paper)|menu|view\s+project)\W*$""",
    re.VERBOSE | re.IGNORECASE,
)
# "- 1 Citations", "3k Downloads", "30240 papers", "2,387citations", "h-index19", "1/2", "• 1 authors",
# "Total of 3 entries", "Showing 1–50 of 1,234 results", "Showing 1–31 of 31 results for author: Musco, C",
# "Top 0.1%" (a rank)
COUNTER = re.compile(
    r"""^[\W]*(?:[\d.,]+\s*[kKmM]?\+?\s*(?:citations?|downloads?|views?|papers?|upvotes?|likes?|comments?
          |stars?|authors?|reads?|references?|results?|entries|mentions?|followers?|collections?)
          (?:\s+[a-z][\w-]*)?  # "1,766 downloads genomics": the counter, then the subject it is counted in
          |(?:[\d.,]+\s*[kmg]?b?\s+(?:downloads?|views?|size|pages?|reads?|shares?|saves?)\s*){2,}(?:report)?
            # "1 downloads 0 Views 1MB Size Report": counted words only ("3 Models 4 Tasks" is a title)
          |[\w-]*?\s*(?:h-index|score|novelty)\s*[\d.,%]+|\d+\s*/\s*\d+
          |(?:total\s+of|showing(?:\s+\w+)?)\s+[\d,]+(?:\s*[–-]\s*[\d,]+)?(?:\s+of\s+[\d,]+)?(?:\s+\w+){0,3}
          (?:\s+(?:for|in|matching)\b.*)?|top\s+[\d.,]+\s*%)\s*\W*$""",
    re.VERBOSE | re.IGNORECASE,
)
# "5 min readMay 7, 2020", "8 min read": a post's reading time (the date glued on, perhaps)
READ_TIME = re.compile(r"""^\W*\d+\s*min(?:ute)?s?\s+read""", re.VERBOSE | re.IGNORECASE)
# "Original Article", "Guest Editorial", "Letter to the Editor", "Research Papers": a journal's kinds of
# article, as its menus and an article's head show them
ARTICLE_TYPE = re.compile(
    r"""^\W*(?:(?:Original|Research|Review|Brief|Short|Full|Guest|Invited|Regular|Technical|Perspective|Opinion)\s+)?
        (?:Articles?|Papers?|Reports?|Communications?|Editorials?|Letters?(?:\s+to\s+(?:the\s+)?Editor)?
          |Case\s+Reports?|Commentary|Commentaries)\W*$""",
    re.VERBOSE | re.IGNORECASE,
)
# "Kenneth Church Northeastern UniversitySan JoseCA k.church@northeastern.edu Omar Alonso ...":
# names glued to their affiliations and e-mail addresses
EMAIL = re.compile(r"""[\w.+-]+@[\w-]+(?:\.[\w-]+)+""", re.VERBOSE)
# "[email protected]": an address a page hides from robots, as copied
HIDDEN_EMAIL = re.compile(r"""^\W*\[\s*email\s+protected\s*\]\W*$""", re.VERBOSE | re.IGNORECASE)
# "... a leaderboard.", "... results on the…": a line that ends a sentence ("?" does not:
# titles ask questions)
SENTENCE_END = re.compile(r"""[.!…。]["”’)]?$""", re.VERBOSE)
# ". It shows", "? We": sentences following each other inside a line
SENTENCE_BREAK = re.compile(r"""[.!?]\s+[A-Z]""", re.VERBOSE)
# ". It shows" but not "? Critical search ...": a statement ends there, where a title's question does not
STATEMENT_BREAK = re.compile(r"""[.!]\s+[A-Z]""", re.VERBOSE)
# Chinese, Japanese and Korean characters, which run on without spaces between words
CJK = re.compile(r"""[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]""", re.VERBOSE)
CJK_PER_WORD = 2  # characters of CJK text counted as one word
# "1Joint Center for ...", "2Institute ...", "Wordline TSS Labs, Paris" (capitalised words, "Lab(s)", a comma:
# "... in the Lab" is a title), "†Allen Institute for AI", "{isabelc,kylel}@allenai.org",
# "Correspondence to Dr Rob Kok; r.kok07{at}gmail.com", "Debdas Mondal DAV Model School, [email protected]"
AFFILIATION = re.compile(
    r"""^(?:[\d†‡*§]+(?=[A-Z][a-z])|.*\b(?:Universit(?:y|é|ä|at|à|`a|ad|ade|eit)|Institute|Department|Laborator(?:y|ies)
          |College|School\s+of|Centre|Center\s+for|Dipartimento|Departamento|Département|Istituto|Instituto
          |Laboratoire)\b
          |[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+Labs?\s*,  # "Wordline TSS Labs, Paris"
          |.*@[\w-]+\.[A-Za-z]{2,}|.*\{at\}|.*\[\s*email\s+protected\s*\]
          |\W*(?:Correspondence|Corresponding\s+authors?|Equal\s+[Cc]ontribution)\b)""",
    re.VERBOSE,
)
# "a r t i c l e", "i n f o": a heading set in spaced letters, as a PDF's text copies it
SPACED_LETTERS = re.compile(r"""^(?:\w\s+){2,}\w$""", re.VERBOSE)
# "Record: found", "Status: accepted": a field with a one- or two-word value, not a title
FIELD_VALUE = re.compile(r"""^[A-Z][\w-]*(?:\s\w+)?\s*:\s+[a-z][\w-]*(?:\s[a-z][\w-]*)?$""", re.VERBOSE)
# "key: cord-1008529-nypaa9v3", "PMID: 26363352": a label and a one-token value, not a title
TOKEN_FIELD = re.compile(r"""^\S+:\s*\S+$""", re.VERBOSE)
# "If your browser does not render page correctly, please read ...": a notice to the reader, not a title
NOTICE = re.compile(r"""\bplease\b|\byour\s+browser\b|\bclick\s+here\b|\benable\s+javascript\b""",
                    re.VERBOSE | re.IGNORECASE)
MAX_TITLE_SYMBOLS = 0.25  # "NEC Rese??a??r??c??h??I?nstitute ,?!#4": text garbled in copying, never a title
# "Jane Wang, Senior Research Scientist, DeepMind", "Alexia Jolicoeur-Martineau, PhD Researcher, MILA":
# a person, a role and an organisation, never a title
PERSON_ROLE = re.compile(
    r"""^[^,]{3,40},\s*(?:[\w.-]+\s+){0,3}(?:Scientist|Researcher|Professor|Engineer|Student|Candidate|Fellow
          |Director|Lecturer|Postdoc|Scholar|Manager|Founder|Lead|Head|Chair|Editor)s?\b""",
    re.VERBOSE,
)
# "Published in", "Posted on 12 May": where and when a post or paper came out, never its title (nor
# a title that runs on into the next line)
PUBLISHED_LEAD = re.compile(r"""^(?:Published|Posted|Submitted|Accepted|Received|Updated)\s+(?:in|on|to|at)\b""",
                            re.VERBOSE | re.IGNORECASE)
# "jmlr jmlr2011 jmlr2011-84 knowledge-graph by maker-knowledge-mining": a site's path or slugs, in
# small letters with a word run into digits; no title is written so
SLUG_LINE = re.compile(r"""^(?=.*[a-z]\d)[a-z\d\s-]+$""", re.VERBOSE)
# "Corinna Cortes Neil D. Lawrence": two or more people's names side by side (a title page's columns
# of editors), capitalised words only with a middle initial among them; no title reads so
NAMES_SIDE_BY_SIDE = re.compile(
    r"""^(?=(?:\S+\s+){3})(?=.*\s[A-Z]\.\s)(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.))+$""",
    re.VERBOSE)

# "In this paper we build two datasets ...", "This paper proposes AbbIE, ...", "The paper tackles ...",
# "Researchers from Arizona State University investigate whether ...", "Here I demonstrate an exact
# isomorphism ..." (a paper of one author), "This document gives a brief description of ...": how abstracts and their summaries
# speak (a blog's paragraph under a heading does not)
ABSTRACT_VOICE = re.compile(
    r"""\b(?:we|this\s+(?:research\s+)?(?:paper|work|study|article|document)|the\s+(?:paper|authors|study)|here,?\s+i
          |(?:^|(?<=[.!?]\s))(?:the\s+)?researchers(?:\s+(?:from|at)(?:\s+[\w&.'’-]+){1,6}?)?)\s+(?:\w+\s+){0,2}?
          (?:propose|present|introduce|show|develop|study|investigate|build|describe|report|find|demonstrate
          |explore|evaluate|analy[sz]e|release|collect|argue|tackle|address|challenge|examine|revisit|compare
          |give)s?\b
        |\bin\s+this\s+(?:paper|work|study)\b|\b(?:proposes|introduces|presents)\b""",
    re.VERBOSE | re.IGNORECASE,
)
# "Researchers from X investigate ...", "Here I demonstrate ...", "This document describes ...": how a
# digest's summary speaks under a numbered title, but also how news reports, blog posts and manuals
# speak under a headline
LOOSE_VOICE = re.compile(r"""^(?:(?:the\s+)?researchers\b|here,?\s+i\b|this\s+document\b)""", re.VERBOSE | re.IGNORECASE)

PROSE_WORDS = 12  # a sentence-ending line of this many words is prose
CUT_PROSE_WORDS = 20  # a line this long with a sentence inside is prose, even cut off mid-word
LONG_PROSE_WORDS = 35  # a line this long is prose whatever its end
BULLETS = "•-–*"  # not "·": a middle dot alone on a line separates, it does not list
MAX_AFFILIATION_CHARS = 300  # longer lines are not affiliations (and the pattern stays linear)
MIN_TITLE_LIKE_WORDS = 10  # a line this long with no comma or digit names a place in a title, it is no address


def words(line: str) -> int:
    """Words of a line; a run of CJK text counts by its characters ("国际计算机视觉与模式识别会议 ..." is a
    sentence, not a short title)."""
    return len(line.split()) + (len(CJK.findall(line)) // CJK_PER_WORD if not line.isascii() else 0)


def speaks_as_abstract(text: str, loose: bool = True) -> bool:
    """`text` speaks as an abstract or its summary does (ABSTRACT_VOICE); `loose`: "Researchers from X
    investigate ..." and "Here I show ..." count too (only where structure says it is a summary)."""
    return any(loose or not LOOSE_VOICE.match(match.group()) for match in ABSTRACT_VOICE.finditer(text))


def is_chrome(line: str) -> bool:
    """Navigation, buttons, counters, article types, symbol or emoji lines, a PDF's letter-spaced
    headings ("a r t i c l e  i n f o"): never a title."""
    letters = sum(c.isalpha() for c in line)
    return (letters < 3 or bool(NAVIGATION.match(line)) or bool(SPACED_LETTERS.match(line))
            or bool(COUNTER.match(line)) or bool(CATEGORIES.match(line))
            or bool(ARTICLE_TYPE.match(line))
            or bool(NAV_TAIL.search(line)) or bool(READ_TIME.match(line)) or has_symbol(line))


def has_symbol(line: str) -> bool:
    """An emoji or pictograph anywhere, or a symbol before the first letter ("► BibTeX data");
    "$" stays: a title may open with math ("$\\pi_0$: A Vision-Language-Action Flow Model")."""
    if any(unicodedata.category(c) == "So" for c in line):
        return True
    head = line.lstrip(" #*-–•·[](0123456789.)")[:1]
    return bool(head) and unicodedata.category(head) in ("Sm", "Sk")


def is_prose(line: str) -> bool:
    """Running text, not a title: long, or a sentence of some length, or several sentences;
    and it starts as text does ('{"title": ...' is data a page shows, not prose)."""
    if not (line[:1].isalnum() or line[:1] in "\"“‘'("):
        return False
    count = words(line)
    return (count >= LONG_PROSE_WORDS or (count >= PROSE_WORDS and bool(SENTENCE_END.search(line)))
            or (count >= 2 * PROSE_WORDS and len(SENTENCE_BREAK.findall(line)) >= 2)
            or (count >= CUT_PROSE_WORDS and len(SENTENCE_BREAK.findall(line)) >= 1)  # "... interaction. It c"
            or (count >= PROSE_WORDS and bool(STATEMENT_BREAK.search(line)) and sentence_cased(line)))
            # "We gratefully acknowledge support from ... contributors. Donate": a sentence and a button;
            # "What kind of sources do I need? Critical search for information on the Web" is a title


def sentence_cased(line: str) -> bool:
    """Most words in lower case, as running text is (a title in title case has few)."""
    alphabetic = [word for word in line.split() if word[:1].isalpha()]
    return sum(word[:1].islower() for word in alphabetic) * 2 > len(alphabetic)


def symbol_share(line: str) -> float:
    """The share of characters that are neither letters, digits nor spaces."""
    return sum(not (c.isalnum() or c.isspace()) for c in line) / max(len(line), 1)


def is_candidate(line: str) -> bool:
    """Could be a title: 2-35 words, no sentence end, no URL, no separators of navigation
    ("Home | About", "Computer Science > Machine Learning"); a bullet does not count as a
    word: "• Submit" is a menu item."""
    line = line.lstrip(BULLETS + " ")
    count = words(line)
    if count < 2 or count >= LONG_PROSE_WORDS or is_prose(line):
        return False
    if line.endswith((":", ".", ",", ";")) or "http" in line or " | " in line or " · " in line or " > " in line:
        return False
    if FIELD_VALUE.match(line) or TOKEN_FIELD.match(line) or NOTICE.search(line) or (
            symbol_share(line) > MAX_TITLE_SYMBOLS):
        return False
    if ISSUE_LINE.match(line) or ROLE_LABEL.match(line) or line.split()[0] in JOINING_WORDS:
        return False
    if PERSON_ROLE.match(line) and names_line(line.split(",")[0], alone=True):
        return False  # "Jane Wang, Senior Research Scientist, DeepMind"
    if ABSTRACT_PART.match(line):
        return False  # "Design, Setting, and Participants": a heading inside a structured abstract
    if line.count("$") % 2 or line.count("{") != line.count("}"):
        return False  # "Let ${\mathfrak{G}}\subset\mathb": math cut off; a title's math is whole
    if GLUED_MARK.search(line) and names_line(line, alone=True):
        return False  # "Taojiao Wang10": an author with an affiliation mark, wrapped onto a line of its own
    if line.startswith(("…", "...")) or SLUG_LINE.match(line) or PUBLISHED_LEAD.match(line):
        return False  # "…A sensible goal which may be hard to achieve…": a teaser; "jmlr jmlr2011-84 ...": a path
    if NAMES_SIDE_BY_SIDE.match(line):
        return False  # "Corinna Cortes Neil D. Lawrence": a proceedings' editors, two columns of names
    return any(c.isalpha() for c in line[:3]) or line[:1] in "\"“'‘(["


def is_affiliation(line: str) -> bool:
    """An institution, an address with e-mail addresses, or an e-mail address hidden from robots;
    not a long line without a comma or a digit, which is a title that names a place ("A Study on
    ... Patients Attending Psychiatry Outpatient Department in a Tertiary Care Hospital")."""
    titled = words(line) >= MIN_TITLE_LIKE_WORDS and not any(c in line for c in ",;@0123456789")
    return (line.count("@") >= 2 and len(EMAIL.findall(line)) >= 2 or bool(HIDDEN_EMAIL.match(line))
            or len(line) <= MAX_AFFILIATION_CHARS and bool(AFFILIATION.match(line)) and not is_prose(line)
            and not titled)


def titled_with_full_stop(line: str) -> bool:
    """"Generating Local Maps of Science using Deep Bibliographic Coupling." above its authors and
    their affiliations: a paper's head whose title the source ended with a full stop (one sentence,
    no other stop in it)."""
    head = line[:-1]
    return line.endswith(".") and "." not in head[-3:] and not SENTENCE_BREAK.search(head) and is_candidate(head)
