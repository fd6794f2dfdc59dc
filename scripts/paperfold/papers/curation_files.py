"""Read and validate the human-edited curation files under `curation/`.

    curation/papers/<paper-id>.yml      fixes for one paper (keys: PAPER_KEYS)
    curation/dumps/<dump-file-name>.yml facts about one seed file (keys: DUMP_KEYS)

This is the only module that reads curation files; the build never writes
them. Every problem becomes a `Problem` at the file and line it concerns
("expected …, found …"), and loading goes on, so `paperfold check` can list
them all at once. A file with a problem in one key still applies its other
keys; a file that is not valid YAML is left out whole, and so is one that is not UTF-8,
over MAX_FILE_BYTES, uses YAML anchors or aliases, nests deeper than MAX_DEPTH, or is a
symbolic link leaving the repository.
"""

from __future__ import annotations

import re
import reprlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from paperfold.ingest.sources import printable, resolves_outside
from paperfold.model import Origin, Problem

PAPER_KEYS = {
    "title": "the corrected title (text)",
    "authors": "the corrected list of author names",
    "date": "the corrected date: YYYY, YYYY-MM or YYYY-MM-DD",
    "topics": "the paper's topics, replacing the assigned ones (list of topic ids)",
    "add_topics": "topic ids to add (list)",
    "remove_topics": "topic ids to remove (list)",
    "hide": "why the paper is left off the site (text)",
    "merge_with": "the id of a paper that is the same paper as this one",
    "split": "records to separate from this paper, as 'path:line' (list)",
    "note": "Markdown shown on the paper's page",
    "aliases": "older ids of this paper; their URLs redirect here (list)",
}
DUMP_KEYS = {
    "capture_date": "the date the page was captured: YYYY-MM-DD",
}
# "2025", "2025-02", "2025-02-27"
ISO_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$")
# "seeds/003_x.txt:12"
ORIGIN = re.compile(r"^(?P<path>.+):(?P<line>[1-9]\d*)$")
# Paper ids are slugs: "scaling-laws-for-neural-language-models-96d1b5"
PAPER_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_FILE_BYTES = 1_000_000  # a paper's fixes and note fit in a few kB; a bigger file is a mistake or an attack
MAX_DEPTH = 20  # nesting of lists and mappings; curation values are one or two levels deep
FOUND_CHARS = 80  # what a message quotes of a value, at most


@dataclass(frozen=True)
class PaperCuration:
    """The fixes one curation file makes to one paper. Unset keys are None or ()."""

    id: str  # the file's stem
    path: str  # "curation/papers/<id>.yml", as shown in messages and edit links
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    title: str | None = None
    authors: tuple[str, ...] | None = None
    date: str | None = None
    topics: tuple[str, ...] | None = None
    add_topics: tuple[str, ...] = ()
    remove_topics: tuple[str, ...] = ()
    hide: str | None = None
    merge_with: str | None = None
    split: tuple[Origin, ...] = ()
    note: str | None = None
    aliases: tuple[str, ...] = ()

    def origin(self, key: str | None = None) -> Origin:
        return Origin(self.path, self.lines.get(key, 1) if key else 1)

    @property
    def keys(self) -> tuple[str, ...]:
        """Ids this entry answers to: its own, then its aliases."""
        return (self.id, *self.aliases)


@dataclass(frozen=True)
class DumpCuration:
    name: str  # the seed file's name: "2026-04-13_hf_daily.txt"
    path: str
    capture_date: date | None = None
    line: int = 1


