"""`tmtool convert`: the thin click layer over `tmtool.convert`."""
from __future__ import annotations

import click

from tmtool.cli.options import locale_callback, quiet_option, run_timestamp
from tmtool.convert import FORMATS, ConvertOptions
from tmtool.convert import convert as convert_file


@click.command()
@click.argument("input_path", metavar="IN")
@click.option("-o", "--output", required=True, metavar="OUT", help="Output file ('-' for stdout).")
@click.option("--from", "from_format", type=click.Choice(FORMATS), help="Input format (default: by extension).")
@click.option("--to", "to_format", type=click.Choice(FORMATS), help="Output format (default: by extension).")
@click.option("--src-lang", callback=locale_callback,
              help="Source locale (default: from the file; uk-UA for PO msgids).")
@click.option("--tgt-lang", callback=locale_callback,
              help="Target locale (default: from the file, else en-GB).")
@click.option("--include-fuzzy", is_flag=True, help="Keep fuzzy PO entries (marked in x-po-flags).")
@click.option("--tbx-version", type=click.Choice(["2008", "v3"]), default="2008", show_default=True,
              help="TBX to write: TBX-Basic 2008 (martif) or TBX v3 (DCA).")
@click.option("--drop-props", is_flag=True, help="Write no <prop> metadata (for strict TMX importers).")
@quiet_option
def convert(input_path: str, output: str, from_format: str | None, to_format: str | None,
            src_lang: str | None, tgt_lang: str | None, include_fuzzy: bool, tbx_version: str,
            drop_props: bool, quiet: bool) -> None:
    """Convert memories (TMX, PO, XLIFF, TSV, CSV) and glossaries (TBX, CSV).

    Formats follow the extensions (.tmx .po .xlf/.xliff .tsv .csv .tbx); a .csv beside a
    .tbx is a glossary CSV. Nothing is written when the input is bad.

    TSV is one unit a line, no quoting: a tab, line break or backslash in a segment is
    written \\t, \\n, \\r, \\\\; a backslash before anything else is read as it stands,
    so older files with literal backslashes read unchanged. An optional first line names the
    locales and any extra columns (uk-UA, en-GB, score): a score column becomes the
    x-tmtool-score prop, another named column an x-column-NAME prop; TSV and CSV are
    written with two columns.

    \b
    Example:
      tmtool convert messages.uk.po -o messages.tmx --src-lang en-GB
      tmtool convert memory.tmx -o memory.xlf --tgt-lang en-GB
      tmtool convert glossary.tbx -o glossary.csv
    """
    options = ConvertOptions(from_format, to_format, src_lang, tgt_lang, include_fuzzy,
                             tbx_version, not drop_props, run_timestamp())
    result = convert_file(input_path, output, options,
                          warn=None if quiet else lambda message: click.echo(message, err=True))
    if not quiet:
        skipped = f", skipped {result.skipped} without both languages" if result.skipped else ""
        click.echo(f"{result.from_format} -> {result.to_format}: wrote {result.written}{skipped}",
                   err=True)
