"""`tmtool pair` given folders as people lay them out: the same folder twice, one folder inside
the other (`docs/` and `docs/en/`), and documents in the wrong folder (an untranslated English
copy among the Ukrainian files). No document may end up paired with itself or with a document
in its own language: `align --pairs` would refuse such a pair later, or write a one-language TMX."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.test_cli_pair import paragraphs, run, write


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """docs/ holds two Ukrainian pages, docs/en/ (and docs/en/old/) their translations."""
    monkeypatch.chdir(tmp_path)
    uk, en = paragraphs("uk"), paragraphs("en")
    write(tmp_path / "docs" / "interviu.md", uk[0:6])
    write(tmp_path / "docs" / "rozdil.html", uk[12:17])
    write(tmp_path / "docs" / "en" / "interview.md", en[0:6])
    write(tmp_path / "docs" / "en" / "old" / "section.txt", en[12:17])
    return tmp_path


def test_the_same_folder_on_both_sides_is_refused(docs: Path) -> None:
    assert run("docs", "docs/", "-o", "pairs.tsv") == (
        2, "", ("tmtool: error: docs/: is the same folder as docs; give the Ukrainian and the "
               "English documents' folders\n"))
    assert not (docs / "pairs.tsv").exists()


def test_a_folder_inside_the_other_keeps_its_documents_to_its_side(docs: Path) -> None:
    code, out, err = run("docs", "docs/en", "-o", "-", "-q")
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == ["docs/interviu.md\tdocs/en/interview.md",
                                    "docs/rozdil.html\tdocs/en/old/section.txt"]
    code, out, err = run("docs/en", "docs", "--src-lang", "en-GB", "--tgt-lang", "uk-UA", "-o", "-", "-q")
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == ["docs/en/interview.md\tdocs/interviu.md",
                                    "docs/en/old/section.txt\tdocs/rozdil.html"]


def test_a_document_in_the_other_language_is_reported_not_paired_with_its_twin(docs: Path) -> None:
    shutil.move(docs / "docs" / "en", docs / "en")
    shutil.copy(docs / "en" / "old" / "section.txt", docs / "docs" / "untranslated.txt")
    write(docs / "en" / "wrong-folder.md", paragraphs("uk")[6:12])
    code, out, err = run("docs", "en", "-o", "-")
    assert code == 1
    assert out.splitlines()[1:] == ["docs/interviu.md\ten/interview.md",
                                    "docs/rozdil.html\ten/old/section.txt"]
    assert err.splitlines() == [
        ("tmtool: error: docs/untranslated.txt: document looks English (Latin script), expected "
        "Ukrainian (document skipped)"),
        ("tmtool: error: en/wrong-folder.md: document looks Ukrainian (Cyrillic script), expected "
        "English (document skipped)"),
        "2 pairs written to -; unpaired: 0 of 2 source and 0 of 2 target documents; 2 unreadable"]


def test_files_of_a_folder_inside_the_other_are_reported_once(docs: Path) -> None:
    (docs / "docs" / "en" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    code, _, err = run("docs", "docs/en", "-o", "-", "--report", "r.json")
    assert (code, err.splitlines()[-1]) == (0, ("2 pairs written to -; unpaired: 0 of 2 source and "
                                               "0 of 2 target documents; 1 other file ignored"))
    assert json.loads((docs / "r.json").read_text(encoding="utf-8"))["ignored"] == [
        {"path": "docs/en/photo.jpg"}]
