"""The binary forms the memory's index stores, the same on every back-end.

Postings: the units holding a term in one import batch, one value per unit,
`unit id << 8 | word count` (a count over 255 stored as 255), so that a lookup counts hits
and knows lengths in one C-speed pass. They are stored as deltas (ids ascend within a
batch, so every delta is positive) in the narrowest array that holds them, after a one-byte
type code and the first value: a common word costs two bytes a unit, not eight.

Sketches: a segment's stems and numbers as 16-bit hashes (CRC-32, low half), with the stem
count first. The Levenshtein distance between two sketches is never more than between the
tokens themselves (a collision can only make two tokens equal), so a score bound computed
from sketches stays an upper bound.
"""
from __future__ import annotations

import struct
import sys
import zlib
from array import array
from collections.abc import Iterable
from itertools import accumulate, pairwise

from tmtool.tm.tokens import MatchTokens

_HEADER = struct.Struct("<cQ")
_WIDTHS = ((0xFFFF, "H"), (0xFFFF_FFFF, "I"), (0xFFFF_FFFF_FFFF_FFFF, "Q"))
MAX_SKETCH_WORDS = 0xFFFF


def _little_endian(packed: array[int]) -> array[int]:
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


def encode_postings(values: list[int]) -> bytes:
    """Ascending posting values as bytes (see the module docstring)."""
    deltas = [later - earlier for earlier, later in pairwise(values)]
    largest = max(deltas, default=0)
    typecode = next(code for limit, code in _WIDTHS if largest <= limit)
    packed = _little_endian(array(typecode, deltas))
    return _HEADER.pack(typecode.encode("ascii"), values[0]) + packed.tobytes()


def decode_postings(data: bytes) -> array[int]:
    """Posting values: `value >> 8` is the unit id, `value & 255` its word count."""
    typecode, first = _HEADER.unpack_from(data)
    deltas = array(typecode.decode("ascii"))
    deltas.frombytes(data[_HEADER.size:])
    return array("Q", accumulate(_little_endian(deltas), initial=first))


def gather_postings(rows: Iterable[tuple[str, bytes]],
                    into: dict[str, array[int]] | None = None) -> dict[str, array[int]]:
    """Posting rows (term, packed values), in batch order, joined per term."""
    found = {} if into is None else into
    for term, data in rows:
        values = decode_postings(data)
        known = found.get(term)
        if known is None:
            found[term] = values
        else:
            known.extend(values)
    return found


def token_hashes(tokens: Iterable[str]) -> list[int]:
    return [zlib.crc32(token.encode("utf-8", "surrogatepass")) & 0xFFFF for token in tokens]


def encode_sketch(tokens: MatchTokens) -> bytes:
    stems = token_hashes(tokens.stems[:MAX_SKETCH_WORDS])
    numbers = token_hashes(tokens.numbers)
    return _little_endian(array("H", [len(stems), *stems, *numbers])).tobytes()


def decode_sketch(data: bytes) -> tuple[list[int], list[int]]:
    """(stem hashes, number hashes) of a sketch."""
    packed = array("H")
    packed.frombytes(data)
    values = _little_endian(packed).tolist()
    return values[1:values[0] + 1], values[values[0] + 1:]
