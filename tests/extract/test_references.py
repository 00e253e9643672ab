"""Cited documents (``extract.references.extract_references``)."""
from __future__ import annotations

import pytest

from kehoach_parser.extract.references import extract_references
from kehoach_parser.model import Location, Reference


def _extract(*texts: str, own_id: str | None = None) -> list[Reference]:
    """Each text as if it stood on its own line: line 1, 2, …"""
    return extract_references([(text, Location(line=i)) for i, text in enumerate(texts, start=1)], own_id)


def _refs(*texts: str, own_id: str | None = None) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(r.id, r.kind, r.date, r.issuer) for r in _extract(*texts, own_id=own_id)]


def test_resolution_of_the_politburo() -> None:
    assert _refs("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
                 "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;") == [
        ("57-NQ/TW", "Nghị quyết", "2024-12-22", "Bộ Chính trị")]


def test_decision_of_the_prime_minister() -> None:
    assert _refs("Quyết định số 2629/QĐ-TTg ngày 01/12/2025 của Thủ tướng Chính phủ phê duyệt Chương trình phát "
                 "triển Chính phủ số;") == [("2629/QĐ-TTg", "Quyết định", "2025-12-01", "Thủ tướng Chính phủ")]


def test_two_ids_after_one_kind_word() -> None:
    assert _refs("đáp ứng yêu cầu tại văn bản số 15527BT/TTT-TTH và 708/BTTT-CATTT; hoàn thành kết nối") == [
        ("15527BT/TTT-TTH", "Văn bản", None, None),
        ("708/BTTT-CATTT", "Văn bản", None, None),
    ]


def test_spaces_removed_from_id() -> None:
    assert _refs("không để chậm trễ tiến độ chung của Nghị quyết số 57- NQ/TW.") == [
        ("57-NQ/TW", "Nghị quyết", None, None)]


def test_same_id_twice_is_one_entry_and_later_mention_fills_issuer() -> None:
    refs = _extract(
        "Triển khai Nghị định số 107/2021/NĐ-CP quy định về thủ tục hành chính.",
        "dịch vụ công theo Nghị định số 107/2021/NĐ-CP của Chính phủ",
    )
    assert [(r.id, r.kind, r.date, r.issuer) for r in refs] == [("107/2021/NĐ-CP", "Nghị định", None, "Chính phủ")]
    assert refs[0].mentions == 2
    assert refs[0].location == Location(line=1)  # the first mention


def test_later_mention_fills_date_but_does_not_overwrite() -> None:
    refs = _refs("Nghị quyết số 57-NQ/TW của Bộ Chính trị",
                 "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Ban Bí thư")
    assert refs == [("57-NQ/TW", "Nghị quyết", "2024-12-22", "Bộ Chính trị")]


def test_two_printings_are_two_entries() -> None:
    assert [r[0] for r in _refs("Nghị quyết số 71-NQ/CP ngày 01/4/2025 của Chính phủ",
                                "Nghị quyết số 71/NQ-CP")] == ["71-NQ/CP", "71/NQ-CP"]


@pytest.mark.parametrize("text", [
    "Kế hoạch số /KH-UBND",
    "(Ban hành kèm theo Kế hoạch số /KH-UBND ngày / /2026 của Ủy ban nhân dân phường)",
    "Số: /KH-UBND",
])
def test_blank_own_number_is_not_a_reference(text: str) -> None:
    assert _refs(text) == []


def test_own_number_is_not_a_reference() -> None:
    assert _refs("(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026)", own_id="12/KH-UBND") == []


def test_issuer_with_commas_kept_whole() -> None:
    refs = _refs("(Điều chỉnh, bổ sung theo Thông báo số 02-TB/BĐC ngày 19/03/2026 của BCD phát triển khoa học, "
                 "công nghệ, đổi mới sáng tạo và chuyển đổi số)")
    assert refs == [("02-TB/BĐC", "Thông báo", "2026-03-19",
                     "BCD phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số")]


def test_issuer_with_va_inside_its_name() -> None:
    # sample 000's gold: "của Bộ Khoa học và Công nghệ" is one organ
    refs = _refs("theo Công văn số 8177/BKHCN-CĐSQG ngày 30/12/2025 của Bộ Khoa học và Công nghệ về việc hướng dẫn")
    assert refs == [("8177/BKHCN-CĐSQG", "Công văn", "2025-12-30", "Bộ Khoa học và Công nghệ")]


def test_issuer_stops_at_comma_before_about() -> None:
    refs = _refs("Thực hiện Kế hoạch số 359/KH-UBND ngày 31/12/2025 của Ủy ban nhân dân thành phố Hải Phòng, về "
                 "Chuyển đổi số thành phố Hải Phòng năm 2026;")
    assert refs == [("359/KH-UBND", "Kế hoạch", "2025-12-31", "Ủy ban nhân dân thành phố Hải Phòng")]


def test_issuer_stops_before_about() -> None:
    refs = _refs("Kế hoạch số 359/KH-UBND ngày 31/12/2025 của Ủy ban nhân dân thành phố về Chuyển đổi số")
    assert refs == [("359/KH-UBND", "Kế hoạch", "2025-12-31", "Ủy ban nhân dân thành phố")]


def test_comma_before_date() -> None:
    refs = _refs("Căn cứ Chương trình số 01-CTr/BCĐ, ngày 09/01/2026 của Ban Chỉ đạo thành phố;")
    assert refs == [("01-CTr/BCĐ", "Chương trình", "2026-01-09", "Ban Chỉ đạo thành phố")]


def test_date_in_words() -> None:
    refs = _refs("Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ")
    assert refs == [("749/QĐ-TTg", "Quyết định", "2020-06-03", "Thủ tướng Chính phủ")]


def test_non_organ_after_cua_is_no_issuer() -> None:
    refs = _refs("Nghị định số 73/2019/NĐ-CP ngày 05/9/2019 của năm trước")
    assert refs == [("73/2019/NĐ-CP", "Nghị định", "2019-09-05", None)]


def test_longer_kind_word_wins() -> None:
    refs = _refs("Kế hoạch hành động số 475-KH/TU ngày 22/5/2025 của Ban Thường vụ Thành ủy")
    assert refs == [("475-KH/TU", "Kế hoạch hành động", "2025-05-22", "Ban Thường vụ Thành ủy")]


def test_order_of_first_appearance_across_texts() -> None:
    refs = _refs("Quyết định số 2/QĐ-UBND và Nghị quyết số 1-NQ/TW", "Công văn số 3/UBND-VP; Quyết định số 2/QĐ-UBND")
    assert [r[0] for r in refs] == ["2/QĐ-UBND", "1-NQ/TW", "3/UBND-VP"]


def test_id_without_slash_is_not_a_reference() -> None:
    assert _refs("Quyết định số 12 của Chủ tịch") == []
