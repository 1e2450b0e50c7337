"""Preparing a memory for one client: filter units (locale, date, prop, score, length ratio,
review status)
and split a TMX into several files (one per target locale, or N units each).

A unit that a test cannot be applied to is dropped, not kept: a date filter drops undated
units, `min_score` drops units without a numeric `x-tmtool-score`. Split outputs are written
all-or-nothing: every file stays a temporary until the last one is complete.
"""
from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import IO

from tmtool.errors import ConfigError
from tmtool.fileio import atomic_output, display_name, open_input
from tmtool.formats.tabular import SCORE_PROP
from tmtool.formats.tmx import TmxHeader, TmxReader, write_tmx
from tmtool.model import TranslationUnit, Variant, same_language

STATUS_PROP = "x-tmtool-status"  # "confirmed" on units a reviewer confirmed (tmtool align --apply)
CONFIRMED = "confirmed"
Warn = Callable[[str], None]


@dataclass(frozen=True)
class FilterOptions:
    """Every test is optional; a unit is kept when it passes all the given ones."""

    locales: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    props: tuple[tuple[str, str], ...] = ()
    min_score: float | None = None
    max_length_ratio: float | None = None
    confirmed_only: bool = False  # keep only units with x-tmtool-status = confirmed


@dataclass
class FilterCounts:
    read: int = 0
    kept: int = 0
    dropped: dict[str, int] = field(default_factory=dict)

    def drop(self, reason: str) -> None:
        self.dropped[reason] = self.dropped.get(reason, 0) + 1


def parse_when(text: str, *, end_of_day: bool = False) -> datetime:
    """`2025-01-31`, `2025-01-31T12:00:00`, or a TMX date, as an aware UTC datetime; a date
    alone means its last second with `end_of_day` (so `--until 2025-01-31` keeps that day)."""
    cleaned = text.strip()
    for fmt in ("%Y%m%dT%H%M%SZ", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ"):
        try:
            moment = datetime.strptime(cleaned, fmt).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
        if end_of_day and fmt == "%Y-%m-%d":
            moment += timedelta(days=1, seconds=-1)
        return moment
    raise ConfigError(f"date {text!r} is not YYYY-MM-DD, YYYY-MM-DDThh:mm:ss or YYYYMMDDThhmmssZ")


def _locale_matches(lang: str, wanted: str) -> bool:
    """`en` matches every English locale; `en-GB` only itself (case-insensitive)."""
    if "-" not in wanted:
        return same_language(lang, wanted)
    return lang.lower().replace("_", "-") == wanted.lower()


def unit_date(unit: TranslationUnit) -> datetime | None:
    """When the unit last changed: its own dates first, then the latest of its variants'."""
    own = unit.change_date or unit.creation_date
    if own is not None:
        return own if own.tzinfo else own.replace(tzinfo=timezone.utc)
    dates = [d for v in unit.variants if (d := v.change_date or v.creation_date) is not None]
    latest = max((d if d.tzinfo else d.replace(tzinfo=timezone.utc) for d in dates), default=None)
    return latest


def length_ratio(unit: TranslationUnit) -> float | None:
    """Longer over shorter text length of the first two variants (None if either is empty)."""
    if len(unit.variants) < 2:
        return None
    first, second = len(unit.variants[0].text), len(unit.variants[1].text)
    if not first or not second:
        return None
    return max(first, second) / min(first, second)


def _has_prop(unit: TranslationUnit, prop_type: str, value: str) -> bool:
    props = itertools.chain(unit.props, *(v.props for v in unit.variants))
    return any(p.type == prop_type and p.value == value for p in props)


def check_unit(unit: TranslationUnit, options: FilterOptions) -> tuple[TranslationUnit | None, str]:
    """The unit as kept (variants outside `locales` removed), or None and the reason."""
    if options.locales:
        variants = tuple(v for v in unit.variants
                         if any(_locale_matches(v.lang, wanted) for wanted in options.locales))
        if len(variants) < 2:
            return None, "locale"
        if len(variants) != len(unit.variants):
            unit = replace(unit, variants=variants)
    if options.since is not None or options.until is not None:
        when = unit_date(unit)
        if when is None or (options.since and when < options.since) or \
                (options.until and when > options.until):
            return None, "date"
    for prop_type, value in options.props:
        if not _has_prop(unit, prop_type, value):
            return None, "prop"
    if options.confirmed_only and not _has_prop(unit, STATUS_PROP, CONFIRMED):
        return None, "status"
    if options.min_score is not None:
        try:
            score = float(unit.prop(SCORE_PROP) or "nan")
        except ValueError:
            score = float("nan")
        if not score >= options.min_score:
            return None, "score"
    if options.max_length_ratio is not None:
        ratio = length_ratio(unit)
        if ratio is None or ratio > options.max_length_ratio:
            return None, "length-ratio"
    return unit, ""


def filter_units(units: Iterable[TranslationUnit], options: FilterOptions,
                 counts: FilterCounts) -> Iterator[TranslationUnit]:
    """The units that pass every test in `options`; `counts` says why the others went."""
    for unit in units:
        counts.read += 1
        kept, reason = check_unit(unit, options)
        if kept is None:
            counts.drop(reason)
            continue
        counts.kept += 1
        yield kept


def filter_tmx(in_path: str, out_path: str, options: FilterOptions,
               warn: Warn | None = None) -> FilterCounts:
    """Filter a TMX file into another, keeping its header."""
    counts = FilterCounts()
    with open_input(in_path) as stream, atomic_output(out_path, inputs=[in_path]) as out:
        reader = TmxReader(stream, name=display_name(in_path))
        units = iter(reader)
        first = next(units, None)
        header = reader.header or TmxHeader()
        if not _is_real(header.srclang):
            raise ConfigError(
                f"{display_name(in_path)}: header srclang is {header.srclang or 'empty'!r}; give "
                "the memory one source locale first (tmtool tmx merge FILE -o OUT --src-lang uk-UA)"
            )
        write_tmx(filter_units(itertools.chain([first] if first else [], units), options, counts),
                  out, header=header, on_warning=warn)
    return counts


def output_name(pattern: str, *, locale: str = "", number: int = 0) -> str:
    """`pattern` with `{locale}` and `{n}` (e.g. `{n:03d}`) filled in."""
    try:
        return pattern.format(locale=locale, n=number)
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"bad output pattern {pattern!r}: use {{locale}} or {{n}} ({exc})") from None


