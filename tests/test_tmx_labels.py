"""`tmx validate` on language labels: one unit in one language twice, a file whose labels
look swapped, and PO / XLIFF files handed to it by mistake."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool.cli import cli
from tmtool.findings import Severity
from tmtool.formats.tmx_check import validate_tmx

DATA = Path(__file__).parent / "data"
HEADER = ('<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" '
          'adminlang="en-US" srclang="{src}" datatype="plaintext"/>')


def _doc(pairs: list[tuple[str, str, str, str]], src: str = "en-GB") -> bytes:
    units = "".join(
        f'<tu>\n<tuv xml:lang="{a}"><seg>{a_text}</seg></tuv>\n'
        f'<tuv xml:lang="{b}"><seg>{b_text}</seg></tuv>\n</tu>\n'
        for a, a_text, b, b_text in pairs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            f'{HEADER.format(src=src)}\n<body>\n{units}</body>\n</tmx>\n').encode()


def _found(data: bytes) -> list[tuple[str, int, Severity, str]]:
    return [(f.rule, f.line, f.severity, f.message)
            for f in validate_tmx(io.BytesIO(data), name="m.tmx")]


def test_two_variants_of_one_language_are_an_error_two_regions_a_warning() -> None:
    data = _doc([("en-GB", "News", "en", "Новини"), ("en-GB", "Colour", "en-US", "Color"),
                 ("en-GB", "News", "uk-UA", "Новини")])
    assert _found(data) == [
        ("tmx-same-language", 5, Severity.ERROR,
         "<tuv> en-GB and en in one tu: one language twice, so one side is mislabelled"),
        ("tmx-same-language", 9, Severity.WARNING,
         "<tuv> en-GB and en-US in one tu: two regions of one language"),
    ]


def test_labels_that_look_swapped_are_warned_once_for_the_file() -> None:
    data = _doc([("en-GB", "Новини", "uk-UA", "News"),
                 ("en-GB", "Посольство", "uk-UA", "Embassy"),
                 ("en-GB", "100", "uk-UA", "100")])
    assert _found(data) == [
        ("tmx-swapped-labels", 7, Severity.WARNING,
         ("labels look swapped: the 2 uk-UA segments hold no Cyrillic while 2 of 2 en-GB "
          "segments are Cyrillic"))]


def test_right_labels_with_some_latin_ukrainian_are_not_warned() -> None:
    data = _doc([("en-GB", "OK", "uk-UA", "OK"), ("en-GB", "News", "uk-UA", "Новини")])
    assert _found(data) == []


@pytest.mark.parametrize(("source", "what", "suffix"), [
    ("po/app.uk.po", "a gettext PO catalogue", ""),
    ("xliff/sample-20.xlf", "an XLIFF file", ":2"),
])
def test_validate_says_what_a_po_or_xliff_file_is_and_which_command_reads_it(
        source: str, what: str, suffix: str) -> None:
    path = DATA / source
    result = CliRunner().invoke(cli, ["tmx", "validate", str(path)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"tmtool: error: {path}{suffix}: {what}, not TMX: `tmtool convert {path} -o "
        f"{path.with_suffix('.tmx')}` makes a TMX of it, and `tmtool lint` checks it as it is\n"
        "1 file: 0 errors, 0 warnings, 1 unreadable\n")


def test_validate_knows_a_po_catalogue_that_opens_with_a_long_comment_block(tmp_path: Path) -> None:
    # Real catalogues (Django's, for one) open with a licence and a list of translators that
    # fills more than the first 512 bytes before the first msgid.
    translators = "".join(f"# Translator {n} <t{n}@example.org>, 2014-2025\n" for n in range(30))
    path = tmp_path / "django.po"
    path.write_text(f"# This file is distributed under the same license as the package.\n"
                    f"#\n# Translators:\n{translators}msgid \"\"\nmsgstr \"\"\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["tmx", "validate", str(path)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"tmtool: error: {path}: a gettext PO catalogue, not TMX")
