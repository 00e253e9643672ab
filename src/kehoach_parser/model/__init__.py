"""Pydantic models: the single definition of the output contract (plan-json.md, version 1)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1.0"] = "1.0"

DocumentKind = Literal["ke_hoach", "quyet_dinh", "bao_cao", "cong_van", "thong_bao", "chuong_trinh", "other"]
SectionKind = Literal["bases", "objectives", "tasks", "solutions", "funding", "organization", "other"]
DeadlineKind = Literal["quarter", "month", "year", "date", "recurring", "as_directed", "other"]
Comparator = Literal[">=", ">", "<=", "<", "="]
# as printed: "T/M." is the older spelling of "TM."
Authority = Literal["TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M.", "K/T.", "T/L."]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Location(_Model):
    page: int | None = None
    line: int | None = None


class Source(_Model):
    file: str = Field(description="base name of the input file")
    format: Literal["txt", "md", "docx", "pdf"]
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the input bytes")
    pages: int | None = Field(default=None, ge=1)
    origin: Literal["web_page"] | None = Field(
        default=None, description='"web_page" for text copied from a web page (a portal\'s or a news page\'s): '
                                  "its section tree holds the Roman-numeral sections only")


class IssueDate(_Model):
    raw: str = Field(description='the date as printed: "ngày 10 tháng 7 năm 2025"')
    year: int | None = None
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    iso: str | None = Field(default=None, description="YYYY-MM-DD when day, month and year are all printed")


class Period(_Model):
    start: str | None = Field(description="ISO date; null for a plan that only names its horizon (\"đến năm 2030\")")
    end: str = Field(description="ISO date")


class Document(_Model):
    kind: DocumentKind = "other"
    number: str | None = Field(default=None, description='"186" of "Số: 186/KH-UBND"; null when blank')
    symbol: str | None = Field(default=None, description='"KH-UBND"')
    issuer: str | None = Field(default=None, description='"Ủy ban nhân dân phường Lê Ích Mộc"')
    parent_issuer: str | None = Field(default=None, description='the organ above the issuer in the header (cơ quan '
                                      'chủ quản): "Ủy ban nhân dân tỉnh Lào Cai" above "Sở Công Thương"')
    place: str | None = Field(default=None, description="place name of the dateline as printed")
    issue_date: IssueDate | None = None
    title: str | None = Field(default=None, description="the trích yếu after the kind word")
    period: Period | None = None
    kind_word: str | None = Field(default=None, description='the kind word as printed: "KẾ HOẠCH"')
    number_line: str | None = Field(default=None, description='the "Số: …" line as printed')
    dateline: str | None = Field(default=None, description='the place and date line as printed')
    location: Location | None = Field(default=None, description="where the kind word stands")


class Reference(_Model):
    id: str = Field(description='number and symbol as printed, spaces removed: "57-NQ/TW"')
    kind: str | None = Field(default=None, description='"Nghị quyết", "Quyết định", …')
    date: str | None = Field(default=None, description="ISO date")
    issuer: str | None = None
    mentions: int = Field(default=1, ge=1, description="how many times the id is cited")
    location: Location | None = Field(default=None, description="the first mention")


class Section(_Model):
    number: str
    title: str | None = None
    kind: SectionKind | None = Field(default=None, description="Roman-numeral sections only")
    children: list[Section] = Field(default_factory=list)
    text: str | None = Field(default=None, description="the numbered line as printed, without its number")
    location: Location | None = None


class Value(_Model):
    raw: str
    comparator: Comparator | None = None
    value: float | None = None
    unit: str | None = Field(default=None, description='"%" or null')
    period: str | None = Field(default=None, description='"2025-2027"')


class Target(_Model):
    number: str | None = None
    group: str | None = None
    name: str
    baseline: Value | None = None
    target: Value | None = None
    source: Literal["table", "text"]
    location: Location | None = None


class Deadline(_Model):
    raw: str
    kind: DeadlineKind
    start: str | None = None
    end: str | None = None


class Task(_Model):
    number: str | None = None
    group: str | None = None
    name: str
    lead_person: str | None = None
    lead: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)
    deadline: Deadline | None = None
    output: str | None = None
    note: str | None = None
    source: Literal["annex", "body"]
    location: Location = Field(default_factory=Location)


class Signature(_Model):
    authority: Authority | None = None
    organ: str | None = None
    position: str | None = None
    signer: str | None = None
    chain: list[str] = Field(default_factory=list,
                             description='every marker line: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]')
    location: Location | None = None


class Annex(_Model):
    label: str | None = Field(default=None, description='"PHỤ LỤC", "PHỤ LỤC I", "Phụ lục"; null for an attached '
                              'table printed without a label')
    title: str | None = None
    attached: str | None = Field(default=None, description='the "(Kèm theo Kế hoạch số …)" line as printed')
    location: Location | None = None


class ParseWarning(_Model):
    """What the parser noticed but could not resolve (JSON: an entry of ``warnings``)."""

    code: str
    message: str
    location: Location | None = None


class Plan(_Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    source: Source
    document: Document = Field(default_factory=Document)
    references: list[Reference] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    signature: Signature | None = None
    recipients: list[str] = Field(default_factory=list)
    recipient_locations: list[Location] = Field(default_factory=list, description="where each recipient line stands")
    annexes: list[Annex] = Field(default_factory=list)
    warnings: list[ParseWarning] = Field(default_factory=list)


Section.model_rebuild()
Target.model_rebuild()


def json_schema() -> dict:
    """The JSON Schema of a Plan, as committed in schemas/plan.schema.json."""
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://kehoach-parser/schemas/plan.schema.json"
    return schema
