"""Hostile .docx packages (issue 7): every one gives a clean one-line KehoachError naming the file,
or is read within its budgets; none raises anything else, allocates per span, or recurses."""
from __future__ import annotations

import pytest

from docx_parts import NS, document, numbered, one_list, p, package, patch_entry, table
from kehoach_parser import KehoachError, parse
from kehoach_parser.errors import CorruptInputError, EncryptedInputError, InputTooLargeError
from kehoach_parser.layout import Line, Table
from kehoach_parser.limits import Limits
from kehoach_parser.readers import read_layout
from kehoach_parser.readers.options import ReadOptions

NAME = "hostile.docx"


def layout(data: bytes, **budgets: int | float):
    return read_layout(data, name=NAME, options=ReadOptions(limits=Limits().override(**budgets)))


def lines(data: bytes, **budgets: int | float) -> list[str]:
    return [b.text for b in layout(data, **budgets).blocks if isinstance(b, Line)]


def tables(data: bytes, **budgets: int | float) -> list[Table]:
    return [b for b in layout(data, **budgets).blocks if isinstance(b, Table)]


def refused(data: bytes, error: type[KehoachError] = KehoachError, **budgets: int | float) -> KehoachError:
    """The error ``parse`` raises for ``data``: one line, naming the file."""
    with pytest.raises(error) as info:
        parse(data, name=NAME, limits=Limits().override(**budgets))
    message = str(info.value)
    assert message.startswith(NAME + ":") and "\n" not in message and len(message) <= 230
    return info.value


# --- tables -------------------------------------------------------------------------------------
def test_huge_grid_span_is_cut_at_the_grid() -> None:
    row = '<w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr>' + p("x") + "</w:tc>" + "<w:tc>" + p("y") + "</w:tc>"
    grid_xml = "<w:tblGrid>" + '<w:gridCol w:w="1"/>' * 3 + "</w:tblGrid>"
    body = "<w:tbl>" + grid_xml + ("<w:tr>" + row + "</w:tr>") * 200 + "</w:tbl>"
    [grid] = tables(package(body))
    assert len(grid.rows) == 200 and grid.width == 4  # "x" over three grid columns, then "y"
    assert grid.rows[0].cells == ("x", "", "", "y")


def test_huge_span_without_a_grid_stops_at_the_column_budget() -> None:
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr>' + p("x") + "</w:tc>"
    body = "<w:tbl>" + ("<w:tr>" + cell * 2 + "</w:tr>") * 200 + "</w:tbl>"
    error = refused(package(body), InputTooLargeError)
    assert error.budget == "table_max_columns"  # type: ignore[attr-defined]


def test_grid_before_and_odd_spans_are_cut() -> None:
    row = ('<w:tr><w:trPr><w:gridBefore w:val="1000000"/></w:trPr>'
           '<w:tc><w:tcPr><w:gridSpan w:val="-5"/></w:tcPr>' + p("a") + "</w:tc>"
           '<w:tc><w:tcPr><w:gridSpan w:val="²"/></w:tcPr>' + p("b") + "</w:tc></w:tr>")
    body = "<w:tbl><w:tblGrid>" + '<w:gridCol w:w="1"/>' * 3 + "</w:tblGrid>" + row * 2 + "</w:tbl>"
    [grid] = tables(package(body))
    assert grid.rows[0].cells == ("", "", "", "a", "b")


def test_table_budgets() -> None:
    wide = table([[p(str(i)) for i in range(20)], [p("a"), p("b")]])
    assert refused(package(wide), InputTooLargeError, table_max_columns=10).budget == "table_max_columns"  # type: ignore[attr-defined]
    long = table([[p("a"), p(str(i))] for i in range(30)])
    assert refused(package(long), InputTooLargeError, table_max_rows=10).budget == "table_max_rows"  # type: ignore[attr-defined]


