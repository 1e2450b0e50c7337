"""JUnit XML for GitLab: well-formed, one suite per file, unique case names."""
from __future__ import annotations

from lxml import etree

from tests.report_findings import FINDINGS, context
from tmtool.findings import Finding, Severity
from tmtool.report.junit import render_junit


def parse(findings: list[Finding]) -> etree._Element:
    return etree.fromstring(render_junit(findings, context()).encode("utf-8"))


def test_junit_is_well_formed_with_unique_case_names_per_suite() -> None:
    root = parse(FINDINGS)
    for suite in root.iter("testsuite"):
        names = [(c.get("classname"), c.get("name")) for c in suite.iter("testcase")]
        assert len(names) == len(set(names))
        assert int(suite.get("tests") or 0) == len(names)
    assert int(root.get("failures") or 0) == len(FINDINGS)


def test_clean_file_is_one_passing_case() -> None:
    clean = parse(FINDINGS).find("testsuite[@name='sources/clean.md']")
    assert clean is not None
    case = clean.find("testcase")
    assert case is not None and case.get("name") == "glossary" and case.find("failure") is None


def test_characters_xml_cannot_hold_are_replaced() -> None:
    odd = Finding("a.md", 1, 1, "near-miss", Severity.WARNING, "bell \x07 here")
    failure = parse([odd]).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "bell \ufffd here"
