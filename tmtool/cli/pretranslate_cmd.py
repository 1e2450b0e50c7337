"""`tmtool pretranslate`: fill a catalogue, an XLIFF file or a document from a memory, and
print the analysis (on stdout; on stderr when the file itself goes to stdout)."""
from __future__ import annotations

import click

from tmtool.cli.options import locale_callback, output_option
from tmtool.fileio import atomic_output, display_name
from tmtool.report.analysis import render_analysis
from tmtool.tm.pretranslate import DEFAULT_MIN, PretranslateOptions
from tmtool.tm.pretranslate_file import memory_for, pretranslate_file
from tmtool.tm.store import is_server_url


@click.command()
@click.argument("file")
@click.option("--tm", "memory", required=True, metavar="DB|FILE.tmx",
              help="The memory: an SQLite file, a postgresql:// URL, or a TMX file.")
@output_option(help_text="The filled file; a document becomes XLIFF 1.2 ('-' for stdout).")
@click.option("--min", "min_score", type=click.IntRange(50, 100), default=DEFAULT_MIN,
              show_default=True, help="Lowest fuzzy match that fills a target.")
@click.option("--src-lang", callback=locale_callback,
              help="Source locale (default: from the file; PO msgids: X-Source-Language, "
                   "else en; documents: by their letters, en-GB under 10 % Cyrillic, else "
                   "uk-UA).")
@click.option("--tgt-lang", callback=locale_callback,
              help="Target locale (default: from the file; PO: Language, else the file name; "
                   "documents: the other of uk-UA and en-GB).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="The analysis: text for people, json for machines.")
@click.option("-q", "--quiet", is_flag=True, help="Print no analysis.")
def pretranslate(file: str, memory: str, output: str, min_score: int, src_lang: str | None,
                 tgt_lang: str | None, output_format: str, quiet: bool) -> None:
    """Fill empty translations from a memory, with a CAT-style analysis.

    PO and XLIFF: empty targets get 100 % matches as translated and matches >= --min as
    fuzzy (PO: "#, fuzzy", the memory's msgid as "#| msgid" and the score in a comment;
    XLIFF: needs-review-translation and a note); every other line stays as it was. PO
    plurals are filled only when the memory holds every plural form. A Markdown, text or
    HTML document becomes an XLIFF 1.2 of its sentences, filled the same way.

    \b
    Example:
      tmtool pretranslate po/uk.po --tm memory.db -o po/uk.po.new
      tmtool pretranslate article.md --tm sample.tmx -o article.xlf --format json
    """
    options = PretranslateOptions(min_score, src_lang, tgt_lang)
    with atomic_output(output, inputs=[file]) as stream, memory_for(memory) as store:
        result = pretranslate_file(file, store, options)
        stream.write(result.data)
    settings = {"min": min_score, "src_lang": result.src_lang, "tgt_lang": result.tgt_lang,
                "tm": store.location if is_server_url(memory) else memory}
    if not quiet:
        click.echo(render_analysis(display_name(file), result.analysis,
                                   output_format=output_format, settings=settings),
                   nl=False, err=output == "-")
