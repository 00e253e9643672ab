"""The PDFium reader: the same words and tables as pdfplumber (the reference), text-layer verdicts
(blank, scanned, garbled), OCR modes, annotations read in place, font changes ending paragraphs,
and the budgets and hostile structures of issue 7. Test PDFs are built with pikepdf."""
from __future__ import annotations

import io
import logging
from collections import Counter
from pathlib import Path

import pikepdf
import pytest

from kehoach_parser import parse
from kehoach_parser.api import parse_document
from kehoach_parser.errors import CorruptInputError, InputTooLargeError, InternalError, OcrUnavailableError
from kehoach_parser.layout import Line, Table
from kehoach_parser.limits import Limits
from kehoach_parser.readers import ocr, pdfium, rules, textlayer
from kehoach_parser.readers.geometry import Margins, TextLine, Word, continues

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GARBLED = "05_laocai-dkt-1105-kiem-tra-vlncn-garbled.pdf"


# ----------------------------------------------------------------------------------- building PDFs

def build(pages: list[dict], *, trailer: bytes = b"") -> bytes:
    """A PDF (pikepdf) of pages, each {"text": [(x, y, size, bold, text)], "size": (w, h),
    "image": bool, "annots": [...], "extra": bytes}; y from the bottom, standard fonts."""
    pdf = pikepdf.new()
    regular = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                   BaseFont=pikepdf.Name.Helvetica))
    bold = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name("/Helvetica-Bold")))
    for spec in pages:
        width, height = spec.get("size", (595, 842))
        ops = []
        for x, y, size, is_bold, text in spec.get("text", []):
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"BT /{'F2' if is_bold else 'F1'} {size} Tf {x} {y} Td ({escaped}) Tj ET")
        resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=regular, F2=bold))
        if spec.get("image"):
            image = pikepdf.Stream(pdf, b"\x80" * 64, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                                   Width=8, Height=8, ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
            resources.XObject = pikepdf.Dictionary(Im1=image)
            ops.append(f"q {width} 0 0 {height} 0 0 cm /Im1 Do Q")
        content = "\n".join(ops).encode("latin-1") + spec.get("extra", b"")
        page = pdf.add_blank_page(page_size=(width, height))
        page.obj.Resources = resources
        page.obj.Contents = pdf.make_stream(content)
        for annot in spec.get("annots", []):
            page.obj.Annots = page.obj.get("/Annots", pdf.make_indirect(pikepdf.Array()))
            page.obj.Annots.append(pdf.make_indirect(annot(pdf, regular)))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue() + trailer


def body(lines: int = 30, y0: int = 780) -> list[tuple[float, float, float, bool, str]]:
    """Lines of plain ASCII prose (no OCR needed, not garbled: plain words count as syllables)."""
    prose = "ban hanh ke hoach thuc hien chuyen doi so nam nay tai xa"
    return [(72, y0 - 16 * i, 11, False, prose) for i in range(lines)]


def freetext(pdf: pikepdf.Pdf, font: pikepdf.Object) -> pikepdf.Dictionary:
    """A FreeText annotation whose appearance stream draws "1105" at (140, 700)."""
    appearance = pikepdf.Stream(pdf, b"BT /F1 9 Tf 2 3 Td (1105) Tj ET", Type=pikepdf.Name.XObject,
                                Subtype=pikepdf.Name.Form, BBox=[0, 0, 30, 14],
                                Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
    return pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FreeText, Rect=[138, 697, 168, 711],
                              Contents=pikepdf.String("1105"), AP=pikepdf.Dictionary(N=appearance), F=4)


# ----------------------------------------------------------------------------------- fidelity

def test_words_and_tables_match_pdfplumber() -> None:
    import pdfplumber

    path = SAMPLES / "000_0c822c35986a4cc7.pdf"
    document = pdfium.open_document(path.read_bytes())
    total = differ = 0
    with pdfplumber.open(path) as reference:
        for index in (0, 1, 12):  # the header, a body page, an annex table page
            content = document.read_page(index, Limits())
            ours = Counter((w.text, round(w.x0), round(w.top)) for w in content.words)
            page = reference.pages[index]
            theirs = Counter((w["text"], round(float(w["x0"])), round(float(w["top"]))) for w in page.extract_words())
            total += sum(theirs.values())
            differ += sum((ours - theirs).values()) + sum((theirs - ours).values())
            found = [(tuple(round(v, 1) for v in box), len(cells)) for box, cells in rules.tables(content.rules)]
            expected = [(tuple(round(float(v), 1) for v in t.bbox), len(t.cells)) for t in page.find_tables()
                        if len(t.cells) > 1]
            assert found == expected
    assert differ <= 0.01 * total, f"{differ} of {total} words differ from pdfplumber's"  # both sides counted


def test_table_finder_agrees_with_pdfplumber_on_ruled_grids() -> None:
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    xs, ys = [50.0, 120.0, 300.0, 420.0], [100.0, 130.0, 131.5, 200.0, 260.0]  # 131.5 snaps onto 130
    drawn = [rules.Rule(True, x, ys[0], ys[-1]) for x in xs] + [rules.Rule(False, y, xs[0], xs[-1]) for y in ys]
    drawn.append(rules.Rule(True, 200.0, 130.0, 200.0))  # a cell split in one row only
    edges = [{"x0": r.position, "x1": r.position, "top": r.start, "bottom": r.end, "width": 0, "height": r.length,
              "orientation": "v", "object_type": "line"} if r.vertical else
             {"x0": r.start, "x1": r.end, "top": r.position, "bottom": r.position, "width": r.length, "height": 0,
              "orientation": "h", "object_type": "line"} for r in drawn]
    merged = merge_edges(edges, 3, 3, 3, 3)
    expected = cells_to_tables(intersections_to_cells(edges_to_intersections(merged, 3, 3)))
    found = rules.tables(drawn)
    assert [sorted(cells) for _, cells in found] == [sorted(t) for t in expected]
    assert len(found[0][1]) == 10  # 3 rows (131.5 snapped onto 130) × 3 columns, one row split once more


# ----------------------------------------------------------------------------------- text layer and OCR

def test_blank_page_needs_no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)  # no Tesseract on this machine
    ocr.tesseract.cache_clear()
    try:
        layout = parse_document(build([{"text": body()}, {}]), name="blank.pdf").layout
    finally:
        ocr.tesseract.cache_clear()
    assert layout.pages == 2 and not layout.warnings


