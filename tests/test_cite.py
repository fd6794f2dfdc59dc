"""BibTeX keys and entries (site/cite.py)."""

from __future__ import annotations

import bibtexparser
import pytest
from slugify import slugify

from paperfold.model import Paper
from paperfold.site.cite import cite_key, entry_text


def paper(label: str, authors: tuple[str, ...] = ("Ada Lovelace",), date: str | None = "2024-05-01") -> Paper:
    return Paper(id="x-abc123", title=label, label=label, abstract=None, abstract_is_summary=False,
                 authors=authors, author_count=len(authors), organisation=None, date=date, date_text=None,
                 upvotes=None, arxiv_id=None, doi=None, venue=None, category=None, links=(), sources=())


# The key's last part is the first word of the slugified label, whatever the label opens with.
LABELS = [
    "Scaling laws for neural language models",
    "— A dash before the first word",
    "'Quoted' opening word",
    "C++ templates considered",
    "1,000 layers deep",
    "Ærø and ﬁne-grained Unicode",
    "北京 model",
    "&amp; an entity first",
    "Don't stop",
    "x\u00a0y across a no-break space",
    "$\\alpha$-VAE revisited",
    "«» — ",
    "İstanbul",
]


@pytest.mark.parametrize("label", LABELS)
def test_key_ends_with_the_first_word_of_the_slugified_label(label):
    whole = next(iter(slugify(label, separator=" ").split()), "paper")
    assert cite_key(paper(label)) == "lovelace2024" + whole


def test_key_without_authors_or_date():
    assert cite_key(paper("On things", authors=(), date=None)) == "anonndon"


def test_entry_is_written_under_the_key_given():
    text = entry_text(paper("Scaling laws"), None, "lovelace2024scalinga")
    (entry,) = bibtexparser.parse_string(text).entries
    assert entry.key == "lovelace2024scalinga"
    assert entry["title"] == "{Scaling laws}"
