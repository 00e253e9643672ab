"""Hypothesis strategies for plan-shaped text: what a commune's clerk might type, and worse.

A generated plan has a header (organ, number and symbol, place and date, "KẾ HOẠCH", a title),
Roman sections with numbered items at any depth, lettered items, bullets, pipe and tab tables
(with separator rows), citations and deadlines, and then the hostile parts: very long lines,
huge numbers, odd Unicode (combining marks, zero-width and direction controls, superscripts,
fullwidth digits, NUL, form feeds, line separators), mixed line ends, and mixed encodings
(UTF-8 with or without BOM, UTF-16, Windows-1258, Latin-1, or several spliced together).
:func:`text_plans` gives ``(file name, bytes)``.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from hypothesis import strategies as st


def _suite_conftest() -> ModuleType:
    """tests/conftest.py (the suite's small plan lives there), whether or not pytest loaded it: by
    path, since several conftest modules share the name."""
    path = Path(__file__).resolve().parents[1] / "conftest.py"
    for module in list(sys.modules.values()):
        if Path(getattr(module, "__file__", None) or "/").resolve() == path:
            return module
    spec = importlib.util.spec_from_file_location("kehoach_suite_conftest", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PLAN_HEAD: str = _suite_conftest().PLAN_HEAD

# The small complete plan of the test suite with a three-task annex: the base of hand-made cases.
PLAN_TEXT = PLAN_HEAD + """| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Số hoá hồ sơ thủ tục hành chính | Văn phòng HĐND và UBND | Công an phường | Quý II/2026 |
| 2 | Cập nhật cơ sở dữ liệu dân cư | Công an phường | Các tổ dân phố | Thường xuyên |
| 3 | Đào tạo kỹ năng số cho cán bộ | Phòng Văn hóa - Xã hội | Các đơn vị | Năm 2026 |
"""

ORGANS = ["ỦY BAN NHÂN DÂN", "UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "BỘ CÔNG AN", "PHƯỜNG AN BÌNH", "XÃ ĐỒNG TÂM"]
WORDS = ["chuyển", "đổi", "số", "nhiệm", "vụ", "thực", "hiện", "hoàn", "thành", "cơ", "quan", "đơn", "vị", "Ủy",
         "ban", "nhân", "dân", "phường", "năm", "2026", "100%", "quý", "II", "Văn", "phòng", "hồ", "sơ", "trực",
         "tuyến", "đạt", "tỷ", "lệ", "chủ", "trì", "phối", "hợp", "thường", "xuyên", "theo", "chỉ", "đạo"]
ODD = ["\u0301", "\u0323", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00a0", "²", "³", "①", "Ⅻ", "１２",
       "\x00", "\x0b", "\f", "\u2028", "\u2029", "\x85", "𝟏", "🙂", "ﬁ", "İ", "ǅ", "\ud7ff", "\U0010fffd"]
HEADINGS = ["MỤC TIÊU", "NHIỆM VỤ VÀ GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN", "KINH PHÍ THỰC HIỆN", "CĂN CỨ",
            "MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG"]
ROMANS = ["I", "II", "III", "IV", "V", "VI", "IX", "X", "XL", "L", "IIII", "VV", "MMMM", "LXXXVIII"]
NUMBERS = st.one_of(st.integers(0, 40).map(str), st.integers(0, 10**30).map(str), st.just("9" * 500),
                    st.sampled_from(["²", "0", "-1", "1e9", "٣", "１", "00012"]))
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]


def words(min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), NUMBERS), min_size=min_size,
                    max_size=max_size).map(" ".join)


@st.composite
def long_line(draw: st.DrawFn) -> str:
    """One very long line: a phrase repeated up to ~60 KB (citations, dashes, pipes, words)."""
    phrase = draw(st.sampled_from([
        "Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND tỉnh; ", "| - ", "|---", "-", " ", "a)", "1.1.",
        "chuyển đổi số ", "**", "Kế hoạch số ", "ngày 31/12/2025 ", "\t", "(", "Căn cứ ", "%",
    ]))
    return phrase * draw(st.integers(1, 60_000 // len(phrase)))


def citation() -> st.SearchStrategy[str]:
    kinds = st.sampled_from(["Kế hoạch", "Quyết định", "Nghị quyết", "Chỉ thị", "Công văn", "Thông tư", "Luật"])
    symbols = st.sampled_from(["KH-UBND", "QĐ-UBND", "NQ/TW", "CT-TTg", "TT-BTTTT", "UBND-VP", "", "//", "QĐ-"])
    return st.builds(lambda k, n, s, d, m, y: f"{k} số {n}/{s} ngày {d}/{m}/{y}", kinds, NUMBERS, symbols,
                     NUMBERS, NUMBERS, NUMBERS)


@st.composite
def header(draw: st.DrawFn) -> list[str]:
    lines = [draw(st.sampled_from(ORGANS)), draw(st.sampled_from(ORGANS))]
    lines.append(f"Số: {draw(st.one_of(st.just(''), NUMBERS))}/{draw(st.sampled_from(['KH-UBND', 'KH', '']))}")
    lines.append(f"An Bình, ngày {draw(NUMBERS)} tháng {draw(NUMBERS)} năm {draw(NUMBERS)}")
    if draw(st.booleans()):
        lines.append("DỰ THẢO")
    lines += ["", "KẾ HOẠCH", draw(words(1, 12)), ""]
    return lines


@st.composite
def item(draw: st.DrawFn) -> list[str]:
    """One body element: a numbered item at some depth, a lettered item, a bullet, a task line, a table."""
    kind = draw(st.sampled_from(["numbered", "deep", "letter", "bullet", "task", "pipe", "tab", "prose", "long",
                                 "citation", "blank"]))
    if kind == "numbered":
        return [f"{draw(NUMBERS)}. {draw(words())}"]
    if kind == "deep":
        depth = draw(st.integers(2, 300))
        return [".".join([draw(NUMBERS)] * depth) + f". {draw(words(1, 5))}"]
    if kind == "letter":
        return [f"{draw(st.sampled_from(['a', 'b', 'đ', 'z', 'aa', '(1', '(a', 'iv']))}) {draw(words())}"]
    if kind == "bullet":
        return [f"{draw(st.sampled_from(['-', '+', '•', '*', '–', '·']))} {draw(words())}"]
    if kind == "task":
        return [f"- {draw(words(1, 8))}", f"- Cơ quan chủ trì: {draw(words(1, 5))}",
                f"- Thời gian hoàn thành: {draw(st.sampled_from(['Quý', 'Tháng', 'Năm', 'Trước ngày']))} "
                f"{draw(NUMBERS)}/{draw(NUMBERS)}"]
    if kind in ("pipe", "tab"):
        return draw(table(kind))
    if kind == "long":
        return [draw(long_line())]
    if kind == "citation":
        return [f"Căn cứ {draw(citation())};"]
    if kind == "blank":
        return [""] * draw(st.integers(1, 5))
    return [draw(words(5, 60))]


@st.composite
def table(draw: st.DrawFn, kind: str) -> list[str]:
    columns = draw(st.integers(1, 12))
    rows = draw(st.integers(1, 40))
    cell = st.one_of(NUMBERS, words(0, 6))
    sep = " | " if kind == "pipe" else "\t"
    lines = []
    if kind == "pipe":
        lines.append("| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |")
        lines.append("|" + draw(st.sampled_from(["---|", ":--:|", "-|", " - |", "|"])) * columns)
    for _ in range(rows):
        cells = [draw(cell) for _ in range(draw(st.integers(0, columns)))]
        lines.append(("| " + sep.join(cells) + " |") if kind == "pipe" else sep.join(cells))
    return lines


@st.composite
def plan_text(draw: st.DrawFn) -> str:
    """The text of a plan-shaped document (str, before encoding)."""
    lines = draw(header())
    for _ in range(draw(st.integers(0, 8))):
        roman = draw(st.sampled_from(ROMANS))
        lines.append(f"{roman}{draw(st.sampled_from(['.', ')', ' -', ':', '']))} {draw(st.sampled_from(HEADINGS))}")
        for _ in range(draw(st.integers(0, 12))):
            lines += draw(item())
    if draw(st.booleans()):
        lines += ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Văn An"]
    end = draw(LINE_ENDS)
    text = end.join(lines)
    if draw(st.booleans()):  # sprinkle odd characters anywhere
        for _ in range(draw(st.integers(1, 20))):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(ODD)) + text[at:]
    return text


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    """``text`` in one encoding, or its halves in two (a file pasted together from two sources)."""
    first = draw(st.sampled_from(ENCODINGS))
    if draw(st.integers(0, 4)) > 0:
        return encode(text, first)
    cut = draw(st.integers(0, len(text)))
    return encode(text[:cut], first) + encode(text[cut:], draw(st.sampled_from(ENCODINGS)))


@st.composite
def text_plans(draw: st.DrawFn) -> tuple[str, bytes]:
    """``(name, bytes)`` of a text plan: generated, or the small plan with generated parts spliced in."""
    if draw(st.booleans()):
        text = draw(plan_text())
    else:
        lines = PLAN_TEXT.splitlines()
        for _ in range(draw(st.integers(1, 6))):
            at = draw(st.integers(0, len(lines)))
            lines[at:at] = draw(item())
        text = "\n".join(lines)
    name = draw(st.sampled_from(["plan.txt", "plan.md", "ke-hoach.TXT", "plan"]))
    return name, draw(encoded(text))
