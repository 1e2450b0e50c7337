"""What a report needs besides the findings: the rules that ran, the files read, the
fingerprints, the run's summary and settings. Every renderer takes the same context, so
the format registry can treat them alike."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tmtool.findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule as reports describe it: stable id, one-line summary, default severity."""

    id: str
    summary: str
    default_severity: Severity
    help_text: str = ""


@dataclass(frozen=True, slots=True)
class ReportContext:
    """Everything about a run that a report may show. `files` lists every file read, clean
    or not (JUnit gives a clean file a passing test case)."""

    rules: tuple[RuleInfo, ...] = ()
    files: tuple[str, ...] = ()
    fingerprints: Mapping[Finding, str] = field(default_factory=dict)
    summary: Mapping[str, Any] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)


def report_order(finding: Finding) -> tuple[object, ...]:
    """A total order for findings: `Finding.sort_key` (path, line, column, rule, message),
    then the remaining fields, so equal-looking findings never depend on reading order."""
    return (*finding.sort_key(), finding.unit or "", finding.term_id or "", finding.found or "",
            finding.expected or "", int(finding.severity), finding.end_column or 0)


def count_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
    for finding in findings:
        counts[finding.severity.label] += 1
    return counts


def summarise(
    findings: Iterable[Finding], *, files: int, units: int, suppressed: int = 0, baselined: int = 0
) -> dict[str, Any]:
    """The JSON `summary` object: counts of files, units and findings by severity."""
    findings = list(findings)
    return {
        "files": files,
        "units": units,
        "findings": len(findings),
        **count_by_severity(findings),
        "suppressed": suppressed,
        "baselined": baselined,
    }


def describe_counts(findings: Iterable[Finding], *, files: int) -> str:
    """One human line for stderr: '2 findings (1 error, 1 warning) in 3 files'."""
    counts = count_by_severity(findings)
    total = sum(counts.values())
    noun = "file" if files == 1 else "files"
    if not total:
        return f"no findings in {files} {noun}"
    parts = [
        f"{n} {label}{'' if n == 1 or label == 'info' else 's'}" for label, n in counts.items() if n
    ]
    return f"{total} finding{'' if total == 1 else 's'} ({', '.join(parts)}) in {files} {noun}"
