"""What the lint rules look at: a unit of text with one or two sides (Ukrainian source,
English target) and the way back from a character offset to the file's line and column.

Input readers (`lint.inputs`) build these from text, Markdown, TMX, PO and XLIFF; rules
never see the file format.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextSide:
    """One side's text and where its first character stands in the file (1-based).

    Newlines inside `text` advance the line; a text read from XML whose characters do not
    map one-to-one to the file keeps `exact=False` and reports the start position only.
    """

    text: str
    line: int
    column: int = 1
    lang: str = "en"
    exact: bool = True

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the file of `text[offset]`."""
        if not self.exact:
            return self.line, self.column
        newlines = self.text.count("\n", 0, offset)
        if not newlines:
            return self.line, self.column + offset
        return self.line + newlines, offset - self.text.rindex("\n", 0, offset)


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
