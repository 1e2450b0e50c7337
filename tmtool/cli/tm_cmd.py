"""`tmtool tm import|export|stats|lookup|concordance`: thin click commands over `tmtool.tm`.

`--db` names the memory: an SQLite file (created by the first import) or a PostgreSQL URL
(`postgresql://USER@HOST/DB`, `postgresql:///DB?host=/socket/dir`; needs tmtool[postgres]).
Results go to stdout, summaries to stderr.
"""
from __future__ import annotations

import sys
from collections.abc import Callable

import click

from tmtool.cli import TmtoolGroup
from tmtool.cli.options import locale_callback, output_option, quiet_option
from tmtool.fileio import atomic_output
from tmtool.formats.tmx import TmxHeader, write_tmx
from tmtool.report.lookup import render_concordance, render_matches, render_stats
from tmtool.tm.concordance import ConcordanceOptions, concordance
from tmtool.tm.direction import resolve_direction
from tmtool.tm.lookup import LookupOptions, lookup
from tmtool.tm.sources import check_memory_files, read_memory_file
from tmtool.tm.store import DEFAULT_BATCH_SIZE, ImportReport, open_store

db_option = click.option(
    "--db", required=True, metavar="DB",
    help="The memory: an SQLite file, or postgresql://USER@HOST/DB for a shared server.")
format_option = click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
    show_default=True, help="text for people, json for machines.")
from_option = click.option(
    "--from", "src_lang", callback=locale_callback,
    help="Language of the sources searched (default: the text's own: uk when it has Cyrillic "
         "letters, else en; or the other of uk/en than --to).")
to_option = click.option(
    "--to", "tgt_lang", callback=locale_callback,
    help="Language of the translations shown (default: the other of uk/en than --from).")
def limit_option(default: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option("--limit", type=click.IntRange(min=1), default=default,
                        show_default=True, help="Show at most this many.")


@click.group(cls=TmtoolGroup)
def tm() -> None:
    """Ask a translation memory: import, look up, search, export.

    The memory is an SQLite file by default (WAL: look up while an import runs) or a
    PostgreSQL database a team shares (--db postgresql://USER@HOST/DB).

    \b
    Example:
      tmtool tm import sample.tmx --db memory.db
      tmtool tm lookup "Надзвичайний і Повноважний Посол" --db memory.db
      tmtool tm concordance "Кайсенов" --db memory.db
    """


def _progress(path: str) -> Callable[[ImportReport], None] | None:
    """A progress line rewritten after each batch, on a terminal only."""
    if not sys.stderr.isatty():
        return None
    return lambda report: click.echo(f"\r{path}: {report.read:,} units read, "
                                     f"{report.added:,} added", err=True, nl=False)


def _import_line(path: str, report: ImportReport) -> str:
    drafts = f", {report.drafts:,} drafts left out" if report.drafts else ""
    return (f"{path}: {report.read:,} units read, {report.added:,} added, "
            f"{report.duplicates:,} already stored, {report.skipped:,} skipped{drafts}")


@tm.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@db_option
@click.option("--src-lang", callback=locale_callback,
              help="Source locale where a file names none (PO msgids: X-Source-Language, else en).")
@click.option("--tgt-lang", callback=locale_callback,
              help="Target locale where a file names none (PO: Language header, else file name).")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE,
              show_default=True, help="Units per transaction.")
@quiet_option
def import_files(files: tuple[str, ...], db: str, src_lang: str | None, tgt_lang: str | None,
                 batch_size: int, quiet: bool) -> None:
    """Add TMX (or PO, XLIFF, TSV, CSV) files to a memory, creating it if needed.

    Every file is read once to check it before anything is written; units already stored
    (the same texts, codes and PO context) are skipped, so importing twice adds nothing.

    \b
    Example:
      tmtool tm import sample.tmx --db memory.db
      tmtool tm import uk.po --db postgresql://tm@db.example.org/memory
    """
    check_memory_files(list(files), src_lang=src_lang, tgt_lang=tgt_lang)
    with open_store(db, create=True) as store:
        for path in files:
            units = read_memory_file(path, src_lang=src_lang, tgt_lang=tgt_lang)
            progress = None if quiet else _progress(path)
            report = store.import_units(units, batch_size=batch_size, progress=progress)
            if not quiet:
                click.echo(("\r" if progress else "") + _import_line(path, report), err=True)
        if not quiet:
            click.echo(f"{store.location}: {store.unit_count():,} units", err=True)


