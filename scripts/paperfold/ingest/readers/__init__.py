"""One reader per kind of listing page, and the explicit registry of them.

A reader is a module with:

    NAME: str                      # "hf_daily"; also RawRecord.kind
    DESCRIPTION: str               # "Hugging Face Daily Papers listing or search page"
    HEADER: re.Pattern | None      # a line that starts a new page of this kind, if the kind has one
    def score(text: str) -> float  # 0.0: not this kind ... 1.0: certainly this kind
    def read(dump: Dump) -> ReadResult

`score` looks at structure (a page header, "Related events (N)", an authors
line, "Abstract:" prefixes, "@article{"), never at the samples' wording.
`read` never raises on bad input: what it cannot read becomes a Problem with
a file and line, and it goes on with the rest.
"""

from paperfold.ingest.readers import almanac, arxiv_abstracts, bibtex, general, hf_daily, labelled

# The general reader comes last: it reads pages no dedicated reader recognises.
READERS = (hf_daily, almanac, labelled, arxiv_abstracts, bibtex, general)
