"""The typed shape of ``vietnamese.toml``: every list the parser matches against, validated once
when the file is first read (a misspelt key or a wrong type fails loudly at start-up)."""
from __future__ import annotations

from datetime import date
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
    page_words: Words  # "Trang 4"
    page_of: Words  # "Page 2 of 5"
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
    ranks: Words


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


# --------------------------------------------------------------------------------------------
# lint.toml: the words the rules of ``kehoach check`` compare against


class LintHeader(_Table):
    mixed_case_kinds: Words  # "CTr": a kind abbreviation printed in mixed case
    party_headings: Words  # "ĐẢNG CỘNG SẢN VIỆT NAM": a Party document's heading, in place of the national motto


class LintOrgans(_Table):
    collective: Words  # bodies that decide collectively and sign "TM."
    heads: Words  # single heads: "Chủ tịch", "Giám đốc" …
    issuing_verbs: Words
    extra_heads: Words  # issuers of cited documents besides the organs: "Công ty", "Giám đốc" …


class LintSignature(_Table):
    deputy_prefixes: Words
    authority_words: dict[str, str]  # "THAY MẶT" -> "TM."


class LintRecipients(_Table):
    archive: str  # "Lưu"
    archive_office: str  # "VT"
    office_codes: Words


class LintCitations(_Table):
    by_name: Words
    party_organs: Words
    kind_abbreviations: Words
    before_connectors: Words
    clause_openers: Words
    symbol_issuers: dict[str, str]  # "CP" -> "Chính phủ"


class LintYears(_Table):
    horizon: Words
    past: Words
    looking_back: Words  # "tổng kết", "kê khai": a few words before an earlier year, a look back
    looking_back_words: int


class WordStarts(_Table):
    starts: Words


class NearMiss(_Table):
    score: int


class Tiers(_Table):
    tiers: tuple[Words, ...]
    tier_word: str
    conjunction: str


class LintUnits(_Table):
    history_before: Words  # "tiếp nhận … từ": before an old organ name, its history, not a current actor
    history_after: Words  # "(cũ)", "nay là" right after it
    history_words: int
    default_lists: Words
    level_lists: dict[str, Words]  # level word -> the lists of known units it uses
    organ_levels: dict[str, str]
    known: dict[str, Words]  # list name -> unit names
    families: WordStarts
    near_miss: NearMiss
    generic: WordStarts
    tiers: Tiers
    abbreviations: dict[str, str]


class Renamed(_Table):
    """An organ renamed, merged or dissolved on a day."""

    old: str
    new: str
    from_: date = Field(alias="from")


class LintHeadings(_Table):
    common: Words


class FunctionWords(_Table):
    words: Words


class Typos(_Table):
    min_uses: int
    max_edits: int
    min_uses_of_real_word: int
    accepted: Words


class LintSpelling(_Table):
    tone_rimes: Words
    tone_rime_onsets: Words
    phrases: Words
    function_words: FunctionWords
    typos: Typos


class LintTargets(_Table):
    share_words: Words


class Structure(_Table):
    rule_chars: str


class LintVocabulary(_Table):
    """The whole of ``lint.toml``."""

    draft_markers: Words
    header: LintHeader
    organs: LintOrgans
    signature: LintSignature
    recipients: LintRecipients
    citations: LintCitations
    years: LintYears
    units: LintUnits
    renamed: tuple[Renamed, ...]
    headings: LintHeadings
    spelling: LintSpelling
    targets: LintTargets
    structure: Structure


# --------------------------------------------------------------------------------------------
# syllables.toml: the parts of a Vietnamese syllable (a garbled text layer reads as none)


class SyllableInventory(_Table):
    onsets: Words  # "", "b", "ch", "ngh" …
    medials: Words  # "", "o", "u"
    nuclei: Words  # "a", "ă", "iê", "ươ" …
    codas: Words  # "", "c", "ng", "nh" …
    tones: Words  # the combining tone marks
