"""Markdown documents: block structure as hard boundaries, inline markup as codes."""
from __future__ import annotations

from pathlib import Path

import pytest

from tmtool.model import CodeKind, InlineCode, Segment
from tmtool.segment import Block, read_document

DATA = Path(__file__).parent / "data" / "segment"


def md(text: str, lang: str = "en") -> list[Block]:
    return read_document(text, lang=lang, name="doc.md")


def outline(blocks: list[Block]) -> list[tuple[int, str, list[str]]]:
    return [(b.line, b.kind, [s.native_text() for s in b.segments]) for b in blocks]


def test_structure_sample_gives_one_block_per_structural_element() -> None:
    blocks = md((DATA / "structure.md").read_text(encoding="utf-8"))
    assert outline(blocks) == [
        (2, "front-matter", ["A title from the front matter"]),
        (5, "heading", ["The *first* heading"]),
        (7, "paragraph", ["A paragraph with **bold text.", "It spans** two sentences.",
                          "And a third one that wraps onto a second line."]),
        (10, "paragraph", ["Jane Doe,", "Senior Editor", "Kyiv", "Ukraine"]),
        (14, "heading", ["Setext heading"]),
        (17, "list-item", ["First item.", "Still the first item."]),
        (18, "list-item", ["Second item with `code. span` inside and a lazy continuation."]),
        (20, "list-item", ["Nested item one."]),
        (21, "list-item", ["Done task."]),
        (23, "quote", ["A quoted sentence.", "Another one."]),
        (24, "quote", ["Nested quote."]),
        (26, "table-cell", ["Name"]),
        (26, "table-cell", ["Role.", "With dot"]),
        (28, "table-cell", ["Ivan | Petro"]),
        (28, "table-cell", ["**Lead.**", "Writer"]),
        (32, "caption", ["Caption under the photo."]),
        (40, "paragraph", [
            "In the 16<sup>th</sup> century.",
            'See [the *site*](https://example.org "Title") and <https://example.org>.',
            "Escapes: *not italic*, 5 $ and & entity.",
            "Image ![icon](i.png) inline.",
        ]),
        (44, "caption", ["An HTML caption.", "Two sentences."]),
        (48, "paragraph", ["Last paragraph_with_underscores and *unclosed emphasis."]),
    ]


def test_block_markers_and_escapes_are_not_text() -> None:
    blocks = md("## Title\n\n- item\n\n1. first\n\n> quoted\n\nPrice: 5 \\$.\n")
    assert [s.text for b in blocks for s in b.segments] == ["Title", "item", "first", "quoted", "Price: 5 $."]


def test_bold_span_across_a_sentence_break_leaves_unpaired_codes_in_each_segment() -> None:
    (block,) = md("Start **one. Two** end.")
    first, second = block.segments
    assert first.parts == ("Start ", InlineCode(CodeKind.OPEN, 1, "**", "bold"), "one.")
    assert second.parts == ("Two", InlineCode(CodeKind.CLOSE, 1, "**", "bold"), " end.")


def test_pair_ids_are_renumbered_within_each_segment() -> None:
    (block,) = md("A *b* c. D **e** and `f` g.")
    for segment in block.segments:
        opens = [c.pair for c in segment.codes if c.kind is CodeKind.OPEN]
        closes = [c.pair for c in segment.codes if c.kind is CodeKind.CLOSE]
        assert opens == closes == list(range(1, len(opens) + 1))


def test_superscript_is_a_code_pair_and_not_text() -> None:
    (block,) = md("In the 16<sup>th</sup> century.")
    (segment,) = block.segments
    assert segment.text == "In the 16th century."
    assert segment.parts == (
        "In the 16", InlineCode(CodeKind.OPEN, 1, "<sup>", "x-sup"), "th",
        InlineCode(CodeKind.CLOSE, 1, "</sup>", "x-sup"), " century.",
    )


@pytest.mark.parametrize(
    ("source", "types"),
    [
        ("**a**", ["bold", "bold"]),
        ("__a__", ["bold", "bold"]),
        ("*a*", ["italic", "italic"]),
        ("_a_", ["italic", "italic"]),
        ("***a***", ["italic", "bold", "bold", "italic"]),
        ("~~a~~", ["x-strike", "x-strike"]),
        ("[a](u)", ["link", "link"]),
        ("`a`", ["x-code", "x-code"]),
        ("a <b>b</b> <i>c</i> <u>d</u> <span class='x'>e</span>", ["bold", "bold", "italic", "italic", "ulined", "ulined", "x-html-span", "x-html-span"]),
        ("![alt](p.png) a", ["image"]),
        ("a[^1]", ["x-footnote"]),
    ],
)
def test_inline_markup_types(source: str, types: list[str]) -> None:
    (block,) = md(source)
    assert [c.type for c in block.segments[0].codes] == types


def test_nested_bold_and_italic_close_in_reverse_order() -> None:
    (block,) = md("**— *How?***")
    kinds = [(c.kind, c.native) for c in block.segments[0].codes]
    assert kinds == [
        (CodeKind.OPEN, "**"), (CodeKind.OPEN, "*"), (CodeKind.CLOSE, "*"), (CodeKind.CLOSE, "**"),
    ]


def test_intraword_underscores_are_text_but_asterisks_emphasise() -> None:
    (block,) = md("snake_case_name and un*frigging*believable")
    segment = block.segments[0]
    assert segment.text == "snake_case_name and unfriggingbelievable"
    assert [c.type for c in segment.codes] == ["italic", "italic"]