def test_scanned_page_without_tesseract_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr.tesseract.cache_clear()
    try:
        with pytest.raises(OcrUnavailableError, match=r"scan\.pdf"):
            parse(build([{"text": body()}, {"image": True}]), name="scan.pdf")
    finally:
        ocr.tesseract.cache_clear()


def test_ocr_never_leaves_pages_empty_with_a_warning() -> None:
    layout = parse_document(build([{"text": body()}, {"image": True}]), name="x.pdf", ocr="never").layout
    assert [c for c, _ in layout.warnings] == ["ocr_skipped"] and "page(s) 2" in layout.warnings[0][1]
    assert all(b.page == 1 for b in layout.blocks if isinstance(b, Line))


def test_garbled_text_layer_is_detected(real_dir: Path) -> None:
    layout = parse_document(real_dir / GARBLED, ocr="never").layout
    codes = dict(layout.warnings)
    assert "1, 2, 3, 4, 5, 6" in codes["text_layer_garbled"] and "ocr_skipped" in codes
    assert not layout.blocks  # nothing of the lying layer is passed on


def test_syllable_share() -> None:
    words = ["Kế", "hoạch", "chuyển", "đổi", "số", "của", "phường", "Nghĩa", "Đô", "năm", "2026"]
    share, counted = textlayer.syllable_share(words)
    assert share == 1.0 and counted == 10
    garbled = ["6Ӣ", "C‘NG", "7+ѬѪ1*", "&Ӝ1*", "H“A", "XÃ", "+Ӝ,", "&+Ӫ", "1*+Ƭ$", "9,ӊ7", "ÿӏQK", "Vӕ", "4Ĉ6&7", "FӫD"]
    assert textlayer.syllable_share(garbled)[0] < 0.3
    assert textlayer.is_syllable("nghiêng") and textlayer.is_syllable("quyết") and not textlayer.is_syllable("xyz")


def test_giant_page_is_rendered_under_the_pixel_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    scales: list[float] = []

    class Fake:
        def render(self, index: int, scale: float, *, colour: bool = False) -> None:
            scales.append(scale)
            raise RuntimeError("stop")

    monkeypatch.setattr(ocr, "tesseract", lambda: "tesseract")
    with pytest.raises(RuntimeError):
        ocr.ocr_page(Fake(), 0, 14_000.0, 14_000.0, dpi=300, max_pixels=40_000_000)  # type: ignore[arg-type]
    assert (14_000 * scales[0]) ** 2 <= 40_000_000 * 1.0001 and scales[0] < 300 / 72


