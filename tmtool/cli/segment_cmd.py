"""`tmtool segment`: print a document's sentences, one per line, or export the SRX rules."""
from __future__ import annotations

import click

from tmtool.cli.options import output_option
from tmtool.fileio import (
    atomic_output,
    atomic_text_output,
    check_output,
    display_name,
    read_bytes,
)
from tmtool.locales import locale_problem


def _lang_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    problem = locale_problem(value) if value is not None else None
    if problem:
        raise click.BadParameter(problem)
    return value


@click.command()
@click.argument("file", required=False, metavar="FILE")
@click.option("--lang", callback=_lang_callback, help="Language of FILE: uk or en (or uk-UA, en-GB...).")
@click.option("--srx", "srx_path", metavar="FILE", help="Use these SRX 2.0 rules instead of tmtool's.")
@click.option(
    "--format", "fmt", type=click.Choice(["auto", "md", "txt", "html", "docx", "odt"]), default="auto",
    show_default=True, help="Input format; auto goes by the file extension (.md, .html, .docx, .odt, "
    "else txt; stdin is txt) and reads any Word or OpenDocument file by its content.",
)
@click.option(
    "--markup", type=click.Choice(["codes", "literal", "plain"]), default=None,
    help="codes (default): markup shown as written, markers such as '## ' dropped; plain: words "
         "only; literal: the exact source text a CAT tool's text filter shows for a .md/.txt file "
         "(blank-line paragraphs; a line break inside a segment is printed as \\n).",
)
@click.option("--plain", is_flag=True, help="Same as --markup plain.")
@click.option("--export-srx", is_flag=True, help="Write tmtool's SRX rules (for a CAT tool) and exit.")
@output_option(required=False, help_text="Write here instead of stdout.")
def segment(
    file: str | None, lang: str | None, srx_path: str | None, fmt: str, markup: str | None,
    plain: bool, export_srx: bool, output: str | None,
) -> None:
    """Split a document into sentences, one segment per line.

    Reads Markdown, HTML, plain text, Word (.docx) and OpenDocument (.odt) files. Headings,
    paragraphs, list items, captions, table cells, footnotes and hard line breaks are
    boundaries; sentences are found with SRX rules (tmtool's Ukrainian and English rules
    unless --srx is given). Inline markup is shown as written unless --markup plain (Word and
    OpenDocument formatting as <b>, <i>, <u>, <sup>, <sub>, <a href>; footnote marks as [^1]).
    --markup literal shows what a CAT tool reading the file as plain text segments: only
    blank lines and sentence ends are boundaries, markup and '## ' markers stay in the text.

    \b
    Example:
      tmtool segment sources/interview.uk.md --lang uk
      tmtool segment sources/interview.uk.md --lang uk --markup literal
      tmtool segment report.docx --lang en --plain
      tmtool segment notes.txt --lang en --srx my-rules.srx --plain
      tmtool segment --export-srx -o tmtool.srx
    """
    from tmtool.segment import load_rules, read_document, shipped_srx

    if export_srx:
        with atomic_output(output or "-") as stream:
            stream.write(shipped_srx())
        return
    if file is None or lang is None:
        raise click.UsageError("give FILE and --lang (or --export-srx)")
    if plain and markup not in (None, "plain"):
        raise click.UsageError(f"--plain contradicts --markup {markup}")
    markup = "plain" if plain else markup or "codes"
    check_output(output or "-", [file])
    rules = load_rules(srx_path)
    data = read_bytes(file)
    blocks = read_document(data, lang=lang, name=display_name(file), fmt=fmt, rules=rules, markup=markup)
    with atomic_text_output(output or "-", inputs=[file]) as stream:
        for block in blocks:
            for sentence in block.segments:
                line = sentence.native_text() if markup == "codes" else sentence.text
                stream.write(line.replace("\n", "\\n") + "\n")
