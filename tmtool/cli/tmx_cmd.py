"""`tmtool tmx stats|validate|merge`: thin click commands over `tmtool.tm` and `tmtool.formats`.

Results go to stdout, summaries and warnings to stderr. `validate` owns its exit code:
0 valid (warnings allowed), 1 invalid, 2 when a file could not be read at all.
"""

from __future__ import annotations

import json

import click

from tmtool import __version__
from tmtool.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from tmtool.cli.options import locale_callback, output_option, quiet_option, run_timestamp
from tmtool.errors import InputError
from tmtool.fileio import display_name, open_input
from tmtool.findings import Finding, Severity
from tmtool.formats.tmx_check import validate_tmx
from tmtool.report.json_report import render_json
from tmtool.report.text import render_text
from tmtool.tm.merge import ConflictPolicy, MergeReport, merge_tmx_files
from tmtool.tm.stats import MemoryStats, tmx_file_stats

format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for machines.",
)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _stats_text(path: str, stats: MemoryStats) -> str:
    locales = ", ".join(f"{lang} {count:,}" for lang, count in sorted(stats.locales.items()))
    return (
        f"{path}: {_plural(stats.units, 'unit')}, srclang {stats.src_lang or '-'}\n"
        f"  locales: {locales or '-'}\n"
        f"  duplicates: {stats.duplicates:,}, conflicts: {stats.conflicts:,}, "
        f"empty segments: {stats.empty_segments:,}, "
        f"over 2,000 characters: {stats.long_segments:,}\n"
    )


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@format_option
@click.option(
    "--src-lang",
    callback=locale_callback,
    help="Source locale for the conflict count (default: the header's srclang).",
)
def stats(files: tuple[str, ...], output_format: str, src_lang: str | None) -> None:
    """Count units, locales, duplicates and problem segments in TMX files.

    Duplicates are units identical to an earlier one; conflicts share a source with an
    earlier unit but not its targets (a PO context or plural form makes a unit a message of
    its own, as in tmx merge); segments over 2,000 characters are refused by Trados Cloud.

    \b
    Example:
      tmtool tmx stats memory.tmx
      tmtool tmx stats a.tmx b.tmx --format json
    """
    results = [(display_name(path), tmx_file_stats(path, src_lang=src_lang)) for path in files]
    if output_format == "json":
        document = {
            "tool": {"name": "tmtool", "version": __version__},
            "files": [{"path": path, **result.as_dict()} for path, result in results],
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        click.echo("".join(_stats_text(path, result) for path, result in results), nl=False)


def _check_files(files: tuple[str, ...]) -> tuple[list[Finding], list[InputError]]:
    findings: list[Finding] = []
    unreadable: list[InputError] = []
    for path in files:
        try:
            with open_input(path) as stream:
                findings.extend(list(validate_tmx(stream, name=display_name(path))))
        except InputError as exc:  # findings before the fault are dropped with the file
            unreadable.append(exc)
    return findings, unreadable


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@format_option
@quiet_option
def validate(files: tuple[str, ...], output_format: str, quiet: bool) -> None:
    """Check TMX files against TMX 1.4b and what CAT tools need.

    Structure and attributes as the TMX 1.4b DTD states them, then what a DTD cannot see:
    locale codes, dates, forbidden characters, bpt/ept pairing and i reuse, srclang
    consistency, one tuv per language, empty and over-long segments. Exit code 0: valid
    (warnings allowed); 1: invalid; 2: a file could not be read.

    \b
    Example:
      tmtool tmx validate memory.tmx
      tmtool tmx validate exports/*.tmx --format json
    """
    findings, unreadable = _check_files(files)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    for exc in unreadable:
        click.echo(f"tmtool: error: {exc}", err=True)
    if output_format == "json":
        summary = {
            "files": len(files),
            "errors": errors,
            "warnings": warnings,
            "unreadable": [str(exc) for exc in unreadable],
        }
        click.echo(render_json(findings, summary=summary), nl=False)
    else:
        click.echo(render_text(findings), nl=False)
        if not quiet:
            failed = f", {len(unreadable)} unreadable" if unreadable else ""
            click.echo(
                f"{_plural(len(files), 'file')}: {_plural(errors, 'error')}, "
                f"{_plural(warnings, 'warning')}{failed}",
                err=True,
            )
    click.get_current_context().exit(
        EXIT_ERROR if unreadable else EXIT_FINDINGS if errors else EXIT_OK
    )


def _merge_summary(count: int, report: MergeReport, policy: str) -> str:
    return (
        f"merged {_plural(count, 'file')}: {report.units_in:,} units read, "
        f"{report.written:,} written; {_plural(report.duplicates, 'duplicate')} dropped, "
        f"{_plural(report.conflicts, 'conflict')} ({policy}), "
        f"{report.without_source:,} without the source language"
        + (f", {report.empty:,} with an empty segment" if report.empty else "")
    )


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="A.tmx B.tmx...")
@output_option(help_text="The merged TMX (never one of the inputs).")
@click.option(
    "--on-conflict",
    type=click.Choice([p.value for p in ConflictPolicy]),
    default=ConflictPolicy.KEEP_NEWEST.value,
    show_default=True,
    help="Same source, different targets: keep the newest (by changedate, then "
    "later file), all, or the first.",
)
@click.option(
    "--src-lang",
    callback=locale_callback,
    help="Source locale (default: the first file's header srclang).",
)
@click.option("-v", "--verbose", is_flag=True,
              help="Warn about every unit with a problem, not once per kind of problem.")
@quiet_option
def merge(files: tuple[str, ...], output: str, on_conflict: str, src_lang: str | None,
          verbose: bool, quiet: bool) -> None:
    """Merge TMX files into one, dropping duplicate pairs.

    Identical source-target pairs are kept once; units with the same source and a different
    target are settled by --on-conflict. A PO context or plural form makes a unit a message
    of its own, never a conflict. Locales the inputs spell differently (uk and uk-UA, EN-GB)
    are written in one spelling; en-GB and en-US stay apart. Problems are reported once per
    kind. The output is written only when all inputs read cleanly.

    \b
    Example:
      tmtool tmx merge old.tmx new.tmx -o all.tmx
      tmtool tmx merge a.tmx b.tmx -o all.tmx --on-conflict keep-all --verbose
    """
    warn = None if quiet else _warn
    report = merge_tmx_files(list(files), output, src_lang=src_lang, moment=run_timestamp(),
                             on_conflict=ConflictPolicy(on_conflict), on_warning=warn,
                             on_unit_warning=warn if verbose else None)
    if not quiet:
        click.echo(_merge_summary(len(files), report, on_conflict), err=True)


def _warn(message: str) -> None:
    click.echo(f"tmtool: warning: {message}", err=True)
