"""Scanned PDFs: OCR with Tesseract's Vietnamese model (skipped here when Tesseract is absent;
.ci/run installs it), and a clear error when it is needed but missing."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_parser import UnreadableInputError, parse
from kehoach_parser.errors import OcrUnavailableError
from kehoach_parser.readers import ocr

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

SCANNED = sorted((SAMPLES / "scanned").glob("*.pdf"))
EVALUATE = Path(__file__).parents[2].parent / "shared/tools/evaluate.py"


def _has_tesseract() -> bool:
    ocr.tesseract.cache_clear()
    try:
        ocr.tesseract()
        return True
    except Exception:
        return False
    finally:
        ocr.tesseract.cache_clear()


needs_tesseract = pytest.mark.skipif(not _has_tesseract(), reason="tesseract with the 'vie' model is not installed")


def test_scanned_sample_is_image_only() -> None:
    import pdfplumber

    assert SCANNED, "samples/scanned/*.pdf is missing (samples/make_samples.py makes it)"
    with pdfplumber.open(SCANNED[0]) as pdf:
        assert not any(page.chars for page in pdf.pages)


def test_missing_tesseract_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr.tesseract.cache_clear()
    try:
        with pytest.raises(OcrUnavailableError) as caught:
            parse(SCANNED[0])
    finally:
        ocr.tesseract.cache_clear()
    assert isinstance(caught.value, UnreadableInputError)
    assert SCANNED[0].name in str(caught.value) and "tesseract" in str(caught.value).lower()


@needs_tesseract
@pytest.mark.slow
def test_scanned_sample_scores(tmp_path: Path) -> None:
    plan = parse(SCANNED[0])
    assert plan.source.format == "pdf" and plan.source.pages
    assert any(w.code == "ocr" for w in plan.warnings)
    assert plan.document.title and "Chuyển đổi số" in plan.document.title
    if not EVALUATE.is_file():
        pytest.skip(f"scorer not found at {EVALUATE}")
    (tmp_path / f"{SCANNED[0].stem}.json").write_text(plan.model_dump_json(), encoding="utf-8")
    run = subprocess.run([sys.executable, str(EVALUATE), "--gold", str(SAMPLES / "scanned" / "gold"),
                          "--pred", str(tmp_path), "--json"], capture_output=True, text=True, encoding="utf-8",
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["overall"]["f1"] >= 0.85


@needs_tesseract
def test_rules_and_skew_on_a_drawn_page() -> None:
    from PIL import Image, ImageDraw

    image = Image.new("L", (800, 600), 255)
    draw = ImageDraw.Draw(image)
    for y in (100, 200, 300):
        draw.line([(100, y), (700, y)], fill=0, width=3)
    for x in (100, 400, 700):
        draw.line([(x, 100), (x, 300)], fill=0, width=3)
    horizontal, vertical = ocr._rules(image, 75)
    assert sorted(y for y, _, _ in horizontal) == [100, 200, 300]
    assert sorted(x for x, _, _ in vertical) == [100, 400, 700]
    page = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(page)
    for y in range(150, 1450, 40):  # lines of "text"
        for x in range(150, 1050, 60):
            draw.rectangle([x, y, x + 45, y + 14], fill=0)
    assert ocr._skew(page.rotate(-1.0, fillcolor=255)) == pytest.approx(1.0, abs=0.2)
    assert ocr._skew(page) == pytest.approx(0.0, abs=0.15)


def test_tesseract_binary_is_located_by_path() -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    assert Path(shutil.which("tesseract")).name == "tesseract"


REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def _text(path: Path) -> tuple[str, dict[str, str]]:
    from kehoach_parser.api import parse_document
    from kehoach_parser.layout import Line

    layout = parse_document(path).layout
    lines = []
    for block in layout.blocks:
        cells = [block.text] if isinstance(block, Line) else [c for row in block.rows for c in row.cells]
        lines.extend(part for cell in cells for part in cell.split("\n"))
    return "\n".join(lines), dict(layout.warnings)


@needs_tesseract
@pytest.mark.slow
def test_garbled_signed_pdf_reads_as_printed() -> None:
    """05: the page images of a signed PDF whose text layer lies, with a red seal over the signature."""
    text, warnings = _text(REAL / "05_laocai-dkt-1105-kiem-tra-vlncn-garbled.pdf")
    assert "ocr" in warnings and "text_layer_garbled" in warnings
    lines = text.splitlines()
    assert "KẾ HOẠCH" in lines and "ĐOÀN KIỂM TRA" in lines  # tone marks put back by the lexicon
    assert "Kiểm tra việc chấp hành Quy định pháp luật" in text
    assert "T/M. ĐOÀN KIỂM TRA" in lines and "ĐỀ CƯƠNG BÁO CÁO PHỤC VỤ CÔNG TÁC KIỂM TRA" in lines
    assert "- Giám đốc Sở" in text and "- Thành viên Đoàn" in text  # the "Nơi nhận" column, line by line


@needs_tesseract
@pytest.mark.slow
def test_scanned_plan_without_its_stamp_and_handwriting() -> None:
    """11: a scan with a red incoming stamp beside the header, a handwritten number and day, a red
    seal over the signature."""
    text, warnings = _text(REAL / "11_bca-tctlntw-996-kiem-soat-ma-tuy-scan.pdf")
    lines = text.splitlines()
    assert "BỘ CÔNG AN" in lines and "KẾ HOẠCH" in lines
    assert "LÂM ĐỒNG" not in text and "1614" not in text  # the red incoming stamp is not read
    assert "/KH-TCTLNTW-C04" in text and "996" not in text  # the handwritten number is left blank, not guessed
    assert "page(s) 1" in warnings["ocr_illegible"]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in lines and "II. NỘI DUNG" in lines
    closing = lines[lines.index("Nơi nhận:"):]
    assert closing[1].startswith("- UBQG PC AIDS, MT, MD (") and closing[10].startswith("- Lưu: VT, P5. NMC")
    assert "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC" in closing and "Đại tá Bùi Duy Hưng" in closing
