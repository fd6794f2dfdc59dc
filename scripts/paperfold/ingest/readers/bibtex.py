"""BibTeX files, read through bibtexparser v2.

    @article{kaplan2020,
      title  = {Scaling Laws for Neural Language Models},
      author = {Kaplan, Jared and Sam McCandlish},
      eprint = {2001.08361}, archivePrefix = {arXiv},
      year   = 2020, month = jan,
    }

The parse stack is bibtexparser's default (resolve @string, remove the outer
enclosing), then: field keys lowercased; authors split on "and" with braces
respected, "Last, First" turned into "First Last"; LaTeX decoded in text
fields ("{BERT}" -> "BERT", "Sch{\\"o}n" -> "Schön") with math kept verbatim
("$\\alpha$" stays); month names turned into numbers. URL, DOI and eprint
fields are not LaTeX-decoded ("%" in a URL is not a comment).

Any entry type is read as a paper, except a whole volume (@proceedings,
@collection and their multi-volume forms): its papers are entries of their own, so
it is listed as skipped. Blocks the parser could not read become
Problems with their line; an entry whose key was already used is reported and
still read. @string, @preamble and @comment blocks are listed as skipped; text
between entries other than %-comment lines (an entry that lost its "@") is a warning.
"""

from __future__ import annotations

import functools
import re

import bibtexparser
from bibtexparser import model
from bibtexparser.middlewares import (
    LatexDecodingMiddleware,
    MergeNameParts,
    MonthIntMiddleware,
    NameParts,
    NormalizeFieldKeys,
    SeparateCoAuthors,
    SplitNameParts,
    default_parse_stack,
)

from paperfold.ingest.links import find_arxiv_id
from paperfold.model import Dump, Problem, RawRecord, ReadResult, ReaderKind
from paperfold.ingest.normalize import clean_text, resolve_date

NAME = "bibtex"
DESCRIPTION = "BibTeX file (@article{key, title = {...}, ...})"
KIND = ReaderKind(NAME, label="BibTeX file", precedence=40)
HEADER = None

# "@article{vaswani2017,", "  @InProceedings (key,"
ENTRY_START = re.compile(r"""^\s*@\s*(?P<type>[A-Za-z]+)\s*[{(]""", re.VERBOSE)
# "% exported from Zotero", "": lines that may come before the first entry
COMMENT_LINE = re.compile(r"""^\s*(?:%.*)?$""", re.VERBOSE)
# "2019", "{2019}", "2019a"
YEAR = re.compile(r"""(?<!\d)(?P<year>(?:1[89]|20)\d\d)(?!\d)""", re.VERBOSE)
# "10.18653/v1/N19-1423", also inside "https://doi.org/10.18653/v1/N19-1423"
DOI = re.compile(r"""10\.\d{4,9}/\S+""", re.VERBOSE)
# journal = {arXiv preprint arXiv:2001.08361}, {CoRR}, {ArXiv}: a preprint, not a venue
PREPRINT_VENUE = re.compile(r"""^\s*(?:arxiv\b|corr\s*$)""", re.VERBOSE | re.IGNORECASE)
# entry types of a whole volume: an ACL Anthology or DBLP export lists the volume beside its papers
VOLUME_TYPES = {"proceedings", "mvproceedings", "collection", "mvcollection"}

# A backslash command, a brace group or a tie: the text has LaTeX worth decoding.
LATEX_MARKUP = re.compile(r"[\\{}~]")
# "{\em data mining}", "Sch{\"o}n", "$d \gg n$-dimensional", "Fig.~3": one run of a field's
# text, the unit LaTeX is decoded in. Runs end at spaces outside math and braces (nested
# three deep); a brace or dollar that closes nothing is a run's character like any other.
# Math is bounded, so a stray "$" cannot make one run of a whole long field.
LATEX_RUN = re.compile(r"""
    (?: \$[^$]{0,500}\$                               # math, spaces and all
      | \{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}        # a brace group
      | [^\s{}$]                                      # any other character but a space
      | [{}$]                                         # a stray brace or dollar
    )+
""", re.VERBOSE)
# Runs with markup decoded one by one at most (about 0.2 ms a call): a field with more
# (20,000 stray braces) is decoded whole, which pylatexenc gives up on quickly.
MAX_LATEX_RUNS = 50
VERBATIM_FIELDS = ("url", "doi", "eprint", "file")
PREVIEW_CHARS = 60
# RawRecord field -> the BibTeX field whose line it cites
FIELD_KEYS = {"title": "title", "abstract": "abstract", "authors": "author", "doi": "doi",
              "category": "primaryclass"}