def test_hard_breaks_split_a_paragraph_into_segments() -> None:
    (block,) = md("Line one  \nLine two\\\nLine three<br/>Line four\nsame line")
    assert [s.text for s in block.segments] == ["Line one", "Line two", "Line three", "Line four same line"]


def test_markup_only_segments_and_blocks_are_dropped() -> None:
    assert md("![only an image](x.png)\n\n**  **\n\n<b></b>\n") == []


def test_fenced_code_and_thematic_breaks_give_no_blocks() -> None:
    assert outline(md("~~~\nSome code. More.\n~~~\n\n---\n\nText.")) == [(7, "paragraph", ["Text."])]


def test_ordered_item_only_interrupts_a_paragraph_at_one() -> None:
    blocks = md("He was born in\n1990. Then he left.\n1. Item")
    assert outline(blocks) == [(1, "paragraph", ["He was born in 1990.", "Then he left."]), (3, "list-item", ["Item"])]


def test_segments_are_trimmed_at_the_ends() -> None:
    (block,) = md("   <b>  Spaced out.  </b>   ")
    (segment,) = block.segments
    assert segment.text == "Spaced out."
    assert segment == Segment((InlineCode(CodeKind.OPEN, 1, "<b>", "bold"), "Spaced out.",
                               InlineCode(CodeKind.CLOSE, 1, "</b>", "bold")))


def test_windows_line_ends_are_read_like_unix_ones() -> None:
    unix = md("# Title\n\nOne.  \nTwo.\n")
    assert md("# Title\r\n\r\nOne.  \r\nTwo.\r\n") == unix
    assert outline(unix) == [(1, "heading", ["Title"]), (3, "paragraph", ["One.", "Two."])]


def test_linked_image_with_a_caption_line_below_it() -> None:
    blocks = md("[![Photo](p.jpg)](big.jpg)\n*The President and the Ambassador.*\n\nBody text.")
    assert outline(blocks) == [
        (2, "caption", ["*The President and the Ambassador.*"]),
        (4, "paragraph", ["Body text."]),
    ]


def test_long_paragraph_after_an_image_is_not_a_caption() -> None:
    long_text = "A sentence of body text that goes on. " * 10
    blocks = md(f"![Photo](p.jpg)\n\n{long_text}")
    assert [b.kind for b in blocks] == ["paragraph"]


def test_html_entities_and_unclosed_tags() -> None:
    (block,) = md("Fish &amp; chips&nbsp;now. <b>Bold never closed.")
    first, second = block.segments
    assert first.text == "Fish & chips\u00a0now."
    assert second.parts == (InlineCode(CodeKind.OPEN, 1, "<b>", "bold"), "Bold never closed.")


def test_codes_separated_from_a_break_by_spaces_stay_with_their_sentence() -> None:
    (block,) = md("<b>Hello. </b>World. Next<i> </i>one.")
    assert [s.native_text() for s in block.segments] == ["<b>Hello.</b>", "World.", "Next<i> </i>one."]


def segments(text: str, lang: str, markup: str) -> list[str]:
    found = read_document(text, lang=lang, name="x.md", markup=markup)
    return [s.native_text() if markup == "codes" else s.text for b in found for s in b.segments]


@pytest.mark.parametrize("markup", ["codes", "literal"])
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Use the `? :` operator here. Then stop.", "en", ["Use the `? :` operator here.", "Then stop."]),
    ("Оператор `? :` вибирає. Далі.", "uk", ["Оператор `? :` вибирає.", "Далі."]),
    ("Call `a.b`. Or `x! Y`.", "en", ["Call `a.b`.", "Or `x! Y`."]),
    ("It uses <code>a. B</code> here.", "en", ["It uses <code>a. B</code> here."]),
])
def test_a_sentence_never_breaks_inside_inline_code(text: str, lang: str, expected: list[str], markup: str) -> None:
    assert segments(text, lang, markup) == expected


@pytest.mark.parametrize("markup", ["codes", "literal"])
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("This is a Hook. `useState` adds state.", "en", ["This is a Hook.", "`useState` adds state."]),
    ("Це хук. `useState` додає стан.", "uk", ["Це хук.", "`useState` додає стан."]),
    ("Run it. `npm test` checks it, e.g. `lint` too.", "en", ["Run it.", "`npm test` checks it, e.g. `lint` too."]),
    ("Виконайте її. `npm test` перевіряє, напр. `lint` теж.", "uk",
     ["Виконайте її.", "`npm test` перевіряє, напр. `lint` теж."]),
])
def test_a_sentence_may_start_with_inline_code_in_both_languages(
        text: str, lang: str, expected: list[str], markup: str) -> None:
    assert segments(text, lang, markup) == expected


@pytest.mark.parametrize("markup", ["codes", "literal"])
@pytest.mark.parametrize(("text", "lang"), [
    ("## Крок 1. Встановіть бібліотеку перевірки", "uk"),
    ("## Step 1. Install the validation library", "en"),
    ("### Частина IV. Висновки {/*conclusions*/}", "uk"),
    ("Run it again (if needed!) before you commit.", "en"),
    ("Restart (if needed!) **VS Code** and try again.", "en"),
    ("Запустіть її ще раз (**якщо потрібно!**) перед комітом.", "uk"),
])
def test_labels_and_brackets_keep_one_sentence(text: str, lang: str, markup: str) -> None:
    assert len(segments(text, lang, markup)) == 1
