"""`tmtool translit`: print the KMU-55 romanization of Ukrainian text, nothing else.

Glossary decisions (Zelenskyy, Qasim Qaysenov) are `tmtool lint`'s business, not this
command's: it prints only what the 2010 standard gives.
"""
from __future__ import annotations

import click

from tmtool.fileio import decode_text, open_input
from tmtool.lang.translit import transliterate


@click.command()
@click.argument("text", nargs=-1, required=True)
def translit(text: tuple[str, ...]) -> None:
    """Romanize Ukrainian text by the national standard (KMU-55, 2010).

    Arguments are joined with spaces; a single '-' reads standard input and keeps its lines.

    \b
    Example:
      tmtool translit Кам'янське Зеленський
      echo 'Біла Церква' | tmtool translit -
    """
    if text == ("-",):
        with open_input("-") as stream:
            source = decode_text(stream.read(), name="<stdin>")
        click.echo(transliterate(source), nl=False)
        return
    click.echo(transliterate(" ".join(text)))
