"""The OpenDocument reader: content.xml as LibreOffice writes it, read as its reader sees it."""
from __future__ import annotations

from xml.sax.saxutils import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.office_files import ODF_DECLARATIONS, ODT_STYLES, odt_content, odt_package
from tmtool.segment import read_document

Shown = list[tuple[str, int, list[str]]]
BOLD = ('<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" '
        'style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>')
ITALIC = ('<style:style style:name="T2" style:family="text"><style:text-properties '
          'fo:font-style="italic"/></style:style>')
SUPER = ('<style:style style:name="T3" style:family="text"><style:text-properties '
         'style:text-position="super 58%"/></style:style>')
SUB = ('<style:style style:name="T4" style:family="text"><style:text-properties '
       'style:text-position="-33% 58%"/></style:style>')
UNDERLINE = ('<style:style style:name="T5" style:family="text"><style:text-properties '
             'style:text-underline-style="solid" style:text-underline-width="auto"/></style:style>')
HIDDEN = ('<style:style style:name="T6" style:family="text"><style:text-properties '
          'text:display="none"/></style:style>')
BOLD_PARAGRAPH = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">'
                  '<style:text-properties fo:font-weight="bold"/></style:style>')
HEADING_AUTO = ('<style:style style:name="P2" style:family="paragraph" '
                'style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:margin-top="0cm"/>'
                "</style:style>")
STYLES = BOLD + ITALIC + SUPER + SUB + UNDERLINE + HIDDEN + BOLD_PARAGRAPH + HEADING_AUTO


def shown(data: bytes, name: str = "doc.odt") -> Shown:
    return [(block.kind, block.line, [s.native_text() for s in block.segments])
            for block in read_document(data, lang="uk", name=name)]


def test_spans_split_anyhow_give_one_code_per_formatting_change() -> None:
    split = ('<text:p text:style-name="Standard">Він жив у <text:span text:style-name="T1">Кам</text:span>'
             '<text:bookmark text:name="b1"/><text:span text:style-name="Strong_20_Emphasis">’ян</text:span>'
             '<text:span text:style-name="T1">ському</text:span> та <text:span text:style-name="T2">'
             'Киє</text:span><text:span text:style-name="T2">ві</text:span>. Друге речення з '
             '<text:span text:style-name="T3">м²</text:span>.</text:p>')
    unsplit = ('<text:p>Він жив у <text:span text:style-name="T1">Кам’янському</text:span> та '
               '<text:span text:style-name="T2">Києві</text:span>. Друге речення з '
               '<text:span text:style-name="T3">м²</text:span>.</text:p>')
    expected = [("paragraph", 1, ["Він жив у <b>Кам’янському</b> та <i>Києві</i>.", "Друге речення з <sup>м²</sup>."])]
    assert shown(odt_package(split, STYLES)) == expected
    assert shown(odt_package(unsplit, STYLES)) == expected


def test_paragraph_formatting_from_an_automatic_style_is_a_code_from_a_named_one_is_not() -> None:
    body = ('<text:p text:style-name="P1">Увесь абзац жирний.</text:p>'
            '<text:h text:style-name="P2" text:outline-level="1">Жирний заголовок</text:h>'
            '<text:p>H<text:span text:style-name="T4">2</text:span>O і '
            '<text:span text:style-name="T5">підкреслення</text:span>.</text:p>')
    assert shown(odt_package(body, STYLES)) == [
        ("paragraph", 1, ["<b>Увесь абзац жирний.</b>"]),
        ("heading", 2, ["Жирний заголовок"]),
        ("paragraph", 3, ["H<sub>2</sub>O і <u>підкреслення</u>."]),
    ]


