"""Prefilled GitHub links: the hand-rolled percent-encoding must write exactly what urllib does."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest
import yaml

from paperfold.site.editlinks import percent_encoded, query_string
from paperfold.site.escape import yaml_value

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


@pytest.mark.parametrize("value", ["Scaling 𝓛 losses 😀", "plain title: with a colon", "next\x85line", ["Ann 𝔼", "B. O'Neil"]])
def test_skeleton_values_are_written_as_yaml_safe_dump_writes_them(value):
    """libyaml escapes characters beyond U+FFFF; a person edits the skeleton, so it must not."""
    expected = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    assert yaml_value(value) == expected.removesuffix("\n...\n").strip().replace("\n", " ")


@pytest.mark.parametrize("value", ["Scaling 𝓛 losses 😀", "plain title: with a colon", ["Ann 𝔼", "B. O'Neil"]])
def test_skeleton_values_read_back_as_written(value):
    assert yaml.safe_load(f"key: {yaml_value(value)}")["key"] == value
