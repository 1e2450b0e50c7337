from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tmtool.errors import InputError, OutputError
from tmtool.fileio import atomic_output, check_output, decode_html, decode_text, read_text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Київ".encode(), "Київ"),
        (codecs.BOM_UTF8 + "Київ".encode(), "Київ"),
        (codecs.BOM_UTF16_LE + "Київ".encode("utf-16-le"), "Київ"),
        (codecs.BOM_UTF16_BE + "Київ".encode("utf-16-be"), "Київ"),
    ],
)
def test_decode_text_accepts_utf8_and_bom_marked_utf16(data: bytes, expected: str) -> None:
    assert decode_text(data, name="x.txt") == expected


def test_decode_text_names_the_line_of_a_bad_byte() -> None:
    with pytest.raises(InputError) as info:
        decode_text(b"one\ntwo\n\xff three\n", name="x.txt")
    assert str(info.value) == "x.txt:3: not UTF-8 text (byte 0xff); save the file as UTF-8"


def test_decode_text_refuses_binary_data() -> None:
    with pytest.raises(InputError, match=r"^x\.bin:2: looks like a binary file"):
        decode_text(b"ok\n\x00\x01\x02", name="x.bin")


def test_read_text_reports_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    with pytest.raises(InputError) as info:
        read_text(missing)
    assert str(info.value) == f"{missing}: no such file"


def test_atomic_output_replaces_the_target_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.tmx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as handle:
        handle.write(b"half")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tmx"]
    with atomic_output(target) as handle:
        handle.write(b"new")
    assert target.read_bytes() == b"new"


def test_atomic_output_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    source = tmp_path / "in.tmx"
    source.write_bytes(b"keep")
    with pytest.raises(OutputError, match="refusing to overwrite an input"), atomic_output(
        tmp_path / "." / "in.tmx", inputs=[source]
    ):
        pass
    assert source.read_bytes() == b"keep"


def test_atomic_output_gives_a_new_file_ordinary_permissions(tmp_path: Path) -> None:
    import os

    target = tmp_path / "new.tmx"
    with atomic_output(target) as handle:
        handle.write(b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_check_output_refuses_a_missing_folder_and_a_directory(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        check_output(tmp_path / "missing" / "out.tmx")
    assert str(caught.value) == (
        f"{tmp_path}/missing/out.tmx: folder {tmp_path}/missing does not exist; create it first"
    )
    with pytest.raises(OutputError, match="is a directory; name an output file"):
        check_output(tmp_path)
    check_output(tmp_path / "out.tmx")
    check_output("-")
    assert list(tmp_path.iterdir()) == []


# An archived Ukrainian news page as a CMS of the 2000s served it.
CP1251_PAGE = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
               "<title>Новини</title></head>\n<body><p>Київ — столиця.</p></body></html>\n")


def test_decode_html_reads_a_page_by_the_charset_it_declares() -> None:
    assert decode_html(CP1251_PAGE.encode("cp1251"), name="a.html") == CP1251_PAGE
    page = CP1251_PAGE.replace('http-equiv="Content-Type" content="text/html; charset=windows-1251"',
                               "charset='koi8-u'").replace("—", "-")  # koi8-u has no dash
    assert decode_html(page.encode("koi8-u"), name="a.html") == page


def test_decode_html_takes_valid_utf8_as_utf8_whatever_the_page_declares() -> None:
    assert decode_html(CP1251_PAGE.encode(), name="a.html") == CP1251_PAGE


def test_decode_html_errors_name_the_charset_and_the_line() -> None:
    with pytest.raises(InputError) as caught:
        decode_html(CP1251_PAGE.replace("windows-1251", "x-unknown").encode("cp1251"), name="a.html")
    assert str(caught.value) == ("a.html: declares charset 'x-unknown', which tmtool does not know; "
                                 "save the page as UTF-8")
    with pytest.raises(InputError) as caught:
        decode_html(CP1251_PAGE.replace("windows-1251", "ascii").encode("cp1251"), name="a.html")
    assert str(caught.value) == "a.html:1: neither UTF-8 nor ascii text as the page declares (byte 0xcd)"
    with pytest.raises(InputError) as caught:  # no declaration: the UTF-8 error as before
        decode_html("<p>Київ</p>".encode("cp1251"), name="a.html")
    assert str(caught.value) == "a.html:1: not UTF-8 text (byte 0xca); save the file as UTF-8"
