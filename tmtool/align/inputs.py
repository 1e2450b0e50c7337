"""Reading one side of a document pair for the aligner, and refusing pairs that cannot be right.

A side is a flat list of segments plus the blocks (paragraphs, headings, captions) that group
them; presegmented input is one segment per non-empty line, indexed by its 0-based line number,
and has no blocks. Before any alignment, each side's script is checked against its language, so
swapped files or two files in the same language fail with one clear line.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from tmtool.errors import InputError
from tmtool.fileio import display_name, read_bytes
from tmtool.lang.script import script_counts
from tmtool.locales import primary_language
from tmtool.model import Segment
from tmtool.segment import SegmentationRules, read_document

CYRILLIC_LANGUAGES = frozenset({"uk", "ru", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
LANGUAGE_NAMES = {"uk": "Ukrainian", "en": "English", "ru": "Russian", "de": "German",
                  "fr": "French", "pl": "Polish", "kk": "Kazakh"}
SCRIPT_NAMES = {"cyrillic": "Cyrillic", "latin": "Latin"}
LANGUAGE_OF_SCRIPT = {"cyrillic": "Ukrainian", "latin": "English"}
MIN_LETTERS = 10  # fewer letters than this on a side: its script is not judged
CYRILLIC_AT_LEAST = 0.1  # share of Cyrillic letters a Cyrillic-language side has at least
CYRILLIC_BELOW = 0.5  # share of Cyrillic letters a Latin-language side stays below
CYRILLIC_GAP = 0.1  # by how much the Cyrillic-language side's share exceeds the other's


@dataclass(frozen=True, slots=True)
class AlignSide:
    """One document as the aligner sees it.

    `indices[k]` is how segment k is numbered in output (its input line for presegmented
    files, else k); `lines[k]` is the 1-based line it starts on; `blocks` holds (first, end)
    segment ranges, `kinds` the block kinds, `sections` their sections (`Block.section`) and
    `idents` their idents (`Block.ident`), all empty for presegmented input.
    """

    name: str
    lang: str
    segments: tuple[Segment, ...]
    indices: tuple[int, ...]
    lines: tuple[int, ...]
    blocks: tuple[tuple[int, int], ...] = ()
    kinds: tuple[str, ...] = ()
    sections: tuple[int, ...] = ()
    idents: tuple[str, ...] = ()

    @property
    def texts(self) -> list[str]:
        return [segment.text for segment in self.segments]


def expected_script(lang: str) -> str:
    return "cyrillic" if primary_language(lang) in CYRILLIC_LANGUAGES else "latin"


def language_name(lang: str) -> str:
    primary = primary_language(lang)
    return LANGUAGE_NAMES.get(primary, lang)


def side_from_text(
    text: str | bytes, *, name: str, lang: str, presegmented: bool,
    rules: SegmentationRules | None = None, markup: str = "codes",
) -> AlignSide:
    """Segments and blocks of one document, decoded or as bytes (no language check); `markup`
    as in `read_document` (with "literal" the segments are plain text holding the source as
    written). For .docx/.odt, `lines` are paragraph numbers."""
    fmt = "presegmented" if presegmented else "auto"
    blocks = read_document(text, lang=primary_language(lang), name=name, fmt=fmt, rules=rules,
                           markup=markup)
    segments: list[Segment] = []
    indices: list[int] = []
    lines: list[int] = []
    ranges: list[tuple[int, int]] = []
    kinds: list[str] = []
    sections: list[int] = []
    idents: list[str] = []
    for number, block in enumerate(blocks):
        start = len(segments)
        for segment in block.segments:
            if segment.is_empty():
                continue
            indices.append(number if presegmented else len(segments))
            segments.append(segment)
            lines.append(block.line)
        if len(segments) > start and not presegmented:
            ranges.append((start, len(segments)))
            kinds.append(block.kind)
            sections.append(block.section)
            idents.append(block.ident)
    if not segments:
        raise InputError(name, None, "no text to align (the file is empty)")
    return AlignSide(name, lang, tuple(segments), tuple(indices), tuple(lines),
                     tuple(ranges), tuple(kinds), tuple(sections), tuple(idents))


def read_side(
    path: str, *, lang: str, presegmented: bool, rules: SegmentationRules | None = None,
    markup: str = "codes",
) -> AlignSide:
    """Read and segment one file (text, Markdown, HTML, .docx, .odt); a missing, unreadable,
    non-UTF-8 or empty file is an InputError."""
    name = display_name(path)
    return side_from_text(read_bytes(path), name=name, lang=lang, presegmented=presegmented,
                          rules=rules, markup=markup)


def _cyrillic_share(side: AlignSide) -> float | None:
    """Cyrillic letters over Cyrillic and Latin ones (None when too few letters to tell)."""
    cyrillic, latin = script_counts(" ".join(side.texts[:2000]))
    return None if cyrillic + latin < MIN_LETTERS else cyrillic / (cyrillic + latin)


def _problem(side: AlignSide, role: str, looks: str, note: str) -> InputError:
    return InputError(side.name, None, (
        f"{role} looks {LANGUAGE_OF_SCRIPT[looks]} ({SCRIPT_NAMES[looks]} script), "
        f"expected {language_name(side.lang)}{note}"
    ))


def check_side_language(side: AlignSide, role: str) -> None:
    """Refuse one document whose script contradicts its language on its own (`tmtool pair`,
    where the other side is not known yet): a Cyrillic-language side under 10 % Cyrillic
    letters, a Latin-language side half Cyrillic or more."""
    share = _cyrillic_share(side)
    if share is None:
        return
    if expected_script(side.lang) == "cyrillic" and share < CYRILLIC_AT_LEAST:
        raise _problem(side, role, "latin", "")
    if expected_script(side.lang) == "latin" and share >= CYRILLIC_BELOW:
        raise _problem(side, role, "cyrillic", "")


def check_languages(src: AlignSide, tgt: AlignSide) -> None:
    """Refuse a pair whose scripts contradict `src_lang`/`tgt_lang` (swapped or same language).

    The side whose language is written in Cyrillic must have at least 10 % Cyrillic letters
    and clearly more than the other side, which must stay under half Cyrillic. The bounds are
    lopsided on purpose: a Ukrainian page about software may be mostly Latin letters (product
    names, commands, URLs), while an English page is hardly ever half Cyrillic.
    """
    want_src, want_tgt = expected_script(src.lang), expected_script(tgt.lang)
    if want_src == want_tgt:
        return  # two languages in one script: the script cannot tell them apart
    sides = {"source": src, "target": tgt}
    cyr_role, lat_role = ("source", "target") if want_src == "cyrillic" else ("target", "source")
    cyr, lat = _cyrillic_share(sides[cyr_role]), _cyrillic_share(sides[lat_role])
    if cyr is None or lat is None:  # judge the side that has enough letters on its own
        if cyr is not None and cyr < CYRILLIC_AT_LEAST:
            raise _problem(sides[cyr_role], cyr_role, "latin", "")
        if lat is not None and lat >= CYRILLIC_BELOW:
            raise _problem(sides[lat_role], lat_role, "cyrillic", "")
        return
    if cyr >= CYRILLIC_AT_LEAST and lat < CYRILLIC_BELOW and cyr - lat >= CYRILLIC_GAP:
        return
    if lat - cyr >= CYRILLIC_GAP:
        raise _problem(src, "source", want_tgt, "; are the files swapped?")
    same = "; both files are in the same language"
    if (cyr + lat) / 2 >= CYRILLIC_AT_LEAST:  # both Cyrillic: the other side is wrong
        raise _problem(sides[lat_role], lat_role, "cyrillic", same)
    raise _problem(sides[cyr_role], cyr_role, "latin", same)


def short_name(name: str) -> str:
    """The file name without folders (for stable unit ids whatever the working directory)."""
    return os.path.basename(name) or name
