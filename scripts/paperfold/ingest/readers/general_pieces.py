"""Scholarly pages of any site: the page's lines as the general reader takes them
(general_lines.py then says what each one is).

    21 | 22 | - **Title**: Efficient Estimation 23 | - **Authors**: ...   <- a flattened file view
    author : A, B link : https://... abstract : fake news ...            <- fields glued on a line
    ... Re-Identification报告人:张权摘要:Group re-identification ...      <- a Chinese page's labels
    1 Title Jöran Beel Otto-von-Guericke University ... Abstract ...      <- a PDF's first page
    [Uncaptioned image] Title, ๐Ÿ“ Abstract, **Title**                  <- stand-ins, icons, marks

Each is cut back into the lines it holds, or cleaned of what is not text; every piece keeps
its line number, for messages. Pure functions.
"""

from __future__ import annotations

import re

from paperfold.ingest.names import names_line
from paperfold.ingest.paragraphs import Line
from paperfold.ingest.readers.general_checks import is_candidate, is_chrome, words
from paperfold.ingest.readers.general_contents import joined_entries
from paperfold.ingest.readers.general_flat import flat_head
from paperfold.ingest.readers.general_layout import next_text
from paperfold.ingest.readers.general_recognise import LEAD_LABEL, dated_line, name_with_institution

# "[Uncaptioned image]    In-depth Research ...", "![logo](x.png) Title": an image's stand-in before the text
IMAGE_PLACEHOLDER = re.compile(
    r"""^(?:\[[^\]]{0,40}\b(?:image|figure|logo|icon)\b[^\]]{0,40}\]|!\[[^\]]*\]\([^)]*\))\s*""",
    re.VERBOSE | re.IGNORECASE,
)
# "📅 2026-01-21", "๐Ÿ“ Abstract", "ðŸ¤– AI Summary": an icon (an emoji, or one garbled by a wrong
# decoding) of up to four characters before a label or a date; never a list's bullet ("• Name") or CJK words
LEADING_ICON = re.compile(
    r"""^(?![•·–—])[^\x00-\x7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{1,4}\s+(?=[A-Z0-9])""", re.VERBOSE)
# "■ Deep Learning for Text Style Transfer, by Di Jin", "▪ Title": a square bullet, read as the list's "•"
SQUARE_BULLET = re.compile(r"""^[■▪◼◾□◆◇]\s+(?=\w)""", re.VERBOSE)
# "SubscribeThe Russian Legislative Corpus", "Sign inDeep Learning ...": a button's words glued to the title
# after them where the copy lost the line break: the whole button, then a capitalised whole word that opens
# the title ("SubscribeLaTeX" has none). Buttons of two words, or "Subscribe" (seen glued so); never a
# one-word button that heads names written as one word ("SharePoint Online ...", "MenuBar", "DownloadManager",
# "LoginRadius"), which a cut would behead. Alone on their lines, all of them are chrome (general_checks)
GLUED_BUTTON = re.compile(
    r"""^(?:Subscribe|Sign\s+(?:in|up)|Log\s+in|Download\s+PDF)(?=[A-Z][a-z]+\b)""",
    re.VERBOSE)
# "10:30–10:55Unsupervised Semantic Parsing", "9:15 – 9:45 Findings of ...": a programme's time slot
# before a talk's title (its authors on the next line); the copy may glue the two
TIME_SLOT = re.compile(r"""^\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}\s*(?P<rest>[A-Z`'‘“"].*)$""", re.VERBOSE)
MIN_SLOT_TITLE_WORDS = 3  # "Coffee Break", "Invited Talk", "Opening remarks": the programme's own items
# "Identifying the Development ... in Scientific Text (2002.07143v2)": a title with its arXiv id in
# brackets after it, as paper pages head themselves; cut into the title and the id
TITLE_THEN_ID = re.compile(r"""^(?P<title>\S.*?)\s+(?P<id>[(\[]\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}(?:v\d+)?[)\]])$""", re.VERBOSE)
MIN_ID_TITLE_WORDS = 3
# "### 1. **Word Embeddings: Word2Vec**", "- __Title__: ...", "# Title": Markdown marks in a pasted README
EMPHASIS = re.compile(r"""\*\*|(?<!\w)__|__(?!\w)|^\#{1,6}\s+""", re.VERBOSE)
# "... 22 | - **Title**: Efficient Estimation ... 23 | - **Authors**: ...": a line-numbered file view
# flattened onto one line; each "N |" starts a line of the file
GUTTER = re.compile(r"""(?:^|\s)\d{1,5}\s\|(?=\s|$)""", re.VERBOSE)
MIN_GUTTER_MARKS = 3
_FIELDS = ("Title", "Authors?", r"Author\(s\)", "Abstract", "Link", "URL", "Code", "Comments?", "Subjects?",
           "Keywords?", "Published", "Submitted", "Date", "Year", "Affiliations?", "Organi[sz]ations?", "Summary",
           "TL;?DR", "DOI", "Venue")
