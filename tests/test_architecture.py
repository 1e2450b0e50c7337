"""The layering STYLE.md promises: only `tmtool.cli` imports click, and lower layers never
import higher ones (checked with import-linter's contracts in pyproject.toml)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which(
        "lint-imports"
    )
    if lint_imports is None:
        pytest.skip("import-linter is not installed")
    completed = subprocess.run(
        [lint_imports, "--no-cache"], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-2000:]


def test_library_modules_do_not_import_click() -> None:
    offenders = [
        str(path.relative_to(PROJECT))
        for path in (PROJECT / "tmtool").rglob("*.py")
        if "cli" not in path.relative_to(PROJECT / "tmtool").parts[:1]
        and any(
            line.strip().startswith(("import click", "from click"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
