"""What OCR reads made closer to what a person reads: the lexicon's post-correction of tone and
vowel marks and of syllables run together, coloured ink faded out, handwriting left blank, the word
boxes of a Tesseract line (synthetic cases; no Tesseract needed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_parser import parse
from kehoach_parser.readers import lexicon, ocr
from kehoach_parser.readers.geometry import Word

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def fixed(line: str) -> str:
    return " ".join(t for ts in lexicon.correct(line.split()) for t in ts)


@pytest.mark.slow  # loads underthesea's 74,000-word list (OCR only)
@pytest.mark.parametrize(("seen", "meant"), [
    ("Kiêm tra việc chầp hành Quy định", "Kiểm tra việc chấp hành Quy định"),  # tone lost; "ầp" is no syllable
    ("I. MỤC ĐÍCH, YÊU CẢU", "I. MỤC ĐÍCH, YÊU CẦU"),  # circumflex + grave read as a hook
    ("II. NỌI DUNG", "II. NỘI DUNG"),
    ("III. TÓ CHỨC THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN"),
    ("KÉ HOẠCH", "KẾ HOẠCH"),
    ("Trưởng đoàn kiêm tra lập kê hoạch", "Trưởng đoàn kiểm tra lập kế hoạch"),
    ("ĐÈ CƯƠNG BÁO CÁO", "ĐỀ CƯƠNG BÁO CÁO"),
    ("Bộ Quôc phòng", "Bộ Quốc phòng"),
    ("TRƯƠNG ĐOÀN", "TRƯỞNG ĐOÀN"),  # the tone over a horn lost
    ("BỘCÔNGAN", "BỘ CÔNG AN"),  # run together, split where the list has the phrase
    ("Só: /KH-TCTLNTW-C04", "Số: /KH-TCTLNTW-C04"),  # the form's label before a colon
])
def test_lexicon_fixes_ocr_misreadings(seen: str, meant: str) -> None:
    assert fixed(seen) == meant


@pytest.mark.parametrize("line", [
    "các cơ sở kinh doanh",  # "cắc cớ" is a word too, but "cơ sở" vouches for "cơ"
    "1050/QĐ-SCT ngày 06/3/2026",  # identifiers and numbers are never touched
    "Hoàng Văn Thuân",  # a name changes only into a name of the list
    "SỞ CÔNG THƯƠNG LAO CAI",  # two readings ("lao cải", "Lào Cai"): left alone
    "chuyển đổi số, hóa đơn, Ủy ban",  # where the tone sits ("hóa"/"hoá") is no misreading
    "cho đầu mối",  # a tone is put back only over a circumflex or breve ("chợ đầu mối" is a word too)
    "(Kiêm tra)",  # a phrase does not run into brackets... but inside them it does: see below
])
def test_lexicon_leaves_right_text_alone(line: str) -> None:
    expected = "(Kiểm tra)" if line == "(Kiêm tra)" else line
    assert fixed(line) == expected


@pytest.mark.slow  # the whole of every sample through the lexicon: seconds
def test_lexicon_rarely_changes_printed_text() -> None:
    """On the samples' text (what the page says), the lexicon changes fewer than 1 token in 1,000
    (the few it changes are the samples' own tone typos: "chuyên đổi số")."""
    total = changed = 0
    for path in sorted(SAMPLES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            tokens = line.split()
            total += len(tokens)
            changed += sum([t] != out for t, out in zip(tokens, lexicon.correct(tokens), strict=True))
    assert total > 10_000 and changed / total < 0.001


def test_lexicon_is_loaded_only_for_ocr() -> None:
    lexicon.lexicon.cache_clear()
    parse(SAMPLES / "000_0c822c35986a4cc7.txt")
    parse(SAMPLES / "000_0c822c35986a4cc7.pdf")
    assert lexicon.lexicon.cache_info().currsize == 0


def test_coloured_ink_fades_out() -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (300, 100), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 99, 99], fill=(230, 30, 45))  # a red seal
    draw.rectangle([100, 0, 199, 99], fill=(85, 105, 190))  # blue handwriting
    draw.rectangle([200, 0, 299, 99], fill=(30, 30, 28))  # black print
    grey = ocr.black_ink(image)
    assert grey.mode == "L"
    assert grey.getpixel((50, 50)) == 255 and grey.getpixel((150, 50)) >= 240
    assert grey.getpixel((250, 50)) < 50


@pytest.mark.parametrize(("text", "conf", "kept"), [
    ("ngày44", 48.0, "ngày"),  # a handwritten day written against the printed word
    ("Só:đÓ6", 0.0, "Só:"),  # a handwritten number after the printed label
    ("0@»ăm", 38.0, ""),  # handwritten "02" over "năm": nothing of it is sure
    ("ngày44", 90.0, "ngày44"),  # read with confidence: left as it is
    ("ngày44tháng", 90.0, "ngày tháng"),  # digits between two printed words, with no space: never print
    ("KH-TCTLNTW-C04", 40.0, "KH-TCTLNTW-C04"),  # an identifier: capitals and digits
])
def test_handwriting_is_left_blank(text: str, conf: float, kept: str) -> None:
    assert ocr._legible(text, conf) == kept


