"""The layout's rules, read from the imports (ast, so lazy imports inside functions count too).

- `model` imports nothing of ours: it is the plain data every stage shares;
- ingestion (`ingest/`, the readers) never imports the site or enrichment;
- the site never imports the readers: what it needs of them (labels) comes as data;
- nothing below the face (`face/`: command line, MkDocs hook) imports the face.

And the registry holds every fact about a reader kind, so that adding a reader
touches no other module.
"""

from __future__ import annotations

import ast
from pathlib import Path

from paperfold.ingest.readers import KINDS, READERS
from paperfold.model import ReaderKind

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "paperfold"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module `source` imports, absolute: "paperfold.site.urls" for `from paperfold.site
    import urls` (both "paperfold.site" and "paperfold.site.urls"), relative imports resolved."""
    package = module if is_package else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


def ours(names: set[str]) -> set[str]:
    return {name for name in names if name == "paperfold" or name.startswith("paperfold.")}


def modules() -> dict[str, set[str]]:
    """Every module of the package and the modules of ours it imports."""
    return {
        module_name(path): ours(imported(path.read_text(encoding="utf-8"), module_name(path), path.stem == "__init__"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def within(name: str, part: str) -> bool:
    return name == part or name.startswith(part + ".")


def breaches(importer: str, forbidden: tuple[str, ...]) -> list[str]:
    """`module -> import` for each module in `importer` that imports one of `forbidden`."""
    return sorted(
        f"{module} -> {name}"
        for module, names in modules().items() if within(module, importer)
        for name in names if any(within(name, part) for part in forbidden)
    )


def test_the_import_reader_sees_absolute_relative_and_lazy_imports():
    source = "import paperfold.model\nfrom . import urls\ndef f():\n    from ..enrich.related import relate\n"
    assert ours(imported(source, "paperfold.site.render")) == {
        "paperfold.model", "paperfold.site", "paperfold.site.urls", "paperfold.enrich.related",
        "paperfold.enrich.related.relate",
    }


def test_every_module_is_seen():
    found = modules()
    assert {"paperfold.model", "paperfold.build", "paperfold.ingest.readers", "paperfold.site.render",
            "paperfold.face.cli"} <= found.keys()
    assert "paperfold.model" in found["paperfold.site.render"]


def test_model_imports_nothing_of_ours():
    assert modules()["paperfold.model"] == set()


def test_ingestion_never_imports_the_site_or_enrichment():
    assert breaches("paperfold.ingest", ("paperfold.site", "paperfold.enrich")) == []


def test_the_site_never_imports_the_readers():
    assert breaches("paperfold.site", ("paperfold.ingest.readers",)) == []


def test_nothing_below_the_face_imports_it():
    below = [f"{module} -> {name}" for module, names in modules().items() if not within(module, "paperfold.face")
             for name in names if within(name, "paperfold.face")]
    assert below == []


def test_each_reader_declares_its_kind_in_the_registry():
    assert all(isinstance(reader.KIND, ReaderKind) and reader.KIND.name == reader.NAME for reader in READERS)
    assert list(KINDS) == [reader.NAME for reader in READERS]  # names unique
    precedences = [kind.precedence for kind in KINDS.values()]
    assert len(set(precedences)) == len(precedences)  # merging never ties on kind
