"""The Word reader: what a .docx says, as its reader sees it, whatever way Word stored it."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.office_files import docx_package, para, run
from tmtool.errors import InputError
from tmtool.model import CodeKind, Segment
from tmtool.segment import read_document

Shown = list[tuple[str, int, list[str]]]


def shown(data: bytes, lang: str = "uk") -> Shown:
    """(kind, paragraph number, segments with their codes' native markup) of each block."""
    return [(block.kind, block.line, [s.native_text() for s in block.segments])
            for block in read_document(data, lang=lang, name="doc.docx")]


def segments(data: bytes) -> list[Segment]:
    return [s for block in read_document(data, lang="uk", name="doc.docx") for s in block.segments]


UNSPLIT = para(
    run("Він жив у "), run("Кам’янському", "<w:b/>"), run(" та "), run("Києві", "<w:i/>"),
    run(". Друге речення з "), run("м²", '<w:vertAlign w:val="superscript"/>'), run("."),
)
# The same paragraph as Word leaves it after editing: runs cut at revision ids, spelling
# marks, bookmarks, language and proofing changes, one bold piece bold through the Strong
# character style, `w:b w:val="1"` instead of `w:b`, a last-rendered page break.
SPLIT = para(
    run("Він ", rsid="00B1"), run("жи", '<w:lang w:val="uk-UA"/>', rsid="00B2"),
    '<w:proofErr w:type="spellStart"/>', run("в у ", "<w:noProof/>", rsid="00B3"),
    '<w:proofErr w:type="spellEnd"/>',
    run("Кам", '<w:b w:val="1"/>', rsid="00C1"),
    '<w:bookmarkStart w:id="0" w:name="_Hlk1"/>',
    run("’ян", '<w:rStyle w:val="ac"/>', rsid="00C2"),
    '<w:bookmarkEnd w:id="0"/><w:proofErr w:type="gramStart"/>',
    run("ському", '<w:b/><w:lang w:val="ru-RU"/>', rsid="00C3"),
    '<w:proofErr w:type="gramEnd"/>',
    '<w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve"> та </w:t></w:r>',
    run("Киє", "<w:i/>"), '<w:commentRangeStart w:id="3"/>', run("ві", '<w:i w:val="true"/>'),
    '<w:commentRangeEnd w:id="3"/>', '<w:r><w:rPr><w:rStyle w:val="ad"/></w:rPr><w:commentReference w:id="3"/></w:r>',
    run(". Друге речення з "), run("м", '<w:vertAlign w:val="superscript"/>'),
    '<w:permStart w:id="1" w:edGrp="everyone"/>',
    run("²", '<w:vertAlign w:val="superscript"/><w:noProof/>'), '<w:permEnd w:id="1"/>', run("."),
)


def test_revision_split_runs_give_exactly_the_segments_and_codes_of_the_unsplit_file() -> None:
    unsplit, split = segments(docx_package(UNSPLIT)), segments(docx_package(SPLIT))
    assert [s.native_text() for s in unsplit] == [
        "Він жив у <b>Кам’янському</b> та <i>Києві</i>.", "Друге речення з <sup>м²</sup>."]
    assert split == unsplit  # text and every code: kind, pair, native, type


def test_codes_are_paired_and_typed_like_the_html_readers() -> None:
    first = segments(docx_package(UNSPLIT))[0]
    assert [(c.kind, c.pair, c.type) for c in first.codes] == [
        (CodeKind.OPEN, 1, "bold"), (CodeKind.CLOSE, 1, "bold"),
        (CodeKind.OPEN, 2, "italic"), (CodeKind.CLOSE, 2, "italic")]


def test_spaces_between_equally_formatted_runs_stay_inside_one_code() -> None:
    body = para(run("Дуже", "<w:b/>"), run(" "), run("важливо", "<w:b/>"), run(" сказати"))
    assert shown(docx_package(body)) == [("paragraph", 1, ["<b>Дуже важливо</b> сказати"])]


def test_formatting_inherited_from_a_character_style_counts_and_toggles_in_a_bold_heading() -> None:
    body = (para(run("Слово "), run("важливе", '<w:rStyle w:val="ac"/>'), run(".")) +
            para(run("Заголовок з "), run("Strong", '<w:rStyle w:val="ac"/>'), style="1") +
            para(run("Не жирне", "<w:b/>"), run(" тут", '<w:b w:val="0"/>'), style="1"))
    assert shown(docx_package(body)) == [
        ("paragraph", 1, ["Слово <b>важливе</b>."]),
        ("heading", 2, ["Заголовок з Strong"]),  # Strong's bold toggles the heading's off: no code
        ("heading", 3, ["Не жирне тут"]),  # bold is the heading style's baseline
    ]


def test_underline_strike_and_subscript_codes() -> None:
    body = para(run("H"), run("2", '<w:vertAlign w:val="subscript"/>'), run("O "),
                run("наголос", '<w:u w:val="single"/>'), run(" і "), run("старе", "<w:strike/>"),
                run(" але "), run("не це", '<w:u w:val="none"/>'))
    assert shown(docx_package(body)) == [
        ("paragraph", 1, ["H<sub>2</sub>O <u>наголос</u> і <s>старе</s> але не це"])]


def test_headings_by_outline_level_through_styles_localized_ids_and_based_on_chains() -> None:
    body = (para(run("Рівень один"), style="1")  # id "1", built-in name "heading 1"
            + para(run("Власний стиль"), style="a5")  # "Мій заголовок", based on heading 2
            + para(run("Лише назва"), style="a6")  # named "Заголовок 3", no outline level
            + para(run("Назва документа"), style="a7")  # Title
            + para(run("Рівень з абзацу"), ppr='<w:outlineLvl w:val="2"/>')
            + para(run("Основний текст"), style="1", ppr='<w:outlineLvl w:val="9"/>')
            + para(run("Підпис до фото"), style="a9"))
    assert [(kind, text) for kind, _, (text,) in shown(docx_package(body))] == [
        ("heading", "Рівень один"), ("heading", "Власний стиль"), ("heading", "Лише назва"),
        ("heading", "Назва документа"), ("heading", "Рівень з абзацу"),
        ("paragraph", "Основний текст"), ("caption", "Підпис до фото")]


def test_list_items_by_numbering_direct_or_through_the_style() -> None:
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'
    body = (para(run("Перший пункт."), ppr=numbered) + para(run("Маркер зі стилю."), style="a8")
            + para(run("Нумерацію знято."), style="a8", ppr='<w:numPr><w:numId w:val="0"/></w:numPr>'))
    assert [kind for kind, _, _ in shown(docx_package(body))] == ["list-item", "list-item", "paragraph"]


def test_tables_are_read_cell_by_cell_and_deleted_rows_are_left_out() -> None:
    cell = '<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{}</w:tc>'
    nested = '<w:tbl><w:tr>' + cell.format(para(run("Вкладена."))) + "</w:tr></w:tbl>"
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="a3"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>'
        "<w:tr>" + cell.format(para(run("Перша клітинка. Два речення."))) + cell.format(
            para(run("Заголовок у клітинці"), style="1") + para(run("Другий абзац клітинки.")) + nested)
        + '</w:tr><w:tr><w:trPr><w:del w:id="9" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:trPr>'
        + cell.format(para(run("Видалений рядок."))) + "</w:tr>"
        + '<w:sdt><w:sdtPr><w:id w:val="5"/></w:sdtPr><w:sdtContent><w:tr>'
        + cell.format(para(run("Рядок у полі вмісту."))) + "</w:tr></w:sdtContent></w:sdt></w:tbl>")
    assert shown(docx_package(para(run("Перед.")) + table + para(run("Після.")))) == [
        ("paragraph", 1, ["Перед."]),
        ("table-cell", 2, ["Перша клітинка.", "Два речення."]),
        ("heading", 3, ["Заголовок у клітинці"]),
        ("table-cell", 4, ["Другий абзац клітинки."]),
        ("table-cell", 5, ["Вкладена."]),
        ("table-cell", 6, ["Рядок у полі вмісту."]),  # the deleted row's paragraph is not counted
        ("paragraph", 7, ["Після."]),
    ]


