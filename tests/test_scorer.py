"""The shared scorer (../shared/tools/evaluate.py) on the five samples parsed into a temporary directory."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_parser import Plan

EVALUATE = Path(__file__).parents[1].parent / "shared/tools/evaluate.py"
BLOCKS = ["document", "references", "sections", "targets", "tasks", "signature", "recipients", "annexes"]


# the shared scorer takes seconds a run; CI runs it on the samples and real/ besides (.ci/run)
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory, all_sample_plans: dict[str, Plan], gold_dir: Path) -> dict:
    if not EVALUATE.is_file():
        pytest.skip(f"scorer not found at {EVALUATE}")
    pred = tmp_path_factory.mktemp("pred")
    for stem, plan in all_sample_plans.items():
        (pred / f"{stem}.json").write_text(plan.model_dump_json(indent=2), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(EVALUATE), "--gold", str(gold_dir), "--pred", str(pred), "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_no_missing_predictions(scores: dict) -> None:
    assert scores["overall"]["missing"] == []


def test_overall_f1(scores: dict) -> None:
    assert scores["overall"]["f1"] >= 0.97, json.dumps(scores, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("block", BLOCKS)
def test_block_f1(scores: dict, block: str) -> None:
    assert scores[block]["f1"] >= 0.95, f"{block}: {scores[block]}"


def test_strict_rows(scores: dict) -> None:
    assert scores["overall"]["strict_rows"] is not None
    assert scores["overall"]["strict_rows"] >= 0.90
