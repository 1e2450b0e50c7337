"""Golden-file comparison: `assert_golden(path, text, update)` compares output with a
reviewed file, or rewrites it under `pytest --update-golden`."""
from __future__ import annotations

from pathlib import Path


def assert_golden(path: Path, actual: str, update: bool) -> None:
    if update or not path.exists():
        if not update:
            raise AssertionError(f"golden file {path} is missing; run pytest --update-golden")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path} (pytest --update-golden to refresh)"
