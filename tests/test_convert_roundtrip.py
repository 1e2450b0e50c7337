"""Round trips over generated content (hypothesis): PO -> TMX -> PO with plurals and contexts,
XLIFF -> TMX, TBX -> CSV -> TBX, TSV -> TMX -> TSV keep every unit."""
from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool.convert import ConvertOptions, convert
from tmtool.formats.po import read_po
from tmtool.formats.tabular import read_tabular, write_tabular
from tmtool.formats.tmx import read_tmx
from tmtool.formats.xliff import read_xliff
from tmtool.formats.xliff_write import write_xliff
from tmtool.glossary.model import GlossaryEntry
from tmtool.glossary.tbx import read_glossary_tbx
from tmtool.glossary.tbx_write import write_tbx
from tmtool.model import CodeKind, InlineCode, Segment, TranslationUnit, Variant

SETTINGS = settings(max_examples=40, deadline=None)

# Text a segment can carry: anything XML allows (tabs, line breaks, '&', '<', quotes, NBSP,
# apostrophes), trimmed, since TMX writers trim segment ends (interop notes §0 rule 10).
_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") \
    | st.sampled_from(["\t", "\n", "\r", "&", "<", ">", '"', "'", "’", "\u00a0", "«", "»"])
TEXT = st.text(_CHARS, min_size=1, max_size=30).map(str.strip).filter(bool)
# PO messages keep white space at their ends ("Usage:\n"); the round trip must too.
RAW_TEXT = st.text(_CHARS, min_size=1, max_size=30).filter(str.strip)


def _run(source: Path, target: Path, **options: object) -> None:
    convert(str(source), str(target), ConvertOptions(**options))  # type: ignore[arg-type]


@st.composite
def po_catalogs(draw: st.DrawFn) -> list[polib.POEntry]:
    entries: list[polib.POEntry] = []
    keys: set[tuple[str | None, str]] = set()
    for _ in range(draw(st.integers(1, 6))):
        context = draw(st.none() | RAW_TEXT)
        msgid = draw(RAW_TEXT)
        if (context, msgid) in keys:
            continue
        keys.add((context, msgid))
        entry = polib.POEntry(msgid=msgid, msgctxt=context)
        if draw(st.booleans()):
            entry.msgid_plural = draw(RAW_TEXT)
            entry.msgstr_plural = {i: draw(RAW_TEXT) for i in range(3)}
        else:
            entry.msgstr = draw(RAW_TEXT)
        if draw(st.booleans()):
            entry.tcomment = draw(TEXT.filter(lambda t: "\n" not in t))
        entries.append(entry)
    return entries


@SETTINGS
@given(po_catalogs())
def test_po_to_tmx_to_po_keeps_every_message(entries: list[polib.POEntry]) -> None:
    catalog = polib.POFile()
    catalog.metadata = {"Language": "uk", "Content-Type": "text/plain; charset=UTF-8"}
    for entry in entries:
        catalog.append(entry)
    with tempfile.TemporaryDirectory() as folder:
        po, tmx, back = Path(folder, "a.po"), Path(folder, "a.tmx"), Path(folder, "b.po")
        po.write_text(catalog.__unicode__(), encoding="utf-8")
        _run(po, tmx, src_lang="en-GB")
        _run(tmx, back)
        original = list(read_po(po, src_lang="en-GB"))
        assert len(original) == sum(3 if e.msgid_plural else 1 for e in entries)
        assert list(read_po(back, src_lang="en-GB")) == original


def _code_segments(draw: st.DrawFn) -> Segment:
    parts: list[str | InlineCode] = [draw(TEXT)]
    for pair in range(1, draw(st.integers(0, 2)) + 1):
        parts[len(parts):] = [InlineCode(CodeKind.OPEN, pair, f"<b{pair}>"), draw(TEXT),
                              InlineCode(CodeKind.CLOSE, pair, f"</b{pair}>")]
    if draw(st.booleans()):
        parts.append(InlineCode(CodeKind.STANDALONE, None, "<br/>"))
    parts.append(draw(TEXT))
    return Segment(tuple(parts))


