"""Spreadsheet-style memories, one unit a row: tmtool's TSV dialect and CSV.

TSV (what `align --format tsv` writes and `convert` reads and writes): one row a line, cells
separated by tabs, no quoting; a tab, line feed, carriage return or backslash inside a cell
is written `\\t`, `\\n`, `\\r`, `\\\\`, so a line never becomes part of another and a quote
is just a character. Reading, a backslash before any other character stays as it is, so
older files with literal backslashes (`C:\\Users`, `\\d+`) read unchanged; only a literal
`\\n`, `\\t`, `\\r` or `\\\\` in such a file reads as the escape. CSV keeps RFC 4180 quoting
(Python's `excel` dialect), so a cell may hold commas, quotes and line breaks.

In both, an optional first row names the columns: the source and target locales, then any
extra columns (`uk-UA<TAB>en-GB<TAB>score`). A `score` column (the aligner's) becomes the
`x-tmtool-score` prop that `tmx filter --min-score` reads; any other named column becomes an
`x-column-NAME` prop; an extra column nobody named is an error, never a guess.
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from tmtool.errors import ConfigError, InputError, OutputError
from tmtool.fileio import read_source_text
from tmtool.formats.readcheck import check_chars
from tmtool.locales import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG, canonical_locale
from tmtool.model import Prop, Segment, TranslationUnit, Variant

FORMATS = ("tsv", "csv")
SCORE_COLUMN = "score"
SCORE_PROP = "x-tmtool-score"
COLUMN_PROP = "x-column-"

_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_TO_ESCAPE = re.compile(r"[\\\t\n\r]")
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)

Row = tuple[int, list[str]]  # (line where the row starts, cells)
RowWriter = Callable[[list[str]], None]


def escape_tsv_cell(text: str) -> str:
    """A cell's text as one TSV field: backslash, tab, LF and CR escaped."""
    return _TO_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)


def unescape_tsv_cell(field: str) -> str:
    """The text of one TSV field; a backslash before another character stays as it is."""
    if "\\" not in field:
        return field
    return _ESCAPED.sub(lambda m: _UNESCAPES.get(m.group(1), m.group()), field)


def tsv_line(cells: Iterable[str]) -> str:
    """One TSV row, escaped, ended by LF."""
    return "\t".join(escape_tsv_cell(cell) for cell in cells) + "\n"


def _tsv_rows(text: str) -> Iterator[Row]:
    # Split on LF only: str.splitlines would also break at U+2028, U+0085 and form feeds,
    # which may sit inside a segment. A CR before the LF is the line end of a Windows file.
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, [unescape_tsv_cell(field) for field in line.removesuffix("\r").split("\t")]


