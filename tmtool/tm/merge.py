"""Merge translation units from several memories into one direction, dropping duplicates.

Identical pairs are kept once; units with the same source but different targets are
conflicts, settled by `ConflictPolicy`; what "the same" means (contexts, plural forms and
locales included) is `tm.identity`'s one key function, shared with `tmx stats`. Locales the
inputs spell differently (`uk`, `uk-UA`) are written in one spelling, decided by a quick
first pass over the files' locales. Problems are counted by kind, each with its first
example, so the caller can say once per kind what happened (and every case when asked).

Memory trade-off: the units are never held, only 16-byte digests of their keys (about
100-200 bytes per distinct unit with Python's overhead, so ~150 MB for a million).
`keep-first` and `keep-all` write in one pass after the locale pass; `keep-newest` must see
every candidate before choosing, so it reads the inputs twice after it.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from tmtool.errors import ConfigError
from tmtool.fileio import STDIO, atomic_output, check_output, display_name, open_input
from tmtool.formats.tmx import (
    TmxHeader,
    derive_tuid,
    has_empty_segment,
    read_tmx,
    read_tmx_header,
    read_tmx_locales,
    write_tmx,
)
from tmtool.model import TranslationUnit, Variant, same_language
from tmtool.tm.identity import LocaleSpelling, UnitKeys, canonical_case, unit_keys

UnitSource = Callable[[], Iterable[TranslationUnit]]
"""Opens one input and streams its units; `keep-newest` calls it twice."""
WarningSink = Callable[[str], None]

_OLDEST = datetime.min.replace(tzinfo=timezone.utc)

# What happens to a unit with each kind of problem: (after a count of units, of one unit).
PROBLEMS = {
    "empty": ("skipped: a segment is empty, which TMX cannot hold",
              "skipped, it has an empty segment"),
    "no-source": ("skipped: no variant in the source language",
                  "skipped, it has no variant in the source language"),
    "other-source-locale": (
        "kept as is: the source is in another locale of the source language",
        "its source is in another locale of the source language; kept"),
    "unit-srclang": (
        "written without the tu srclang attribute, which named another locale than ours",
        "names another srclang than the merged memory; attribute left out"),
    "locale-twice": (
        "had two variants in one locale once spellings were unified; the second was dropped",
        "a second variant in one locale was dropped"),
}


class ConflictPolicy(enum.Enum):
    """What to do with units that share a source but not a target."""

    KEEP_NEWEST = "keep-newest"
    KEEP_ALL = "keep-all"
    KEEP_FIRST = "keep-first"


@dataclass
class MergeReport:
    """Counts for the summary line and the problems by kind; filled in while the merge runs."""

    units_in: int = 0
    written: int = 0
    duplicates: int = 0  # identical pairs left out
    conflicts: int = 0  # units whose source came earlier with another target
    without_source: int = 0
    empty: int = 0  # units with an empty segment, which TMX cannot hold
    problems: Counter[str] = field(default_factory=Counter)
    first_example: dict[str, str] = field(default_factory=dict)

    def problem_lines(self) -> list[str]:
        """One line per kind of problem: how many units, what happened, the first of them."""
        return [
            f"{count:,} unit{'' if count == 1 else 's'} {PROBLEMS[kind][0]} "
            f"(first: {self.first_example[kind]}; --verbose lists every one)"
            for kind, count in sorted(self.problems.items())
        ]


@dataclass(frozen=True)
class _Prepared:
    unit: TranslationUnit
    keys: UnitKeys


class _Merger:
    """Respells one unit's locales, finds its source and its keys, and records its problems."""

    def __init__(self, src_lang: str, spelling: Callable[[str], str], report: MergeReport,
                 on_unit_warning: WarningSink | None, names: Sequence[str]) -> None:
        self.src_lang = spelling(src_lang)
        self.spelling = spelling
        self.report = report
        self.on_unit_warning = on_unit_warning
        self.names = names

    def note(self, kind: str, unit: TranslationUnit, source_index: int, detail: str = "") -> None:
        place = self.names[source_index] + (f":{unit.line}" if unit.line else "")
        tuid = unit.tuid or derive_tuid(unit)
        self.report.problems[kind] += 1
        self.report.first_example.setdefault(kind, f"unit {tuid}{detail} at {place}")
        if self.on_unit_warning is not None:
            self.on_unit_warning(f"{place}: unit {tuid}{detail}: {PROBLEMS[kind][1]}")

    def respell(self, unit: TranslationUnit) -> tuple[TranslationUnit, list[tuple[str, str]]]:
        """The unit with its locales in the merged spelling, and its problems (kind, detail)."""
        problems: list[tuple[str, str]] = []
        variants: list[Variant] = []
        seen: set[str] = set()
        for variant in unit.variants:
            lang = self.spelling(variant.lang)
            if lang.lower() in seen:
                problems.append(("locale-twice", f" ({variant.lang})"))
                continue
            seen.add(lang.lower())
            variants.append(variant if lang == variant.lang else replace(variant, lang=lang))
        src_lang = unit.src_lang
        if src_lang is not None:
            src_lang = self.spelling(src_lang)
            if src_lang.lower() != self.src_lang.lower():
                problems.append(("unit-srclang", f" ({unit.src_lang})"))
                src_lang = None
        if src_lang == unit.src_lang and len(variants) == len(unit.variants) and all(
                a is b for a, b in zip(variants, unit.variants)):
            return unit, problems
        return replace(unit, variants=tuple(variants), src_lang=src_lang), problems

    def prepare(self, unit: TranslationUnit, source_index: int) -> _Prepared | None:
        """The respelt unit and its keys, or None (counted) for a unit that cannot take part:
        one without the source language, or with an empty segment. The latter is dropped
        here, before it can win a conflict, so it never displaces a usable unit and then
        vanishes in the writer."""
        self.report.units_in += 1
        unit, problems = self.respell(unit)
        for kind, detail in problems:
            self.note(kind, unit, source_index, detail)
        source = unit.variant(self.src_lang)
        if source is None:
            self.report.without_source += 1
            self.note("no-source", unit, source_index)
            return None
        if has_empty_segment(unit):
            self.report.empty += 1
            self.note("empty", unit, source_index)
            return None
        if source.lang.lower() != self.src_lang.lower():
            self.note("other-source-locale", unit, source_index, f" ({source.lang})")
        return _Prepared(unit, unit_keys(unit, source, self.spelling))


