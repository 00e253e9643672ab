"""The SARIF output validates against the official SARIF 2.1.0 JSON schema (vendored in data/)."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from plan_template import run_in_process

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def sarif(*args: str | Path, env: dict[str, str], cwd: Path) -> tuple[int, dict]:
    result = run_in_process("--format", "sarif", *args, cwd=cwd)
    return result.returncode, json.loads(result.stdout)


def test_samples_sarif_is_valid(validator: jsonschema.protocols.Validator, samples_dir: Path, repo_root: Path,
                                cli_env: dict[str, str]) -> None:
    code, log = sarif(*sorted(samples_dir.glob("*.txt")), env=cli_env, cwd=repo_root)
    assert code == 1
    validator.validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) >= 30 and all(r["shortDescription"]["text"] for r in rules)
    ids = [r["id"] for r in rules]
    results = run["results"]
    assert results and {r["level"] for r in results} <= {"error", "warning", "note"}
    for result in results:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("samples/")
        assert location["region"]["startLine"] >= 1
    assert run["invocations"][0]["executionSuccessful"] is True


def test_unreadable_file_is_a_notification(validator: jsonschema.protocols.Validator, tmp_path: Path,
                                           cli_env: dict[str, str]) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, log = sarif(tmp_path / "empty.txt", env=cli_env, cwd=tmp_path)
    assert code == 2
    validator.validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "empty.txt" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_schema_rejects_a_broken_log(validator: jsonschema.protocols.Validator) -> None:
    """The vendored schema really checks: a result without a message is refused."""
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "a"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(broken)


def test_rules_carry_their_page_and_results_their_region(validator: jsonschema.protocols.Validator, tmp_path: Path,
                                                         cli_env: dict[str, str]) -> None:
    """helpUri points at the rule's documentation page (``docs_url``), help.markdown holds the page itself;
    a result has its message and region, and a paged input's page in its properties."""
    from plan_template import VALID_PLAN

    (tmp_path / ".kehoach.toml").write_text('[check]\ndocs_url = "https://example.org/rules/{rule}.md"\n',
                                            encoding="utf-8")
    (tmp_path / "gap.txt").write_text(VALID_PLAN.replace("III. TỔ CHỨC", "IV. TỔ CHỨC"), encoding="utf-8")
    _, log = sarif(tmp_path / "gap.txt", env=cli_env, cwd=tmp_path)
    validator.validate(log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["numbering.sections"]["helpUri"] == "https://example.org/rules/numbering.sections.md"
    assert rules["numbering.sections"]["help"]["markdown"].startswith("# `numbering.sections`")
    (result,) = log["runs"][0]["results"]
    assert result["message"]["text"] and result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert "page" not in result["properties"]  # a .txt has no pages


def test_pdf_results_name_their_page() -> None:
    from kehoach_parser.check.model import Finding, FindingLocation
    from kehoach_parser.check.output import format_github, format_sarif
    from kehoach_parser.check.registry import all_rules

    finding = Finding(file="plan.pdf", rule="header.missing", category="header", severity="error", message="m",
                      location=FindingLocation(page=3, line=7))
    result = json.loads(format_sarif([finding], all_rules()))["runs"][0]["results"][0]
    assert result["properties"]["page"] == 3 and result["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert "title=header.missing (page 3)" in format_github([finding])