# --- nesting: no recursion anywhere ---------------------------------------------------------------
@pytest.mark.parametrize("wrapper", [("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"),
                                     ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
                                     ("<w:customXml>", "</w:customXml>")])
def test_deep_nesting(wrapper: tuple[str, str]) -> None:
    opening, closing = wrapper
    deep = package(opening * 500 + p("deep") + closing * 500)
    assert refused(deep, InputTooLargeError).budget == "xml_max_depth"  # type: ignore[attr-defined]
    assert lines(deep, xml_max_depth=5000) == ["deep"]  # raised budget: read, iteratively
    shallow = package(opening * 40 + p("shallow") + closing * 40)
    assert lines(shallow) == ["shallow"]


def test_nested_text_boxes_follow_their_paragraph() -> None:
    box = ('<w:r><w:drawing><wp:inline xmlns:wp="x"><w:txbxContent>{}</w:txbxContent></wp:inline></w:drawing></w:r>')
    inner = p("innermost")
    for level in range(30):
        inner = f"<w:p><w:r><w:t>box {level}</w:t></w:r>{box.format(inner)}</w:p>"
    assert lines(package(inner))[:3] == ["box 29", "box 28", "box 27"]


# --- numbering ----------------------------------------------------------------------------------
def test_numbering_values_and_labels_within_budgets() -> None:
    body = p("item", ppr=numbered(1))
    assert lines(package(body, numbering=one_list("lowerLetter", "%1)", "100000000000"))) == ["a) item"]  # not a number
    big = package(body, numbering=one_list("decimal", "%1.", 5_000_000))
    assert refused(big).budget == "numbering_max_value"  # type: ignore[attr-defined]
    letters = package(body, numbering=one_list("lowerLetter", "%1)", 50_000))
    assert refused(letters).budget == "numbering_max_label"  # type: ignore[attr-defined]
    pattern = package(body, numbering=one_list("decimal", "%1" * 500_000))
    assert refused(pattern).budget == "numbering_max_label"  # type: ignore[attr-defined]


@pytest.mark.parametrize("ilvl", ["9", "99", "-1", "²", "1" * 5000])
def test_levels_beyond_nine_are_ignored(ilvl: str) -> None:
    assert lines(package(p("x", ppr=numbered(1, ilvl)), numbering=one_list("decimal", "%1.", ilvl=ilvl))) == ["x"]


def test_malformed_numbering_part() -> None:
    numbering = ('<w:abstractNum><w:lvl><w:numFmt/></w:lvl></w:abstractNum>'  # no ids, no values
                 '<w:num w:numId="1"/>'  # no abstract list
                 '<w:num w:numId="2"><w:abstractNumId w:val="404"/><w:lvlOverride w:ilvl="x"/></w:num>'
                 '<w:abstractNum w:abstractNumId="5"><w:numStyleLink w:val="S"/></w:abstractNum>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>')
    styles = ('<w:style w:styleId="S"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
              '<w:style w:styleId="A"><w:basedOn w:val="B"/></w:style>'
              '<w:style w:styleId="B"><w:basedOn w:val="A"/></w:style>')
    body = "".join(p(f"x{n}", ppr=numbered(n)) for n in (1, 2, 3, 4)) + p("cycle", ppr='<w:pStyle w:val="A"/>')
    assert lines(package(body, numbering=numbering, styles=styles)) == ["x1", "x2", "x3", "x4", "cycle"]


# --- attribute values -----------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["²", "٣", "9" * 5000, "-", "", "1e9", "0x10"])
def test_odd_spacing_values_are_ignored(value: str) -> None:
    spacing = f'<w:spacing w:before="{value}" w:after="{value}"/>'
    defaults = f"<w:docDefaults><w:pPrDefault><w:pPr>{spacing}</w:pPr></w:pPrDefault></w:docDefaults>"
    assert lines(package(p("a", ppr=spacing) + p("b", ppr=spacing), styles=defaults)) == ["a", "b"]


