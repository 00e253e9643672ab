"""Which files a batch converts and where each one's output goes, so that no two inputs share one.

Files given by name are always taken; folders are walked recursively (hidden files and folders
left out) for the plans under them: a file with a plan's suffix (.txt, .md, .docx, .doc, .pdf …) or,
whatever its name, content that is a PDF or a Word file (a legacy .doc or an RTF file is taken too,
so that its error is reported rather than the file silently passed over). ``--glob`` narrows what the
folders give. Outputs mirror the inputs' folder tree below their common folder; inputs that would
share ``<stem>.json`` get ``<stem>.<ext>.json``.
"""
from __future__ import annotations

import fnmatch
import os
import stat
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from ..api import _label as printable
from ..formats import PLAN_SUFFIXES
from ..readers import OLE_MAGIC, PDF_MAGIC, RTF_MAGIC, ZIP_MAGIC
from ..readers.ooxml import ZIP_ERRORS

STDIN = "-"
STDIN_STEM = "stdin"
STDIN_LABEL = "<stdin>"
WORD_PART = "word/document.xml"
SNIFF_BYTES = 1024
OUTPUT_SUFFIX = ".json"


@dataclass(frozen=True)
class InputFile:
    """One input of a batch: a file (``path``) or the bytes of standard input (``data``)."""

    label: str  # how messages and the report name it (printable even when the name is not UTF-8)
    path: Path | None
    output: PurePath  # the output's path below the output folder: "a/kh.json" or "a/kh.txt.json"
    data: bytes | None = field(default=None, repr=False)
    size: int = 0
    renamed: bool = False  # named <stem>.<ext>.json because another input has the same stem
    index: int = 0  # its place in Inputs.files


@dataclass(frozen=True)
class Inputs:
    """The inputs of a batch, in the order given (folders sorted), and what was not taken."""

    files: tuple[InputFile, ...]
    missing: tuple[tuple[str, str], ...] = ()  # (label, problem): paths that do not exist, folders unreadable
    ignored: int = 0  # files under the folders that are not plans

    @property
    def renamed(self) -> int:
        return sum(f.renamed for f in self.files)


@dataclass(frozen=True)
class _Found:
    path: Path | None
    root: str  # the folder its relative path starts from
    data: bytes | None = None
    name: str | None = None  # the name standard input is given


def discover(paths: Iterable[str | os.PathLike[str]], *, globs: Sequence[str] = (), exclude: Path | None = None,
             stdin: bytes | None = None, stdin_name: str | None = None) -> Inputs:
    """The inputs named by ``paths`` (files, folders, ``"-"`` for ``stdin``'s bytes), each with its own
    output path. ``globs`` (fnmatch patterns against the path below the folder; ``*`` crosses folders)
    narrow what folders give; ``exclude`` (the output folder) is never walked into."""
    found: list[_Found] = []
    missing: list[tuple[str, str]] = []
    seen: set[str] = set()
    ignored = 0
    skip = os.path.realpath(exclude) if exclude is not None else None
    for given in paths:
        text = os.fspath(given)
        if text == STDIN:
            if stdin is None:
                missing.append((STDIN_LABEL, "standard input is not available"))
            elif STDIN not in seen:
                seen.add(STDIN)
                found.append(_Found(None, os.getcwd(), stdin, stdin_name))
            continue
        path = Path(text)
        if path.is_dir():
            root = os.path.abspath(path)
            plans, others, unreadable = _walk(path, globs, skip)
            ignored += others
            missing.extend(unreadable)
            candidates = [(p, root) for p in plans]
        elif path.exists() or path.is_symlink():
            candidates = [(path, os.path.dirname(os.path.abspath(path)))]
        else:
            missing.append((printable(text, None), "no such file or directory"))
            continue
        for candidate, root in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(_Found(candidate, root))
    return Inputs(tuple(_assign_outputs(found)), tuple(missing), ignored)


