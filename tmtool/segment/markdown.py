"""Markdown -> blocks: headings, paragraphs, list items, block quotes, table cells, captions.

A line-based reader of the CommonMark/GFM block structure that translated documents use;
block markers (`#`, `-`, `1.`, `>`, `|`) are dropped. Documentation-site syntax (fenced code,
front matter, MDX imports and components, shortcodes, comments, admonitions) is blanked first
(`sitesyntax.py`) and ends blocks; front matter text fields (title, description) are blocks of
kind "front-matter". Link reference definitions and thematic breaks give no blocks; indented
text is read as text, not as a code block. The paragraph after an image-only paragraph is its
caption when short.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from tmtool.model import CodeKind, InlineCode
from tmtool.segment.idents import field_ident
from tmtool.segment.inline import HARD_BREAK, PairCounter, Piece, RawBlock, parse_markdown_inline
from tmtool.segment.sitesyntax import mask_site_syntax

_ATX = regex.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = regex.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC = regex.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = regex.compile(r"^ {0,3}> ?")
_ITEM = regex.compile(r"^( {0,12})([-+*]|(\d{1,9})[.)])(?:[ \t]+|$)")
_TASK = regex.compile(r"^\[[ xX]\][ \t]+")
_TABLE_DELIMITER = regex.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL_SPLIT = regex.compile(r"(?<!\\)\|")
_REFERENCE = regex.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S")
_FOOTNOTE = regex.compile(r"^ {0,3}\[\^[^\]]+\]:[ \t]*")
_HTML_BLOCK = regex.compile(
    r"^ {0,3}<(?:/?(?:p|div|table|thead|tbody|tr|td|th|figure|figcaption|caption|h[1-6]"
    r"|ul|ol|li|blockquote|section|article|header|footer|aside|nav|dl|dt|dd|center|details"
    r"|summary|pre|hr)\b)",
    regex.IGNORECASE,
)
_CAPTION_MAX_CHARS = 250

Line = tuple[int, str]


def read_markdown_blocks(text: str, *, name: str = "<markdown>") -> Iterator[RawBlock]:
    """The blocks of a Markdown (or MDX) document; `name` is for error messages."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = list(enumerate(lines, 1))
    return iter(_MarkdownReader(numbered, quote=False, name=name).read())


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _MarkdownReader:
    """One pass over the lines of a document (or of a block quote's inside)."""

    def __init__(self, lines: list[Line], *, quote: bool, name: str) -> None:
        self.lines = lines
        self.quote = quote
        self.name = name
        self.starts: frozenset[int] = frozenset()
        self.blanked: frozenset[int] = frozenset()
        self.section = 0  # site syntax met so far: a new section after each (documents.Block)
        self.new_section = False
        self.para_section = 0
        self.out: list[RawBlock] = []
        self.para: list[Line] = []
        self.kind = "paragraph"
        self.item_indent: int | None = None
        self.after_image = False

    def read(self) -> list[RawBlock]:
        masked = mask_site_syntax([line for _, line in self.lines], name=self.name,
                                  front_matter=not self.quote)
        self.lines = [(number, line) for (number, _), line in zip(self.lines, masked.lines)]
        self.starts, self.blanked = masked.starts, masked.blanked
        for field in masked.fields:
            self._emit("front-matter", field.line, [field.value], ident=field_ident(field.key))
            self.section += 1
        index = 0
        while index < len(self.lines):
            index = self._line(index)
        self._flush()
        return self.out

    def _line(self, index: int) -> int:
        number, line = self.lines[index]
        if index in self.starts:
            self._flush()
        if index in self.starts or index in self.blanked:
            self.new_section = True
        if not line.strip():
            self._flush()
            return index + 1
        if _QUOTE.match(line):
            return self._quote(index)
        atx = _ATX.match(line)
        if atx:
            self._flush()
            self._emit("heading", number, parse_markdown_inline(atx.group(2) or ""))
            return index + 1
        if self.para and self.kind == "paragraph" and _SETEXT.match(line):
            self.kind = "heading"
            self._flush()
            return index + 1
        if _THEMATIC.match(line):
            self._flush()
            return index + 1
        if "|" in line and index + 1 < len(self.lines) and _TABLE_DELIMITER.match(self.lines[index + 1][1]):
            self._flush()
            return self._table(index)
        if not self.para and _HTML_BLOCK.match(line):
            return self._html(index)
        item = _ITEM.match(line)
        if item and line[item.end():].strip() and self._can_start_item(item):
            self._flush()
            self.item_indent = item.end()
            self._start("list-item", number, _TASK.sub("", line[item.end():]))
            return index + 1
        if not self.para and _REFERENCE.match(line):
            return index + 1
        self._text_line(number, line)
        return index + 1

    def _text_line(self, number: int, line: str) -> None:
        """A line of running text: it continues the open paragraph (lazily, as CommonMark
        allows) or starts a paragraph, a further paragraph of a list item, or a footnote."""
        if self.para:
            self.para.append((number, line.strip(" \t") if not line.endswith("  ") else line.lstrip()))
            return
        footnote = _FOOTNOTE.match(line)
        if footnote:
            self._start("paragraph", number, line[footnote.end():])
        elif self.item_indent is not None and _indent(line) >= self.item_indent:
            self._start("list-item", number, line)
        else:
            self.item_indent = None
            self._start("paragraph", number, line)

    def _can_start_item(self, item: regex.Match[str]) -> bool:
        """An ordered item interrupts a paragraph only when it starts at 1 (CommonMark)."""
        if not self.para or self.kind != "paragraph" or item.group(3) is None:
            return True
        return item.group(3) == "1"

    def _start(self, kind: str, number: int, line: str) -> None:
        self.kind = kind
        self.para = [(number, line.lstrip())]
        self.para_section = self._next_section()

    def _next_section(self) -> int:
        """The section of a block starting now."""
        if self.new_section:
            self.section += 1
            self.new_section = False
        return self.section

    def _quote(self, index: int) -> int:
        self._flush()
        inner: list[Line] = []
        while index < len(self.lines):
            number, line = self.lines[index]
            marker = _QUOTE.match(line)
            if marker:
                inner.append((number, line[marker.end():]))
            elif line.strip() and inner and inner[-1][1].strip() and not _ATX.match(line) and not _ITEM.match(line):
                inner.append((number, line))  # lazy continuation of a quoted paragraph
            else:
                break
            index += 1
        section = self._next_section()
        for block in _MarkdownReader(inner, quote=True, name=self.name).read():
            self.out.append(RawBlock("quote" if block.kind == "paragraph" else block.kind, block.line,
                                     block.pieces, section, block.ident))
        self.item_indent = None
        return index

    def _table(self, index: int) -> int:
        rows = [self.lines[index]]
        later = index + 2
        while later < len(self.lines) and "|" in self.lines[later][1] and self.lines[later][1].strip():
            rows.append(self.lines[later])
            later += 1
        for number, row in rows:
            cells = row.strip()
            cells = cells.removeprefix("|")
            cells = cells[:-1] if cells.endswith("|") and not cells.endswith("\\|") else cells
            for cell in _CELL_SPLIT.split(cells):
                self._emit("table-cell", number, parse_markdown_inline(cell.strip().replace("\\|", "|")))
        self.item_indent = None
        return later

    def _html(self, index: int) -> int:
        from tmtool.segment.htmldoc import read_html_blocks

        start = index
        while index < len(self.lines) and self.lines[index][1].strip():
            index += 1
        chunk = "\n".join(line for _, line in self.lines[start:index])
        for block in read_html_blocks(chunk, first_line=self.lines[start][0]):
            self._emit(block.kind, block.line, block.pieces, ident=block.ident)
        self.item_indent = None
        return index

    def _flush(self) -> None:
        if not self.para:
            return
        para, self.para = self.para, []
        first_number, first_line = para[0]
        counter = PairCounter()
        if len(para) > 1 and "![" in first_line and _is_images_only(parse_markdown_inline(first_line.rstrip())):
            self.after_image = True
            para = para[1:]
            first_number = para[0][0]
        source = "\n".join(line for _, line in para).rstrip()
        pieces = parse_markdown_inline(source, counter)
        kind = self.kind
        if _is_images_only(pieces):
            self.after_image = True
            return
        if kind == "paragraph" and self.after_image and len(_words(pieces)) <= _CAPTION_MAX_CHARS:
            kind = "caption"
        self._emit(kind, first_number, pieces, self.para_section)

    def _emit(self, kind: str, number: int, pieces: list[Piece], section: int | None = None,
              ident: str = "") -> None:
        self.after_image = False
        self.out.append(RawBlock(kind, number, pieces, self._next_section() if section is None else section,
                                 ident))


def _is_images_only(pieces: list[Piece]) -> bool:
    has_image = False
    for piece in pieces:
        if isinstance(piece, InlineCode):
            if piece.kind is CodeKind.STANDALONE and piece.type == "image":
                has_image = True
            continue
        if piece is HARD_BREAK or (isinstance(piece, str) and not piece.strip()):
            continue
        return False
    return has_image


def _words(pieces: list[Piece]) -> str:
    return "".join(piece for piece in pieces if isinstance(piece, str)).strip()
