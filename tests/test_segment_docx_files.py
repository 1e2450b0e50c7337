"""Word files as other programs leave them: a Word 365 document with every quirk at once, a
file written by python-docx on its Word-made template, Strict Open XML, embedded documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.office_files import docx_package, para, run
from tests.test_segment_docx import UNSPLIT, shown
from tmtool.segment import read_document

DATA = Path(__file__).parent / "data" / "office"


def test_a_document_as_word_365_leaves_it() -> None:
    """Every quirk at once: w14/w16 ids under mc:Ignorable, a table-of-contents control,
    bookmarks, smart tags, spelling marks, a tracked insertion and deletion inside a
    comment's range, a data-bound content control, custom XML, hidden text, a text box
    with its VML fallback, a footnote, and page headers and footers with page fields."""
    from tests.office_files import HEADER, W_DECLARATIONS

    document = (DATA / "word365.document.xml").read_text(encoding="utf-8")
    page_part = (f"{HEADER}<w:{{0}} {W_DECLARATIONS}><w:p><w:r><w:t xml:space=\"preserve\">Посольство, с. </w:t>"
                 '</w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p></w:{0}>')
    data = docx_package(
        "", document=document, comments="Перевірити назву міста",
        footnotes={"1": run("Нині — Кам’янське Дніпропетровської області.")},
        related={"rIdHeader": ("header", page_part.format("hdr")), "rIdFooter": ("footer", page_part.format("ftr"))},
    )
    assert shown(data) == [
        ("heading", 4, ["Стратегічне партнерство"]),
        ("paragraph", 5, [("Наш перший Президент <b>Нурсултан Назарбаєв</b> навчався в Дніпродзержинську "
                          "(тепер — Кам’янське).[^1]"), "Таких прикладів чимало."]),
        ("paragraph", 6, ["Посол: Толежан Барлибаєв, 2024 рік."]),
        ("paragraph", 7, ["Сьогодні в Казахстані живе близько 400 тисяч етнічних українців."]),
        ("paragraph", 8, ["Казахстан визнав незалежність України 23 грудня 1991 року."]),
        ("footnote", 10, ["Нині — Кам’янське Дніпропетровської області."]),
    ]


def test_a_file_written_by_python_docx_on_its_word_made_template(tmp_path: Path) -> None:
    """python-docx writes onto a template saved by Word (its styles.xml: "heading 1" with an
    outline level and bold, "List Bullet" with numbering, Word's rsids and namespaces)."""
    import docx  # python-docx, in the test extras

    document = docx.Document()
    document.add_heading("Казахстан — Україна", level=1)
    paragraph = document.add_paragraph("Посол ")
    paragraph.add_run("Толежан Барлибаєв").bold = True
    paragraph.add_run(" прибув до ")
    paragraph.add_run("Києва").italic = True
    paragraph.add_run(". Візит тривав два дні.")
    document.add_paragraph("Перший пункт.", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Рік", "1991"
    document.add_page_break()
    document.add_paragraph("Кінець.")
    path = tmp_path / "made.docx"
    document.save(str(path))
    assert shown(path.read_bytes()) == [
        ("heading", 1, ["Казахстан — Україна"]),
        ("paragraph", 2, ["Посол <b>Толежан Барлибаєв</b> прибув до <i>Києва</i>.", "Візит тривав два дні."]),
        ("list-item", 3, ["Перший пункт."]),
        ("table-cell", 4, ["Рік"]), ("table-cell", 5, ["1991"]),
        ("paragraph", 7, ["Кінець."]),  # paragraph 6 holds the page break alone
    ]


def test_strict_open_xml_reads_like_transitional() -> None:
    import io
    import zipfile

    from tests.office_files import zip_parts

    transitional = docx_package(UNSPLIT + para(run("Заголовок"), style="1"),
                                footnotes={"1": run("Виноска.")}, hyperlinks={"rId9": "https://x.ua/"})
    strict_names = {b"http://schemas.openxmlformats.org/wordprocessingml/2006/main":
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
                    b"http://purl.oclc.org/ooxml/officeDocument/relationships"}
    parts = {}
    with zipfile.ZipFile(io.BytesIO(transitional)) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            for old, new in strict_names.items():
                data = data.replace(old, new)
            parts[name] = data
    assert shown(zip_parts(parts)) == shown(transitional)


def test_an_embedded_alt_chunk_document_is_refused_not_dropped() -> None:
    from tmtool.errors import InputError

    with pytest.raises(InputError) as caught:
        read_document(docx_package(para(run("Текст.")) + '<w:altChunk r:id="rId7"/>'), lang="uk", name="gen.docx")
    assert str(caught.value) == ("gen.docx: embeds another document (w:altChunk), which Word merges only when "
                                 "it opens the file; open it in Word, save it, and try again")