@functools.lru_cache(maxsize=1 << 12)
def decoded_run(run: str) -> tuple[str, str]:
    """A run with LaTeX markup as text (math verbatim), and pylatexenc's error if any. By
    text, for every file: the same accents and math recur from entry to entry, and a call
    costs about 0.2 ms (on the 10k corpus's BibTeX files, most of the calls)."""
    return _RUN_DECODER.decode(run)


class DecodeTextFields(LatexDecodingMiddleware):
    """LaTeX decoding (math verbatim) for every field but the verbatim ones.

    Also decodes lists of strings (the merged author names), which the base
    class leaves alone: 'J{\\"o}rg M{\\"u}ller' -> "Jörg Müller".
    """

    def __init__(self):
        super().__init__(keep_math_mode=True)

    def _transform_python_value_string(self, python_string):
        """Only the runs with LaTeX markup go through pylatexenc, one by one: on whole
        abstracts that hold math it was most of reading a BibTeX file (the 10k synthetic
        corpus: 2.0 s, now 0.75 s). Plain runs stay as written ("--", "50%"), as plain
        fields always have; a whole field read "50%" as a LaTeX comment."""
        if not LATEX_MARKUP.search(python_string):
            return python_string, ""
        runs = [run for run in LATEX_RUN.finditer(python_string) if LATEX_MARKUP.search(run.group())]
        if len(runs) > MAX_LATEX_RUNS:  # dense LaTeX, or hostile text: one call, as before
            return super()._transform_python_value_string(python_string)
        parts, errors, last = [], [], 0
        for run in runs:
            text, error = decoded_run(run.group())
            parts += [python_string[last:run.start()], text]
            errors += [error] if error else []
            last = run.end()
        return "".join(parts) + python_string[last:], "; ".join(errors)

    def transform_entry(self, entry, library):
        verbatim = [f for f in entry.fields if f.key in VERBATIM_FIELDS]
        entry.fields = [f for f in entry.fields if f.key not in VERBATIM_FIELDS]
        for name_list in (f for f in entry.fields if isinstance(f.value, list)):
            name_list.value = [self._transform_python_value_string(str(item))[0] for item in name_list.value]
        result = super().transform_entry(entry, library)
        entry.fields = entry.fields + verbatim
        return result

    def decode(self, text: str) -> tuple[str, str]:
        """pylatexenc over the whole of `text` (the base class's conversion)."""
        return super()._transform_python_value_string(text)


_RUN_DECODER = DecodeTextFields()  # decoded_run's: one LaTeX context for every file


def parse_stack() -> list:
    """Default stack, then: keys lowercased, names split with braces respected and merged
    "First Last", LaTeX decoded, months as numbers."""
    return [*default_parse_stack(), NormalizeFieldKeys(), SeparateCoAuthors(), SplitNameParts(),
            MergeNameParts(style="first"), DecodeTextFields(), MonthIntMiddleware()]


def score(text: str) -> float:
    """Certain when the first line that is not a % comment opens an entry: "@article{"."""
    lines = text.split("\n")
    first = next((line for line in lines if not COMMENT_LINE.match(line)), "")
    if ENTRY_START.match(first):
        return 1.0
    return 0.5 if sum(1 for line in lines if ENTRY_START.match(line)) >= 2 else 0.0


def value_text(value) -> str | None:
    if isinstance(value, (list, tuple)):
        value = " ".join(str(item) for item in value)
    if value is None:
        return None
    return clean_text(str(value)) or None


