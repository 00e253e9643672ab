"""The typed shape of ``vietnamese.toml``: every list the parser matches against, validated once
when the file is first read (a misspelt key or a wrong type fails loudly at start-up)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

Words = tuple[str, ...]


class _Table(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Grammar(_Table):
    """Function words the patterns of every stage are built around."""

    number: str  # "số": "Số: 12/KH-UBND", "Nghị quyết số 57-NQ/TW"
    day: str  # "ngày"
    month: str  # "tháng"
    year: str  # "năm"
    of: str  # "của"
    and_: str = Field(alias="and")  # "và"
    quarter: str  # "quý"
    from_: str = Field(alias="from")  # "từ"
    to: str  # "đến"
    span: Words  # "giai đoạn", "thời kỳ"
    half_months: int  # 6: "6 tháng đầu năm"


class Header(_Table):
    preamble_openers: Words
    stamp_markers: Words
    issuing_decision: Words
    metadata: dict[str, str]  # a portal's metadata label -> header field


class Citations(_Table):
    kinds: Words
    max_name_words: int
    issuer_stop_words: Words
    issuer_heads: Words


class Organs(_Table):
    abbreviations: dict[str, str]
    names: Words
    types: Words
    placed_types: Words
    side_by_side_types: Words
    proper: Words
    levels: Words
    issuing_verbs: Words
    past_marker: str
    news_verbs: Words
    news_markers: Words


class Columns(_Table):
    """Column-header synonyms per role of a task or target table."""

    number: Words
    name: Words
    task_name: Words
    indicator_name: Words
    lead_person: Words
    lead: Words
    coordinators: Words
    deadline: Words
    output: Words
    note: Words
    unit_of_measure: Words
    baseline_words: Words
    target_words: Words

    def of_role(self, role: str) -> Words:
        """The synonyms of ``role`` ("lead", "deadline" …)."""
        value: Words = getattr(self, role)
        return value


class TaskLabels(_Table):
    lead: Words
    coordinators: Words
    deadline: Words
    output: Words
    lead_person: Words


class Units(_Table):
    starters: Words
    compounds: Words


class Deadlines(_Table):
    recurring: Words
    as_directed_openers: Words
    as_directed: Words
    halves: dict[str, int]  # "đầu" -> 1, "cuối" -> 2


COMPARATOR_SYMBOLS = (">=", ">", "<=", "<", "=")


class Comparators(_Table):
    by_symbol: dict[str, Words]  # ">=" -> ["≥", "tối thiểu", …]
    fillers: Words
    suffix_ge: Words
    suffix_le: Words

    @model_validator(mode="before")
    @classmethod
    def _symbols(cls, data: Any) -> Any:
        """In the file the comparators are keys of their own (">=" = […])."""
        if isinstance(data, dict) and "by_symbol" not in data:
            data = dict(data)
            data["by_symbol"] = {s: data.pop(s) for s in COMPARATOR_SYMBOLS if s in data}
        return data


class Targets(_Table):
    headings: Words
    block_headings: Words


class Closing(_Table):
    recipients: Words
    attached: Words
    motto: Words
    authorities: Words
    positions: Words
    position_qualifiers: Words
    stamps: Words
    annex_labels: Words


class People(_Table):
    surnames: Words
    honorifics: Words


class Paragraphs(_Table):
    binders: Words
    paragraph_openers: Words
    sentence_starters: Words


class Vocabulary(_Table):
    """The whole of ``vietnamese.toml``."""

    grammar: Grammar
    header: Header
    document_kinds: dict[str, str]  # "KẾ HOẠCH" -> "ke_hoach"
    symbol_kinds: dict[str, str]  # "KH" -> "ke_hoach"
    section_kinds: dict[str, str]  # "căn cứ" -> "bases"
    citations: Citations
    organs: Organs
    columns: Columns
    task_labels: TaskLabels
    units: Units
    deadlines: Deadlines
    comparators: Comparators
    targets: Targets
    closing: Closing
    people: People
    paragraphs: Paragraphs
