"""Stable JSON for machines: findings sorted, keys in a fixed order, the tool version and the
result-changing settings included so a report says how it was made."""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from tmtool import __version__
from tmtool.findings import Finding


def finding_record(finding: Finding) -> dict[str, Any]:
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "unit": finding.unit,
        "rule": finding.rule,
        "severity": finding.severity.label,
        "term_id": finding.term_id,
        "found": finding.found,
        "expected": finding.expected,
        "message": finding.message,
    }


def render_json(
    findings: Iterable[Finding],
    *,
    summary: Mapping[str, Any],
    settings: Mapping[str, Any] | None = None,
) -> str:
    ordered = sorted(findings, key=Finding.sort_key)
    document = {
        "tool": {"name": "tmtool", "version": __version__},
        "settings": dict(settings or {}),
        "findings": [finding_record(f) for f in ordered],
        "summary": dict(summary),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
