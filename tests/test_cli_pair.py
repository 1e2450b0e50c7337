"""`tmtool pair` end to end on an archive cut from the sample interview: exact output, the
report, unpaired and unreadable documents, and the manifest going straight into align --pairs."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool.cli import cli

PROJECT = Path(__file__).resolve().parents[1]
SECTIONS = [(0, 4), (4, 7), (7, 12), (12, 17), (17, 22), (22, 28)]  # paragraphs of each document


def paragraphs(lang: str) -> list[str]:
    text = (PROJECT / "sources" / f"interview.{lang}.md").read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def write(path: Path, paras: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".docx":  # as Word would save it (python-docx builds on Word's template)
        import docx

        document = docx.Document()
        for paragraph in paras:
            document.add_paragraph(paragraph.replace("*", ""))
        document.save(str(path))
    elif path.suffix == ".html":
        body = "".join(f"<p>{p}</p>\n" for p in paras)
        path.write_text(f"<html><body>\n{body}</body></html>\n", encoding="utf-8")
    else:
        path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Six Ukrainian documents (one a Word file) and five English ones under unrelated names
    and formats; a
    Ukrainian draft (a section without its last paragraph), an English text with no
    counterpart, a file that is not UTF-8, and a picture."""
    monkeypatch.chdir(tmp_path)
    uk, en = paragraphs("uk"), paragraphs("en")
    uk_names = ["2021/vypusk.md", "2021/intervju.txt", "2022/a.docx", "2022/b.md", "c.txt", "d.md"]
    en_names = ["x/zz.html", "q.md", "x/k1.txt", "m.html", "old/p.md"]
    for number, (start, end) in enumerate(SECTIONS):
        write(tmp_path / "uk" / uk_names[number], uk[start:end])
        if number < 5:
            write(tmp_path / "en" / en_names[number], en[start:end])
    write(tmp_path / "uk" / "drafts" / "b-draft.md", uk[12:16])
    readme = (PROJECT / "README.md").read_text(encoding="utf-8").split("\n\n")[2:6]
    write(tmp_path / "en" / "notes.md", readme)
    (tmp_path / "uk" / "broken.txt").write_bytes("Київ, ".encode() + b"\xff\xfe text")
    (tmp_path / "uk" / "photo.png").write_bytes(b"\x89PNG\r\n")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["pair", *args])
    return result.exit_code, result.stdout, result.stderr


def test_pair_finds_the_translations_and_lists_what_it_could_not_pair(archive: Path) -> None:
    code, out, err = run("uk", "en", "-o", "pairs.tsv")
    assert (code, out) == (1, "")
    assert (archive / "pairs.tsv").read_text(encoding="utf-8") == (
        "# source\ttarget (tmtool pair)\n"
        "uk/2021/intervju.txt\ten/q.md\n"
        "uk/2021/vypusk.md\ten/x/zz.html\n"
        "uk/2022/a.docx\ten/x/k1.txt\n"
        "uk/2022/b.md\ten/m.html\n"
        "uk/c.txt\ten/old/p.md\n"
    )
    lines = err.splitlines()
    assert lines[0] == ("tmtool: error: uk/broken.txt:1: not UTF-8 text (byte 0xff); save the file "
                        "as UTF-8 (document skipped)")
    assert [line.split(" (best")[0] for line in lines[1:-1]] == [
        "uk/d.md: unpaired", "uk/drafts/b-draft.md: unpaired", "en/notes.md: unpaired"]
    assert lines[-1] == ("5 pairs written to pairs.tsv; unpaired: 2 of 7 source and 1 of 6 target "
                         "documents; 1 unreadable; 1 other file ignored")


def test_the_report_holds_every_candidate_with_its_score(archive: Path) -> None:
    assert run("uk", "en", "-o", "-", "--report", "report.json", "-q")[0] == 1
    report = json.loads((archive / "report.json").read_text(encoding="utf-8"))
    assert list(report) == ["tmtool", "settings", "pairs", "unpaired_sources", "unpaired_targets",
                            "unreadable", "ignored", "candidates"]
    assert report["settings"] == {"src": "uk", "tgt": "en", "src_lang": "uk-UA", "tgt_lang": "en-GB",
                                  "min_score": 0.3}
    assert [p["src"] for p in report["pairs"]][:2] == ["uk/2021/intervju.txt", "uk/2021/vypusk.md"]
    draft = next(u for u in report["unpaired_sources"] if u["path"] == "uk/drafts/b-draft.md")
    assert draft["best"]["tgt"] == "en/m.html"  # its twin's translation, taken by the twin
    pair_scores = {(p["src"], p["tgt"]): p["score"] for p in report["pairs"]}
    candidates = {(c["src"], c["tgt"]): c["score"] for c in report["candidates"]}
    assert all(candidates[key] == score for key, score in pair_scores.items())
    assert candidates[("uk/2022/b.md", "en/m.html")] > draft["best"]["score"]
    assert report["unreadable"][0]["path"] == "uk/broken.txt"
    assert report["ignored"] == [{"path": "uk/photo.png"}]  # named, not only counted on stderr


