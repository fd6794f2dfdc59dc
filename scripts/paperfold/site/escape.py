"""The one escaping filter for dump text: data, never markup.

Text read from dumps reaches Markdown pages, where `<script>`, `[x](javascript:…)`,
`#`, `*`, `|` or a leading `---` would otherwise become markup. In plain runs every
character Markdown or HTML could read as syntax where it stands becomes a character
reference (`&#35;`, `&amp;`; the characters of `AT_LINE_START`, such as "." and "-",
only where the line starts, as in "1." or "- "). Inline math (`$…$`) becomes the element
the math renderer reads, `<span class="arithmatex">\\(…\\)</span>` (the markup
pymdownx.arithmatex wrote when the site still ran it on every page), its TeX written as
character references too, so Markdown passes it through unread. `yaml_value` writes dump text as one YAML
value, for the curation files a reader may commit.
"""

from __future__ import annotations

import html
import re
from typing import Callable

from paperfold.ingest.links import ARXIV_ID

import yaml

# "$k^{-β_\text{eff}}$": a dollar, no space after it, anything but a dollar,
# no space before the closing dollar. "\$" is an escaped dollar, not math.
INLINE_MATH = re.compile(
    r"""(?<![\\$])\$(?![\s$])   # opening dollar, not escaped, not "$$"
        (?:[^$\\]|\\.)+?         # body: escapes allowed, no bare dollar
        (?<![\s\\])\$(?!\d)      # closing dollar, not followed by a digit ("$5")
    """,
    re.VERBOSE,
)
# Characters that Markdown or the math renderer could read as syntax. They become
# character references rather than backslash escapes: "\(" would be Markdown's escaped
# "(", and the math spans' own "\(" must reach the page as typed.
MARKDOWN_SYNTAX = "\\`*_{}[]()<>#+-.!|&$~:=^"
# Of those, these are syntax only where a line starts (a list item "- " "+ " "1. ", a rule
# or underline "---"), or next to a character escaped anyway ("![", "](", "<!--"; the
# "[" of an arXiv link md_linking_arxiv writes is not, so a "!" before it is). md()
# writes one line, so only its start can stand there (LINE_START). Left as they are in
# the rest of the text, they spare Markdown a character reference each: abstracts are
# full of "." and "-", and Markdown stashed every reference on its own (BENCHMARKS.md).
AT_LINE_START = "().!+-"
# One str.replace per character, about fifteen times faster than str.translate with a
# table of multi-character results (which takes CPython's slow path: a lookup per
# character), and escaping abstracts was most of a paper page's body. Order matters:
# "&" first, as "&amp;" (no "#"), then "#", so no replacement is replaced again.
REPLACEMENTS = (("&", "&amp;"), ("#", "&#35;")) + tuple(
    (char, f"&#{ord(char)};") for char in MARKDOWN_SYNTAX if char not in "&#" + AT_LINE_START
)
# "1. ", "- ", "---", "+1", "(a)": the digits and marks md()'s text starts with
LINE_START = re.compile(r"""^ \d* [().!+\-]+ """, re.VERBOSE)
ARXIV_PREFIX = re.compile(r"arxiv\s*:", re.IGNORECASE)  # "arXiv:2011.06063", not "arxiv.org/abs/…"
MATH_HTML = {"<": r"\lt{}", ">": r"\gt{}", "&": r"\&"}
# What MATH_HTML replaces: "a<b", "x>0", "a & b"; not the "&" of "a \& b", already escaped
# for TeX (escaping it again gives "\\&", a line break KaTeX then rejects).
MATH_SPECIAL = re.compile(r"[<>] | (?<!\\)&", re.VERBOSE)


def _escape_plain(text: str) -> str:
    for char, reference in REPLACEMENTS:
        if char in text:
            text = text.replace(char, reference)
    return text


def _escape_math(math: str) -> str:
    return MATH_SPECIAL.sub(lambda match: MATH_HTML[match.group()], math)


def md(text: object) -> str:
    """Markdown-safe form of `text`, one line, with inline math as the math renderer's spans."""
    if text is None:
        return ""
    return _escape_line_start(_md_run(" ".join(str(text).split())))


def _escape_line_start(escaped: str) -> str:
    """The AT_LINE_START marks the (escaped) text starts with, as character references."""
    return LINE_START.sub(lambda match: "".join(c if c.isdigit() else f"&#{ord(c)};" for c in match.group()), escaped)


def _md_run(text: str) -> str:
    """md() of text whose whitespace is already normalised (its edges are kept)."""
    return _by_math(text, _escape_plain, _math_span)