def _csv_rows(text: str, label: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel", strict=True)
    line = 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(label, reader.line_num or line, f"CSV syntax error: {exc}") from None


def _header_locale(cell: str) -> str | None:
    try:
        return canonical_locale(cell.strip().replace("_", "-"))
    except ConfigError:
        return None


@dataclass(frozen=True)
class _Columns:
    """What the rows hold: the two languages and the names of the extra columns."""

    src_lang: str
    tgt_lang: str
    extras: tuple[str, ...] = ()

    def describe(self) -> str:
        return ", ".join((self.src_lang, self.tgt_lang, *self.extras))


def _header(cells: list[str], label: str, line: int) -> _Columns | None:
    """The columns a first row names, or None when it is not a header (a data row)."""
    if len(cells) < 2:
        return None
    src_lang, tgt_lang = _header_locale(cells[0]), _header_locale(cells[1])
    if not (src_lang and tgt_lang):
        return None
    extras = tuple(cell.strip() for cell in cells[2:])
    for number, extra in enumerate(extras, start=3):
        if not extra:
            raise InputError(label, line, f"column {number} of the header has no name; name "
                                          "every extra column (e.g. score)")
        if _header_locale(extra):
            raise InputError(label, line, f"column {number} of the header is the locale "
                                          f"{extra}; a file holds two languages, source and target")
    if len(set(extras)) != len(extras):
        raise InputError(label, line, "the header names an extra column twice")
    return _Columns(src_lang, tgt_lang, extras)


def _extra_props(columns: _Columns, cells: Sequence[str], label: str, line: int) -> list[Prop]:
    props = []
    for name, value in zip(columns.extras, cells[2:]):
        if not value.strip():
            continue
        if name.lower() == SCORE_COLUMN:
            try:
                score = float(value)
            except ValueError:
                score = math.nan
            if not 0.0 <= score <= 1.0:
                raise InputError(label, line, f"score {value!r} is not a number from 0 to 1")
            props.append(Prop(SCORE_PROP, value.strip()))
        else:
            props.append(Prop(COLUMN_PROP + name, value))
    return props


def _units(rows: Iterable[Row], label: str, columns: _Columns) -> Iterator[TranslationUnit]:
    first = True
    index = 0
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if first:
            first = False
            named = _header(cells, label, line)
            if named is not None:
                columns = named
                continue
        expected = 2 + len(columns.extras)
        if len(cells) != expected:
            hint = ("; name every extra column in a first row (e.g. "
                    f"{columns.src_lang}<TAB>{columns.tgt_lang}<TAB>score)"
                    if len(cells) > expected else "")
            raise InputError(label, line, f"expected {expected} columns ({columns.describe()}), "
                                          f"found {len(cells)}{hint}")
        index += 1
        yield TranslationUnit(
            variants=(Variant(columns.src_lang, Segment.from_text(cells[0]), line=line),
                      Variant(columns.tgt_lang, Segment.from_text(cells[1]), line=line)),
            tuid=str(index), props=tuple(_extra_props(columns, cells, label, line)),
            src_lang=columns.src_lang, line=line,
        )


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown tabular format {fmt!r}; choose tsv or csv")


def read_tabular(
    source: IO[bytes] | str | os.PathLike[str],
    *,
    name: str | None = None,
    fmt: str = "tsv",
    src_lang: str = DEFAULT_SRC_LANG,
    tgt_lang: str = DEFAULT_TGT_LANG,
) -> Iterator[TranslationUnit]:
    """Units of a TSV/CSV file; a header row's locales win over `src_lang`/`tgt_lang`.
    Blank rows are skipped; any other row without exactly the named columns is an error
    naming its line."""
    _check_format(fmt)
    label, text = read_source_text(source, name=name)
    check_chars(text, name=label, line=1)
    rows = _tsv_rows(text) if fmt == "tsv" else _csv_rows(text, label)
    yield from _units(rows, label, _Columns(src_lang, tgt_lang))


def write_tabular(
    units: Iterable[TranslationUnit],
    stream: IO[bytes],
    *,
    src_lang: str,
    tgt_lang: str,
    fmt: str = "tsv",
    header: bool = True,
) -> int:
    """Write units as two columns, source and target (UTF-8, LF line ends), after a header
    row naming the locales; returns the rows written. A unit lacking either language is an
    error: silently dropping it would lose a unit."""
    _check_format(fmt)
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    write_row = _tsv_writer(text) if fmt == "tsv" else _csv_writer(text)
    if header:
        write_row([src_lang, tgt_lang])
    written = 0
    try:
        for unit in units:
            source, target = unit.variant(src_lang), unit.variant(tgt_lang)
            if source is None or target is None:
                raise OutputError(
                    f"unit {unit.tuid or written + 1} has no {src_lang if source is None else tgt_lang} "
                    "text; choose --src-lang/--tgt-lang among its languages")
            write_row([source.segment.native_text(), target.segment.native_text()])
            written += 1
        text.flush()
    finally:
        text.detach()
    return written


def _tsv_writer(text: IO[str]) -> RowWriter:
    def write_row(cells: list[str]) -> None:
        text.write(tsv_line(cells))

    return write_row


def _csv_writer(text: IO[str]) -> RowWriter:
    writer = csv.writer(text, dialect="excel", lineterminator="\n")
    # csv quotes a cell holding the line terminator but not a lone CR, which a reader
    # then takes for a line end; such rows are written fully quoted.
    quoting_writer = csv.writer(text, dialect="excel", lineterminator="\n", quoting=csv.QUOTE_ALL)

    def write_row(cells: list[str]) -> None:
        (quoting_writer if any("\r" in cell for cell in cells) else writer).writerow(cells)

    return write_row

