"""Options shared by several commands, so their names and help read the same everywhere."""
from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, TypeVar

import click

from tmtool.errors import ConfigError
from tmtool.locales import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG, canonical_locale

F = TypeVar("F", bound=Callable[..., Any])


def run_timestamp() -> datetime:
    """The time stamped into outputs: `SOURCE_DATE_EPOCH` when set (reproducible builds),
    else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except ValueError:
            raise ConfigError(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds") from None
    return datetime.now(timezone.utc).replace(microsecond=0)


def locale_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return canonical_locale(value)
    except ConfigError as exc:
        raise click.BadParameter(str(exc)) from None


def lang_options(func: F) -> F:
    """`--src-lang` / `--tgt-lang`, validated and put in canonical case."""
    func = click.option(
        "--tgt-lang", default=DEFAULT_TGT_LANG, show_default=True, callback=locale_callback,
        help="Target locale, language-REGION (e.g. en-US).",
    )(func)
    func = click.option(
        "--src-lang", default=DEFAULT_SRC_LANG, show_default=True, callback=locale_callback,
        help="Source locale, language-REGION (e.g. uk-UA).",
    )(func)
    return func


def output_option(required: bool = True, help_text: str = "Output file ('-' for stdout).") -> Callable[[F], F]:
    return click.option("-o", "--output", required=required, metavar="FILE", help=help_text)


quiet_option = click.option("-q", "--quiet", is_flag=True, help="Print no summary or progress.")
