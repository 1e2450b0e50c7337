"""SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).

Decisions: columns are Unicode code points (`columnKind: unicodeCodePoints`), as in every
tmtool format; `info` becomes SARIF `note`; paths are repository-relative URIs (an absolute
path inside `root` is made relative to it); each result carries tmtool's own fingerprint
under `partialFingerprints["tmtool/v1"]` so alerts match across runs without GitHub's
line-hash guess.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tmtool import __version__
from tmtool.findings import Finding, Severity
from tmtool.report.context import ReportContext, RuleInfo, report_order

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "tmtool/v1"


def sarif_level(severity: Severity) -> str:
    return LEVELS[severity]


def artifact_uri(path: str, root: str | None = None) -> str:
    """A relative URI for `path`: forward slashes, percent-encoded; absolute paths inside
    `root` become relative, others become `file://` URIs."""
    posix = path.replace(os.sep, "/") if os.sep != "/" else path
    if os.path.isabs(path):
        base = os.path.abspath(root or os.getcwd())
        relative = os.path.relpath(path, base)
        if relative.startswith(".."):
            return Path(path).as_uri()
        posix = relative.replace(os.sep, "/")
    return quote(posix, safe="/-._~")


def rule_name(rule_id: str) -> str:
    """SARIF's optional `name` in PascalCase: `near-miss` -> `NearMiss`."""
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", rule_id) if part)


def _rule_record(rule: RuleInfo) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": rule.id,
        "name": rule_name(rule.id),
        "shortDescription": {"text": rule.summary or rule.id},
        "defaultConfiguration": {"level": sarif_level(rule.default_severity)},
    }
    if rule.help_text:
        record["help"] = {"text": rule.help_text}
    return record


def _result(finding: Finding, index: int, context: ReportContext, root: str | None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)}
    if finding.end_column is not None and finding.end_column > region["startColumn"]:
        region["endColumn"] = finding.end_column
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": sarif_level(finding.severity),
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(finding.path, root)},
            "region": region,
        }}],
    }
    if finding in context.fingerprints:
        result["partialFingerprints"] = {FINGERPRINT_KEY: context.fingerprints[finding]}
    properties = {
        key: value
        for key, value in (("unit", finding.unit), ("term_id", finding.term_id),
                           ("found", finding.found), ("expected", finding.expected))
        if value is not None
    }
    if properties:
        result["properties"] = properties
    return result


def render_sarif(findings: Iterable[Finding], context: ReportContext, *, root: str | None = None) -> str:
    """A SARIF log with one run: every known rule, then the findings in sorted order."""
    ordered = sorted(findings, key=report_order)
    rules = list(context.rules)
    known = {rule.id for rule in rules}
    for finding in ordered:
        if finding.rule not in known:  # a rule the registry does not describe (keep valid)
            rules.append(RuleInfo(finding.rule, finding.rule, finding.severity))
            known.add(finding.rule)
    index = {rule.id: number for number, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "tmtool",
        "version": __version__,
        "rules": [_rule_record(rule) for rule in rules],
    }
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule], context, root) for f in ordered],
    }
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
