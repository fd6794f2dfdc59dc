"""Front matter is written by PyYAML's safe dumper (libyaml's when installed): every shape
a front matter holds reads back as it was, whatever text a dump put in it."""

import pytest
import yaml

from paperfold.site.render import front_matter, yaml_fields


TEXTS = [
    "plain words", "", " leading space", "trailing space ", "yes", "null", "3.14", "0x1F", "2025-02-27",
    "~", "- dash", "key: value", "# hash", "a #hash", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick",
    "'single'", '"double"', "[flow]", "{map}", "line\nbreak", "ends with newline\n", "tab\there",
    "ünïcödé — “quotes”", "emoji 😀 and 𝓛", "nel\x85char", "ctrl\x07bell", "---", "...", "<script>alert(1)</script>",
    "$\\mathcal{O}(n^2)$ & 50%", "x" * 300, "word " * 40,
]
SHAPES = [
    {"title": t, "tags": [t, "b"], "related": [["papers/a/", t, "reason"]]} for t in TEXTS
] + [
    {},
    {"empty_list": [], "empty_map": {}, "nested": {"a": {"b": [1, 2, {"c": None}]}}},
    {"int": 3, "float": 0.25, "bool": True, "none": None, "tuple": ("a", "b")},
    {"mixed": ["a", 1, None, ["x", {"y": "z"}]]},
    {3: "int key", "key": {"inner": ["a"]}},
]


@pytest.mark.parametrize("data", SHAPES, ids=range(len(SHAPES)))
def test_every_shape_reads_back_as_it_was(data):
    text = front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n\n")
    expected = {key: list(value) if isinstance(value, tuple) else value for key, value in data.items()}
    assert (yaml.safe_load(text.removeprefix("---\n").removesuffix("---\n\n")) or {}) == expected


def test_front_matter_reads_back_and_repeats_values_without_anchors():
    shared = ["papers/x/", "A title", "a reason"]
    data = {"title": "T: with colon", "related": [shared, shared]}
    text = front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n\n")
    assert "&id" not in text and "*id" not in text
    assert yaml.safe_load(text.removeprefix("---\n").removesuffix("---\n\n")) == data
    assert yaml_fields({"a": 1}) + yaml_fields({"b": [2]}) == yaml_fields({"a": 1, "b": [2]})