def _math_span(math: str) -> str:
    """"$a<b$" as the element math.js renders, with the TeX "\\(a\\lt{}b\\)" written as
    character references: Markdown reads none of it, the browser shows the TeX as typed.
    Writing it here rather than running pymdownx.arithmatex on every page saves that
    extension's inline pattern, which Markdown tried at every text node (BENCHMARKS.md)."""
    return f'<span class="arithmatex">{_escape_plain(_delimited(math))}</span>'


def _by_math(text: str, plain: Callable[[str], str], math: Callable[[str], str]) -> str:
    """`text` with `math` applied to each inline math span ("$...$") and `plain` to the rest."""
    parts, last = [], 0
    for match in INLINE_MATH.finditer(text):
        parts += [plain(text[last:match.start()]), math(match.group())]
        last = match.end()
    return "".join(parts) + plain(text[last:])


def md_linking_arxiv(text: object, href_in_site: Callable[[str], str | None]) -> str:
    """`md(text)`, with each "arXiv:ID" it mentions outside math made a link: to the paper's
    page when `href_in_site(id)` gives one, to arxiv.org otherwise. Only mentions with the
    "arXiv:" prefix: an arxiv.org address is a URL, left as text like the others."""
    if text is None:
        return ""
    text = " ".join(str(text).split())
    if "arxiv" not in text.lower():  # most abstracts mention no id
        return _escape_line_start(_md_run(text))
    parts, last = [], 0
    for match in ARXIV_ID.finditer(text):
        if not ARXIV_PREFIX.match(match.group()) or _inside_math(text, match.start()):
            continue
        href = href_in_site(match["id"]) or f"https://arxiv.org/abs/{match['id']}"
        before = _md_run(text[last:match.start()])
        if before.endswith("!"):  # "!" just before the link's "[" would make it an image
            before = before[:-1] + "&#33;"
        parts += [before, f"[{_escape_plain(match.group())}]({href})"]
        last = match.end()
    return _escape_line_start("".join(parts) + _md_run(text[last:]))


def _inside_math(text: str, at: int) -> bool:
    return any(m.start() <= at < m.end() for m in INLINE_MATH.finditer(text))


def html_inline(text: object) -> str:
    """Dump text for a raw HTML line, which Markdown passes through unread: escaped as
    HTML, with inline math in the span md() writes (its TeX only HTML-escaped here), for
    the math renderer (KaTeX rejects a bare `&`). Long listings are written so (the
    Timeline, topic and Unsorted pages): Markdown reading them item by item took seconds
    at 10,000 papers."""
    if text is None:
        return ""
    return _by_math(" ".join(str(text).split()), html.escape, _html_math_span)


def _html_math_span(math: str) -> str:
    """"$a<b$" as `<span class="arithmatex">\\(a\\lt{}b\\)</span>`, as md()'s span reads."""
    return f'<span class="arithmatex">{html.escape(_delimited(math))}</span>'


def _delimited(math: str) -> str:
    """"$a<b$" as the TeX math.js reads: "\\(a\\lt{}b\\)"."""
    return "\\(" + _escape_math(math)[1:-1] + "\\)"


def attr(text: object) -> str:
    """Text for an HTML attribute or for front matter that themes print unescaped."""
    return html.escape(" ".join(str(text or "").split()), quote=True)


def safe_url(url: str) -> str | None:
    """Only http(s) links reach a page; anything else (javascript:, data:) is dropped."""
    url = url.strip()
    return html.escape(url, quote=True) if re.match(r"(?i)^https?://[^\s<>\"']+$", url) else None


# libyaml's safe dumper writes what yaml.safe_dump writes, several times faster, except
# that it escapes NEL and characters beyond U+FFFF ("𝓛" as "\U0001D4DB"): a person
# edits this text, so values holding those go through PyYAML's own dumper.
FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LIBYAML_ESCAPES = re.compile("[\x85\U00010000-\U0010FFFF]")


def yaml_value(value: str | list[str]) -> str:
    """One value as a single YAML line (flow style), safe to uncomment (curation skeletons)."""
    texts = value if isinstance(value, list) else [value]
    dumper = yaml.SafeDumper if any(LIBYAML_ESCAPES.search(t) for t in texts) else FAST_DUMPER
    text = yaml.dump(value, Dumper=dumper, default_flow_style=True, allow_unicode=True, width=10**6)
    return text.removesuffix("\n...\n").strip().replace("\n", " ")
