"""Scholarly pages of any site, line by line: what each line is (general_pieces.py makes
the lines, general_entries.py groups them into entries).

The cues are the ones that recur across sites, never one site's wording:
labels ("Abstract", "Authors:", "TL;DR"), numbered entries ("3. Title", "#3.
Title", "[3] Title"), arXiv ids ("arXiv 2601.03194v1", "(2311.13749)",
arxiv.org links), DOIs, date lines ("Published Nov 23, 2023 in ...",
"Research 01 March 2023 | Open Access"), headings that open a list of other
work ("References", "Related papers", "Cited by") and page chrome (navigation,
buttons, counters, emoji lines), which never becomes a title. Pure functions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from paperfold.ingest.names import (
    GLUED_MARK, Names, family_names, labelled_names, looks_personal, marked_names, names_line,
)
from paperfold.ingest.normalize import resolve_date
from paperfold.ingest.readers.general_contents import by_entry, citation, listed_authors

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
# "Volume 2014, Article ID 372768, 6 pages", "Journal of Applied Mathematics": an issue's or a
# journal's line in a paper page's header, never the paper's title
ISSUE_LINE = re.compile(
    r"""^(?:Vol(?:ume)?\.?\s*\d+\b.*|.*\bArticle\s+(?:ID|No\.?|number)\s*\S+.*|.*,\s*\d+\s+pages?
          |(?:The\s+)?Journal\s+of(?:\s+[A-Z][\w&-]*|\s+(?:and|of|the|&))+)$""",
    re.VERBOSE,
)
# "09:30  Learning Sequences of Controllers Jaeyong Sung, Bart Selman and Ashutosh Saxena": a programme's
# time slot with a paper's title and its authors, glued by a space
TIMED = re.compile(r"""^\s*\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?\s+(?P<rest>\S.*)$""", re.VERBOSE)
JOINERS = {"&", "and", ",", ";"}
# "and unique molecular identifiers (UMIs) (Kebschull ...": a line opening with these in lower case
# carries on a sentence of running text; a title does not start so
JOINING_WORDS = {"and", "or", "but", "of", "the", "to", "in", "with", "for", "by", "as", "at", "from", "that",
                 "which", "than", "into", "on"}
MIN_TIMED_TITLE_WORDS = 4  # "Introduction and overview", "Coffee", "Round table": a programme's own items
# "Academic Editor: Ying Hu", "Session Chair: Ada Lovelace": a person in a role, never a title
ROLE_LABEL = re.compile(
    r"""^(?:[A-Z][\w-]*\s+){0,2}(?:Editors?|Reviewers?|Chairs?|Speakers?|Presenters?|Moderators?|Hosts?
          |Contact|Correspondence)\s*:\s""",
    re.VERBOSE | re.IGNORECASE,
)
# "Biases in Predicting the Human Language ModelAlex B. Fine, ... and Benjamin Van Durme. . . . . 12":
# a proceedings' contents line: the title glued to its authors, dot leaders, a page number
CONTENTS_LINE = re.compile(r"""^(?P<body>.+?)(?:\s*\.){3,}\s*\d*\s*$""", re.VERBOSE)
# "Chris Samarinas, Arkin Dharawat and Hamed Zamani: Revisiting Open Domain Query Facet Extraction ...":
# a programme's authors, a colon, then the title
NAMES_COLON_TITLE = re.compile(r"""^(?P<names>[^:]{8,300}?):\s+(?P<title>\S.{8,300})$""", re.VERBOSE)
MIN_GLUED_AUTHORS = 2  # "TitleName (Institution)*; Name (Institution)": one name alone could be the title's end
GLUED_CASE = re.compile(r"""[a-z)](?=[A-Z][a-z])""", re.VERBOSE)  # "LearningAbdellah"
# "[1]  arXiv:2407.14741 [pdf, other]", "1. arXiv:2407.04686  [pdf, other": a listing's (or a search
# result list's) numbered id line, above its entry's title
LISTED_ID = re.compile(r"""^\s*(?:\[\d+\]|\d+\.)\s+arXiv\s*:""", re.VERBOSE | re.IGNORECASE)
# "10.1145/2893181": a DOI alone on its line
BARE_DOI = re.compile(r"""^\W*(?P<doi>10\.\d{4,9}/[^\s|]+)$""", re.VERBOSE)
# "Doi: | https://doi.org/10.22331/q-2021", "DOI 10.1000/xyz", "Symmetry 2021, 13(10), 1973; https://doi.org/10.3390/sym13101973"
DOI_CUE = re.compile(
    r"""(?:^[\s|]*doi\b\W*.*?|doi\.org/)(?P<doi>10\.\d{4,9}/[^\s|]+)""",
    re.VERBOSE | re.IGNORECASE,
)
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
# "Takeaway: Introduces ...", "Key Contribution: Introduced BERT": text under a label of its own,
# which is not an unlabelled abstract
LEAD_LABEL = re.compile(r"""^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}\s*:\s""", re.VERBOSE)
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

# "The Thørväld Group", "Tsinghua University", "Inria Paris-Rocquencourt": an organisation after a name
ORGANISATION = re.compile(
    r"""\b(?:Group|Consortium|Inc\.?|Ltd\.?|GmbH|Labs?|Laborator\w*|Universit\w*|Institut\w*|College|School
          |Cent(?:er|re)|Department|Inria|Corporation|Company|Foundation|Academy|Hospital)\b""",
    re.VERBOSE,
)
# "Niclas Boehmer (TU Berlin)", "Frans A. Oliehoek (Delft University of Technology)": one person and
# their institution in brackets, a contents list's or a programme's author line
NAME_WITH_INSTITUTION = re.compile(r"""^(?P<name>[^()\d,;:]{3,60}?)\s*\((?P<institution>[^()]{2,120})\)\*?$""", re.VERBOSE)
# "TU Berlin", "IBM Research", "MIT": an institution named by its acronym first
ACRONYM_INSTITUTION = re.compile(r"""^[A-Z]{2,}\b(?:\s+[A-Z][\w-]*){0,3}$""", re.VERBOSE)
# "a r t i c l e", "i n f o": a heading set in spaced letters, as a PDF's text copies it
SPACED_LETTERS = re.compile(r"""^(?:\w\s+){2,}\w$""", re.VERBOSE)
# "Record: found", "Status: accepted": a field with a one- or two-word value, not a title
FIELD_VALUE = re.compile(r"""^[A-Z][\w-]*(?:\s\w+)?\s*:\s+[a-z][\w-]*(?:\s[a-z][\w-]*)?$""", re.VERBOSE)
# "key: cord-1008529-nypaa9v3", "PMID: 26363352": a label and a one-token value, not a title
TOKEN_FIELD = re.compile(r"""^\S+:\s*\S+$""", re.VERBOSE)
# "If your browser does not render page correctly, please read ...": a notice to the reader, not a title
NOTICE = re.compile(r"""\bplease\b|\byour\s+browser\b|\bclick\s+here\b|\benable\s+javascript\b""",
                    re.VERBOSE | re.IGNORECASE)
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
MAX_TITLE_SYMBOLS = 0.25  # "NEC Rese??a??r??c??h??I?nstitute ,?!#4": text garbled in copying, never a title
MIN_BYLINE_TITLE_WORDS = 3
# "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun (2015)": names, then the year in brackets
NAMES_YEAR = re.compile(r"""\s*\((?P<year>(?:19|20)\d\d)\)$""", re.VERBOSE)
# "Sobolev GAN - Youssef Mroueh et al.": a shorter title before the dash names a model (an acronym)
SHORT_TITLE = re.compile(r"""\b[A-Z][A-Z\d]+\b""", re.VERBOSE)
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
# "Dijkstra", "Driscoll", "Van Rossum": family names as a reading list gives them
NAME_WORD_RUN = re.compile(r"""^(?:[A-Z][\w'’-]+\s?){1,3}$""", re.VERBOSE)

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

PROSE_WORDS = 12  # a sentence-ending line of this many words is prose
CUT_PROSE_WORDS = 20  # a line this long with a sentence inside is prose, even cut off mid-word
LONG_PROSE_WORDS = 35  # a line this long is prose whatever its end
SHORT_LINE = 40  # characters: shorter lines do not continue an abstract they follow
TITLE_KINDS = {"numbered", "title", "candidate"}  # lines that may be an entry's title
AUTHORS_FOLLOW = TITLE_KINDS | {"facts", "names", "by", "more_names", "affiliation"}  # what an author line may follow
BULLETS = "•-–*"  # not "·": a middle dot alone on a line separates, it does not list
NUMBERED_NAME_WORDS = 3  # a numbered line this short that reads as a name is an author
MAX_AFFILIATION_CHARS = 300  # longer lines are not affiliations (and the pattern stays linear)
MIN_TITLE_LIKE_WORDS = 10  # a line this long with no comma or digit names a place in a title, it is no address


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
    """A proceedings' contents line: the title and its authors, glued where a lower-case
    letter meets the capital of the first name, before the dot leaders."""
    if not (match := CONTENTS_LINE.match(line)):
        return None
    body = match["body"].strip()
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


def is_affiliation(line: str) -> bool:
    """An institution, an address with e-mail addresses, or an e-mail address hidden from robots;
    not a long line without a comma or a digit, which is a title that names a place ("A Study on
    ... Patients Attending Psychiatry Outpatient Department in a Tertiary Care Hospital")."""
    titled = words(line) >= MIN_TITLE_LIKE_WORDS and not any(c in line for c in ",;@0123456789")
    return (line.count("@") >= 2 and len(EMAIL.findall(line)) >= 2 or bool(HIDDEN_EMAIL.match(line))
            or len(line) <= MAX_AFFILIATION_CHARS and bool(AFFILIATION.match(line)) and not is_prose(line)
            and not titled)


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
    found = names_line(match["name"].strip(), alone=True)
    return found if found and len(found.names) == 1 else None


def titled_with_full_stop(line: str) -> bool:
    """"Generating Local Maps of Science using Deep Bibliographic Coupling." above its authors and
    their affiliations: a paper's head whose title the source ended with a full stop (one sentence,
    no other stop in it)."""
    head = line[:-1]
    return line.endswith(".") and "." not in head[-3:] and not SENTENCE_BREAK.search(head) and is_candidate(head)
