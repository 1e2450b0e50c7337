"""Merge translation units from several memories into one direction, dropping duplicates.

Identical (source, target) pairs are kept once. Units with the same source but different
targets are conflicts, settled by `ConflictPolicy`. Memory trade-off: the units are never
held, only 16-byte digests of their keys (about 100-200 bytes per distinct unit with Python's
overhead, so ~150 MB for a million). `keep-first` and `keep-all` stream in one pass;
`keep-newest` must see every candidate before choosing, so it reads the inputs twice.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from tmtool.errors import ConfigError
from tmtool.fileio import STDIO, atomic_output, check_output, display_name, open_input
from tmtool.formats.tmx import (
    TmxHeader,
    derive_tuid,
    has_empty_segment,
    read_tmx,
    read_tmx_header,
    write_tmx,
)
from tmtool.model import TranslationUnit, Variant, same_language, segment_key

UnitSource = Callable[[], Iterable[TranslationUnit]]
WarningSink = Callable[[str], None]
"""Opens one input and streams its units; `keep-newest` calls it twice."""

_OLDEST = datetime.min.replace(tzinfo=timezone.utc)


class ConflictPolicy(enum.Enum):
    """What to do with units that share a source but not a target."""

    KEEP_NEWEST = "keep-newest"
    KEEP_ALL = "keep-all"
    KEEP_FIRST = "keep-first"


@dataclass
class MergeReport:
    """Counts for the summary line; filled in while the merge runs."""

    units_in: int = 0
    written: int = 0
    duplicates: int = 0  # identical pairs left out
    conflicts: int = 0  # units whose source came earlier with another target
    without_source: int = 0
    empty: int = 0  # units with an empty segment, which TMX cannot hold


def _key(source: Variant, targets: Iterable[Variant], *, with_targets: bool) -> bytes:
    """A digest of the source segment and the target languages, plus the target segments
    when `with_targets` (the key of an identical pair)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(segment_key(source.segment))
    for target in sorted(targets, key=lambda v: v.lang.lower()):
        digest.update(b"\x1e" + target.lang.lower().encode("utf-8"))
        if with_targets:
            digest.update(segment_key(target.segment))
    return digest.digest()


def _split(
    unit: TranslationUnit, src_lang: str, report: MergeReport, warn: WarningSink | None
) -> tuple[Variant, list[Variant]] | None:
    """(source, targets), or None (counted) for a unit that cannot take part: one without
    the source language, or with an empty segment. The latter is dropped here, before it
    can win a conflict, so it never displaces a usable unit and then vanishes in the writer."""
    source = unit.variant(src_lang)
    if source is None:
        report.without_source += 1
        return None
    if has_empty_segment(unit):
        report.empty += 1
        if warn is not None:
            warn(f"unit {unit.tuid or derive_tuid(unit)}: skipped, it has an empty segment")
        return None
    return source, [v for v in unit.variants if v is not source]


def merge_units(
    sources: Sequence[UnitSource],
    *,
    src_lang: str,
    on_conflict: ConflictPolicy = ConflictPolicy.KEEP_NEWEST,
    report: MergeReport | None = None,
    on_warning: WarningSink | None = None,
) -> Iterator[TranslationUnit]:
    """The merged units, in input order (file by file, unit by unit).

    A unit without a variant in `src_lang` cannot be placed in a one-direction memory: it
    is left out and counted, and so is a unit with an empty segment (through `on_warning`
    too). Under `keep-newest` the winner of a conflict is the unit with
    the latest `change_date` (then `creation_date`); a tie goes to the later unit.
    """
    report = report if report is not None else MergeReport()
    if on_conflict is ConflictPolicy.KEEP_NEWEST:
        yield from _merge_newest(sources, src_lang, report, on_warning)
        return
    seen_pairs: set[bytes] = set()
    seen_sources: set[bytes] = set()
    for open_units in sources:
        for unit in open_units():
            report.units_in += 1
            split = _split(unit, src_lang, report, on_warning)
            if split is None:
                continue
            pair_key = _key(*split, with_targets=True)
            if pair_key in seen_pairs:
                report.duplicates += 1
                continue
            seen_pairs.add(pair_key)
            source_key = _key(*split, with_targets=False)
            if source_key in seen_sources:
                report.conflicts += 1
                if on_conflict is ConflictPolicy.KEEP_FIRST:
                    continue
            seen_sources.add(source_key)
            report.written += 1
            yield unit


