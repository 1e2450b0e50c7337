"""`tmtool glossary`: `check` validates glossary files (exit 0 or 2); `forms` lists the
Ukrainian forms the linter will match, for review.

The body only calls `load_glossary`: every problem is an `InputError` that the CLI group
prints as one `FILE:LINE: problem` line with exit code 2.
"""
from __future__ import annotations

import click

from tmtool.cli.options import quiet_option
from tmtool.glossary import load_glossary
from tmtool.glossary.matcher import compile_glossary
from tmtool.glossary.uk_matcher import describe_forms


@click.group()
def glossary() -> None:
    """Validate glossary files and review the forms they match.

    \b
    Example:
      tmtool glossary check glossaries/
      tmtool glossary forms glossaries/ --id place.kyiv
    """


@glossary.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@quiet_option
def check(paths: tuple[str, ...], quiet: bool) -> None:
    """Validate glossary files and folders: columns, ids, values and forms.

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


@glossary.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--id", "term_ids", multiple=True, metavar="TERM_ID", help="Only these entries.")
def forms(paths: tuple[str, ...], term_ids: tuple[str, ...]) -> None:
    """List the Ukrainian forms lint matches for each entry (tab-separated).

    One line per Ukrainian form of an entry: id, form, then every generated form of
    each word ('/' between words), so a terminologist can review them and add uk_forms.

    \b
    Example:
      tmtool glossary forms glossaries/ --id person.qaysenov
    """
    loaded = load_glossary(paths)
    compiled = compile_glossary(loaded)
    for notice in compiled.notices:
        click.echo(f"tmtool: note: {notice}", err=True)
    for line in describe_forms(loaded, set(term_ids), compiled.uses_morphology):
        click.echo(line)
