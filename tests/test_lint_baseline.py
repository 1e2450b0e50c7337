"""Fingerprints and the baseline file."""
from __future__ import annotations

import io
from collections import Counter

import pytest

from tmtool.errors import InputError
from tmtool.findings import Finding, Severity
from tmtool.lint.baseline import (
    LineIndex,
    fingerprint,
    fingerprints,
    load_baseline,
    new_findings,
    write_baseline,
)
from tmtool.lint.units import LintUnit, TextSide


def kiev(path: str = "a.md", line: int = 3, column: int = 5, unit: str | None = None) -> Finding:
    return Finding(path, line, column, "forbidden-variant", Severity.ERROR, "'Kiev' ...",
                   unit=unit, term_id="place.kyiv", found="Kiev", expected="Kyiv")


def indexed(text: str, path: str = "a.md", line: int = 1) -> LineIndex:
    index = LineIndex()
    index.record(LintUnit(path, TextSide(text, line)))
    return index


def test_fingerprint_survives_lines_moving_and_whitespace_changes() -> None:
    before = indexed("Intro.\n\nHe  went to Kiev.")
    after = indexed("New paragraph.\n\nIntro.\n\nHe went to   Kiev.")
    assert fingerprint(kiev(line=3), before.context(kiev(line=3))) == \
        fingerprint(kiev(line=5, column=13), after.context(kiev(line=5, column=13)))


def test_fingerprint_changes_with_rule_term_found_path_or_line_text() -> None:
    index = indexed("He went to Kiev.\nShe went to Kiev.", line=3)
    base = fingerprint(kiev(), index.context(kiev()))
    assert fingerprint(kiev(line=4), index.context(kiev(line=4))) != base
    assert fingerprint(kiev(path="b.md"), index.context(kiev())) != base
    other = Finding("a.md", 3, 5, "near-miss", Severity.WARNING, "m", term_id="place.kyiv", found="Kiev")
    assert fingerprint(other, index.context(other)) != base


def test_bilingual_findings_are_anchored_by_unit_id() -> None:
    index = LineIndex()
    index.record(LintUnit("m.tmx", TextSide("Kiev", 10, exact=False), TextSide("Київ", 9), "57"))
    assert index.context(kiev("m.tmx", 10, unit="57")) == "unit:57"
    assert fingerprint(kiev("m.tmx", 10, unit="57"), "unit:57") == \
        fingerprint(kiev("m.tmx", 99, unit="57"), "unit:57")


def test_baseline_round_trip_reports_only_new_findings() -> None:
    index = indexed("Kiev.\nKiev.\nKiev again.", line=1)
    old = [kiev(line=1), kiev(line=2)]
    stream = io.StringIO()
    assert write_baseline(old, fingerprints(old, index), stream) == 2
    baseline = load_baseline(stream.getvalue(), name="base.json")
    assert sum(baseline.values()) == 2
    current = [kiev(line=1), kiev(line=2), kiev(line=3)]
    fresh, covered = new_findings(current, fingerprints(current, index), baseline)
    assert covered == 2 and fresh == [kiev(line=3)]


def test_a_repeated_finding_beyond_the_recorded_count_is_new() -> None:
    index = indexed("Kiev.\n\nKiev.", line=1)
    one = [kiev(line=1)]
    baseline = Counter(fingerprints(one, index).values())
    current = [kiev(line=1), kiev(line=3)]
    fresh, covered = new_findings(current, fingerprints(current, index), baseline)
    assert covered == 1 and fresh == [kiev(line=3)]


def test_baseline_file_has_no_line_numbers_and_is_sorted() -> None:
    index = indexed("Kiev.\nKiev.", line=1)
    findings = [kiev(path="b.md", line=2), kiev(path="a.md", line=1)]
    stream = io.StringIO()
    write_baseline(findings, fingerprints(findings, index), stream)
    assert '"line"' not in stream.getvalue()
    assert stream.getvalue().index('"a.md"') < stream.getvalue().index('"b.md"')


@pytest.mark.parametrize(("text", "problem"), [
    ("{", "invalid JSON"),
    ("[]", "not a tmtool baseline"),
    ('{"tool": "tmtool", "version": 9, "findings": []}', "version 9 is not supported"),
    ('{"tool": "tmtool", "version": 1, "findings": [{}]}', "has no 'fingerprint'"),
])
def test_malformed_baseline_is_an_input_error(text: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as caught:
        load_baseline(text, name="base.json")
    assert str(caught.value).startswith("base.json")
