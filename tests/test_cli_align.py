"""`tmtool align` end to end: outputs, presegmented and manifest modes, every bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.golden import assert_golden
from tests.test_align_beads import make_pair
from tmtool.cli import cli
from tmtool.formats.tmx import read_tmx

UK_LINE = "Привіт, як справи у вас сьогодні вранці?\n"
EN_LINE = "Hello, how are you doing this morning?\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["align", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def docs(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = make_pair(11, 30)
    del tgt[12]  # a 1-0 bead at source line 12
    tgt[20:22] = [tgt[20] + " " + tgt[21]]  # a 2-1 bead: source lines 21, 22
    (tmp_path / "a.uk.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    return tmp_path / "a.uk.txt", tmp_path / "a.en.txt"


def test_presegmented_json_is_the_ladder_with_line_indices(docs: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    code, _, err = run("--presegmented", str(docs[0]), str(docs[1]), "--format", "json", "-o", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    beads = [(b["src"], b["tgt"]) for b in data["beads"]]
    assert ([12], []) in beads and ([21, 22], [20]) in beads
    assert beads[0] == ([0], [0]) and beads[-1] == ([29], [27])
    assert all(0.0 <= b["score"] <= 1.0 for b in data["beads"])
    assert data["settings"]["presegmented"] is True
    assert err.endswith("segments; beads 1-1 27, 2-1 1, 1-0 1; mean score "
                        + err.split("mean score ")[1].split("\n")[0] + "\n28 pairs written to " + str(out) + "\n")


def test_presegmented_indices_count_empty_lines(tmp_path: Path) -> None:
    src, tgt = make_pair(12, 20)
    (tmp_path / "s.txt").write_text("\n".join(src[:5] + [""] + src[5:]) + "\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    out = tmp_path / "o.json"
    code, _, err = run("--presegmented", "-q", str(tmp_path / "s.txt"), str(tmp_path / "t.txt"), "-o", str(out))
    assert (code, err) == (0, "")
    beads = [(b["src"], b["tgt"]) for b in json.loads(out.read_text(encoding="utf-8"))["beads"]]
    assert ([6], [5]) in beads and all(5 not in s for s, _ in beads)


def test_tsv_has_one_pair_a_line_and_no_deletions(docs: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "a.tsv"
    code, _, _ = run("--presegmented", "-q", str(docs[0]), str(docs[1]), "-o", str(out))
    assert code == 0
    header, *rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert header == ["uk-UA", "en-GB", "score"]
    assert len(rows) == 28 and all(len(row) == 3 and row[0] and row[1] for row in rows)
    src_lines = docs[0].read_text(encoding="utf-8").splitlines()
    assert [src_lines[21] + " " + src_lines[22]] == [r[0] for r in rows if r[0].startswith(src_lines[21])]


def test_min_score_drops_weak_pairs(tmp_path: Path) -> None:
    """Beside a deleted sentence the aligner is unsure which pairing is right; far from it
    it is sure. --min-score keeps the sure pairs and drops the doubtful ones."""
    src, tgt = make_pair(7, 8)
    del src[2]
    (tmp_path / "s.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    every, kept = tmp_path / "all.json", tmp_path / "kept.json"
    for out, floor in ((every, "0"), (kept, "0.5")):
        code, _, err = run("--presegmented", "-q", str(tmp_path / "s.txt"), str(tmp_path / "t.txt"),
                           "--format", "json", "-o", str(out), "--min-score", floor)
        assert code == 0, err
    all_beads = json.loads(every.read_text(encoding="utf-8"))["beads"]
    kept_beads = json.loads(kept.read_text(encoding="utf-8"))["beads"]
    weak = [b for b in all_beads if b["src"] and b["tgt"] and b["score"] < 0.5]
    assert weak, "a deletion should leave at least one doubtful pair"
    assert all(b["score"] >= 0.5 for b in kept_beads if b["src"] and b["tgt"])
    assert {(tuple(b["src"]), tuple(b["tgt"])) for b in kept_beads if b["src"] and b["tgt"]} == {
        (tuple(b["src"]), tuple(b["tgt"])) for b in all_beads if b["src"] and b["tgt"] and b["score"] >= 0.5}
    assert ([0], [0]) in [(b["src"], b["tgt"]) for b in kept_beads]


def test_tmx_output_reads_back(docs: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path / "a.tmx"
    code, _, _ = run("--presegmented", "-q", str(docs[0]), str(docs[1]), "-o", str(out), "--score-prop")
    assert code == 0
    with open(out, "rb") as handle:
        units = list(read_tmx(handle, name=str(out)))
    assert len(units) == 28
    assert all(u.prop("x-tmtool-score") is not None for u in units)
    assert units[0].variant("uk-UA") is not None and units[0].variant("en-GB") is not None
    assert b'segtype="paragraph"' in out.read_bytes()
    assert b"20231114T221320Z" in out.read_bytes()
    assert len({u.tuid for u in units}) == 28


def test_sample_interview_alignment_matches_the_reviewed_golden_file(
    project_dir: Path, tmp_path: Path, update_golden: bool
) -> None:
    """Every pair of the sample was checked by eye, the photo caption included."""
    sources = project_dir / "sources"
    if not (sources / "interview.uk.md").exists():
        pytest.skip("the sample corpus is absent")
    out = tmp_path / "sample.tsv"
    code, _, err = run(str(sources / "interview.uk.md"), str(sources / "interview.en.md"),
                       "--glossary", str(project_dir / "glossaries"), "-o", str(out), "-q")
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert ("Вручення Вірчих грамот Президенту України Володимирі Зеленському\t"
            "Handover of Credentials to President of Ukraine Volodymyr Zelenskyy\t") in text
    assert_golden(project_dir / "tests" / "golden" / "align" / "sample" / "interview.tsv", text, update_golden)


def test_plain_drops_markup(project_dir: Path, tmp_path: Path) -> None:
    sources = project_dir / "sources"
    if not (sources / "interview.uk.md").exists():
        pytest.skip("the sample corpus is absent")
    out = tmp_path / "sample.tsv"
    run(str(sources / "interview.uk.md"), str(sources / "interview.en.md"), "--plain", "-q", "-o", str(out))
    first = out.read_text(encoding="utf-8").splitlines()[1]
    assert first.startswith("Толежан Барлибаєв,\tTolezhan Barlybayev,\t")


def test_literal_markup_keeps_the_markdown_as_written(project_dir: Path, tmp_path: Path) -> None:
    sources = project_dir / "sources"
    if not (sources / "interview.uk.md").exists():
        pytest.skip("the sample corpus is absent")
    out = tmp_path / "sample.tsv"
    run(str(sources / "interview.uk.md"), str(sources / "interview.en.md"), "--markup", "literal",
        "-q", "-o", str(out))
    pairs = [line.split("\t")[:2] for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert ["## **КАЗАХСТАН\u00a0— УКРАЇНА: стратегічне партнерство, що ґрунтується на довірі та історії**",
            "## **KAZAKHSTAN-UKRAINE: strategic partnership rooted in trust and history**"] in pairs


def test_plain_contradicting_markup_is_a_usage_error(docs: tuple[Path, Path], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["align", str(docs[0]), str(docs[1]), "--plain", "--markup",
                                      "literal", "-o", str(tmp_path / "x.tsv")])
    assert result.exit_code == 2
    assert "--plain contradicts --markup literal" in result.stderr
    assert not (tmp_path / "x.tsv").exists()


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(("src", "tgt", "message"), [
    (UK_LINE.encode(), b"", "e.txt: no text to align (the file is empty)"),
    (b"\n\n", EN_LINE.encode(), "s.txt: no text to align (the file is empty)"),
    (UK_LINE.encode(), b"abc\x00def\n", "e.txt:1: looks like a binary file (NUL byte), not text"),
    (b"caf\xe9\n", EN_LINE.encode(), "s.txt:1: not UTF-8 text (byte 0xe9); save the file as UTF-8"),
    (EN_LINE.encode(), UK_LINE.encode(),
     "s.txt: source looks English (Latin script), expected Ukrainian; are the files swapped?"),
    (EN_LINE.encode(), EN_LINE.encode(),
     "s.txt: source looks English (Latin script), expected Ukrainian; both files are in the same language"),
    (UK_LINE.encode(), UK_LINE.encode(),
     "e.txt: target looks Ukrainian (Cyrillic script), expected English; both files are in the same language"),
])
def test_bad_input_is_one_line_and_exit_2_with_nothing_written(
    tmp_path: Path, src: bytes, tgt: bytes, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s.txt", src)
    write(tmp_path / "e.txt", tgt)
    code, out, err = run("--presegmented", "s.txt", "e.txt", "-o", "o.tmx")
    assert (code, out, err) == (2, "", f"tmtool: error: {message}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.txt", "s.txt"]


UK_TECH = "Запустіть docker compose up і відкрийте http://localhost:8080 у Google Chrome або Mozilla Firefox.\n"
EN_TECH = "Run docker compose up and open http://localhost:8080 in Google Chrome or Mozilla Firefox.\n"


def test_ukrainian_text_full_of_latin_names_and_commands_is_still_ukrainian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s.txt", UK_TECH.encode())
    write(tmp_path / "e.txt", EN_TECH.encode())
    assert run("--presegmented", "-q", "s.txt", "e.txt", "-o", "o.tsv") == (0, "", "")
    assert (tmp_path / "o.tsv").read_text(encoding="utf-8").splitlines()[1].startswith(
        UK_TECH.strip() + "\t")


@pytest.mark.parametrize(("src", "tgt", "message"), [
    (EN_TECH, UK_TECH,
     "s.txt: source looks English (Latin script), expected Ukrainian; are the files swapped?"),
    (UK_TECH, UK_TECH,
     "e.txt: target looks Ukrainian (Cyrillic script), expected English; both files are in the same language"),
])
def test_swapped_or_doubled_documents_full_of_latin_names_are_refused(
    tmp_path: Path, src: str, tgt: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s.txt", src.encode())
    write(tmp_path / "e.txt", tgt.encode())
    assert run("--presegmented", "s.txt", "e.txt", "-o", "o.tmx") == (2, "", f"tmtool: error: {message}\n")
    assert not (tmp_path / "o.tmx").exists()


def test_missing_file_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "e.txt", EN_LINE.encode())
    assert run("nope.md", "e.txt", "-o", "o.tmx") == (2, "", "tmtool: error: nope.md: no such file\n")
    assert not (tmp_path / "o.tmx").exists()


def test_output_equal_to_an_input_is_refused(docs: tuple[Path, Path]) -> None:
    code, _, err = run("--presegmented", str(docs[0]), str(docs[1]), "-o", str(docs[1]), "--format", "tsv")
    assert code == 2 and "refusing to overwrite an input file" in err


def test_manifest_output_equal_to_an_input_is_refused_before_any_document_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_manifest(tmp_path, bad=1)  # a bad document would be reported if aligning began
    assert run("--pairs", "pairs.tsv", "--presegmented", "-o", "docs/2.en.txt", "--format", "tsv") == (
        2, "", "tmtool: error: docs/2.en.txt: refusing to overwrite an input file; choose another -o\n"
    )


def test_output_in_a_missing_folder_is_refused_before_any_document_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_manifest(tmp_path, bad=1)
    assert run("--pairs", "pairs.tsv", "--presegmented", "-o", "out/all.tmx") == (
        2, "", "tmtool: error: out/all.tmx: folder out does not exist; create it first\n"
    )
    assert not (tmp_path / "out").exists()


def test_stdin_for_both_documents_is_refused() -> None:
    result = CliRunner().invoke(cli, ["align", "-", "-", "-o", "-"], input=UK_LINE)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "tmtool: error: SRC and TGT cannot both be '-': standard input can be read only once\n"
    )


def test_two_documents_or_a_manifest_are_required() -> None:
    assert run("-o", "x.tmx") == (
        2, "", "tmtool: error: give two documents (SRC TGT) or --pairs MANIFEST, not both\n"
    )


def make_manifest(tmp_path: Path, bad: int) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    rows = []
    for number in range(3):
        src, tgt = make_pair(20 + number, 15)
        (folder / f"{number}.uk.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
        english = "\n".join(tgt) + "\n" if number >= bad else ""
        (folder / f"{number}.en.txt").write_text(english, encoding="utf-8")
        rows.append(f"docs/{number}.uk.txt\tdocs/{number}.en.txt")
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text("# source\ttarget\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return manifest


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_manifest_aligns_every_pair_into_one_output(tmp_path: Path, jobs: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_manifest(tmp_path, bad=0)
    code, _, err = run("--pairs", "pairs.tsv", "--presegmented", "-o", "all.json", "-j", jobs)
    assert code == 0, err
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert [d["src"] for d in data["documents"]] == [f"docs/{n}.uk.txt" for n in range(3)]
    assert err.splitlines()[0].startswith("docs/0.uk.txt + docs/0.en.txt: 15 + 15 segments; beads 1-1 15;")
    assert err.splitlines()[-1] == "45 pairs written to all.json"


def test_manifest_skips_a_bad_document_and_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_manifest(tmp_path, bad=1)
    code, _, err = run("--pairs", "pairs.tsv", "--presegmented", "-o", "all.tsv")
    assert code == 1
    assert err.splitlines()[0] == (
        "tmtool: error: docs/0.en.txt: no text to align (the file is empty) (document skipped)"
    )
    assert len((tmp_path / "all.tsv").read_text(encoding="utf-8").splitlines()) == 1 + 30


def test_manifest_with_no_good_document_exits_2_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_manifest(tmp_path, bad=3)
    code, _, err = run("--pairs", "pairs.tsv", "--presegmented", "-o", "all.tmx")
    assert code == 2
    assert err.splitlines()[-1] == "tmtool: error: pairs.tsv: no document could be aligned"
    assert not (tmp_path / "all.tmx").exists()


def test_manifest_line_without_a_tab_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pairs.tsv").write_text("a.txt b.txt\n", encoding="utf-8")
    assert run("--pairs", "pairs.tsv", "-o", "x.tmx") == (
        2, "", "tmtool: error: pairs.tsv:1: expected SOURCE<TAB>TARGET (two paths separated by a tab)\n"
    )


def test_documents_of_the_same_name_in_different_folders_get_distinct_unit_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    rows = []
    for year, seed in (("2024", 31), ("2025", 32)):
        (tmp_path / year).mkdir()
        src, tgt = make_pair(seed, 12)
        (tmp_path / year / "a.uk.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
        (tmp_path / year / "a.en.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
        rows.append(f"{year}/a.uk.txt\t{year}/a.en.txt\n")
    (tmp_path / "pairs.tsv").write_text("".join(rows), encoding="utf-8")
    code, _, err = run("--pairs", "pairs.tsv", "--presegmented", "-q", "-o", "all.tmx")
    assert code == 0, err
    with open(tmp_path / "all.tmx", "rb") as stream:
        tuids = [unit.tuid for unit in read_tmx(stream, name="all.tmx")]
    assert len(tuids) == 24 and len(set(tuids)) == 24
    # and the ids do not depend on the folder the command runs in
    monkeypatch.chdir(tmp_path / "2024")
    code, _, err = run("--pairs", "../pairs.tsv", "--presegmented", "-q", "-o", "../again.tmx")
    assert code == 0, err
    with open(tmp_path / "again.tmx", "rb") as stream:
        assert [unit.tuid for unit in read_tmx(stream, name="again.tmx")] == tuids


@pytest.mark.parametrize("english_source", [False, True], ids=["uk-to-en", "en-to-uk"])
def test_glossary_terms_count_as_evidence(tmp_path: Path, english_source: bool) -> None:
    """Two sentences the pair itself cannot teach; only the glossary connects them. Glossary
    pairs (and names, cognates) are matched from the Ukrainian side whichever side is the
    source."""
    uk, en = make_pair(40, 30)
    uk[10:12] = ["Вірчі грамоти вручено.", "Посольство відкрито в столиці."]
    en[10:12] = ["The Embassy was opened in the capital city today.", "Credentials were handed over."]
    src, tgt = (en, uk) if english_source else (uk, en)
    (tmp_path / "s.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    (tmp_path / "g.csv").write_text(
        "id,type,uk,en,uk_forms\n"
        "t.cred,term,вірчі грамоти,credentials,\n"
        "t.emb,term,посольство,embassy,\n", encoding="utf-8")
    out = tmp_path / "o.json"
    langs = ["--src-lang", "en-GB", "--tgt-lang", "uk-UA"] if english_source else []
    code, _, err = run("--presegmented", "-q", str(tmp_path / "s.txt"), str(tmp_path / "t.txt"),
                       *langs, "--glossary", str(tmp_path / "g.csv"), "-o", str(out))
    assert code == 0, err
    beads = [(b["src"], b["tgt"]) for b in json.loads(out.read_text(encoding="utf-8"))["beads"]]
    # the two links cross, so one wins: Вірчі грамоти <-> Credentials, in either direction
    credentials, embassy = (([11], [10]), ([10], [11])) if english_source else (([10], [11]), ([11], [10]))
    assert credentials in beads and embassy not in beads


def test_tsv_cells_never_leave_a_bold_span_open(tmp_path: Path) -> None:
    """A bold span across a sentence break is closed in the first cell and reopened in the
    next one; --plain writes no markup at all."""
    (tmp_path / "a.uk.md").write_text(
        "# Заголовок\n\n**Перше речення. Друге речення** далі.\n\nТретє речення тут.\n", encoding="utf-8")
    (tmp_path / "a.en.md").write_text(
        "# Heading\n\n**First sentence.** **Second sentence** follows.\n\nThe third sentence is here.\n",
        encoding="utf-8")
    for options, expected in (
        ((), [("**Перше речення.**", "**First sentence.**"), ("**Друге речення** далі.", "**Second sentence** follows.")]),
        (("--plain",), [("Перше речення.", "First sentence."), ("Друге речення далі.", "Second sentence follows.")]),
    ):
        out = tmp_path / "a.tsv"
        code, _, err = run(str(tmp_path / "a.uk.md"), str(tmp_path / "a.en.md"), "-q", "-o", str(out), *options)
        assert (code, err) == (0, "")
        rows = [tuple(line.split("\t")[:2]) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [row for row in rows if row[0].strip("*").startswith(("Перше", "Друге"))] == expected
