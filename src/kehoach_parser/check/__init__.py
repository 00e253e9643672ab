"""``kehoach check``: a linter for newly issued plans, built on the parsed plan (so it reads every
input format the parser reads).

>>> from kehoach_parser.check import check_file
>>> report = check_file("ke-hoach.txt")              # doctest: +SKIP
>>> [(f.rule, f.location.line) for f in report.findings]   # doctest: +SKIP

Rules live in ``check/rules/`` (one module per group of categories), their metadata and messages in
``check/rules.toml``, configuration in ``check/config.py``, output formats in ``check/output.py``.
"""
from __future__ import annotations

from .config import CheckConfig, ConfigError, config_for, load_config
from .model import Finding, FindingLocation
from .registry import Rule, all_rules
from .runner import Report, check_document, check_file

__all__ = ["CheckConfig", "ConfigError", "Finding", "FindingLocation", "Report", "Rule", "all_rules",
           "check_document", "check_file", "config_for", "load_config"]
