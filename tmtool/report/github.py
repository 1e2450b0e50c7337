"""GitHub Actions output: workflow-command annotations (`::error file=…::message`) and a
Markdown summary table for the job page.

Decisions: GitHub keeps only 10 annotations per severity per step, so findings are printed
most severe first; the full list belongs in the summary table and in SARIF. Escaping follows
the runner's rules: `%`, CR and LF in the message, and also `:` and `,` in property values.
The summary is returned as text; the CLI decides where it goes (`$GITHUB_STEP_SUMMARY`).
"""
from __future__ import annotations

from collections.abc import Iterable

from tmtool.findings import Finding, Severity
from tmtool.report.context import ReportContext, describe_counts, report_order

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def severity_order(finding: Finding) -> tuple[object, ...]:
    return (-finding.severity, *report_order(finding))


def format_annotation(finding: Finding) -> str:
    properties = [("file", finding.path), ("line", str(finding.line)), ("col", str(finding.column))]
    if finding.end_column is not None and finding.end_column > finding.column:
        properties.append(("endColumn", str(finding.end_column)))
    properties.append(("title", finding.rule))
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    unit = f" (unit {finding.unit})" if finding.unit else ""
    return f"::{COMMANDS[finding.severity]} {listed}::{escape_data(finding.message + unit)}"


def render_github(findings: Iterable[Finding], context: ReportContext) -> str:
    """One workflow command per finding, errors first."""
    return "".join(format_annotation(f) + "\n" for f in sorted(findings, key=severity_order))


def _cell(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'")


def render_summary(findings: Iterable[Finding], context: ReportContext) -> str:
    """A Markdown section for `$GITHUB_STEP_SUMMARY`: counts, then a table of findings."""
    ordered = sorted(findings, key=severity_order)
    files = int(context.summary.get("files", len(context.files)))
    lines = ["## tmtool lint", "", describe_counts(ordered, files=files).capitalize() + ".", ""]
    if ordered:
        lines += ["| severity | location | rule | message |", "| --- | --- | --- | --- |"]
        for f in ordered:
            unit = f" (unit {_cell(f.unit)})" if f.unit else ""
            lines.append(
                f"| {f.severity.label} | `{_cell(f.path)}:{f.line}:{f.column}`{unit} "
                f"| {f.rule} | {_cell(f.message)} |"
            )
        lines.append("")
    return "\n".join(lines) + "\n"
