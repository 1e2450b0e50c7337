"""Counts that tell whether a memory is fit to import: units, locales, duplicates, conflicts,
empty and over-long segments.

Streaming: `MemoryStats.add` takes one unit at a time and keeps only 16-byte digests for
the duplicate and conflict counts, never the units.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tmtool.fileio import display_name, open_input
from tmtool.formats.tmx import MAX_SEGMENT_CHARS, TmxReader
from tmtool.model import Segment, TranslationUnit, Variant, segment_key


def _digest(variants: Iterable[Variant], *, with_text: bool) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for variant in variants:
        digest.update(b"\x1e" + variant.lang.lower().encode("utf-8"))
        if with_text:
            digest.update(segment_key(variant.segment))
    return digest.digest()


def _is_empty(segment: Segment) -> bool:
    return not segment.text.strip() and not segment.codes


@dataclass
class MemoryStats:
    """Statistics of a stream of units.

    `duplicates`: units identical in every variant to an earlier one. `conflicts`: units
    whose source variant (in `src_lang`) came earlier with different other variants.
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
        ordered = sorted(unit.variants, key=lambda v: v.lang.lower())
        pair_key = _digest(ordered, with_text=True)
        if pair_key in self._pairs:
            self.duplicates += 1
            return
        self._pairs.add(pair_key)
        source = unit.variant(self.src_lang) if self.src_lang else None
        if source is None:
            return
        source_key = _digest([source], with_text=True) + _digest(ordered, with_text=False)
        if source_key in self._sources:
            self.conflicts += 1
        self._sources.add(source_key)

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