def test_word_boxes_by_runs_of_a_tesseract_line() -> None:
    """A Tesseract line across the closing's two columns, the right one set higher: each run keeps
    its own top and bottom, so the two columns' lines are not mixed."""
    left = [Word("Giám", 10, 40, 100, 120), Word("đốc", 45, 60, 102, 121)]
    right = [Word("TRƯỞNG", 300, 360, 80, 100), Word("ĐOÀN", 365, 400, 81, 100)]
    runs = ocr._segments(left + right, 20.0)
    assert [[w.text for w in run] for run in runs] == [["Giám", "đốc"], ["TRƯỞNG", "ĐOÀN"]]
    (left_box,), (right_box,) = ({(w.top, w.bottom) for w in run} for run in runs)  # one box per run
    assert left_box == (101, 120.5) and right_box == (80.5, 100)


def test_one_character_read_twice_is_read_once() -> None:
    assert ocr.printed("7404/QĐ\u00d0-BCA-C04") == "7404/QĐ-BCA-C04"
    assert ocr.printed("1105\u2044KH-ĐKT") == "1105/KH-ĐKT"
    assert ocr.printed("sỐ") == "số" and ocr.printed("đỘ") == "độ" and ocr.printed("iPhone") == "iPhone"


def test_skew_from_tesseract_baselines() -> None:
    """Lines rising 1 pixel in 100 to the right: the page is turned back by -0.57 degrees."""
    rows = []
    for line in range(6):
        for k in range(8):
            left = 100 + 250 * k
            rows.append({"level": "5", "page_num": "1", "block_num": "1", "par_num": "1", "line_num": str(line),
                         "left": str(left), "top": str(200 + 60 * line - left // 100), "width": "200",
                         "height": "40", "conf": "95", "text": "chữ"})
    angle = ocr._baseline_angle(rows, 2400)
    assert angle == pytest.approx(-0.57, abs=0.02)
    assert ocr._baseline_angle(rows[:16], 2400) is None  # two lines are too few to tell


def test_a_letter_read_twice_in_a_document_id_is_read_once() -> None:
    header = [Word("SỐ", 0, 10, 0, 10), Word("1050/QĐ-SCT", 12, 60, 0, 10)]
    body = [Word("định", 0, 10, 50, 60), Word("1050/QĐ-SCTT,", 12, 60, 50, 60), Word("12/KH-SNN", 70, 90, 50, 60)]
    fixed = ocr.reconcile([header, body])
    assert [w.text for w in fixed[1]] == ["định", "1050/QĐ-SCT,", "12/KH-SNN"]  # "SNN" is never printed with one N
    assert fixed[0] == header


def _row(line: int, left: int, top: int, width: int, height: int, conf: float, text: str) -> dict[str, str]:
    return {"level": "5", "page_num": "1", "block_num": "1", "par_num": "1", "line_num": str(line),
            "left": str(left), "top": str(top), "width": str(width), "height": str(height),
            "conf": str(conf), "text": text}


def test_a_line_read_badly_is_read_again_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of words with a low mean confidence is cut out and read again; its words are replaced by the
    second reading, moved back to their place on the page, when Tesseract is surer of it."""
    from PIL import Image

    good = [_row(1, 100 + 120 * k, 100, 100, 40, 96, "chữ") for k in range(5)]
    bad = [_row(2, 100, 200, 300, 90, 0, "“UEOE"), _row(2, 420, 200, 60, 40, 30, "EE")]
    sheets = []

    def second(binary: str, image: Image.Image, dpi: int, psm: str) -> list[dict[str, str]]:
        sheets.append(image.size)
        gap = 80  # 2 x the usual line height
        return [_row(1, gap + 5, gap + 5, 160, 40, 95, "Nơi"), _row(1, gap + 180, gap + 5, 150, 40, 94, "nhận:")]

    monkeypatch.setattr(ocr, "_tesseract", second)
    rows = ocr._reread("tesseract", Image.new("L", (1000, 1000), 255), 300, good + bad, 40.0)
    assert len(sheets) == 1  # one more run for the whole page
    texts = [(r["text"], int(r["left"]), int(r["top"])) for r in rows if r["level"] == "5"]
    assert [t for t, _, _ in texts] == ["chữ"] * 5 + ["Nơi", "nhận:"]
    assert texts[-2][1:] == (66, 192)  # back where the line is on the page (the cut-out: 39 px wider, 13 px taller)


@pytest.mark.parametrize(("text", "conf", "junk"), [
    ('r"gax', 16.0, True),  # a seal's ring through a word: very unsure and no syllable
    ("Thuân", 20.0, False),  # unsure, but a syllable
    ("2026", 20.0, False),  # a number
    ("~", 90.0, True),
    ("-", 90.0, False),
])
def test_junk(text: str, conf: float, junk: bool) -> None:
    assert ocr._junk(text, conf) is junk


def test_a_word_read_twice_is_kept_once() -> None:
    words = [Word("TRƯỞNG", 393, 450, 597, 609), Word("Ư", 411, 421, 598, 609), Word("THƯỜNG", 454, 511, 597, 609),
             Word("", 100, 300, 700, 712), Word("ngày", 150, 180, 700, 712)]  # a blank (handwriting) hides nothing
    assert [w.text for w in ocr._unread_twice(words, 12.0)] == ["TRƯỞNG", "THƯỜNG", "", "ngày"]