def _merge_newest(
    sources: Sequence[UnitSource], src_lang: str, report: MergeReport, warn: WarningSink | None
) -> Iterator[TranslationUnit]:
    # Pass 1: for each source key, the (date, file, position) of the newest unit.
    winners: dict[bytes, tuple[datetime, int, int]] = {}
    seen_pairs: set[bytes] = set()
    seen_sources: set[bytes] = set()
    for source_index, open_units in enumerate(sources):
        for position, unit in enumerate(open_units()):
            report.units_in += 1
            split = _split(unit, src_lang, report, warn)
            if split is None:
                continue
            source_key = _key(*split, with_targets=False)
            pair_key = _key(*split, with_targets=True)
            if pair_key in seen_pairs:
                report.duplicates += 1
            elif source_key in seen_sources:
                report.conflicts += 1
            seen_pairs.add(pair_key)
            seen_sources.add(source_key)
            moment = unit.change_date or unit.creation_date or _OLDEST
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=timezone.utc)
            candidate = (moment, source_index, position)
            if source_key not in winners or candidate >= winners[source_key]:
                winners[source_key] = candidate
    del seen_pairs, seen_sources
    chosen = {(index, position) for _moment, index, position in winners.values()}
    del winners
    # Pass 2: stream the inputs again and keep the winners.
    for source_index, open_units in enumerate(sources):
        for position, unit in enumerate(open_units()):
            if (source_index, position) in chosen:
                report.written += 1
                yield unit


def _tmx_source(path: str) -> UnitSource:
    def units() -> Iterator[TranslationUnit]:
        with open_input(path) as stream:
            yield from read_tmx(stream, name=display_name(path))

    return units


def _merged_header(
    paths: Sequence[str], src_lang: str | None, moment: datetime | None, warn: WarningSink | None
) -> TmxHeader:
    headers = []
    for path in paths:
        with open_input(path) as stream:
            headers.append(read_tmx_header(stream, name=display_name(path)))
    first = headers[0]
    if src_lang is None:
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
    # OmegaT re-splits paragraph units only under a paragraph header (interop notes §5).
    coarse = any(h.segtype in ("paragraph", "block") for h in headers)
    return TmxHeader(
        srclang=src_lang,
        segtype="paragraph" if coarse else "sentence",
        datatype=first.datatype or "plaintext",
        creationdate=moment,
    )


def merge_tmx_files(
    paths: Sequence[str],
    output: str,
    *,
    src_lang: str | None = None,
    on_conflict: ConflictPolicy = ConflictPolicy.KEEP_NEWEST,
    moment: datetime | None = None,
    on_warning: WarningSink | None = None,
) -> MergeReport:
    """Merge TMX files into `output` (written atomically; an input is never overwritten).

    The source locale is `src_lang`, else the first file's header srclang (a file whose
    header names another source language is merged the same way, with a warning); the header's
    segtype is `paragraph` when any input says so. `moment` becomes the header date.
    """
    if STDIO in paths:
        raise ConfigError("merge reads each input twice; name files, not '-' (stdin)")
    check_output(output, paths)
    header = _merged_header(paths, src_lang, moment, on_warning)
    report = MergeReport()
    units = merge_units(
        [_tmx_source(path) for path in paths],
        src_lang=header.srclang,
        on_conflict=on_conflict,
        report=report,
        on_warning=on_warning,
    )
    with atomic_output(output, inputs=paths) as stream:
        report.written = write_tmx(units, stream, header=header, on_warning=on_warning)
    return report
