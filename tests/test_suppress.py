"""Inline `tmtool: ignore[...]` markers in comments and notes."""
from __future__ import annotations

import pytest

from tmtool.findings import Finding, Severity
from tmtool.lint.suppress import Suppressions, ignores_in_notes, line_ignores, parse_ignore


@pytest.mark.parametrize(("text", "expected"), [
    ("tmtool: ignore[near-miss]", {"near-miss"}),
    (" tmtool: ignore[near-miss, Forbidden-Variant ] ", {"near-miss", "forbidden-variant"}),
    ("tmtool:ignore", {"*"}),
    ("tmtool: ignore[]", {"*"}),
    ("reviewed by Olena", None),
])
def test_parse_ignore(text: str, expected: set[str] | None) -> None:
    result = parse_ignore(text)
    assert (None if result is None else set(result)) == expected


def test_notes_without_markers_silence_nothing() -> None:
    assert ignores_in_notes(["checked", "tmtool: ignore[translit]"]) == {"translit"}
    assert ignores_in_notes(["checked"]) == frozenset()


def test_comment_alone_on_its_line_silences_the_next_non_blank_line() -> None:
    text = "Kyiv\n<!-- tmtool: ignore[near-miss] -->\n\nKiev here\nKiev again\n"
    assert line_ignores(text) == {4: frozenset({"near-miss"})}


def test_comment_after_text_silences_its_own_line() -> None:
    text = "Kiev here <!-- tmtool: ignore[forbidden-variant] -->\nKiev again\n"
    assert line_ignores(text) == {1: frozenset({"forbidden-variant"})}


def test_comment_before_text_on_the_same_line_silences_that_line() -> None:
    assert line_ignores("<!-- tmtool: ignore --> Kiev\nKiev\n") == {1: frozenset({"*"})}


def test_ordinary_comments_and_a_comment_at_the_end_silence_nothing() -> None:
    assert line_ignores("<!-- a note -->\nKiev\n<!-- tmtool: ignore -->\n") == {}


def test_suppressions_by_line_and_by_unit() -> None:
    suppressions = Suppressions()
    suppressions.add_lines("a.md", {3: frozenset({"near-miss"})})
    suppressions.add_unit("b.tmx", "7", frozenset({"*"}))
    findings = [
        Finding("a.md", 3, 1, "near-miss", Severity.WARNING, "m"),
        Finding("a.md", 3, 9, "forbidden-variant", Severity.ERROR, "m"),
        Finding("a.md", 4, 1, "near-miss", Severity.WARNING, "m"),
        Finding("b.tmx", 20, 1, "translit", Severity.INFO, "m", unit="7"),
        Finding("b.tmx", 30, 1, "translit", Severity.INFO, "m", unit="8"),
    ]
    kept, silenced = suppressions.split(findings)
    assert silenced == 2
    assert [(f.path, f.line, f.rule) for f in kept] == [
        ("a.md", 3, "forbidden-variant"), ("a.md", 4, "near-miss"), ("b.tmx", 30, "translit"),
    ]