# ----------------------------------------------------------------------------------- in reading order

def test_freetext_annotation_is_read_in_place() -> None:
    data = build([{"text": [(72, 700, 13, False, "So:"), (172, 700, 13, False, "/KH-DKT"), *body(20, 660)],
                   "annots": [freetext]}])
    layout = parse_document(data, name="stamp.pdf").layout
    line = next(b for b in layout.blocks if isinstance(b, Line) and "So:" in b.text)
    assert line.text == "So: 1105 /KH-DKT"


def test_bold_title_does_not_run_into_the_preamble() -> None:
    m = Margins(72.0, 520.0)
    full = "x" * 74

    def line(top: float, bold: bool) -> TextLine:
        return TextLine([Word(full, 72.0, 520.0, top, top + 13.0, 13.0, bold)])

    assert not continues(line(100, True), line(116, False), m, m)
    assert continues(line(100, False), line(116, False), m, m)


# ----------------------------------------------------------------------------------- budgets and hostile files

def test_page_budget() -> None:
    with pytest.raises(InputTooLargeError, match="pdf_max_pages"):
        parse(build([{"text": body(3)}] * 3), name="x.pdf", limits=Limits(pdf_max_pages=2))


def test_character_budget() -> None:
    with pytest.raises(InputTooLargeError, match="pdf_max_chars_per_page"):
        parse(build([{"text": body()}]), name="x.pdf", limits=Limits(pdf_max_chars_per_page=500))


def test_giant_page_area_is_refused() -> None:
    with pytest.raises(InputTooLargeError, match="pdf_max_page_area"):
        parse(build([{"text": body(3), "size": (14_400, 14_400)}]), name="x.pdf",
              limits=Limits(pdf_max_page_area=5_000.0 * 5_000.0))


def test_inflating_content_stream_is_refused_before_parsing() -> None:
    bomb = b"\n" + b"0 0 m 1 1 l S\n" * 20_000  # 280 KB of drawing, deflated to a few hundred bytes
    with pytest.raises(InputTooLargeError, match="pdf_max_stream_bytes"):
        parse(build([{"text": body(3), "extra": bomb}]), name="x.pdf", limits=Limits(pdf_max_stream_bytes=100_000))


def test_mediabox_cycle_does_not_hang() -> None:
    pdf = pikepdf.open(io.BytesIO(build([{"text": body(3)}])))
    box = pdf.make_indirect(pikepdf.Array([0, 0, 595]))
    box.append(box)  # the MediaBox refers to itself
    pdf.pages[0].obj.MediaBox = box
    out = io.BytesIO()
    pdf.save(out)
    try:
        parse(out.getvalue(), name="cycle.pdf")
    except CorruptInputError as exc:
        assert len(str(exc)) < 220


def test_padding_after_eof_is_read_and_truncation_named() -> None:
    data = build([{"text": body(5)}], trailer=b"\0" * 3000)
    assert parse(data, name="padded.pdf").source.pages == 1
    cut = build([{"text": body(5)}])
    with pytest.raises(CorruptInputError, match="truncated"):
        parse(cut[: len(cut) // 3], name="cut.pdf")


def test_damaged_pdf_message_is_short_and_in_words() -> None:
    with pytest.raises(CorruptInputError) as caught:
        damaged = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + b"x" * 5000 + b"\n%%EOF"
        parse(damaged, name="d.pdf")
    assert len(str(caught.value)) < 220 and "\n" not in str(caught.value) and "<<" not in str(caught.value)


def test_our_own_bug_is_not_called_damage(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def broken(*args: object) -> None:
        raise TypeError("a bug of ours")

    monkeypatch.setattr(pdfium, "_objects", broken)
    with caplog.at_level(logging.WARNING), pytest.raises(InternalError):
        parse(build([{"text": body(3)}]), name="x.pdf")


def test_samples_read_into_tables_and_lines() -> None:
    layout = parse_document(SAMPLES / "003_5ff484b46b8ac1a0.pdf").layout
    header = layout.blocks[0]
    assert isinstance(header, Table) and header.rows[0].cells[0] == "Số: /KH-UBND"
    assert not layout.warnings