def merge_units(
    sources: Sequence[UnitSource],
    *,
    src_lang: str,
    on_conflict: ConflictPolicy = ConflictPolicy.KEEP_NEWEST,
    report: MergeReport | None = None,
    spelling: Callable[[str], str] = canonical_case,
    on_unit_warning: WarningSink | None = None,
    names: Sequence[str] | None = None,
) -> Iterator[TranslationUnit]:
    """The merged units, in input order (file by file, unit by unit), locales as `spelling`
    writes them.

    A unit without a variant in `src_lang` cannot be placed in a one-direction memory: it
    is left out and counted in `report`, and so is a unit with an empty segment; every
    problem also goes to `on_unit_warning` when given. Under `keep-newest` the winner of a
    conflict is the unit with the latest `change_date` (then `creation_date`); a tie goes to
    the later unit. `names` name the sources in messages (default: input 1, input 2...).
    """
    report = report if report is not None else MergeReport()
    labels = list(names) if names is not None else [f"input {n}" for n in range(1, len(sources) + 1)]
    merger = _Merger(src_lang, spelling, report, on_unit_warning, labels)
    if on_conflict is ConflictPolicy.KEEP_NEWEST:
        yield from _merge_newest(sources, merger)
        return
    seen_pairs: set[bytes] = set()
    seen_sources: set[bytes | None] = set()
    for source_index, open_units in enumerate(sources):
        for unit in open_units():
            prepared = merger.prepare(unit, source_index)
            if prepared is None:
                continue
            if prepared.keys.pair in seen_pairs:
                report.duplicates += 1
                continue
            seen_pairs.add(prepared.keys.pair)
            if prepared.keys.source in seen_sources:
                report.conflicts += 1
                if on_conflict is ConflictPolicy.KEEP_FIRST:
                    continue
            seen_sources.add(prepared.keys.source)
            report.written += 1
            yield prepared.unit


