"""The committed JSON Schema is the model's schema, and every sample's output validates against it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach_parser import Plan
from kehoach_parser.model import json_schema

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def committed(repo_root: Path) -> dict:
    return json.loads((repo_root / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))


def test_committed_schema_is_current(committed: dict) -> None:
    assert json_schema() == committed, (
        "schemas/plan.schema.json is out of date: run `kehoach schema -o schemas/plan.schema.json`")


def test_schema_is_valid_draft_2020_12(committed: dict) -> None:
    assert committed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(committed)


def test_samples_validate(sample_stem: str, all_sample_plans: dict[str, Plan], committed: dict) -> None:
    validator = jsonschema.Draft202012Validator(committed)
    errors = sorted(validator.iter_errors(all_sample_plans[sample_stem].model_dump(mode="json")),
                    key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_schema_rejects_contract_violations(all_sample_plans: dict[str, Plan], committed: dict) -> None:
    validator = jsonschema.Draft202012Validator(committed)
    data = next(iter(all_sample_plans.values())).model_dump(mode="json")
    for broken in (
        {**data, "schema_version": "2.0"},
        {**data, "source": {**data["source"], "sha256": "not-a-hash"}},
        {**data, "unexpected": 1},
        {**data, "tasks": [{"name": "x", "source": "elsewhere"}]},
    ):
        assert not validator.is_valid(broken)
