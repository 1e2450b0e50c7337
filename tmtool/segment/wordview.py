"""The words of a literal paragraph, with where each came from: what SRX rules see in literal mode.

Block markers at line starts (`## `, `- `, `1. `, `> `, indentation, setext underlines) and,
in Markdown, inline markup (emphasis, tags, link targets, escapes, entities) are taken out, so
`**Done.** Next` breaks as `Done. Next` does; whitespace runs become one space. `origin[k]` is
the index in the paragraph's source (lines joined with "\\n") of `words[k]`.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from tmtool.model import InlineCode
from tmtool.segment.inline import HARD_BREAK, Piece, parse_markdown_inline

# `(?P<number>...)` is a list number; on a later line of a paragraph that is not a list, only
# "1." may start an item (CommonMark), so "in\n1998. Then" keeps its year as words.
_MD_MARKER = regex.compile(
    r"^ {0,3}(?:=+|-+)[ \t]*$"  # a setext underline is all marker
    r"|^[ \t]*(?:>[ \t]?)*[ \t]*(?:#{1,6}(?=[ \t]|$)|(?:[-+*]|(?P<number>\d{1,9})[.)])(?=[ \t]))?"
    r"[ \t]*(?:\[[ xX]\][ \t]+)?"
)
_TXT_MARKER = regex.compile(r"^\s*(?:(?:[-*•]|(?P<number>\p{N}{1,3})[.)])(?=\s))?\s*")
_ITEM_START = regex.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-+*•]|\p{N}{1,9}[.)])[ \t]")
_LEADING_SPACE = regex.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*")
_HARD = regex.compile(r"[ ]{2,}\n|\\\n|<[^<>]*>")
_NEWLINE = regex.compile(r"[ \t]*\n[ \t]*|[ \t\n\r\f\v]+")
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACES = " \t\n\r\f\v"


@dataclass(frozen=True, slots=True)
class WordView:
    """`codes` holds (offset in `words`, code) for the inline codes the words were taken from."""

    words: str
    origin: tuple[int, ...]
    codes: tuple[tuple[int, InlineCode], ...] = ()


class _Builder:
    """Collects words with their source offsets, collapsing whitespace to single spaces."""

    def __init__(self, content_origin: list[int]) -> None:
        self.chars: list[str] = []
        self.origin: list[int] = []
        self.content_origin = content_origin
        self.codes: list[tuple[int, InlineCode]] = []

    def add(self, char: str, content_index: int) -> None:
        if char in _SPACES:
            if not self.chars or self.chars[-1] == " ":
                return
            char = " "
        self.chars.append(char)
        self.origin.append(self.content_origin[min(content_index, len(self.content_origin) - 1)])

    def view(self) -> WordView:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.origin.pop()
        return WordView("".join(self.chars), tuple(self.origin), tuple(self.codes))


def word_view(lines: Sequence[str], *, markdown: bool) -> WordView:
    """The words of a paragraph given as its source lines."""
    marker = _MD_MARKER if markdown else _TXT_MARKER
    is_list = bool(lines) and _ITEM_START.match(lines[0]) is not None
    content: list[str] = []
    content_origin: list[int] = []
    line_start = 0
    for index, line in enumerate(lines):
        if index:
            content.append("\n")
            content_origin.append(line_start - 1)
        match = marker.match(line)
        if match and index and not is_list and match.group("number") not in (None, "1"):
            match = _LEADING_SPACE.match(line)
        skip = match.end() if match else 0
        content.append(line[skip:])
        content_origin.extend(range(line_start + skip, line_start + len(line)))
        line_start += len(line) + 1
    text = "".join(content)
    content_origin.append(line_start - 1)  # one past the end, for pieces that overrun
    builder = _Builder(content_origin)
    pieces: list[Piece] = parse_markdown_inline(text) if markdown else [text]
    _walk(pieces, text, builder)
    return builder.view()


def _walk(pieces: list[Piece], text: str, builder: _Builder) -> None:
    """Follow the parser's pieces through the text they came from, in order: codes are
    skipped, words kept with their offsets (escapes and entities map to their source)."""
    cursor = 0
    for piece in pieces:
        if piece is HARD_BREAK:
            builder.add(" ", cursor)
            match = _HARD.match(text, cursor)
            cursor = match.end() if match else cursor
        elif isinstance(piece, InlineCode):
            builder.codes.append((len(builder.chars), piece))
            found = text.find(piece.native, cursor)
            cursor = found + len(piece.native) if found >= 0 else cursor
        else:
            assert isinstance(piece, str)
            cursor = _text_piece(piece, text, cursor, builder)


def _text_piece(piece: str, text: str, cursor: int, builder: _Builder) -> int:
    if text.startswith(piece, cursor):
        for index, char in enumerate(piece):
            builder.add(char, cursor + index)
        return cursor + len(piece)
    if not piece.strip():
        match = _NEWLINE.match(text, cursor)
        builder.add(" ", cursor)
        return match.end() if match else cursor
    if text.startswith("\\" + piece, cursor):
        for index, char in enumerate(piece):
            builder.add(char, cursor + 1 + index)
        return cursor + 1 + len(piece)
    entity = _ENTITY.match(text, cursor)
    if entity:
        for char in piece:
            builder.add(char, cursor)
        return entity.end()
    for char in piece:  # not expected: follow the text as far as each character is found
        found = text.find(char, cursor)
        builder.add(char, found if found >= 0 else cursor)
        cursor = found + 1 if found >= 0 else cursor
    return cursor
