"""Word and OpenDocument files as another program leaves them: LibreOffice re-saves our files.

LibreOffice rewrites the whole package (its own styles, run boundaries, settings, no revision
ids), so what the readers get here was written by a program nobody on the team wrote. The
segments, their inline codes and the aligned pairs must be those of the Markdown source.
"""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.components import require
from tests.office_from_markdown import docx_from_markdown, odt_from_markdown
from tmtool.cli import cli
from tmtool.segment import read_document

PROJECT = Path(__file__).resolve().parents[1]
SOFFICE = shutil.which("soffice")
# LibreOffice's export filter names for the two formats.
FILTERS = {"docx": "docx:MS Word 2007 XML", "odt": "odt:writer8"}


def _resave(source: Path, suffix: str, out_dir: Path) -> Path:
    """`source` opened and saved again by LibreOffice as `suffix`, in `out_dir`."""
    profile = out_dir / "profile"
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", FILTERS[suffix], "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180)
    saved = out_dir / f"{source.stem}.{suffix}"
    assert saved.is_file(), f"LibreOffice did not write {saved}"
    return saved


def _segments(path: Path) -> list[tuple[str, list[tuple[str, str | None]]]]:
    blocks = read_document(path.read_bytes(), lang=path.name.split(".")[1], name=path.name)
    return [(s.text, [(c.kind.value, c.type) for c in s.codes]) for b in blocks for s in b.segments]


@pytest.mark.parametrize(("made", "saved_as"), [("docx", "docx"), ("odt", "odt"), ("docx", "odt")])
def test_files_resaved_by_libreoffice_align_like_the_markdown(
        tmp_path: Path, made: str, saved_as: str) -> None:
    require("LibreOffice (soffice)", SOFFICE is not None,
            "apt-get install -y libreoffice-writer-nogui")
    makers = {"docx": docx_from_markdown, "odt": odt_from_markdown}
    markdown = [PROJECT / "sources" / f"interview.{lang}.md" for lang in ("uk", "en")]
    resaved = []
    for seed, source in enumerate(markdown):
        lang = source.name.split(".")[1]
        ours = tmp_path / "ours" / f"interview.{lang}.{made}"
        ours.parent.mkdir(exist_ok=True)
        ours.write_bytes(makers[made](source.read_text(encoding="utf-8"), seed=seed))
        resaved.append(_resave(ours, saved_as, tmp_path / "lo"))
        assert _segments(resaved[-1]) == _segments(source)
    outputs = []
    for pair in (markdown, resaved):
        out = tmp_path / f"pairs-{len(outputs)}.tsv"
        result = CliRunner().invoke(cli, ["align", *map(str, pair), "--plain", "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[1] == outputs[0]


def test_html_page_saved_as_odt_by_libreoffice_reads_like_the_page(tmp_path: Path) -> None:
    """LibreOffice opens an HTML page in Writer/Web, and its .odt then says
    "application/vnd.oasis.opendocument.text-web": the body is an ordinary text document's,
    and it was refused as "an OpenDocument text-web, not a text document"."""
    require("LibreOffice (soffice)", SOFFICE is not None,
            "apt-get install -y libreoffice-writer-nogui")
    page = tmp_path / "zvit.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Звіт</title></head>'
                    "<body><h1>Звіт за 2025 рік</h1><p>Фонд підтримав 42 громади.</p>"
                    "<p>Роботу продовжено у 2026 році. Дякуємо партнерам!</p></body></html>",
                    encoding="utf-8")
    saved = _resave(page, "odt", tmp_path / "lo")
    with zipfile.ZipFile(saved) as package:
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text-web"
    assert [text for text, _ in _segments(saved)] == [text for text, _ in _segments(page)]