def author_names(value) -> tuple[str, ...]:
    """Authors from a merged list, a list of NameParts, or a raw "A and B" string."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else re.split(r"\s+and\s+", str(value))
    names = (item.merge_first_name_first if isinstance(item, NameParts) else str(item) for item in items)
    return tuple(name for name in map(clean_text, names) if name)


def entry_date(fields: dict, dump: Dump) -> tuple[str | None, str | None]:
    """(ISO date, key of the field it came from): biblatex date, else year and month."""
    if fields.get("date") and (resolved := resolve_date(str(fields["date"].value), dump.capture_date)):
        return resolved, "date"
    match = YEAR.search(str(fields["year"].value)) if "year" in fields else None
    if not match:
        return None, None
    month = str(fields["month"].value) if "month" in fields else ""
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{match['year']}-{int(month):02d}", "year"
    return resolve_date(f"{month} {match['year']}", dump.capture_date) or match["year"], "year"


def entry_arxiv_id(fields: dict) -> tuple[str | None, str | None]:
    """(arXiv id, key of the field it came from): eprint if the archive is arXiv, else url/journal."""
    archive = value_text(fields["archiveprefix"].value if "archiveprefix" in fields else None)
    archive = archive or value_text(fields["eprinttype"].value if "eprinttype" in fields else None)
    if "eprint" in fields and (archive or "arxiv").lower() == "arxiv":
        if arxiv_id := find_arxiv_id(f"arXiv:{fields['eprint'].value}"):
            return arxiv_id, "eprint"
    for key in ("url", "journal", "volume", "note"):
        if key in fields and (arxiv_id := find_arxiv_id(str(fields[key].value))):
            return arxiv_id, key
    return None, None


def entry_venue(fields: dict) -> tuple[str | None, str | None]:
    for key in ("journal", "booktitle"):
        venue = value_text(fields[key].value) if key in fields else None
        if venue and not PREPRINT_VENUE.match(venue):
            return venue, key
    return None, None


def entry_doi(fields: dict) -> str | None:
    match = DOI.search(str(fields["doi"].value)) if "doi" in fields else None
    return match.group(0).rstrip(".,;") if match else None


def entry_links(fields: dict, doi: str | None, arxiv_id: str | None) -> tuple[str, ...]:
    url = str(fields["url"].value).replace("\\_", "_").replace("\\%", "%").strip() if "url" in fields else ""
    is_arxiv_url = arxiv_id is not None and find_arxiv_id(url) == arxiv_id  # kept as the canonical link
    links = [url] if url.lower().startswith(("http://", "https://")) and not is_arxiv_url else []
    links += [f"https://doi.org/{doi}"] if doi else []
    links += [f"https://arxiv.org/abs/{arxiv_id}"] if arxiv_id else []
    return tuple(dict.fromkeys(links))


def field_line(dump: Dump, fields: dict, key: str) -> int:
    """The 1-based file line a field starts on (bibtexparser counts from 0)."""
    return dump.origin(fields[key].start_line).line


def entry_record(entry: model.Entry, dump: Dump) -> RawRecord:
    fields = entry.fields_dict
    date, date_key = entry_date(fields, dump)
    arxiv_id, arxiv_key = entry_arxiv_id(fields)
    venue, venue_key = entry_venue(fields)
    doi = entry_doi(fields)
    values = {"title": value_text(fields["title"].value) if "title" in fields else None,
              "abstract": value_text(fields["abstract"].value) if "abstract" in fields else None,
              "authors": author_names(fields["author"].value) if "author" in fields else (), "doi": doi,
              "category": value_text(fields["primaryclass"].value) if "primaryclass" in fields else None}
    lines = {name: field_line(dump, fields, key) for name, key in FIELD_KEYS.items() if values[name]}
    keyed = {"date": (date, date_key), "arxiv_id": (arxiv_id, arxiv_key), "venue": (venue, venue_key)}
    lines.update({name: field_line(dump, fields, key) for name, (value, key) in keyed.items() if value})
    return RawRecord(
        origin=dump.origin(entry.start_line), kind=NAME, **values,
        author_count=len(values["authors"]) or None, date=date, arxiv_id=arxiv_id, venue=venue,
        links=entry_links(fields, doi, arxiv_id), lines=lines,
    )


def first_fields(entry: model.Entry) -> model.Entry:
    """The entry with only the first occurrence of each field key."""
    fields = list({field.key.lower(): field for field in reversed(entry.fields)}.values())[::-1]
    return model.Entry(entry.entry_type, entry.key, fields, entry.start_line, entry.raw)


def rerun_stack(entry: model.Entry) -> model.Entry | None:
    """Run the parse stack over one entry the library set aside (duplicate key or field)."""
    library = bibtexparser.Library([first_fields(entry)])
    for middleware in parse_stack():
        library = middleware.transform(library)
    return (library.entries or [None])[0]


def preview(raw: str | None) -> str:
    first = next((line for line in (raw or "").split("\n") if line.strip()), "")
    return clean_text(first)[:PREVIEW_CHARS]


def failed_problem(block: model.ParsingFailedBlock, dump: Dump) -> Problem:
    """What went wrong with a block the parser or a middleware set aside."""
    origin, key = dump.origin(block.start_line or 0), getattr(block.ignore_error_block, "key", "?")
    if isinstance(block, model.DuplicateBlockKeyBlock):
        first = dump.origin(block.previous_block.start_line).line
        what = "this entry is read too" if isinstance(block.ignore_error_block, model.Entry) else "the first is used"
        return Problem(origin, f"duplicate key '{block.key}': already used on line {first}; {what}", "warning")
    if isinstance(block, model.DuplicateFieldKeyBlock):
        keys = ", ".join(sorted(block.duplicate_keys))
        message = f"expected each field once in entry '{key}', found {keys} more than once; the first is used"
        return Problem(origin, message, "warning")
    if isinstance(block, model.MiddlewareErrorBlock):
        return Problem(origin, f"could not fully decode entry '{key}' ({block.error}); read as written", "warning")
    reason = clean_text(getattr(block.error, "abort_reason", None) or str(block.error))
    found = f"found '{preview(block.raw)}'" + (f" ({reason})" if reason else "")
    return Problem(origin, f"expected a BibTeX entry like @article{{key, title = {{...}}}}, {found}")


def stray_text_problem(block: model.ImplicitComment, dump: Dump) -> Problem | None:
    """Text between entries that is not a %-comment line: often an entry that lost its "@",
    which bibtexparser keeps as a comment; said, since it is not read."""
    lines = block.comment.split("\n")
    stray = next((i for i, line in enumerate(lines) if not COMMENT_LINE.match(line)), None)
    if stray is None:
        return None
    return Problem(dump.origin((block.start_line or 0) + stray),
                   f"expected a BibTeX entry like @article{{key, title = {{...}}}} or a %-comment, "
                   f"found '{preview(lines[stray])}' outside any entry; it is not read", "warning")


def set_aside_entry(block: model.ParsingFailedBlock) -> model.Entry | None:
    """The entry still worth reading from a failed block, if any."""
    entry = block.ignore_error_block
    if not isinstance(entry, model.Entry):
        return None
    if isinstance(block, model.MiddlewareErrorBlock):
        return entry
    return rerun_stack(entry)


def skipped_reason(block: model.Block) -> str | None:
    if isinstance(block, model.Entry) and block.entry_type.lower() in VOLUME_TYPES:
        return f"@{block.entry_type.lower()} {block.key} is a whole volume (its papers are entries of their own), not a paper"
    if isinstance(block, model.String):
        return f"@string {block.key} defines an abbreviation, not a paper"
    if isinstance(block, model.Preamble):
        return "@preamble holds LaTeX for the bibliography, not a paper"
    if isinstance(block, model.ExplicitComment):
        return "@comment is a comment, not a paper"
    return None


def read(dump: Dump) -> ReadResult:
    library = bibtexparser.parse_string(dump.text, parse_stack=parse_stack())
    records, problems, skipped = [], [], []
    for previous, block in zip([None, *library.blocks], library.blocks):
        if reason := skipped_reason(block):
            skipped.append(Problem(dump.origin(block.start_line or 0), reason, "warning"))
        elif isinstance(block, model.Entry):
            records.append(entry_record(block, dump))
        elif isinstance(block, model.ParsingFailedBlock):
            problems.append(failed_problem(block, dump))
            entry = set_aside_entry(block)
            if entry and (reason := skipped_reason(entry)):  # a volume set aside is still a volume
                skipped.append(Problem(dump.origin(block.start_line or 0), reason, "warning"))
            elif entry:
                records.append(entry_record(entry, dump))
        elif isinstance(block, model.ImplicitComment):
            if isinstance(previous, model.ParsingFailedBlock):
                continue  # the rest of the broken entry just reported
            problems += [problem] if (problem := stray_text_problem(block, dump)) else []
    return ReadResult(tuple(records), tuple(problems), tuple(skipped))
