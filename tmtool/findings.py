"""One problem type for every check: lint rules and `tmx validate` both emit `Finding`s,
so one set of reporters (text, JSON, SARIF, GitHub, JUnit) serves them all.

Lines and columns are 1-based; columns count Unicode code points (a tab counts as one).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """Ordered so that `severity >= fail_on` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use info, warning or error)") from None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place. `unit` is the tuid / msgid / trans-unit id for bilingual
    files; `term_id`, `found` and `expected` are set by glossary rules."""

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    unit: str | None = None
    term_id: str | None = None
    found: str | None = None
    expected: str | None = None
    end_column: int | None = None

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        return (self.path, self.line, self.column, self.rule, self.unit or "", self.message)
