"""Paths to lint units: discovery, formats, positions, suppressions, stdin."""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from tmtool.errors import ConfigError, InputError
from tmtool.lint.htmlprose import html_sides
from tmtool.lint.inputs import (
    InputFile,
    collect_inputs,
    display_path,
    matches_any,
    read_all_units,
    read_units,
)
from tmtool.lint.markup import markdown_prose, split_blocks
from tmtool.lint.suppress import Suppressions
from tmtool.lint.units import LintUnit, TextSide

DATA = Path(__file__).parent / "data" / "lint"


def units_of(name: str) -> list[LintUnit]:
    (source,) = collect_inputs([str(DATA / name)])
    return list(read_units(source))


def test_markdown_blocks_keep_exact_positions_of_prose() -> None:
    units = units_of("defects.md")
    first = units[0]
    assert first.target is not None and first.source is None
    assert first.target.line == 1
    offset = first.target.text.index("Kiev")
    assert first.target.position(offset) == (1, 16)
    second = units[1]
    assert second.target is not None
    assert second.target.position(second.target.text.index("Qaysenoff")) == (3, 61)
    assert second.target.position(second.target.text.index("war")) == (4, 5)


def test_markdown_code_urls_and_comments_are_blanked_not_removed() -> None:
    text = "See [museum](https://kiev.example.org/) and `Kiev` <!-- Kiev --> *Kyiv*."
    prose = markdown_prose(text)
    assert len(prose) == len(text)
    assert "Kiev" not in prose
    assert prose.index("Kyiv") == text.index("Kyiv")
    assert "museum" in prose


def test_markdown_fenced_code_and_front_matter_are_not_prose() -> None:
    text = "---\ntitle: Kiev\n---\nKyiv\n\n```\nKiev\n```\n"
    prose = markdown_prose(text)
    assert prose.count("\n") == text.count("\n")
    assert "Kiev" not in prose
    assert [line for line, _ in split_blocks(prose, markdown=True)] == [4]


def test_markdown_headings_and_list_items_are_their_own_blocks() -> None:
    text = "# Title\nText line\n- one\n- two\n  continued"
    blocks = list(split_blocks(text, markdown=True))
    assert blocks == [(1, "# Title"), (2, "Text line"), (3, "- one"), (4, "- two\n  continued")]


def test_text_file_paragraphs_become_units() -> None:
    units = units_of("defects.txt")
    assert [(u.target.line if u.target else 0) for u in units] == [1, 3]


def test_ukrainian_text_file_is_skipped_with_a_notice() -> None:
    (source,) = collect_inputs([str(DATA / "clean.uk.txt")])
    notices: list[str] = []
    assert list(read_units(source, notice=notices.append)) == []
    assert len(notices) == 1 and "Ukrainian text has no English side" in notices[0]


def test_tmx_units_pair_ukrainian_source_with_english_target() -> None:
    units = units_of("defects.tmx")
    assert [u.unit_id for u in units] == ["1", "2", "3"]
    first = units[0]
    assert first.source is not None and first.target is not None
    assert first.source.text.startswith("Касим") and first.target.text.startswith("Kasym")
    assert (first.source.line, first.target.line) == (7, 8)
    assert units[2].ignored == frozenset({"forbidden-variant"})


def test_tmx_inline_codes_are_left_out_of_the_words() -> None:
    units = units_of("clean.tmx")
    assert units[2].target is not None
    assert units[2].target.text == "A book was written about Qaysenov."


def test_po_msgid_is_source_and_plural_forms_are_units() -> None:
    units = units_of("defects.po")
    assert [u.unit_id for u in units] == [
        "[caption] Касим Кайсенов у Києві",
        "%d лист Кайсенова[0]",
        "%d лист Кайсенова[1]",
        "Київ",
    ]
    assert units[2].source is not None and units[2].source.text == "%d листи Кайсенова"
    assert units[2].target is not None and units[2].target.line == 14
    assert units[3].ignored == frozenset({"forbidden-variant"})


def test_xliff12_seg_source_marks_pair_by_mid() -> None:
    units = units_of("defects.xlf")
    assert [u.unit_id for u in units] == ["t1#1", "t1#2", "t2"]
    assert units[1].target is not None
    assert units[1].target.text == "The Extraordinary and Plenipotentiary Ambassador arrived."
    assert units[2].ignored == frozenset({"forbidden-variant"})


def test_xliff2_segments_and_notes() -> None:
    units = units_of("defects.xliff")
    assert [u.unit_id for u in units] == ["u1#s1", "u1#s2", "u2"]
    assert units[1].target is not None and units[1].target.text == "Then he moved to Kiev."
    assert units[2].ignored == frozenset({"forbidden-variant"})


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/z.md", "a.txt", "b/a.po", ".hidden/x.md", "notes.csv"):
        (tmp_path / name).write_text("Kyiv\n", encoding="utf-8")
    names = [f.name for f in collect_inputs([str(tmp_path)])]
    base = display_path(str(tmp_path))
    assert names == [f"{base}/a.txt", f"{base}/b/a.po", f"{base}/b/z.md"]


