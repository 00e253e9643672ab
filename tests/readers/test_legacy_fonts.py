"""Legacy Vietnamese fonts in Word files (issue 8, item 6): runs typed in TCVN3 (.VnTime, .VnTimeH …)
or VNI (VNI-Times …) are read as the Unicode text Word shows, chosen by the run's font through the
style chain and the document defaults; Unicode runs, and Unicode typed in a legacy-named font, stay."""
from __future__ import annotations

import io
import unicodedata

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from kehoach_parser.layout import Line, Table
from kehoach_parser.readers import read_layout
from kehoach_parser.readers.legacy_fonts import decode, encodings, font_encoding

LOWER = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ"


def tcvn3(text: str) -> str:
    """``text`` as a TCVN3 font stores it (the inverse of the vocabulary's table; capitals as in .VnTime)."""
    inverse = {unicode: chr(code) for code, unicode in encodings()[0].table.items()}
    return "".join(inverse.get(char, char) for char in text)


def vni(text: str) -> str:
    """``text`` as a VNI font stores it: letters from the table, then one mark character per letter."""
    table = next(e for e in encodings() if e.name == "vni").table
    letters = {unicode: chr(code) for code, unicode in table.items() if not unicodedata.combining(unicode[0])}
    marks = {unicode: chr(code) for code, unicode in table.items()
             if unicodedata.combining(unicode[0]) and chr(code).islower()}
    out = []
    for char in text:
        if char in letters or char in "ìíÌÍ":
            out.append(letters.get(char, char))
            continue
        base, *rest = unicodedata.normalize("NFD", char)
        horn = "\u031b" in rest
        rest = [m for m in rest if m != "\u031b"]
        if horn:
            base = letters[unicodedata.normalize("NFC", base + "\u031b")]
        quality = [m for m in rest if m in "\u0302\u0306"]
        tone = [m for m in rest if m not in "\u0302\u0306"]
        mark = "".join(quality + tone)
        out.append(base + (marks[mark] if mark else ""))
        if mark and char.isupper():
            out[-1] = base + marks[mark].upper()
    return "".join(out)


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _lines(document) -> list[str]:
    layout = read_layout(_bytes(document), name="legacy.docx")
    return [b.text for b in layout.blocks if isinstance(b, Line)]


def _run(paragraph, text: str, font: str | None = None):
    run = paragraph.add_run(text)
    if font:
        run.font.name = font
    return run


# --- the tables and the font names -----------------------------------------------------------------
def test_every_vietnamese_letter_round_trips_through_tcvn3() -> None:
    font = font_encoding(".VnTime")
    assert font is not None and font.encoding.name == "tcvn3" and not font.capitals
    assert decode(tcvn3(LOWER), font) == LOWER
    capitals = font_encoding(".VnTimeH")
    assert capitals is not None and capitals.capitals
    assert decode(tcvn3(LOWER), capitals) == LOWER.upper()
    assert decode("ubnd", capitals) == "UBND"  # an H font draws ASCII letters as capitals too


def test_every_vietnamese_letter_round_trips_through_vni() -> None:
    font = font_encoding("VNI-Times")
    assert font is not None and font.encoding.name == "vni"
    assert decode(vni(LOWER), font) == LOWER
    assert decode(vni(LOWER.upper()), font) == LOWER.upper()


@pytest.mark.parametrize(("name", "encoding", "capitals"), [
    (".VnTime", "tcvn3", False), (".VnTimeH", "tcvn3", True), (".VnArial", "tcvn3", False),
    (".VnArialH", "tcvn3", True), (".VnArial NarrowH", "tcvn3", True), (".vnbook-antiqua", "tcvn3", False),
    ("VNI-Times", "vni", False), ("VNI-Helve-Condense", "vni", False), ("vni-top", "vni", False),
    ("Times New Roman", None, False), ("Arial", None, False), ("VnExpress Sans", None, False), ("", None, False)])
def test_font_names(name: str, encoding: str | None, capitals: bool) -> None:
    font = font_encoding(name)
    assert (font.encoding.name if font else None) == encoding
    assert bool(font and font.capitals) == capitals


def test_known_phrases() -> None:
    tcvn = font_encoding(".VnTime")
    assert tcvn is not None
    assert decode("KÕ ho¹ch", tcvn) == "Kế hoạch"
    assert decode("Céng hoµ x· héi chñ nghÜa ViÖt Nam", tcvn) == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    vni_font = font_encoding("VNI-Times")
    assert vni_font is not None
    assert decode("Ñoäc laäp - Töï do - Haïnh phuùc", vni_font) == "Độc lập - Tự do - Hạnh phúc"
    assert decode("Xin chaøo caùc baïn", vni_font) == "Xin chào các bạn"