@pytest.mark.parametrize(("char", "text"), [("FFFFFFFFFF", "ab"), ("110000", "ab"), ("D800", "ab"), ("zz", "ab"),
                                            ("", "ab"), ("2013", "a–b"), ("F02D", "a-b"), ("00B8", "aáb")])
def test_symbol_characters(char: str, text: str) -> None:
    font = ".VnTime" if char == "00B8" else "Symbol"  # a letter inserted from a TCVN3 font: "¸" is "á"
    body = f'<w:p><w:r><w:t>a</w:t><w:sym w:font="{font}" w:char="{char}"/><w:t>b</w:t></w:r></w:p>'
    assert lines(package(body)) == [text]


# --- XML budgets and hostile XML -----------------------------------------------------------------
def test_element_budget_refuses_a_long_part_early() -> None:
    data = package("<w:p/>" * 200_000)  # 1.2 MB of XML, a few KB packed
    assert refused(data, InputTooLargeError, xml_max_elements=10_000,
                   docx_max_ratio=1e6).budget == "xml_max_elements"  # type: ignore[attr-defined]


def test_text_budget() -> None:
    data = package(p("x" * 5000))
    assert refused(data, InputTooLargeError, max_text_chars=1000).budget == "max_text_chars"  # type: ignore[attr-defined]


def test_block_budget() -> None:
    data = package(p("line") * 50)
    assert refused(data, InputTooLargeError, max_layout_blocks=20).budget == "max_layout_blocks"  # type: ignore[attr-defined]


@pytest.mark.parametrize("prolog", [
    '<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">'])
def test_doctype_is_refused(prolog: str) -> None:
    main = f'<?xml version="1.0"?>{prolog}<w:document {NS}><w:body>{p("&lol2;")}</w:body></w:document>'
    assert "DOCTYPE" in str(refused(package("", main=main), CorruptInputError))


def test_doctype_in_a_side_part_is_refused() -> None:
    data = package(p("x"), extra={"word/styles.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'},
                   styles="")
    assert "DOCTYPE" in str(refused(data, CorruptInputError))


def test_xinclude_is_not_followed() -> None:
    body = ('<w:p><w:r><w:t>before</w:t></w:r><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
            'href="/etc/passwd" parse="text"/></w:p>')
    assert lines(package(body)) == ["before"]


@pytest.mark.parametrize("main", ["<w:document", "not xml at all", '<?xml version="1.0" encoding="klingon"?><a/>',
                                  b"<w:document>\xff\xfe</w:document>"])
def test_broken_document_xml(main: str | bytes) -> None:
    data = package("", extra={"word/document.xml": main})
    assert "word/document.xml" in str(refused(data, CorruptInputError))


# --- the ZIP layer -------------------------------------------------------------------------------
def test_path_traversal_names_are_only_names() -> None:
    data = package(p("safe"), extra={"../../evil.xml": "<x/>", "/abs/evil.xml": "<x/>", "word/../../x": "y"})
    assert lines(data) == ["safe"]


def test_malformed_relationships_fall_back_to_the_usual_parts() -> None:
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="a"/><Relationship Type="x/officeDocument" Target="../../../etc/passwd"/>'
            '<Relationship Type="x/officeDocument" Target="http://127.0.0.1/x" TargetMode="External"/>'
            '</Relationships>')
    assert lines(package(p("fallback"), extra={"_rels/.rels": rels})) == ["fallback"]
    broken = package(p("x"), extra={"_rels/.rels": "<Relationships"})
    assert "_rels/.rels" in str(refused(broken, CorruptInputError))


def test_main_part_found_through_relationships() -> None:
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="/word/main2.xml"/></Relationships>')
    data = package(p("decoy"), extra={"_rels/.rels": rels, "word/main2.xml": document(p("real"))})
    assert lines(data) == ["real"]