def test_glob_patterns_are_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("one.md", "two.md", "three.txt"):
        Path(name).write_text("Kyiv\n", encoding="utf-8")
    assert [f.name for f in collect_inputs(["*.md"])] == ["one.md", "two.md"]
    with pytest.raises(InputError, match="no file matches"):
        collect_inputs(["*.tmx"])


def test_exclude_applies_to_all_files_and_include_only_to_folder_walks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    for name in ("docs/a.md", "docs/b.txt", "docs/draft.md"):
        Path(name).write_text("Kyiv\n", encoding="utf-8")
    found = collect_inputs(["docs", "docs/b.txt"], include=["*.md"], exclude=["draft.md"])
    assert [f.name for f in found] == ["docs/a.md", "docs/b.txt"]


def test_patterns_match_whole_paths_or_file_names() -> None:
    assert matches_any("sources/old/x.md", ["sources/old"])
    assert matches_any("sources/old/x.md", ["*.md"])
    assert not matches_any("sources/x.md", ["old/*"])


def test_unknown_file_type_and_missing_file_are_input_errors(tmp_path: Path) -> None:
    odd = tmp_path / "data.csv"
    odd.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="unknown file type"):
        collect_inputs([str(odd)])
    with pytest.raises(InputError, match="no such file or folder"):
        collect_inputs([str(tmp_path / "absent.md")])


def test_legacy_office_files_say_how_to_make_them_readable(tmp_path: Path) -> None:
    """`align` and `pair` tell a .doc/.rtf/.pdf to be saved as .docx or .odt; lint listed the
    file types it reads instead."""
    for name, kind in (("report.doc", "a legacy binary Word document (.doc)"), ("notes.rtf", "an RTF document"),
                       ("scan.pdf", "a PDF")):
        (tmp_path / name).write_bytes(b"x")
        with pytest.raises(InputError) as caught:
            collect_inputs([str(tmp_path / name)])
        assert str(caught.value).endswith(f"{name}: looks like {kind}, which tmtool does not read; save it "
                                          "as .docx or .odt (Word or LibreOffice: File > Save As) and try again")


def test_stdin_takes_its_format_from_the_name_or_the_option(monkeypatch: pytest.MonkeyPatch) -> None:
    assert collect_inputs(["-"]) == [InputFile("-", "<stdin>", "text")]
    assert collect_inputs(["-"], stdin_name="doc.md")[0].format == "markdown"
    assert collect_inputs(["-"], stdin_format="po", stdin_name="x.md")[0].format == "po"
    with pytest.raises(ConfigError):
        collect_inputs(["-"], stdin_format="pdf")


def test_stdin_is_read_as_units(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DATA / "defects.tmx").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    (source,) = collect_inputs(["-"], stdin_name="memory.tmx")
    units = list(read_units(source))
    assert [u.path for u in units] == ["memory.tmx"] * 3


def test_inline_markdown_suppressions_are_recorded_by_line() -> None:
    suppressions = Suppressions()
    list(read_all_units(collect_inputs([str(DATA / "defects.md")]), suppressions=suppressions))
    from tmtool.findings import Finding, Severity

    name = display_path(str(DATA / "defects.md"))

    def finding(line: int, rule: str) -> Finding:
        return Finding(name, line, 1, rule, Severity.ERROR, "m")

    assert suppressions.is_suppressed(finding(9, "forbidden-variant"))
    assert not suppressions.is_suppressed(finding(9, "near-miss"))
    assert suppressions.is_suppressed(finding(11, "near-miss"))
    assert not suppressions.is_suppressed(finding(1, "forbidden-variant"))


def test_bad_xml_is_one_input_error_with_a_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text('<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n</tmx>\n', encoding="utf-8")
    (source,) = collect_inputs([str(broken)])
    with pytest.raises(InputError) as caught:
        list(read_units(source))
    assert caught.value.path == display_path(str(broken)) and caught.value.line == 4


def test_display_path_normalises_relative_paths() -> None:
    assert display_path("./sources//x.md") == "sources/x.md"
    assert display_path(os.path.join("a", "..", "b.md")) == "b.md"


def test_po_translated_into_ukrainian_has_english_msgids(tmp_path: Path) -> None:
    po = tmp_path / "uk.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: uk\\n"\n\n'
        'msgid "Welcome to Kiev"\nmsgstr "Ласкаво просимо до Києва"\n',
        encoding="utf-8",
    )
    (source,) = collect_inputs([str(po)])
    (unit,) = read_units(source)
    assert unit.target is not None and unit.target.text == "Welcome to Kiev"
    assert unit.source is not None and unit.source.text == "Ласкаво просимо до Києва"
    assert unit.unit_id == "Welcome to Kiev"


