"""Exports for people (issue 11, item 5): XLSX, CSV and ICS from the sample plans, with real values."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from kehoach_parser import Plan
from kehoach_parser.cli import main
from kehoach_parser.export import export, load_plans, targets
from kehoach_parser.export.csvfiles import csv_name
from kehoach_parser.export.labels import labels
from kehoach_parser.export.summary import summary_sheet, unit_groups
from kehoach_parser.export.tables import LoadedPlan, plan_sheets

# sample 003, annex task "Quý II/2026": its lead and deadline as the gold file has them
TASK_START = "Chủ động rà soát, nâng cấp và bảo đảm điều kiện"
TASK_LEAD = "Phòng Văn hoá - Xã hội"
TASK_BEGIN, TASK_END = date(2026, 4, 1), date(2026, 6, 30)
VH_XH = {"Phòng Văn hoá - Xã hội", "Phòng Văn hóa - Xã hội", "Phòng VH-XH", "Phòng Văn hóa – Xã hội"}


@pytest.fixture(scope="module")
def loaded(all_sample_plans: dict[str, Plan]) -> list[LoadedPlan]:
    return [LoadedPlan(f"{stem}.json", plan) for stem, plan in sorted(all_sample_plans.items())]


@pytest.fixture(scope="module")
def exported(loaded: list[LoadedPlan], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    written = export(loaded, ["xlsx", "csv", "ics"], folder)
    assert sorted(p.name for p in written) == sorted(["kehoach.xlsx", "kehoach.ics", *(
        f"kehoach-{key}.csv" for key in ("plans", "tasks", "targets", "references", "summary"))])
    return folder


def counts(loaded: list[LoadedPlan]) -> dict[str, int]:
    return {"plans": len(loaded), "tasks": sum(len(p.plan.tasks) for p in loaded),
            "targets": sum(len(p.plan.targets) for p in loaded),
            "references": sum(len(p.plan.references) for p in loaded)}


def test_xlsx_sheets_rows_and_date_cells(exported: Path, loaded: list[LoadedPlan]) -> None:
    book = openpyxl.load_workbook(exported / "kehoach.xlsx")
    words = labels()
    assert book.sheetnames == [words.sheets[k] for k in ("plans", "tasks", "targets", "references", "summary")]
    for key, n in counts(loaded).items():
        sheet = book[words.sheets[key]]
        assert sheet.max_row == n + 1, key  # a header row, then one row per item
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{n + 1}"
        assert [c.value for c in sheet[1]] == list(words.columns[key].values())
        assert sheet.column_dimensions["A"].width >= 6
    tasks = book[words.sheets["tasks"]]
    header = [c.value for c in tasks[1]]
    column = {key: header.index(title) for key, title in words.columns["tasks"].items()}
    row = next(r for r in tasks.iter_rows(min_row=2) if str(r[column["name"]].value).startswith(TASK_START))
    assert row[column["lead"]].value == TASK_LEAD
    start, end = row[column["start"]], row[column["end"]]
    assert start.is_date and end.is_date
    assert (start.value, end.value) == (datetime(2026, 4, 1), datetime(2026, 6, 30))
    assert start.number_format == words.date_format
    assert row[column["deadline"]].value == "Quý II/2026"
    assert row[column["file"]].value == "003_5ff484b46b8ac1a0.txt"
    plans = book[words.sheets["plans"]]
    issued = [r[list(words.columns["plans"]).index("date")] for r in plans.iter_rows(min_row=2)]
    assert any(c.is_date for c in issued)


def test_csv_has_a_bom_and_round_trips(exported: Path, loaded: list[LoadedPlan]) -> None:
    sheets = {s.key: s for s in [*plan_sheets(loaded), summary_sheet(loaded)]}
    for key, sheet in sheets.items():
        raw = (exported / csv_name(sheet)).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), key
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert rows[0] == list(sheet.headers)
        assert len(rows) == len(sheet.rows) + 1
    with (exported / "kehoach-tasks.csv").open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    words = labels().columns["tasks"]
    task = next(r for r in records if r[words["name"]].startswith(TASK_START))
    assert task[words["lead"]] == TASK_LEAD
    assert (task[words["start"]], task[words["end"]]) == ("2026-04-01", "2026-06-30")  # ISO dates


def test_ics_has_one_todo_per_dated_task(exported: Path, loaded: list[LoadedPlan]) -> None:
    calendar = Calendar.from_ical((exported / "kehoach.ics").read_bytes())
    todos = list(calendar.walk("VTODO"))
    dated = [t for p in loaded for t in p.plan.tasks if t.deadline and t.deadline.end]
    assert len(todos) == len(dated) > 0
    assert len({str(t["uid"]) for t in todos}) == len(todos)
    todo = next(t for t in todos if str(t["summary"]).startswith(TASK_START))
    assert todo["due"].dt == TASK_END and todo["dtstart"].dt == TASK_BEGIN
    description = str(todo["description"])
    assert f"{labels().calendar['lead']}: {TASK_LEAD}" in description
    assert "Các phòng ban, cơ quan, đơn vị thuộc phường" in description  # the coordinators
    assert "Quý II/2026" in description


def test_summary_counts_spelling_variants_together(loaded: list[LoadedPlan]) -> None:
    sheet = summary_sheet(loaded)
    rows = {row[0]: dict(zip(sheet.columns, row, strict=True)) for row in sheet.rows}
    vh_xh = [unit for unit in rows if unit in VH_XH]
    assert len(vh_xh) == 1  # four spellings, one row
    row = rows[vh_xh[0]]
    expected = sum(1 for p in loaded for t in p.plan.tasks if VH_XH & set(t.lead))
    assert row["total"] == expected
    assert "Phòng VH-XH" in (row["variants"] or "") or vh_xh[0] == "Phòng VH-XH"
    assert row["q2026_2"] >= 1  # the Quý II/2026 task
    assert sheet.headers[sheet.columns.index("q2026_2")] == labels().quarter.format(quarter=2, year=2026)
    quarters = [c for c in sheet.columns if c.startswith("q")]
    assert quarters == sorted(quarters)
    assert all(r["total"] == sum(v for k, v in r.items() if k.startswith("q") or k == "undated")
               for r in rows.values())


def test_unit_groups_keep_numbers_and_short_names_apart() -> None:
    groups = unit_groups({"Văn phòng HĐND và UBND phường": 3, "Văn phòng HDND và UBND phường": 1,
                          "Theo Quyết định số 1441/QĐ-UBND của UBND tỉnh": 1,
                          "Theo Quyết định số 1737/QĐ-UBND của UBND tỉnh": 1, "Sở Y tế": 2, "Sở Tư pháp": 1})
    assert groups["Văn phòng HDND và UBND phường"] == "Văn phòng HĐND và UBND phường"
    assert len({groups[n] for n in groups if "Quyết định" in n}) == 2
    assert groups["Sở Y tế"] != groups["Sở Tư pháp"]


def test_text_that_looks_like_a_formula_stays_text(loaded: list[LoadedPlan], tmp_path: Path) -> None:
    plan = loaded[0].plan.model_copy(deep=True)
    plan.tasks[0].name = "=HYPERLINK(\"http://example.invalid\",\"x\")\x0b"
    export([LoadedPlan("x.json", plan)], ["xlsx"], tmp_path / "x.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "x.xlsx")[labels().sheets["tasks"]]["E2"]
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://example.invalid\",\"x\")"


def test_targets_of_the_output() -> None:
    assert targets(["xlsx"], Path("r/plans.xlsx")) == {"xlsx": Path("r/plans.xlsx")}
    assert targets(["xlsx", "ics"], Path("r")) == {"xlsx": Path("r/kehoach.xlsx"), "ics": Path("r/kehoach.ics")}
    assert targets(["csv"], Path("r.csv")) == {"csv": Path("r.csv")}


def test_export_command(loaded: list[LoadedPlan], tmp_path: Path) -> None:
    folder = tmp_path / "json"
    (folder / "nested").mkdir(parents=True)
    for item in loaded[:3]:
        (folder / "nested" / item.name).write_text(item.plan.model_dump_json(), encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    err = io.StringIO()
    code = main(["export", str(folder), "--to", "xlsx", "-o", str(tmp_path / "plans.xlsx")], stderr=err)
    assert code == 1  # one file was not a plan's JSON; the others are exported
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("kehoach: error: ") and "broken.json" in lines[0] and len(lines) == 2
    book = openpyxl.load_workbook(tmp_path / "plans.xlsx")
    plans = book[labels().sheets["plans"]]
    assert [r[0].value for r in plans.iter_rows(min_row=2)] == [f"nested/{p.name}" for p in loaded[:3]]
    assert load_plans([tmp_path / "missing"])[1] == [f"{tmp_path / 'missing'}: no such file or directory"]


def test_parse_then_export_in_one_command(samples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    err = io.StringIO()
    code = main(["parse", str(samples_dir / "003_5ff484b46b8ac1a0.txt"), str(samples_dir / "004_9a9a73e543f5b827.txt"),
                 "-o", str(out), "--export", "ics,xlsx"], stderr=err)
    assert code == 0, err.getvalue()
    todos = list(Calendar.from_ical((out / "kehoach.ics").read_bytes()).walk("VTODO"))
    assert any(str(t["summary"]).startswith(TASK_START) for t in todos)
    assert openpyxl.load_workbook(out / "kehoach.xlsx")[labels().sheets["plans"]].max_row == 3
