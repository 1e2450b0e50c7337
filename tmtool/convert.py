"""`tmtool convert`: translation memories between TMX, PO, XLIFF, TSV and CSV, and glossaries
between TBX and the glossary CSV, formats chosen by file extension unless named.

Every memory format reads into the one unit model and writes from it, so any pair converts.
A `.csv` beside a `.tbx` is a glossary CSV; otherwise a two-column memory. Bilingual outputs
(PO, XLIFF, TSV, CSV) take the units that have both languages and count the rest as skipped;
a bare language in the file (`uk`) takes the locale given for it (`--tgt-lang uk-UA`).
Nothing is written when source and target would be one language, or when not one unit of a
non-empty input has both: a file of labels that match nothing is an error, not a result.
A catalogue's Language and Plural-Forms travel in the memory's header props.
"""
from __future__ import annotations

import contextlib
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import PurePath
from typing import IO

from tmtool.errors import ConfigError, InputError
from tmtool.fileio import atomic_output, display_name, open_input
from tmtool.formats.po import PoHeader, PoReader, write_po
from tmtool.formats.po_lang import MSGID_LANG, refuse_one_language
from tmtool.formats.tabular import read_tabular, write_tabular
from tmtool.formats.tmx import TmxHeader, TmxReader, write_tmx
from tmtool.formats.xliff import XliffReader
from tmtool.formats.xliff_write import write_xliff
from tmtool.glossary.csvfile import read_glossary_csv
from tmtool.glossary.csvwrite import write_glossary_csv
from tmtool.glossary.tbx import read_glossary_tbx
from tmtool.glossary.tbx_write import write_tbx
from tmtool.locales import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG, canonical_locale
from tmtool.model import Prop, TranslationUnit, same_language

MEMORY_FORMATS = ("tmx", "po", "xliff", "tsv", "csv")
GLOSSARY_FORMATS = ("tbx", "glossary-csv")
FORMATS = MEMORY_FORMATS + GLOSSARY_FORMATS
EXTENSIONS = {
    ".tmx": "tmx", ".po": "po", ".pot": "po", ".xlf": "xliff", ".xliff": "xliff",
    ".sdlxliff": "xliff", ".mqxliff": "xliff", ".tsv": "tsv", ".tab": "tsv", ".csv": "csv",
    ".tbx": "tbx",
}
Warn = Callable[[str], None]


@dataclass(frozen=True)
class ConvertOptions:
    """What a conversion may be told; None means "from the file, else the default"."""

    from_format: str | None = None
    to_format: str | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    include_fuzzy: bool = False
    tbx_version: str = "2008"
    keep_props: bool = True
    timestamp: datetime | None = None
    include_untranslated: bool = False   # PO/XLIFF in: untranslated messages too (XLIFF/PO out)


@dataclass(frozen=True)
class ConvertResult:
    """What a conversion did. `written` counts units, or messages for PO output; `read`
    counts messages for PO input (else 0); `left_out` names what was not carried over and
    why (PO input: obsolete, fuzzy, untranslated; PO output: conflicting, no msgid)."""

    from_format: str
    to_format: str
    written: int
    skipped: int
    read: int = 0
    left_out: tuple[tuple[str, int], ...] = ()


@dataclass
class _Source:
    """What an input file says besides its units, filled in as it is read: its header(s),
    the languages it declares, and for PO what it held back."""

    tmx_header: TmxHeader | None = None
    po_header: PoHeader | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    messages: int = 0
    left_out: Counter[str] = field(default_factory=Counter)