def test_tracked_changes_are_read_as_accepted() -> None:
    change = 'w:id="{}" w:author="Редактор" w:date="2024-05-01T10:00:00Z"'
    body = (
        para(run("Було "), f'<w:del {change.format(1)}><w:r><w:delText>старе </w:delText></w:r></w:del>',
             f'<w:ins {change.format(2)}>' + run("нове ") + "</w:ins>", run("слово."))
        + para(f'<w:moveFrom {change.format(3)}>' + run("Переміщене. ") + "</w:moveFrom>", run("Тут."))
        + para(run("Перший абзац без "), ppr=f'<w:rPr><w:del {change.format(4)}/></w:rPr>')
        + para(run("кінця."))
        + para(f'<w:moveTo {change.format(5)}>' + run("Переміщене.") + "</w:moveTo>")
        + para(run("Колись жирне", f'<w:rPrChange {change.format(6)}><w:rPr><w:b/></w:rPr></w:rPrChange>'))
    )
    assert shown(docx_package(body)) == [
        ("paragraph", 1, ["Було нове слово."]),
        ("paragraph", 2, ["Тут."]),
        ("paragraph", 3, ["Перший абзац без кінця."]),  # its mark deleted: one paragraph
        ("paragraph", 4, ["Переміщене."]),
        ("paragraph", 5, ["Колись жирне"]),
    ]


