"""underthesea (heavy) is imported only when a signer's name needs its NER."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import sys
import kehoach_parser
assert "underthesea" not in sys.modules, "imported by `import kehoach_parser`"
plan = kehoach_parser.parse(sys.argv[1])
print(plan.signature.signer)
print(sorted(m for m in sys.modules if m == "underthesea" or m.startswith("underthesea.")))
"""


@pytest.mark.parametrize(("stem", "signer"), [("000", "Nguyễn Quang Vinh"), ("003", "Đinh Thị Thu Hà")])
def test_parse_does_not_import_underthesea(stem: str, signer: str, sample_path, cli_env: dict[str, str],
                                           repo_root: Path) -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(sample_path(stem))], capture_output=True, text=True,
                            encoding="utf-8", env=cli_env, cwd=repo_root, timeout=300)
    assert result.returncode == 0, result.stderr
    printed_signer, modules = result.stdout.splitlines()
    assert printed_signer == signer  # the surname is in the vocabulary: no NER needed
    assert modules == "[]"
