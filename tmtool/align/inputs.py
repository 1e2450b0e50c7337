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
from tmtool.fileio import display_name, read_text
from tmtool.lang.script import dominant_script
from tmtool.locales import primary_language
from tmtool.model import Segment
from tmtool.segment import SegmentationRules, read_document

CYRILLIC_LANGUAGES = frozenset({"uk", "ru", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
LANGUAGE_NAMES = {"uk": "Ukrainian", "en": "English", "ru": "Russian", "de": "German",
                  "fr": "French", "pl": "Polish", "kk": "Kazakh"}
SCRIPT_NAMES = {"cyrillic": "Cyrillic", "latin": "Latin"}
LANGUAGE_OF_SCRIPT = {"cyrillic": "Ukrainian", "latin": "English"}


@dataclass(frozen=True, slots=True)
class AlignSide:
    """One document as the aligner sees it.

    `indices[k]` is how segment k is numbered in output (its input line for presegmented
    files, else k); `lines[k]` is the 1-based line it starts on; `blocks` holds (first, end)
    segment ranges and `kinds` the block kinds (both empty for presegmented input).
    """

    name: str
    lang: str
    segments: tuple[Segment, ...]
    indices: tuple[int, ...]
    lines: tuple[int, ...]
    blocks: tuple[tuple[int, int], ...] = ()
    kinds: tuple[str, ...] = ()

    @property
    def texts(self) -> list[str]:
        return [segment.text for segment in self.segments]


def expected_script(lang: str) -> str:
    return "cyrillic" if primary_language(lang) in CYRILLIC_LANGUAGES else "latin"


def language_name(lang: str) -> str:
    primary = primary_language(lang)
    return LANGUAGE_NAMES.get(primary, lang)


def side_from_text(
    text: str, *, name: str, lang: str, presegmented: bool,
    rules: SegmentationRules | None = None, markup: str = "codes",
) -> AlignSide:
    """Segments and blocks of one decoded document (no language check); `markup` as in
    `read_document` (with "literal" the segments are plain text holding the source as written)."""
    fmt = "presegmented" if presegmented else "auto"
    blocks = read_document(text, lang=primary_language(lang), name=name, fmt=fmt, rules=rules,
                           markup=markup)
    segments: list[Segment] = []
    indices: list[int] = []
    lines: list[int] = []
    ranges: list[tuple[int, int]] = []
    kinds: list[str] = []
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
    if not segments:
        raise InputError(name, None, "no text to align (the file is empty)")
    return AlignSide(name, lang, tuple(segments), tuple(indices), tuple(lines),
                     tuple(ranges), tuple(kinds))


def read_side(
    path: str, *, lang: str, presegmented: bool, rules: SegmentationRules | None = None,
    markup: str = "codes",
) -> AlignSide:
    """Read and segment one file; a missing, binary, non-UTF-8 or empty file is an InputError."""
    name = display_name(path)
    return side_from_text(read_text(path), name=name, lang=lang, presegmented=presegmented,
                          rules=rules, markup=markup)


def _script(side: AlignSide) -> str | None:
    return dominant_script(" ".join(side.texts[:2000]))


def check_languages(src: AlignSide, tgt: AlignSide) -> None:
    """Refuse a pair whose scripts contradict `src_lang`/`tgt_lang` (swapped or same language)."""
    want_src, want_tgt = expected_script(src.lang), expected_script(tgt.lang)
    have_src, have_tgt = _script(src), _script(tgt)
    if want_src == want_tgt:
        return  # two languages in one script: the script cannot tell them apart
    if have_src is not None and have_src != want_src:
        problem = (
            f"source looks {LANGUAGE_OF_SCRIPT[have_src]} ({SCRIPT_NAMES[have_src]} script), "
            f"expected {language_name(src.lang)}"
        )
        if have_tgt == want_src:
            problem += "; are the files swapped?"
        elif have_tgt == have_src:
            problem += "; both files are in the same language"
        raise InputError(src.name, None, problem)
    if have_tgt is not None and have_tgt != want_tgt:
        problem = (
            f"target looks {LANGUAGE_OF_SCRIPT[have_tgt]} ({SCRIPT_NAMES[have_tgt]} script), "
            f"expected {language_name(tgt.lang)}; both files are in the same language"
        )
        raise InputError(tgt.name, None, problem)


def short_name(name: str) -> str:
    """The file name without folders (for stable unit ids whatever the working directory)."""
    return os.path.basename(name) or name