def test_unicode_in_a_legacy_font_is_left_alone() -> None:
    font = font_encoding(".VnTime")
    assert font is not None
    assert decode("Kế hoạch năm 2026", font) == "Kế hoạch năm 2026"


# --- Word files ------------------------------------------------------------------------------------
def test_runs_in_tcvn3_and_vni_fonts() -> None:
    document = Document()
    _run(document.add_paragraph(), tcvn3("Uỷ ban nhân dân"), ".VnTimeH")
    _run(document.add_paragraph(), tcvn3("Kế hoạch chuyển đổi số năm 2026"), ".VnTime")
    _run(document.add_paragraph(), vni("Độc lập - Tự do - Hạnh phúc"), "VNI-Times")
    assert _lines(document) == ["UỶ BAN NHÂN DÂN", "Kế hoạch chuyển đổi số năm 2026", "Độc lập - Tự do - Hạnh phúc"]
    warnings = read_layout(_bytes(document), name="legacy.docx").warnings
    assert [code for code, _ in warnings] == ["legacy_font_decoded", "legacy_font_decoded"]
    assert ".VnTime, .VnTimeH" in warnings[0][1] and "VNI-Times" in warnings[1][1]


def test_mixed_document_unicode_and_tcvn3_runs() -> None:
    document = Document()
    paragraph = document.add_paragraph()
    _run(paragraph, "Căn cứ Quyết định số 12/QĐ-UBND ", "Times New Roman")
    _run(paragraph, tcvn3("của Uỷ ban nhân dân tỉnh"), ".VnTime")
    _run(paragraph, " về chuyển đổi số;")  # no font: the defaults (Unicode)
    _run(document.add_paragraph(), "Kế hoạch", ".VnTime")  # Unicode typed in a legacy font name
    assert _lines(document) == ["Căn cứ Quyết định số 12/QĐ-UBND của Uỷ ban nhân dân tỉnh về chuyển đổi số;",
                                "Kế hoạch"]


def test_font_from_the_paragraph_style_chain() -> None:
    document = Document()
    base = document.styles.add_style("Legacy base", 1)
    base.font.name = ".VnTime"
    heading = document.styles.add_style("Legacy heading", 1)
    heading.base_style = base
    document.add_paragraph(tcvn3("Mục tiêu"), style="Legacy base")
    document.add_paragraph(tcvn3("Nhiệm vụ"), style="Legacy heading")  # inherited through w:basedOn
    paragraph = document.add_paragraph(style="Legacy heading")
    _run(paragraph, "Unicode ", "Arial")  # direct formatting wins over the style
    _run(paragraph, tcvn3("và cũ"))
    assert _lines(document) == ["Mục tiêu", "Nhiệm vụ", "Unicode và cũ"]


def test_font_from_a_character_style() -> None:
    document = Document()
    style = document.styles.add_style("Legacy chars", 2)  # WD_STYLE_TYPE.CHARACTER
    style.font.name = ".VnTimeH"
    paragraph = document.add_paragraph()
    paragraph.add_run(tcvn3("tổ chức thực hiện"), style="Legacy chars")
    assert _lines(document) == ["TỔ CHỨC THỰC HIỆN"]


def test_font_from_the_document_defaults_in_a_table() -> None:
    document = Document()
    rpr_default = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rpr_default.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr_default.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), ".VnTime")
    for attribute in ("w:asciiTheme", "w:hAnsiTheme"):
        fonts.attrib.pop(qn(attribute), None)
    normal = document.styles["Normal"].element.find(qn("w:rPr"))
    if normal is not None:
        normal.getparent().remove(normal)
    table = document.add_table(rows=2, cols=2)
    for row, (left, right) in zip(table.rows, [("STT", "Nội dung"), ("1", "Đơn vị chủ trì")], strict=True):
        row.cells[0].text = tcvn3(left)
        row.cells[1].text = tcvn3(right)
    layout = read_layout(_bytes(document), name="legacy.docx")
    [grid] = [b for b in layout.blocks if isinstance(b, Table)]
    assert [r.cells for r in grid.rows] == [("STT", "Nội dung"), ("1", "Đơn vị chủ trì")]


def test_caps_formatting_reads_in_capitals() -> None:
    document = Document()
    run = document.add_paragraph().add_run("mục tiêu")
    run.font.all_caps = True
    assert _lines(document) == ["MỤC TIÊU"]
