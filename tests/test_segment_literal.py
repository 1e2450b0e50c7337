"""Literal markup mode: segments are the exact source characters a CAT tool's text filter shows
for a `.md`/`.txt` file (blank-line paragraphs, markup and block markers kept), while sentence
breaks still follow our SRX rules on the words; plus `markup="plain"` and `--markup`."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_segment_properties import texts
from tmtool.cli import cli
from tmtool.errors import ConfigError
from tmtool.segment import read_document, split_sentences

DATA = Path(__file__).parent / "data" / "segment"


def literal(text: str, lang: str = "uk", name: str = "x.md") -> list[str]:
    blocks = read_document(text, lang=lang, name=name, markup="literal")
    return [segment.text for block in blocks for segment in block.segments]


def test_fixture_segments_are_exact_source_text_with_block_kinds() -> None:
    text = (DATA / "literal.uk.md").read_text(encoding="utf-8")
    blocks = read_document(text, lang="uk", name="literal.uk.md", markup="literal")
    assert [(b.line, b.kind, [s.text for s in b.segments]) for b in blocks] == [
        (1, "heading", ["# Звіт про **співпрацю** у 2025 році"]),
        (3, "heading", ["## Підсумки\nЦей рядок іде одразу після заголовка.", "Він має два речення."]),
        (6, "paragraph", ["**Ольга Петренко,**  \nкерівниця відділу\\\nКиїв"]),
        (10, "paragraph", ["Перший рядок абзацу\nпродовжується на другому рядку.", "Друге речення теж тут."]),
        (13, "list-item", ["- Перший пункт списку.", "Друге речення пункту.",
                           "- Другий пункт **з виділенням**\n* Третій пункт"]),
        (17, "quote", ["> Цитата з двох рядків,\n> що не розриваються.", "Наступне речення цитати."]),
        (20, "paragraph", ["У 16<sup>th</sup> столітті тут було місто.",
                           "Дивіться [карту міста](https://example.org/map) і `код`."]),
        (22, "paragraph", ["Символи \\*зірочки\\* та &amp; амперсанд.", "Нерозривний пробіл: 5\u00a0км."]),
        (24, "table-cell", ["| Місто | Населення |\n|---|---|\n| Київ | 3 млн |"]),
        (28, "paragraph", ["![Фото: площа](photo.jpg)"]),
        (30, "caption", ["Площа в центрі міста"]),
        (32, "paragraph", ["*— Як ви оцінюєте ці зміни?*"]),
        (34, "paragraph", ["— Позитивно.", "Ми задоволені!"]),
    ]


@pytest.mark.parametrize("marker", ["# ", "## ", "- ", "* ", "+ ", "1. ", "> ", "- [ ] "])
def test_block_marker_stays_at_the_start_of_the_first_segment(marker: str) -> None:
    assert literal(f"{marker}Перше речення. Друге речення.\n") == [
        f"{marker}Перше речення.", "Друге речення."]


def test_hard_line_breaks_do_not_split_and_keep_their_characters() -> None:
    text = "**Толежан Барлибаєв,**  \nПосол  \nРеспубліки Казахстан<br>в Україні\n"
    assert literal(text) == ["**Толежан Барлибаєв,**  \nПосол  \nРеспубліки Казахстан<br>в Україні"]
    codes = read_document(text, lang="uk", name="x.md")
    assert sum(len(b.segments) for b in codes) == 4  # codes mode splits at each hard break


@pytest.mark.parametrize(("text", "expected"), [
    ("**Перше речення.** Друге речення.", ["**Перше речення.**", "Друге речення."]),
    ("*Курсив закінчився.* Далі текст.", ["*Курсив закінчився.*", "Далі текст."]),
    ("Кінець. **Жирний** початок.", ["Кінець.", "**Жирний** початок."]),
    ("***— Питання?*** — Відповідь.", ["***— Питання?***", "— Відповідь."]),
    ("[Посилання.](https://x.org/a.b) Далі.", ["[Посилання.](https://x.org/a.b)", "Далі."]),
    ('[Посилання.](https://x.org "Назва сайту") Далі.', ['[Посилання.](https://x.org "Назва сайту")', "Далі."]),
    ("Слово <b>жирне.</b> Наступне.", ["Слово <b>жирне.</b>", "Наступне."]),
])
def test_markup_around_a_sentence_end_does_not_prevent_the_break(text: str, expected: list[str]) -> None:
    assert literal(text) == expected


def test_srx_exceptions_still_apply_through_markup() -> None:
    assert literal("Музей на **вул. Хрещатик** у м. Київ. Т. Г. Шевченко жив тут.") == [
        "Музей на **вул. Хрещатик** у м. Київ.", "Т. Г. Шевченко жив тут."]
    assert literal("**Dr. Smith** met Mr. Brown. They *talked.* Then left.", lang="en") == [
        "**Dr. Smith** met Mr. Brown.", "They *talked.*", "Then left."]


def test_numbered_items_and_a_year_at_a_line_start() -> None:
    assert literal("1. Перший пункт.\n2. Другий пункт.\n") == ["1. Перший пункт.", "2. Другий пункт."]
    # Not a list: "1998." on a later line is words, so the sentence ends there as in codes mode.
    assert literal("Я приїхав у\n1998. Тоді все змінилося.\n") == [
        "Я приїхав у\n1998.", "Тоді все змінилося."]


def test_blank_and_whitespace_only_lines_separate_blocks_crlf_is_a_newline() -> None:
    blocks = read_document("Один\r\nдва\r\n\r\nТри\n \nчотири\n", lang="uk", name="x.md", markup="literal")
    assert [(b.line, [s.text for s in b.segments]) for b in blocks] == [
        (1, ["Один\nдва"]), (4, ["Три"]), (6, ["чотири"])]


def test_segments_are_trimmed_of_unicode_spaces_like_omegat() -> None:
    assert literal("\u00a0Перше.\u2009 Друге \u3000\n") == ["Перше.", "Друге"]


def test_words_free_paragraphs_are_kept_as_a_text_filter_shows_them_but_code_is_not_text() -> None:
    assert literal("Текст.\n\n---\n\n```\nprint(1)\n```\n") == ["Текст.", "---"]
    assert literal("Текст.\n\n---\n\n```\nprint(1)\n```\n", name="x.txt") == ["Текст.", "---", "```\nprint(1)\n```"]


def test_plain_text_files_keep_markdown_characters_and_bullets() -> None:
    text = "Заголовок\nПерше речення. Друге *речення.*\n\n- пункт **один**\n"
    blocks = read_document(text, lang="uk", name="x.txt", markup="literal")
    assert [(b.kind, [s.text for s in b.segments]) for b in blocks] == [
        ("paragraph", ["Заголовок\nПерше речення.", "Друге *речення.*"]),
        ("list-item", ["- пункт **один**"]),
    ]


def test_sample_interview_reads_as_63_segments_a_side(project_dir: Path) -> None:
    for name, lang in (("interview.uk.md", "uk"), ("interview.en.md", "en")):
        text = (project_dir / "sources" / name).read_text(encoding="utf-8")
        segments = literal(text, lang, name)
        assert len(segments) == 63
        assert segments[0].count("  \n") == 2 and segments[1].startswith("## **")


def test_plain_mode_gives_the_words_of_codes_mode(project_dir: Path) -> None:
    text = (project_dir / "sources" / "interview.en.md").read_text(encoding="utf-8")
    codes = read_document(text, lang="en", name="interview.en.md")
    plain = read_document(text, lang="en", name="interview.en.md", markup="plain")
    assert [(b.line, b.kind, [s.text for s in b.segments]) for b in plain] == [
        (b.line, b.kind, [s.text for s in b.segments]) for b in codes]
    assert not any(s.codes for b in plain for s in b.segments)
    assert any(s.codes for b in codes for s in b.segments)


def test_presegmented_input_is_the_same_in_every_mode() -> None:
    text = "**Одне.** Два.\n\n<b>Три</b>\n"
    modes = [read_document(text, lang="uk", name="x", fmt="presegmented", markup=m)
             for m in ("codes", "literal", "plain")]
    assert modes[0] == modes[1] == modes[2]


def test_unknown_markup_mode_and_literal_html_are_config_errors() -> None:
    with pytest.raises(ConfigError, match=r"^unknown markup mode 'tags' \(choose from codes, literal, plain\)$"):
        read_document("x", lang="uk", name="x.md", markup="tags")
    with pytest.raises(ConfigError, match=r"^page\.html: literal markup is for Markdown and plain text"):
        read_document("<p>x</p>", lang="uk", name="page.html", markup="literal")


def squeeze(text: str) -> str:
    return regex.sub(r"\s+", "", text)


@settings(max_examples=120, deadline=None)
@given(texts(markup=True), st.sampled_from(["uk", "en"]), st.sampled_from(["x.md", "x.txt"]))
def test_literal_segments_lose_no_character_and_are_source_slices(text: str, lang: str, name: str) -> None:
    segments = literal(text, lang, name)
    assert squeeze("".join(segments)) == squeeze(text)
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    position = 0
    for segment in segments:
        assert segment and segment == segment.strip()
        found = source.find(segment, position)
        assert found >= 0, (segment, source[position:])
        position = found + len(segment)


@settings(max_examples=100, deadline=None)
@given(texts(markup=False), st.sampled_from(["uk", "en"]))
def test_one_line_without_markup_breaks_as_split_sentences(text: str, lang: str) -> None:
    line = regex.sub(r"\s+", " ", text).strip()
    assert literal(line, lang, "x.txt") == split_sentences(line, lang)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["segment", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_markup_literal_prints_inner_line_breaks_as_backslash_n(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("## **Заголовок**\n\n**Ім’я,**  \nпосада\n\n**Перше.** Друге.\n", encoding="utf-8")
    assert run(str(doc), "--lang", "uk", "--markup", "literal") == (
        0, "## **Заголовок**\n**Ім’я,**  \\nпосада\n**Перше.**\nДруге.\n", "")
    assert run(str(doc), "--lang", "uk", "--markup", "plain") == run(str(doc), "--lang", "uk", "--plain")
    assert run(str(doc), "--lang", "uk", "--markup", "codes") == run(str(doc), "--lang", "uk")


def test_cli_plain_with_another_markup_mode_is_a_usage_error(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("Текст.\n", encoding="utf-8")
    code, out, err = run(str(doc), "--lang", "uk", "--plain", "--markup", "literal")
    assert (code, out) == (2, "")
    assert err.endswith("Error: --plain contradicts --markup literal\n")


def test_cli_literal_html_is_one_line_and_exit_2(tmp_path: Path) -> None:
    doc = tmp_path / "page.html"
    doc.write_text("<p>Текст.</p>\n", encoding="utf-8")
    assert run(str(doc), "--lang", "uk", "--markup", "literal") == (
        2, "", f"tmtool: error: {doc}: literal markup is for Markdown and plain text, not HTML (use codes)\n")
