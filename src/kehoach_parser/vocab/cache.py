"""What the parser derives from its data files, kept between runs: the rule catalogue as parsed, the
lexicon's syllables and pairs. Building them takes about a tenth of a second per process, which a
``kehoach check`` run in CI or pre-commit pays every time; reading them back takes a few milliseconds.

Entries live in ``$KEHOACH_CACHE_DIR`` (set it empty to keep no cache), else
``$XDG_CACHE_HOME/kehoach-parser``, else ``~/.cache/kehoach-parser``. Each is named by a hash of what it
was built from (the files' paths, sizes and modification times, the package and Python versions and a key
of the caller's), so a changed file or another version is read afresh and its entry replaces the old one. A
missing, stale or damaged entry is built again; a folder that cannot be written leaves every run as it
would be without a cache. Only plain data (strings, numbers, lists, dicts, sets) is kept; a value
holding anything else (a date) is not.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
ENVIRONMENT = "KEHOACH_CACHE_DIR"
SUFFIX = ".marshal"


def folder() -> Path | None:
    """Where entries live, or None when the cache is off."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kehoach-parser"


def cached(kind: str, sources: Sequence[Path], build: Callable[[], T], *, key: str = "") -> T:
    """``build()``, or what it returned in an earlier run for the same ``sources`` and ``key``."""
    where = folder()
    name = _name(kind, sources, key) if where is not None else None
    if where is None or name is None:
        return build()
    entry = where / name
    with suppress(OSError, EOFError, ValueError, TypeError):
        value: T = marshal.loads(entry.read_bytes())
        return value
    value = build()
    _store(where, kind, entry, value)
    return value


def _name(kind: str, sources: Sequence[Path], key: str) -> str | None:
    from .. import __version__

    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{key}".encode())  # marshal's format: per Python
    for source in sources:
        try:
            info = source.stat()
        except OSError:
            return None
        digest.update(f"\0{source.resolve()}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return f"{kind}-{digest.hexdigest()[:24]}{SUFFIX}"


def _store(where: Path, kind: str, entry: Path, value: Any) -> None:
    try:
        data = marshal.dumps(value)
    except ValueError:  # not plain data: built each run
        return
    with suppress(OSError):
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=f".{kind}-", suffix=SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, entry)  # whole or not at all, also with two runs at once
        finally:
            with suppress(OSError):
                os.unlink(temporary)
        for old in where.glob(f"{kind}-*{SUFFIX}"):  # what older files or versions left
            if old != entry:
                with suppress(OSError):
                    old.unlink()
