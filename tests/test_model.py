"""model.changed: what dataclasses.replace gives, for the records the stages pass on."""

import dataclasses

import pytest

from paperfold.model import Origin, Paper, RawRecord, Related, changed


def paper() -> Paper:
    source = RawRecord(Origin("seeds/a.txt", 3), "labelled", title="Grokking", lines={"title": 3})
    return Paper(id="grokking-abc123", title="Grokking", label="Grokking", abstract="We study grokking.",
                 abstract_is_summary=False, authors=("A. Author",), author_count=1, organisation=None,
                 date="2025-02-27", date_text="Feb 27", upvotes=3, arxiv_id="2502.00001", doi=None, venue=None,
                 category="cs.LG", links=(), sources=(source,), tags=("training",))


def test_changed_equals_replace_and_leaves_the_original_alone():
    original = paper()
    related = (Related("other-def456", 0.5, "shared terms: grokking"),)
    copy = changed(original, related=related, tags=("theory",))
    assert copy == dataclasses.replace(original, related=related, tags=("theory",))
    assert type(copy) is Paper and hash(copy) == hash(dataclasses.replace(original, related=related, tags=("theory",)))
    assert (original.related, original.tags) == ((), ("training",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        copy.tags = ()


def test_an_unknown_field_is_an_error_as_with_replace():
    with pytest.raises(TypeError, match="Paper has no field relatd"):
        changed(paper(), relatd=())
