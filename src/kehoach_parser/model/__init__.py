"""Pydantic models: the single definition of the output contract (plan-json.md, version 1)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

DocumentKind = Literal["ke_hoach", "quyet_dinh", "bao_cao", "cong_van", "thong_bao", "chuong_trinh", "other"]
SectionKind = Literal["bases", "objectives", "tasks", "solutions", "funding", "organization", "other"]
DeadlineKind = Literal["quarter", "month", "year", "date", "recurring", "as_directed", "other"]
Comparator = Literal[">=", ">", "<=", "<", "="]
Authority = Literal["TM.", "KT.", "TL.", "TUQ.", "Q."]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Location(_Model):
    page: Optional[int] = None
    line: Optional[int] = None


class Source(_Model):
    file: str = Field(description="base name of the input file")
    format: Literal["txt", "md", "docx", "pdf"]
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the input bytes")
    pages: Optional[int] = Field(default=None, ge=1)


class IssueDate(_Model):
    raw: str = Field(description='the date as printed: "ngày 10 tháng 7 năm 2025"')
    year: Optional[int] = None
    month: Optional[int] = Field(default=None, ge=1, le=12)
    day: Optional[int] = Field(default=None, ge=1, le=31)
    iso: Optional[str] = Field(default=None, description="YYYY-MM-DD when day, month and year are all printed")


class Period(_Model):
    start: str = Field(description="ISO date")
    end: str = Field(description="ISO date")


class Document(_Model):
    kind: DocumentKind = "other"
    number: Optional[str] = Field(default=None, description='"186" of "Số: 186/KH-UBND"; null when blank')
    symbol: Optional[str] = Field(default=None, description='"KH-UBND"')
    issuer: Optional[str] = Field(default=None, description='"Ủy ban nhân dân phường Lê Ích Mộc"')
    place: Optional[str] = Field(default=None, description="place name of the dateline as printed")
    issue_date: Optional[IssueDate] = None
    title: Optional[str] = Field(default=None, description="the trích yếu after the kind word")
    period: Optional[Period] = None
    kind_word: Optional[str] = Field(default=None, description='the kind word as printed: "KẾ HOẠCH"')
    number_line: Optional[str] = Field(default=None, description='the "Số: …" line as printed')
    dateline: Optional[str] = Field(default=None, description='the place and date line as printed')
    location: Optional[Location] = Field(default=None, description="where the kind word stands")


class Reference(_Model):
    id: str = Field(description='number and symbol as printed, spaces removed: "57-NQ/TW"')
    kind: Optional[str] = Field(default=None, description='"Nghị quyết", "Quyết định", …')
    date: Optional[str] = Field(default=None, description="ISO date")
    issuer: Optional[str] = None
    mentions: int = Field(default=1, ge=1, description="how many times the id is cited")
    location: Optional[Location] = Field(default=None, description="the first mention")


class Section(_Model):
    number: str
    title: Optional[str] = None
    kind: Optional[SectionKind] = Field(default=None, description="Roman-numeral sections only")
    children: list["Section"] = Field(default_factory=list)
    text: Optional[str] = Field(default=None, description="the numbered line as printed, without its number")
    location: Optional[Location] = None


class Value(_Model):
    raw: str
    comparator: Optional[Comparator] = None
    value: Optional[float] = None
    unit: Optional[str] = Field(default=None, description='"%" or null')
    period: Optional[str] = Field(default=None, description='"2025-2027"')


class Target(_Model):
    number: Optional[str] = None
    group: Optional[str] = None
    name: str
    baseline: Optional[Value] = None
    target: Optional[Value] = None
    source: Literal["table", "text"]
    location: Optional["Location"] = None


class Deadline(_Model):
    raw: str
    kind: DeadlineKind
    start: Optional[str] = None
    end: Optional[str] = None


class Task(_Model):
    number: Optional[str] = None
    group: Optional[str] = None
    name: str
    lead_person: Optional[str] = None
    lead: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)
    deadline: Optional[Deadline] = None
    output: Optional[str] = None
    note: Optional[str] = None
    source: Literal["annex", "body"]
    location: Location = Field(default_factory=Location)


class Signature(_Model):
    authority: Optional[Authority] = None
    organ: Optional[str] = None
    position: Optional[str] = None
    signer: Optional[str] = None
    chain: list[str] = Field(default_factory=list, description='every marker line: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]')
    location: Optional[Location] = None


class Annex(_Model):
    label: str
    title: Optional[str] = None
    attached: Optional[str] = Field(default=None, description='the "(Kèm theo Kế hoạch số …)" line as printed')
    location: Optional[Location] = None


class Warning(_Model):
    code: str
    message: str
    location: Optional[Location] = None


class Plan(_Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    source: Source
    document: Document = Field(default_factory=Document)
    references: list[Reference] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    signature: Optional[Signature] = None
    recipients: list[str] = Field(default_factory=list)
    recipient_locations: list[Location] = Field(default_factory=list, description="where each recipient line stands")
    annexes: list[Annex] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)


Section.model_rebuild()
Target.model_rebuild()


def json_schema() -> dict:
    """The JSON Schema of a Plan, as committed in schemas/plan.schema.json."""
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://kehoach-parser/schemas/plan.schema.json"
    return schema
