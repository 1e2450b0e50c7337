"""Two-column spreadsheets (TSV and CSV) as translation memories: source, target per row.

A first row whose two cells are both locale codes (`uk-UA<TAB>en-GB`) is a header naming
the languages and wins over the `src_lang`/`tgt_lang` fallbacks. Quoting follows the
spreadsheet convention of Python's csv module (`excel` / `excel-tab`), so a cell may hold a
tab, a comma or a line break; inline codes are written as their native markup.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from typing import IO

from tmtool.errors import ConfigError, InputError, OutputError
from tmtool.fileio import read_source_text
from tmtool.formats.readcheck import check_chars
from tmtool.locales import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG, canonical_locale
from tmtool.model import Segment, TranslationUnit, Variant

DIALECTS = {"tsv": "excel-tab", "csv": "excel"}


def _header_locale(cell: str) -> str | None:
    try:
        return canonical_locale(cell.strip().replace("_", "-"))
    except ConfigError:
        return None


def _dialect(fmt: str) -> str:
    if fmt not in DIALECTS:
        raise ConfigError(f"unknown tabular format {fmt!r}; choose tsv or csv")
    return DIALECTS[fmt]


def read_tabular(
    source: IO[bytes] | str | os.PathLike[str],
    *,
    name: str | None = None,
    fmt: str = "tsv",
    src_lang: str = DEFAULT_SRC_LANG,
    tgt_lang: str = DEFAULT_TGT_LANG,
) -> Iterator[TranslationUnit]:
    """Units of a two-column TSV/CSV file; blank rows are skipped, any other row that does not
    have exactly two cells is an error naming its line."""
    dialect = _dialect(fmt)
    label, text = read_source_text(source, name=name)
    check_chars(text, name=label, line=1)
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect, strict=True)
    line = 1
    first = True
    index = 0
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != 2:
                raise InputError(label, start, f"expected 2 columns (source, target), found {len(row)}")
            if first:
                first = False
                langs = _header_locale(row[0]), _header_locale(row[1])
                if langs[0] and langs[1]:
                    src_lang, tgt_lang = langs[0], langs[1]
                    continue
            index += 1
            yield TranslationUnit(
                variants=(Variant(src_lang, Segment.from_text(row[0]), line=start),
                          Variant(tgt_lang, Segment.from_text(row[1]), line=start)),
                tuid=str(index), src_lang=src_lang, line=start,
            )
    except csv.Error as exc:
        raise InputError(label, reader.line_num or line, f"{fmt.upper()} syntax error: {exc}") from None


def write_tabular(
    units: Iterable[TranslationUnit],
    stream: IO[bytes],
    *,
    src_lang: str,
    tgt_lang: str,
    fmt: str = "tsv",
    header: bool = True,
) -> int:
    """Write units as two columns (UTF-8, LF line ends); returns the rows written. A unit
    lacking either language is an error: silently dropping it would lose a unit."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, dialect=_dialect(fmt), lineterminator="\n")
    # csv quotes a cell holding the line terminator but not a lone CR, which a reader
    # then takes for a line end; such rows are written fully quoted.
    quoting_writer = csv.writer(text, dialect=_dialect(fmt), lineterminator="\n",
                                quoting=csv.QUOTE_ALL)
    if header:
        writer.writerow([src_lang, tgt_lang])
    written = 0
    try:
        for unit in units:
            source, target = unit.variant(src_lang), unit.variant(tgt_lang)
            if source is None or target is None:
                raise OutputError(
                    f"unit {unit.tuid or written + 1} has no {src_lang if source is None else tgt_lang} "
                    "text; choose --src-lang/--tgt-lang among its languages")
            cells = [source.segment.native_text(), target.segment.native_text()]
            (quoting_writer if any("\r" in cell for cell in cells) else writer).writerow(cells)
            written += 1
        text.flush()
    finally:
        text.detach()
    return written
