"""Prose of an HTML page for linting, read as `tmtool align` reads the page
(`segment.htmldoc`): one text per block (heading, paragraph, list item, cell, caption, a front
matter's title), inline tags left out so the words either side stay as a browser joins them,
and the content of code elements (`<code>`, `<kbd>`, `<samp>`, `<var>`) left out like Markdown's
code spans; script, style, head and pre are skipped by the reader.

Positions: each piece of text between tags is looked up where it stands in the file, in
order, so a finding points at its word (`TextSide.anchors`); a piece that is not in the file as
written (it held a character reference such as `&nbsp;`) is looked up run by run between such
characters; what is found nowhere reports its block's first line.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from tmtool.lint.markup import blank
from tmtool.lint.units import TextSide, side_on_line
from tmtool.model import CodeKind, InlineCode
from tmtool.segment.htmldoc import SKIPPED_ELEMENTS, read_html_document
from tmtool.segment.inline import Piece

_CODE_TAGS = frozenset({"code", "kbd", "samp", "var"})
_TAG_NAME = re.compile(r"</?([A-Za-z][\w:-]*)")
_MARKUP = re.compile(r"<!--.*?-->|<[^<>]*>|&#?\w+;", re.DOTALL)  # what may stand between two pieces
# Elements whose content the reader skips: blanked before pieces are looked up, so a <title>
# or a script between two pieces (a page on one line) does not hide the next piece, and a
# piece is never found inside one.
_SKIPPED_ELEMENTS = re.compile(r"<(" + "|".join(sorted(SKIPPED_ELEMENTS)) + r")\b[^>]*>.*?</\1\s*>",
                               re.DOTALL | re.IGNORECASE)
# Characters a character reference may have written (&nbsp; &rsquo; &amp; ...): a piece that is
# not in the file as read is looked up again in the runs between them.
_REFERENCED = r"[^\w .,;:!?()\n\t-]+"
_RUN = re.compile(r"(?:(?!" + _REFERENCED + r").)+", re.DOTALL)
_LOOK_AHEAD = 4000  # characters of markup searched past the previous piece


class _Page:
    """The raw page: finds the pieces of text in order and says where they stand."""

    def __init__(self, text: str) -> None:
        self.text = _SKIPPED_ELEMENTS.sub(lambda found: blank(found.group()), text)
        self.lines = text.split("\n")
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.cursor = 0

    def anchors(self, piece: str, line: int) -> list[tuple[int, int, int]]:
        """(offset in `piece`, line, column) where `piece`, or each run of it between
        characters a reference may have written, stands; column 0 where not found."""
        place = self.find(piece, line)
        if place is not None:
            return [(0, *place)]
        found = []
        end = 0
        for run in _RUN.finditer(piece):
            # the characters between two runs may stand in the file as written ({{ }} of a
            # macro, quotes) as well as references
            skipped = piece[end:run.start()]
            place = self.find(run.group(), line, skipped) if run.group().strip() else None
            found.append((run.start(), *(place or (line, 0))))
            end = run.end()
        return found or [(0, line, 0)]

    def find(self, piece: str, line: int, skipped: str = "") -> tuple[int, int] | None:
        """(line, column) of `piece`, the next text after the previous one found (only markup,
        white space and the `skipped` characters between them), else None."""
        start = max(self.cursor, self.line_starts[min(line, len(self.line_starts)) - 1])
        tag = self.text.rfind("<", self.cursor, start)
        if tag >= 0 and ">" not in self.text[tag:start]:
            start = tag  # the line starts inside a tag written over several lines
        at = self.text.find(piece, start, start + len(piece) + _LOOK_AHEAD)
        if at < 0 or _MARKUP.sub("", self.text[start:at]).strip(skipped + " \t\n\r"):
            return None
        self.cursor = at + len(piece)
        number = bisect.bisect_right(self.line_starts, at)
        return number, at - self.line_starts[number - 1] + 1


def html_sides(text: str, *, name: str) -> Iterator[TextSide]:
    """The text of each block of the page that has words, with its anchors."""
    page = _Page(text)
    for block in read_html_document(text, name=name):
        if block.kind == "front-matter":
            value = "".join(p for p in block.pieces if isinstance(p, str))
            side = side_on_line(value, block.line, page.lines)
        else:
            side = block_side(block.pieces, block.line, page)
        if side.text.strip():
            yield side


def block_side(pieces: Sequence[Piece], line: int, page: _Page) -> TextSide:
    """The block's words: text pieces outside code elements (a code element or a line break
    becomes a space, so the words around it stay apart), each anchored where it stands."""
    out: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    length, in_code = 0, 0
    for piece in pieces:
        if isinstance(piece, str):
            places = page.anchors(piece, line) if piece.strip() else [(0, line, 0)]
            kept = " " if in_code else piece
            if not in_code:
                anchors.extend((length + offset, ln, col) for offset, ln, col in places)
            out.append(kept)
            length += len(kept)
        elif isinstance(piece, InlineCode):
            if _is_code_element(piece):
                in_code = max(0, in_code + (1 if piece.kind is CodeKind.OPEN else -1))
        else:  # a hard line break (<br>)
            out.append(" ")
            length += 1
    first = next(((ln, col) for _, ln, col in anchors if col), (line, 1))
    return TextSide("".join(out), first[0], first[1], "en", exact=False, anchors=tuple(anchors))


def _is_code_element(code: InlineCode) -> bool:
    found = _TAG_NAME.match(code.native)
    return code.kind is not CodeKind.STANDALONE and found is not None and found.group(1).lower() in _CODE_TAGS
