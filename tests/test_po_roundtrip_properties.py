"""Any catalogue survives PO -> TMX -> PO and PO -> XLIFF -> PO entry for entry, and what
comes back passes `msgfmt --check` (hypothesis): contexts (and empty msgids beside them),
plural messages under any nplurals from 1 to 6, flags, translator and extracted comments
(long ones too), references, previous msgids, and msgids with line breaks, tabs, quotes,
backslashes, white space at the ends and any Unicode."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.components import msgfmt_check, require
from tmtool.convert import ConvertOptions, convert

SETTINGS = settings(max_examples=40, deadline=None)
FIELDS = ("msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural", "flags", "tcomment",
          "comment", "occurrences", "previous_msgctxt", "previous_msgid",
          "previous_msgid_plural")

# Anything XML and PO carry: no other control character, no surrogate or non-character.
_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") \
    | st.sampled_from(["\t", "\n", " ", '"', "\\", "'", "«", "»", "\u00a0", "\u2028", "%"])
TEXT = st.text(_CHARS, min_size=1, max_size=25)
WORDS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                              blacklist_characters="\ufffe\uffff"),
                min_size=1, max_size=120).map(str.strip).filter(bool)
COMMENT = st.lists(WORDS, min_size=1, max_size=3).map("\n".join)
REFERENCE = st.tuples(st.from_regex(r"[a-z]{1,8}/[a-z_]{1,8}\.py", fullmatch=True),
                      st.integers(1, 9999).map(str))
FLAGS = st.lists(st.sampled_from(["fuzzy", "no-wrap", "no-python-format"]), unique=True)


def _same_line_breaks(texts: list[str]) -> list[str]:
    """Texts that all begin (and all end) with a line break or none does, as msgfmt wants."""
    lead, trail = texts[0].startswith("\n"), texts[0].endswith("\n")
    core = [text.strip("\n") or "x" for text in texts]
    return [("\n" if lead else "") + text + ("\n" if trail and text else "") for text in core]


@st.composite
def entries(draw: st.DrawFn, nplurals: int) -> polib.POEntry:
    context = draw(st.none() | TEXT)
    plural = draw(st.booleans())
    size = 2 + nplurals if plural else 2
    texts = _same_line_breaks([draw(TEXT) for _ in range(size)])
    msgid = "" if context is not None and draw(st.integers(0, 9)) == 0 else texts[0]
    entry = polib.POEntry(msgctxt=context, msgid=msgid, flags=draw(FLAGS))
    if plural:
        entry.msgid_plural = texts[1]
        entry.msgstr_plural = {form: texts[2 + form] for form in range(nplurals)}
    else:
        entry.msgstr = texts[1]
    entry.tcomment = draw(st.just("") | COMMENT)
    entry.comment = draw(st.just("") | COMMENT)
    entry.occurrences = draw(st.lists(REFERENCE, max_size=3))
    if draw(st.booleans()):
        entry.previous_msgid = draw(TEXT)
        entry.previous_msgctxt = draw(st.none() | TEXT)
    return entry


@st.composite
def catalogues(draw: st.DrawFn) -> polib.POFile:
    nplurals = draw(st.integers(1, 6))
    catalog = polib.POFile(wrapwidth=78)
    catalog.metadata = {
        "Project-Id-Version": "fixture", "Language": "uk", "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": f"nplurals={nplurals}; plural=(n % {nplurals});"}
    keys: set[tuple[str | None, str]] = set()
    for entry in draw(st.lists(entries(nplurals), min_size=1, max_size=6)):
        if (entry.msgctxt, entry.msgid) not in keys and (entry.msgid or entry.msgctxt):
            keys.add((entry.msgctxt, entry.msgid))
            catalog.append(entry)
    return catalog


def _fields(catalog: polib.POFile) -> list[tuple[object, ...]]:
    return [tuple(sorted(e.flags) if f == "flags" else getattr(e, f) for f in FIELDS)
            for e in catalog if not e.obsolete]


def _round_trip(catalog: polib.POFile, middle: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source, memory, back = (Path(folder, name) for name in ("uk.po", f"m.{middle}", "b.po"))
        source.write_text(str(catalog), encoding="utf-8")
        msgfmt_check(source)
        convert(str(source), str(memory), ConvertOptions(include_fuzzy=True))
        convert(str(memory), str(back), ConvertOptions(include_fuzzy=True))
        again = polib.pofile(back.read_text(encoding="utf-8"))
        assert _fields(again) == _fields(polib.pofile(source.read_text(encoding="utf-8")))
        assert again.metadata["Plural-Forms"] == catalog.metadata["Plural-Forms"]
        msgfmt_check(back)


@SETTINGS
@given(catalogues())
def test_po_to_tmx_to_po_keeps_every_entry_and_passes_msgfmt(catalog: polib.POFile) -> None:
    require("GNU gettext msgfmt", shutil.which("msgfmt") is not None, "apt-get install gettext")
    _round_trip(catalog, "tmx")


@SETTINGS
@given(catalogues())
def test_po_to_xliff_to_po_keeps_every_entry_and_passes_msgfmt(catalog: polib.POFile) -> None:
    require("GNU gettext msgfmt", shutil.which("msgfmt") is not None, "apt-get install gettext")
    _round_trip(catalog, "xlf")
