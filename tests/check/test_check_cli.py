"""``kehoach check`` on the command line: formats, exit codes, folders, configuration."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from plan_template import VALID_PLAN, Result, edited, run_in_process

GAP = [("III. TỔ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN")]  # an error (numbering.sections)
MIXED = [("Số hóa hồ sơ", "Số hoá hồ sơ")]  # a warning (spelling.mixed-tone-placement)


def run(*args: str | Path, env: dict[str, str], cwd: Path) -> Result:
    """One ``kehoach check`` run, in process (``env`` is the subprocess environment, unused here)."""
    return run_in_process(*args, cwd=cwd)


def run_process(*args: str | Path, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach_parser", "check", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=cwd, timeout=300)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A folder with a clean plan, one with an error and one with a warning (and a file to skip)."""
    folder = tmp_path / "plans"
    (folder / "sub").mkdir(parents=True)
    (folder / "clean.txt").write_text(VALID_PLAN, encoding="utf-8")
    (folder / "sub" / "gap.txt").write_text(edited(GAP), encoding="utf-8")
    (folder / "mixed.md").write_text(edited(MIXED), encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "old.txt").write_text(edited(GAP), encoding="utf-8")
    return folder


def test_clean_plan_exits_0(plans: Path, cli_env: dict[str, str]) -> None:
    """The console script itself, in a fresh process (the other tests run the command in process)."""
    result = run_process(plans / "clean.txt", env=cli_env, cwd=plans)
    assert result.returncode == 0, result.stderr
    assert "0 problems" in result.stdout


def test_error_exits_1_and_text_is_grouped_by_file(plans: Path, cli_env: dict[str, str]) -> None:
    result = run(plans, env=cli_env, cwd=plans.parent)
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "\033[" not in out  # not a terminal: no colour
    assert out.index("plans/mixed.md") < out.index("plans/sub/gap.txt")
    assert re.search(r"^\s+\d+\s+error\s+.*numbering\.sections$", out, re.MULTILINE)
    assert "old.txt" not in out and "notes.json" not in out and "clean.txt" not in out


def test_fail_on_levels(plans: Path, cli_env: dict[str, str]) -> None:
    mixed = plans / "mixed.md"
    assert run(mixed, env=cli_env, cwd=plans).returncode == 0  # a warning does not fail by default
    assert run(mixed, "--fail-on", "warning", env=cli_env, cwd=plans).returncode == 1
    assert run(plans / "sub", "--fail-on", "never", env=cli_env, cwd=plans).returncode == 0


def test_json_format(plans: Path, cli_env: dict[str, str]) -> None:
    result = run(plans / "sub" / "gap.txt", "--format", "json", env=cli_env, cwd=plans)
    findings = json.loads(result.stdout)
    (gap,) = [f for f in findings if f["rule"] == "numbering.sections"]
    assert set(gap) == {"file", "rule", "category", "severity", "message", "hint", "location", "text"}
    assert gap["category"] == "numbering" and gap["severity"] == "error"
    assert gap["location"] == {"page": None, "line": VALID_PLAN.splitlines().index("III. TỔ CHỨC THỰC HIỆN") + 1}
    assert gap["text"] == "IV. TỔ CHỨC THỰC HIỆN"
    assert gap["file"].endswith("gap.txt")


def test_github_format(plans: Path, cli_env: dict[str, str]) -> None:
    result = run(plans / "sub" / "gap.txt", plans / "mixed.md", "--format", "github", env=cli_env, cwd=plans)
    lines = result.stdout.splitlines()
    pattern = r"::error file=sub/gap\.txt,line=\d+,title=numbering\.sections::.+"
    assert any(re.fullmatch(pattern, line) for line in lines)
    assert any(line.startswith("::warning file=mixed.md,line=") for line in lines)
    assert all("\n" not in line for line in lines)


def test_bad_file_among_good_ones_exits_2(plans: Path, cli_env: dict[str, str]) -> None:
    binary = plans / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = run(plans / "clean.txt", binary, plans / "missing.txt", plans / "sub", "--format", "json",
                 env=cli_env, cwd=plans)
    assert result.returncode == 2
    assert "binary.txt" in result.stderr and "missing.txt" in result.stderr
    found = json.loads(result.stdout)
    assert {Path(f["file"]).name for f in found if f["rule"] != "input.unreadable"} == {"gap.txt"}  # still checked
    unreadable = {Path(f["file"]).name: f for f in found if f["rule"] == "input.unreadable"}
    assert set(unreadable) == {"binary.txt", "missing.txt"}  # a finding in the output too, not only on stderr
    assert unreadable["binary.txt"]["severity"] == "error" and "binary.txt" not in unreadable["binary.txt"]["message"]


