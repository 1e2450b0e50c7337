"""Compiler-style finding lines, `path:line:col: severity: message [rule-id]`, which
Emacs, Vim and most CI log viewers already parse."""
from __future__ import annotations

from collections.abc import Iterable

from tmtool.findings import Finding


def format_finding(finding: Finding) -> str:
    unit = f" (unit {finding.unit})" if finding.unit else ""
    return (
        f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.label}: "
        f"{finding.message} [{finding.rule}]{unit}"
    )


def render_text(findings: Iterable[Finding]) -> str:
    """One line per finding, sorted by path, line, column and rule, ending in a newline."""
    lines = [format_finding(f) for f in sorted(findings, key=Finding.sort_key)]
    return "".join(line + "\n" for line in lines)