@tm.command()
@db_option
@output_option(help_text="The TMX file to write ('-' for stdout).")
@click.option("--src-lang", default="uk-UA", show_default=True, callback=locale_callback,
              help="The srclang of the TMX header.")
@quiet_option
def export(db: str, output: str, src_lang: str, quiet: bool) -> None:
    """Write every unit of a memory to a TMX file, as it was imported.

    \b
    Example:
      tmtool tm export --db memory.db -o memory.tmx
    """
    with open_store(db) as store, atomic_output(output) as stream:
        written = write_tmx(store.iter_units(), stream, header=TmxHeader(srclang=src_lang))
    if not quiet:
        click.echo(f"{written:,} units written to {output}", err=True)


@tm.command()
@db_option
@format_option
def stats(db: str, output_format: str) -> None:
    """Count the units of a memory and its languages.

    \b
    Example:
      tmtool tm stats --db memory.db --format json
    """
    with open_store(db) as store:
        click.echo(render_stats(store.location, store.stats(), output_format=output_format),
                   nl=False)


@tm.command("lookup")
@click.argument("text")
@db_option
@click.option("--min", "min_score", type=click.IntRange(0, 100), default=70, show_default=True,
              help="Lowest match percentage shown.")
@limit_option(5)
@from_option
@to_option
@format_option
def lookup_text(text: str, db: str, min_score: int, limit: int, src_lang: str | None,
                tgt_lang: str | None, output_format: str) -> None:
    """Find the memory's best matches for a sentence, with CAT-style percentages.

    The percentage is word-level edit similarity: n = words in the longer segment,
    base = 100 * (1 - (LD(words) + LD(stems)) / 2n), so another form of the same word
    (Кайсенов/Кайсенова) costs half a word; then minus 2 per number and per inline code
    or placeholder changed, 1 per punctuation mark, 1 per word differing only in case.
    100 only for an identical segment; exact matches first. Candidates come from the
    memory's index, never from a scan.

    \b
    Example:
      tmtool tm lookup "Надзвичайний і Повноважний Посол" --db memory.db
      tmtool tm lookup "The Ambassador" --from en --to uk --min 50 --format json --db memory.db
    """
    options = LookupOptions(*resolve_direction(text, src_lang, tgt_lang), min_score, limit,
                            distinct=True)
    with open_store(db) as store:
        matches = lookup(store, text, options)
    settings = {"from": options.src_lang, "to": options.tgt_lang, "min": min_score,
                "limit": options.limit}
    click.echo(render_matches(text, matches, output_format=output_format, settings=settings),
               nl=False)
    if not matches and output_format == "text":
        click.echo(f"no match >= {min_score}%", err=True)


@tm.command("concordance")
@click.argument("phrase")
@db_option
@click.option("--target", "search_target", is_flag=True,
              help="Search the translations (--to language) instead of the sources.")
@limit_option(20)
@from_option
@to_option
@format_option
def concordance_search(phrase: str, db: str, search_target: bool, limit: int,
                       src_lang: str | None, tgt_lang: str | None, output_format: str) -> None:
    """Show the units whose source (or target) holds a phrase.

    Ukrainian words match in every case form (Кайсенов finds Кайсенова, Кайсеновим);
    English words match any form with the same stem (minister, ministers).

    \b
    Example:
      tmtool tm concordance "Касим Кайсенов" --db memory.db
      tmtool tm concordance "ambassador" --target --db memory.db
    """
    direction = resolve_direction(phrase, src_lang, tgt_lang, text_is_target=search_target)
    options = ConcordanceOptions(*direction, search_target, limit)
    with open_store(db) as store:
        hits = concordance(store, phrase, options)
    settings = {"from": options.src_lang, "to": options.tgt_lang, "target": search_target,
                "limit": options.limit}
    click.echo(render_concordance(phrase, hits, output_format=output_format, settings=settings),
               nl=False)
    if not hits and output_format == "text":
        side = f"{options.tgt_lang} translation" if search_target else f"{options.src_lang} source"
        click.echo(f"no {side} holds {phrase!r}", err=True)
