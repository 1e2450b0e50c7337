"""The pre-commit manifest at the repository root: the hooks the CI docs promise."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tmtool.lint.inputs import EXTENSIONS


def test_manifest_offers_lint_and_glossary_hooks(project_dir: Path) -> None:
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((project_dir / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"tmtool-lint", "tmtool-glossary"}
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
    assert by_id["tmtool-lint"]["require_serial"] is True  # `inconsistent` needs every file
    assert by_id["tmtool-lint"]["entry"].startswith("tmtool lint")
    assert by_id["tmtool-glossary"]["entry"] == "tmtool glossary check"


def test_lint_hook_takes_exactly_the_files_lint_reads(project_dir: Path) -> None:
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((project_dir / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    files = re.compile(next(hook["files"] for hook in hooks if hook["id"] == "tmtool-lint"))
    assert [ext for ext in EXTENSIONS if not files.search("docs/page" + ext)] == []
    assert [name for name in ("page.csv", "a.json", "mdx", "page.md.bak") if files.search(name)] == []
