"""Shared fixtures of the linter tests: ``lint`` checks a text in-process. The valid plan the rule
tests change one thing of is in plan_template.py."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from plan_template import lint_text

from kehoach_parser.check import Finding


@pytest.fixture(scope="session")
def lint() -> Callable[..., list[Finding]]:
    return lint_text
