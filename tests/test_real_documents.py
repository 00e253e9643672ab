"""The real plans of tests/data/real (sources in SOURCES.md) through the public API: real values
(issuers, task counts, leads, deadlines) and the shared scorer per file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_parser import Plan, parse

REAL = Path(__file__).parent / "data" / "real"
EVALUATE = Path(__file__).parents[1].parent / "shared/tools/evaluate.py"
# the files read from their text (OCR'd PDFs are scored in the slow tests)
TEXT_FILES = ["01_laocai-sct-2242-kiem-tra-vlncn.docx", "03_laocai-sct-de-an-08-cong-nghiep-xanh.docx",
              "06_lamdong-cchc-2026.docx", "07_lamdong-tuyen-truyen-cchc-2026.docx", "13_btnmt-09-tin-chi-cac-bon.txt",
              "p01_bacninh-186-chinh-quyen-so.txt", "p16_cantho-165-dan-so-markdown-full.txt",
              "p27_laichau-vpubnd-1888-cchc-2026-news.txt"]
_cache: dict[str, Plan] = {}


def plan(name: str) -> Plan:
    if name not in _cache:
        _cache[name] = parse(REAL / name)
    return _cache[name]


def score(name: str, tmp_path: Path) -> float:
    if not EVALUATE.is_file():
        pytest.skip(f"scorer not found at {EVALUATE}")
    stem = Path(name).stem
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    (tmp_path / "gold" / f"{stem}.json").write_bytes((REAL / "gold" / f"{stem}.json").read_bytes())
    (tmp_path / "pred" / f"{stem}.json").write_text(plan(name).model_dump_json(), encoding="utf-8")
    blocks = ["--blocks", "document,references,sections"] if stem.startswith("p") else []
    run = subprocess.run([sys.executable, str(EVALUATE), "--gold", str(tmp_path / "gold"), "--pred",
                          str(tmp_path / "pred"), "--json", *blocks], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return float(json.loads(run.stdout)["overall"]["f1"])


@pytest.mark.slow  # the shared scorer takes up to 8 s on one real plan; CI also scores real/ as a whole
@pytest.mark.parametrize("name", TEXT_FILES)
def test_each_real_file_scores(name: str, tmp_path: Path) -> None:
    assert score(name, tmp_path) >= 0.95


def test_department_under_its_province() -> None:
    doc = plan("01_laocai-sct-2242-kiem-tra-vlncn.docx").document
    assert (doc.kind, doc.number, doc.symbol) == ("ke_hoach", None, "KH-SCT")  # a draft: "Số: /KH-SCT"
    assert doc.issuer == "Sở Công Thương tỉnh Lào Cai"
    assert doc.parent_issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    assert (doc.issue_date.day, doc.issue_date.month, doc.issue_date.year) == (None, 4, 2026)  # type: ignore[union-attr]


def test_person_column_and_unlabelled_annex() -> None:
    p = plan("01_laocai-sct-2242-kiem-tra-vlncn.docx")
    assert [t.number for t in p.tasks] == [str(n) for n in range(1, 10)]
    first = p.tasks[0]
    assert first.lead_person == "Đỗ Mạnh Cường Vũ Việt Linh Nguyễn Thị Loan" and first.lead == []
    assert p.targets == []  # "TT | Nhiệm vụ thực hiện | Người thực hiện | Ghi chú" is no indicator table
    assert [(a.label, a.title) for a in p.annexes] == [
        (None, "PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC KIỂM TRA, CẤP GIẤY CHỨNG NHẬN HUẤN LUYỆN KỸ THUẬT AN TOÀN VLNCN")]
    ids = [r.id for r in p.references]
    assert len(ids) == 31 and "YBB-SA032/26-LR" in ids and "21.4/GĐN" in ids
    assert p.signature is not None and (p.signature.authority, p.signature.signer) == ("KT.", "Hoàng Văn Thuân")


def test_body_task_blocks_and_text_targets() -> None:
    p = plan("03_laocai-sct-de-an-08-cong-nghiep-xanh.docx")
    assert len(p.tasks) == 27 and {t.source for t in p.tasks} == {"body"}
    first = p.tasks[0]
    assert first.group == ("Tái cơ cấu ngành công nghiệp theo chiều sâu, nâng cao giá trị gia tăng và phát triển "
                           "kinh tế tuần hoàn")
    assert first.lead_person == "Phó giám đốc Hoàng Văn Thuân, Phó giám đốc Nguyễn Đình Chiến"
    assert first.lead == ["Phòng Quản lý Công nghiệp"]
    assert first.coordinators == ["Phòng Quản lý Năng lượng", "Phòng Quản lý Thương mại"]
    ranges = [t for t in p.targets if t.target and t.target.raw == "đạt 60-70%"]
    assert ranges and (ranges[0].target.comparator, ranges[0].target.value) == (">=", 60)  # type: ignore[union-attr]
    assert p.document.period is not None and (p.document.period.start, p.document.period.end) == (
        "2026-01-01", "2030-12-31")
    assert "61/2024/QH15" in [r.id for r in p.references]  # "Luật Điện lực số 61/2024/QH15"
    assert [s.number for s in p.sections] == ["I", "II", "III", "IV", "V", "VI"]  # the annex's outline is no section


def test_area_targets_and_annex_deadlines() -> None:
    p = plan("06_lamdong-cchc-2026.docx")
    assert len(p.targets) == 32 and {t.group for t in p.targets} >= {"Cải cách thể chế", "Cải cách tài chính công"}
    assert len(p.tasks) == 52
    kinds = {t.deadline.raw: t.deadline.kind for t in p.tasks if t.deadline}
    assert kinds["Trước ngày 05 của tháng liền kề"] == "recurring"
    assert kinds["Theo các mốc thời gian tại Phương án số 7178/PA-UBND ngày 14/11/2025 của UBND tỉnh"] == "as_directed"
    several = next(t.deadline for t in p.tasks
                   if t.deadline and t.deadline.raw.endswith("chậm nhất trong tháng 8/2026"))
    assert (several.kind, several.start, several.end) == ("other", "2026-01-01", "2026-08-31")


def test_body_task_tables_with_a_year_in_the_header() -> None:
    p = plan("07_lamdong-tuyen-truyen-cchc-2026.docx")
    assert len(p.tasks) == 21 and p.targets == []
    first = p.tasks[0]
    assert first.lead == ["Lãnh đạo Sở Công Thương"]
    assert first.deadline is not None and (first.deadline.kind, first.deadline.start) == ("date", "2026-01-23")
    assert p.sections[2].kind == "tasks"  # "MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM …"


def test_converter_pipe_rows() -> None:
    p = plan("13_btnmt-09-tin-chi-cac-bon.txt")
    assert (p.document.number, p.document.issuer) == ("09", "Bộ Tài nguyên và Môi trường")
    assert p.document.title is not None and p.document.title.endswith("ĐÓNG GÓP DO QUỐC GIA TỰ QUYẾT ĐỊNH")
    assert p.signature is not None
    assert (p.signature.authority, p.signature.position, p.signature.signer) == ("KT.", "THỨ TRƯỞNG", "Lê Công Thành")
    assert len(p.recipients) == 6
    spans = [t.deadline for t in p.tasks if t.deadline and t.deadline.raw == "2024 - 2030"]
    assert spans and (spans[0].kind, spans[0].start, spans[0].end) == ("other", "2024-01-01", "2030-12-31")


def test_portal_page_with_metadata() -> None:
    p = plan("p01_bacninh-186-chinh-quyen-so.txt")
    doc = p.document
    assert (doc.number, doc.symbol, doc.issuer, doc.place) == ("186", "KH-UBND", "Ủy ban nhân dân tỉnh Bắc Ninh",
                                                              "Bắc Ninh")
    assert doc.title == "PHÁT TRIỂN CHÍNH QUYỀN SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026-2030"
    ids = [r.id for r in p.references]
    assert "186/KH-UBND" not in ids and "2629/QĐ-T" not in ids  # its own number; an id cut by the excerpt's end
    assert p.source.origin == "web_page"


def test_markdown_page_wrapped_headings() -> None:
    p = plan("p16_cantho-165-dan-so-markdown-full.txt")
    assert [(s.number, s.title) for s in p.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NỘI DUNG THỰC HIỆN"), ("III", "TỔ CHỨC THỰC HIỆN")]
    assert p.document.issuer == "Ủy ban nhân dân thành phố Cần Thơ"


def test_news_page() -> None:
    doc = plan("p27_laichau-vpubnd-1888-cchc-2026-news.txt").document
    assert (doc.kind, doc.number, doc.symbol) == ("ke_hoach", "1888", "KH-VPUBND")
    assert doc.issuer == "Văn phòng Ủy ban nhân dân tỉnh Lai Châu"
    assert doc.title == "cải cách hành chính năm 2026"
    assert doc.issue_date is not None and doc.issue_date.iso == "2025-12-30"
