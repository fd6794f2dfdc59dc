"""Reading dump files from disk: the only stage that touches the seeds folder.

It decodes each file (BOM, CRLF), rejects empty and binary files with a clear
Problem, and finds each dump's capture date: a YYYY-MM-DD prefix in the file
name, else the file's last git commit date, else its modification time.
"""

from __future__ import annotations

import codecs
import re
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Mapping

from paperfold.model import Dump, Origin, Problem

# "2026-04-13_hf_daily.txt" -> 2026-04-13
DATE_PREFIX = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[_\-. ]|$)")
IGNORED_NAMES = {"README.md", "README", ".gitkeep"}


def seed_files(seeds_dir: Path, root: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """Every seed file under `seeds_dir` but hidden ones and READMEs, and a Problem for each
    symbolic link that leaves `root` (the repository: the folder that holds the seeds):
    a link may not publish, or make the build read, a file from elsewhere on the machine.
    Links inside are followed, each folder once (a link loop ends there)."""
    root = (root or seeds_dir.parent).resolve()
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def refuse(path: Path, message: str) -> None:
        folder = _display_path(path.parent, root)  # not the link's target: the link itself
        shown = printable(path.name) if folder == "." else f"{folder}/{printable(path.name)}"
        problems.append(Problem(Origin(shown, 1), message))

    def walk(folder: Path) -> None:
        if folder.resolve() in seen:
            return
        seen.add(folder.resolve())
        try:
            entries = sorted(folder.iterdir())
        except OSError as error:
            refuse(folder, f"expected a readable folder, found {error.strerror or error} (left out)")
            return
        for path in entries:
            if path.name.startswith("."):
                continue
            if path.is_symlink() and (outside := resolves_outside(path, root)):
                refuse(path, f"expected a file or folder inside the repository, found a symbolic link to {outside} "
                             "(refused: links may not leave the repository)")
            elif path.is_dir():
                walk(path)
            elif path.is_file() and path.name not in IGNORED_NAMES:
                files.append(path)

    if seeds_dir.is_symlink() and (outside := resolves_outside(seeds_dir, root)):
        refuse(seeds_dir, f"expected the seeds folder inside the repository, found a symbolic link to {outside} "
                          "(refused: links may not leave the repository)")
    elif seeds_dir.is_dir():
        walk(seeds_dir)
    return sorted(files), problems


def resolves_outside(path: Path, root: Path) -> str | None:
    """Where `path` leads when that is outside `root` (or nowhere: a broken or looping link), else None."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "nothing (a broken or looping link)"
    return None if target.is_relative_to(root.resolve()) else printable(str(target))


def printable(name: str) -> str:
    """Bytes of a file name that are not UTF-8 ("bad\\xff.txt") as U+FFFD: no page, URL or
    YAML file can hold them."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# A byte that is not UTF-8 text: a NUL, or a byte decoding left as a lone surrogate
# (errors="surrogateescape" keeps "\xff" as "\udcff").
BAD_CHARACTER = re.compile("[\x00\udc80-\udcff]")
BINARY_SHARE = 0.01  # more bad bytes than this share of the file: binary data, not a listing
MAX_BAD_LINES = 5  # lines with a bad byte reported one by one; the rest are counted


def decode(raw: bytes) -> str | None:
    """Text with BOM removed and newlines normalised, or None for binary data (see `decoded`)."""
    return decoded(raw, "")[0]


def decoded(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """The text of a seed file, and a Problem for each line with a byte that is not UTF-8 text.

    One stray byte (a NUL, a Latin-1 "\xff") in a pasted page is a slip, not a binary file:
    it becomes U+FFFD, the line is reported, and the rest is read. A file with more than
    BINARY_SHARE of such bytes is binary data, reported at its first bad byte."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # saved as "Unicode" on Windows
        raw = raw.decode("utf-16", errors="replace").encode("utf-8", errors="surrogatepass")
    try:  # valid UTF-8 (most files) holds no escaped byte: only a NUL is left to look for
        text, escaped = raw.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        text, escaped = raw.decode("utf-8-sig", errors="surrogateescape"), True
    if "\r" in text:
        # Line breaks as an editor numbers them: a file of "\r" alone breaks lines at each; in a file
        # with "\n" breaks, a stray "\r" inside a line (pasted "tasks.\r \r\n") is a space, so that
        # every line number after it still points at the line an editor shows.
        text = text.replace("\r\n", "\n")
        text = text.replace("\r", " ") if "\n" in text else text.replace("\r", "\n")
    if not escaped and "\x00" not in text:  # "in" is a C scan; the pattern scans several times slower
        return text, []
    bad = BAD_CHARACTER.findall(text)
    if not bad:
        return text, []
    lines = [i for i, line in enumerate(text.split("\n")) if BAD_CHARACTER.search(line)]
    if len(bad) > BINARY_SHARE * len(raw):
        return None, [Problem(Origin(shown, lines[0] + 1), "expected a UTF-8 text listing, found binary data "
                              f"({len(bad)} bytes that are not text, the first on this line)")]
    problems = [Problem(Origin(shown, i + 1), "expected UTF-8 text, found a byte that is not (a NUL or "
                        "another encoding's character): shown as \ufffd, the rest of the file is read", "warning")
                for i in lines[:MAX_BAD_LINES]]
    if len(lines) > MAX_BAD_LINES:
        problems.append(Problem(Origin(shown, lines[MAX_BAD_LINES] + 1), f"and {len(lines) - MAX_BAD_LINES} "
                                "more lines with a byte that is not UTF-8 text, from this line on", "warning"))
    return BAD_CHARACTER.sub("\ufffd", text), problems


def git_commit_dates(directory: Path) -> dict[Path, date]:
    """Last commit date of every file under `directory`, from one `git log` call."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
            cwd=directory, capture_output=True, text=True, check=True, timeout=60,
        ).stdout
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=directory, capture_output=True, text=True, check=True, timeout=60,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[Path, date] = {}
    for chunk in out.split("\x00")[1:]:
        day, *names = chunk.strip().split("\n")
        for name in filter(None, names):
            dates.setdefault((Path(top) / name).resolve(), date.fromisoformat(day))
    return dates


def capture_date(path: Path, commit_dates: dict[Path, date]) -> tuple[date, str]:
    if match := DATE_PREFIX.match(path.name):
        try:
            return date.fromisoformat(match["date"]), "file name"
        except ValueError:
            pass
    if (committed := commit_dates.get(path.resolve())) is not None:
        return committed, "git commit"
    return datetime.fromtimestamp(path.stat().st_mtime).date(), "modification time"


def load_dumps(
    seeds_dir: Path, display_root: Path | None = None, pinned: Mapping[str, date] | None = None,
) -> tuple[list[Dump], list[Problem]]:
    """Every readable dump under `seeds_dir`, and a Problem for each file that is not.

    `pinned` maps a file name to the capture date a curation file gives it; it
    wins over the file name, git and the modification time.
    """
    display_root = display_root or seeds_dir.parent
    commit_dates = git_commit_dates(seeds_dir) if seeds_dir.is_dir() else {}
    dumps: list[Dump] = []
    paths, problems = seed_files(seeds_dir, display_root)
    for path in paths:
        shown = _display_path(path, display_root)
        try:
            raw = path.read_bytes()
            day, how = (pinned[path.name], "curation") if path.name in (pinned or {}) else capture_date(path, commit_dates)
        except OSError as error:  # permissions, a file removed meanwhile
            problems.append(Problem(Origin(shown, 1), f"expected a readable file, found {error.strerror or error} "
                                    "(file left out)"))
            continue
        text, found = decoded(raw, shown)
        problems += found
        if text is None:
            continue
        dumps.append(Dump(shown, text, day, how))
    return dumps, problems


def _display_path(path: Path, root: Path) -> str:
    """The path as pages and messages show it, printable."""
    try:
        shown = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = path.as_posix()
    return printable(shown)
