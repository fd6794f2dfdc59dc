"""One reader per kind of listing page, and the explicit registry of them.

A reader is a module with:

    NAME: str                      # "hf_daily"; also RawRecord.kind
    DESCRIPTION: str               # "Hugging Face Daily Papers listing or search page"
    KIND: model.ReaderKind         # what later stages need to know: label, precedence, own words
    HEADER: re.Pattern | None      # a line that starts a new page of this kind, if the kind has one
    def score(text: str) -> float  # 0.0: not this kind ... 1.0: certainly this kind
    def read(dump: Dump) -> ReadResult

`score` looks at structure (a page header, "Related events (N)", an authors
line, "Abstract:" prefixes, "@article{"), never at the samples' wording.
`read` never raises on bad input: what it cannot read becomes a Problem with
a file and line, and it goes on with the rest.

Adding a reader is one module here, its place in READERS, and a golden case
under tests/cases/<name>/: the merge, related and site stages read its KIND
from KINDS and name no reader.
"""

from paperfold.ingest.readers import almanac, arxiv_abstracts, bibtex, general, hf_daily, labelled
from paperfold.model import ReaderKind

# The order detection tries them in; the general reader comes last: it reads the pages
# that no dedicated reader recognises.
READERS = (hf_daily, almanac, labelled, arxiv_abstracts, bibtex, general)
KINDS: dict[str, ReaderKind] = {reader.NAME: reader.KIND for reader in READERS}  # by RawRecord.kind
