"""The ``kehoach`` command line, run as ``python -m kehoach_parser`` in a subprocess."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_parser import Plan


def run_cli(*args: str | Path, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach_parser", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def samples(samples_dir: Path) -> list[Path]:
    paths = sorted(samples_dir.glob("*.txt"))
    assert len(paths) == 5
    return paths


def test_parse_samples_into_dir(samples: list[Path], tmp_path: Path, cli_env: dict[str, str],
                                repo_root: Path, all_sample_plans: dict[str, Plan]) -> None:
    out = tmp_path / "out"
    result = run_cli("parse", *(p.relative_to(repo_root) for p in samples), "-o", out, env=cli_env, cwd=repo_root)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}.json" for p in samples)
    for path in samples:
        written = Plan.model_validate_json((out / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert written == all_sample_plans[path.stem]


def test_single_file_to_stdout(samples: list[Path], cli_env: dict[str, str], repo_root: Path) -> None:
    result = run_cli("parse", samples[0].relative_to(repo_root), env=cli_env, cwd=repo_root)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1.0"
    assert data["source"]["file"] == samples[0].name
    assert data["document"]["title"] == "Chuyển đổi số Phường Lê Ích Mộc năm 2026"
    Plan.model_validate(data)


def test_compact_output_is_one_line(samples: list[Path], cli_env: dict[str, str], repo_root: Path) -> None:
    result = run_cli("parse", "--compact", samples[1], env=cli_env, cwd=repo_root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    Plan.model_validate_json(result.stdout)


def test_bad_files_among_good_ones(samples: list[Path], tmp_path: Path, cli_env: dict[str, str],
                                   repo_root: Path) -> None:
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = run_cli("parse", samples[0], missing, binary, samples[1], "-o", out, env=cli_env, cwd=repo_root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr  # one line per bad file
    assert "missing.txt" in lines[0]
    assert "binary.txt" in lines[1]
    assert "Traceback" not in result.stderr
    # the good files are still written, nothing for the bad ones, no temporary files left behind
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{samples[0].stem}.json", f"{samples[1].stem}.json"])


def test_several_files_need_output_dir(samples: list[Path], cli_env: dict[str, str], repo_root: Path) -> None:
    result = run_cli("parse", samples[0], samples[1], env=cli_env, cwd=repo_root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "-o" in result.stderr


@pytest.mark.parametrize("args", [["parse", "--bogus", "samples/x.txt"], ["frobnicate"], [], ["parse"]],
                         ids=["bad-option", "bad-command", "no-command", "no-file"])
def test_usage_errors(args: list[str], cli_env: dict[str, str], repo_root: Path) -> None:
    result = run_cli(*args, env=cli_env, cwd=repo_root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "usage" in result.stderr


def test_schema_equals_committed(cli_env: dict[str, str], repo_root: Path) -> None:
    result = run_cli("schema", env=cli_env, cwd=repo_root)
    assert result.returncode == 0, result.stderr
    committed = json.loads((repo_root / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == committed


def test_schema_to_file(tmp_path: Path, cli_env: dict[str, str], repo_root: Path) -> None:
    target = tmp_path / "nested" / "plan.schema.json"
    result = run_cli("schema", "-o", target, env=cli_env, cwd=repo_root)
    assert result.returncode == 0, result.stderr
    committed = json.loads((repo_root / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    assert json.loads(target.read_text(encoding="utf-8")) == committed
    assert [p.name for p in target.parent.iterdir()] == ["plan.schema.json"]


def test_version(cli_env: dict[str, str], repo_root: Path) -> None:
    result = run_cli("--version", env=cli_env, cwd=repo_root)
    assert result.returncode == 0
    assert result.stdout.startswith("kehoach-parser ")