def _target_locales(in_path: str, src_lang: str) -> list[str]:
    seen: dict[str, None] = {}
    with open_input(in_path) as stream:
        for unit in TmxReader(stream, name=display_name(in_path)):
            for variant in unit.variants:
                if not same_language(variant.lang, src_lang):
                    seen.setdefault(variant.lang, None)
    return list(seen)


def _pair(unit: TranslationUnit, src_lang: str, locale: str) -> TranslationUnit | None:
    source = unit.variant(src_lang)
    target = next((v for v in unit.variants if v.lang == locale), None)
    if source is None or target is None:
        return None
    variants: tuple[Variant, ...] = (source, target)
    return replace(unit, variants=variants)


def split_tmx(in_path: str, pattern: str, *, by_locale: bool = False,
              chunk_size: int | None = None, src_lang: str | None = None,
              warn: Warn | None = None) -> list[tuple[str, int]]:
    """Split a TMX into files named by `pattern`; returns (path, units) per file written.

    By locale: one file per target locale, holding the source variant and that locale's
    (the input is read once more per locale, so it must be a file, not stdin).
    By size: `chunk_size` units per file, numbered from 1.
    """
    if by_locale == (chunk_size is not None):
        raise ConfigError("choose one of --by-locale or --units N")
    if chunk_size is not None and chunk_size < 1:
        raise ConfigError("--units must be at least 1")
    placeholder = "{locale" if by_locale else "{n"
    if placeholder not in pattern:
        raise ConfigError(f"output pattern {pattern!r} needs {placeholder}}} so each file gets "
                          "its own name")
    if in_path == "-":
        raise ConfigError("tmx split reads its input more than once; name a file, not '-'")
    with open_input(in_path) as stream:
        header = _header(stream, in_path)
    source_lang = src_lang or header.srclang
    if not _is_real(source_lang):
        raise ConfigError(
            f"{display_name(in_path)}: header srclang is {header.srclang or 'empty'!r}; "
            "name the source locale with --src-lang"
        )
    header = replace(header, srclang=source_lang)
    results: list[tuple[str, int]] = []
    with contextlib.ExitStack() as outputs:
        def open_out(path: str) -> IO[bytes]:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            return outputs.enter_context(atomic_output(path, inputs=[in_path]))

        with open_input(in_path) as stream:
            units = iter(TmxReader(stream, name=display_name(in_path)))
            if chunk_size is not None:
                for number in itertools.count(1):
                    first = next(units, None)
                    if first is None:
                        break
                    path = output_name(pattern, number=number)
                    chunk = itertools.chain([first], itertools.islice(units, chunk_size - 1))
                    results.append((path, write_tmx(chunk, open_out(path), header=header,
                                                    on_warning=warn)))
                return results
        for locale in _target_locales(in_path, source_lang):
            path = output_name(pattern, locale=locale)
            out = open_out(path)
            with open_input(in_path) as stream:
                pairs = (p for u in TmxReader(stream, name=display_name(in_path))
                         if (p := _pair(u, source_lang, locale)) is not None)
                results.append((path, write_tmx(pairs, out, header=header, on_warning=warn)))
    return results


def _is_real(srclang: str | None) -> bool:
    """False for an empty srclang or `*all*`, which tmtool never writes."""
    return srclang is not None and srclang.strip() not in ("", "*all*")


def _header(stream: IO[bytes], in_path: str) -> TmxHeader:
    reader = TmxReader(stream, name=display_name(in_path))
    for _unit in reader:
        break
    return reader.header or TmxHeader()
