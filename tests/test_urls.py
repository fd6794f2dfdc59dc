"""The site's URL scheme: links between generated pages, as the templates write them."""

import pytest

from paperfold.site.urls import relative

CASES = [
    # target, page it is linked from, link
    ("papers/x.md", "topics/t.md", "../papers/x.md"),  # topic page -> paper source
    ("topics/p.md", "topics/t.md", "p.md"),  # a subtopic beside it
    ("feeds/t.xml", "topics/t.md", "../feeds/t.xml"),
    ("papers/x/", "map/", "../papers/x/"),  # served addresses keep their slash
    ("papers/new/", "papers/old/", "../new/"),  # a redirect page
    ("papers/x.md", "index.md", "papers/x.md"),  # from the site's root
]


@pytest.mark.parametrize("target, page, link", CASES)
def test_relative_link(target, page, link):
    assert relative(target, page) == link
