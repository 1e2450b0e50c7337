"""read_document for plain text, HTML and presegmented input, and the sample interview."""
from __future__ import annotations

from pathlib import Path

import pytest

from tmtool.errors import ConfigError
from tmtool.segment import Block, format_for_name, read_document

DATA = Path(__file__).parent / "data" / "segment"


def outline(blocks: list[Block]) -> list[tuple[int, str, list[str]]]:
    return [(b.line, b.kind, [s.native_text() for s in b.segments]) for b in blocks]


def read(name: str, lang: str = "en") -> list[Block]:
    return read_document((DATA / name).read_text(encoding="utf-8"), lang=lang, name=name)


def test_presegmented_gives_one_block_per_input_line_empty_lines_included() -> None:
    blocks = read_document("  One. Two.  \n\nThree\n", lang="en", name="x.txt", fmt="presegmented")
    assert [(b.line, b.kind, [s.text for s in b.segments]) for b in blocks] == [
        (1, "line", ["One. Two."]),
        (2, "line", []),
        (3, "line", ["Three"]),
    ]


def test_presegmented_keeps_markup_characters_as_text() -> None:
    (block,) = read_document("**Not bold** <b>x</b>", lang="en", name="x.md", fmt="presegmented")
    assert block.segments[0].parts == ("**Not bold** <b>x</b>",)


def test_presegmented_last_line_without_newline_counts() -> None:
    assert len(read_document("a\nb", lang="en", name="x", fmt="presegmented")) == 2
    assert read_document("", lang="en", name="x", fmt="presegmented") == []


def test_wrapped_plain_text_joins_soft_wraps_and_keeps_short_lines_apart() -> None:
    assert outline(read("wrapped.txt")) == [
        (1, "paragraph", [
            ("This plain text file is wrapped at about seventy characters, the way an editor "
            "or an e-mail program would wrap it."),
            "The second sentence goes on here.",
            "Mr. Brown agreed.",
        ]),
        (5, "paragraph", ["Jane Doe", "Senior Editor", "Kyiv, Ukraine"]),
        (9, "list-item", ["A bullet item that is short."]),
        (10, "list-item", ["Another bullet item."]),
        (11, "list-item", ["1. A numbered item stays numbered."]),
        (12, "paragraph", [
            ("— A line of dialogue starts with a dash and is not a bullet at all, which the "
            "reader keeps as a paragraph.")
        ]),
    ]


def test_plain_text_with_a_paragraph_per_line_makes_each_line_a_block() -> None:
    blocks = read("lines.txt")
    assert [(b.line, len(b.segments)) for b in blocks] == [(1, 2), (2, 1), (3, 1), (5, 1)]


def test_plain_text_keeps_markdown_characters() -> None:
    (block,) = read_document("Use *args and **kwargs.", lang="en", name="x.txt")
    assert block.segments[0].parts == ("Use *args and **kwargs.",)


def test_html_blocks_codes_and_skipped_elements() -> None:
    assert outline(read("page.html")) == [
        (5, "heading", ["A <em>page</em> title"]),
        (6, "paragraph", ["First sentence.", "Second sentence with <b>bold.", "Still bold</b> text."]),
        (8, "paragraph", ["Jane Doe,", "Editor"]),
        (9, "list-item", ["Item one."]),
        (9, "list-item", ['Item <a href="x.html">two</a>.']),
        (10, "quote", ["Quoted.", "Twice."]),
        (11, "table-cell", ["Name"]),
        (11, "table-cell", ["Value & more"]),
        (12, "caption", ["The caption."]),
        (15, "paragraph", ["Loose text in a div.", "Two."]),
        (16, "paragraph", ['Text with an image <img src="i.png"/> and 16<sup>th</sup> century.']),
    ]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.md", "md"), ("A.MARKDOWN", "md"), ("a.html", "html"), ("a.htm", "html"),
     ("a.txt", "txt"), ("a", "txt"), ("<stdin>", "txt")],
)
def test_format_follows_the_extension(name: str, fmt: str) -> None:
    assert format_for_name(name) == fmt


def test_explicit_format_overrides_the_extension() -> None:
    (block,) = read_document("**bold**", lang="en", name="x.txt", fmt="md")
    assert block.segments[0].text == "bold"


def test_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown document format 'pdf'"):
        read_document("x", lang="en", name="x", fmt="pdf")


def test_ukrainian_markdown_is_split_with_ukrainian_rules() -> None:
    (block,) = read_document("Народився 1814 р. у с. Моринці. **Див.** табл. 2.", lang="uk-UA", name="x.md")
    assert [s.text for s in block.segments] == ["Народився 1814 р. у с. Моринці.", "Див. табл. 2."]


