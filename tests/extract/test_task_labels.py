"""The label lines under a body task ("- Đơn vị chủ trì: …", "- Thời gian …: …"): which field each fills.
A deadline label may name what is timed ("Thời gian tổ chức", "Thời điểm triển khai"); a label line is
never a task of its own."""
from __future__ import annotations

import pytest

from kehoach_parser import parse
from kehoach_parser.extract.tasks import task_labels


@pytest.mark.parametrize(("line", "expected"), [
    ("- Đơn vị chủ trì: Phòng Văn hóa - Xã hội.", {"lead": "Phòng Văn hóa - Xã hội"}),
    ("+ Thời gian hoàn thành: Quý II/2026.", {"deadline": "Quý II/2026"}),
    ("- Thời gian tổ chức: tối ngày 09/11/2026.", {"deadline": "tối ngày 09/11/2026"}),
    ("- Thời gian triển khai: tháng 11/2026.", {"deadline": "tháng 11/2026"}),
    ("- Thời điểm tổ chức: dịp 19/5/2026.", {"deadline": "dịp 19/5/2026"}),
    ("- Thời gian dự kiến: Quý III/2026; Sản phẩm: Báo cáo.", {"deadline": "Quý III/2026", "output": "Báo cáo"}),
])
def test_label_lines(line: str, expected: dict[str, str]) -> None:
    assert task_labels(line) == expected


@pytest.mark.parametrize("line", [
    "- Thời gian qua, công tác tuyên truyền đạt nhiều kết quả.",  # no colon: a sentence
    "- Phối hợp chặt chẽ với các đơn vị liên quan: Công an, Quân sự.",  # too many words before the colon
    "- Đơn vị chủ trì thực hiện tốt nhiệm vụ: báo cáo.",  # only deadline labels name what they time
])
def test_sentences_are_no_label_lines(line: str) -> None:
    assert task_labels(line) is None


def test_a_timed_label_is_the_deadline_of_the_task_above() -> None:
    plan = parse("\n".join([
        "KẾ HOẠCH", "Tổ chức các hoạt động năm 2026", "", "I. MỤC ĐÍCH", "Nâng cao nhận thức.", "II. NHIỆM VỤ",
        "1. Tổ chức Chương trình nghệ thuật chào mừng Ngày Pháp luật Việt Nam.",
        "- Đơn vị chủ trì: Phòng Văn hóa - Xã hội.", "- Thời gian tổ chức: tối ngày 09/11/2026.",
        "2. Tổ chức Giải chạy vì cộng đồng.", "- Thời điểm tổ chức: tháng 11/2026.",
    ]).encode("utf-8"), name="p.txt")
    assert [(t.name, t.deadline.start if t.deadline else None) for t in plan.tasks] == [
        ("Tổ chức Chương trình nghệ thuật chào mừng Ngày Pháp luật Việt Nam.", "2026-11-09"),
        ("Tổ chức Giải chạy vì cộng đồng.", "2026-11-01")]