@pytest.mark.parametrize("kind", ["drop", "margin"])
def test_a_drop_cap_is_read_as_part_of_the_word_it_begins(kind: str) -> None:
    """Word keeps a drop cap as a frame paragraph of its own holding the first letter."""
    frame = (f'<w:framePr w:dropCap="{kind}" w:lines="3" w:wrap="around" w:vAnchor="text" w:hAnchor="text"/>'
             '<w:spacing w:after="0" w:line="1090" w:lineRule="exact"/><w:rPr><w:sz w:val="145"/></w:rPr>')
    body = (para(run("Розмова з послом"), style="1")
            + para(run("В", '<w:position w:val="-11"/><w:sz w:val="145"/>'), ppr=frame)
            + para(run("ін жив у Києві. Друге речення."))
            + para(run("Наступний абзац.")) + para(run("О", "<w:b/>"), ppr=frame))
    assert shown(docx_package(body)) == [
        ("heading", 1, ["Розмова з послом"]),
        ("paragraph", 2, ["Він жив у Києві.", "Друге речення."]),
        ("paragraph", 3, ["Наступний абзац."]),
        ("paragraph", 4, ["<b>О</b>"]),  # a drop cap with nothing after it stays itself
    ]


def test_footnotes_and_endnotes_are_blocks_after_the_body_with_a_code_at_the_reference() -> None:
    body = (para(run("Текст"), '<w:r><w:rPr><w:rStyle w:val="ae"/></w:rPr><w:footnoteReference w:id="2"/></w:r>',
                 run(" і ще"), '<w:r><w:rPr><w:rStyle w:val="ae"/></w:rPr><w:endnoteReference w:id="1"/></w:r>',
                 run(". Далі"), '<w:r><w:rPr><w:rStyle w:val="ae"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
                 run("."))
            + para(run("Другий абзац.")))
    data = docx_package(body, footnotes={"1": run("Друга виноска."), "2": run("Перша виноска. Два речення."),
                                         "3": run("Виноска без посилання.")},
                        endnotes={"1": run("Кінцева примітка.")})
    assert shown(data) == [
        ("paragraph", 1, ["Текст[^1] і ще[^e1].", "Далі[^2]."]),
        ("paragraph", 2, ["Другий абзац."]),
        ("footnote", 3, ["Перша виноска.", "Два речення."]),
        ("footnote", 4, ["Друга виноска."]),
        ("footnote", 5, ["Кінцева примітка."]),
    ]
    reference = segments(data)[0].codes[0]
    assert (reference.kind, reference.type) == (CodeKind.STANDALONE, "x-footnote")


