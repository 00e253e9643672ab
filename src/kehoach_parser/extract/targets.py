"""Targets: rows of indicator tables, and percentage bullets under "mục tiêu cụ thể" headings."""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from ..model import Location, Target
from ..segment.document import Node
from ..segment.markers import BULLET_LINE, ENUMERATED, ENUMERATOR, PERCENT
from ..segment.paragraphs import Para
from ..segment.tables import LogicalTable, ValueColumn
from ..text import clean, fold, or_none, strip_bullet, strip_trailing
from ..vocab import vocab
from .sections import heading_title
from .values import parse_text_value, parse_value


def _value_roles(columns: list[ValueColumn], plan_year: int | None) -> tuple[int | None, int | None]:
    """(baseline column, target column) among a target table's value columns."""
    if not columns:
        return None, None
    dated = [c for c in columns if c.year is not None]
    target = next((c for c in dated if c.year == plan_year), None)
    if target is None:
        hinted = [c for c in columns if c.hint == "target"]
        target = max(dated, key=lambda c: c.year or 0) if dated else (hinted[-1] if hinted else columns[-1])
    earlier = [c for c in columns if c is not target and c.index < target.index
               and (c.year is None or target.year is None or c.year < target.year)]
    baseline = earlier[-1] if earlier else None
    return (baseline.index if baseline else None), target.index


def table_targets(table: LogicalTable, plan_year: int | None) -> list[Target]:
    base_col, target_col = _value_roles(table.value_columns, plan_year)
    out = []
    for row in table.rows:
        name = clean(strip_bullet(row.cells.get("name", "")))
        if not name:
            continue
        out.append(Target(
            number=row.number,
            group=or_none(row.group),
            name=name,
            baseline=parse_value(row.values.get(base_col)) if base_col is not None else None,
            target=parse_value(row.values.get(target_col)) if target_col is not None else None,
            source="table",
            location=Location(page=row.page, line=row.line),
        ))
    return out


@lru_cache(maxsize=1)
def _headings() -> list[str]:
    return [fold(h) for h in vocab().targets.headings]


# a heading that announces targets says so at its start: the characters of a title compared
TARGET_HEADING_WINDOW = 200


def is_target_heading(title: str | None) -> bool:
    """"Các chỉ tiêu cụ thể đến năm 2030", "CHỈ TIÊU CHỦ YẾU": a heading under which percentages are targets."""
    if not title:
        return False
    folded = fold(title[:TARGET_HEADING_WINDOW])
    return any(h in folded or (len(folded) >= len(h) and fuzz.partial_ratio(h, folded) >= 92) for h in _headings())


def text_targets(sections: list[Node]) -> list[Target]:
    out: list[Target] = []
    for root in sections:
        _scan(root, out, inside=False, group=None)
    return out


@lru_cache(maxsize=1)
def _block_words() -> frozenset[str]:
    return frozenset(fold(w) for w in vocab().targets.block_headings)


def _target_block(text: str) -> bool:
    """"a) Mục tiêu", "b) Chỉ tiêu:": an enumerated item of an area that announces its targets."""
    if not ENUMERATED.match(text):
        return False
    return fold(strip_trailing(clean(ENUMERATOR.sub("", text)))) in _block_words()


def _scan(node: Node, out: list[Target], *, inside: bool, group: str | None) -> None:
    if not inside and is_target_heading(heading_title(node)):
        inside, group = True, None
    if inside:
        for item in node.content:
            if isinstance(item, Para):
                group = _text_item(item, group, out)
    else:  # "1. Cải cách thể chế" / "a) Mục tiêu" / "- 100% …" / "b) Nhiệm vụ": the area is the group
        in_block = False
        for item in node.content:
            if not isinstance(item, Para):
                continue
            if ENUMERATED.match(item.text):
                in_block = _target_block(item.text)
            elif in_block:
                _text_item(item, heading_title(node), out)
    for child in node.children:
        if inside and not child.is_heading:
            _text_item(Para(child.text, child.para.page, child.para.line), group, out, bullet_only=False)
            continue
        _scan(child, out, inside=inside, group=heading_title(child) if inside else None)


def _text_item(para: Para, group: str | None, out: list[Target], bullet_only: bool = True) -> str | None:
    """Add the target ``para`` states, or return the sub-heading it sets; returns the group in force."""
    text = para.text
    enumerated = ENUMERATED.match(text)
    has_percent = bool(PERCENT.search(text))
    if enumerated and not has_percent:
        heading = ENUMERATOR.sub("", text)
        heading = heading.split(":", 1)[0] if ":" in heading else heading
        return strip_trailing(clean(heading)) or group
    if not has_percent or (bullet_only and not (enumerated or BULLET_LINE.match(text))):
        return group
    name = clean(strip_bullet(text))
    out.append(Target(group=group, name=name, target=parse_text_value(name), source="text",
                      location=Location(page=para.page, line=para.line)))
    return group
