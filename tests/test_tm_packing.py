"""The index's binary forms read back to what was written."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tmtool.tm.packing import decode_postings, decode_sketch, encode_postings, encode_sketch
from tmtool.tm.tokens import text_tokens


@given(st.lists(st.tuples(st.integers(1, 2**40), st.integers(0, 255)), min_size=1,
                unique_by=lambda pair: pair[0]))
def test_postings_read_back_as_written(units: list[tuple[int, int]]) -> None:
    values = [unit_id << 8 | length for unit_id, length in sorted(units)]
    assert decode_postings(encode_postings(values)).tolist() == values


def test_a_common_term_costs_two_bytes_a_unit() -> None:
    values = [unit_id << 8 | 12 for unit_id in range(1_000_000, 1_010_000)]
    assert len(encode_postings(values)) == 9 + 2 * 9_999


def test_a_sketch_keeps_the_stem_count_and_order() -> None:
    tokens = text_tokens("Кайсенов зустрівся з міністром 25 травня 2024 року.")
    stems, numbers = decode_sketch(encode_sketch(tokens))
    assert (len(stems), len(numbers)) == (6, 2)
    again, _ = decode_sketch(encode_sketch(text_tokens("Кайсенова чекали з міністром.")))
    assert again[0] == stems[0] and again[2:4] == stems[2:4]   # Кайсенов/-а, з, міністр
