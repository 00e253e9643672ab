"""Repairs of what OCR misreads, only on pages OCR read."""
from __future__ import annotations

from kehoach_parser.layout import Layout, Line
from kehoach_parser.segment.document import segment

LINES = ["KẾ HOẠCH", "Phối hợp kiểm soát năm 2026", "I. MỤC ĐÍCH, YÊU CẦU", "Nội dung một.", "II. NỘI DUNG",
         "Nội dung hai.", "II. TỔ CHỨC THỰC HIỆN", "Nội dung ba."]


def _layout(ocr_pages: frozenset[int]) -> Layout:
    return Layout([Line(text, 1, i) for i, text in enumerate(LINES, start=1)], "pdf", pages=1,
                  lines_are_paragraphs=True, ocr_pages=ocr_pages)


def test_misread_numeral_on_an_ocr_page_is_the_next_one() -> None:
    seg = segment(_layout(frozenset({1})))
    assert [n.number for n in seg.sections] == ["I", "II", "III"]
    assert [code for code, _ in seg.warnings] == ["ocr_numeral_repaired"]


def test_printed_repeat_is_kept_for_the_linter() -> None:
    seg = segment(_layout(frozenset()))
    assert [n.number for n in seg.sections] == ["I", "II", "II"]
    assert seg.warnings == []
