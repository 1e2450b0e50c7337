"""The README's promises: two set-up commands, and a Python example that runs as printed."""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_readme_opens_with_exactly_two_set_up_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first_fence = text.index("```")
    assert text[first_fence:].startswith("```sh\n")
    commands = [line for line in _blocks("sh")[0].splitlines() if line.strip()]
    assert len(commands) == 2
    assert "tmtool align sources/" in commands[0] and "tmtool lint" in commands[0]
    assert "pytest" in commands[1] and "[test" in commands[1]


def test_readme_python_example_runs(project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = project_dir / "sources"
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["align", str(sources / "interview.uk.md"),
                                      str(sources / "interview.en.md"), "-o", "sample.tmx", "-q"])
    assert result.exit_code == 0, result.output
    [example] = _blocks("python")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(example, "README.md", "exec"), {})  # noqa: S102 (our own README)
    lines = printed.getvalue().splitlines()
    assert len(lines) == 62
    assert any("Вручення Вірчих грамот" in line and "Handover of Credentials" in line for line in lines)
