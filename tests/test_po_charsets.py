"""Catalogues in the 8-bit charset their header names are read as msgfmt reads them.

Older Ukrainian catalogues (and some still shipped) are KOI8-U, CP1251 or ISO-8859-5 with a
header that says so; `convert`, `tm import` and `lint` refused them as "not UTF-8" although
`pretranslate` (through polib) and msgfmt read them.
"""
from __future__ import annotations

from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from tmtool.cli import cli
from tmtool.formats.po import read_po

CATALOGUE = '''# Ukrainian translation of demo.
msgid ""
msgstr ""
"Project-Id-Version: demo 1.0\\n"
"Language: uk\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset={charset}\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

#: src/main.c:10
#, c-format
msgid "Open file %s"
msgstr "Відкрити файл «%s»"

#: src/main.c:22
msgid "one file"
msgid_plural "%d files"
msgstr[0] "%d файл"
msgstr[1] "%d файли"
msgstr[2] "%d файлів"

msgctxt "menu"
msgid "Exit"
msgstr "Вийти з програми"
'''


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _write(path: Path, charset: str, encoding: str) -> Path:
    text = CATALOGUE.format(charset=charset)
    if encoding in ("koi8-u", "iso-8859-5"):   # no guillemets there: ASCII quotes instead
        text = text.replace("«", '\\"').replace("»", '\\"')
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(("charset", "encoding"), [
    ("KOI8-U", "koi8-u"), ("CP1251", "cp1251"), ("windows-1251", "cp1251"),
    ("ISO-8859-5", "iso-8859-5"),
])
def test_a_catalogue_in_its_declared_8bit_charset_is_read(tmp_path: Path, charset: str,
                                                           encoding: str) -> None:
    source = _write(tmp_path / "uk.po", charset, encoding)
    expected = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
                for e in polib.pofile(str(source)) if e.msgid}
    assert len(expected) == 3
    result = run("convert", str(source), "-o", str(tmp_path / "uk.tmx"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "po -> tmx: wrote 5 units from 3 messages\n"
    assert run("convert", str(tmp_path / "uk.tmx"), "-o", str(tmp_path / "back.po"),
               "-q").exit_code == 0
    back = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
            for e in polib.pofile(str(tmp_path / "back.po")) if e.msgid}
    assert back == expected
    units = list(read_po(str(source)))
    assert units[0].variants[1].segment.text.startswith("Відкрити файл")


def test_memory_import_reads_a_koi8u_catalogue(tmp_path: Path) -> None:
    source = _write(tmp_path / "uk.po", "KOI8-U", "koi8-u")
    database = str(tmp_path / "m.db")
    result = run("tm", "import", str(source), "--db", database)
    assert result.exit_code == 0, result.stderr
    found = run("tm", "lookup", "Open file %s", "--db", database, "--from", "en", "--to", "uk")
    assert found.exit_code == 0
    assert found.stdout == '100%  Open file %s\n  ->  Відкрити файл "%s"\n'


def test_a_byte_the_declared_charset_lacks_is_an_error_with_its_line(tmp_path: Path) -> None:
    source = _write(tmp_path / "uk.po", "CP1251", "cp1251")
    data = source.read_bytes().replace("Вийти".encode("cp1251"), b"\x98")
    source.write_bytes(data)
    result = run("convert", str(source), "-o", str(tmp_path / "uk.tmx"))
    assert result.exit_code == 2
    assert result.stderr == (f"tmtool: error: {source}:25: byte 0x98 is not CP1251 text, the "
                             "charset the header names\n")
    assert not (tmp_path / "uk.tmx").exists()


def test_utf8_content_under_a_wrong_8bit_header_is_read_as_utf8(tmp_path: Path) -> None:
    source = _write(tmp_path / "uk.po", "ISO-8859-1", "utf-8")
    units = list(read_po(str(source)))
    assert units[0].variants[1].segment.text == "Відкрити файл «%s»"


def test_8bit_content_under_a_utf8_header_is_still_refused(tmp_path: Path) -> None:
    source = _write(tmp_path / "uk.po", "UTF-8", "cp1251")
    result = run("convert", str(source), "-o", str(tmp_path / "uk.tmx"))
    assert result.exit_code == 2
    assert result.stderr == (f"tmtool: error: {source}:14: not UTF-8 text (byte 0xe4); save the "
                             "file as UTF-8\n")
