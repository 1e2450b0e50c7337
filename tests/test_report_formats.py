"""Every report format against a reviewed golden file, plus each format's invariant."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden import assert_golden
from tests.report_findings import FINDINGS, context
from tmtool.report import REPORT_FORMATS, get_renderer

GOLDEN = Path(__file__).parent / "golden" / "report"
SUFFIX = {"text": "txt", "json": "json", "sarif": "sarif", "github": "txt", "junit": "xml"}


@pytest.mark.parametrize("name", list(REPORT_FORMATS))
def test_format_matches_golden(name: str, update_golden: bool) -> None:
    output = get_renderer(name)(FINDINGS, context())
    assert_golden(GOLDEN / f"findings.{name}.{SUFFIX[name]}", output, update_golden)


@pytest.mark.parametrize("name", list(REPORT_FORMATS))
def test_format_output_does_not_depend_on_finding_order(name: str) -> None:
    renderer = get_renderer(name)
    assert renderer(FINDINGS, context()) == renderer(list(reversed(FINDINGS)), context())


@pytest.mark.parametrize("name", list(REPORT_FORMATS))
def test_format_renders_an_empty_run(name: str, update_golden: bool) -> None:
    output = get_renderer(name)([], context())
    assert_golden(GOLDEN / f"empty.{name}.{SUFFIX[name]}", output, update_golden)


def test_json_keeps_the_documented_finding_shape() -> None:
    document = json.loads(get_renderer("json")(FINDINGS, context()))
    assert list(document["findings"][0]) == [
        "path", "line", "column", "unit", "rule", "severity", "term_id", "found", "expected", "message",
    ]
    assert document["summary"]["findings"] == len(FINDINGS)