def test_usage_errors_exit_2(plans: Path, cli_env: dict[str, str]) -> None:
    assert run(env=cli_env, cwd=plans).returncode == 2
    assert run(plans, "--format", "xml", env=cli_env, cwd=plans).returncode == 2


def test_list_rules(cli_env: dict[str, str], tmp_path: Path) -> None:
    result = run("--list-rules", env=cli_env, cwd=tmp_path)
    assert result.returncode == 0
    assert "header.number-missing" in result.stdout and "Missing number and symbol" in result.stdout
    data = json.loads(run("--list-rules", "--format", "json", env=cli_env, cwd=tmp_path).stdout)
    assert len(data) >= 30 and {"id", "category", "severity", "title", "description"} <= set(data[0])


def test_dot_kehoach_toml_is_found_upward(plans: Path, cli_env: dict[str, str]) -> None:
    (plans / ".kehoach.toml").write_text('[check]\ndisable = ["numbering"]\n', encoding="utf-8")
    result = run(plans / "sub" / "gap.txt", "--format", "json", env=cli_env, cwd=plans.parent)
    assert result.returncode == 0, result.stdout
    assert not [f for f in json.loads(result.stdout) if f["category"] == "numbering"]


def test_pyproject_table_and_severity(plans: Path, cli_env: dict[str, str]) -> None:
    (plans / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.kehoach.check]\n'
                                          'severity = { "numbering.sections" = "warning" }\n', encoding="utf-8")
    result = run(plans / "sub" / "gap.txt", "--format", "json", env=cli_env, cwd=plans)
    (gap,) = [f for f in json.loads(result.stdout) if f["rule"] == "numbering.sections"]
    assert gap["severity"] == "warning"
    assert result.returncode == 0  # a warning does not fail


def test_config_option_overrides_and_bad_config_exits_2(plans: Path, cli_env: dict[str, str],
                                                        tmp_path: Path) -> None:
    (plans / ".kehoach.toml").write_text('[check]\ndisable = ["numbering"]\n', encoding="utf-8")
    explicit = tmp_path / "strict.toml"
    explicit.write_text('fail_on = "warning"\n', encoding="utf-8")
    assert run(plans / "mixed.md", "--config", explicit, env=cli_env, cwd=plans).returncode == 1
    assert run(plans / "sub" / "gap.txt", "--config", explicit, env=cli_env, cwd=plans).returncode == 1
    bad = tmp_path / "bad.toml"
    bad.write_text('disable = ["no.such-rule"]\n', encoding="utf-8")
    result = run(plans / "clean.txt", "--config", bad, env=cli_env, cwd=plans)
    assert result.returncode == 2 and "no.such-rule" in result.stderr


def test_markdown_and_text_give_the_same_findings(tmp_path: Path, cli_env: dict[str, str]) -> None:
    text = edited(GAP + MIXED)
    markdown = "\n".join(("| " + " | ".join(line.split("\t")) + " |") if "\t" in line else line
                         for line in text.splitlines())
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.md").write_text(markdown, encoding="utf-8")
    found = json.loads(run(tmp_path, "--format", "json", env=cli_env, cwd=tmp_path).stdout)
    by_file = {name: sorted((f["rule"], f["location"]["line"]) for f in found if f["file"].endswith(name))
               for name in ("a.txt", "a.md")}
    assert by_file["a.txt"] == by_file["a.md"] != []


def test_colour_on_a_terminal_unless_no_color(plans: Path) -> None:
    import io

    from kehoach_parser.check.output import use_color

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert use_color(Tty())
    assert not use_color(io.StringIO())
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NO_COLOR", "1")
        assert not use_color(Tty())


def test_unreadable_file_in_github_and_sarif(plans: Path, cli_env: dict[str, str]) -> None:
    binary = plans / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    github = run(binary, "--format", "github", env=cli_env, cwd=plans)
    assert github.returncode == 2
    assert github.stdout.startswith("::error file=binary.txt,title=input.unreadable::")
    sarif = json.loads(run(binary, "--format", "sarif", env=cli_env, cwd=plans).stdout)
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "input.unreadable" and result["level"] == "error"