def test_too_many_parts() -> None:
    data = package(p("x"), extra={f"media/{n}.bin": b"" for n in range(30)})
    assert refused(data, InputTooLargeError, docx_max_parts=20).budget == "docx_max_parts"  # type: ignore[attr-defined]


def test_part_size_and_ratio_budgets_from_the_directory() -> None:
    roomy = package(p("x" * 300_000))
    assert refused(roomy, InputTooLargeError, docx_max_part=100_000).budget == "docx_max_part"  # type: ignore[attr-defined]
    assert refused(roomy, InputTooLargeError, docx_max_uncompressed=100_000).budget == "docx_max_uncompressed"  # type: ignore[attr-defined]
    bomb = package(p(" " * 3_000_000))  # 3 MB of spaces pack about 1000-fold
    assert refused(bomb, InputTooLargeError).budget == "docx_max_ratio"  # type: ignore[attr-defined]
    styles = package(p("x"), styles="<w:style/>" * 60_000)
    assert refused(styles, InputTooLargeError, docx_max_side_part=100_000).budget == "docx_max_side_part"  # type: ignore[attr-defined]


def test_a_directory_that_understates_a_size_gets_no_further() -> None:
    data = package(p("x" * 200_000))
    lying = patch_entry(data, "word/document.xml", size=1000)
    refused(lying, CorruptInputError)


@pytest.mark.parametrize(("fields", "error"), [({"method": 99}, CorruptInputError),  # NotImplementedError
                                               ({"method": 14}, CorruptInputError),  # LZMA on deflate data
                                               ({"flags": 1}, EncryptedInputError),  # RuntimeError: password
                                               ({"crc": 12345}, CorruptInputError),
                                               ({"compressed": 3}, CorruptInputError)])  # zlib.error / EOF
def test_zip_layer_errors_become_problems(fields: dict[str, int], error: type[KehoachError]) -> None:
    refused(patch_entry(package(p("x" * 1000)), "word/document.xml", **fields), error)


def test_deflate_garbage_and_bad_names() -> None:
    data = bytearray(package(p("x" * 2000)))
    start = data.find(b"word/document.xml") + len("word/document.xml")
    data[start + 10:start + 60] = b"\xff" * 50  # inside the deflate stream
    refused(bytes(data), CorruptInputError)
    named = bytearray(package(p("x")).replace(b"word/document.xml", b"word/docum\xffnt.xml"))
    for marker, offset in ((b"PK\x03\x04", 7), (b"PK\x01\x02", 9)):  # every entry: bit 11, "the name is UTF-8"
        at = 0
        while (at := named.find(marker, at)) >= 0:
            named[at + offset] |= 0x08
            at += 4
    refused(bytes(named), KehoachError)


def test_truncated_package() -> None:
    data = package(p("x" * 5000))
    for cut in (10, len(data) // 2, len(data) - 30):
        refused(data[:cut], KehoachError)


@pytest.mark.parametrize("part", ["word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels"])
def test_broken_side_parts(part: str) -> None:
    data = package(p("x"), styles="", numbering="", extra={part: "<w:styles"})
    assert part in str(refused(data, CorruptInputError))


def test_odd_styles_part() -> None:
    chain = "".join(f'<w:style w:styleId="S{n}"><w:basedOn w:val="S{n + 1}"/></w:style>' for n in range(10_000))
    odd = ('<w:style w:styleId="Self"><w:basedOn w:val="Self"/><w:rPr><w:rFonts w:ascii=""/></w:rPr></w:style>'
           '<w:style><w:pPr><w:spacing w:before="²"/></w:pPr></w:style><w:docDefaults><w:rPrDefault/></w:docDefaults>')
    body = p("long", ppr='<w:pStyle w:val="S0"/>') + p("self", ppr='<w:pStyle w:val="Self"/>') + p("none")
    assert lines(package(body, styles=chain + odd)) == ["long", "self", "none"]