def test_english_sample_interview_segments_sensibly(shared_dir: Path) -> None:
    """The English interview of the sample corpus (seed copy): bylines and captions split at
    hard breaks, superscripts kept as codes, no sentence starting in lower case."""
    text = (shared_dir / "seed" / "000_7accc20d14251cfa.txt").read_text(encoding="utf-8")
    blocks = read_document(text, lang="en", name="interview.en.md")
    segments = [s for b in blocks for s in b.segments]
    texts = [s.text for s in segments]
    assert texts[:3] == [
        "Tolezhan Barlybayev,",
        "Ambassador Extraordinary and Plenipotentiary",
        "of the Republic of Kazakhstan to Ukraine",
    ]
    assert "Вручення Вірчих грамот Президенту України Володимирі Зеленському" in texts
    assert "Handover of Credentials to President of Ukraine Volodymyr Zelenskyy" in texts
    assert "In the 16th century, the first Ukrainian settlements began emerging in Kazakh lands." in texts
    assert blocks[1].kind == "heading"
    assert all(not t[0].islower() for t in texts[3:])
    long_sentences = [t for t in texts if len(t.split()) >= 12]
    assert all(t[-1] in ".?!" for t in long_sentences)
    assert 60 <= len(segments) <= 90


def test_html_paragraphs_inside_items_cells_and_quotes_take_their_kind() -> None:
    html = (
        "<ul><li><p>In a list. Two.</p></li></ul><table><tr><td><p>In a cell.</p></td></tr></table>"
        "<blockquote><p>Quoted.</p></blockquote><p>Plain.</p>"
    )
    blocks = read_document(html, lang="en", name="x.html")
    assert [(b.kind, [s.text for s in b.segments]) for b in blocks] == [
        ("list-item", ["In a list.", "Two."]),
        ("table-cell", ["In a cell."]),
        ("quote", ["Quoted."]),
        ("paragraph", ["Plain."]),
    ]


def test_ukrainian_sample_interview_segments_sensibly(project_dir: Path) -> None:
    path = project_dir / "sources" / "interview.uk.md"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    blocks = read_document(path.read_text(encoding="utf-8"), lang="uk", name=str(path))
    texts = [s.text for b in blocks for s in b.segments]
    assert "Вручення Вірчих грамот Президенту України Володимирі Зеленському" in texts
    assert blocks[1].kind == "heading"
    assert all(not t[0].islower() for t in texts)
    assert all(t[-1] in ".?!»" for t in texts if len(t.split()) >= 12)
    assert 60 <= len(texts) <= 100


def test_html_page_in_its_declared_windows_1251_is_read_for_align_and_pair() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            "</head><body><h1>Новини</h1><p>Київ — столиця. Фото: Іван Петренко.</p></body></html>")
    blocks = read_document(page.encode("cp1251"), lang="uk", name="novyny.html")
    assert [[s.text for s in b.segments] for b in blocks] == [
        ["Новини"], ["Київ — столиця.", "Фото: Іван Петренко."]]


@pytest.mark.parametrize("name", ["zvit.txt", "zvit.md"])
def test_html_page_saved_under_a_text_name_is_read_as_the_page(name: str) -> None:
    """A CMS export or a browser's "save as" under .txt: read as text, every segment carried
    the page's tags ("<!DOCTYPE html><html><head>...<h1>Звіт</h1><p>Фонд...")."""
    page = ("\ufeff<!-- saved from url=(0024)https://example.org/ -->\n<!DOCTYPE html>\n<html lang=\"uk\">"
            "<head><title>Звіт</title></head><body><h1>Звіт</h1><p>Фонд підтримав 42 громади.</p>"
            "</body></html>\n")
    for text in (page, page.encode("utf-8")):
        blocks = read_document(text, lang="uk", name=name)
        assert [[s.text for s in b.segments] for b in blocks] == [["Звіт"], ["Фонд підтримав 42 громади."]]
    literal = read_document(page, lang="uk", name=name, markup="literal")  # a CAT tool's text filter
    assert "<h1>" in literal[0].segments[0].text


def test_text_that_mentions_html_is_still_text() -> None:
    text = "<html> is the root element.\n\nIt holds <head> and <body>.\n"
    assert format_for_name("notes.txt") == "txt"
    blocks = read_document(text, lang="en", name="notes.txt")
    assert [s.text for b in blocks for s in b.segments] == ["<html> is the root element.",
                                                            "It holds <head> and <body>."]
