"""Prefilled GitHub links: the hand-rolled percent-encoding must write exactly what urllib does."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest

from paperfold.editlinks import percent_encoded, query_string

TEXTS = [
    "plain-words_and.dots~",
    "spaces and / slashes & ampersands = equals + plus ? question # hash % percent",
    "# title: 'Grokking' at the \"edge\"\n# authors: [A, B]\r\n\ttab",
    "Ünïcödé — em dash, ∑ math, 中文, 😀 emoji, \u2028 line separator, \x00 nul, \x7f del",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_percent_encoding_matches_urllib_quote_with_nothing_safe(text):
    assert percent_encoded(text) == quote(text, safe="")


def test_query_string_matches_urlencode_with_quote():
    fields = {"filename": "curation/papers/x-1a2b3c.yml", "value": TEXTS[2] + TEXTS[3], "a b": "c&d"}
    assert query_string(fields) == urlencode(fields, quote_via=quote)
