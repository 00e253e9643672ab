"""The Summary sheet: how many tasks each lead unit has, quarter by quarter, across all plans.

Unit names are grouped first by their compare key (case, tone placement, dashes, "&" and long forms
such as "Văn hóa - Xã hội" / "VH-XH" do not matter: the linter's ``unit_key``), then by similarity
(rapidfuzz) so that spelling variants ("HĐND" / "HDND", a missing comma) count together. Names
that differ in a number (two decisions cited as "the assignment") are never merged. A task counts
in the quarter of its deadline's end (its start when it has no end); tasks without a dated deadline
count in their own column.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from rapidfuzz import fuzz, process

from ..check.rules.units import unit_key
from .labels import labels
from .tables import Cell, LoadedPlan, Sheet, as_date

# keys at least this similar (rapidfuzz ratio, 0-100) name the same unit
MATCH_SCORE = 92
# shorter keys are only grouped when equal ("sở y tế" and "sở tư pháp" are close in ratio)
MIN_FUZZY_LENGTH = 12
# punctuation ignored when keys are compared: "Các sở, ban, ngành" = "Các sở ban ngành"
PUNCTUATION = re.compile(r"[\W_]+")
# the numbers in a name: "Quyết định số 1441/QĐ-UBND" -> 1441
DIGITS = re.compile(r"\d+")


def unit_groups(counts: Counter[str]) -> dict[str, str]:
    """Every name -> the spelling that stands for its group (the group's most frequent one)."""
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for name, n in counts.items():
        by_key[unit_key(name)][name] += n
    keys = sorted(by_key, key=lambda k: (-sum(by_key[k].values()), k))
    heads: list[str] = []  # the compare forms of the groups' first keys
    head_keys: list[str] = []
    members: dict[str, list[str]] = {}
    for key in keys:
        form = PUNCTUATION.sub(" ", key).strip()
        head = _match(form, heads)
        if head is None:
            heads.append(form)
            head_keys.append(key)
            members[key] = [key]
        else:
            members[head_keys[head]].append(key)
    out: dict[str, str] = {}
    for group in members.values():
        spellings: Counter[str] = Counter()
        for key in group:
            spellings.update(by_key[key])
        representative = min(spellings, key=lambda s: (-spellings[s], s))
        out.update((name, representative) for name in spellings)
    return out


def _match(form: str, heads: list[str]) -> int | None:
    if len(form) < MIN_FUZZY_LENGTH or not heads:
        return heads.index(form) if form in heads else None
    found = process.extractOne(form, heads, scorer=fuzz.ratio, score_cutoff=MATCH_SCORE)
    if found is None:
        return None
    _, _, index = found
    return index if DIGITS.findall(heads[index]) == DIGITS.findall(form) else None


def _quarter(start: str | None, end: str | None) -> tuple[int, int] | None:
    day = as_date(end) or as_date(start)
    return (day.year, (day.month - 1) // 3 + 1) if isinstance(day, date) else None


def summary_sheet(plans: Sequence[LoadedPlan]) -> Sheet:
    """Tasks per lead unit (rows) by quarter (columns), across ``plans``."""
    words = labels()
    headers = words.columns["summary"]
    leads: list[tuple[int, list[str], tuple[int, int] | None]] = []
    counts: Counter[str] = Counter()
    for index, loaded in enumerate(plans):
        for task in loaded.plan.tasks:
            deadline = task.deadline
            when = _quarter(deadline.start, deadline.end) if deadline else None
            units = task.lead or [words.no_lead]
            leads.append((index, units, when))
            counts.update(units)
    group_of = unit_groups(counts)
    cells: dict[str, Counter[tuple[int, int] | None]] = defaultdict(Counter)
    in_plans: dict[str, set[int]] = defaultdict(set)
    variants: dict[str, set[str]] = defaultdict(set)
    for index, units, when in leads:
        for unit in dict.fromkeys(group_of[u] for u in units):  # a unit named twice in one task counts once
            cells[unit][when] += 1
            in_plans[unit].add(index)
        for name in units:
            variants[group_of[name]].add(name)
    quarters = sorted({q for row in cells.values() for q in row if q is not None})
    rows: list[tuple[Cell, ...]] = []
    for unit in sorted(cells, key=lambda u: (-sum(cells[u].values()), u)):
        row = cells[unit]
        others = sorted(variants[unit] - {unit})
        rows.append((unit, words.list_separator.join(others) or None, len(in_plans[unit]),
                     *(row.get(q, 0) for q in quarters), row.get(None, 0), sum(row.values())))
    quarter_keys = tuple(f"q{year}_{q}" for year, q in quarters)
    columns = ("unit", "variants", "plans", *quarter_keys, "undated", "total")
    titles = (headers["unit"], headers["variants"], headers["plans"],
              *(words.quarter.format(quarter=q, year=year) for year, q in quarters), headers["undated"],
              headers["total"])
    return Sheet("summary", words.sheets["summary"], columns, titles, rows)

