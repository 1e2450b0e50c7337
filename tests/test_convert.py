"""The conversion library: formats by extension, golden outputs, and the invariants beside
them (our TMX validates against the DTD and reads back to the units that went in)."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from tests.golden import assert_golden
from tmtool.convert import ConvertOptions, convert, format_of, resolve_formats
from tmtool.errors import ConfigError, InputError
from tmtool.formats.po import read_po
from tmtool.formats.tmx import read_tmx, trim_segment
from tmtool.formats.xliff import read_xliff

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden" / "convert"
WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def _convert(source: Path, target: Path, **options: object) -> str:
    result = convert(str(source), str(target), ConvertOptions(timestamp=WHEN, **options))  # type: ignore[arg-type]
    assert result.written > 0
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("path", "expected"), [
    ("a.tmx", "tmx"), ("A.PO", "po"), ("b.pot", "po"), ("c.xlf", "xliff"), ("c.sdlxliff", "xliff"),
    ("d.tsv", "tsv"), ("e.csv", "csv"), ("f.tbx", "tbx"),
])
def test_format_follows_the_extension(path: str, expected: str) -> None:
    assert format_of(path, None, role="from") == expected


def test_unknown_extension_asks_for_the_format() -> None:
    with pytest.raises(ConfigError, match=r"memory.txt: cannot tell the format from the extension "
                                          r"'.txt'; name it with --from"):
        format_of("memory.txt", None, role="from")


def test_csv_beside_tbx_is_a_glossary_and_memories_do_not_mix_with_glossaries() -> None:
    assert resolve_formats("g.tbx", "g.csv", ConvertOptions()) == ("tbx", "glossary-csv")
    assert resolve_formats("g.csv", "g.tbx", ConvertOptions()) == ("glossary-csv", "tbx")
    with pytest.raises(ConfigError, match="cannot convert tbx to tmx"):
        resolve_formats("g.tbx", "g.tmx", ConvertOptions())


@pytest.mark.parametrize(("source", "target", "options"), [
    ("po/app.uk.po", "po-to-tmx.tmx", {"src_lang": "en-GB"}),
    ("po/django-style.uk.po", "django-to-tmx.tmx", {"include_fuzzy": True}),
    ("po/django-style.uk.po", "django-to-xliff.xlf", {"include_fuzzy": True}),
    ("xliff/trados-seg-source.sdlxliff", "sdlxliff-to-tmx.tmx", {}),
    ("xliff/sample-20.xlf", "xliff20-to-tmx.tmx", {}),
    ("convert/memoq-utf16.tmx", "memoq-to-xliff.xlf", {}),
    ("convert/memoq-utf16.tmx", "memoq-to-po.po", {}),
    ("convert/memoq-utf16.tmx", "memoq-to-tsv.tsv", {}),
    ("tabular/memory.tsv", "tsv-to-tmx.tmx", {}),
    ("tbx/basic-2008.tbx", "tbx2008-to-glossary.csv", {}),
    ("tbx/v3-dct.tbx", "tbx-dct-to-tbx2008.tbx", {}),
    ("tbx/v3-dca.tbx", "tbx-dca-to-v3.tbx", {"to_format": "tbx", "tbx_version": "v3"}),
])
def test_conversion_output_matches_golden(tmp_path: Path, update_golden: bool, source: str,
                                          target: str, options: dict[str, object]) -> None:
    text = _convert(DATA / source, tmp_path / target, **options)
    assert_golden(GOLDEN / target, text, update_golden)


@pytest.mark.parametrize(("source", "options"), [
    ("po/app.uk.po", {"src_lang": "en-GB"}),
    ("po/django-style.uk.po", {"include_fuzzy": True}),
    ("xliff/trados-seg-source.sdlxliff", {}),
    ("xliff/sample-20.xlf", {}),
    ("xliff/inline-codes-12.xlf", {}),
    ("tabular/memory.tsv", {}),
])
def test_tmx_output_validates_against_the_dtd_and_keeps_every_unit(
        tmp_path: Path, shared_dir: Path, source: str, options: dict[str, object]) -> None:
    out = tmp_path / "out.tmx"
    _convert(DATA / source, out, **options)
    dtd = etree.DTD(str(shared_dir / "spec" / "tmx14.dtd"))
    assert dtd.validate(etree.parse(str(out))), dtd.error_log.filter_from_errors()
    with open(out, "rb") as stream:
        written = [(tuple(v.segment for v in u.variants), u.tuid)
                   for u in read_tmx(stream, name="out")]
    if source.endswith(".po"):
        original = list(read_po(DATA / source, src_lang="en-GB",
                                include_fuzzy=bool(options.get("include_fuzzy"))))
    elif source.endswith(".tsv"):
        from tmtool.formats.tabular import read_tabular
        original = list(read_tabular(DATA / source))
    else:
        original = list(read_xliff(DATA / source))
    # TMX segments are trimmed at the ends (PO keeps the white space in x-po-edges)
    assert written == [(tuple(trim_segment(v.segment) for v in u.variants), u.tuid)
                       for u in original]


def test_po_to_tmx_to_po_keeps_plurals_contexts_and_comments(tmp_path: Path) -> None:
    _convert(DATA / "po/app.uk.po", tmp_path / "app.tmx", src_lang="en-GB")
    _convert(tmp_path / "app.tmx", tmp_path / "back.po")
    assert list(read_po(tmp_path / "back.po", src_lang="en-GB")) == \
        list(read_po(DATA / "po/app.uk.po", src_lang="en-GB"))


@pytest.mark.parametrize(("middle", "golden"), [("tmx", "django-tmx-to-po.po"),
                                                ("xlf", "django-xliff-to-po.po")])
def test_real_structure_catalogue_comes_back_from_tmx_and_xliff(
        tmp_path: Path, update_golden: bool, middle: str, golden: str) -> None:
    _convert(DATA / "po/django-style.uk.po", tmp_path / f"d.{middle}", include_fuzzy=True)
    text = _convert(tmp_path / f"d.{middle}", tmp_path / "back.po")
    assert_golden(GOLDEN / golden, text, update_golden)
    assert list(read_po(tmp_path / "back.po", include_fuzzy=True)) == \
        list(read_po(DATA / "po/django-style.uk.po", include_fuzzy=True))


def test_bilingual_output_counts_units_lacking_a_language(tmp_path: Path) -> None:
    tmx = tmp_path / "three.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="uk-UA" segtype="sentence" datatype="plaintext" '
        'adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        '<tu><tuv xml:lang="uk-UA"><seg>а</seg></tuv><tuv xml:lang="en-GB"><seg>a</seg></tuv></tu>'
        '<tu><tuv xml:lang="uk-UA"><seg>б</seg></tuv><tuv xml:lang="de-DE"><seg>b</seg></tuv></tu>'
        "</body></tmx>", encoding="utf-8")
    result = convert(str(tmx), str(tmp_path / "out.tsv"), ConvertOptions(tgt_lang="en-GB"))
    assert (result.written, result.skipped) == (1, 1)


@pytest.mark.parametrize(("source", "target"), [
    ("po/broken-quote.po", "out.tmx"),
    ("tbx/unknown-dialect.tbx", "out.csv"),
    ("tabular/three-columns.tsv", "out.tmx"),
])
def test_bad_input_leaves_no_output(tmp_path: Path, source: str, target: str) -> None:
    with pytest.raises(InputError):
        convert(str(DATA / source), str(tmp_path / target), ConvertOptions())
    assert list(tmp_path.iterdir()) == []


def _toolkit(module: str) -> object:
    """A translate-toolkit storage module (test-only oracle: GPL, never imported by tmtool)."""
    return pytest.importorskip(f"translate.storage.{module}",
                               reason="translate-toolkit is not installed")


def test_translate_toolkit_reads_our_xliff_po_and_tbx(tmp_path: Path) -> None:
    xliff_store: object = _toolkit("xliff")
    po_store: object = _toolkit("po")
    tbx_store: object = _toolkit("tbx")
    _convert(DATA / "convert/memoq-utf16.tmx", tmp_path / "m.xlf")
    units = xliff_store.xlifffile(  # type: ignore[attr-defined]
        (tmp_path / "m.xlf").read_bytes()).units
    assert (units[0].source, units[0].target) == (
        "Посол прибув до Києва.", "The Ambassador arrived in Kyiv.")
    assert len(units) == 3
    _convert(DATA / "po/app.uk.po", tmp_path / "a.tmx", src_lang="en-GB")
    _convert(tmp_path / "a.tmx", tmp_path / "a.po")
    catalog = po_store.pofile((tmp_path / "a.po").read_bytes())  # type: ignore[attr-defined]
    translated = [u for u in catalog.units if u.source and u.istranslated()]
    assert len(translated) == 6 and any(u.hasplural() for u in translated)
    _convert(DATA / "tbx/basic-2008.tbx", tmp_path / "g.csv")
    _convert(tmp_path / "g.csv", tmp_path / "g.tbx")
    termbase = tbx_store.tbxfile((tmp_path / "g.tbx").read_bytes())  # type: ignore[attr-defined]
    assert [(u.source, u.target) for u in termbase.units] == [
        ("Київ", "Kyiv"), ("Кам'янське", "Kamianske"), ("договір", "agreement")]
