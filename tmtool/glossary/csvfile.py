"""Glossary CSV files (UTF-8, header row, one concept per row, ` | ` between values) and
`load_glossary`, which reads files and folders of them into one validated `Glossary`.

Only `id, type, uk, en` are required; the other columns of terminology-notes §5 are optional,
so a file with the eight columns of the lint issue always loads. Every problem is an
`InputError` naming the file and the line of the row.
"""
from __future__ import annotations

import csv
import importlib
import importlib.util
import io
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from tmtool.errors import InputError
from tmtool.fileio import display_name, read_text
from tmtool.glossary.model import (
    CASES,
    ORIGINS,
    TYPE_ALIASES,
    TYPES,
    UK_GENDERS,
    UK_INFLECT,
    Glossary,
    GlossaryEntry,
)
from tmtool.lang.tokens import is_mixed_script_word, normalize_apostrophes

REQUIRED = ("id", "type", "uk", "en")
OPTIONAL = (
    "en_allowed", "en_forbidden", "en_historical", "note", "uk_forms", "uk_inflect",
    "uk_gender", "case", "origin", "kk", "ru", "source",
)
SEPARATOR = "|"

EntryReader = Callable[[str], Iterator[GlossaryEntry]]
# Suffix -> reader; the TBX reader joins when `tmtool.glossary.tbx` exists.
_LAZY_READERS = {".tbx": "tmtool.glossary.tbx:read_glossary_tbx"}


def split_cell(cell: str) -> tuple[str, ...]:
    """Values of a multi-value cell, stripped, empty ones dropped."""
    return tuple(value.strip() for value in cell.split(SEPARATOR) if value.strip())


def read_glossary_csv(path: str) -> Iterator[GlossaryEntry]:
    """Entries of one CSV glossary file, validated row by row."""
    name = display_name(path)
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(name, 1, f"bad CSV: {exc}") from None
    if header is None:
        raise InputError(name, None, "empty glossary file (needs a header row: id,type,uk,en,...)")
    columns = [column.strip().lower() for column in header]
    _check_header(name, columns)
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(name, line, f"bad CSV: {exc}") from None
        row_line, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            raise InputError(
                name, row_line, f"row has {len(row)} fields, the header has {len(columns)}"
            )
        yield _entry(name, row_line, dict(zip(columns, row)))


def _check_header(name: str, columns: list[str]) -> None:
    known = set(REQUIRED) | set(OPTIONAL)
    for column in columns:
        if column not in known:
            raise InputError(
                name, 1, f"unknown column {column!r} (known: {', '.join(REQUIRED + OPTIONAL)})"
            )
    seen: set[str] = set()
    for column in columns:
        if column in seen:
            raise InputError(name, 1, f"column {column!r} appears twice")
        seen.add(column)
    for column in REQUIRED:
        if column not in seen:
            raise InputError(name, 1, f"missing required column {column!r}")


def _choice(name: str, line: int, column: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise InputError(
            name, line, f"unknown {column} {value!r} (use one of: {', '.join(allowed)})"
        )
    return value


def _entry(name: str, line: int, cells: dict[str, str]) -> GlossaryEntry:
    def get(column: str) -> str:
        return normalize_apostrophes(cells.get(column, "").strip())

    term_id = get("id")
    if not term_id:
        raise InputError(name, line, "empty id")
    raw_type = get("type").lower()
    entry_type = _choice(name, line, "type", TYPE_ALIASES.get(raw_type, raw_type), TYPES)
    uk = split_cell(get("uk"))
    if not uk:
        raise InputError(name, line, f"{term_id}: empty uk (the Ukrainian base form)")
    en_values = split_cell(get("en"))
    if not en_values:
        raise InputError(name, line, f"{term_id}: empty en (the approved English rendering)")
    if len(en_values) > 1:
        raise InputError(
            name, line, f"{term_id}: en holds {len(en_values)} values; put the others in en_allowed"
        )
    entry = GlossaryEntry(
        term_id=term_id,
        type=entry_type,
        uk=uk,
        en=en_values[0],
        en_allowed=split_cell(get("en_allowed")),
        en_forbidden=split_cell(get("en_forbidden")),
        en_historical=split_cell(get("en_historical")),
        note=cells.get("note", "").strip(),
        uk_forms=split_cell(get("uk_forms")),
        uk_inflect=_choice(name, line, "uk_inflect", get("uk_inflect").lower() or "auto", UK_INFLECT),
        uk_gender=_optional_choice(name, line, "uk_gender", get("uk_gender").lower(), UK_GENDERS),
        case=_optional_choice(name, line, "case", get("case").lower(), CASES),
        origin=_optional_choice(name, line, "origin", get("origin").lower(), ORIGINS),
        kk=split_cell(get("kk")),
        ru=split_cell(get("ru")),
        source=cells.get("source", "").strip(),
        path=name,
        line=line,
    )
    _check_forms(name, line, entry)
    return entry


def _optional_choice(
    name: str, line: int, column: str, value: str, allowed: tuple[str, ...]
) -> str | None:
    return _choice(name, line, column, value, allowed) if value else None


def _check_forms(name: str, line: int, entry: GlossaryEntry) -> None:
    approved = {form.casefold(): form for form in entry.approved}
    for form in entry.en_forbidden + entry.en_historical:
        if form.casefold() in approved:
            raise InputError(
                name, line, f"{entry.term_id}: {form!r} is both approved and forbidden/historical"
            )
    for form in entry.uk + entry.uk_forms + entry.approved + entry.en_forbidden:
        for word in form.split():
            if is_mixed_script_word(word):
                raise InputError(
                    name, line,
                    f"{entry.term_id}: {word!r} mixes Cyrillic and Latin letters (a homoglyph?)",
                )


def glossary_files(path: Path) -> list[Path]:
    """The glossary files a path names: itself, or the supported files of a folder, sorted."""
    if path.is_dir():
        suffixes = {".csv"} | {s for s in _LAZY_READERS if _lazy_reader(s) is not None}
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
        if not files:
            raise InputError(str(path), None, "no glossary files (*.csv) in this folder")
        return files
    if not path.exists():
        raise InputError(str(path), None, "no such glossary file or folder")
    return [path]


def _lazy_reader(suffix: str) -> EntryReader | None:
    target = _LAZY_READERS.get(suffix)
    if target is None:
        return None
    module_name, attribute = target.split(":")
    if importlib.util.find_spec(module_name) is None:
        return None
    reader: EntryReader = getattr(importlib.import_module(module_name), attribute)
    return reader


def read_glossary_file(path: str | Path) -> Iterator[GlossaryEntry]:
    """Entries of one glossary file in any supported format, by suffix."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return read_glossary_csv(str(path))
    reader = _lazy_reader(suffix)
    if reader is None:
        raise InputError(str(path), None, f"unsupported glossary format {suffix or '(none)'!r} (use .csv)")
    return reader(str(path))


def load_glossary(paths: Sequence[str | Path]) -> Glossary:
    """One glossary from files and folders; an id defined twice anywhere is an error."""
    entries: list[GlossaryEntry] = []
    seen: dict[str, GlossaryEntry] = {}
    sources: list[str] = []
    for given in paths:
        for path in glossary_files(Path(given)):
            sources.append(str(path))
            for entry in read_glossary_file(path):
                first = seen.get(entry.term_id)
                if first is not None:
                    raise InputError(
                        entry.path, entry.line,
                        f"duplicate id {entry.term_id!r} (first defined at {first.location})",
                    )
                seen[entry.term_id] = entry
                entries.append(entry)
    return Glossary(tuple(entries), tuple(sources))
