"""What a reader is asked to do besides reading the bytes: its budgets, its deadline, and OCR policy."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..limits import DEFAULT_LIMITS, Deadline, Limits

# "auto": OCR the pages without a usable text layer; "force": OCR every page; "never": no OCR
# (pages without a usable text layer are left empty, with a warning)
OcrMode = Literal["auto", "force", "never"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "force", "never")


@dataclass(frozen=True)
class ReadOptions:
    limits: Limits = DEFAULT_LIMITS
    ocr: OcrMode = "auto"
    deadline: Deadline = field(default_factory=lambda: Deadline(DEFAULT_LIMITS.seconds))
    # processes reading a long PDF's pages (forked; Linux, single-threaded callers only); 1: this one alone
    workers: int = 1