def test_headings_lists_captions_and_tables() -> None:
    body = ('<text:h text:outline-level="2">Розділ</text:h>'
            '<text:p text:style-name="Heading_20_2">Заголовок за стилем</text:p>'
            '<text:p text:style-name="Title">Назва</text:p>'
            '<text:list text:style-name="L1"><text:list-item><text:p>Пункт один.</text:p>'
            "<text:list><text:list-item><text:p>Вкладений пункт.</text:p></text:list-item></text:list>"
            "</text:list-item><text:list-header><text:p>Без номера.</text:p></text:list-header></text:list>"
            '<text:p text:style-name="Illustration">Рисунок 1: підпис.</text:p>'
            '<table:table table:name="Таблиця1"><table:table-column table:number-columns-repeated="2"/>'
            "<table:table-header-rows><table:table-row><table:table-cell><text:p>Назва</text:p></table:table-cell>"
            "<table:table-cell><text:p>Значення</text:p></table:table-cell></table:table-row></table:table-header-rows>"
            '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Об’єднана. Два речення.'
            "</text:p><text:p>Другий абзац.</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"
            "</table:table><text:p>Після таблиці.</text:p>")
    assert shown(odt_package(body)) == [
        ("heading", 1, ["Розділ"]), ("heading", 2, ["Заголовок за стилем"]), ("heading", 3, ["Назва"]),
        ("list-item", 4, ["Пункт один."]), ("list-item", 5, ["Вкладений пункт."]),
        ("list-item", 6, ["Без номера."]), ("caption", 7, ["Рисунок 1: підпис."]),
        ("table-cell", 8, ["Назва"]), ("table-cell", 9, ["Значення"]),
        ("table-cell", 10, ["Об’єднана.", "Два речення."]), ("table-cell", 11, ["Другий абзац."]),
        ("paragraph", 12, ["Після таблиці."]),
    ]


def test_notes_links_spaces_tabs_breaks_and_soft_page_breaks() -> None:
    body = ('<text:p>Текст<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1'
            "</text:note-citation><text:note-body><text:p text:style-name=\"Footnote\">Виноска. Друге речення."
            '</text:p></text:note-body></text:note> і <text:a xlink:type="simple" xlink:href="https://mfa.gov.ua/">'
            'сайт <text:span text:style-name="T1">МЗС</text:span></text:a><text:note text:id="ftn2" '
            'text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>'
            "Кінцева.</text:p></text:note-body></text:note>.</text:p>"
            '<text:p>Два<text:s text:c="3"/>пробіли<text:tab/>таб<text:soft-page-break/>уляція<text:line-break/>'
            "новий рядок</text:p>")
    assert shown(odt_package(body, STYLES)) == [
        ("paragraph", 1, ['Текст[^1] і <a href="https://mfa.gov.ua/">сайт <b>МЗС</b></a>[^e1].']),
        ("paragraph", 2, ["Два пробіли табуляція", "новий рядок"]),
        ("footnote", 3, ["Виноска.", "Друге речення."]),
        ("footnote", 4, ["Кінцева."]),
    ]


def test_tracked_changes_are_read_as_accepted_and_annotations_hidden_text_and_indexes_skipped() -> None:
    body = ('<text:tracked-changes text:track-changes="true"><text:changed-region xml:id="ct1" text:id="ct1">'
            "<text:deletion><office:change-info><dc:creator>Редактор</dc:creator><dc:date>2024-05-01T10:00:00"
            "</dc:date></office:change-info><text:p>старе </text:p></text:deletion></text:changed-region>"
            '<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion><office:change-info>'
            "<dc:creator>Редактор</dc:creator><dc:date>2024-05-01T10:00:00</dc:date></office:change-info>"
            "</text:insertion></text:changed-region></text:tracked-changes>"
            '<text:table-of-content text:name="Зміст1"><text:table-of-content-source/><text:index-body>'
            "<text:index-title><text:p>Зміст</text:p></text:index-title><text:p>Вступ\t3</text:p>"
            "</text:index-body></text:table-of-content>"
            '<text:p>Було <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>нове '
            '<text:change-end text:change-id="ct2"/>слово<office:annotation><dc:creator>Редактор</dc:creator>'
            "<text:p>Коментар</text:p></office:annotation>.<text:span text:style-name=\"T6\"> Приховано.</text:span>"
            ' Сторінка <text:page-number text:select-page="current">3</text:page-number>.</text:p>'
            '<text:section text:name="Сховано" text:display="none"><text:p>Прихований розділ.</text:p></text:section>'
            '<text:section text:name="Розділ1"><text:p>Видимий розділ.</text:p></text:section>'
            '<text:p>Абзац<text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/></text:p>')
    assert shown(odt_package(body, STYLES)) == [
        ("paragraph", 3, ["Було нове слово.", "Сторінка ."]), ("paragraph", 5, ["Видимий розділ."])]


