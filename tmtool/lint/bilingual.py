"""Bilingual files (TMX, PO, XLIFF 1.2 / 2.x) as lint units, through the format readers
in `tmtool.formats`: the Ukrainian variant is the `source`, the English one the `target`.

Decisions: sides are chosen by language, not by the file's order, so an en->uk XLIFF works
too; positions are the line where a segment starts (`exact=False`: XML and PO escapes do
not map characters one-to-one to the file; `lint.columns` pins verbatim ones); notes and translator comments carrying
`tmtool: ignore[...]` become the unit's `ignored` rules. A PO unit is named by its msgid
(`[msgctxt] msgid`, plus `[n]` for plural form n), as translators know it.
"""
from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import IO

from tmtool.lang.script import script_counts
from tmtool.lint.suppress import ignores_in_notes
from tmtool.lint.units import LintUnit, TextSide
from tmtool.locales import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG
from tmtool.model import TranslationUnit, Variant, same_language

SOURCE_LANG = "uk"
TARGET_LANG = "en"
_NONE: frozenset[str] = frozenset()


def _side(variant: Variant | None, line: int) -> TextSide | None:
    if variant is None:
        return None
    text = variant.text
    if not text.strip():
        return None
    return TextSide(text, variant.line or line, 1, variant.lang, exact=False)


def _sides(variants: tuple[Variant, ...]) -> tuple[Variant | None, Variant | None]:
    """The Ukrainian and English variants in one pass, chosen as `TranslationUnit.variant`
    chooses them: a variant whose whole code is the bare language first, else the first of
    that language."""
    chosen: dict[str, Variant] = {}
    exact: set[str] = set()
    for variant in variants:
        code = variant.lang.lower().replace("_", "-")
        language = code.split("-", 1)[0]
        if language not in (SOURCE_LANG, TARGET_LANG) or language in exact:
            continue
        if code == language:
            chosen[language] = variant
            exact.add(language)
        else:
            chosen.setdefault(language, variant)
    return chosen.get(SOURCE_LANG), chosen.get(TARGET_LANG)


def lint_units(
    units: Iterable[TranslationUnit], *, name: str, unit_name: str = "tuid"
) -> Iterator[LintUnit]:
    """Translation units as lint units (units with neither a Ukrainian nor an English
    text are passed over). `unit_name` is "tuid" or "po" (see the module docstring)."""
    for number, unit in enumerate(units, start=1):
        line = unit.line or 1
        source_variant, target_variant = _sides(unit.variants)
        source, target = _side(source_variant, line), _side(target_variant, line)
        if source is None and target is None:
            continue
        notes = [*unit.notes]
        for variant in (source_variant, target_variant):
            if variant is not None and variant.notes:
                notes.extend(variant.notes)
        if unit_name == "po" and unit.variants:
            unit_id = po_unit_id(unit, unit.variants[0])
        else:
            unit_id = unit.tuid or str(number)
        yield LintUnit(name, target, source, unit_id, ignores_in_notes(notes) if notes else _NONE)


def po_unit_id(unit: TranslationUnit, source: Variant) -> str:
    """`[msgctxt] msgid[n]`: the message as translators know it (singular msgid for every
    plural form); `source` is the msgid variant."""
    from tmtool.formats.po import CONTEXT, MSGID, PLURAL_FORM

    form = unit.prop(PLURAL_FORM)
    msgid = unit.prop(MSGID) if form not in (None, "0") else source.text
    context = unit.prop(CONTEXT)
    prefix = f"[{context}] " if context is not None else ""
    suffix = f"[{form}]" if form is not None else ""
    return f"{prefix}{msgid or source.text}{suffix}"


def read_tmx_units(stream: IO[bytes], *, name: str) -> Iterator[LintUnit]:
    """One unit per `<tu>`; the unit id is the tuid, else the unit's ordinal number."""
    from tmtool.formats.tmx import read_tmx

    return lint_units(read_tmx(stream, name=name), name=name)


def read_xliff_units(stream: IO[bytes], *, name: str) -> Iterator[LintUnit]:
    """One unit per translated segment; the id is the unit id (`ID#MID` for a segment)."""
    from tmtool.formats.xliff import read_xliff

    units = read_xliff(stream, name=name, src_lang=DEFAULT_SRC_LANG, tgt_lang=DEFAULT_TGT_LANG)
    return lint_units(units, name=name)


def read_po_units(stream: IO[bytes], *, name: str) -> Iterator[LintUnit]:
    """One unit per translated message and plural form, fuzzy ones included (a fuzzy
    translation is still text someone will publish after review). A catalogue that names no
    language for its msgstrs (no Language header, no language in the file name) is still
    linted: each message's sides are told apart by their letters."""
    from tmtool.formats.po import read_po
    from tmtool.formats.po_lang import NoTargetLanguage

    data = stream.read()  # polib holds a whole catalogue anyway; a second read may be needed
    units = read_po(io.BytesIO(data), name=name, src_lang=DEFAULT_SRC_LANG, include_fuzzy=True)
    relabel = _english_msgid
    try:
        first = next(units, None)
    except NoTargetLanguage:
        units = read_po(io.BytesIO(data), name=name, src_lang=DEFAULT_SRC_LANG, tgt_lang=DEFAULT_TGT_LANG,
                        include_fuzzy=True)
        first, relabel = next(units, None), _sides_by_letters
    found = itertools.chain([first] if first is not None else [], units)
    return lint_units((relabel(unit) for unit in found), name=name, unit_name="po")


def _english_msgid(unit: TranslationUnit) -> TranslationUnit:
    """A PO file translated into Ukrainian (header `Language: uk`) has English msgids: the
    msgid side is relabelled English, so the sides still come out Ukrainian / English."""
    if len(unit.variants) != 2 or not same_language(unit.variants[1].lang, SOURCE_LANG):
        return unit
    msgid = replace(unit.variants[0], lang=DEFAULT_TGT_LANG)
    return replace(unit, variants=(msgid, unit.variants[1]))


def _sides_by_letters(unit: TranslationUnit) -> TranslationUnit:
    """A message read as Ukrainian msgid / English msgstr whose msgid is Latin and msgstr
    Cyrillic is the other way round (the usual catalogue: English msgids)."""
    if len(unit.variants) != 2:
        return unit
    msgid, msgstr = unit.variants
    id_cyrillic, id_latin = script_counts(msgid.text)
    str_cyrillic, str_latin = script_counts(msgstr.text)
    if id_latin > id_cyrillic and str_cyrillic > str_latin:
        return replace(unit, variants=(replace(msgid, lang=DEFAULT_TGT_LANG), replace(msgstr, lang=DEFAULT_SRC_LANG)))
    return unit
