"""The minimal valid plan the linter tests change one thing of, and helpers to lint a text in-process."""
from __future__ import annotations

from collections.abc import Iterable

from kehoach_parser.api import parse_document
from kehoach_parser.check import CheckConfig, Finding, check_document

# The smallest plan that passes every rule: organ, number, dateline, kind, title, a citation, sections
# with numbered items, a body task, a target table, recipients, signature and one annex task table.
VALID_PLAN = """ỦY BAN NHÂN DÂN
PHƯỜNG AN BÌNH
Số: 12/KH-UBND
An Bình, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Chuyển đổi số phường An Bình năm 2026

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;

Ủy ban nhân dân phường An Bình ban hành Kế hoạch chuyển đổi số năm 2026 như sau:

I. MỤC TIÊU
1. Mục tiêu chung
Nâng cao hiệu quả chuyển đổi số trên địa bàn phường.
2. Mục tiêu cụ thể
STT\tChỉ tiêu\tNăm 2026
1\tTỷ lệ hồ sơ công việc được xử lý trên môi trường điện tử\t100%
2\tTỷ lệ dịch vụ công trực tuyến toàn trình\t≥ 80%

II. NHIỆM VỤ
1. Hạ tầng số
- Nâng cấp mạng nội bộ của cơ quan.
+ Đơn vị chủ trì: Văn phòng HĐND và UBND phường.
+ Đơn vị phối hợp: Các cơ quan, đơn vị liên quan.
+ Thời gian hoàn thành: Quý II/2026.
2. Nhân lực số
Thực hiện các nhiệm vụ tại Phụ lục kèm theo.

III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị triển khai thực hiện Kế hoạch này.

Nơi nhận:
- UBND thành phố;
- Lưu: VT, VHXH.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An

PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân phường An Bình)

STT\tTên nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành
I\tHạ tầng số\t\t\t
1\tNâng cấp mạng nội bộ\tVăn phòng HĐND và UBND phường\tCác cơ quan, đơn vị liên quan\tQuý II/2026
2\tTập huấn kỹ năng số\tPhòng Văn hóa - Xã hội\tCác cơ quan, đơn vị liên quan\tQuý III/2026
II\tDữ liệu số\t\t\t
3\tSố hóa hồ sơ thủ tục hành chính\tTrung tâm Phục vụ hành chính công phường\tCông an phường\tThường xuyên
"""

Edit = tuple[str, str]


def edited(edits: Iterable[Edit], base: str = VALID_PLAN) -> str:
    """The valid plan with each ``(old, new)`` replaced once (the old text must be there)."""
    text = base
    for old, new in edits:
        assert old in text, f"not in the plan: {old!r}"
        text = text.replace(old, new, 1)
    return text


def lint_text(text: str, *, name: str = "plan.txt", config: CheckConfig | None = None) -> list[Finding]:
    doc = parse_document(text.encode("utf-8"), name=name)
    report = check_document(doc, name, config)
    assert not report.crashed, report.crashed
    return report.findings
