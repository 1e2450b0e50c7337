"""The command tree itself: version, help that teaches, exit codes for usage errors."""
from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from tmtool import __version__
from tmtool.cli import cli


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found: list[tuple[tuple[str, ...], click.Command]] = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        found.append((prefix + (name,), command))
        if isinstance(command, click.Group):
            found.extend(_all_commands(command, prefix + (name,)))
    return found


def test_version_prints_the_package_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"tmtool, version {__version__}\n"


@pytest.mark.parametrize(("path", "command"), _all_commands(cli), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_has_help_with_an_example(path: tuple[str, ...], command: click.Command) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output, f"tmtool {' '.join(path)} --help has no Example block"
    summary = (command.help or "").strip().splitlines()[0]
    assert summary and len(summary) <= 80


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["no-such-command"])
    assert result.exit_code == 2
    assert "No such command 'no-such-command'" in result.output


def test_python_dash_m_runs_the_cli() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "tmtool", "--version"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0
    assert completed.stdout == f"tmtool, version {__version__}\n"
