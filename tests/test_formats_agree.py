"""Each sample as .txt, .docx and .pdf parses to the same plan: header fields, section tree, task
count and each task's lead and deadline (the readers differ, the layout they give does not)."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kehoach_parser import Plan, parse

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

FORMATS = ("docx", "pdf")


@cache
def _plan(stem: str, fmt: str) -> Plan:
    return parse(SAMPLES / f"{stem}.{fmt}")


def _header(plan: Plan) -> dict:
    return plan.document.model_dump(include={"kind", "number", "symbol", "issuer", "place", "issue_date", "title",
                                             "period"})


def _tree(sections) -> list:
    return [(s.number, s.title, getattr(s, "kind", None), _tree(s.children)) for s in sections]


def _tasks(plan: Plan) -> list:
    return [(t.number, t.lead, t.deadline.model_dump(exclude_none=True) if t.deadline else None) for t in plan.tasks]


@pytest.mark.parametrize("fmt", FORMATS)
def test_formats_agree(sample_stem: str, sample_plan, fmt: str) -> None:
    text, other = sample_plan(sample_stem), _plan(sample_stem, fmt)
    assert other.source.format == fmt
    assert _header(other) == _header(text)
    assert _tree(other.sections) == _tree(text.sections)
    assert len(other.tasks) == len(text.tasks)
    assert _tasks(other) == _tasks(text)
    assert [t.name for t in other.targets] == [t.name for t in text.targets]
    assert other.signature == text.signature or (
        other.signature is not None and text.signature is not None
        and other.signature.model_dump(exclude={"location"}) == text.signature.model_dump(exclude={"location"}))
    assert other.recipients == text.recipients


def test_pdf_pages_are_reported(sample_stem: str) -> None:
    plan = _plan(sample_stem, "pdf")
    assert plan.source.pages and plan.source.pages >= 5
    assert all(t.location is None or t.location.page for t in plan.tasks)