@dataclass(frozen=True)
class Curation:
    papers: tuple[PaperCuration, ...] = ()
    dumps: tuple[DumpCuration, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def capture_dates(self) -> dict[str, date]:
        """Pinned capture dates by seed file name (applied before reading)."""
        return {d.name: d.capture_date for d in self.dumps if d.capture_date}


def load_curation(curation_dir: Path | None, display_root: Path | None = None) -> Curation:
    """Every curation file under `curation_dir` (a missing folder means no curation)."""
    if curation_dir is None or not curation_dir.is_dir():
        return Curation()
    root = display_root or curation_dir.parent
    problems = _links_outside(curation_dir, root)
    if not _inside(curation_dir, root):
        return Curation(problems=tuple(problems))
    papers, dumps = [], []
    for path in _yaml_files(curation_dir / "papers", root):
        text, found = read_text(path, _shown(path, root))
        entry, found = read_paper_file(text, _shown(path, root), path.stem) if text is not None else (None, found)
        problems += found
        papers += [entry] if entry else []
    for path in _yaml_files(curation_dir / "dumps", root):
        text, found = read_text(path, _shown(path, root))
        entry, found = read_dump_file(text, _shown(path, root), path.stem) if text is not None else (None, found)
        problems += found
        dumps += [entry] if entry else []
    problems += _stray_files(curation_dir, root)
    return Curation(tuple(papers), tuple(dumps), tuple(problems))


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """A curation file's text, or None and why: unreadable, too big, not UTF-8."""
    def refused(line: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(Origin(shown, line), message + " (file left out)")]

    try:
        if (size := path.stat().st_size) > MAX_FILE_BYTES:
            return refused(1, f"expected a curation file under {MAX_FILE_BYTES // 1000} kB, found {size // 1000} kB")
        raw = path.read_bytes()
    except OSError as error:
        return refused(1, f"expected a readable file, found {error.strerror or error}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return refused(1, "expected UTF-8 text, found UTF-16 (save the file as UTF-8)")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return refused(line, f"expected UTF-8 text, found the byte {raw[error.start:error.start + 1]!r} "
                             "(another encoding, such as Latin-1? save the file as UTF-8)")


def _links_outside(curation_dir: Path, root: Path) -> list[Problem]:
    """A Problem for each curation file or folder that is a symbolic link leaving the
    repository (`root`): a link may not publish a note from elsewhere on the machine.
    Those files and folders are then left out (see _inside)."""
    candidates = [curation_dir]
    if _inside(curation_dir, root):
        candidates += [curation_dir / folder for folder in ("papers", "dumps")]
        candidates += [p for folder in candidates[1:] if folder.is_dir() and _inside(folder, root) for p in folder.iterdir()]
    return [
        Problem(Origin(_link_shown(path, root), 1),
                f"expected a file or folder inside the repository, found a symbolic link to {outside} "
                "(refused: links may not leave the repository)")
        for path in candidates if path.is_symlink() and (outside := resolves_outside(path, root))
    ]


def _link_shown(path: Path, root: Path) -> str:
    """The link itself as messages show it (not its target): "curation/papers/x.yml"."""
    folder = _shown(path.parent, root)
    return printable(path.name) if folder == "." else f"{folder}/{printable(path.name)}"


def _inside(path: Path, root: Path) -> bool:
    return not (path.is_symlink() and resolves_outside(path, root))


def _yaml_folder(folder: Path, root: Path) -> bool:
    return folder.is_dir() and _inside(folder, root)


def _yaml_files(folder: Path, root: Path) -> list[Path]:
    if not _yaml_folder(folder, root):
        return []
    return sorted(p for p in folder.glob("*") if p.is_file() and p.suffix in (".yml", ".yaml") and _inside(p, root))


def _stray_files(curation_dir: Path, root: Path) -> list[Problem]:
    """Files the build would silently ignore: a typo in a folder or extension."""
    known = {"papers", "dumps", "README.md"}
    problems = []
    for path in sorted(curation_dir.iterdir()):
        if path.name.startswith(".") or path.name in known or not _inside(path, root):
            continue
        problems.append(Problem(Origin(_shown(path, root), 1),
                                "expected curation/papers/<id>.yml or curation/dumps/<dump>.yml, "
                                f"found {path.name!r} (ignored)", "warning"))
    for folder in ("papers", "dumps"):
        for path in sorted((curation_dir / folder).glob("*")) if _yaml_folder(curation_dir / folder, root) else []:
            if _inside(path, root) and path.is_file() and path.suffix not in (".yml", ".yaml") and not path.name.startswith("."):
                problems.append(Problem(Origin(_shown(path, root), 1),
                                        f"expected a .yml file, found {path.name!r} (ignored)", "warning"))
    return problems


def _shown(path: Path, root: Path) -> str:
    try:
        return printable(path.resolve().relative_to(root.resolve()).as_posix())
    except ValueError:
        return printable(path.as_posix())


# --- YAML with line numbers -------------------------------------------------


class _Refused(yaml.MarkedYAMLError):
    """YAML that is valid but not accepted here; `problem` is the whole message."""


class PlainLoader(yaml.SafeLoader):
    """The safe loader without anchors and aliases, nested at most MAX_DEPTH deep. Curation
    values never need either, and nine nested aliases expand to billions of items (a
    "billion laughs" file took 6 GB before failing); 20,000 nested '[' overflowed the stack."""

    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(problem=f"expected plain values, found an alias (*{event.anchor}): curation files may "
                                   "not use anchors and aliases", problem_mark=event.start_mark)
        if getattr(event, "anchor", None):
            raise _Refused(problem=f"expected plain values, found an anchor (&{event.anchor}): curation files "
                                   "may not use anchors and aliases", problem_mark=event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise _Refused(problem=f"expected values nested at most {MAX_DEPTH} deep, found deeper nesting",
                           problem_mark=event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def parse_mapping(text: str, path: str) -> tuple[dict[str, tuple[Any, int]] | None, list[Problem]]:
    """A top-level mapping as {key: (value, line)}; duplicate keys and syntax errors are Problems."""
    try:
        loader = PlainLoader(text)
    except yaml.reader.ReaderError as error:  # a NUL or control character, found while reading
        return None, [_unprintable(text, error, path)]
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, []
        if not isinstance(node, yaml.MappingNode):
            found = type(loader.construct_object(node, deep=True)).__name__
            return None, [Problem(Origin(path, node.start_mark.line + 1),
                                  f"expected a mapping of keys like 'title: …', found a {found}")]
        values: dict[str, tuple[Any, int]] = {}
        problems = []
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):  # "? [a, b]": a list or mapping as a key
                problems.append(Problem(Origin(path, line), f"expected a key like 'title:', found a "
                                        f"{'list' if isinstance(key_node, yaml.SequenceNode) else 'mapping'} as a key"))
                continue
            key = _construct(loader, key_node)
            if key in values:
                problems.append(Problem(Origin(path, line),
                                        f"expected each key once, found {key!r} again (first on line {values[key][1]})"))
                continue
            values[key] = (_construct(loader, value_node), line)
        return values, problems
    except _Refused as error:
        return None, [Problem(Origin(path, error.problem_mark.line + 1), error.problem)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(Origin(path, line), f"expected valid YAML, found a syntax error: {error.problem}")]
    except yaml.reader.ReaderError as error:
        return None, [_unprintable(text, error, path)]
    finally:
        loader.dispose()


def _unprintable(text: str, error: yaml.reader.ReaderError, path: str) -> Problem:
    line = text.count("\n", 0, error.position) + 1
    return Problem(Origin(path, line), f"expected printable text, found the control character {chr(error.character)!r}")


def _construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """The node's value; a scalar YAML cannot construct (date: 2025-02-31) stays text for the validators."""
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError):  # OverflowError: "1e999999" dates
        return node.value if isinstance(node, yaml.ScalarNode) else None


def _unknown_keys(values: dict, known: dict[str, str], path: str) -> list[Problem]:
    return [
        Problem(Origin(path, line), f"expected one of {', '.join(known)}; found unknown key {key!r}")
        for key, (_, line) in values.items() if key not in known
    ]


# --- one file per paper -----------------------------------------------------


def read_paper_file(text: str, path: str, paper_id: str) -> tuple[PaperCuration | None, list[Problem]]:
    values, problems = parse_mapping(text, path)
    if values is None:
        return None, problems
    if not PAPER_ID.match(paper_id):
        problems.append(Problem(Origin(path, 1), f"expected a file named after a paper id like "
                                                 f"'some-title-1a2b3c.yml', found {paper_id!r}"))
    problems += _unknown_keys(values, PAPER_KEYS, path)
    fields: dict[str, Any] = {}
    for key, (value, line) in values.items():
        if key not in PAPER_KEYS:
            continue
        parsed, problem = PAPER_FIELDS[key](value)
        if problem:
            problems.append(Problem(Origin(path, line), f"{key}: {problem}"))
        else:
            fields[key] = parsed
    lines = {key: line for key, (_, line) in values.items()}
    return PaperCuration(id=paper_id, path=path, lines=lines, **fields), problems


_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = FOUND_CHARS


def _found(value: Any) -> str:
    """The value as a message quotes it: its type and repr, cut to FOUND_CHARS."""
    shown = _SHORT.repr(value)
    return f"{type(value).__name__} {shown}" if not isinstance(value, str) else shown


def _text(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    return None, f"expected non-empty text, found {_found(value)}"


def _text_list(value: Any) -> tuple[tuple[str, ...] | None, str | None]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return None, f"expected a list of text items, found {_found(value)}"
    items = [v.strip() for v in value]
    if len(set(items)) != len(items):
        twice = next(v for v in items if items.count(v) > 1)
        return None, f"expected each item once, found {twice!r} twice"
    return tuple(items), None


def _id_list(value: Any) -> tuple[tuple[str, ...] | None, str | None]:
    items, problem = _text_list(value)
    if problem:
        return None, problem
    bad = [v for v in items if not PAPER_ID.match(v)]
    return (None, f"expected paper ids like 'some-title-1a2b3c', found {bad[0]!r}") if bad else (items, None)


def _paper_id(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, str) and PAPER_ID.match(value.strip()):
        return value.strip(), None
    return None, f"expected a paper id like 'some-title-1a2b3c', found {_found(value)}"


def _iso_date(value: Any) -> tuple[str | None, str | None]:
    """YAML reads 2025-02-27 as a date and 2025 as an int; "2025-02" stays text. A time of
    day (2025-02-27 10:00:00) and year 0 ("0000") are refused: no calendar date has them."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat(), None
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if ISO_DATE.match(text) and not text.startswith("0000"):
        try:
            if len(text) == 10:
                date.fromisoformat(text)
            return text, None
        except ValueError:
            pass
    return None, f"expected a date like 2025, 2025-02 or 2025-02-27, found {_found(value)}"


def _origins(value: Any) -> tuple[tuple[Origin, ...] | None, str | None]:
    items, problem = _text_list(value)
    if problem:
        return None, problem.replace("text items", "records as 'path:line'")
    origins = []
    for item in items:
        if not (match := ORIGIN.match(item)):
            return None, f"expected a record as 'path:line' like 'seeds/x.txt:12', found {item!r}"
        origins.append(Origin(match["path"], int(match["line"])))
    return tuple(origins), None


PAPER_FIELDS = {
    "title": _text,
    "authors": _text_list,
    "date": _iso_date,
    "topics": _text_list,
    "add_topics": _text_list,
    "remove_topics": _text_list,
    "hide": _text,
    "merge_with": _paper_id,
    "split": _origins,
    "note": _text,
    "aliases": _id_list,
}


# --- one file per dump ------------------------------------------------------


def read_dump_file(text: str, path: str, name: str) -> tuple[DumpCuration | None, list[Problem]]:
    values, problems = parse_mapping(text, path)
    if values is None:
        return None, problems
    problems += _unknown_keys(values, DUMP_KEYS, path)
    if "capture_date" not in values:
        return DumpCuration(name, path), problems
    value, line = values["capture_date"]
    day, problem = _iso_date(value)
    if problem or len(day) != 10:
        problems.append(Problem(Origin(path, line), "capture_date: expected a full date like 2026-04-13, "
                                                    f"found {_found(value)}"))
        return DumpCuration(name, path, line=line), problems
    return DumpCuration(name, path, date.fromisoformat(day), line), problems
