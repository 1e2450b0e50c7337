"""SARIF 2.1.0: valid against the OASIS schema, and shaped the way GitHub code scanning needs."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.report_findings import FINDINGS, RULES, context
from tmtool.findings import Finding, Severity
from tmtool.report.context import ReportContext
from tmtool.report.sarif import artifact_uri, render_sarif, rule_name


def sarif(findings: list[Finding] = FINDINGS, ctx: ReportContext | None = None) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(render_sarif(findings, ctx or context()))
    return document


@pytest.mark.parametrize("findings", [FINDINGS, []], ids=["findings", "empty"])
def test_sarif_validates_against_the_official_schema(shared_dir: Path, findings: list[Finding]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = shared_dir / "spec" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip(f"{schema_path} is absent")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(sarif(findings)), key=lambda e: list(e.path))
    assert not errors, errors[0].message


def test_results_point_at_their_rule_and_use_sarif_levels() -> None:
    run = sarif()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"forbidden-variant": "error", "near-miss": "warning", "translit": "note",
                      "custom-rule": "warning"}
    assert [r["id"] for r in rules][:3] == [r.id for r in RULES]
    assert run["columnKind"] == "unicodeCodePoints"


def test_result_carries_region_fingerprint_and_term_properties() -> None:
    run = sarif()["runs"][0]
    kiev = next(r for r in run["results"] if r["ruleId"] == "forbidden-variant")
    location = kiev["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "sources/interview.en.md"
    assert location["region"] == {"startLine": 12, "startColumn": 18, "endColumn": 22}
    assert len(kiev["partialFingerprints"]["tmtool/v1"]) == 32
    assert kiev["properties"] == {"term_id": "place.kyiv", "found": "Kiev", "expected": "Kyiv"}


def test_uris_are_relative_and_percent_encoded(tmp_path: Path) -> None:
    assert artifact_uri("dir with space/файл.po") == "dir%20with%20space/%D1%84%D0%B0%D0%B9%D0%BB.po"
    assert artifact_uri(str(tmp_path / "a" / "b.md"), root=str(tmp_path)) == "a/b.md"
    assert artifact_uri(str(tmp_path / "b.md"), root=str(tmp_path / "elsewhere")).startswith("file:///")


def test_rule_names_are_pascal_case() -> None:
    assert rule_name("forbidden-variant") == "ForbiddenVariant"


def test_zero_end_column_or_line_never_reaches_sarif() -> None:
    odd = Finding("a.md", 1, 1, "near-miss", Severity.WARNING, "m", end_column=1)
    region = sarif([odd])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1}
