"""Word and OpenDocument files through the CLI: `segment`, `align` (one pair and batches) and
`lint`, with exact output, exit codes and one-line errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.office_files import compound_file, docx_package, odt_package, para, run
from tests.office_from_markdown import docx_from_markdown, odt_from_markdown
from tests.test_lint_format_matrix import CASES, MONOLINGUAL_RULES
from tmtool.cli import cli
from tmtool.segment import read_document

PROJECT = Path(__file__).resolve().parents[1]
GLOSSARY = PROJECT / "tests" / "data" / "lint" / "glossary.csv"
MAKERS = {"docx": docx_from_markdown, "odt": odt_from_markdown}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_segment_prints_a_word_files_sentences_with_codes_and_notes(tmp_path: Path) -> None:
    doc = tmp_path / "report.docx"
    doc.write_bytes(docx_package(
        para(run("Звіт"), style="1")
        + para(run("Посол "), run("Толежан Барлибаєв", "<w:b/>"), run(" прибув до Києва"),
               '<w:r><w:footnoteReference w:id="1"/></w:r>', run(". Візит тривав два дні."))
        + para(run("Прихований абзац.", "<w:vanish/>")),
        footnotes={"1": run("Див. сайт посольства.")}))
    result = invoke("segment", str(doc), "--lang", "uk")
    assert (result.exit_code, result.stdout, result.stderr) == (0, (
        "Звіт\nПосол <b>Толежан Барлибаєв</b> прибув до Києва[^1].\nВізит тривав два дні.\n"
        "Див. сайт посольства.\n"), "")
    plain = invoke("segment", str(doc), "--lang", "uk", "--plain")
    assert plain.stdout.splitlines()[1] == "Посол Толежан Барлибаєв прибув до Києва."


def test_segment_reads_an_odt_and_a_word_file_without_its_extension(tmp_path: Path) -> None:
    odt, renamed = tmp_path / "report.odt", tmp_path / "report"
    odt.write_bytes(odt_package('<text:h text:outline-level="1">Звіт</text:h><text:p>Один. Два.</text:p>'))
    renamed.write_bytes(docx_package(para(run("Один. Два."))))
    assert invoke("segment", str(odt), "--lang", "uk").stdout == "Звіт\nОдин.\nДва.\n"
    assert invoke("segment", str(renamed), "--lang", "uk").stdout == "Один.\nДва.\n"


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("old.doc", compound_file("WordDocument"), ("is a legacy binary Word document (.doc), not .docx; "
     "save it as .docx or .odt (Word or LibreOffice: File > Save As) and try again")),
    ("broken.docx", b"PK\x03\x04 not really a zip", ("damaged ZIP package (File is not a zip file): "
     "the file is truncated or is not a Word/OpenDocument file")),
])
def test_segment_refuses_an_unreadable_file_in_one_line_and_writes_nothing(
        tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    (tmp_path / name).write_bytes(data)
    out = tmp_path / "out.txt"
    result = invoke("segment", str(tmp_path / name), "--lang", "uk", "-o", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"tmtool: error: {tmp_path / name}: {problem}\n")
    assert not out.exists()


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_align_of_word_files_made_from_the_sources_gives_the_same_pairs_as_the_markdown(
        tmp_path: Path, suffix: str) -> None:
    markdown = [PROJECT / "sources" / f"interview.{lang}.md" for lang in ("uk", "en")]
    made = [tmp_path / f"interview.{lang}.{suffix}" for lang in ("uk", "en")]
    for seed, (source, path) in enumerate(zip(markdown, made)):
        path.write_bytes(MAKERS[suffix](source.read_text(encoding="utf-8"), seed=seed))
        assert code_types(path) == code_types(source)  # the same segments, with the same codes
    results = []
    for pair in (markdown, made):
        out = tmp_path / "pairs.tsv"
        result = invoke("align", *map(str, pair), "--plain", "-o", str(out))
        results.append((result.exit_code, result.stderr.split(": ", 1)[1], out.read_text(encoding="utf-8")))
    assert results[1] == results[0]  # exit code, summary (segments, beads, mean score), every pair
    assert results[0][1] == ("65 + 65 segments; beads 1-1 56, 2-1 3, 1-2 3; mean score 0.987\n"
                             f"62 pairs written to {tmp_path / 'pairs.tsv'}\n")


def code_types(path: Path) -> list[tuple[str, list[tuple[str, str | None]]]]:
    blocks = read_document(path.read_bytes(), lang=path.name.split(".")[1], name=path.name)
    return [(s.text, [(c.kind.value, c.type) for c in s.codes]) for b in blocks for s in b.segments]


def test_a_batch_reports_and_skips_a_bad_word_file(tmp_path: Path) -> None:
    uk, en = (PROJECT / "sources" / f"interview.{lang}.md" for lang in ("uk", "en"))
    (tmp_path / "good.uk.docx").write_bytes(docx_from_markdown(uk.read_text(encoding="utf-8")))
    (tmp_path / "locked.uk.docx").write_bytes(compound_file("EncryptedPackage"))
    (tmp_path / "pairs.tsv").write_text(f"good.uk.docx\t{en}\nlocked.uk.docx\t{en}\n", encoding="utf-8")
    out = tmp_path / "all.tmx"
    result = invoke("align", "--pairs", str(tmp_path / "pairs.tsv"), "-o", str(out), "-q")
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("tmtool: error: ") and line.endswith(
        "locked.uk.docx: is password-protected (an encrypted Office file); open it, remove the "
        "password (Word: File > Info > Protect Document > Encrypt with Password) and save it again "
        "(document skipped)")
    assert out.read_text(encoding="utf-8").count("<tu ") == 62


def test_align_refuses_presegmented_word_files(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(docx_package(para(run("Один."))))
    (tmp_path / "b.txt").write_text("One.\n", encoding="utf-8")
    result = invoke("align", "--presegmented", str(tmp_path / "a.docx"), str(tmp_path / "b.txt"),
                    "-o", str(tmp_path / "o.tmx"))
    assert (result.exit_code, result.stderr) == (2, (
        f"tmtool: error: {tmp_path / 'a.docx'}: a Word or OpenDocument file has no lines: "
        "--presegmented and literal markup are for text files\n"))
    assert not (tmp_path / "o.tmx").exists()


ENGLISH = (para(run("Letters from "), run("Kiev", "<w:b/>"), style="1") + para()
           + para(run("Kasym Kaisenov fought as a partisan in Ukraine. Years later "),
                  run("Qay"), '<w:proofErr w:type="spellStart"/>', run("senoff"), run(" wrote about it."))
           + '<w:tbl><w:tr><w:tc>' + para(run("\tHe worked in Dniprodzerzhynsk.")) + "</w:tc></w:tr></w:tbl>")


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_lint_points_at_paragraph_and_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             suffix: str) -> None:
    monkeypatch.chdir(tmp_path)
    if suffix == "docx":
        Path("letters.docx").write_bytes(docx_package(ENGLISH))
    else:
        Path("letters.odt").write_bytes(odt_package(
            '<text:h text:outline-level="1">Letters from <text:span text:style-name="T1">Kiev</text:span></text:h>'
            "<text:p/><text:p>Kasym Kaisenov fought as a partisan in Ukraine. Years later Qay<text:bookmark "
            'text:name="x"/>senoff wrote about it.</text:p><table:table><table:table-row><table:table-cell>'
            "<text:p><text:tab/>He worked in Dniprodzerzhynsk.</text:p></table:table-cell></table:table-row>"
            "</table:table>"))
    result = invoke("lint", f"letters.{suffix}", "--glossary", str(GLOSSARY))
    assert (result.exit_code, result.stdout) == (1, (
        f"letters.{suffix}:1:14: error: 'Kiev' is a forbidden rendering of place.kyiv; use 'Kyiv' [forbidden-variant]\n"
        f"letters.{suffix}:3:1: error: 'Kasym Kaisenov' is a forbidden rendering of person.qaysenov; use "
        "'Qasim Qaysenov' [forbidden-variant]\n"
        f"letters.{suffix}:3:61: warning: 'Qaysenoff' looks like a variant spelling of 'Qaysenov' "
        "(person.qaysenov); use the glossary's spelling [near-miss]\n"
        f"letters.{suffix}:4:15: warning: 'Dniprodzerzhynsk' is a former name of place.kamianske; "
        "give the current name 'Kamianske' in the same sentence [historical-name]\n"))


def test_lint_skips_a_ukrainian_word_file_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / "лист.docx").write_bytes(docx_package(para(run("Він жив у Києві та Кам’янському."))))
    result = invoke("lint", str(tmp_path / "лист.docx"), "--glossary", str(GLOSSARY))
    assert result.exit_code == 0
    assert result.stderr == (f"tmtool: {tmp_path.as_posix()}/лист.docx: skipped: Ukrainian text has no "
                             "English side to check (lint its English version or a bilingual file)\n"
                             "no findings in 1 file\n")


@pytest.mark.parametrize("rule", MONOLINGUAL_RULES)
@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_each_rule_fires_and_is_silent_in_word_and_opendocument(tmp_path: Path, rule: str, suffix: str) -> None:
    def rules(english: str) -> list[str]:
        path = tmp_path / f"case.{suffix}"
        body = para(run("Intro line.")) + para(run(english))
        path.write_bytes(docx_package(body) if suffix == "docx" else
                         odt_package(f"<text:p>Intro line.</text:p><text:p>{english}</text:p>"))
        result = invoke("lint", str(path), "--glossary", str(GLOSSARY), "--format", "json", "--fail-on", "info")
        return [f["rule"] for f in json.loads(result.stdout)["findings"]]

    _, wrong, right = CASES[rule]
    assert rule in rules(wrong)
    assert rules(right) == []


def test_zip_bombs_are_bad_input_at_the_real_caps(tmp_path: Path) -> None:
    """tmtool's own limits, not test ones: 10,000 entries and 256 MiB for one part."""
    import io
    import zipfile

    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        for number in range(10_001):
            archive.writestr(f"word/media/image{number}.png", b"")
    (tmp_path / "many.docx").write_bytes(many.getvalue())
    big = io.BytesIO()
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/document.xml", "w", force_zip64=True) as part:
        for _ in range(257):
            part.write(b" " * (1 << 20))  # 257 MiB of spaces: about 260 kB packed
    (tmp_path / "big.docx").write_bytes(big.getvalue())
    for name, problem in (
        ("many.docx", "the package has 10,001 entries, over tmtool's limit of 10,000 (a ZIP bomb?)"),
        ("big.docx", ("word/document.xml unpacks to 269,484,032 bytes, over tmtool's limit of "
                     "268,435,456 bytes for one part (a ZIP bomb?)")),
    ):
        result = invoke("segment", str(tmp_path / name), "--lang", "uk")
        assert (result.exit_code, result.stdout, result.stderr) == (
            2, "", f"tmtool: error: {tmp_path / name}: {problem}\n")
