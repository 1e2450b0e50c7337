"""`tmtool tmx split` and `tmtool tmx filter`: the thin click layer over `tmtool.tm.filters`."""
from __future__ import annotations

import click

from tmtool.cli.options import locale_callback, quiet_option
from tmtool.errors import ConfigError
from tmtool.tm.filters import FilterOptions, filter_tmx, parse_when, split_tmx


def _echo_err(message: str) -> None:
    click.echo(message, err=True)


def _props(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for value in values:
        prop_type, sep, prop_value = value.partition("=")
        if not sep or not prop_type:
            raise ConfigError(f"--prop {value!r}: write TYPE=VALUE, e.g. x-document=contract.txt")
        pairs.append((prop_type, prop_value))
    return tuple(pairs)


@click.command()
@click.argument("input_path", metavar="IN")
@click.option("-o", "--output", required=True, metavar="PATTERN",
              help="Output path with {locale} or {n} (e.g. out/part-{n:03d}.tmx).")
@click.option("--by-locale", is_flag=True, help="One file per target locale.")
@click.option("--units", "chunk_size", type=click.IntRange(1), help="At most N units per file.")
@click.option("--src-lang", callback=locale_callback, help="Source locale (default: the header's).")
@quiet_option
def split(input_path: str, output: str, by_locale: bool, chunk_size: int | None,
          src_lang: str | None, quiet: bool) -> None:
    """Split a TMX into several files, by target locale or by size.

    All files appear together, or none when something fails.

    \b
    Example:
      tmtool tmx split memory.tmx -o out/memory-{locale}.tmx --by-locale
      tmtool tmx split memory.tmx -o out/part-{n:03d}.tmx --units 5000
    """
    written = split_tmx(input_path, output, by_locale=by_locale, chunk_size=chunk_size,
                        src_lang=src_lang, warn=None if quiet else _echo_err)
    if not quiet:
        for path, count in written:
            click.echo(f"{path}: {count} unit{'' if count == 1 else 's'}", err=True)


@click.command("filter")
@click.argument("input_path", metavar="IN")
@click.option("-o", "--output", required=True, metavar="OUT", help="Output TMX ('-' for stdout).")
@click.option("--locale", "locales", multiple=True, callback=lambda c, p, v: tuple(
    locale_callback(c, p, x) for x in v), help="Keep these locales (repeat; `en` = any English).")
@click.option("--since", help="Keep units changed on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Keep units changed on or before this date.")
@click.option("--prop", "props", multiple=True, metavar="TYPE=VALUE",
              help="Keep units with this prop (repeat: all must match).")
@click.option("--min-score", type=click.FloatRange(0, 1), help="Keep units whose x-tmtool-score is at least this.")
@click.option("--max-length-ratio", type=click.FloatRange(min=1),
              help="Keep units whose longer side is at most this many times the shorter.")
@click.option("--confirmed-only", is_flag=True,
              help="Keep only units a reviewer confirmed (x-tmtool-status=confirmed, written by "
                   "tmtool align --apply).")
@quiet_option
def filter_units(input_path: str, output: str, locales: tuple[str, ...], since: str | None,
                 until: str | None, props: tuple[str, ...], min_score: float | None,
                 max_length_ratio: float | None, quiet: bool, confirmed_only: bool = False) -> None:
    """Keep the units of a TMX that a client should get.

    A unit a test cannot be applied to is dropped (an undated unit under --since, a unit
    without x-tmtool-score under --min-score). The header is kept.

    \b
    Example:
      tmtool tmx filter memory.tmx -o client.tmx --locale uk-UA --locale en-GB --since 2025-01-01
      tmtool tmx filter aligned.tmx -o good.tmx --min-score 0.8 --max-length-ratio 2.5
      tmtool tmx filter reviewed.tmx -o confirmed.tmx --confirmed-only
    """
    options = FilterOptions(locales, parse_when(since) if since else None,
                            parse_when(until, end_of_day=True) if until else None, _props(props), min_score,
                            max_length_ratio, confirmed_only)
    counts = filter_tmx(input_path, output, options, warn=None if quiet else _echo_err)
    if not quiet:
        reasons = ", ".join(f"{n} by {why}" for why, n in sorted(counts.dropped.items()))
        click.echo(f"kept {counts.kept} of {counts.read} units" +
                   (f" (dropped {reasons})" if reasons else ""), err=True)
