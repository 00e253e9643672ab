"""The same plan laid out differently parses to the same plan.

Each bundled sample is re-laid-out at test time (hard-wrapped at 80 columns with blank lines and
page numbers between lines, as PDF text comes out; or rewritten as Markdown with #-headings,
star bullets and pipe tables) and must give the same JSON as the original, apart from source.
A formal header and closing (two-column layout tables) must be read column by column.
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from kehoach_parser import parse

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))
WRAPPABLE = [p for p in SAMPLES if not p.stem.startswith("002")]  # 002 is already hard-wrapped


def hard_wrapped(text: str, width: int = 80) -> str:
    out: list[str] = []
    count = 0
    for line in text.split("\n"):
        if "\t" in line or line.lstrip().startswith("|") or len(line) <= width:
            out.append(line)
            continue
        parts = textwrap.wrap(line, width)
        for i, part in enumerate(parts):
            out.append(part + " ")
            count += 1
            if count % 45 == 0:
                out += ["", str(count // 45 + 1), ""]  # a page number between two pages
            if i < len(parts) - 1:
                out.append("")
    return "\n".join(out)


def markdown(text: str) -> str:
    out: list[str] = []
    in_table = False
    for line in text.split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            out.append("| " + " | ".join(f"**{c}**" if c and not in_table else c for c in cells) + " |")
            if not in_table:
                out.append("|" + "|".join("---" for _ in cells) + "|")
            in_table = True
            continue
        if not line.strip() and in_table:
            out.append(line)
            continue
        in_table = False
        if re.match(r"^[IVX]+\. ", line):
            out.append("## " + line)
        elif re.match(r"^\d+\. ", line):
            out.append("### " + line)
        elif line.startswith("- "):
            out.append("* " + line[2:])
        elif line.strip() == "KẾ HOẠCH":
            out.append("# KẾ HOẠCH")
        else:
            out.append(line)
    return "\n".join(out)


def comparable(plan) -> dict:
    """The plan without what depends on the layout: source, warnings and line numbers."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("location", "recipient_locations")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(plan.model_dump(mode="json", exclude={"source", "warnings"}))


@pytest.mark.parametrize("path", WRAPPABLE, ids=lambda p: p.stem[:3])
def test_hard_wrapped_text_parses_like_the_original(path: Path) -> None:
    original = parse(path)
    wrapped = parse(hard_wrapped(path.read_text(encoding="utf-8")).encode("utf-8"), name=path.name)
    assert comparable(wrapped) == comparable(original)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem[:3])
def test_markdown_rendering_parses_like_the_original(path: Path) -> None:
    original = parse(path)
    md = parse(markdown(path.read_text(encoding="utf-8")).encode("utf-8"), name=path.stem + ".md")
    assert md.source.format == "md"
    assert comparable(md) == comparable(original)


FORMAL = "\n".join([
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "PHƯỜNG HỒNG BÀNG\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 186/KH-UBND\tHồng Bàng, ngày 05 tháng 3 năm 2026",
    "",
    "KẾ HOẠCH",
    "Ứng dụng công nghệ thông tin, chuyển đổi số",
    "trong hoạt động của cơ quan nhà nước phường Hồng Bàng năm 2026",
    "",
    "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình;",
    "",
    "I. Mục tiêu cụ thể",
    "- Phấn đấu 100% hồ sơ được số hóa.",
    "II. Nhiệm vụ",
    "1. Hạ tầng số",
    "Nâng cấp mạng LAN của UBND phường.",
    "+ Đơn vị chủ trì: Văn phòng HĐND và UBND phường; Thời gian hoàn thành: Quý II.",
    "+ Đơn vị phối hợp: Phòng Văn hóa - Xã hội, Công an phường.",
    "III. Tổ chức thực hiện",
    "Các phòng, ban triển khai thực hiện./.",
    "",
    "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
    "- UBND quận;\tCHỦ TỊCH",
    "- Lưu: VT, VHXH.\t",
    "\t(Đã ký)",
    "\tTrần Văn Nam",
    "",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ",
    "(Kèm theo Kế hoạch số 186/KH-UBND ngày 05/3/2026 của UBND phường Hồng Bàng)",
    "TT\tNội dung nhiệm vụ\tĐơn vị tính\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\tKết quả\tGhi chú",
    "(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)\t(8)",
    "A\tNHIỆM VỤ CHUNG\t\t\t\t\t\t",
    "1\tSố hóa hồ sơ theo Nghị định số 107/2021/NĐ-\tHồ sơ\tTrung tâm Phục vụ hành chính công\tCác phòng chuyên môn"
    "\tTháng 9/2026\tHồ sơ số\t",
    "\tCP của Chính phủ\t\t\t\t\t\t",
    "2\tTriển khai ký số\tTài khoản\tVăn phòng HĐND và UBND phường\t\t30/6/2026\t\tƯu tiên",
])


def test_formal_header_and_closing_tables_are_read_column_by_column() -> None:
    plan = parse(FORMAL.encode("utf-8"), name="formal.txt")
    doc = plan.document
    assert (doc.number, doc.symbol, doc.place) == ("186", "KH-UBND", "Hồng Bàng")
    assert doc.issuer == "Ủy ban nhân dân phường Hồng Bàng"
    assert doc.issue_date is not None and doc.issue_date.iso == "2026-03-05"
    assert doc.title == ("Ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động "
                         "của cơ quan nhà nước phường Hồng Bàng năm 2026")
    assert plan.recipients == ["UBND quận", "Lưu: VT, VHXH"]
    assert plan.signature is not None
    assert (plan.signature.authority, plan.signature.organ, plan.signature.position, plan.signature.signer) == (
        "TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Nam")
    # the plan's own number in the annex's "(Kèm theo …)" line is not a reference
    assert [r.id for r in plan.references] == ["749/QĐ-TTg", "107/2021/NĐ-CP"]
    assert [(s.number, s.kind) for s in plan.sections] == [
        ("I", "objectives"), ("II", "tasks"), ("III", "organization")]
    assert [t.target.value for t in plan.targets if t.target] == [100]


def test_formal_annex_table_with_other_wording_and_column_numbers() -> None:
    plan = parse(FORMAL.encode("utf-8"), name="formal.txt")
    annex = [t for t in plan.tasks if t.source == "annex"]
    assert [t.number for t in annex] == ["1", "2"]
    first, second = annex
    assert first.group == "NHIỆM VỤ CHUNG"
    assert first.name == "Số hóa hồ sơ theo Nghị định số 107/2021/NĐ-CP của Chính phủ"
    assert first.lead == ["Trung tâm Phục vụ hành chính công"]
    assert first.output == "Hồ sơ số"
    assert first.deadline is not None and (first.deadline.kind, first.deadline.end) == ("month", "2026-09-30")
    assert second.coordinators == [] and second.note == "Ưu tiên"
    assert second.deadline is not None and second.deadline.kind == "date"
    body = [t for t in plan.tasks if t.source == "body"]
    assert len(body) == 1
    assert body[0].lead == ["Văn phòng HĐND và UBND phường"]
    assert body[0].coordinators == ["Phòng Văn hóa - Xã hội", "Công an phường"]
    # "Quý II" without a year takes the plan's year
    deadline = body[0].deadline
    assert deadline is not None and (deadline.start, deadline.end) == ("2026-04-01", "2026-06-30")
