"""The rules' documentation pages, generated from ``rules.toml``: what each rule checks (in Vietnamese and
English), its severity and how to switch it off, and its failing and passing examples, which are also
its tests (``tests/check/test_check_rules.py``).

    python -m kehoach_parser.check.docs docs/rules      # writes docs/rules/<rule id>.md and index.md
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .examples import valid_plan
from .registry import Example, Rule, all_rules

# the needs of a rule, as its page explains them
NEEDS_TEXT = {
    "print": "the exact printed characters (not run on text read by OCR)",
    "layout": "every line of the document (not run on text read by OCR)",
    "closing": "the closing block (not run on an excerpt cut off before it)",
    "decree30": "a state document's form as Decree 30/2020/NĐ-CP sets it (not run on a Party or Youth Union "
                "document, whose form follows Hướng dẫn 36-HD/VPTW)",
}
# a document example longer than this is shown in part
SHOWN_LINES = 20


def page_name(rule_id: str) -> str:
    return f"{rule_id}.md"


def _example_block(example: Example) -> list[str]:
    verdict = "fails (the rule reports it)" if example.fires else "passes (nothing to report)"
    out = [f"**{example.name}** — {verdict}", ""]
    if example.document is not None:
        lines = example.document.splitlines() or [""]
        shown = lines[:SHOWN_LINES] + (["…"] if len(lines) > SHOWN_LINES else [])
        out += ["A document of its own:", "", "```text", *shown, "```", ""]
        return out
    if not example.edits and example.cut_after is None and not example.reader_warnings:
        out += ["The [valid plan](index.md#the-valid-plan) as it is.", ""]
        return out
    if example.edits:
        out += ["The [valid plan](index.md#the-valid-plan) with:", "", "```diff"]
        for old, new in example.edits:
            out += [f"- {line}" for line in old.rstrip("\n").split("\n")]
            out += [f"+ {line}" for line in new.rstrip("\n").split("\n")] if new.strip() else ["+"]
        out += ["```", ""]
    if example.cut_after is not None:
        out += [f"The [valid plan](index.md#the-valid-plan) cut off right after \"{example.cut_after}\".", ""]
    if example.reader_warnings:
        codes = ", ".join(f"`{c}`" for c in example.reader_warnings)
        out += [f"The valid plan as a PDF reader reports it with the warning {codes} (pages read by OCR).", ""]
    return out


def rule_page(rule: Rule) -> str:
    """The Markdown page of one rule."""
    message = rule.messages[None]
    out = [
        f"# `{rule.id}` — {rule.title.en}",
        "",
        f"*{rule.title.vi}*",
        "",
        f"Category `{rule.category}`, default severity **{rule.severity}**.",
        "",
        rule.description.vi,
        "",
        rule.description.en,
        "",
        f"Message: {message.vi} ({message.en})",
        "",
    ]
    if rule.needs:
        out += ["Needs " + "; ".join(NEEDS_TEXT[n] for n in sorted(rule.needs)) + ".", ""]
    if rule.supersedes:
        out += ["Replaces " + ", ".join(f"[`{r}`]({page_name(r)})" for r in rule.supersedes)
                + " where both report the same words.", ""]
    out += ["## Examples", ""]
    for example in rule.examples:
        out += _example_block(example)
    out += ["## Configuration", "", "```toml", "[tool.kehoach.check]   # in .kehoach.toml: [check]",
            f'disable = ["{rule.id}"]', f'severity = {{ "{rule.id}" = "info" }}', "```", ""]
    return "\n".join(out)


def index_page(rules: Sequence[Rule]) -> str:
    """The list of every rule, by category, and the valid plan the examples change."""
    out = ["# The rules of `kehoach check`", "",
           "Generated from `src/kehoach_parser/check/rules.toml` by `python -m kehoach_parser.check.docs docs/rules`;"
           " each rule's examples are its tests.", ""]
    category = None
    for rule in rules:
        if rule.category != category:
            category = rule.category
            out += ["", f"## {category}", "", "| rule | severity | what |", "|---|---|---|"]
        out.append(f"| [`{rule.id}`]({page_name(rule.id)}) | {rule.severity} | {rule.title.en} ({rule.title.vi}) |")
    out += ["", "## The valid plan", "", "The smallest plan that passes every rule; the examples change one thing "
            "of it.", "", "```text", *valid_plan().rstrip("\n").split("\n"), "```", ""]
    return "\n".join(out)


def pages(rules: Sequence[Rule] | None = None) -> dict[str, str]:
    """File name -> content of every documentation page."""
    rules = rules or all_rules()
    out = {page_name(rule.id): rule_page(rule) for rule in rules}
    out["index.md"] = index_page(rules)
    return out


def write_docs(folder: Path) -> list[Path]:
    """Write every page into ``folder`` (stale pages of removed rules are deleted)."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    for stale in folder.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    written = []
    for name, text in wanted.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kehoach_parser.check.docs", description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="where to write the pages (docs/rules)")
    args = ap.parse_args(argv)
    written = write_docs(args.folder)
    print(f"{len(written)} pages written to {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
