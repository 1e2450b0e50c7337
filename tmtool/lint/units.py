"""What the lint rules look at: a unit of text with one or two sides (Ukrainian source,
English target) and the way back from a character offset to the file's line and column.

Input readers (`lint.inputs`) build these from text, Markdown, TMX, PO and XLIFF; rules
never see the file format.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextSide:
    """One side's text and where its first character stands in the file (1-based).

    Newlines inside `text` advance the line; a text read from XML whose characters do not
    map one-to-one to the file keeps `exact=False` and reports the start position only.
    A text put together from pieces of the file (an HTML paragraph between its tags) has
    `anchors`: (offset in `text`, line, column) where each piece starts, column 0 for a piece
    not found as written (its positions are the start position).
    """

    text: str
    line: int
    column: int = 1
    lang: str = "en"
    exact: bool = True
    anchors: tuple[tuple[int, int, int], ...] = ()

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the file of `text[offset]`."""
        start, line, column = 0, self.line, self.column
        if self.anchors:
            start, line, column = next((a for a in reversed(self.anchors) if a[0] <= offset), (0, 0, 0))
            if not column:
                return self.line, self.column
        elif not self.exact:
            return self.line, self.column
        newlines = self.text.count("\n", start, offset)
        if not newlines:
            return line, column + offset - start
        return line + newlines, offset - self.text.rindex("\n", start, offset)


def side_on_line(text: str, line: int, lines: Sequence[str]) -> TextSide:
    """`text` (a front-matter value) where it stands in the file: on `line`, or on the next
    one (a YAML block scalar, `description: >-`); `line`, column 1, inexact, when its first
    line is not in the file as written (quoted, escaped)."""
    first = text.split("\n", 1)[0]
    for number in (line, line + 1):
        column = lines[number - 1].find(first) if first and number <= len(lines) else -1
        if column >= 0:
            return TextSide(text, number, column + 1, "en")
    return TextSide(text, line, 1, "en", exact=False)


@dataclass(frozen=True, slots=True)
class LintUnit:
    """A thing to check. Monolingual English text has only `target`; a bilingual unit has
    both. `ignored` holds rule ids suppressed inline for this unit ("*" for all)."""

    path: str
    target: TextSide | None
    source: TextSide | None = None
    unit_id: str | None = None
    ignored: frozenset[str] = frozenset()

    def is_ignored(self, rule: str) -> bool:
        return rule in self.ignored or "*" in self.ignored
