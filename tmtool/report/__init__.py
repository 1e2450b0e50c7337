"""Report formats by name, imported only when used: each renderer takes the findings and a
`ReportContext` and returns the whole report as text."""
from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tmtool.findings import Finding
    from tmtool.report.context import ReportContext

Renderer = Callable[["Sequence[Finding]", "ReportContext"], str]

# name -> "module:function"; the order is the order `--format` offers them in.
REPORT_FORMATS: dict[str, str] = {
    "text": "tmtool.report:render_text_report",
    "json": "tmtool.report:render_json_report",
    "sarif": "tmtool.report.sarif:render_sarif",
    "github": "tmtool.report.github:render_github",
    "junit": "tmtool.report.junit:render_junit",
}
MACHINE_FORMATS = frozenset({"json", "sarif", "junit"})


def get_renderer(name: str) -> Renderer:
    """The renderer for a format name (`KeyError` for an unknown one)."""
    module_name, attribute = REPORT_FORMATS[name].split(":")
    renderer: Renderer = getattr(importlib.import_module(module_name), attribute)
    return renderer


def render_text_report(findings: Sequence[Finding], context: ReportContext) -> str:
    """Compiler lines (the context adds nothing to them)."""
    from dataclasses import replace

    from tmtool.report.context import report_order
    from tmtool.report.text import render_text

    # One finding, one line: a line break inside a message would break compiler parsing.
    flat = [replace(f, message=" ".join(f.message.split())) if "\n" in f.message or "\r" in f.message
            else f for f in findings]
    return render_text(sorted(flat, key=report_order))


def render_json_report(findings: Sequence[Finding], context: ReportContext) -> str:
    """Stable JSON; the summary and settings come from the context."""
    from tmtool.report.context import report_order
    from tmtool.report.json_report import render_json

    return render_json(sorted(findings, key=report_order), summary=context.summary, settings=context.settings)
