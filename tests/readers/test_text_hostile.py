"""Hostile text input and sniffing (issue 7): patterns that cannot backtrack on 1 MB lines, decoding
within ``max_text_chars``, row and block budgets, and a sniffer that never raises on damaged bytes."""
from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docx_parts import p, package
from kehoach_parser import KehoachError, parse
from kehoach_parser.errors import InputTooLargeError
from kehoach_parser.layout import Line, Table
from kehoach_parser.limits import BudgetExceeded, Limits
from kehoach_parser.readers import sniff
from kehoach_parser.readers.text import MD_SEPARATOR, read_text

MB = 1_000_000


def _budget(data: bytes, **budgets: int) -> str:
    with pytest.raises(InputTooLargeError) as info:
        parse(data, name="big.txt", limits=Limits().override(**budgets))
    assert str(info.value).startswith("big.txt:")
    return info.value.budget


@pytest.mark.parametrize(("line", "separator"), [
    ("|---|---|", True), ("---|---", True), ("| --- | :---: |", True), ("|:--|--:|", True),
    ("|---|", False), ("| a | b |", False), ("|-- -|---|", False), ("|---||---|", False), ("---", False)])
def test_separator_rows(line: str, separator: bool) -> None:
    assert bool(MD_SEPARATOR.match(line)) is separator


@pytest.mark.parametrize("line", [
    "|" + "- |" * (MB // 3) + " x",  # quadratic for the old pattern: minutes
    "|" + "-|" * (MB // 2),  # a separator of half a million columns: past the column budget
    "|" + "-" * MB + "|-",  # one separator row of two huge cells
    "|" + "a" * MB,  # an opening pipe and no closing one
    " " * MB + "x", "_" * MB + "x", "*" + " " * MB, "-" * MB + "x", " " * MB + "12 x"])
def test_megabyte_lines_are_read_in_one_pass(line: str) -> None:
    data = (line + "\nKẾ HOẠCH\n").encode()
    try:
        layout = read_text(data)
    except BudgetExceeded as exc:
        assert exc.budget == "table_max_columns"
        return
    assert isinstance(layout.blocks[-1], Line) and layout.blocks[-1].text == "KẾ HOẠCH"


def test_two_huge_separator_cells_are_dropped() -> None:
    layout = read_text(("| a | b |\n|" + "-" * MB + "|-|\n| c | d |\n").encode())
    [grid] = layout.blocks
    assert isinstance(grid, Table) and [r.cells for r in grid.rows] == [("a", "b"), ("c", "d")]


def test_text_budget_before_and_after_decoding() -> None:
    assert _budget("Kế hoạch năm 2026. ".encode() * 100, max_text_chars=500) == "max_text_chars"
    assert _budget(b"x" * 5000, max_text_chars=1000) == "max_text_chars"  # refused undecoded: 4 bytes a char at most


def test_row_and_block_budgets() -> None:
    assert _budget(("| " + " | ".join("c" * 600) + " |\n").encode()) == "table_max_columns"
    assert _budget(("a\t" * 600 + "\n").encode()) == "table_max_columns"
    assert _budget(b"line\n" * 200, max_layout_blocks=100) == "max_layout_blocks"


def test_control_characters_are_counted_in_one_pass() -> None:
    with pytest.raises(KehoachError, match="control characters"):
        parse(b"KE HOACH\x01" * 100_000, name="binary.txt")


@pytest.mark.parametrize(("data", "fmt"), [
    (b"  \n\t{\\rtf1 x}", "rtf"), (b"x" * 2000 + b"%PDF-1.4", "txt"), (b"PK\x03\x04" + b"\x00" * 100, "broken-zip"),
    (b"PK\x05\x06" + b"\xff" * 18, "broken-zip")])
def test_sniffing_looks_at_a_bounded_prefix(data: bytes, fmt: str) -> None:
    assert sniff(data, "x") == fmt


SAMPLE = package(p("KẾ HOẠCH") + p("Chuyển đổi số năm 2026"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SAMPLE) - 1), st.integers(0, 255)), min_size=1, max_size=8),
       st.integers(len(SAMPLE) // 2, len(SAMPLE)))
def test_damaged_word_files_give_kehoach_errors_only(edits: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(SAMPLE)
    for at, value in edits:
        data[at] = value
    damaged = bytes(data[:cut])
    with contextlib.suppress(BudgetExceeded):  # a directory announcing too many parts: reported by parse
        sniff(damaged, "damaged.docx")
    try:
        parse(damaged, name="damaged.docx")
    except KehoachError as exc:
        assert "internal error" not in str(exc), str(exc)
