"""`tmtool glossary`: work with glossary files; `check` validates them (exit 0 or 2).

The body only calls `load_glossary`: every problem is an `InputError` that the CLI group
prints as one `FILE:LINE: problem` line with exit code 2.
"""
from __future__ import annotations

import click

from tmtool.cli.options import quiet_option
from tmtool.glossary import load_glossary
from tmtool.glossary.matcher import compile_glossary


@click.group()
def glossary() -> None:
    """Validate glossary files (CSV; see docs for the columns).

    \b
    Example:
      tmtool glossary check glossaries/
    """


@glossary.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@quiet_option
def check(paths: tuple[str, ...], quiet: bool) -> None:
    """Check glossary files and folders: columns, ids, values, approved vs forbidden forms.

    Exit 0 when every file is valid, 2 at the first problem (printed as FILE:LINE).

    \b
    Example:
      tmtool glossary check glossaries/
      tmtool glossary check glossaries/people.csv glossaries/places.csv
    """
    loaded = load_glossary(paths)
    compiled = compile_glossary(loaded)
    if not quiet:
        for notice in compiled.notices:
            click.echo(f"tmtool: note: {notice}", err=True)
        click.echo(f"{len(loaded)} entries in {len(loaded.sources)} file(s): ok", err=True)