@st.composite
def xliff_units(draw: st.DrawFn) -> list[TranslationUnit]:
    return [TranslationUnit((Variant("uk-UA", _code_segments(draw)),
                             Variant("en-GB", _code_segments(draw))), tuid=f"u{i}")
            for i in range(draw(st.integers(1, 5)))]


@SETTINGS
@given(xliff_units())
def test_xliff_to_tmx_keeps_every_segment_and_code(units: list[TranslationUnit]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        xlf, tmx = Path(folder, "a.xlf"), Path(folder, "a.tmx")
        with open(xlf, "wb") as out:
            write_xliff(units, out, src_lang="uk-UA", tgt_lang="en-GB")
        _run(xlf, tmx)
        with open(tmx, "rb") as stream:
            from_tmx = [(u.tuid, u.variants[0].segment, u.variants[1].segment)
                        for u in read_tmx(stream, name="a.tmx")]
        from_xliff = [(u.tuid, u.variants[0].segment, u.variants[1].segment)
                      for u in read_xliff(xlf)]
    assert from_xliff == [(u.tuid, u.variants[0].segment, u.variants[1].segment) for u in units]
    assert from_tmx == from_xliff


CYRILLIC = st.text(st.sampled_from("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВКМ'"), min_size=1,
                   max_size=8).filter(lambda w: w.strip("'"))
LATIN = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzKQZ-"), min_size=1, max_size=8)


def _phrase(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(words, min_size=1, max_size=3).map(" ".join).map(str.strip).filter(bool)


@st.composite
def glossaries(draw: st.DrawFn) -> list[GlossaryEntry]:
    entries = []
    for index in range(draw(st.integers(1, 4))):
        english = draw(st.lists(_phrase(LATIN), min_size=1, max_size=5,
                                unique_by=str.casefold))
        cut = draw(st.integers(1, len(english)))
        approved, other = english[:cut], english[cut:]
        split = draw(st.integers(0, len(other)))
        entries.append(GlossaryEntry(
            term_id=f"term.t{index}", type=draw(st.sampled_from(["person", "place", "term"])),
            uk=tuple(draw(st.lists(_phrase(CYRILLIC), min_size=1, max_size=3, unique=True))),
            en=approved[0], en_allowed=tuple(approved[1:]), en_forbidden=tuple(other[:split]),
            en_historical=tuple(other[split:]), note=draw(st.just("") | _phrase(LATIN)),
            case=draw(st.none() | st.sampled_from(["proper", "exact"])),
            uk_gender=draw(st.none() | st.sampled_from(["m", "f", "n", "pl"])),
        ))
    return entries


@SETTINGS
@given(glossaries())
def test_tbx_to_csv_to_tbx_keeps_every_entry(entries: list[GlossaryEntry]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tbx, csv_path, back = Path(folder, "a.tbx"), Path(folder, "a.csv"), Path(folder, "b.tbx")
        with open(tbx, "wb") as out:
            write_tbx(entries, out)
        _run(tbx, csv_path)
        _run(csv_path, back, tbx_version="v3")
        first = [replace(e, path="", line=0) for e in read_glossary_tbx(str(tbx))]
        again = [replace(e, path="", line=0) for e in read_glossary_tbx(str(back))]
    assert first == entries
    assert again == entries


@SETTINGS
@given(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=8))
def test_tsv_to_tmx_to_tsv_keeps_every_row(rows: list[tuple[str, str]]) -> None:
    units = [TranslationUnit((Variant("uk-UA", Segment.from_text(uk)),
                              Variant("en-GB", Segment.from_text(en)))) for uk, en in rows]
    with tempfile.TemporaryDirectory() as folder:
        tsv, tmx, back = Path(folder, "a.tsv"), Path(folder, "a.tmx"), Path(folder, "b.tsv")
        with open(tsv, "wb") as out:
            write_tabular(units, out, src_lang="uk-UA", tgt_lang="en-GB")
        _run(tsv, tmx)
        _run(tmx, back)
        result = [(u.variants[0].text, u.variants[1].text) for u in read_tabular(back)]
    assert result == rows
