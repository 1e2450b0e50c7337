"""Memory files of any format tmtool reads, as one stream of units for `tm import`.

A PO file's languages are told as `formats.po_lang` tells them (msgids English unless said
otherwise, msgstrs in the `Language` header's or the file name's language), never guessed.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import PurePath

from tmtool.errors import ConfigError
from tmtool.fileio import display_name, open_input
from tmtool.formats.po import read_po
from tmtool.formats.tabular import read_tabular
from tmtool.formats.tmx import read_tmx
from tmtool.formats.xliff import read_xliff
from tmtool.locales import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG
from tmtool.model import TranslationUnit

MEMORY_EXTENSIONS = {
    ".tmx": "tmx", ".po": "po", ".pot": "po", ".xlf": "xliff", ".xliff": "xliff",
    ".sdlxliff": "xliff", ".mqxliff": "xliff", ".tsv": "tsv", ".tab": "tsv", ".csv": "csv",
}


def read_memory_file(path: str, *, src_lang: str | None = None,
                     tgt_lang: str | None = None) -> Iterator[TranslationUnit]:
    """The units of a memory file, its format told by the extension; `src_lang`/`tgt_lang`
    name the languages where the file does not (PO, XLIFF, TSV/CSV)."""
    fmt = MEMORY_EXTENSIONS.get(PurePath(path).suffix.lower())
    if fmt is None:
        raise ConfigError(f"{display_name(path)}: cannot import this file type; give a .tmx, "
                          f".po, .xlf/.xliff, .tsv or .csv file")
    if not os.path.isfile(path):
        with open_input(path):  # the one-line "no such file" / "is a directory" error
            pass
    name = display_name(path)
    if fmt == "tmx":
        with open_input(path) as stream:
            yield from read_tmx(stream, name=name)
    elif fmt == "po":
        # fuzzy messages come through to be counted as drafts that the import leaves out
        yield from read_po(path, name=name, src_lang=src_lang, tgt_lang=tgt_lang,
                           include_fuzzy=True)
    elif fmt == "xliff":
        yield from read_xliff(path, name=name, src_lang=src_lang, tgt_lang=tgt_lang)
    else:
        yield from read_tabular(path, name=name, fmt=fmt, src_lang=src_lang or DEFAULT_SRC_LANG,
                                tgt_lang=tgt_lang or DEFAULT_TGT_LANG)


def check_memory_files(paths: list[str], *, src_lang: str | None = None,
                       tgt_lang: str | None = None) -> None:
    """Read every file once, keeping nothing, so that a bad file stops an import before
    anything is written (the reader names the file and line)."""
    for path in paths:
        for _unit in read_memory_file(path, src_lang=src_lang, tgt_lang=tgt_lang):
            pass
