"""Counts that tell whether a memory is fit to import: units, locales, duplicates, conflicts,
empty and over-long segments.

Duplicates and conflicts are counted with `tm.identity`'s key, the one `tmx merge` uses: a
PO context or plural form makes a unit a message of its own, and locales compare in their
canonical case. (Merge also writes a bare `uk` as the `uk-UA` its other inputs use; a single
file that mixes the two is counted as it stands.) Streaming: `MemoryStats.add` takes one
unit at a time and keeps only 16-byte digests of the keys, never the units.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tmtool.fileio import display_name, open_input
from tmtool.formats.tmx import MAX_SEGMENT_CHARS, TmxReader
from tmtool.model import Segment, TranslationUnit
from tmtool.tm.identity import unit_keys


def _is_empty(segment: Segment) -> bool:
    return not segment.text.strip() and not segment.codes


@dataclass
class MemoryStats:
    """Statistics of a stream of units.

    `duplicates`: units identical to an earlier one (variants and identity props).
    `conflicts`: units whose source variant (in `src_lang`) and identity props came earlier
    with different other variants in the same locales.
    """

    src_lang: str | None = None
    units: int = 0
    locales: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    conflicts: int = 0
    empty_segments: int = 0
    long_segments: int = 0
    _pairs: set[bytes] = field(default_factory=set, repr=False)
    _sources: set[bytes] = field(default_factory=set, repr=False)

    def add(self, unit: TranslationUnit) -> None:
        self.units += 1
        for variant in unit.variants:
            self.locales[variant.lang] += 1
            if _is_empty(variant.segment):
                self.empty_segments += 1
            elif len(variant.segment.text) > MAX_SEGMENT_CHARS:
                self.long_segments += 1
        source = unit.variant(self.src_lang) if self.src_lang else None
        keys = unit_keys(unit, source)
        if keys.pair in self._pairs:
            self.duplicates += 1
            return
        self._pairs.add(keys.pair)
        if keys.source is None:
            return
        if keys.source in self._sources:
            self.conflicts += 1
        self._sources.add(keys.source)

    def add_all(self, units: Iterable[TranslationUnit]) -> MemoryStats:
        for unit in units:
            self.add(unit)
        return self

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary with locales sorted by name."""
        return {
            "src_lang": self.src_lang,
            "units": self.units,
            "locales": dict(sorted(self.locales.items())),
            "duplicates": self.duplicates,
            "conflicts": self.conflicts,
            "empty_segments": self.empty_segments,
            "long_segments": self.long_segments,
        }


def tmx_file_stats(path: str, *, src_lang: str | None = None) -> MemoryStats:
    """Statistics of one TMX file (`-` for stdin); the source locale defaults to the
    header's srclang unless that is `*all*`."""
    with open_input(path) as stream:
        reader = TmxReader(stream, name=display_name(path))
        stats = MemoryStats(src_lang=src_lang)
        for unit in reader:
            if stats.src_lang is None and reader.header and reader.header.srclang != "*all*":
                stats.src_lang = reader.header.srclang or None
            stats.add(unit)
    return stats