def test_the_manifest_goes_into_align_pairs_as_it_is(archive: Path) -> None:
    os.mkdir(archive / "out")
    assert run("uk", "en", "-o", "out/pairs.tsv", "-q")[0] == 1
    assert (archive / "out" / "pairs.tsv").read_text(encoding="utf-8").splitlines()[1] == (
        "../uk/2021/intervju.txt\t../en/q.md")
    result = CliRunner().invoke(cli, ["align", "--pairs", "out/pairs.tsv", "-o", "out/all.tmx", "-q"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert (archive / "out" / "all.tmx").read_bytes().count(b"<tu ") > 40  # 5 documents, ~50 pairs


def test_a_missing_folder_is_exit_2_and_writes_nothing(archive: Path) -> None:
    assert run("uk", "nowhere", "-o", "pairs.tsv") == (
        2, "", "tmtool: error: nowhere: no such folder\n")
    assert run("uk", "uk/c.txt", "-o", "pairs.tsv") == (2, "", "tmtool: error: uk/c.txt: not a folder\n")
    os.mkdir(archive / "empty")
    assert run("uk", "empty", "-o", "pairs.tsv") == (
        2, "", "tmtool: error: empty: holds no documents (.md, .txt, .html, .docx, .odt)\n")
    assert not (archive / "pairs.tsv").exists()


def test_pair_exits_0_when_every_document_was_read(archive: Path) -> None:
    os.unlink(archive / "uk" / "broken.txt")
    code, out, err = run("uk", "en", "-o", "-", "-q")
    assert (code, err) == (0, "")
    assert out.splitlines()[1:3] == ["uk/2021/intervju.txt\ten/q.md", "uk/2021/vypusk.md\ten/x/zz.html"]


# (first paragraph, end, the paragraph its translation leaves out) of six sections, and
# (section, the paragraph its draft leaves out) of four drafts
REVISED_SECTIONS = [(0, 4, None), (4, 6, None), (6, 9, 0), (10, 14, 1), (14, 18, None), (18, 28, None)]
DRAFTS = [(0, 2), (2, 1), (3, 3), (4, 0)]


def without(paras: list[str], left_out: int | None) -> list[str]:
    return paras if left_out is None else paras[:left_out] + paras[left_out + 1:]


def test_verification_pairs_what_fingerprint_scores_alone_get_wrong(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Translations that leave out a paragraph, and Ukrainian drafts one paragraph short. By
    fingerprint scores alone, section 3's draft takes its translation and section 2 stays
    unpaired; aligning the candidates' sentences pairs all six sections and no draft."""
    from tmtool.align.pair_folders import list_documents, pair_fingerprints, read_fingerprints

    monkeypatch.chdir(tmp_path)
    uk, en = paragraphs("uk"), paragraphs("en")
    for number, (start, end, left_out) in enumerate(REVISED_SECTIONS):
        write(tmp_path / "uk" / f"s{number}.md", uk[start:end])
        write(tmp_path / "en" / f"t{number}.md", without(en[start:end], left_out))
    for number, left_out in DRAFTS:
        start, end, _ = REVISED_SECTIONS[number]
        write(tmp_path / "uk" / "drafts" / f"s{number}-draft.md", without(uk[start:end], left_out))
    code, out, err = run("uk", "en", "-o", "-", "-q")
    assert (code, err) == (0, "")
    assert out == "# source\ttarget (tmtool pair)\n" + "".join(
        f"uk/s{number}.md\ten/t{number}.md\n" for number in range(len(REVISED_SECTIONS)))
    sources, _ = read_fingerprints(list_documents("uk")[0], "uk-UA", 1)
    targets, _ = read_fingerprints(list_documents("en")[0], "en-GB", 1)
    unverified = pair_fingerprints(sources, targets, 0.3, verify=False)
    pairs = {(sources[c.src].path, targets[c.tgt].path) for c in unverified.pairs}
    assert ("uk/drafts/s3-draft.md", "en/t3.md") in pairs
    assert not any(src == "uk/s2.md" for src, _ in pairs)


def test_the_report_gives_verified_candidates_their_verification(archive: Path) -> None:
    assert run("uk", "en", "-o", "-", "--report", "report.json", "-q")[0] == 1
    report = json.loads((archive / "report.json").read_text(encoding="utf-8"))
    checked = [c for c in report["candidates"] if "verified" in c]
    for candidate in checked:
        assert list(candidate) == ["src", "tgt", "score", "content", "shape", "verified", "evidence", "coverage"]
        assert 0 <= candidate["verified"] <= 1 and 0 <= candidate["coverage"] <= 1
    unpaired = {u["path"] for u in report["unpaired_sources"] + report["unpaired_targets"]}
    assert {c["src"] for c in checked} | {c["tgt"] for c in checked} >= unpaired
    assert all(c["verified"] < 0.3 for c in checked if c["src"] in unpaired and c["tgt"] in unpaired)


def test_min_score_holds_for_pairs_sure_by_their_fingerprints_too(archive: Path) -> None:
    """A pair whose fingerprints alone make it sure (0.45 and clear of its rivals) was written
    whatever --min-score said; one scoring under it must pass verification at --min-score."""
    assert run("uk", "en", "-o", "pairs.tsv", "--min-score", "0.9", "--report", "r.json", "-q")[0] == 1
    report = json.loads((archive / "r.json").read_text(encoding="utf-8"))
    assert len(report["pairs"]) == 5
    assert all(pair["score"] >= 0.9 or pair["verified"] >= 0.9 for pair in report["pairs"])
    assert any(pair["score"] < 0.9 for pair in report["pairs"])
