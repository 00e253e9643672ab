"""Lead and coordinator cells -> lists of units (``extract.units.split_units``)."""
from __future__ import annotations

import pytest

from kehoach_parser.extract.units import split_units


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        # commas inside one unit's name stay
        ("Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Kinh tế, Hạ tầng và Đô thị"]),
        ("Các phòng, ban, ngành, đơn vị thuộc phường", ["Các phòng, ban, ngành, đơn vị thuộc phường"]),
        # " và các …" starts a new unit
        ("Các phòng, ban, ngành, đơn vị thuộc phường và các tổ dân phố",
         ["Các phòng, ban, ngành, đơn vị thuộc phường", "các tổ dân phố"]),
        # a joint office is one unit
        ("Văn phòng HĐND và UBND", ["Văn phòng HĐND và UBND"]),
        ("Văn phòng HĐND và UBND phường", ["Văn phòng HĐND và UBND phường"]),
        # ", Các …" / ", Phòng …" start new units
        ("Phòng VH-XH, Các Tổ dân phố", ["Phòng VH-XH", "Các Tổ dân phố"]),
        ("Phòng Văn hóa - Xã hội, Phòng Kinh tế, Hạ tầng và Đô thị",
         ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế, Hạ tầng và Đô thị"]),
        ("Các cơ quan chuyên môn, đơn vị thuộc phường, các tổ dân phố trên địa bàn",
         ["Các cơ quan chuyên môn, đơn vị thuộc phường", "các tổ dân phố trên địa bàn"]),
    ],
)
def test_commas_split_only_before_a_new_unit(cell: str, units: list[str]) -> None:
    assert split_units(cell) == units


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("Phòng A; phòng b", ["Phòng A", "phòng b"]),  # even before a word that starts no unit
        ("Các cơ quan chuyên môn, đơn vị thuộc phường; Tổ công tác thực hiện Đề án 06/CP và Công nghệ số cộng đồng",
         ["Các cơ quan chuyên môn, đơn vị thuộc phường",
          "Tổ công tác thực hiện Đề án 06/CP và Công nghệ số cộng đồng"]),
        ("Phòng Văn hóa xã hội; Các phòng, ban, ngành, đơn vị thuộc phường và các tổ dân phố",
         ["Phòng Văn hóa xã hội", "Các phòng, ban, ngành, đơn vị thuộc phường", "các tổ dân phố"]),
        ("Phòng A ;Phòng B", ["Phòng A", "Phòng B"]),
    ],
)
def test_semicolon_always_splits(cell: str, units: list[str]) -> None:
    assert split_units(cell) == units


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("Phòng Văn hóa - Xã hội.", ["Phòng Văn hóa - Xã hội"]),
        ("Phòng Văn hóa - Xã hội;", ["Phòng Văn hóa - Xã hội"]),
        ("Phòng A; Phòng B.", ["Phòng A", "Phòng B"]),
        ("- Công an phường", ["Công an phường"]),
        ("  Phòng   Văn hóa  ", ["Phòng Văn hóa"]),
    ],
)
def test_trailing_punctuation_and_spaces_removed(cell: str, units: list[str]) -> None:
    assert split_units(cell) == units


@pytest.mark.parametrize("cell", ["", "   ", None, ";", " . "])
def test_empty(cell: str | None) -> None:
    assert split_units(cell) == []


def test_lower_case_words_after_comma_stay() -> None:
    # "ban" is not "Ban": "các phòng, ban" is one unit; "doanh nghiệp" after "và" is a starter
    assert split_units("Các phòng ban thuộc phường các tổ dân phố") == ["Các phòng ban thuộc phường các tổ dân phố"]
    assert split_units("các doanh nghiệp viễn thông, các đơn vị liên quan") == [
        "các doanh nghiệp viễn thông", "các đơn vị liên quan"]
