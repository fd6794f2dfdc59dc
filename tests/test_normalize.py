from datetime import date

import pytest
from dateutil import parser as dateparser

from paperfold.ingest.normalize import clean_text, filled_lines, resolve_date
from paperfold.ingest.paragraphs import numbered_lines

APR_13 = date(2026, 4, 13)
NOV_23 = date(2026, 11, 23)


@pytest.mark.parametrize("text, reference, expected", [
    ("Feb 27", APR_13, "2026-02-27"),          # this year: Hugging Face omits the year
    ("Dec 10", APR_13, "2025-12-10"),          # a year-less date after the reference is last year's
    ("Apr 13", APR_13, "2026-04-13"),          # the reference day itself
    ("May 30, 2022", APR_13, "2022-05-30"),
    ("Sep 29, 2024", NOV_23, "2024-09-29"),
    ("24d ago", NOV_23, "2026-10-30"),
    ("1mo ago", NOV_23, "2026-10"),            # a month ago is only month-precise
    ("2y ago", NOV_23, "2024"),
    ("3w ago", NOV_23, "2026-11-02"),
    ("2024", NOV_23, "2024"),
    ("Mar 2025", NOV_23, "2025-03"),
    ("2025-02-27", NOV_23, "2025-02-27"),
    ("Feb 29", date(2026, 3, 1), None),        # no Feb 29 this year or last: not a year-less date
    ("not a date", NOV_23, None),
    ("", NOV_23, None),
    ("Related events (8)", NOV_23, None),
])
def test_resolve_date(text, reference, expected):
    assert resolve_date(text, reference) == expected


def test_clean_text_joins_hard_wrapped_lines():
    assert clean_text("a  hard-wrapped\n abstract\tline ") == "a hard-wrapped abstract line"


def test_clean_text_returns_clean_text_as_it_is_and_cleans_the_rest():
    """Text already clean is returned without being split; every character of the BMP,
    alone and between words, gives what NFC and collapsing whitespace give."""
    import unicodedata

    def reference(text):
        return " ".join(unicodedata.normalize("NFC", text).split())

    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        for text in (chr(code), f"e{chr(code)} b", f"a {chr(code)}"):
            assert clean_text(text) == reference(text), hex(code)
    assert clean_text("e\u0301 caf\u00e9") == "\u00e9 caf\u00e9"  # composed (NFC)
    assert clean_text("two  spaces") == "two spaces" and clean_text(" edge ") == "edge"


@pytest.mark.parametrize("text", [
    "Aug 11, 2025", "August 11, 2025", "sept 3, 1999", "FEB 29, 2024", "13 Apr 2026", "1 Sep 2000",
    "Feb 29, 2025",   # not a day: both say None
    "Feb 30, 2024", "Augu 11, 2025", "Aug 0, 2025", "Aug 11,2025", "Aug. 11, 2025", "13 Apr. 2026",
])
def test_common_absolute_dates_read_as_dateutil_reads_them(text):
    try:
        expected = dateparser.parse(text, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError):
        expected = None
    assert resolve_date(text, NOV_23) == expected


def test_filled_lines_are_the_non_blank_numbered_lines():
    text = "\ufeffDaily Papers\r\n \n\tTitle \u00a0\n\ufeff\n  • 3 authors\n\r\n·\nFeb 27 3"
    assert filled_lines(text) == [line.text for line in numbered_lines(text) if line.text]
    assert filled_lines(text)[0] == "Daily Papers"