def format_of(path: str, given: str | None, *, role: str) -> str:
    """The format named by `given`, else by the file extension."""
    if given:
        if given not in FORMATS:
            raise ConfigError(f"unknown {role} format {given!r} (choose from {', '.join(FORMATS)})")
        return given
    suffix = PurePath(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise ConfigError(f"{display_name(path)}: cannot tell the format from the extension "
                          f"{suffix or '(none)'!r}; name it with --{role}")
    return EXTENSIONS[suffix]


def resolve_formats(in_path: str, out_path: str, options: ConvertOptions) -> tuple[str, str]:
    """Both formats, with a `csv` beside a `tbx` read as a glossary CSV."""
    source = format_of(in_path, options.from_format, role="from")
    target = format_of(out_path, options.to_format, role="to")
    if source == "tbx" and target == "csv":
        target = "glossary-csv"
    if target == "tbx" and source == "csv":
        source = "glossary-csv"
    if (source in GLOSSARY_FORMATS) != (target in GLOSSARY_FORMATS):
        raise ConfigError(f"cannot convert {source} to {target}: glossaries (tbx, glossary-csv) "
                          "convert only to each other")
    return source, target


def _read_tmx(stream: IO[bytes], name: str, source: _Source) -> Iterator[TranslationUnit]:
    reader = TmxReader(stream, name=name)
    for unit in reader:
        if source.tmx_header is None and reader.header is not None:
            source.tmx_header = reader.header
            source.po_header = PoHeader.from_props(reader.header.props)
        yield unit
    if source.tmx_header is None and reader.header is not None:
        source.tmx_header = reader.header
        source.po_header = PoHeader.from_props(reader.header.props)


def _read_po(stream: IO[bytes], name: str, options: ConvertOptions,
             source: _Source) -> Iterator[TranslationUnit]:
    reader = PoReader(stream, name=name, src_lang=options.src_lang, tgt_lang=options.tgt_lang,
                      include_fuzzy=options.include_fuzzy,
                      include_untranslated=options.include_untranslated)
    source.po_header = reader.header
    source.src_lang = options.src_lang or MSGID_LANG
    for number, unit in enumerate(reader):
        if number == 0:
            languages = reader.languages
            if same_language(languages.source, languages.target):
                refuse_one_language(languages, name=name, line=None)
            source.src_lang, source.tgt_lang = languages.source, languages.target
        yield unit
    if not reader.messages:
        with contextlib.suppress(InputError):   # nothing to label: any languages will do
            source.src_lang, source.tgt_lang = reader.languages.source, reader.languages.target
    source.messages, source.left_out = reader.messages, reader.left_out


def _read_xliff(stream: IO[bytes], name: str, options: ConvertOptions,
                source: _Source) -> Iterator[TranslationUnit]:
    reader = XliffReader(stream, name=name, src_lang=options.src_lang, tgt_lang=options.tgt_lang,
                         include_untranslated=options.include_untranslated)
    for unit in reader:
        source.src_lang, source.tgt_lang = reader.src_lang, reader.tgt_lang
        source.po_header = reader.po_header
        yield unit
    source.src_lang, source.tgt_lang = reader.src_lang, reader.tgt_lang
    source.po_header = reader.po_header


def read_units(stream: IO[bytes], fmt: str, name: str, options: ConvertOptions,
               source: _Source) -> Iterator[TranslationUnit]:
    """The units of a memory file; what the file says besides them goes into `source`."""
    if fmt == "tmx":
        yield from _read_tmx(stream, name, source)
    elif fmt == "po":
        yield from _read_po(stream, name, options, source)
    elif fmt == "xliff":
        yield from _read_xliff(stream, name, options, source)
    else:
        yield from read_tabular(stream, name=name, fmt=fmt,
                                src_lang=options.src_lang or DEFAULT_SRC_LANG,
                                tgt_lang=options.tgt_lang or DEFAULT_TGT_LANG)


def pick_languages(first: TranslationUnit | None, options: ConvertOptions,
                   source: _Source) -> tuple[str, str]:
    """Source and target: as given, else as the file declares them (PO: as its reader
    settled them; XLIFF: its source and target language; TMX: the header's srclang), else
    the first unit's source and its first other language."""
    header = source.tmx_header
    src = options.src_lang or source.src_lang
    if src is None and header is not None and header.srclang and header.srclang != "*all*":
        src = header.srclang
    if src is None and first is not None:
        src = first.src_lang or first.variants[0].lang
    src = src or DEFAULT_SRC_LANG
    tgt = options.tgt_lang or source.tgt_lang
    if tgt is None and first is not None:
        tgt = next((v.lang for v in first.variants if not same_language(v.lang, src)), None)
    if tgt is None and source.po_header is not None and source.po_header.language:
        tgt = source.po_header.language   # a memory of an untranslated catalogue
    return _tidy(src), _tidy(tgt or DEFAULT_TGT_LANG)


def _tidy(code: str) -> str:
    """A file's locale in canonical case (`uk-ua` -> `uk-UA`), or as it is when unusual."""
    try:
        return canonical_locale(code.replace("_", "-"))
    except ConfigError:
        return code


def _refine(code: str | None, given: tuple[str, ...]) -> str | None:
    """A bare language (`uk`) as the locale the user gave for it (`uk-UA`); a code with a
    region is left as the file has it."""
    if code is None or "-" in code.replace("_", "-"):
        return code
    return next((g for g in given if same_language(code, g)), code)


def _relabel(unit: TranslationUnit, given: tuple[str, ...]) -> TranslationUnit:
    """Variants named in the file by a bare language take the locale given for it (`uk` with
    `--tgt-lang uk-UA`): CAT tools want region-qualified codes."""
    variants = tuple(replace(v, lang=_refine(v.lang, given) or v.lang) for v in unit.variants)
    if variants == unit.variants:
        return unit
    return replace(unit, variants=variants, src_lang=_refine(unit.src_lang, given))


def _without_props(unit: TranslationUnit) -> TranslationUnit:
    return replace(unit, props=(), variants=tuple(replace(v, props=()) for v in unit.variants))


class _Counter:
    """Counts what passes and what is held back on the way to a writer, and the languages
    of what was held back (for the error when nothing passes)."""

    def __init__(self) -> None:
        self.skipped = 0
        self.skipped_langs: Counter[str] = Counter()

    def bilingual(self, units: Iterable[TranslationUnit], src: str,
                  tgt: str) -> Iterator[TranslationUnit]:
        for unit in units:
            if unit.variant(src) is None or unit.variant(tgt) is None:
                self.skipped += 1
                self.skipped_langs.update(set(unit.langs()))
                continue
            yield unit

    def check_something_written(self, written: int, name: str, src: str, tgt: str) -> None:
        """Refuse an output that holds nothing because every unit lacked a language."""
        if written or not self.skipped:
            return
        held = ", ".join(lang for lang, _ in self.skipped_langs.most_common()) or "none"
        raise InputError(name, None, f"none of its {self.skipped:,} units has both {src} and "
                                     f"{tgt} (they hold: {held}), so nothing was written; name "
                                     "the languages with --src-lang and --tgt-lang")


def convert_memory(
    in_path: str, out_path: str, source: str, target: str, options: ConvertOptions,
    warn: Warn | None = None,
) -> ConvertResult:
    """Convert one memory file; the output appears only when everything went well."""
    name = display_name(in_path)
    info = _Source()
    counter = _Counter()
    left_out: tuple[tuple[str, int], ...] = ()
    if target == "xliff" or (source, target) == ("xliff", "po"):
        # a file to translate (or its catalogue): what is still to do goes too
        options = replace(options, include_untranslated=True)
    with open_input(in_path) as stream, atomic_output(out_path, inputs=[in_path]) as out:
        units = read_units(stream, source, name, options, info)
        first = next(units, None)
        all_units: Iterator[TranslationUnit] = itertools.chain([first] if first else [], units)
        given = tuple(code for code in (options.src_lang, options.tgt_lang) if code)
        if given:
            all_units = (_relabel(unit, given) for unit in all_units)
        if not options.keep_props:
            all_units = (_without_props(unit) for unit in all_units)
        header = info.tmx_header
        src, tgt = pick_languages(first, options, info)
        if target != "tmx" and same_language(src, tgt):
            raise ConfigError(f"{name}: source {src} and target {tgt} are one language; name "
                              "the two languages with --src-lang and --tgt-lang")
        if target == "tmx":
            written = write_tmx(all_units, out, header=_tmx_header(src, source, info, options),
                                on_warning=warn, unit_date=options.timestamp)
        elif target == "po":
            result = write_po(counter.bilingual(all_units, src, tgt), out, src_lang=src,
                              tgt_lang=tgt, header=info.po_header if options.keep_props
                              else None, revision_date=options.timestamp, on_warning=warn)
            written, left_out = result.messages, result.left_out
        elif target == "xliff":
            written = write_xliff(counter.bilingual(all_units, src, tgt), out, src_lang=src,
                                  tgt_lang=tgt, original=PurePath(name).name,
                                  datatype=header.datatype if header and header.datatype
                                  else "plaintext",
                                  po_header=info.po_header if options.keep_props else None)
        else:
            written = write_tabular(counter.bilingual(all_units, src, tgt), out, src_lang=src,
                                    tgt_lang=tgt, fmt=target)
        counter.check_something_written(written, name, src, tgt)
    dropped = tuple((reason, count) for reason, count in info.left_out.items() if count)
    return ConvertResult(source, target, written, counter.skipped, info.messages,
                         dropped + left_out)


def _tmx_header(src: str, source: str, info: _Source, options: ConvertOptions) -> TmxHeader:
    header = info.tmx_header
    if header is not None:
        return TmxHeader(srclang=src, segtype=header.segtype or "sentence",
                         o_tmf=header.o_tmf or "tmtool", adminlang=header.adminlang or "en-US",
                         datatype=header.datatype or "plaintext",
                         creationdate=header.creationdate or options.timestamp,
                         props=header.props if options.keep_props else (), notes=header.notes)
    props: tuple[Prop, ...] = (Prop("x-converted-from", source),)
    if info.po_header is not None:
        props += info.po_header.as_props()
    return TmxHeader(srclang=src, segtype="sentence",
                     datatype="xml" if source == "xliff" else "plaintext",
                     creationdate=options.timestamp,
                     props=props if options.keep_props else ())


def convert(in_path: str, out_path: str, options: ConvertOptions,
            warn: Warn | None = None) -> ConvertResult:
    """Convert `in_path` to `out_path` (formats from the options or the extensions)."""
    source, target = resolve_formats(in_path, out_path, options)
    if source in GLOSSARY_FORMATS:
        written = convert_glossary(in_path, out_path, source, target, options.tbx_version)
        return ConvertResult(source, target, written, 0)
    return convert_memory(in_path, out_path, source, target, options, warn)


def convert_glossary(in_path: str, out_path: str, source: str, target: str,
                     tbx_version: str) -> int:
    """TBX to glossary CSV and back (or TBX to TBX in the other version); returns entries."""
    entries = list(read_glossary_tbx(in_path) if source == "tbx" else read_glossary_csv(in_path))
    with atomic_output(out_path, inputs=[in_path]) as out:
        if target == "tbx":
            return write_tbx(entries, out, version=tbx_version)
        return write_glossary_csv(entries, out)