def test_text_boxes_are_read_after_the_paragraph_that_anchors_them() -> None:
    body = ('<text:p>Абзац із <draw:frame draw:name="Напис1" text:anchor-type="as-char"><draw:text-box>'
            "<text:p>Текст у написі.</text:p></draw:text-box></draw:frame>написом і "
            '<draw:frame draw:name="Зображення1"><draw:image xlink:href="Pictures/1.png"><svg:title>Фото'
            "</svg:title></draw:image></draw:frame>фото.</text:p><text:p>Далі.</text:p>")
    assert shown(odt_package(body)) == [
        ("paragraph", 1, ["Абзац із написом і <img>фото."]), ("paragraph", 2, ["Текст у написі."]),
        ("paragraph", 3, ["Далі."])]


def test_a_flat_odt_is_read() -> None:
    document = (f'<?xml version="1.0" encoding="UTF-8"?><office:document {ODF_DECLARATIONS} '
                'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
                + ODT_STYLES.split("<office:document-styles", 1)[1].split(">", 1)[1].rsplit("</office:document-styles>", 1)[0]
                + odt_content('<text:h text:outline-level="1">Плаский файл</text:h><text:p>Текст.</text:p>', BOLD)
                .split("<office:document-content", 1)[1].split(">", 1)[1].rsplit("</office:document-content>", 1)[0]
                + "</office:document>")
    assert shown(document.encode("utf-8"), name="doc.fodt") == [
        ("heading", 1, ["Плаский файл"]), ("paragraph", 2, ["Текст."])]


ODF_FORMS = {"b": ("T1", "Strong_20_Emphasis"), "i": ("T2",), "u": ("T5",), "sup": ("T3",)}
ODF_MARKS = ("", '<text:bookmark text:name="b"/>', "<text:soft-page-break/>",
             '<text:change-start text:change-id="c1"/>', '<text:reference-mark-start text:name="r"/>')
stretches = st.lists(st.tuples(st.text(alphabet="аб кї.,1", min_size=1, max_size=12),
                               st.frozensets(st.sampled_from(sorted(ODF_FORMS)), max_size=3)), min_size=1, max_size=8)


def spans(parts: list[tuple[str, frozenset[str]]], choose: st.DataObject | None) -> str:
    """Nested spans, one per flag (LibreOffice nests them when styles are applied in turn)."""
    out = []
    for text, flags in parts:
        cuts = sorted(choose.draw(st.sets(st.integers(1, len(text) - 1), max_size=3))) if choose and len(text) > 1 else []
        for start, end in zip([0, *cuts], [*cuts, len(text)]):
            content = escape(text[start:end]).replace(" ", "<text:s/>")
            for flag in sorted(flags):
                style = choose.draw(st.sampled_from(ODF_FORMS[flag])) if choose else ODF_FORMS[flag][0]
                content = f'<text:span text:style-name="{style}">{content}</text:span>'
            out.append(content + (choose.draw(st.sampled_from(ODF_MARKS)) if choose else ""))
    return f"<text:p>{''.join(out)}</text:p>"


@settings(max_examples=60, deadline=None)
@given(parts=stretches, data=st.data())
def test_any_split_of_spans_gives_the_segments_of_the_unsplit_paragraph(
        parts: list[tuple[str, frozenset[str]]], data: st.DataObject) -> None:
    split, unsplit = odt_package(spans(parts, data), STYLES), odt_package(spans(parts, None), STYLES)
    assert read_document(split, lang="uk", name="a.odt") == read_document(unsplit, lang="uk", name="a.odt")
