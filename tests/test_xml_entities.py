"""Entity references that no declaration backs (`&nbsp;` in a TMX whose DOCTYPE names the
external DTD, as Trados, memoQ and old XLIFF/TBX exports do) are refused everywhere XML is
read, with the file and line, instead of being dropped from the text.

The fixtures in tests/data/entities/ have the structure of real exports: a DOCTYPE with a
SYSTEM (or PUBLIC) identifier and no internal subset.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool.cli import cli
from tmtool.errors import InputError
from tmtool.formats.tmx import read_tmx
from tmtool.formats.tmx_check import validate_tmx
from tmtool.formats.xliff import read_xliff
from tmtool.glossary.tbx import read_glossary_tbx

DATA = Path(__file__).parent / "data" / "entities"
GLOSSARY = Path(__file__).parent / "data" / "glossary" / "rules.csv"
NBSP = ("trados-export-nbsp.tmx:17: the entity &nbsp; is not defined in the file (tmtool does "
        "not load external DTDs); write the character itself or &#160;")
EACUTE_ATTRIBUTE = ("attribute-entity.tmx:8: the entity &eacute; is not defined in the file "
                    "(tmtool does not load external DTDs); write the character itself or &#233;")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for path in DATA.iterdir():
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _read(name: str) -> list[tuple[str, ...]]:
    with open(DATA / name, "rb") as stream:
        return [tuple(v.text for v in unit.variants) for unit in read_tmx(stream, name=name)]


def test_reader_refuses_an_undefined_entity_in_a_segment() -> None:
    with pytest.raises(InputError) as caught:
        _read("trados-export-nbsp.tmx")
    assert str(caught.value) == NBSP


def test_reader_refuses_an_undefined_entity_in_an_attribute() -> None:
    """libxml2 leaves no node for it there: the attribute would read 'Rene' silently."""
    with pytest.raises(InputError) as caught:
        _read("attribute-entity.tmx")
    assert str(caught.value) == EACUTE_ATTRIBUTE


def test_predefined_entities_and_character_references_still_read_under_a_doctype() -> None:
    assert _read("references-that-read.tmx") == [
        ("Tom & Jerry <b> > \"quoted\" 'it'", "100\u00a0км \u2014 ©\u00a02024"),
    ]


def test_a_doctype_without_entity_use_still_reads() -> None:
    assert len(_read("../tmx/basic.tmx")) == 3


def test_validate_refuses_the_file_instead_of_passing_it() -> None:
    with open(DATA / "trados-export-nbsp.tmx", "rb") as stream, \
            pytest.raises(InputError) as caught:
        list(validate_tmx(stream, name="trados-export-nbsp.tmx"))
    assert str(caught.value) == NBSP


def test_xliff_reader_refuses_an_undefined_entity() -> None:
    with pytest.raises(InputError) as caught:
        list(read_xliff(DATA / "xliff11-doctype.xlf", name="xliff11-doctype.xlf"))
    assert str(caught.value) == (
        "xliff11-doctype.xlf:11: the entity &nbsp; is not defined in the file (tmtool does not "
        "load external DTDs); write the character itself or &#160;")


def test_tbx_reader_refuses_an_undefined_entity(work: Path) -> None:
    with pytest.raises(InputError) as caught:
        list(read_glossary_tbx("tbx2008-eacute.tbx"))
    assert str(caught.value) == (
        "tbx2008-eacute.tbx:15: the entity &eacute; is not defined in the file (tmtool does not "
        "load external DTDs); write the character itself or &#233;")


@pytest.mark.parametrize("command", [
    ["tmx", "validate", "-q", "trados-export-nbsp.tmx"],
    ["tmx", "stats", "trados-export-nbsp.tmx"],
    ["tmx", "merge", "references-that-read.tmx", "trados-export-nbsp.tmx", "-o", "out.tmx"],
    ["convert", "trados-export-nbsp.tmx", "-o", "out.tsv"],
    ["convert", "trados-export-nbsp.tmx", "-o", "out.po"],
    ["lint", "trados-export-nbsp.tmx", "--glossary", str(GLOSSARY)],
])
def test_every_command_exits_2_with_one_line_and_writes_nothing(
    work: Path, command: list[str]
) -> None:
    before = sorted(p.name for p in work.iterdir())
    result = CliRunner().invoke(cli, command)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"tmtool: error: {NBSP}\n")
    assert sorted(p.name for p in work.iterdir()) == before


def test_merge_still_merges_files_whose_references_are_all_defined(work: Path) -> None:
    result = CliRunner().invoke(cli, ["tmx", "merge", "references-that-read.tmx", "-o", "out.tmx",
                                      "-q"])
    assert (result.exit_code, result.stderr) == (0, "")
    with open(work / "out.tmx", "rb") as stream:
        [unit] = list(read_tmx(stream, name="out.tmx"))
    assert unit.variant("uk-UA").text == "100\u00a0км \u2014 ©\u00a02024"  # type: ignore[union-attr]
