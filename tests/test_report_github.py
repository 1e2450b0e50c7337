"""GitHub workflow commands and the step summary."""
from __future__ import annotations

from pathlib import Path

from tests.golden import assert_golden
from tests.report_findings import FINDINGS, context
from tmtool.findings import Finding, Severity
from tmtool.report.github import (
    escape_data,
    escape_property,
    format_annotation,
    render_github,
    render_summary,
)

GOLDEN = Path(__file__).parent / "golden" / "report"


def test_message_and_property_escaping_follow_the_runner() -> None:
    assert escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_annotation_escapes_a_path_with_comma_and_colon() -> None:
    finding = Finding("a,b:c.md", 2, 3, "near-miss", Severity.WARNING, "x")
    assert format_annotation(finding) == "::warning file=a%2Cb%3Ac.md,line=2,col=3,title=near-miss::x"


def test_most_severe_findings_come_first() -> None:
    commands = [line.split(" ")[0] for line in render_github(FINDINGS, context()).splitlines()]
    assert commands == ["::error", "::warning", "::warning", "::notice", "::notice"]


def test_step_summary_is_a_markdown_table(update_golden: bool) -> None:
    summary = render_summary(FINDINGS, context())
    assert_golden(GOLDEN / "summary.github.md", summary, update_golden)
    assert summary.count("\n| ") == len(FINDINGS) + 2  # header, rule, one row each


def test_step_summary_of_a_clean_run() -> None:
    assert render_summary([], context()) == "## tmtool lint\n\nNo findings in 4 files.\n\n"
