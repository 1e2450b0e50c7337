"""Paths to lint units: files, folders (recursively, by extension), globs and `-` (stdin),
each read by its format into `LintUnit`s.

Decisions: a text, Markdown, Word or OpenDocument file is English monolingual (the `target`
side, one unit per paragraph; in .docx/.odt the "line" of a finding is the paragraph number);
one whose letters are over 80 % Cyrillic has no English side to check and is
skipped with a notice (a mixed file is linted as English). Folder walks skip hidden folders.
Exclude patterns apply to every file, include patterns only to files found in folders (a file
named explicitly is always read).
"""
from __future__ import annotations

import contextlib
import fnmatch
import glob
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tmtool.errors import ConfigError, InputError
from tmtool.fileio import STDIO, decode_html, decode_text, open_input, walk_files
from tmtool.lang.script import script_counts
from tmtool.lint.bilingual import read_po_units, read_tmx_units, read_xliff_units
from tmtool.lint.columns import pin_columns
from tmtool.lint.htmlprose import html_sides
from tmtool.lint.markup import markdown_page, split_blocks, text_prose
from tmtool.lint.suppress import Suppressions, line_ignores
from tmtool.lint.units import LintUnit, TextSide, side_on_line
from tmtool.segment.package import legacy_problem

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".tmx": "tmx",
    ".po": "po",
    ".pot": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".docx": "docx",
    ".docm": "docx",
    ".dotx": "docx",
    ".dotm": "docx",
    ".odt": "odt",
    ".ott": "odt",
    ".fodt": "odt",
}
FORMATS: tuple[str, ...] = ("text", "markdown", "html", "tmx", "po", "xliff", "docx", "odt")
STDIN_NAME = "<stdin>"

Notice = Callable[[str], None]
BILINGUAL_READERS: dict[str, Callable[..., Iterator[LintUnit]]] = {
    "tmx": read_tmx_units,
    "xliff": read_xliff_units,
    "po": read_po_units,
}


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to lint: where to open it, how to name it in findings, and its format."""

    path: str
    name: str
    format: str


def format_for(path: str) -> str | None:
    """The input format for a file name, by extension (None when unknown)."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def display_path(path: str) -> str:
    """A normalised, forward-slash form of a path as given (relative paths stay relative)."""
    return PurePosixPath(Path(os.path.normpath(path)).as_posix()).as_posix()


def matches_any(name: str, patterns: Iterable[str]) -> bool:
    """fnmatch on the whole path; a pattern without `/` may also match the file name alone."""
    base = name.rsplit("/", 1)[-1]
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(name, pattern + "/*"):
            return True
        if "/" not in pattern and fnmatch.fnmatchcase(base, pattern):
            return True
    return False


def _walk(folder: str) -> Iterator[str]:
    for directory, files in walk_files(folder):
        for file_name in files:
            if format_for(file_name):
                yield os.path.join(directory, file_name)


def collect_inputs(
    paths: Iterable[str],
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    pattern_root: str | None = None,
    stdin_format: str | None = None,
    stdin_name: str | None = None,
) -> list[InputFile]:
    """The files named by `paths`, in order, each once. `pattern_root` is the folder the
    include/exclude patterns are relative to (the config file's folder)."""
    include, exclude = tuple(include), tuple(exclude)

    def pattern_name(path: str) -> str:
        if pattern_root is None:
            return display_path(path)
        return display_path(os.path.relpath(os.path.abspath(path), os.path.abspath(pattern_root)))

    found: list[InputFile] = []
    seen: set[str] = set()

    def add(path: str, explicit: bool) -> None:
        name = display_path(path)
        if name in seen or matches_any(pattern_name(path), exclude):
            return
        if not explicit and include and not matches_any(pattern_name(path), include):
            return
        file_format = format_for(path)
        if file_format is None:
            legacy = legacy_problem(b"", os.path.splitext(path)[1].lower())  # .doc, .rtf, .pdf
            if legacy:
                raise InputError(name, None, legacy)
            known = ", ".join(sorted(EXTENSIONS))
            raise InputError(name, None, f"unknown file type (tmtool lint reads {known})")
        seen.add(name)
        found.append(InputFile(path, name, file_format))

    for path in paths:
        if path == STDIO:
            found.append(_stdin_input(stdin_format, stdin_name))
        elif os.path.isdir(path):
            for file_path in _walk(path):
                add(file_path, explicit=False)
        elif os.path.exists(path) or not glob.has_magic(path):
            if not os.path.exists(path):
                raise InputError(display_path(path), None, "no such file or folder")
            add(path, explicit=True)
        else:
            matched = sorted(glob.glob(path, recursive=True))
            if not matched:
                raise InputError(path, None, "no file matches this pattern")
            for file_path in matched:
                if os.path.isdir(file_path):
                    for inner in _walk(file_path):
                        add(inner, explicit=False)
                elif format_for(file_path):
                    add(file_path, explicit=False)
    return found


