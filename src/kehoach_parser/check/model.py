"""Findings: what a rule reports, as the ``json`` output and every other format carry it."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
Category = Literal["input", "header", "numbering", "year", "deadline", "task", "target", "citation", "unit", "heading",
                   "signature", "recipients", "annex", "spelling"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
CATEGORIES: tuple[Category, ...] = ("input", "header", "numbering", "year", "deadline", "task", "target", "citation",
                                    "unit", "heading", "signature", "recipients", "annex", "spelling")
# how much each severity weighs when deciding whether a run fails ("--fail-on warning" fails on errors too)
RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class FindingLocation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    page: int | None = Field(default=None, ge=1, description="page (paged inputs), else null")
    line: int | None = Field(default=None, ge=1, description="1-based line in the reader's text, null where unknown")


class Finding(BaseModel):
    """One problem in one file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str = Field(description="the checked file, as given on the command line")
    rule: str = Field(description='stable rule id: "header.number-missing"')
    category: Category
    severity: Severity
    message: str = Field(description="Vietnamese, with an English gloss in parentheses")
    hint: str | None = Field(default=None, description="how to fix it, where that is obvious")
    location: FindingLocation = Field(default_factory=FindingLocation)
    text: str | None = Field(default=None, description="the offending excerpt")
