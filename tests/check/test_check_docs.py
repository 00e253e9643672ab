"""Every rule has a documentation page generated from rules.toml (docs/rules/), up to date."""
from __future__ import annotations

from pathlib import Path

from kehoach_parser.check.docs import pages
from kehoach_parser.check.registry import all_rules


def test_pages_are_up_to_date(repo_root: Path) -> None:
    folder = repo_root / "docs" / "rules"
    wanted = pages()
    assert {p.name for p in folder.glob("*.md")} == set(wanted), "run: python -m kehoach_parser.check.docs docs/rules"
    stale = [name for name, text in wanted.items() if (folder / name).read_text(encoding="utf-8") != text]
    assert stale == [], "run: python -m kehoach_parser.check.docs docs/rules"


def test_every_page_shows_a_failing_and_a_passing_example() -> None:
    for rule in all_rules():
        page = pages([rule])[f"{rule.id}.md"]
        assert "fails (the rule reports it)" in page and "passes (nothing to report)" in page, rule.id
