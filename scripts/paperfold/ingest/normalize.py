"""Text and date normalisation shared by the readers and the merge stage.

Dates on listing pages come in three shapes: absolute ("May 30, 2022"),
year-less ("Feb 27": Hugging Face omits the current year) and relative
("24d ago" on Almanac). The last two only mean something against the day the
page was captured, so every resolver takes that reference date.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, timedelta

from dateutil import parser as dateparser
from dateutil.parser import parserinfo
from dateutil.relativedelta import relativedelta

# "24d ago", "18h ago", "1mo ago", "3 weeks ago", "2y ago"
RELATIVE_DATE = re.compile(
    r"""^\s*(?P<n>\d+)\s*
        (?P<unit>s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|
                 w|wk|wks|weeks?|mo|mos|months?|y|yr|yrs|years?)
        \s+ago\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# "Feb 27", "February 27", "27 Feb": month and day, no year
YEARLESS_DATE = re.compile(
    r"""^\s*(?:(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})
           |(?P<day2>\d{1,2})\s+(?P<mon2>[A-Za-z]{3,9})\.?)\s*$""",
    re.VERBOSE,
)
# A four-digit year anywhere in the text: "May 30, 2022", "2022-05-30"
HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
MONTH_ONLY = re.compile(r"^\s*(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<year>(?:19|20)\d\d)\s*$")
YEAR_ONLY = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)\s*$")
# "Aug 11, 2025" (Hugging Face), "13 Apr 2026" (arXiv): the common absolute shapes,
# read directly because dateutil is slow; any other shape still goes to dateutil.
DAY_MONTH_YEAR = re.compile(
    r"""^(?:(?P<mon>[A-Za-z]{3,9})\ (?P<day>\d{1,2}),\ (?P<year>(?:19|20)\d\d)     # "Aug 11, 2025"
         |(?P<day2>\d{1,2})\ (?P<mon2>[A-Za-z]{3,9})\ (?P<year2>(?:19|20)\d\d))$  # "13 Apr 2026"
    """,
    re.VERBOSE,
)
# The ASCII characters but " " that str.split() splits on
ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
# "aug" -> 8, "august" -> 8, "sept" -> 9: exactly the month names dateutil knows
MONTH_NAMES = {name.lower(): number for number, names in enumerate(parserinfo.MONTHS, 1) for name in names}

_UNIT_STEPS = {  # unit prefix -> (relativedelta keyword, precision of the result)
    "s": ("seconds", "day"),
    "mi": ("minutes", "day"),
    "m": ("minutes", "day"),
    "h": ("hours", "day"),
    "d": ("days", "day"),
    "w": ("weeks", "day"),
    "mo": ("months", "month"),
    "y": ("years", "year"),
}


def _unit_step(unit: str) -> tuple[str, str]:
    unit = unit.lower()
    if unit.startswith("mo"):
        return _UNIT_STEPS["mo"]
    if unit.startswith("mi") or unit == "m":
        return _UNIT_STEPS["m"]
    return _UNIT_STEPS[unit[0]]


def _format(day: date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _month_number(name: str) -> int | None:
    try:
        return datetime.strptime(name[:3].title(), "%b").month
    except ValueError:
        return None


def _resolve_yearless(month: int, day: int, reference: date) -> date | None:
    """The latest date with this month and day that is not after the reference."""
    for year in (reference.year, reference.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # Feb 29 in a non-leap year
            continue
        if candidate <= reference:
            return candidate
    return None


@functools.lru_cache(maxsize=1 << 13)  # listings repeat their dates: "Apr 13", "3d ago"
def resolve_date(text: str | None, reference: date) -> str | None:
    """ISO date for `text`, as precise as the text allows, or None if it is not a date.

    >>> resolve_date("Feb 27", date(2026, 4, 13))
    '2026-02-27'
    >>> resolve_date("1mo ago", date(2026, 11, 23))
    '2026-10'
    """
    if not text or not text.strip():
        return None
    text = text.strip()
    if match := RELATIVE_DATE.match(text):
        keyword, precision = _unit_step(match["unit"])
        moment = datetime.combine(reference, datetime.min.time())
        try:
            return _format((moment - relativedelta(**{keyword: int(match["n"])})).date(), precision)
        except (ValueError, OverflowError):  # "3000y ago", "99999999d ago": before year 1
            return None
    if text.lower() in ("today", "just now"):
        return reference.isoformat()
    if text.lower() == "yesterday":
        return (reference - timedelta(days=1)).isoformat()
    if match := YEARLESS_DATE.match(text):
        month = _month_number(match["mon"] or match["mon2"])
        day = int(match["day"] or match["day2"])
        resolved = _resolve_yearless(month, day, reference) if month else None
        return resolved.isoformat() if resolved else None
    return _resolve_absolute(text)


def _resolve_absolute(text: str) -> str | None:
    if match := YEAR_ONLY.match(text):
        return match["year"]
    if match := MONTH_ONLY.match(text):
        month = _month_number(match["mon"])
        return f"{match['year']}-{month:02d}" if month else None
    if not HAS_YEAR.search(text):
        return None
    if common := _common_absolute(text):
        return common
    try:
        return dateparser.parse(text, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError):
        return None


def _common_absolute(text: str) -> str | None:
    """ISO date of "Aug 11, 2025" or "13 Apr 2026" if it is a valid day (as dateutil reads it), else None."""
    match = DAY_MONTH_YEAR.match(text)
    month = MONTH_NAMES.get((match["mon"] or match["mon2"]).lower()) if match else None
    if not month:
        return None
    try:
        return date(int(match["year"] or match["year2"]), month, int(match["day"] or match["day2"])).isoformat()
    except ValueError:
        return None


def is_date(text: str) -> bool:
    """True if `text` reads as a date of any shape (used to recognise page structure)."""
    return resolve_date(text, date(2000, 1, 1)) is not None or bool(RELATIVE_DATE.match(text))


def filled_lines(text: str) -> list[str]:
    """The non-blank lines, stripped of whitespace and BOM as paragraphs.numbered_lines strips
    them, without line numbers: what the readers' `score` functions look at."""
    return [line for line in map(str.strip, text.replace("\ufeff", "").split("\n")) if line]


def clean_text(text: str) -> str:
    """Unicode NFC, collapsed runs of whitespace: a hard-wrapped paragraph becomes one line."""
    if _is_clean(text):  # most titles and joined lines: splitting an abstract costs ~10 us
        return text
    return " ".join(unicodedata.normalize("NFC", text).split())


def _is_clean(text: str) -> bool:
    """True if clean_text would return `text` as it is: NFC, and no whitespace but single
    inner spaces (every other whitespace character, "\\n", "\\xa0", "\\u2028", is unprintable)."""
    if "  " in text or text.startswith(" ") or text.endswith(" "):
        return False
    if text.isascii():  # NFC already; looking for 9 characters is quicker than isprintable()
        return not any(space in text for space in ASCII_SPACES)
    return text.isprintable() and unicodedata.is_normalized("NFC", text)
