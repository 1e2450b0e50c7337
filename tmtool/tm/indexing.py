"""What an import writes for each unit, the same for every back-end: the unit's key and body,
and per language its exact key, word count and index terms, gathered into postings.

Postings are written per import batch: one row per (language, term, batch) holding the
batch's unit ids and word counts as little-endian arrays. Rows are only ever added (no row
is updated), so several importers on a shared server never wait on one another's postings,
and a term's document frequency is the sum of its rows' counts.
"""
from __future__ import annotations

import hashlib
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

from tmtool.locales import primary_language
from tmtool.model import TranslationUnit
from tmtool.tm.tokens import MatchTokens, segment_tokens
from tmtool.tm.unitcodec import encode_unit, unit_key

MAX_TERM_CHARS = 64
MAX_WORD_COUNT = 255  # stored in one byte; a longer segment counts as 255 words


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One language of a unit as the index files it."""

    lang: str
    exact_key: bytes
    word_count: int
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PreparedUnit:
    key: bytes
    body: str
    entries: tuple[IndexEntry, ...]


@dataclass
class BatchRows:
    """Rows of one batch of new units, ready for a back-end to insert."""

    units: list[tuple[int, bytes, str]] = field(default_factory=list)
    exact: list[tuple[str, bytes, int]] = field(default_factory=list)
    postings: list[tuple[str, str, int, int, bytes, bytes]] = field(default_factory=list)


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
                                   index_terms(tokens))
    if len(entries) < 2:
        return None
    return PreparedUnit(unit_key(unit), encode_unit(unit), tuple(entries.values()))


def encode_ids(values: Iterable[int], typecode: str) -> bytes:
    packed = array(typecode, values)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def decode_ids(data: bytes, typecode: str) -> array[int]:
    packed = array(typecode)
    packed.frombytes(data)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


def batch_rows(new_units: list[tuple[int, PreparedUnit]]) -> BatchRows:
    """Rows for units that are not in the store yet, `new_units` being (id, unit) in
    ascending id order; the batch is named by its first id."""
    rows = BatchRows()
    if not new_units:
        return rows
    batch = new_units[0][0]
    postings: dict[str, dict[str, list[int]]] = {}
    lengths: dict[str, dict[int, int]] = {}
    for unit_id, prepared in new_units:
        rows.units.append((unit_id, prepared.key, prepared.body))
        for entry in prepared.entries:
            rows.exact.append((entry.lang, entry.exact_key, unit_id))
            terms = postings.get(entry.lang)
            if terms is None:
                terms = postings[entry.lang] = {}
                lengths[entry.lang] = {}
            lengths[entry.lang][unit_id] = min(entry.word_count, MAX_WORD_COUNT)
            for term in entry.terms:
                ids = terms.get(term)
                if ids is None:
                    terms[term] = [unit_id]
                else:
                    ids.append(unit_id)
    for lang in sorted(postings):
        length_of = lengths[lang].__getitem__
        for term, ids in sorted(postings[lang].items()):
            rows.postings.append((lang, term, batch, len(ids), encode_ids(ids, "I"),
                                  encode_ids(map(length_of, ids), "B")))
    return rows
