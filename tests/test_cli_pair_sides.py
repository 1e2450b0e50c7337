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


def test_the_report_is_valid_json_when_a_verified_candidate_cannot_align(docs: Path) -> None:
    """A one-sentence caption verified against a long interview has no alignment path: its
    evidence was written as -Infinity, which no JSON parser but Python's accepts."""
    write(docs / "docs" / "interviu.md", paragraphs("uk"))  # the whole interview: 65 sentences
    write(docs / "docs" / "en" / "interview.md", paragraphs("en"))
    write(docs / "docs" / "pidpys.txt", ["Фото: посол Толежан Барлибаєв у Києві 24 серпня 2021 року."])
    write(docs / "docs" / "en" / "caption.txt", [("Photo: Ambassador Tolezhan Barlybayev in Kyiv on "
                                                 "24 August 2021.")])
    code, out, _ = run("docs", "docs/en", "-o", "-", "--min-score", "0.99", "--report", "r.json", "-q")
    assert (code, out.splitlines()[1]) == (0, "docs/interviu.md\tdocs/en/interview.md")

    def strict(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    report = json.loads((docs / "r.json").read_text(encoding="utf-8"), parse_constant=strict)
    unaligned = [c for c in report["candidates"] if "verified" in c and c["evidence"] is None]
    assert unaligned and all(c["verified"] == 0.0 for c in unaligned)


def test_an_output_that_is_a_document_of_either_folder_is_refused(docs: Path) -> None:
    """`-o docs/interviu.md` replaced a Ukrainian document with the manifest, exit 0."""
    original = (docs / "docs" / "interviu.md").read_bytes()
    assert run("docs", "docs/en", "-o", "docs/interviu.md") == (
        2, "", "tmtool: error: docs/interviu.md: refusing to overwrite an input file; choose another -o\n")
    assert run("docs", "docs/en", "-o", "-", "--report", "docs/en/old/section.txt")[0] == 2
    assert (docs / "docs" / "interviu.md").read_bytes() == original
    assert run("docs", "docs/en", "-o", "docs/pairs.tsv", "-q") == (0, "", "")  # a new file there is fine
    assert run("docs", "docs/en", "-o", "docs/pairs.tsv", "-q") == (0, "", "")  # and so is its next run


def test_manifest_and_report_cannot_both_go_to_stdout(docs: Path) -> None:
    code, out, err = run("docs", "docs/en", "-o", "-", "--report", "-")
    assert (code, out) == (2, "")
    assert err.endswith("Error: -o and --report cannot both be '-' (stdout)\n")


def test_linked_folders_are_read_once_and_a_link_loop_ends(docs: Path) -> None:
    """An archive that links a year in from elsewhere: os.walk did not follow the link, and
    the year's documents were left out without a word. A link back up the tree (to the
    parent, which holds the other side) must neither loop nor bring the English documents
    onto the Ukrainian side."""
    shutil.move(docs / "docs" / "en", docs / "en")
    (docs / "store").mkdir()
    shutil.move(docs / "docs" / "rozdil.html", docs / "store" / "rozdil.html")
    (docs / "docs" / "2021").symlink_to(docs / "store", target_is_directory=True)
    (docs / "docs" / "up").symlink_to(docs, target_is_directory=True)
    code, out, err = run("docs", "en", "-o", "-", "-q")
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == ["docs/2021/rozdil.html\ten/old/section.txt",
                                    "docs/interviu.md\ten/interview.md"]
