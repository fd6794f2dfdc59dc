"""Tables of [input, expected] for the shared link helpers."""

import pytest

from paperfold.ingest.links import find_arxiv_id, find_links, is_code_link

FIND_LINKS = [
    ["no links here", ()],
    ["", ()],
    ["Code: https://github.com/org/repo.", ("https://github.com/org/repo",)],
    ["(see https://github.com/org/repo)", ("https://github.com/org/repo",)],
    ["at https://x.org/a, and http://y.org/b; done", ("https://x.org/a", "http://y.org/b")],
    ["wiki https://en.wikipedia.org/wiki/Foo_(bar).", ("https://en.wikipedia.org/wiki/Foo_(bar)",)],
    ["question https://x.org/q?a=1&b=2!", ("https://x.org/q?a=1&b=2",)],
    ["twice https://x.org/a and https://x.org/a.", ("https://x.org/a",)],
    ["page https://x.org/a#section-2:", ("https://x.org/a#section-2",)],
    ["quoted \"https://x.org/a\"", ("https://x.org/a",)],
    ["HTTPS://Example.org/Path", ("HTTPS://Example.org/Path",)],
    ["not a url: https:// or ftp://x.org", ()],
    ["bracket [https://x.org/a]", ("https://x.org/a",)],
]

FIND_ARXIV_ID = [
    ["arXiv:2604.12345v2", "2604.12345"],
    ["arXiv:2604.12345", "2604.12345"],
    ["arXiv: 1706.03762", "1706.03762"],
    ["https://arxiv.org/abs/2604.12345", "2604.12345"],
    ["https://arxiv.org/abs/2604.12345v3", "2604.12345"],
    ["https://arxiv.org/pdf/2604.12345v1.pdf", "2604.12345"],
    ["https://arxiv.org/pdf/2604.1234", "2604.1234"],
    ["arXiv:hep-th/9901001", "hep-th/9901001"],
    ["http://arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001"],
    ["arxiv.org/abs/math.GT/0309136", "math.GT/0309136"],
    ["(arXiv:2011.06063) as a generalization", "2011.06063"],
    ["version 2604.12345 without a prefix", None],
    ["arXiv:2604.123456", None],
    ["no id", None],
    ["", None],
]

IS_CODE_LINK = [
    ["https://github.com/org/repo", True],
    ["https://www.github.com/org/repo", True],
    ["https://org.github.io/project", True],
    ["https://gitlab.com/org/repo", True],
    ["https://gitlab.inria.fr/team/repo", True],
    ["https://bitbucket.org/org/repo", True],
    ["https://codeberg.org/org/repo", True],
    ["https://huggingface.co/spaces/org/demo", True],
    ["https://huggingface.co/org/model", False],
    ["https://huggingface.co/papers/2604.12345", False],
    ["https://arxiv.org/abs/2604.12345", False],
    ["https://notgithub.com/org/repo", False],
    ["https://example.org/github.com", False],
]


@pytest.mark.parametrize("text, expected", FIND_LINKS)
def test_find_links(text, expected):
    assert find_links(text) == expected


@pytest.mark.parametrize("text, expected", FIND_ARXIV_ID)
def test_find_arxiv_id(text, expected):
    assert find_arxiv_id(text) == expected


@pytest.mark.parametrize("url, expected", IS_CODE_LINK)
def test_is_code_link(url, expected):
    assert is_code_link(url) is expected