def test_statistics(plans: Path, cli_env: dict[str, str]) -> None:
    result = run(plans, "--statistics", env=cli_env, cwd=plans)
    assert re.search(r"^\s+1\s+numbering\.sections\s+error\s+Section numbering gap or repeat$", result.stdout,
                     re.MULTILINE), result.stdout


def test_include_and_exclude_globs(plans: Path, cli_env: dict[str, str]) -> None:
    (plans / ".kehoach.toml").write_text('[check]\nexclude = ["sub/**"]\n', encoding="utf-8")
    found = json.loads(run(plans, "--format", "json", env=cli_env, cwd=plans).stdout)
    assert {Path(f["file"]).name for f in found} == {"mixed.md"}  # sub/gap.txt left out
    (plans / ".kehoach.toml").write_text('[check]\ninclude = ["**/gap.txt"]\n', encoding="utf-8")
    found = json.loads(run(plans, "--format", "json", env=cli_env, cwd=plans).stdout)
    assert {Path(f["file"]).name for f in found} == {"gap.txt"}


def test_config_discovery_stops_at_the_repository_root(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """A configuration above the repository (another project's) is not read, as black does."""
    (tmp_path / ".kehoach.toml").write_text('[check]\ndisable = ["numbering"]\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "plans").mkdir()
    (repo / "plans" / "gap.txt").write_text(edited(GAP), encoding="utf-8")
    found = json.loads(run(repo / "plans" / "gap.txt", "--format", "json", env=cli_env, cwd=repo / "plans").stdout)
    assert "numbering.sections" in {f["rule"] for f in found}


def test_pyproject_whose_tool_table_is_no_table(plans: Path, cli_env: dict[str, str]) -> None:
    """Issue 7: "[tool] kehoach = 5" above the checked file is another tool's business, never a traceback."""
    (plans / "pyproject.toml").write_text("[tool]\nkehoach = 5\n", encoding="utf-8")
    result = run_process(plans / "sub" / "gap.txt", "--format", "json", env=cli_env, cwd=plans)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (plans / "pyproject.toml").write_text("[tool.kehoach]\ncheck = 5\n", encoding="utf-8")
    result = run(plans / "sub" / "gap.txt", env=cli_env, cwd=plans)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "must be a table" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_pre_commit_hook_leaves_out_the_usual_non_plans(repo_root: Path) -> None:
    """The hook's default files: plans of every format, not README.md, requirements.txt or docs/."""
    hook = (repo_root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    files = re.search(r"^\s+files: (.+)$", hook, re.MULTILINE)[1]  # type: ignore[index]
    exclude = re.search(r"^\s+exclude: (.+)$", hook, re.MULTILINE)[1]  # type: ignore[index]

    def linted(path: str) -> bool:
        return bool(re.search(files, path)) and not re.search(exclude, path)

    assert all(linted(p) for p in ("plans/ke-hoach.docx", "ke-hoach-2026.pdf", "van-ban/kh.txt", "kh.md"))
    assert not any(linted(p) for p in ("README.md", "docs/README.txt", "requirements.txt", "requirements-dev.txt",
                                        "CHANGELOG.md", "docs/rules/x.md", "LICENSE.txt", "setup.py"))


def test_example_workflow_installs_from_the_repository(repo_root: Path) -> None:
    workflow = (repo_root / "examples" / "github-actions" / "kehoach-check.yml").read_text(encoding="utf-8")
    assert 'pip install "git+' in workflow and "pip install kehoach-parser" not in workflow
    assert "--format sarif" in workflow and "--docs-url" in workflow


def test_ocr_never_checks_a_scan_without_reading_it(samples_dir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """``--ocr never``: a scanned page is left unread (a quick lint in CI), never sent to Tesseract."""
    import kehoach_parser.readers.ocr as ocr

    def no_ocr(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("OCR ran")

    monkeypatch.setattr(ocr, "ocr_page", no_ocr)
    scan = next((samples_dir / "scanned").glob("*.pdf"))
    result = run_in_process("--ocr", "never", "--format", "json", scan, cwd=tmp_path)
    rules = {f["rule"] for f in json.loads(result.stdout)}
    assert rules == {"input.unreadable-text"}  # said once, not a finding per field that could not be read
    assert result.returncode in (0, 1), result.stderr
