"""The `tmtool` command: a click group whose subcommands load lazily, so `--help` is fast.

This is the only place where library errors become exit codes: a `TmtoolError` is one line
on stderr and exit 2; findings at or above `--fail-on` are exit 1 (set by the command).
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import IO, Any

import click

from tmtool import __version__
from tmtool.errors import TmtoolError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# name -> "module:attribute"; a command whose module is absent is simply not offered.
COMMANDS: dict[str, str] = {
    "align": "tmtool.cli.align_cmd:align",
    "segment": "tmtool.cli.segment_cmd:segment",
    "lint": "tmtool.cli.lint_cmd:lint",
    "translit": "tmtool.cli.translit_cmd:translit",
    "glossary": "tmtool.cli.glossary_cmd:glossary",
    "convert": "tmtool.cli.convert_cmd:convert",
    "pair": "tmtool.cli.pair_cmd:pair",
    "tm": "tmtool.cli.tm_cmd:tm",
    "pretranslate": "tmtool.cli.pretranslate_cmd:pretranslate",
}
TMX_COMMANDS: dict[str, str] = {
    "stats": "tmtool.cli.tmx_cmd:stats",
    "validate": "tmtool.cli.tmx_cmd:validate",
    "merge": "tmtool.cli.tmx_cmd:merge",
    "split": "tmtool.cli.tmx_filter_cmd:split",
    "filter": "tmtool.cli.tmx_filter_cmd:filter_units",
}


class UserError(click.ClickException):
    """A problem the user can fix: one line on stderr, exit code 2."""

    exit_code = EXIT_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"tmtool: error: {self.format_message()}", err=True, file=file)


class TmtoolGroup(click.Group):
    """A group with lazily imported subcommands that turns `TmtoolError` into exit 2."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def _available(self, name: str) -> bool:
        module = self.lazy[name].split(":")[0]
        return importlib.util.find_spec(module) is not None

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = set(super().list_commands(ctx))
        names.update(name for name in self.lazy if self._available(name))
        return sorted(names)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and self._available(cmd_name):
            module_name, attribute = self.lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TmtoolError as exc:
            raise UserError(str(exc)) from exc


@click.group(cls=TmtoolGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="tmtool")
def cli() -> None:
    """Translation memories for Ukrainian-English publishing.

    Align parallel documents into TMX, check and convert translation memories, and lint
    translations against glossaries in CI.

    \b
    Example:
      tmtool align sources/interview.uk.md sources/interview.en.md -o sample.tmx
      tmtool lint sample.tmx --glossary glossaries/
    """


@cli.group(cls=TmtoolGroup, lazy=TMX_COMMANDS)
def tmx() -> None:
    """Inspect, validate and combine TMX files.

    \b
    Example:
      tmtool tmx validate memory.tmx
      tmtool tmx merge a.tmx b.tmx -o all.tmx
    """


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli.main(prog_name="tmtool", standalone_mode=True))