def _stdin_input(stdin_format: str | None, stdin_name: str | None) -> InputFile:
    name = display_path(stdin_name) if stdin_name else STDIN_NAME
    file_format = stdin_format or (format_for(stdin_name) if stdin_name else None) or "text"
    if file_format not in FORMATS:
        raise ConfigError(f"unknown stdin format {file_format!r} (use {', '.join(FORMATS)})")
    return InputFile(STDIO, name, file_format)


def read_units(
    source: InputFile,
    *,
    suppressions: Suppressions | None = None,
    notice: Notice | None = None,
) -> Iterator[LintUnit]:
    """The lint units of one file. Inline suppressions are recorded in `suppressions`;
    `notice` receives one-line remarks (such as a skipped Ukrainian text)."""
    with open_input(source.path) as stream, contextlib.ExitStack() as stack:
        if source.format in BILINGUAL_READERS:
            units: Iterator[LintUnit] = BILINGUAL_READERS[source.format](stream, name=source.name)
            if source.path != STDIO:
                units = pin_columns(units, stack.enter_context(open_input(source.path)))
        elif source.format in ("docx", "odt"):
            units = _document_units(source, stream.read(), notice)
        elif source.format == "html":
            units = _html_units(source, decode_html(stream.read(), name=source.name), suppressions, notice)
        else:
            text = decode_text(stream.read(), name=source.name)
            units = _monolingual_units(source, text, suppressions, notice)
        for unit in units:
            if suppressions is not None and unit.ignored and unit.unit_id is not None:
                suppressions.add_unit(unit.path, unit.unit_id, unit.ignored)
            yield unit


def _monolingual_units(
    source: InputFile, text: str, suppressions: Suppressions | None, notice: Notice | None
) -> Iterator[LintUnit]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    markdown = source.format == "markdown"
    prose, fields = markdown_page(text, name=source.name) if markdown else (text_prose(text), ())
    if _is_ukrainian(source, prose + "".join(field.source for field in fields), notice):
        return
    if suppressions is not None:
        suppressions.add_lines(source.name, line_ignores(text, mdx=markdown))
    lines = text.split("\n")
    for field in fields:
        yield LintUnit(source.name, side_on_line(field.source, field.line, lines))
    for line, block in split_blocks(prose, markdown=markdown):
        indent = len(block) - len(block.lstrip(" \t"))
        yield LintUnit(source.name, TextSide(block[indent:], line, indent + 1, "en"))


def _html_units(
    source: InputFile, text: str, suppressions: Suppressions | None, notice: Notice | None
) -> Iterator[LintUnit]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sides = list(html_sides(text, name=source.name))
    if _is_ukrainian(source, "\n".join(side.text for side in sides), notice):
        return
    if suppressions is not None:
        suppressions.add_lines(source.name, line_ignores(text))
    for side in sides:
        yield LintUnit(source.name, side)


def _is_ukrainian(source: InputFile, prose: str, notice: Notice | None) -> bool:
    """True (with a notice) for a text that is mostly Ukrainian: nothing English to check."""
    cyrillic, latin = script_counts(prose)
    if cyrillic >= 10 and cyrillic > 4 * latin:
        if notice is not None:
            notice(f"{source.name}: skipped: Ukrainian text has no English side to check "
                   "(lint its English version or a bilingual file)")
        return True
    return False


def _document_units(source: InputFile, data: bytes, notice: Notice | None) -> Iterator[LintUnit]:
    """A Word or OpenDocument file: one unit per paragraph, whose "line" is the paragraph
    number and whose column counts characters in the paragraph (FILE:PARAGRAPH:COL)."""
    from tmtool.segment.office import read_office_paragraphs

    paragraphs = read_office_paragraphs(data, name=source.name)
    if _is_ukrainian(source, "\n".join(text for _, text in paragraphs), notice):
        return
    for number, text in paragraphs:
        yield LintUnit(source.name, TextSide(text, number, 1, "en"))


def read_all_units(
    sources: Iterable[InputFile],
    *,
    suppressions: Suppressions | None = None,
    notice: Notice | None = None,
) -> Iterator[LintUnit]:
    """The units of every file in turn (streamed: one file open at a time)."""
    for source in sources:
        yield from read_units(source, suppressions=suppressions, notice=notice)
