"""Inline suppressions: `tmtool: ignore[rule-id, ...]` (or a bare `tmtool: ignore` for every
rule) in a Markdown/HTML comment, an MDX comment (`{/* ... */}`, as MDX has no HTML comments),
a PO translator comment, a TMX `<note>` or an XLIFF `<note>`.

Decision: in text and Markdown a comment that stands alone on its line silences the next
non-blank line; a comment after text on the same line silences that line. Suppression works
by line there (units are paragraphs), and by unit in bilingual files.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from tmtool.findings import Finding

ALL_RULES = "*"

# The marker itself, wherever it stands (a note, a translator comment, an HTML comment).
_MARKER = re.compile(r"tmtool:\s*ignore(?:\[([^\]]*)\])?", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_PAGE_COMMENT = re.compile(r"<!--(.*?)-->|\{/\*(.*?)\*/\}", re.DOTALL)  # Markdown and MDX


def parse_ignore(text: str) -> frozenset[str] | None:
    """The rule ids a comment or note silences (`{"*"}` for all), or None if it has no marker."""
    rules: set[str] = set()
    found = False
    for match in _MARKER.finditer(text):
        found = True
        listed = match.group(1)
        if listed is None or not listed.strip():
            rules.add(ALL_RULES)
            continue
        rules.update(part.strip().lower() for part in listed.split(",") if part.strip())
    return frozenset(rules) if found else None


def ignores_in_notes(notes: Iterable[str]) -> frozenset[str]:
    """Every rule silenced by a set of notes or translator comments (empty when none)."""
    rules: set[str] = set()
    for note in notes:
        rules.update(parse_ignore(note) or ())
    return frozenset(rules)


def line_ignores(text: str, *, mdx: bool = False) -> dict[int, frozenset[str]]:
    """Lines (1-based) of a text, Markdown or HTML file silenced by `<!-- tmtool: ignore[...] -->`
    (with `mdx`, also by `{/* tmtool: ignore[...] */}`)."""
    comment = _PAGE_COMMENT if mdx else _HTML_COMMENT
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    result: dict[int, set[str]] = {}
    for match in comment.finditer(text):
        rules = parse_ignore(match.group(0))
        if rules is None:
            continue
        first = text.count("\n", 0, match.start())
        last = text.count("\n", 0, match.end())
        rest = comment.sub("", lines[first][: match.start() - starts[first]])
        after = comment.sub("", lines[last][match.end() - starts[last]:])
        if rest.strip() or after.strip():
            target = first if rest.strip() else last
        else:
            target = last + 1
            while target < len(lines) and not lines[target].strip():
                target += 1
            if target >= len(lines):
                continue
        result.setdefault(target + 1, set()).update(rules)
    return {line: frozenset(rules) for line, rules in result.items()}


class Suppressions:
    """Everything silenced inline in one run: by (path, line) and by (path, unit id)."""

    def __init__(self) -> None:
        self._lines: dict[str, Mapping[int, frozenset[str]]] = {}
        self._units: dict[tuple[str, str], frozenset[str]] = {}

    def add_lines(self, path: str, ignores: Mapping[int, frozenset[str]]) -> None:
        if ignores:
            self._lines[path] = ignores

    def add_unit(self, path: str, unit_id: str, rules: frozenset[str]) -> None:
        if rules:
            self._units[(path, unit_id)] = self._units.get((path, unit_id), frozenset()) | rules

    def is_suppressed(self, finding: Finding) -> bool:
        rules: frozenset[str] = self._lines.get(finding.path, {}).get(finding.line, frozenset())
        if finding.unit is not None:
            rules = rules | self._units.get((finding.path, finding.unit), frozenset())
        return finding.rule in rules or ALL_RULES in rules

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """(the findings left, how many were silenced)."""
        kept: list[Finding] = []
        silenced = 0
        for finding in findings:
            if self.is_suppressed(finding):
                silenced += 1
            else:
                kept.append(finding)
        return kept, silenced