def _merge_newest(sources: Sequence[UnitSource], merger: _Merger) -> Iterator[TranslationUnit]:
    report = merger.report
    # Pass 1: for each source key, the (date, file, position) of the newest unit.
    winners: dict[bytes | None, tuple[datetime, int, int]] = {}
    seen_pairs: set[bytes] = set()
    for source_index, open_units in enumerate(sources):
        for position, unit in enumerate(open_units()):
            prepared = merger.prepare(unit, source_index)
            if prepared is None:
                continue
            source_key = prepared.keys.source
            if prepared.keys.pair in seen_pairs:
                report.duplicates += 1
            elif source_key in winners:
                report.conflicts += 1
            seen_pairs.add(prepared.keys.pair)
            moment = unit.change_date or unit.creation_date or _OLDEST
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=timezone.utc)
            candidate = (moment, source_index, position)
            if source_key not in winners or candidate >= winners[source_key]:
                winners[source_key] = candidate
    del seen_pairs
    chosen = {(index, position) for _moment, index, position in winners.values()}
    del winners
    # Pass 2: stream the inputs again and keep the winners, respelt as in pass 1.
    for source_index, open_units in enumerate(sources):
        for position, unit in enumerate(open_units()):
            if (source_index, position) in chosen:
                report.written += 1
                yield merger.respell(unit)[0]


def _tmx_source(path: str) -> UnitSource:
    def units() -> Iterator[TranslationUnit]:
        with open_input(path) as stream:
            yield from read_tmx(stream, name=display_name(path))

    return units


def _source_locale(paths: Sequence[str], headers: Sequence[TmxHeader], src_lang: str | None,
                   warn: WarningSink | None) -> str:
    """The given source locale, else the first file's header srclang; a file whose header
    names another source language is merged the same way, with a warning."""
    if src_lang is None:
        first = headers[0]
        if not first.srclang or first.srclang.strip() == "*all*":
            shown = first.srclang or "empty"
            raise ConfigError(
                f"{paths[0]}: header srclang is {shown!r}; name the source locale with --src-lang"
            )
        src_lang = first.srclang
    for path, header in zip(paths, headers):
        other = header.srclang.strip() if header.srclang else ""
        if warn is not None and other not in ("", "*all*") and not same_language(other, src_lang):
            warn(f"{display_name(path)}: header srclang is {other}; its units are merged with "
                 f"{src_lang} as the source")
    return src_lang


def _merged_header(headers: Sequence[TmxHeader], src_lang: str,
                   moment: datetime | None) -> TmxHeader:
    # OmegaT re-splits paragraph units only under a paragraph header (interop notes §5).
    coarse = any(h.segtype in ("paragraph", "block") for h in headers)
    return TmxHeader(
        srclang=src_lang,
        segtype="paragraph" if coarse else "sentence",
        datatype=headers[0].datatype or "plaintext",
        creationdate=moment,
    )


def _spelling(paths: Sequence[str], src_lang: str) -> LocaleSpelling:
    """The locale spellings of all inputs (a quick pass over each file)."""
    counts: Counter[str] = Counter()
    for path in paths:
        with open_input(path) as stream:
            counts.update(read_tmx_locales(stream, name=display_name(path)))
    return LocaleSpelling(counts, src_lang)


def merge_tmx_files(
    paths: Sequence[str],
    output: str,
    *,
    src_lang: str | None = None,
    on_conflict: ConflictPolicy = ConflictPolicy.KEEP_NEWEST,
    moment: datetime | None = None,
    on_warning: WarningSink | None = None,
    on_unit_warning: WarningSink | None = None,
) -> MergeReport:
    """Merge TMX files into `output` (written atomically; an input is never overwritten).

    The source locale is `src_lang`, else the first file's header srclang; the header's
    segtype is `paragraph` when any input says so; `moment` becomes the header date.
    `on_warning` gets what concerns the whole merge (a file in another direction, locales
    respelt or kept apart) and, at the end, one line per kind of unit problem;
    `on_unit_warning` gets every unit's problem as it is met.
    """
    if STDIO in paths:
        raise ConfigError("merge reads each input more than once; name files, not '-' (stdin)")
    check_output(output, paths)
    headers = []
    for path in paths:
        with open_input(path) as stream:
            headers.append(read_tmx_header(stream, name=display_name(path)))
    source = _source_locale(paths, headers, src_lang, on_warning)
    spelling = _spelling(paths, source)
    for note in spelling.notes:
        if on_warning is not None:
            on_warning(note)
    report = MergeReport()
    units = merge_units(
        [_tmx_source(path) for path in paths],
        src_lang=source, on_conflict=on_conflict, report=report, spelling=spelling,
        on_unit_warning=on_unit_warning, names=[display_name(path) for path in paths],
    )
    with atomic_output(output, inputs=paths) as stream:
        report.written = write_tmx(units, stream, header=_merged_header(headers, spelling(source),
                                                                         moment),
                                   on_warning=on_warning)
    for line in report.problem_lines():
        if on_warning is not None:
            on_warning(line)
    return report
