"""What an import writes for each unit, the same for every back-end: the unit's key and body,
and per language its exact key, its sketch (`packing`) and its index terms, gathered into
postings per language, term and import batch.

Rows are only ever added (no row is updated), so several importers on a shared server never
wait on one another's postings, and a term's document frequency is the sum of its rows'
counts.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from tmtool.locales import primary_language
from tmtool.model import TranslationUnit
from tmtool.tm.packing import encode_postings, encode_sketch
from tmtool.tm.tokens import MatchTokens, segment_tokens
from tmtool.tm.unitcodec import encode_unit, unit_key

MAX_TERM_CHARS = 64
MAX_WORD_COUNT = 255  # stored in the low byte of a posting; a longer segment counts as 255


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One language of a unit as the index files it."""

    lang: str
    exact_key: bytes
    word_count: int
    terms: tuple[str, ...]
    sketch: bytes


@dataclass(frozen=True, slots=True)
class PreparedUnit:
    key: bytes
    body: str
    entries: tuple[IndexEntry, ...]


@dataclass
class BatchRows:
    """Rows of one batch of new units, ready for a back-end to insert."""

    units: list[tuple[int, bytes, str]] = field(default_factory=list)
    segments: list[tuple[str, int, bytes, bytes]] = field(default_factory=list)
    postings: list[tuple[str, str, int, int, bytes]] = field(default_factory=list)


NUMBER_MARK = "#"


def exact_key(tokens: MatchTokens) -> bytes:
    """8 bytes equal for segments with the same stems and numbers: the index of
    near-identical segments, which finds short sentences of common words."""
    basis = "\x1f".join(tokens.stems) + "\x1e" + "\x1f".join(tokens.numbers)
    return hashlib.blake2b(basis.encode("utf-8", "surrogatepass"), digest_size=8).digest()


def term_occurrences(tokens: MatchTokens) -> list[str]:
    """Every index term of a segment in order: its words' stems, then its numbers marked
    with "#" (rare numbers find the one sentence among many alike)."""
    return [term[:MAX_TERM_CHARS] for term in tokens.stems] + [
        NUMBER_MARK + number[:MAX_TERM_CHARS] for number in tokens.numbers]


def index_terms(tokens: MatchTokens) -> tuple[str, ...]:
    """The distinct index terms of a segment, in order of first occurrence."""
    return tuple(dict.fromkeys(term_occurrences(tokens)))


def prepare_unit(unit: TranslationUnit) -> PreparedUnit | None:
    """The unit's index data, or None when fewer than two languages have text."""
    entries: dict[str, IndexEntry] = {}
    for variant in unit.variants:
        lang = primary_language(variant.lang)
        if lang in entries or variant.segment.is_empty():
            continue
        tokens = segment_tokens(variant.segment)
        entries[lang] = IndexEntry(lang, exact_key(tokens), len(tokens.stems),
                                   index_terms(tokens), encode_sketch(tokens))
    if len(entries) < 2:
        return None
    return PreparedUnit(unit_key(unit), encode_unit(unit), tuple(entries.values()))


def batch_rows(new_units: list[tuple[int, PreparedUnit]]) -> BatchRows:
    """Rows for units that are not in the store yet, `new_units` being (id, unit) in
    ascending id order; the batch is named by its first id."""
    rows = BatchRows()
    if not new_units:
        return rows
    batch = new_units[0][0]
    postings: dict[str, dict[str, list[int]]] = {}
    for unit_id, prepared in new_units:
        rows.units.append((unit_id, prepared.key, prepared.body))
        for entry in prepared.entries:
            rows.segments.append((entry.lang, unit_id, entry.exact_key, entry.sketch))
            terms = postings.get(entry.lang)
            if terms is None:
                terms = postings[entry.lang] = {}
            value = unit_id << 8 | min(entry.word_count, MAX_WORD_COUNT)
            for term in entry.terms:
                values = terms.get(term)
                if values is None:
                    terms[term] = [value]
                else:
                    values.append(value)
    for lang in sorted(postings):
        for term, values in sorted(postings[lang].items()):
            rows.postings.append((lang, term, batch, len(values), encode_postings(values)))
    return rows