def _walk(folder: Path, globs: Sequence[str],
          skip: str | None) -> tuple[list[Path], int, list[tuple[str, str]]]:
    """The plans under ``folder`` (sorted, hidden entries left out), how many other files it holds, and
    the folders below it that cannot be read (reported, never passed over in silence)."""
    plans: list[Path] = []
    others = 0
    unreadable: list[tuple[str, str]] = []

    def cannot_read(error: OSError) -> None:
        unreadable.append((printable(error.filename or folder, None),
                           f"cannot read this folder ({error.strerror or error})"))

    for top, dirs, files in os.walk(folder, onerror=cannot_read):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and (skip is None or os.path.realpath(os.path.join(top, d)) != skip))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(top, name)
            relative = path.relative_to(folder).as_posix()
            if globs and not any(fnmatch.fnmatchcase(relative, g) for g in globs):
                continue
            if is_plan_file(path):
                plans.append(path)
            else:
                others += 1
    return plans, others, unreadable


def is_plan_file(path: Path) -> bool:
    """A plan's suffix, or content that is a document whatever the name (PDF, Word, legacy .doc, RTF)."""
    if path.suffix.lower() in PLAN_SUFFIXES:
        return True  # taken unread: a FIFO or device named .txt is refused by the worker, not read here
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False  # opening a FIFO would block
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
        if PDF_MAGIC in head or head.startswith(OLE_MAGIC) or head.lstrip()[:5] == RTF_MAGIC:
            return True
        if head.startswith(ZIP_MAGIC):
            with zipfile.ZipFile(path) as archive:
                return WORD_PART in archive.namelist()
    except ZIP_ERRORS:  # not a readable package: not taken for a plan
        return False
    return False


def _assign_outputs(found: list[_Found]) -> Iterator[InputFile]:
    """Give every input its output path: the relative path below the common folder of all inputs with
    ``.json`` for the suffix; the full name plus ``.json`` for inputs whose stems would clash (compared
    without case, for case-insensitive file systems); a number after that for any clash left."""
    common = _common_root([f.root for f in found])
    relatives = [_relative(f, common) for f in found]
    by_stem = Counter(_folded_path(r.parent / (r.stem + OUTPUT_SUFFIX)) for r in relatives)
    outputs: list[tuple[PurePath, bool]] = []
    for rel in relatives:
        stem_form = rel.parent / (rel.stem + OUTPUT_SUFFIX)
        clash = by_stem[_folded_path(stem_form)] > 1
        outputs.append((rel.parent / (rel.name + OUTPUT_SUFFIX), True) if clash else (stem_form, False))
    assigned: set[str] = set()
    for index, (item, (output, renamed)) in enumerate(zip(found, outputs, strict=True)):
        base, number = output, 1
        while _folded_path(output) in assigned:  # e.g. "kh.txt.txt" against "kh.txt" + "kh.pdf"
            number += 1
            output, renamed = base.parent / f"{base.stem}.{number}{OUTPUT_SUFFIX}", True
        assigned.add(_folded_path(output))
        label = printable(item.name or STDIN_LABEL, None) if item.path is None else printable(item.path, None)
        size = len(item.data or b"") if item.path is None else _size(item.path)
        yield InputFile(label, item.path, output, item.data, size, renamed, index)


def _common_root(roots: list[str]) -> str:
    try:
        return os.path.commonpath(roots) if roots else os.getcwd()
    except ValueError:  # different drives (Windows): outputs are named after the files alone
        return ""


def _relative(item: _Found, common: str) -> PurePath:
    if item.path is None:
        return PurePath(PurePath(item.name).name if item.name else STDIN_STEM)
    absolute = os.path.abspath(item.path)
    return PurePath(os.path.relpath(absolute, common) if common else os.path.basename(absolute))


def _folded_path(path: PurePath) -> str:
    return path.as_posix().casefold()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
