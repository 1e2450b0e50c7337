"""`validate_tmx`: one table row per rule, plus clean files and unreadable ones."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.tmx_samples import HEADER, sample_units
from tmtool.errors import InputError
from tmtool.findings import Severity
from tmtool.formats.tmx import write_tmx
from tmtool.formats.tmx_check import RULES, validate_tmx

DATA = Path(__file__).parent / "data" / "tmx"
GOOD_HEADER = (
    '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
    'adminlang="en-US" srclang="uk-UA" datatype="plaintext"/>'
)


def _doc(body: str, header: str = GOOD_HEADER, version: str = 'version="1.4"') -> bytes:
    """A TMX whose <body> starts on line 4 and whose header is on line 3."""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx {version}>\n{header}\n<body>\n{body}\n</body>\n</tmx>\n'.encode()


def _pair(uk: str = "Так.", en: str = "Yes.", tu: str = "") -> str:
    return f'<tu tuid="u1"{tu}><tuv xml:lang="uk-UA"><seg>{uk}</seg></tuv><tuv xml:lang="en-GB"><seg>{en}</seg></tuv></tu>'


def _found(data: bytes) -> list[tuple[str, int, str]]:
    return [
        (f.rule, f.line, f.severity.label) for f in validate_tmx(io.BytesIO(data), name="t.tmx")
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_doc(_pair()), []),
        (_doc(_pair(), version=""), [("tmx-version", 2, "error")]),
        (_doc(_pair(), version='version="1.1"'), [("tmx-version", 2, "warning")]),
        (_doc(_pair(), version='version="2.0"'), [("tmx-version", 2, "error")]),
        (
            _doc(_pair(), header=GOOD_HEADER.replace('datatype="plaintext"', "")),
            [("tmx-attribute", 3, "error")],
        ),
        (
            _doc(_pair(), header=GOOD_HEADER.replace("sentence", "word")),
            [("tmx-attribute", 3, "error")],
        ),
        (
            _doc(_pair(), header=GOOD_HEADER.replace('srclang="uk-UA"', 'srclang="*all*"')),
            [("tmx-srclang", 3, "warning")],
        ),
        (
            _doc(_pair(), header=GOOD_HEADER.replace('adminlang="en-US"', 'adminlang="en_US"')),
            [("tmx-locale", 3, "error")],
        ),
        (_doc(_pair(tu=' changedate="2025-01-01 12:00"')), [("tmx-date", 5, "error")]),
        (_doc(_pair(tu=' creationdate="20251301T000000Z"')), [("tmx-date", 5, "error")]),
        (_doc(_pair(tu=' creationdate="20250101T000000Z"')), []),
        (_doc(_pair(tu=' foo="x"')), [("tmx-attribute", 5, "warning")]),
        (_doc(_pair(tu=' srclang="en-GB"')), [("tmx-srclang", 5, "warning")]),
        (_doc(_pair().replace('"en-GB"', '"ua"')), [("tmx-locale", 5, "error")]),
        (_doc(_pair().replace('"en-GB"', '"uk-UA"')), [("tmx-duplicate-lang", 5, "error")]),
        (_doc(_pair().replace('"uk-UA"', '"pl-PL"')), [("tmx-srclang", 5, "error")]),
        (_doc(_pair().replace('"uk-UA"', '"uk"')), [("tmx-srclang", 5, "warning")]),
        (_doc(_pair(uk="  ")), [("tmx-empty-seg", 5, "warning")]),
        (_doc(_pair(uk="я" * 2001)), [("tmx-long-seg", 5, "warning")]),
        (_doc(_pair(uk="я" * 2000)), []),
        (_doc(_pair(uk="a\u0085b")), [("tmx-discouraged-char", 5, "warning")]),
        (_doc(_pair(uk='<bpt i="1">&lt;b&gt;</bpt>x<ept i="1">&lt;/b&gt;</ept>')), []),
        (_doc(_pair(uk='<bpt i="1">&lt;b&gt;</bpt>x')), [("tmx-inline-pairing", 5, "error")]),
        (_doc(_pair(uk='x<ept i="1">&lt;/b&gt;</ept>')), [("tmx-inline-pairing", 5, "error")]),
        (
            _doc(_pair(uk='<ept i="1"/>x<bpt i="1"/>')),
            [("tmx-inline-pairing", 5, "error"), ("tmx-inline-pairing", 5, "error")],
        ),
        (
            _doc(_pair(uk='<bpt i="1"/>x<ept i="1"/><bpt i="1"/>y<ept i="1"/>')),
            [("tmx-inline-id", 5, "error"), ("tmx-inline-id", 5, "error")],
        ),
        (_doc(_pair(uk="<bpt>x</bpt>")), [("tmx-attribute", 5, "error")]),
        (_doc(_pair(uk='<it pos="middle">x</it>')), [("tmx-attribute", 5, "error")]),
        (_doc(_pair(uk="<b>x</b>")), [("tmx-structure", 5, "error")]),
        (_doc(_pair(uk='<ph>a<bpt i="2"/></ph>')), [("tmx-structure", 5, "error")]),
        (_doc(_pair(uk='<hi type="x">a<ph>b</ph></hi>')), []),
        (
            _doc('<tu tuid="u1"><tuv xml:lang="uk-UA"><seg>a</seg></tuv>\n<note>late</note></tu>'),
            [("tmx-structure", 6, "error")],
        ),
        (
            _doc('<tu tuid="u1"><tuv xml:lang="uk-UA"><seg>a</seg><note>late</note></tuv></tu>'),
            [("tmx-structure", 5, "error")],
        ),
        (_doc('<tu tuid="u1"><tuv xml:lang="uk-UA"></tuv></tu>'), [("tmx-structure", 5, "error")]),
        (
            _doc('<tu tuid="u1"><tuv xml:lang="uk-UA"><seg>a</seg><seg>b</seg></tuv></tu>'),
            [("tmx-structure", 5, "error")],
        ),
        (_doc('<tu tuid="u1"><tuv><seg>a</seg></tuv></tu>'), [("tmx-attribute", 5, "error")]),
        (_doc('<tu tuid="u1"></tu>'), [("tmx-structure", 5, "error")]),
        (
            _doc('<tu tuid="u1">text<tuv xml:lang="uk-UA"><seg>a</seg></tuv></tu>'),
            [("tmx-structure", 5, "error")],
        ),
        (
            _doc(_pair() + '\n<tuv xml:lang="uk-UA"><seg>a</seg></tuv>'),
            [("tmx-structure", 6, "error")],
        ),
        (
            _doc(_pair()).replace(b"<body>\n", b"").replace(b"</body>\n", b""),
            [("tmx-structure", 2, "error"), ("tmx-structure", 4, "error")],
        ),
        (_doc(_pair()).replace(GOOD_HEADER.encode(), b""), [("tmx-structure", 2, "error")]),
    ],
)
def test_validate_reports_each_problem_with_rule_line_and_severity(
    data: bytes, expected: list[tuple[str, int, str]]
) -> None:
    assert sorted(_found(data)) == sorted(expected)


def test_tuv_with_only_the_old_lang_attribute_is_an_error_in_tmx_14_and_a_warning_in_11() -> None:
    body = '<tu><tuv lang="uk-UA"><seg>a</seg></tuv></tu>'
    assert _found(_doc(body)) == [("tmx-attribute", 5, "error")]
    assert sorted(_found(_doc(body, version='version="1.1"'))) == [
        ("tmx-attribute", 5, "warning"),
        ("tmx-version", 2, "warning"),
    ]


def test_findings_name_the_unit() -> None:
    (finding,) = validate_tmx(io.BytesIO(_doc(_pair(uk=" "))), name="t.tmx")
    assert (finding.path, finding.unit, finding.column) == ("t.tmx", "u1", 1)


def test_forbidden_character_is_reported_with_line_and_column() -> None:
    findings = list(validate_tmx(io.BytesIO(_doc(_pair(uk="ab\x01c"))), name="t.tmx"))
    assert [(f.rule, f.line, f.column, f.severity) for f in findings] == [
        ("tmx-forbidden-char", 5, 44, Severity.ERROR)
    ]
    assert findings[0].message == "U+0001 is forbidden in XML 1.0 (checking stopped here)"


def test_forbidden_character_reference_is_reported_too() -> None:
    assert _found(_doc(_pair(uk="a&#xFFFF;"))) == [("tmx-forbidden-char", 5, "error")]


def test_encoding_other_than_plain_utf8_is_noted() -> None:
    date_problem = ("tmx-date", 11, "error")  # the fixture's lenient changedate
    assert _found((DATA / "utf8-bom.tmx").read_bytes()) == [
        ("tmx-encoding", 1, "warning"),
        date_problem,
    ]
    assert _found((DATA / "utf16-bom.tmx").read_bytes()) == [
        ("tmx-encoding", 1, "info"),
        date_problem,
    ]
    assert _found((DATA / "utf16le-no-bom.tmx").read_bytes()) == [
        ("tmx-encoding", 1, "info"),
        date_problem,
    ]


def test_fixtures_and_our_own_output_are_valid() -> None:
    assert _found((DATA / "basic.tmx").read_bytes()) == [("tmx-date", 11, "error")]
    out = io.BytesIO()
    write_tmx(sample_units(), out, header=HEADER)
    assert _found(out.getvalue()) == []


@pytest.mark.parametrize(
    "name",
    [
        "not-xml.tmx",
        "truncated.tmx",
        "wrong-root.tmx",
        "unknown-encoding.tmx",
        "external-entity.tmx",
        "billion-laughs.tmx",
    ],
)
def test_validate_raises_input_error_for_unreadable_files(name: str) -> None:
    with pytest.raises(InputError, match=rf"^{name}:\d+: "), open(DATA / name, "rb") as stream:
        list(validate_tmx(stream, name=name))


def test_every_rule_id_is_documented_and_kebab_case() -> None:
    for rule, description in RULES.items():
        assert rule.startswith("tmx-") and rule == rule.lower() and " " not in rule
        assert description
