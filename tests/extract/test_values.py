"""Target values: table cells (``parse_value``) and percentages stated in sentences (``parse_text_value``)."""
from __future__ import annotations

import pytest

from kehoach_parser.extract.values import parse_text_value, parse_value


@pytest.mark.parametrize(
    ("cell", "comparator", "value", "unit", "period"),
    [
        ("≥ 95%", ">=", 95, "%", None),
        ("≥80%", ">=", 80, "%", None),
        (">= 90%", ">=", 90, "%", None),
        ("≤ 5%", "<=", 5, "%", None),
        ("80%", "=", 80, "%", None),
        ("99,5%", "=", 99.5, "%", None),
        ("100% (2025-2027)", "=", 100, "%", "2025-2027"),
        ("50% (2025-2027)", "=", 50, "%", "2025-2027"),
        ("100% nộp thuế điện tử, ứng dụng hóa đơn điện tử, ký số...", "=", 100, "%", None),
        ("Tối thiểu 80%", ">=", 80, "%", None),
        ("trên 90%", ">", 90, "%", None),
        ("tối đa 10%", "<=", 10, "%", None),
        ("không dưới 95%", ">=", 95, "%", None),
    ],
)
def test_cell(cell: str, comparator: str, value: float, unit: str, period: str | None) -> None:
    parsed = parse_value(cell)
    assert parsed is not None
    assert (parsed.raw, parsed.comparator, parsed.value, parsed.unit, parsed.period) == (
        cell, comparator, value, unit, period)


@pytest.mark.parametrize("cell", ["", "   ", None])
def test_empty_cell_is_none(cell: str | None) -> None:
    assert parse_value(cell) is None


def test_cell_without_a_number_keeps_raw() -> None:
    parsed = parse_value("Không có")
    assert parsed is not None
    assert (parsed.raw, parsed.comparator, parsed.value, parsed.unit) == ("Không có", None, None, None)


def test_cell_raw_is_cleaned() -> None:
    parsed = parse_value("<p>**≥ 95%**</p>")
    assert parsed is not None
    assert (parsed.raw, parsed.comparator, parsed.value) == ("≥ 95%", ">=", 95)


@pytest.mark.parametrize(
    ("sentence", "raw", "comparator", "value"),
    [
        ("Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.", "Tối thiểu 80%", ">=", 80),
        ("Tỷ lệ mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính đạt trên 90%.",
         "trên 90%", ">", 90),
        ("100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.",
         "100%", "=", 100),
        ("Mở rộng phủ sóng 5G đạt 95% dân số, bảo đảm chất lượng dịch vụ.", "đạt 95%", "=", 95),
    ],
)
def test_sentence_with_raw(sentence: str, raw: str, comparator: str, value: float) -> None:
    parsed = parse_text_value(sentence)
    assert parsed is not None
    assert (parsed.raw, parsed.comparator, parsed.value, parsed.unit, parsed.period) == (
        raw, comparator, value, "%", None)


@pytest.mark.parametrize(
    ("sentence", "comparator", "value"),
    [
        ("Thông tin, giấy tờ, tài liệu chỉ cung cấp một lần cho cơ quan hành chính nhà nước đạt từ 80% trở lên.",
         ">=", 80),
        ("Tỷ lệ TTHC cung cấp DVC trực tuyến toàn trình trên tổng số TTHC đạt tối thiểu lần lượt là 100% và 70%.",
         ">=", 100),
        # "trên" far before the number ("trên môi trường mạng") states no comparison
        ("Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 90% (trừ hồ sơ công việc thuộc phạm vi bí mật "
         "nhà nước).", "=", 90),
        # "tối thiểu" in an earlier clause does not reach across the colon
        ("Bảo đảm điều kiện tối thiểu phục vụ: 100% cán bộ, công chức có máy tính đáp ứng cấu hình.", "=", 100),
        # a negated comparator word is one phrase: "không dưới" (not below) is ">=", not "<"
        ("Tỷ lệ hồ sơ giải quyết đúng hạn không dưới 95%.", ">=", 95),
        ("Tỷ lệ hồ sơ giải quyết đúng hạn không thấp hơn 90%.", ">=", 90),
        ("Tỷ lệ hồ sơ trễ hạn không vượt quá 5%.", "<=", 5),
        ("Tỷ lệ hồ sơ trễ hạn dưới 5%.", "<", 5),
        ("Tỷ lệ hồ sơ trễ hạn từ 5% trở xuống.", "<=", 5),
    ],
)
def test_sentence_comparator(sentence: str, comparator: str, value: float) -> None:
    parsed = parse_text_value(sentence)
    assert parsed is not None
    assert (parsed.comparator, parsed.value, parsed.unit) == (comparator, value, "%")


def test_sentence_raw_includes_suffix() -> None:
    parsed = parse_text_value("Cung cấp một lần đạt từ 80% trở lên.")
    assert parsed is not None
    assert parsed.raw.endswith("80% trở lên")


def test_sentence_without_percentage_is_none() -> None:
    assert parse_text_value("Bảo đảm 03 bài toán lớn được đặt hàng trong năm 2026.") is None
