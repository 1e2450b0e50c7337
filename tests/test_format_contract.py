"""One contract for every reader: an empty file, UTF-16 with and without a BOM, a control
character and a truncated file each give the same units or one `InputError` naming the file
(and the line where there is one) -- never a traceback."""
from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tmtool.errors import InputError
from tmtool.formats.po import read_po
from tmtool.formats.tabular import read_tabular
from tmtool.formats.tmx import read_tmx
from tmtool.formats.xliff import read_xliff
from tmtool.glossary.tbx import read_tbx


@dataclass(frozen=True)
class Case:
    """A reader, a valid sample whose line 4 holds the text `Посол`, how the sample is cut
    to truncate it, and what an empty file gives (None: no units; else the error text)."""

    name: str
    read: Callable[[io.BytesIO, str], Iterator[Any]]
    sample: str
    cut: str
    empty_error: str | None
    xml: bool


def _texts(items: list[Any]) -> list[str]:
    return [getattr(i, "en", None) or i.variants[-1].text for i in items]


CASES = [
    Case("po", lambda s, n: read_po(s, name=n, src_lang="uk-UA"),
         'msgid ""\nmsgstr ""\n"Language: en-GB\\n"\nmsgid "Посол"\nmsgstr "Ambassador"\n',
         'msgstr "Amb', None, False),
    # TSV has no quoting, so only a cut before the tab (a row of one cell) is detectable.
    Case("tsv", lambda s, n: read_tabular(s, name=n, fmt="tsv"),
         "uk-UA\ten-GB\nМир\tPeace\n\nПосол\tAmbassador\n", "Пос", None, False),
    Case("csv", lambda s, n: read_tabular(s, name=n, fmt="csv"),
         "uk-UA,en-GB\nМир,Peace\n\nПосол,\"Ambassador\"\n", "Посол,\"Amb", None, False),
    Case("xliff", lambda s, n: read_xliff(s, name=n),
         '<?xml version="1.0" encoding="{enc}"?>\n<xliff version="1.2" '
         'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="uk-UA" '
         'target-language="en-GB"><body>\n<trans-unit id="1">\n<source>Посол</source>'
         "<target>Ambassador</target></trans-unit>\n</body></file></xliff>\n",
         "<target>Amb", "not well-formed XML", True),
    Case("tmx", lambda s, n: read_tmx(s, name=n),
         '<?xml version="1.0" encoding="{enc}"?>\n<tmx version="1.4"><header srclang="uk-UA" '
         'segtype="sentence" datatype="plaintext" adminlang="en" o-tmf="x" creationtool="x" '
         'creationtoolversion="1"/><body>\n<tu>\n<tuv xml:lang="uk-UA"><seg>Посол</seg></tuv>'
         '<tuv xml:lang="en-GB"><seg>Ambassador</seg></tuv></tu>\n</body></tmx>\n',
         "<seg>Amb", "", True),
    Case("tbx", lambda s, n: read_tbx(s, name=n),
         '<?xml version="1.0" encoding="{enc}"?>\n<martif type="TBX-Basic"><text><body>'
         '<termEntry id="a">\n\n<langSet xml:lang="uk"><tig><term>Посол</term></tig></langSet>\n'
         '<langSet xml:lang="en"><tig><term>Ambassador</term>'
         "</tig></langSet>\n</termEntry></body></text></martif>\n",
         "<term>Amb", "empty file, not TBX", True),
]
IDS = [case.name for case in CASES]


def _sample(case: Case, encoding: str = "UTF-8") -> str:
    return case.sample.replace("{enc}", encoding)


def _read(case: Case, data: bytes) -> list[Any]:
    return list(case.read(io.BytesIO(data), f"sample.{case.name}"))


def _expected(case: Case) -> list[str]:
    return _texts(_read(case, _sample(case).encode("utf-8")))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_sample_reads_as_one_unit_ending_in_ambassador(case: Case) -> None:
    assert _expected(case)[-1] == "Ambassador"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_empty_file_gives_no_units_or_one_input_error(case: Case) -> None:
    if case.empty_error is None:
        assert _read(case, b"") == []
        return
    with pytest.raises(InputError) as caught:
        _read(case, b"")
    assert str(caught.value).startswith(f"sample.{case.name}")
    assert case.empty_error in str(caught.value)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_utf16_with_bom_reads_the_same_units(case: Case) -> None:
    data = codecs.BOM_UTF16_LE + _sample(case, "UTF-16").encode("utf-16-le")
    assert _texts(_read(case, data)) == _expected(case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_utf16_without_bom_reads_the_same_or_is_refused_with_a_line(case: Case) -> None:
    data = _sample(case, "UTF-16").encode("utf-16-le")
    if case.xml:   # XML declares its encoding; libxml2 detects UTF-16 from "<?" itself
        assert _texts(_read(case, data)) == _expected(case)
        return
    with pytest.raises(InputError, match=rf"^sample.{case.name}:1: looks like a binary file"):
        _read(case, data)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_control_character_is_an_input_error_naming_its_line(case: Case) -> None:
    data = _sample(case).replace("Посол", "Пос\x01ол").encode("utf-8")
    with pytest.raises(InputError) as caught:
        _read(case, data)
    assert caught.value.path == f"sample.{case.name}"
    assert caught.value.line == 4


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_truncated_file_is_an_input_error_naming_a_line(case: Case) -> None:
    text = _sample(case)
    data = text[: text.index(case.cut) + len(case.cut)].encode("utf-8")
    with pytest.raises(InputError) as caught:
        _read(case, data)
    assert caught.value.path == f"sample.{case.name}"
    assert caught.value.line is not None