_FIELD = "|".join(_FIELDS)
# "author :A, B organization : ... link :https://arxiv.org/abs/... abstract : fake news ...": labelled
# fields glued on one line; "Title:" capitalised, or any case with a space before the colon ("title :")
GLUED_FIELD = re.compile(
    rf"""(?<=\s)(?=[-•*]?\s*(?:(?:{_FIELD})\s*:|(?i:{_FIELD})\s+:))""",
    re.VERBOSE,
)
# "key: cord-... authors: Elmunzer, B. J.; ... title: Digestive ... date: 2020-07-09": a record's
# fields in lower case, glued
LOWER_FIELD = re.compile(rf"""(?:^|(?<=\s))(?i:{_FIELD}):\s""", re.VERBOSE)
MIN_LOWER_FIELDS = 3
# "indonesia uses ... title : indonesia ...": a field label written with a space before its colon
SPACED_FIELD = re.compile(rf"""\s(?i:{_FIELD})\s+:""", re.VERBOSE)
# " Title:", "• authors :": what any cut between glued fields needs (a field label after a space);
# one scan for it spares most lines the three scans above
FIELD_AFTER_SPACE = re.compile(rf"""\s[-•*]?\s*(?i:{_FIELD})\s*:""", re.VERBOSE)
# "Re-Identification报告人:张权摘要:Group re-identification ...": labels of a Chinese page (speaker,
# abstract, authors, title, keywords) glued to the text before them
CJK_FIELD = re.compile(r"""(?<=\S)(?=(?:摘要|作者|标题|题目|报告人|讲者|关键词)\s*[:：])""", re.VERBOSE)


def tidy(text: str) -> str:
    """A line without an image's stand-in or an icon before it ("๐Ÿ“ Abstract": an emoji the copy
    garbled) or Markdown emphasis inside it."""
    text = GLUED_BUTTON.sub("", SQUARE_BULLET.sub("• ", IMAGE_PLACEHOLDER.sub("", text)))
    text = LEADING_ICON.sub("", text) if not text[:1].isascii() else text
    # EMPHASIS needs "**", "__" or a leading "#": a line without them (most) skips its scan
    return (EMPHASIS.sub("", text) if "**" in text or "__" in text or "#" in text else text).strip()


def slot_titles(lines: list[Line]) -> list[Line]:
    """A programme's time slots before talks' titles, each title's authors on the line under it
    ("10:30–10:55Unsupervised Semantic Parsing" / "Hoifung Poon and Pedro Domingos"): the title
    without its time, as a piece cut from the line (no title above runs on into it). A slot with
    its authors on the same line (general_recognise.timed_entry), a labelled one ("Invited talk: ...")
    or a short one ("Coffee Break") keeps its time."""
    out = list(lines)
    for position, line in enumerate(out):
        if not line.text[:1].isdigit() or not (match := TIME_SLOT.match(line.text)):
            continue
        rest = match["rest"]
        if LEAD_LABEL.match(rest) or words(rest) < MIN_SLOT_TITLE_WORDS or is_chrome(rest) or not is_candidate(rest):
            continue
        if names_line(below := next_text(out, position)) or name_with_institution(below):
            out[position] = Line(line.index, rest, glued=True)
    return out


def title_and_id(text: str) -> list[str] | None:
    """A title with its id in brackets after it, as two pieces; not a date or labelled line that
    ends in the id ("Published 24 Feb 2026 in cs.AI | (2602.21201v1)")."""
    if not text.endswith((")", "]")) or not (match := TITLE_THEN_ID.match(text)):
        return None
    title = match["title"]
    if words(title) < MIN_ID_TITLE_WORDS or LEAD_LABEL.match(title) or dated_line(title) or not is_candidate(title):
        return None
    return [title, match["id"]]


def field_segments(text: str) -> list[str]:
    """A line that glues labelled fields together, cut into one piece per field: two or
    more labels, or a label spaced as no title is ("... Network title : indonesia ..."),
    or three or more in lower case ("authors: ... title: ... date: ..."), or a Chinese
    page's labels, which need no space ("... Re-Identification报告人:张权摘要:Group ...")."""
    if not text.isascii() and CJK_FIELD.search(text):
        return [piece.strip() for piece in CJK_FIELD.split(text) if piece.strip()]
    if not FIELD_AFTER_SPACE.search(text):  # no label after a space: nothing to cut at
        return [text]
    cuts = [match.start() for match in GLUED_FIELD.finditer(text) if match.start() > 0]
    if len(lower := [match.start() for match in LOWER_FIELD.finditer(text)]) >= MIN_LOWER_FIELDS:
        cuts = sorted(set(cuts) | {cut for cut in lower if cut > 0})
    if not cuts or (len(cuts) + bool(GLUED_FIELD.match(text)) < 2 and not SPACED_FIELD.search(text)):
        return [text]
    return [piece.strip() for piece in (text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])) if piece.strip()]


def gutter_pieces(text: str) -> list[str]:
    """A flattened line-numbered view cut back into its lines (blank ones included)."""
    if text.count("|") < MIN_GUTTER_MARKS:  # each mark has its "|": most lines skip the scan
        return [text]
    marks = list(GUTTER.finditer(text))
    if len(marks) < MIN_GUTTER_MARKS:
        return [text]
    bounds = [0] + [point for mark in marks for point in (mark.start(), mark.end())] + [len(text)]
    return [text[bounds[i]:bounds[i + 1]].strip() for i in range(0, len(bounds), 2)]


def logical_lines(lines: list[Line]) -> list[Line]:
    """The page's lines as the reader takes them: tidied, flattened views, a PDF's first page
    run onto one line and glued fields cut apart (every piece keeps its line number, for messages)."""
    out = []
    for line in joined_entries(lines):
        for piece in gutter_pieces(line.text) if line.text else [""]:
            segments = (flat_page(text := tidy(piece)) or title_and_id(text) or field_segments(text)) if piece else [""]
            out += [Line(line.index, segment, glued=n > 0) for n, segment in enumerate(segments)]
    return slot_titles(out)


def flat_page(text: str) -> list[str] | None:
    """A PDF's first page flattened onto one line, cut into its lines (general_flat.py) when what
    it takes for the title reads as one."""
    pieces = flat_head(text)
    return pieces if pieces and is_candidate(pieces[0]) else None
