"""Issue 7: every class of hostile input has a reproducer (tests/data/hostile/, built by
make_hostile.py) and is handled: a ``KehoachError`` with a one-line message naming the file, or a
successful parse whose JSON reads back into ``Plan``; within its time cap (10 s) and 500 MB; the CLI
never prints a traceback, a batch goes on after a bad file, and no partial output is left.

Each case runs in a capped child process (tests/fuzz/runner.py). Big inputs and OCR are
``@pytest.mark.slow``. Modes: ``parse`` (``parse()``), ``inject`` (``parse()`` with a planted bug in
the reader), ``check`` (``kehoach check FILE``), ``batch`` (``kehoach parse FILE good.txt -o DIR``),
and real processes for ``closed-stdout``, ``full-disk`` and ``ctrl-c``.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fuzz.hostile import HOSTILE, MANIFEST, make_hostile, run_entry
from fuzz.runner import ForkServer

# the modes that run a whole command (a real interpreter, or kehoach parse/check with its worker pool:
# a second or more each); tests/cli and tests/check cover the same in process by default
REAL_PROCESS = frozenset({"closed-stdout", "full-disk", "ctrl-c", "batch", "check"})


def _param(entry: dict[str, Any]) -> Any:
    marks = [pytest.mark.slow] if entry["slow"] or entry["mode"] in REAL_PROCESS else []
    return pytest.param(entry, id=entry["id"], marks=marks)


@pytest.fixture(scope="module")
def server() -> Iterator[ForkServer]:
    with ForkServer() as running:
        yield running


@pytest.mark.parametrize("entry", [_param(e) for e in MANIFEST])
def test_hostile_input_is_handled(entry: dict[str, Any], server: ForkServer, tmp_path: Path) -> None:
    _outcome, problems = run_entry(entry, server, tmp_path)
    assert not problems, f"{entry['id']} ({entry['issue']}): " + " | ".join(problems)


def test_manifest_covers_every_group() -> None:
    groups = {e["group"] for e in MANIFEST}
    assert groups == {"memory", "hang", "traceback", "library", "message", "held"}
    assert len({e["id"] for e in MANIFEST}) == len(MANIFEST)


def test_committed_reproducers_are_what_the_script_builds() -> None:
    """tests/data/hostile/files and manifest.json are made by make_hostile.py, never by hand."""
    assert make_hostile.out_of_date() == [], "run python tests/data/hostile/make_hostile.py"


def test_committed_reproducers_are_small() -> None:
    sizes = {p.name: p.stat().st_size for p in (HOSTILE / "files").iterdir()}
    assert max(sizes.values()) < 64 * 1024, sizes