FIELD = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
         ' {} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}'
         '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def test_fields_show_their_result_except_page_numbers_and_tables_of_contents() -> None:
    toc_begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
                 ' TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    body = (
        para(toc_begin, run("Вступ"), run("\t"), FIELD.format("PAGEREF _Toc1 \\h", run("3")), style="11")
        + para(run("Розділ два"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>', style="11")
        + para(run("Сторінка "), FIELD.format("PAGE", run("7")), run(" з "),
               '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple>', run("."))
        + para(run("Див. "), FIELD.format('HYPERLINK "https://mfa.gov.ua/" \\t "_blank"', run("сайт МЗС")),
               run(" і "), FIELD.format("REF _Ref2 \\h", run("таблицю 2")), run(", "),
               '<w:fldSimple w:instr=" DATE \\@ &quot;dd.MM.yyyy&quot; "><w:r><w:t>01.05.2024</w:t></w:r></w:fldSimple>',
               run("."))
        + para(FIELD.format('IF 1 = 1 "' + FIELD.format("PAGE", run("9")) + '" ""', run("так")), run(" вкладене."))
    )
    assert shown(docx_package(body)) == [
        ("paragraph", 3, ["Сторінка з ."]),
        ("paragraph", 4, ['Див. <a href="https://mfa.gov.ua/">сайт МЗС</a> і таблицю 2, 01.05.2024.']),
        ("paragraph", 5, ["так вкладене."]),
    ]


BEGIN = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
CODE = '<w:r><w:instrText xml:space="preserve"> {} </w:instrText></w:r>'
SEPARATE = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'


@pytest.mark.parametrize(("where", "body"), [
    ("paragraph 2", para(run("Вступ.")) + para(run("Перед полем "), BEGIN, CODE.format("MERGEFIELD Name"),
                                             run("після.")) + para(run("Решта документа."))),
    ("paragraph 1", para(run("Зміст "), BEGIN, CODE.format('TOC \\o "1-3"'), SEPARATE, run("Вступ"))
     + para(run("Решта документа."))),
    ("paragraph 2", para(run("Текст"), '<w:r><w:footnoteReference w:id="2"/></w:r>', run("."))),  # the note
])
def test_a_field_that_never_ends_is_refused_rather_than_hiding_the_rest(where: str, body: str) -> None:
    notes = {"2": run("Примітка ") + BEGIN + CODE.format("PAGE"), "3": run("Інша.")}
    with pytest.raises(InputError) as caught:
        read_document(docx_package(body, footnotes=notes), lang="uk", name="doc.docx")
    assert str(caught.value) == (f"doc.docx: a field (w:fldChar) begun in {where} never ends, so the "
                                 "text after it cannot be told from the field's code; open the file in "
                                 "Word, remove or repair that field, save it, and try again")


def test_a_table_of_contents_content_control_is_left_out_and_other_controls_are_read() -> None:
    body = (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
        "</w:docPartObj></w:sdtPr><w:sdtContent>" + para(run("Зміст")) + para(run("Вступ 3"), style="11")
        + "</w:sdtContent></w:sdt>"
        + '<w:sdt><w:sdtPr><w:alias w:val="Автор"/><w:id w:val="7"/></w:sdtPr><w:sdtContent>'
        + para(run("Блок у полі.")) + "</w:sdtContent></w:sdt>"
        + para(run("Автор: "), '<w:sdt><w:sdtPr><w:id w:val="8"/><w:text/></w:sdtPr><w:sdtContent>'
               + run("Тарас") + "</w:sdtContent></w:sdt>", run(". Дата: "),
               '<w:sdt><w:sdtPr><w:showingPlcHdr/><w:date/></w:sdtPr><w:sdtContent>'
               + run("Клацніть, щоб ввести дату.") + "</w:sdtContent></w:sdt>", run("-"))
    )
    assert shown(docx_package(body)) == [
        ("paragraph", 3, ["Блок у полі."]), ("paragraph", 4, ["Автор: Тарас.", "Дата: -"])]


def test_hidden_text_comments_and_smart_tags() -> None:
    body = para(
        run("Видно"), run(" приховано", "<w:vanish/>"), run(" стилем", '<w:rStyle w:val="af"/>'),
        run(" теж", "<w:specVanish/>"),
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
        '<w:smartTagPr><w:attr w:name="x" w:val="y"/></w:smartTagPr>' + run(" Київ") + "</w:smartTag>",
        '<w:customXml w:element="city">' + run(" і Львів") + "</w:customXml>",
        '<w:commentRangeStart w:id="0"/>', run("."), '<w:commentRangeEnd w:id="0"/>',
        '<w:r><w:commentReference w:id="0"/></w:r>',
    )
    assert shown(docx_package(body, comments="Коментар редактора")) == [
        ("paragraph", 1, ["Видно Київ і Львів."])]


TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0">'
    '<wp:docPr id="1" name="Напис 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/'
    'office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>{}</w:txbxContent>'
    "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    '<mc:Fallback><w:pict><v:shape id="Text Box 1"><v:textbox><w:txbxContent>{}</w:txbxContent>'
    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


SYMEX = ('<w:r><mc:AlternateContent xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex">'
         '<mc:Choice Requires="w16se"><w16se:symEx w16se:font="{font}" w16se:char="{code}"/></mc:Choice>'
         "<mc:Fallback><w:t>{char}</w:t></mc:Fallback></mc:AlternateContent></w:r>")


def test_a_choice_the_reader_does_not_understand_gives_way_to_the_fallback() -> None:
    """Word 2016 writes an emoji (or a circled number) as `w16se:symEx` in a choice, the
    character as text in the fallback; a chart of Office 2016 has a choice and no fallback."""
    chart = ('<w:r><mc:AlternateContent xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex">'
             '<mc:Choice Requires="cx1"><w:t>ДАНІ ДІАГРАМИ</w:t></mc:Choice></mc:AlternateContent></w:r>')
    second = ('<w:r><mc:AlternateContent xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex">'
              '<mc:Choice Requires="cx1"><w:t>НОВЕ</w:t></mc:Choice><mc:Choice Requires="w14"><w:t>друге</w:t>'
              "</mc:Choice><mc:Fallback><w:t>ЗАПАСНЕ</w:t></mc:Fallback></mc:AlternateContent></w:r>")
    body = (para(run("Привіт "), SYMEX.format(font="Segoe UI Emoji", code="1F600", char="😀"), run(" світ."))
            + para(SYMEX.format(font="MS Gothic", code="2460", char="①"), run(" Перший пункт."))
            + para(run("До "), chart, run("діаграми і "), second, run(" вибір.")))
    assert shown(docx_package(body)) == [
        ("paragraph", 1, ["Привіт 😀 світ."]), ("paragraph", 2, ["① Перший пункт."]),
        ("paragraph", 3, ["До діаграми і друге вибір."])]


def test_text_boxes_are_read_once_after_the_paragraph_that_anchors_them() -> None:
    box = para(run("Текст у написі."))
    body = para(run("Абзац із "), TEXT_BOX.format(box, box), run("написом.")) + para(run("Далі."))
    assert shown(docx_package(body)) == [
        ("paragraph", 1, ["Абзац із написом."]), ("paragraph", 2, ["Текст у написі."]),
        ("paragraph", 3, ["Далі."])]


def test_pictures_equations_and_symbols_are_standalone_codes() -> None:
    body = para(run("Фото "), '<w:r><w:drawing><wp:inline><wp:docPr id="2" name="Рисунок 2"/>'
                              "</wp:inline></w:drawing></w:r>",
                run(" і формула "), "<m:oMath><m:r><m:t>x</m:t></m:r></m:oMath>",
                run(" та "), '<w:r><w:sym w:font="Wingdings" w:char="F0E0"/></w:r>', run("."))
    assert shown(docx_package(body)) == [("paragraph", 1, [
        'Фото <img> і формула <math> та <sym font="Wingdings" char="F0E0">.'])]


def test_hyphens_tabs_and_breaks() -> None:
    body = para(run("Пліч"), "<w:r><w:noBreakHyphen/><w:t>о</w:t><w:noBreakHyphen/><w:t>пліч</w:t></w:r>",
                run(" над"), "<w:r><w:softHyphen/></w:r>", run("звичайно"),
                "<w:r><w:tab/><w:t>табуляція</w:t><w:br/><w:t>новий рядок</w:t>"
                '<w:br w:type="page"/><w:t>нова сторінка</w:t><w:cr/><w:t>кінець</w:t></w:r>')
    assert shown(docx_package(body)) == [("paragraph", 1, [
        "Пліч\u2011о\u2011пліч надзвичайно табуляція", "новий рядок", "нова сторінка", "кінець"])]


def test_hyperlinks_are_link_codes_without_the_hyperlink_styles_underline() -> None:
    body = para(run("Сайт "), '<w:hyperlink r:id="rId9" w:history="1">'
                + run("посольства", '<w:rStyle w:val="ad"/>') + run(" Казахстану", '<w:rStyle w:val="ad"/>')
                + "</w:hyperlink>", run(" і "), '<w:hyperlink w:anchor="_Toc5">' + run("розділ")
                + "</w:hyperlink>", run("."))
    data = docx_package(body, hyperlinks={"rId9": "https://www.gov.kz/memleket/entities/mfa-kiev?lang=uk&amp;x=1"})
    assert shown(data) == [("paragraph", 1, [
        ('Сайт <a href="https://www.gov.kz/memleket/entities/mfa-kiev?lang=uk&amp;x=1">посольства '
        'Казахстану</a> і <a href="#_Toc5">розділ</a>.')])]
    assert [c.type for c in segments(data)[0].codes] == ["link"] * 4


def test_paragraphs_are_numbered_counting_empty_ones() -> None:
    body = para(run("Один.")) + para() + para(run("   ")) + para(run("Чотири."))
    assert shown(docx_package(body)) == [("paragraph", 1, ["Один."]), ("paragraph", 4, ["Чотири."])]


@pytest.mark.parametrize("markup", ["plain", "codes"])
def test_a_document_without_styles_part_is_read(markup: str) -> None:
    data = docx_package(para(run("Просто текст", "<w:b/>")), styles=None)
    blocks = read_document(data, lang="uk", name="doc.docx", markup=markup)
    assert [s.text for b in blocks for s in b.segments] == ["Просто текст"]


WORD_FORMS = {"b": ("<w:b/>", '<w:b w:val="1"/>', '<w:rStyle w:val="ac"/>'), "i": ("<w:i/>", '<w:i w:val="true"/>'),
              "u": ('<w:u w:val="single"/>', '<w:u w:val="double"/>'), "sup": ('<w:vertAlign w:val="superscript"/>',)}
MARKS = ("", '<w:proofErr w:type="spellStart"/>', '<w:bookmarkStart w:id="1" w:name="b"/><w:bookmarkEnd w:id="1"/>',
         '<w:commentRangeStart w:id="2"/>', "<w:r><w:lastRenderedPageBreak/></w:r>", '<w:permEnd w:id="3"/>')
stretches = st.lists(st.tuples(st.text(alphabet="аб кї.,1", min_size=1, max_size=12),
                               st.frozensets(st.sampled_from(sorted(WORD_FORMS)), max_size=3)), min_size=1, max_size=8)


def word_runs(parts: list[tuple[str, frozenset[str]]], choose: st.DataObject | None) -> str:
    runs = []
    for text, flags in parts:
        cuts = sorted(choose.draw(st.sets(st.integers(1, len(text) - 1), max_size=3))) if choose and len(text) > 1 else []
        for start, end in zip([0, *cuts], [*cuts, len(text)]):
            forms = "".join(choose.draw(st.sampled_from(WORD_FORMS[f])) if choose else WORD_FORMS[f][0]
                            for f in sorted(flags))
            extra = choose.draw(st.sampled_from(("", '<w:lang w:val="ru-RU"/>', "<w:noProof/>"))) if choose else ""
            runs.append(run(text[start:end], forms + extra, rsid=f"00{len(runs):06X}"))
            if choose:
                runs.append(choose.draw(st.sampled_from(MARKS)))
    return para(*runs)


@settings(max_examples=80, deadline=None)
@given(parts=stretches, data=st.data())
def test_any_split_of_runs_gives_the_segments_of_the_unsplit_paragraph(
        parts: list[tuple[str, frozenset[str]]], data: st.DataObject) -> None:
    assert segments(docx_package(word_runs(parts, data))) == segments(docx_package(word_runs(parts, None)))


def test_a_content_control_still_showing_its_placeholder_is_left_out() -> None:
    body = ('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
            + para(run("Клацніть тут, щоб ввести текст.")) + "</w:sdtContent></w:sdt>" + para(run("Текст.")))
    assert shown(docx_package(body)) == [("paragraph", 2, ["Текст."])]


def test_a_note_referenced_twice_is_read_once_and_keeps_its_number() -> None:
    ref = '<w:r><w:footnoteReference w:id="{}"/></w:r>'
    body = para(run("Один"), ref.format(5), run(", два"), ref.format(6), run(", знову"), ref.format(5), run("."))
    assert shown(docx_package(body, footnotes={"5": run("П’ята."), "6": run("Шоста.")})) == [
        ("paragraph", 1, ["Один[^1], два[^2], знову[^1]."]),
        ("footnote", 2, ["П’ята."]), ("footnote", 3, ["Шоста."])]