def test_mdx_front_matter_fields_are_units_of_their_own_at_their_place() -> None:
    units = units_of("defects.mdx")
    sides = [(u.target.text, u.target.line, u.target.column) for u in units if u.target is not None]
    assert sides[:2] == [("Your first trip to Kiev", 2, 8), ("How to get from Boryspil to Kamenskoye.", 3, 15)]
    texts = " ".join(text for text, _, _ in sides)
    for not_prose in ("sidebar", "kiev-guide", "import", "const", "Sandpack", "figure", "/*", "Kiev-Pass"):
        assert not_prose not in texts


def test_mdx_expressions_are_code_and_braces_in_markdown_are_text() -> None:
    line = "You can write {'{'}Kiev{'}'} or {props.Kiev} here."
    mdx = markdown_prose(line, name="lists.mdx")
    assert (len(mdx), mdx.split()) == (len(line), ["You", "can", "write", "Kiev", "or", "here."])
    assert markdown_prose(line, name="lists.md") == line


def test_footnote_text_is_prose_and_its_labels_are_not() -> None:
    """`[^1]: Note about Kiev.` was blanked as a link reference definition: the note's words
    were never checked."""
    page = "Kyiv is old.[^1]\n\n[^1]: Founded, as Kiev, long ago.\n\n[kyiv]: https://kyiv.example\n"
    prose = markdown_prose(page, name="history.md")
    assert prose.split() == ["Kyiv", "is", "old.", "Founded,", "as", "Kiev,", "long", "ago."]
    assert prose.index("Kiev") == page.index("Kiev")


def test_po_naming_no_language_is_linted_by_the_letters_of_each_message(tmp_path: Path) -> None:
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    for name, msgid, msgstr in (("messages.po", "Welcome to Kiev", "Ласкаво просимо до Києва"),
                                ("strings.po", "Ласкаво просимо до Києва", "Welcome to Kiev")):
        po = tmp_path / name
        po.write_text(header + f'msgid "{msgid}"\nmsgstr "{msgstr}"\n', encoding="utf-8")
        (source,) = collect_inputs([str(po)])
        (unit,) = read_units(source)
        assert unit.target is not None and unit.target.text == "Welcome to Kiev"
        assert unit.source is not None and unit.source.text == "Ласкаво просимо до Києва"


def test_html_text_between_tags_keeps_the_place_of_each_piece() -> None:
    page = ('<p>Visit <b>Kiev</b>&nbsp;and\n  <code>Kiev</code> old&rsquo;s Kiev.</p>\n'
            '<h2 id="kiev">To Kiev</h2>')
    sides = list(html_sides(page, name="page.html"))
    assert [side.text for side in sides] == ["Visit Kiev\xa0and\n    old\u2019s Kiev.", "To Kiev"]
    paragraph, heading = sides
    words = [m.start() for m in re.finditer("Kiev", paragraph.text)]
    assert [paragraph.position(k) for k in words] == [(1, 13), (2, 33)]
    assert heading.position(heading.text.index("Kiev")) == (3, 18)


def test_html_macro_beside_a_character_reference_keeps_the_words_after_it_in_place() -> None:
    """MDN-like prose: an &nbsp; makes the piece not found as written, and its runs were then
    looked up as if only references stood between them; the {{ }} and quotes of a macro that
    stand in the file as they are made every later word report the paragraph's start (1:4)."""
    page = ('<p>The city&nbsp;of Kiev has the {{jsxref("Kiev")}} macro.\n'
            "It lies far from &ldquo;Kiev&rdquo; and Kiev.</p>\n")
    (side,) = html_sides(page, name="page.html")
    words = [m.start() for m in re.finditer("Kiev", side.text)]
    assert [side.position(k) for k in words] == [(1, 21), (1, 44), (2, 25), (2, 41)]


def test_html_text_after_a_start_tag_written_over_several_lines_keeps_its_place() -> None:
    """`<p class="x"\n   id="y">Kyiv...`: the search began at the text's line, inside the tag,
    so the tag's end looked like text and every word of the paragraph reported 2:1."""
    page = '<p class="lead"\n   id="intro">Visit Kiev and\n<a\n href="/kyiv">Kiev</a> today.</p>\n'
    (side,) = html_sides(page, name="page.html")
    words = [m.start() for m in re.finditer("Kiev", side.text)]
    assert [side.position(k) for k in words] == [(2, 21), (4, 15)]


def test_html_piece_not_found_as_written_reports_its_block_start() -> None:
    side = TextSide("Go to Kiev", 4, 7, anchors=((0, 4, 7), (6, 4, 0)))
    assert side.position(0) == (4, 7)
    assert side.position(6) == (4, 7)


def test_folder_walk_follows_linked_folders_once(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "a.md").write_text("Kyiv.\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "b.md").write_text("Kyiv.\n", encoding="utf-8")
    (tmp_path / "docs" / "2021").symlink_to(tmp_path / "store", target_is_directory=True)
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs", target_is_directory=True)
    found = [display_path(source.path) for source in collect_inputs([str(tmp_path / "docs")])]
    assert [os.path.relpath(path, tmp_path) for path in found] == ["docs/b.md", "docs/2021/a.md"]
