"""Glossary CSV loading and validation: every problem names file and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from tmtool.errors import InputError
from tmtool.glossary import load_glossary, read_glossary_csv

DATA = Path(__file__).parent / "data" / "glossary"
HEADER = "id,type,uk,en,en_allowed,en_forbidden,en_historical,note\n"


def write(tmp_path: Path, text: str, name: str = "g.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(paths: list[Path]) -> str:
    with pytest.raises(InputError) as info:
        load_glossary(paths)
    return str(info.value)


def test_file_with_only_the_eight_issue_columns_loads() -> None:
    glossary = load_glossary([DATA / "eight_columns.csv"])
    kyiv = glossary.by_id["place.kyiv"]
    assert kyiv.en == "Kyiv"
    assert kyiv.en_forbidden == ("Kiev", "Kiyev")
    assert kyiv.effective_case == "proper"
    assert kyiv.effective_origin == "uk"
    qaysenov = glossary.by_id["person.qaysenov"]
    assert qaysenov.uk == ("Касим Кайсенов", "Кайсенов")
    assert qaysenov.note == 'Kazakh hero, "People\'s Hero"'
    assert qaysenov.line == 3


def test_optional_columns_are_read() -> None:
    glossary = load_glossary([DATA / "rules.csv"])
    aktau = glossary.by_id["place.aktau"]
    assert (aktau.uk_inflect, aktau.origin, aktau.case) == ("none", "kk", "proper")
    assert glossary.by_id["org.bi_group"].effective_case == "exact"
    assert glossary.by_id["title.ambassador_ep"].effective_case == "any"


def test_folder_loads_every_csv_in_sorted_order() -> None:
    glossary = load_glossary([DATA / "dir_a"])
    assert [e.term_id for e in glossary.entries] == ["place.kyiv", "person.qaysenov", "place.astana"]
    assert [Path(s).name for s in glossary.sources] == ["a.csv", "b.csv"]


def test_duplicate_id_across_files_of_a_folder_names_both_places() -> None:
    message = error_of([DATA / "dir_dup"])
    first = DATA / "dir_dup" / "a.csv"
    second = DATA / "dir_dup" / "b.csv"
    assert message == f"{second}:3: duplicate id 'place.kyiv' (first defined at {first}:2)"


@pytest.mark.parametrize(("text", "expected"), [
    ("id,type,uk,en,colour\n", "g.csv:1: unknown column 'colour' (known: "),
    ("id,type,uk\n", "g.csv:1: missing required column 'en'"),
    (HEADER + "a,place,Київ,Kyiv,,,,\na,place,Київ,Kyiv,,,,\n", "g.csv:3: duplicate id 'a'"),
    (HEADER + "a,place,Київ,,,,,\n", "g.csv:2: a: empty en (the approved English rendering)"),
    (HEADER + "a,place,Київ,Kyiv,,kyiv,,\n",
     "g.csv:2: a: 'kyiv' is both approved and forbidden/historical"),
    (HEADER + "a,village,Київ,Kyiv,,,,\n", "g.csv:2: unknown type 'village' (use one of: "),
    ("id,type,uk,en,case\na,place,Київ,Kyiv,title\n", "g.csv:2: unknown case 'title'"),
    ("id,type,uk,en,origin\na,place,Київ,Kyiv,de\n", "g.csv:2: unknown origin 'de'"),
    ("id,type,uk,en,uk_inflect\na,place,Київ,Kyiv,some\n", "g.csv:2: unknown uk_inflect 'some'"),
    (HEADER + "a,place,Київ,Kyiv\n", "g.csv:2: row has 4 fields, the header has 8"),
    (HEADER + "a,place,Київ,Kyiv,,K\u0456ev,,\n", "g.csv:2: a: 'Kіev' mixes Cyrillic and Latin"),
    (HEADER + ",place,Київ,Kyiv,,,,\n", "g.csv:2: empty id"),
    ("", "g.csv: empty glossary file"),
])
def test_invalid_glossary_is_one_line_with_file_and_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    message = error_of([path])
    assert message.startswith(str(tmp_path / expected.split(":")[0]) + expected[len("g.csv"):])
    assert "\n" not in message


def test_row_line_counts_multiline_quoted_cells(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + 'a,place,Київ,Kyiv,,,,"two\nlines"\nb,place,Львів,,,,,\n')
    assert error_of([path]) == f"{path}:4: b: empty en (the approved English rendering)"


def test_apostrophes_in_cells_are_normalised(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "a,place,Кам’янське | Камʼянське,Kamianske,,,,\n")
    entry = next(read_glossary_csv(str(path)))
    assert entry.uk == ("Кам'янське", "Кам'янське")


def test_missing_path_and_empty_folder_are_errors(tmp_path: Path) -> None:
    assert error_of([tmp_path / "nope"]) == f"{tmp_path / 'nope'}: no such glossary file or folder"
    assert error_of([tmp_path]) == f"{tmp_path}: no glossary files (*.csv) in this folder"


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "x", "g.yaml")
    assert error_of([path]) == f"{path}: unsupported glossary format '.yaml' (use .csv)"


def test_fingerprint_changes_with_matching_content_only(tmp_path: Path) -> None:
    one = load_glossary([write(tmp_path, HEADER + "a,place,Київ,Kyiv,,,,\n", "one.csv")])
    two = load_glossary([write(tmp_path, HEADER + "a,place,Київ,Kyiv,,,,a note\n", "two.csv")])
    three = load_glossary([write(tmp_path, HEADER + "a,place,Київ,Kyiv,,Kiev,,\n", "three.csv")])
    assert one.fingerprint == two.fingerprint != three.fingerprint


def test_shipped_glossaries_load(project_dir: Path) -> None:
    folder = project_dir / "glossaries"
    if not any(folder.glob("*.csv")):
        pytest.skip("glossaries/ not written yet")
    glossary = load_glossary([folder])
    assert len(glossary) >= 20
    assert all(entry.en for entry in glossary.entries)


def test_tbx_files_load_through_the_reader_hook(project_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("tmtool.glossary.tbx")
    tbx = project_dir / "tests" / "data" / "tbx" / "basic-2008.tbx"
    if not tbx.exists():
        pytest.skip("no TBX fixture")
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.tbx").write_bytes(tbx.read_bytes())
    write(folder, HEADER + "z.only_csv,term,слово,word,,,,\n", "b.csv")
    glossary = load_glossary([folder])
    assert "z.only_csv" in glossary.by_id and len(glossary) > 1
