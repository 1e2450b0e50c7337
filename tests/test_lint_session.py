"""A lint run without the rule engine: suppressions and the baseline act on findings."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from tmtool.findings import Finding, Severity
from tmtool.lint.session import LintRequest, run_lint
from tmtool.lint.units import LintUnit


def kiev_linter(units: Iterable[LintUnit]) -> list[Finding]:
    """Flags every 'Kiev' in a target text, as a stand-in for the engine."""
    found = []
    for unit in units:
        side = unit.target
        if side is None:
            continue
        start = side.text.find("Kiev")
        while start >= 0:
            line, column = side.position(start)
            found.append(Finding(unit.path, line, column, "forbidden-variant", Severity.ERROR,
                                 "Kiev", unit=unit.unit_id, term_id="place.kyiv", found="Kiev"))
            start = side.text.find("Kiev", start + 1)
    return found


@pytest.fixture
def doc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "doc.md"
    path.write_text("Kiev one.\n\n<!-- tmtool: ignore[forbidden-variant] -->\nKiev two.\n\nKiev three.\n",
                    encoding="utf-8")
    return path


def test_run_drops_inline_suppressed_findings_and_counts_units(doc: Path) -> None:
    outcome = run_lint(LintRequest(paths=("doc.md",)), kiev_linter)
    assert [(f.line, f.column) for f in outcome.findings] == [(1, 1), (6, 1)]
    assert (outcome.units, outcome.suppressed, outcome.files) == (3, 1, ("doc.md",))
    assert set(outcome.fingerprints) == set(outcome.findings)


def test_run_with_baseline_keeps_baselined_findings_for_rewriting(doc: Path) -> None:
    first = run_lint(LintRequest(paths=("doc.md",)), kiev_linter)
    baseline = Counter(first.fingerprints[f] for f in first.kept)
    doc.write_text("New Kiev.\n\n" + doc.read_text(encoding="utf-8"), encoding="utf-8")
    second = run_lint(LintRequest(paths=("doc.md",), baseline=baseline), kiev_linter)
    assert [(f.line, f.column) for f in second.findings] == [(1, 5)]
    assert second.baselined == 2 and len(second.kept) == 3
