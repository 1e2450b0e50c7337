"""JUnit XML, shaped for GitLab's test report: one `<testsuite>` per linted file, one failed
`<testcase>` per finding, one passing `<testcase name="glossary">` for a clean file.

Decisions: GitLab drops test cases with a repeated classname + name, so a repeated
`rule line:col` gets a ` #2` suffix; every finding is a failure whatever its severity (the
severity leads the failure text; the exit code, not this report, decides whether CI fails).
Characters XML cannot hold become U+FFFD.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from tmtool.findings import Finding
from tmtool.report.context import ReportContext, report_order

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
CLEAN_CASE = "glossary"


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _failure_text(finding: Finding) -> str:
    unit = f" (unit {finding.unit})" if finding.unit else ""
    return (f"{finding.severity.label}: {finding.path}:{finding.line}:{finding.column}: "
            f"{finding.message} [{finding.rule}]{unit}")


def render_junit(findings: Iterable[Finding], context: ReportContext) -> str:
    by_file: dict[str, list[Finding]] = {path: [] for path in context.files}
    for finding in sorted(findings, key=report_order):
        by_file.setdefault(finding.path, []).append(finding)
    total = sum(len(found) for found in by_file.values())
    cases = sum(max(len(found), 1) for found in by_file.values())
    root = etree.Element("testsuites", name="tmtool lint", tests=str(cases), failures=str(total), errors="0")
    for path in sorted(by_file):
        found = by_file[path]
        suite = etree.SubElement(
            root, "testsuite", name=xml_safe(path), tests=str(max(len(found), 1)),
            failures=str(len(found)), errors="0", skipped="0",
        )
        if not found:
            etree.SubElement(suite, "testcase", classname=xml_safe(path), name=CLEAN_CASE)
            continue
        seen: dict[str, int] = {}
        for finding in found:
            name = f"{finding.rule} {finding.line}:{finding.column}"
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                name = f"{name} #{seen[name]}"
            case = etree.SubElement(suite, "testcase", classname=xml_safe(path), name=name)
            failure = etree.SubElement(
                case, "failure", type=finding.rule, message=xml_safe(finding.message)
            )
            failure.text = xml_safe(_failure_text(finding))
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return body.decode("utf-8")
