"""Files that are not readable Word or OpenDocument documents: one clear line each, before
anything is parsed (legacy and encrypted files, damaged packages, ZIP bombs)."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest

from tests.office_files import compound_file, docx_package, odt_package, para, run, zip_parts
from tmtool.errors import InputError
from tmtool.segment import read_document
from tmtool.segment.office import read_office_blocks
from tmtool.segment.package import Limits

SAVE_AS = "save it as .docx or .odt (Word or LibreOffice: File > Save As) and try again"
DOCX = docx_package(para(run("Текст документа.")))


def encrypted_docx() -> bytes:
    """A password-protected .docx as Office writes it (ECMA-376 agile encryption in a CFB)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(DOCX)).encrypt("пароль", out)
    return out.getvalue()


def without(data: bytes, part: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return zip_parts({n: archive.read(n) for n in archive.namelist() if n != part})


def replaced(data: bytes, part: str, content: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    return zip_parts({**parts, part: content})


ENCRYPTED_ODT_MANIFEST = (
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="900">'
    '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
    '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/>'
    '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" '
    'manifest:salt="x"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>')

CASES: list[tuple[str, Callable[[], bytes], str]] = [
    ("report.docx", lambda: b"Just some text saved with the wrong name.\n",
     "not a Word or OpenDocument file (not a ZIP package)"),
    ("report.docx", lambda: b"<html><body><p>A web page saved as .docx</p></body></html>",
     "not a Word or OpenDocument file (not a ZIP package)"),
    ("report.docx", lambda: b"", "the file is empty"),
    ("report.fodt", lambda: b'<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
     "not an OpenDocument text document (no office:text body)"),
    ("report.fodt", lambda: b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
     "not a Word or OpenDocument file (neither a ZIP package nor a flat OpenDocument .fodt)"),
    ("report.docx", lambda: DOCX[: len(DOCX) // 2],
     ("damaged ZIP package (File is not a zip file): the file is truncated or is not a "
     "Word/OpenDocument file")),
    ("report.docx", lambda: without(DOCX, "word/document.xml"),
     "not a Word document: the package has no word/document.xml"),
    ("report.docx", encrypted_docx,
     ("is password-protected (an encrypted Office file); open it, remove the password (Word: File > "
     "Info > Protect Document > Encrypt with Password) and save it again")),
    ("report.doc", lambda: compound_file("WordDocument"),
     f"is a legacy binary Word document (.doc), not .docx; {SAVE_AS}"),
    ("report.docx", lambda: compound_file("WordDocument"),  # a .doc renamed .docx
     f"is a legacy binary Word document (.doc), not .docx; {SAVE_AS}"),
    ("report.xls", lambda: compound_file("Workbook"),
     f"is a legacy binary Office file (OLE2), not .docx or .odt; {SAVE_AS}"),
    ("report.rtf", lambda: b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Hello.}",
     f"is an RTF document; {SAVE_AS}"),
    ("report.txt", lambda: b"{\\rtf1\\ansi Hello.}", f"is an RTF document; {SAVE_AS}"),
    ("report.pdf", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
     ("is a PDF, which keeps no reliable paragraphs; export it from its source program, or convert "
     "it, to .docx or .odt and try again")),
    ("report.doc", lambda: b"short",
     f"looks like a legacy binary Word document (.doc), which tmtool does not read; {SAVE_AS}"),
    ("report.docx", lambda: zip_parts({"xl/workbook.xml": b"<workbook/>"}),
     "is an Excel workbook, not a Word document"),
    ("report.odt", lambda: zip_parts({"content.xml": b"<x/>"},
                                     first=("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")),
     "is an OpenDocument spreadsheet, not a text document (.odt)"),
    ("report.odt", lambda: odt_package("<text:p>Таємне.</text:p>", manifest=ENCRYPTED_ODT_MANIFEST),
     ("is password-protected (encrypted OpenDocument); open it, remove the password (LibreOffice: "
     "File > Properties > Security) and save it again")),
    ("report.docx", lambda: replaced(DOCX, "word/document.xml", b'<w:document xmlns:w="urn:w"><w:body>'),
     "report.docx:word/document.xml:1: not well-formed XML: Premature end of data in tag body line 1"),
    ("report.docx", lambda: replaced(DOCX, "word/document.xml",
                                     b'<!DOCTYPE d [<!ENTITY e "x">]><d>&e;</d>'),
     "report.docx:word/document.xml:1: the DOCTYPE declares entities, which tmtool refuses to expand"),
]


@pytest.mark.parametrize(("name", "make", "problem"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_unreadable_files_are_one_line_naming_the_file(name: str, make: Callable[[], bytes],
                                                       problem: str) -> None:
    with pytest.raises(InputError) as caught:
        read_document(make(), lang="uk", name=name)
    message = str(caught.value)
    assert message == (problem if problem.startswith(name) else f"{name}: {problem}")
    assert "\n" not in message


def test_too_many_entries_is_refused_before_anything_is_read() -> None:
    parts = {f"word/media/image{i}.png": b"" for i in range(12)}
    with pytest.raises(InputError) as caught:
        read_office_blocks(zip_parts(parts), name="bomb.docx", limits=Limits(entries=10))
    assert str(caught.value) == "bomb.docx: the package has 12 entries, over tmtool's limit of 10 (a ZIP bomb?)"


def test_a_part_over_the_size_cap_is_refused_and_so_are_all_parts_together() -> None:
    styles_size = len(zipfile.ZipFile(io.BytesIO(DOCX)).read("word/styles.xml"))
    with pytest.raises(InputError) as caught:  # styles.xml is the first part over 1,000 bytes
        read_office_blocks(DOCX, name="bomb.docx", limits=Limits(part_bytes=1_000))
    assert str(caught.value) == (f"bomb.docx: word/styles.xml unpacks to {styles_size:,} bytes, over "
                                 "tmtool's limit of 1,000 bytes for one part (a ZIP bomb?)")
    with pytest.raises(InputError) as caught:
        read_office_blocks(DOCX, name="bomb.docx", limits=Limits(total_bytes=styles_size))
    assert str(caught.value) == (f"bomb.docx: word/styles.xml unpacks to {styles_size:,} bytes, over "
                                 f"tmtool's limit of {styles_size:,} bytes for all the parts it reads "
                                 "(a ZIP bomb?)")


def test_a_part_bigger_than_its_header_says_is_stopped_at_the_cap() -> None:
    from tmtool.segment.package import Package

    package = Package(DOCX, name="liar.docx", limits=Limits(part_bytes=100))
    info = package._infos["word/document.xml"]  # a forged header: far smaller than the data
    info.file_size = 10
    with pytest.raises(InputError) as caught:
        package.read("word/document.xml")
    assert str(caught.value) == ("liar.docx: damaged ZIP package: cannot read word/document.xml "
                                 "(Bad CRC-32 for file 'word/document.xml')")


def test_the_default_caps_read_an_ordinary_document() -> None:
    assert [b.pieces for b in read_office_blocks(DOCX, name="ok.docx")] == [["Текст документа."]]


def test_presegmented_and_literal_reading_refuse_a_word_file() -> None:
    from tmtool.errors import ConfigError

    for options in ({"fmt": "presegmented"}, {"markup": "literal"}):
        with pytest.raises(ConfigError) as caught:
            read_document(DOCX, lang="uk", name="a.docx", **options)  # type: ignore[arg-type]
        assert str(caught.value) == ("a.docx: a Word or OpenDocument file has no lines: "
                                     "--presegmented and literal markup are for text files")


def test_a_word_file_with_a_text_name_is_read_by_its_content() -> None:
    blocks = read_document(DOCX, lang="uk", name="renamed.txt")
    assert [s.text for b in blocks for s in b.segments] == ["Текст документа."]


def test_part_names_are_found_whatever_their_case_or_percent_encoding() -> None:
    """OPC part names are case-insensitive, and relationships write them percent-encoded: a
    package whose entries are spelt otherwise than its relationships is still read."""
    body = para(run("Текст з "), run("виноскою"), '<w:r><w:footnoteReference w:id="2"/></w:r>', run("."))
    data = docx_package(body, footnotes={"2": run("Примітка.")})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    renamed = {"word/document.xml": "Word/Document.XML", "word/footnotes.xml": "word/my notes.xml"}
    parts = {renamed.get(name, name): content for name, content in parts.items()}
    rels = "word/_rels/document.xml.rels"
    parts[rels] = parts[rels].replace(b'Target="footnotes.xml"', b'Target="my%20notes.xml"')
    expected = [s.text for b in read_document(data, lang="uk", name="a.docx") for s in b.segments]
    assert expected == ["Текст з виноскою.", "Примітка."]
    assert [s.text for b in read_document(zip_parts(parts), lang="uk", name="a.docx") for s in b.segments] == expected
