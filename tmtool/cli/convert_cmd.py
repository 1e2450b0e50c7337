"""`tmtool convert`: the thin click layer over `tmtool.convert`."""
from __future__ import annotations

import click

from tmtool.cli.options import locale_callback, quiet_option, run_timestamp
from tmtool.convert import FORMATS, ConvertOptions, ConvertResult
from tmtool.convert import convert as convert_file

# Why each kind of entry was not carried over, in the order the summary names them.
_LEFT_OUT = {
    "obsolete": "obsolete",
    "fuzzy": "fuzzy (--include-fuzzy keeps them)",
    "untranslated": "untranslated",
    "conflicting": "with another translation of a message already written",
    "no msgid": "without a msgid",
}

SRC_HELP = ("Source locale. PO in: the msgids' language (default: the X-Source-Language "
            "header, else en-GB). TMX/XLIFF in: which of the file's languages is the source "
            "(default: the file's own). Written as msgid / XLIFF source / first TSV column.")
TGT_HELP = ("Target locale. PO in: the msgstrs' language (default: the Language header, else "
            "the file name, e.g. uk.po). TMX/XLIFF in: which language is the target (default: "
            "the file's, else the first other language). Written as msgstr / XLIFF target.")


def summary(result: ConvertResult) -> str:
    """The one-line report on stderr: what was written from what, and what was not."""
    source = f" from {result.read:,} messages" if result.from_format == "po" else ""
    what = " messages" if result.to_format == "po" else " units" if source else ""
    text = f"{result.from_format} -> {result.to_format}: wrote {result.written:,}{what}{source}"
    if result.skipped:
        text += f", skipped {result.skipped:,} without both languages"
    counts = dict(result.left_out)
    reasons = [f"{counts[key]:,} {label}" for key, label in _LEFT_OUT.items() if counts.get(key)]
    return text + (f"; left out {', '.join(reasons)}" if reasons else "")


@click.command()
@click.argument("input_path", metavar="IN")
@click.option("-o", "--output", required=True, metavar="OUT", help="Output file ('-' for stdout).")
@click.option("--from", "from_format", type=click.Choice(FORMATS), help="Input format (default: by extension).")
@click.option("--to", "to_format", type=click.Choice(FORMATS), help="Output format (default: by extension).")
@click.option("--src-lang", callback=locale_callback, help=SRC_HELP)
@click.option("--tgt-lang", callback=locale_callback, help=TGT_HELP)
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
    .tbx is a glossary CSV. A catalogue's msgids are English unless --src-lang or its
    X-Source-Language header says otherwise; contexts, plural forms, comments, flags and
    the header's Plural-Forms travel through TMX and XLIFF and come back in PO. An XLIFF
    made from a catalogue holds its untranslated messages too (trans-units without a target,
    for a CAT tool or tmtool pretranslate); they come back as untranslated. Nothing is
    written when the input is bad or source and target would be one language.

    TSV is one unit a line, no quoting: a tab, line break or backslash in a segment is
    written \\t, \\n, \\r, \\\\; a backslash before anything else is read as it stands,
    so older files with literal backslashes read unchanged. An optional first line names the
    locales and any extra columns (uk-UA, en-GB, score): a score column becomes the
    x-tmtool-score prop, another named column an x-column-NAME prop; TSV and CSV are
    written with two columns.

    \b
    Example:
      tmtool convert uk.po -o uk.tmx
      tmtool convert uk.tmx -o uk.po
      tmtool convert messages.po -o messages.xlf --tgt-lang uk-UA
      tmtool convert glossary.tbx -o glossary.csv
    """
    options = ConvertOptions(from_format, to_format, src_lang, tgt_lang, include_fuzzy,
                             tbx_version, not drop_props, run_timestamp())
    result = convert_file(input_path, output, options,
                          warn=None if quiet else lambda message: click.echo(message, err=True))
    if not quiet:
        click.echo(summary(result), err=True)
