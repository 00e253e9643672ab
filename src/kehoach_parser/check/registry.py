"""The rule registry: rule metadata from the catalogue (``rules.toml``) joined to the check functions.

The catalogue holds, per rule id, its category, default severity, title and description in
Vietnamese and English, and the message and hint templates; a check function (registered with
``@check("rule.id")`` in ``check/rules/``) only finds the problems and says where. Adding a rule
is one catalogue entry plus one function; switching one off is configuration.
"""
from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..vocab import read_toml
from .model import CATEGORIES, SEVERITIES, Category, Severity

if TYPE_CHECKING:
    from .context import Context

CheckFunction = Callable[["Context"], Iterable["Hit"]]

_CHECKS: dict[str, CheckFunction] = {}


@dataclass(frozen=True)
class Hit:
    """One problem a check function found: where, the excerpt, and the values its message names."""

    line: int | None = None
    page: int | None = None
    text: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    variant: str | None = None  # which message of the rule ("padding", "digits" …); None = the default one


def hit_at(position: tuple[int | None, int | None], text: str | None = None, params: Mapping[str, Any] | None = None,
           variant: str | None = None) -> Hit:
    """A hit at a (page, line) position."""
    page, line = position
    return Hit(line=line, page=page, text=text, params=params or {}, variant=variant)


@dataclass(frozen=True)
class Bilingual:
    vi: str
    en: str

    def format(self, params: Mapping[str, Any]) -> Bilingual:
        return Bilingual(self.vi.format_map(params), self.en.format_map(params))

    def fields(self) -> set[str]:
        return {name for text in (self.vi, self.en) for _, name, _, _ in string.Formatter().parse(text) if name}

    def glossed(self) -> str:
        """"Vietnamese (English)": the form every message and hint takes."""
        return f"{self.vi} ({self.en})"


NEEDS = ("print", "layout", "closing", "decree30")


@dataclass(frozen=True)
class Example:
    """An example of a rule's documentation page (and one of its tests): the valid plan with some edits,
    or a document of its own, and whether the rule fires on it."""

    fires: bool
    name: str
    edits: tuple[tuple[str, str], ...] = ()  # (old, new) replaced once in the valid plan
    document: str | None = None  # a whole document instead of the valid plan
    cut_after: str | None = None  # the plan cut off right after this text (an excerpt)
    reader_warnings: tuple[str, ...] = ()  # what the reader reported ("ocr": pages read by OCR)


@dataclass(frozen=True)
class Rule:
    id: str
    category: Category
    severity: Severity  # the default; configuration may change it
    title: Bilingual
    description: Bilingual
    messages: Mapping[str | None, Bilingual]
    hints: Mapping[str | None, Bilingual]
    check: CheckFunction
    supersedes: tuple[str, ...] = ()  # rules whose finding on the same line and text this one replaces
    # "print" (the exact characters), "layout" (every line), "closing", "decree30" (a state document's form)
    needs: frozenset[str] = frozenset()
    examples: tuple[Example, ...] = ()  # the documentation's failing and passing examples, which are its tests

    def render(self, hit: Hit) -> tuple[str, str | None]:
        """(message, hint) for ``hit``; the hint is left out when the hit lacks a value it names."""
        message = self.messages.get(hit.variant) or self.messages[None]
        hint = self.hints.get(hit.variant, self.hints.get(None))
        text = message.format(hit.params).glossed()
        if hint is None or not hint.fields() <= set(hit.params):
            return text, None
        return text, hint.format(hit.params).glossed()


def check(rule_id: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register the check function of ``rule_id`` (its metadata comes from the catalogue)."""

    def register(function: CheckFunction) -> CheckFunction:
        if rule_id in _CHECKS:
            raise ValueError(f"two check functions for rule {rule_id}")
        _CHECKS[rule_id] = function
        return function

    return register


@lru_cache(maxsize=1)
def _catalogue_file() -> dict[str, Any]:
    return read_toml(resources.files(__package__).joinpath("rules.toml"))


def catalogue() -> dict[str, dict[str, Any]]:
    """The rule catalogue as read from ``rules.toml``, in file order."""
    return _catalogue_file()["rules"]


def _bilingual(value: Mapping[str, str] | None) -> Bilingual | None:
    return Bilingual(value["vi"], value["en"]) if value else None


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in catalogue order. Fails loudly when the catalogue and the functions disagree."""
    from . import rules as _  # noqa: F401 - importing the modules registers their check functions

    entries = catalogue()
    missing = sorted(set(entries) - set(_CHECKS))
    unknown = sorted(set(_CHECKS) - set(entries))
    if missing or unknown:
        raise RuntimeError(f"rule catalogue and check functions disagree: no function for {missing}, "
                           f"no catalogue entry for {unknown}")
    out = []
    for rule_id, entry in entries.items():
        if entry["category"] not in CATEGORIES or entry["severity"] not in SEVERITIES:
            raise RuntimeError(f"{rule_id}: bad category or severity in rules.toml")
        if not set(entry.get("needs", ())) <= set(NEEDS):
            raise RuntimeError(f"{rule_id}: needs must be among {NEEDS}")
        messages: dict[str | None, Bilingual] = {None: _bilingual(entry["message"])}  # type: ignore[dict-item]
        hints: dict[str | None, Bilingual] = {}
        if entry.get("hint"):
            hints[None] = _bilingual(entry["hint"])  # type: ignore[assignment]
        for name, variant in entry.get("variants", {}).items():
            if "message" in variant:
                messages[name] = _bilingual(variant["message"])  # type: ignore[assignment]
            if "hint" in variant:
                hints[name] = _bilingual(variant["hint"])  # type: ignore[assignment]
        out.append(Rule(
            id=rule_id,
            category=entry["category"],
            severity=entry["severity"],
            title=_bilingual(entry["title"]),  # type: ignore[arg-type]
            description=_bilingual(entry["description"]),  # type: ignore[arg-type]
            messages=messages,
            hints=hints,
            check=_CHECKS[rule_id],
            supersedes=tuple(entry.get("supersedes", ())),
            needs=frozenset(entry.get("needs", ())),
            examples=tuple(_example(e) for e in entry.get("examples", ())),
        ))
    return tuple(out)


def _example(entry: Mapping[str, Any]) -> Example:
    edits = tuple((old, new) for old, new in entry.get("edits", ()))
    return Example(fires=bool(entry["fires"]), name=entry["name"], edits=edits, document=entry.get("document"),
                   cut_after=entry.get("cut_after"), reader_warnings=tuple(entry.get("reader_warnings", ())))


def rule_ids() -> tuple[str, ...]:
    return tuple(catalogue())


@lru_cache(maxsize=1)
def _labels() -> dict[str, Bilingual]:
    table = _catalogue_file().get("labels", {})
    return {key: Bilingual(value["vi"], value["en"]) for key, value in table.items()}


def label(key: str) -> Bilingual:
    """A word that fills a message template, in both languages (``label("day")``)."""
    return _labels()[key]


def joined(keys: list[str]) -> dict[str, str]:
    """{"vi": "ngày và tháng", "en": "day and month"} for ``["day", "month"]``."""
    parts = [label(k) for k in keys]

    def join(words: list[str], conjunction: str) -> str:
        return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"

    return {"vi": join([p.vi for p in parts], label("and").vi), "en": join([p.en for p in parts], label("and").en)}
