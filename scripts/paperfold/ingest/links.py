"""Links and identifiers found in free text: URLs, code links, arXiv ids.

Shared by the readers. Pure functions over strings; nothing here does I/O.

    find_links(text) -> tuple[str, ...]   # http(s) URLs, trailing punctuation removed
    is_code_link(url) -> bool             # GitHub, GitLab, Bitbucket, HF Spaces, Codeberg ...
    find_arxiv_id(text) -> str | None     # "2604.12345" or "hep-th/9901001", version stripped
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# "code at https://github.com/org/repo)." -> "https://github.com/org/repo)." (trimmed later)
URL = re.compile(
    r"""https?://          # scheme
        [^\s<>"'`]+        # anything up to whitespace, quotes or angle brackets
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Sentence punctuation that ends a URL in prose: "see https://x.org/a)." -> ".", ")"
TRAILING_PUNCTUATION = ".,;:!?)]}*_'\""
CLOSERS = {")": "(", "]": "[", "}": "{"}

# "github.com", "www.gitlab.com", "gitlab.inria.fr", "codeberg.org", "sr.ht"
CODE_HOST = re.compile(
    r"""^(?:[\w-]+\.)*                   # optional subdomains: "www.", "gitlab.inria."
        (?:github\.com|github\.io|gitlab\.[\w.]+|bitbucket\.org|codeberg\.org
          |sr\.ht|git\.sr\.ht|sourceforge\.net|gitee\.com)$
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "huggingface.co/spaces/org/demo" (a Space is runnable code; a model card is not)
HF_SPACE = re.compile(r"^(?:www\.)?huggingface\.co$", re.IGNORECASE)

# "arXiv:2604.12345v2", "arxiv.org/abs/2604.12345", "arxiv.org/pdf/2604.12345v1.pdf",
# "arXiv:hep-th/9901001", "arxiv.org/abs/math.GT/0309136v2"
ARXIV_ID = re.compile(
    r"""(?:arxiv\s*:\s*|arxiv\.org/(?:abs|pdf)/)   # a prefix that makes it certainly arXiv
        (?P<id>
            \d{4}\.\d{4,5}                          # new style: 2604.12345
          | [a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7}       # old style: hep-th/9901001, math.GT/0309136
        )
        (?:v\d+)?                                   # version suffix, dropped
        (?![\d])
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _trim(url: str) -> str:
    """Drop trailing sentence punctuation, keeping a ")" that closes a "(" in the URL."""
    while url and url[-1] in TRAILING_PUNCTUATION:
        last = url[-1]
        if last in CLOSERS and url.count(CLOSERS[last]) >= url.count(last):
            break
        url = url[:-1]
    return url


def find_links(text: str | None) -> tuple[str, ...]:
    """The http(s) URLs in `text`, in order, without duplicates or trailing punctuation.

    >>> find_links("Code: https://github.com/a/b). See https://x.org/p_(q).")
    ('https://github.com/a/b', 'https://x.org/p_(q)')
    """
    if not text or "://" not in text:  # every URL has one; most abstracts have none
        return ()
    found = (_trim(match.group(0)) for match in URL.finditer(text))
    return tuple(dict.fromkeys(url for url in found if urlsplit(url).netloc))


def is_code_link(url: str) -> bool:
    """True for links to source code: a repository host or a Hugging Face Space."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if CODE_HOST.match(host):
        return True
    return bool(HF_SPACE.match(host)) and parts.path.startswith("/spaces/")


def find_arxiv_id(text: str | None) -> str | None:
    """The first arXiv id in `text` that a prefix marks as one, without its version."""
    match = ARXIV_ID.search(text or "")
    return match["id"] if match else None
