"""Memory files of any format tmtool reads, as one stream of units for `tm import`, and the
language direction of a gettext catalogue.

A PO file's msgid is its source: in real catalogues it is English and msgstr the
translation, so the msgid language comes from `--src-lang`, else the `X-Source-Language`
header, else English; the msgstr language from `--tgt-lang`, else the `Language` header, else
the file name (`uk.po`, `app.uk_UA.po`, `uk/LC_MESSAGES/app.po`); with none of these the file
is refused rather than guessed.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import PurePath

import polib

from tmtool.errors import ConfigError, InputError
from tmtool.fileio import display_name, open_input
from tmtool.formats.po import read_po
from tmtool.formats.readcheck import file_locale
from tmtool.formats.tabular import read_tabular
from tmtool.formats.tmx import read_tmx
from tmtool.formats.xliff import read_xliff
from tmtool.locales import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG
from tmtool.model import TranslationUnit

MSGID_DEFAULT_LANG = "en"
MEMORY_EXTENSIONS = {
    ".tmx": "tmx", ".po": "po", ".pot": "po", ".xlf": "xliff", ".xliff": "xliff",
    ".sdlxliff": "xliff", ".mqxliff": "xliff", ".tsv": "tsv", ".tab": "tsv", ".csv": "csv",
}
_NAME_LOCALE = re.compile(r"^[a-z]{2}(?:[_-][A-Za-z]{2})?$")


def language_from_file_name(path: str) -> str | None:
    """The locale a catalogue's name gives (`uk.po`, `app.uk_UA.po`, `uk/LC_MESSAGES/x.po`)."""
    pure = PurePath(path)
    stem = pure.stem
    for candidate in (stem, stem.rpartition(".")[2],
                      pure.parent.parent.name if pure.parent.name == "LC_MESSAGES" else ""):
        if candidate and _NAME_LOCALE.match(candidate):
            return file_locale(candidate, name=path, line=None, what="language in the file name")
    return None


def po_languages(metadata: dict[str, str], path: str, src_lang: str | None,
                 tgt_lang: str | None) -> tuple[str, str]:
    """(msgid locale, msgstr locale) of a catalogue; see the module docstring."""
    source = src_lang
    if source is None and metadata.get("X-Source-Language", "").strip():
        source = file_locale(metadata["X-Source-Language"], name=path, line=None,
                             what="header X-Source-Language")
    target = tgt_lang
    if target is None and metadata.get("Language", "").strip():
        target = file_locale(metadata["Language"], name=path, line=None, what="header Language")
    if target is None:
        target = language_from_file_name(path)
    if target is None:
        raise InputError(path, None, "the translation language is unknown: no Language header "
                         "and none in the file name (give --tgt-lang)")
    return source or MSGID_DEFAULT_LANG, target


def po_metadata(path: str) -> dict[str, str]:
    """The header fields of a PO file (polib reads the charset it declares)."""
    try:
        return dict(polib.pofile(path).metadata)
    except (OSError, ValueError) as exc:
        raise InputError(path, None, f"PO syntax error: {str(exc).splitlines()[0]}") from None


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
        source, target = po_languages(po_metadata(path), name, src_lang, tgt_lang)
        yield from read_po(path, name=name, src_lang=source, tgt_lang=target)
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
