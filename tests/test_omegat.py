"""A real CAT tool uses our TMX: OmegaT (console mode) pre-translates documents from memories
that tmtool converted or aligned, and we count the segments it filled.

Skipped, with the reason, when java or the OmegaT jar is absent (`apt-get install -y omegat`;
`OMEGAT_JAR` overrides the jar's place). OmegaT 3.6 has no Markdown filter, so a `.md`
document goes in as `.txt`: OmegaT then sees the Markdown markup as literal text, which is
what `read_document(markup="literal")` and `tmtool align --markup literal` reproduce.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from tests.components import require
from tmtool.cli import COMMANDS, cli
from tmtool.formats.tmx import TmxHeader, write_tmx
from tmtool.model import Segment, TranslationUnit, Variant
from tmtool.segment import read_document

DATA = Path(__file__).parent / "data" / "convert"
OMEGAT_JAR = Path(os.environ.get("OMEGAT_JAR", "/usr/share/omegat/OmegaT.jar"))
JAVA = shutil.which("java")
PROJECT_FILE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{src}</source_lang>
    <target_lang>{tgt}</target_lang>
    <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""
# Level-2 TMX tags (bpt/ept) are matched only with this preference (interop notes §4).
PREFS_FILE = """<?xml version="1.0" encoding="UTF-8" ?>
<omegat><preference version="1.0"><ext_tmx_show_level2>true</ext_tmx_show_level2></preference></omegat>
"""

@pytest.fixture(autouse=True)
def _omegat_installed() -> None:
    require(
        f"OmegaT (java: {JAVA or 'missing'}, jar: {OMEGAT_JAR})",
        JAVA is not None and OMEGAT_JAR.is_file(),
        "apt-get install -y omegat",
    )


@dataclass(frozen=True)
class Fill:
    filled: int
    total: int

    @property
    def share(self) -> float:
        return self.filled / self.total if self.total else 0.0


def _stat(stats: str, row: str) -> int:
    for line in stats.splitlines():
        if line.startswith(f"{row}:"):
            return int(line.split("\t")[1])
    raise AssertionError(f"no {row!r} row in OmegaT's project_stats.txt:\n{stats}")


def run_omegat(tmx: Path, document: Path, work: Path, *, src: str = "uk-UA",
               tgt: str = "en-GB") -> Fill:
    """Build an OmegaT project with `tmx` in tm/auto (the only place whose exact matches are
    inserted), translate `document` in console mode, and read how many segments were filled."""
    project, config = work / "project", work / "config"
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True)
    config.mkdir()
    name = document.name if document.suffix in (".html", ".po", ".xlf") else f"{document.stem}.txt"
    shutil.copy(document, project / "source" / name)
    shutil.copy(tmx, project / "tm" / "auto" / "memory.tmx")
    (project / "omegat.project").write_text(PROJECT_FILE.format(src=src, tgt=tgt), "utf-8")
    (config / "omegat.prefs").write_text(PREFS_FILE, "utf-8")
    assert JAVA is not None
    result = subprocess.run(
        [JAVA, "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-jar", str(OMEGAT_JAR),
         str(project), "--mode=console-translate", f"--config-dir={config}",
         "--disable-project-locking", "--no-team"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    log = result.stdout + result.stderr
    # OmegaT exits 0 even when it rejected the TMX; the log says so.
    assert "TF_TM_LOAD_ERROR" not in log, f"OmegaT rejected the TMX:\n{log[-3000:]}"
    assert result.returncode == 0, log[-3000:]
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    total = _stat(stats, "Total")
    return Fill(total - _stat(stats, "Remaining"), total)


@pytest.mark.parametrize("memory", ["omegat-memory.tsv", "omegat-memory.po"])
def test_omegat_fills_exactly_the_segments_our_converted_tmx_holds(
        tmp_path: Path, memory: str) -> None:
    tmx = tmp_path / "memory.tmx"
    result = CliRunner().invoke(cli, ["convert", str(DATA / memory), "-o", str(tmx), "-q"])
    assert result.exit_code == 0, result.stderr
    fill = run_omegat(tmx, DATA / "omegat-doc.uk.txt", tmp_path)
    # Six sentences; the memory holds five, NBSP, ’ and «» included (no normalisation).
    assert (fill.filled, fill.total) == (5, 6)


def _literal_memory(document: Path, lang: str, other: str, tmx: Path) -> list[str]:
    """A TMX whose units hold each literal segment of `document` on both sides; returns them."""
    name = document.name
    blocks = read_document(document.read_text(encoding="utf-8"), lang=lang, name=name, markup="literal")
    texts = [segment.text for block in blocks for segment in block.segments]
    units = (TranslationUnit(variants=(Variant(lang, Segment.from_text(text)),
                                       Variant(other, Segment.from_text(text))), src_lang=lang)
             for text in texts)
    with tmx.open("wb") as stream:
        write_tmx(units, stream, header=TmxHeader(srclang=lang))
    return texts


@pytest.mark.parametrize(("document", "lang", "other"), [
    ("sources/interview.uk.md", "uk-UA", "en-GB"),
    ("sources/interview.en.md", "en-GB", "uk-UA"),
    ("tests/data/segment/literal.uk.md", "uk-UA", "en-GB"),
])
def test_omegat_sees_exactly_our_literal_segments_of_a_markdown_file(
        tmp_path: Path, project_dir: Path, document: str, lang: str, other: str) -> None:
    # The fixture holds headings, lists, quotes, hard breaks, emphasis, tags, links, escapes,
    # a table and an image; it avoids what OmegaT's default SRX splits and ours do not (see
    # tests/test_segment_literal.py), so equal counts and 100% matches mean equal segments.
    source = project_dir / document
    texts = _literal_memory(source, lang, other, tmp_path / "memory.tmx")
    fill = run_omegat(tmp_path / "memory.tmx", source, tmp_path, src=lang, tgt=other)
    assert (fill.filled, fill.total) == (len(texts), len(texts)), (
        f"OmegaT filled {fill.filled} of {fill.total} segments; we read {len(texts)}")


def _align_available() -> bool:
    module = COMMANDS["align"].split(":")[0]
    return importlib.util.find_spec(module) is not None


@pytest.mark.skipif(not _align_available(), reason="tmtool align is not available yet")
def test_omegat_pretranslates_the_sample_interview_from_the_aligned_tmx(
        tmp_path: Path, project_dir: Path) -> None:
    sources = project_dir / "sources"
    tmx = tmp_path / "interview.tmx"
    result = CliRunner().invoke(cli, ["align", "--markup", "literal", str(sources / "interview.uk.md"),
                                      str(sources / "interview.en.md"), "-o", str(tmx), "-q"])
    assert result.exit_code == 0, result.stderr
    fill = run_omegat(tmx, sources / "interview.uk.md", tmp_path)
    # 57 of 63 measured: the six unfilled segments are the Ukrainian halves of three 2-1 beads,
    # which a sentence-level CAT tool cannot match one sentence at a time.
    assert fill.share >= 0.9, f"OmegaT filled {fill.filled} of {fill.total} segments"


def test_omegat_fills_a_catalogue_with_english_msgids_from_our_converted_tmx(tmp_path: Path) -> None:
    # Real catalogues have English msgids and Ukrainian msgstrs: the TMX made from one must
    # serve OmegaT translating the same catalogue from English (en-GB source, uk-UA target).
    catalogue = DATA.parent / "po" / "django-style.uk.po"
    tmx = tmp_path / "memory.tmx"
    result = CliRunner().invoke(cli, ["convert", str(catalogue), "-o", str(tmx), "-q"])
    assert result.exit_code == 0, result.stderr
    empty = polib.pofile(str(catalogue))
    for entry in empty:
        entry.msgstr = ""
        entry.msgstr_plural = {index: "" for index in entry.msgstr_plural}
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    source = tmp_path / "messages.po"
    empty.save(str(source))
    fill = run_omegat(tmx, source, tmp_path / "omegat", src="en-GB", tgt="uk-UA")
    # OmegaT shows 27 segments. The 9 translated messages (plural forms apart) are 14 of them
    # less one: OmegaT's sentence segmentation splits the one two-sentence msgid in two, which a
    # whole-message unit cannot match (with paragraph segmentation it does). The rest are the
    # fuzzy and untranslated messages, left out of the memory, and the header.
    assert (fill.filled, fill.total) == (13, 27)
