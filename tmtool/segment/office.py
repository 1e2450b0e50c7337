"""Word and OpenDocument files -> blocks: the one entry point, which looks at the bytes to
tell a .docx from an .odt (whatever the name says) and refuses what tmtool does not read.

A file is checked before it is parsed: a legacy .doc, an encrypted Office file, an RTF or a
PDF gets one line saying to save it as .docx or .odt; a ZIP package is opened within the
caps of `package.Limits`; an OpenDocument spreadsheet or an Excel workbook is named as such.
"""
from __future__ import annotations

import os

from tmtool import safexml
from tmtool.errors import InputError
from tmtool.segment.inline import RawBlock
from tmtool.segment.package import (
    DEFAULT_LIMITS,
    ODT_MIMETYPES,
    Limits,
    Package,
    is_zip,
    legacy_problem,
)
from tmtool.segment.runs import plain_text

OFFICE_FORMATS = ("docx", "odt")
_OFFICE_NAMESPACE = b"urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_FLAT_ODT_ROOT = "{" + _OFFICE_NAMESPACE.decode() + "}document"


def sniff_format(data: bytes, *, name: str, fmt: str) -> str:
    """The format to read `data` as: `fmt`, or "docx" for any ZIP package (the reader then
    tells Word from OpenDocument by content). A legacy or encrypted file is an InputError."""
    problem = legacy_problem(data, os.path.splitext(name)[1].lower())
    if problem:
        raise InputError(name, None, problem)
    if fmt not in OFFICE_FORMATS and is_zip(data):
        return "docx"
    return fmt


def read_office_blocks(data: bytes, *, name: str, limits: Limits = DEFAULT_LIMITS) -> list[RawBlock]:
    """The blocks of a .docx/.docm/.dotx, an .odt/.ott or a flat .fodt, by content."""
    if not is_zip(data):
        problem = legacy_problem(data, os.path.splitext(name)[1].lower())
        if problem:
            raise InputError(name, None, problem)
        if not data.strip():
            raise InputError(name, None, "the file is empty")
        if _OFFICE_NAMESPACE in data[:4096]:
            return _flat_odt(data, name)
        raise InputError(name, None, "not a Word or OpenDocument file (not a ZIP package)")
    package = Package(data, name=name, limits=limits)
    mimetype = package.read("mimetype").decode("ascii", "replace").strip() if package.has("mimetype") else ""
    if mimetype in ODT_MIMETYPES or (not mimetype and package.has("content.xml")):
        from tmtool.segment.odt import read_odt_blocks

        return read_odt_blocks(package)
    if mimetype.startswith("application/vnd.oasis.opendocument."):
        kind = mimetype.rsplit(".", 1)[-1]
        raise InputError(name, None, f"is an OpenDocument {kind}, not a text document (.odt)")
    from tmtool.segment.docx import read_docx_blocks

    return read_docx_blocks(package)


def _flat_odt(data: bytes, name: str) -> list[RawBlock]:
    from tmtool.segment.odt import read_flat_odt_blocks

    root = safexml.parse(data, name=name).getroot()
    if root.tag != _FLAT_ODT_ROOT:
        raise InputError(name, None, "not a Word or OpenDocument file (neither a ZIP package "
                                     "nor a flat OpenDocument .fodt)")
    return read_flat_odt_blocks(root, name=name)


def read_office_paragraphs(data: bytes, *, name: str) -> list[tuple[int, str]]:
    """(paragraph number, text) of every paragraph with words, hard line breaks read as
    spaces: what lint checks, with paragraph numbers as its line numbers."""
    return [(block.line, plain_text(block.pieces)) for block in read_office_blocks(data, name=name)]
