from __future__ import annotations

from tmtool.model import CodeKind, InlineCode, Segment, TranslationUnit, Variant, segment_key

BOLD_OPEN = InlineCode(CodeKind.OPEN, 1, "**", "bold")
BOLD_CLOSE = InlineCode(CodeKind.CLOSE, 1, "**", "bold")


def test_segment_parts_are_canonical() -> None:
    assert Segment(("a", "", "b", BOLD_OPEN, "c")) == Segment(("ab", BOLD_OPEN, "c"))


def test_segment_text_leaves_codes_out_and_native_text_puts_them_back() -> None:
    segment = Segment(("Ask ", BOLD_OPEN, "now", BOLD_CLOSE, "."))
    assert segment.text == "Ask now."
    assert segment.native_text() == "Ask **now**."
    assert segment.codes == (BOLD_OPEN, BOLD_CLOSE)


def test_variant_lookup_prefers_exact_locale_then_language() -> None:
    unit = TranslationUnit(
        (
            Variant("uk-UA", Segment.from_text("Київ")),
            Variant("en-US", Segment.from_text("Kyiv (US)")),
            Variant("en-GB", Segment.from_text("Kyiv (GB)")),
        )
    )
    assert unit.variant("en-gb") is unit.variants[2]
    assert unit.variant("en") is unit.variants[1]
    assert unit.variant("uk_UA") is unit.variants[0]
    assert unit.variant("kk") is None


def test_line_numbers_take_no_part_in_equality() -> None:
    a = TranslationUnit((Variant("uk", Segment.from_text("x"), line=3),), line=2)
    b = TranslationUnit((Variant("uk", Segment.from_text("x"), line=9),), line=8)
    assert a == b


def test_field_setters_insist_on_every_field_in_order() -> None:
    import pytest

    from tmtool.model import field_setters

    with pytest.raises(TypeError, match="Variant has fields"):
        field_setters(Variant, ("lang",))


def test_segment_key_tells_codes_from_text_and_equal_segments_share_it() -> None:
    marked = Segment(("Ask ", BOLD_OPEN, "now", BOLD_CLOSE))
    assert segment_key(marked) == segment_key(Segment(("Ask ", BOLD_OPEN, "now", BOLD_CLOSE)))
    assert segment_key(marked) != segment_key(Segment.from_text("Ask **now**"))
    italic = InlineCode(CodeKind.OPEN, 1, "**", "italic")
    assert segment_key(marked) != segment_key(Segment(("Ask ", italic, "now", BOLD_CLOSE)))
    assert segment_key(Segment.from_text("ab")) != segment_key(Segment(("a", BOLD_OPEN, "b")))
