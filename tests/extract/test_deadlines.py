"""Deadline cells -> kind and date range (``extract.deadlines.parse_deadline``)."""
from __future__ import annotations

import pytest

from kehoach_parser.extract.deadlines import parse_deadline


@pytest.mark.parametrize(
    ("raw", "kind", "start", "end"),
    [
        ("Quý I/2026", "quarter", "2026-01-01", "2026-03-31"),
        ("Quý II/2026", "quarter", "2026-04-01", "2026-06-30"),
        ("Quý III/2026", "quarter", "2026-07-01", "2026-09-30"),
        ("Quý IV/2025", "quarter", "2025-10-01", "2025-12-31"),
        ("Quý II năm 2026", "quarter", "2026-04-01", "2026-06-30"),
        ("quý 3 năm 2025", "quarter", "2025-07-01", "2025-09-30"),
        ("Quý III-IV/2026", "quarter", "2026-07-01", "2026-12-31"),
        ("Tháng 7/2025", "month", "2025-07-01", "2025-07-31"),
        ("Tháng 12/2026", "month", "2026-12-01", "2026-12-31"),
        ("Tháng 2/2024", "month", "2024-02-01", "2024-02-29"),  # leap year
        ("Tháng 2/2025", "month", "2025-02-01", "2025-02-28"),
        ("Trong năm 2025", "year", "2025-01-01", "2025-12-31"),
        ("Năm 2026", "year", "2026-01-01", "2026-12-31"),
        ("30/6/2026", "date", "2026-06-30", "2026-06-30"),
    ],
)
def test_dated(raw: str, kind: str, start: str, end: str) -> None:
    deadline = parse_deadline(raw)
    assert deadline is not None
    assert (deadline.raw, deadline.kind, deadline.start, deadline.end) == (raw, kind, start, end)


@pytest.mark.parametrize(
    "raw",
    [
        "Thường xuyên",
        "thường xuyên",
        "Kế hoạch công tác hàng năm",
        "Nhiệm vụ thường xuyên; định kỳ hàng tháng báo cáo kết quả",
        "Hằng năm",
        "Định kỳ hàng quý",
    ],
)
def test_recurring(raw: str) -> None:
    deadline = parse_deadline(raw)
    assert deadline is not None
    assert (deadline.raw, deadline.kind, deadline.start, deadline.end) == (raw, "recurring", None, None)


@pytest.mark.parametrize(
    "raw",
    [
        "Theo hướng dẫn của Thành phố",
        "Theo Kế hoạch thành phố",
        "theo hướng dẫn của Sở Nội vụ thành phố",
        "Theo chỉ đạo của UBND thành phố",
    ],
)
def test_as_directed(raw: str) -> None:
    deadline = parse_deadline(raw)
    assert deadline is not None
    assert (deadline.raw, deadline.kind, deadline.start, deadline.end) == (raw, "as_directed", None, None)


def test_other_keeps_raw() -> None:
    deadline = parse_deadline("Sớm nhất có thể")
    assert deadline is not None
    assert (deadline.raw, deadline.kind, deadline.start, deadline.end) == ("Sớm nhất có thể", "other", None, None)


@pytest.mark.parametrize(("text", "raw"), [("Quý I/2026.", "Quý I/2026"), ("Thường xuyên;", "Thường xuyên"),
                                           ("  Tháng 7/2025 . ", "Tháng 7/2025")])
def test_trailing_punctuation_stripped_from_raw(text: str, raw: str) -> None:
    deadline = parse_deadline(text)
    assert deadline is not None and deadline.raw == raw


def test_markup_and_spaces_cleaned() -> None:
    deadline = parse_deadline("**Quý  I/2026**")
    assert deadline is not None
    assert (deadline.raw, deadline.kind, deadline.start) == ("Quý I/2026", "quarter", "2026-01-01")


@pytest.mark.parametrize("text", ["", "   ", None, ".", " ; "])
def test_empty_is_none(text: str | None) -> None:
    assert parse_deadline(text) is None


def test_default_year_completes_a_quarter() -> None:
    deadline = parse_deadline("Quý II", default_year=2026)
    assert deadline is not None
    assert (deadline.raw, deadline.kind, deadline.start, deadline.end) == ("Quý II", "quarter", "2026-04-01",
                                                                           "2026-06-30")


def test_default_year_completes_a_month() -> None:
    deadline = parse_deadline("Tháng 7", default_year=2025)
    assert deadline is not None
    assert (deadline.kind, deadline.start, deadline.end) == ("month", "2025-07-01", "2025-07-31")


def test_printed_year_beats_default_year() -> None:
    deadline = parse_deadline("Quý I/2027", default_year=2026)
    assert deadline is not None and deadline.start == "2027-01-01"


def test_quarter_without_any_year_has_no_dates() -> None:
    deadline = parse_deadline("Quý II")
    assert deadline is not None
    assert (deadline.kind, deadline.start, deadline.end) == ("quarter", None, None)
