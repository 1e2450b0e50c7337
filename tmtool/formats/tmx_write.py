"""Streaming TMX 1.4b writer (lxml `xmlfile`): the exact file CAT tools import without loss.

Decisions (interop notes §0): UTF-8 without BOM; all seven header attributes with a real
`srclang`; locales in canonical case; dates `YYYYMMDDThhmmssZ`; segment text as given,
only trimmed at the ends; paired codes as `bpt`/`ept` with an `i` unique in the `seg`,
unpaired ones as `it`, standalone ones as `ph`. Characters XML 1.0 forbids are dropped and
reported through `on_warning`; a unit with an empty segment is skipped and reported, and so
is a second variant in a locale the unit already has.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import IO, Any

from lxml import etree

from tmtool.errors import ConfigError, OutputError
from tmtool.formats.tmx_header import SEGTYPES, XML_LANG, TmxHeader, format_tmx_date
from tmtool.locales import canonical_locale, locale_problem
from tmtool.model import CodeKind, InlineCode, Prop, Segment, TranslationUnit, segment_key

WarningSink = Callable[[str], None]

# XML 1.0 Char excludes these; Python strings can also hold lone surrogates, never valid.
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def _ignore(message: str) -> None:
    del message


@dataclass
class _Cleaner:
    """Drops forbidden characters from everything written for one unit and remembers them
    so that one warning per unit names them all."""

    dropped: list[str]

    def __call__(self, text: str) -> str:
        if FORBIDDEN_CHARS.search(text) is None:
            return text
        self.dropped.extend(f"U+{ord(ch):04X}" for ch in FORBIDDEN_CHARS.findall(text))
        return FORBIDDEN_CHARS.sub("", text)


def trim_segment(segment: Segment) -> Segment:
    """The segment with white space removed at both ends (and nowhere else)."""
    parts = list(segment.parts)
    if parts and isinstance(parts[0], str):
        parts[0] = parts[0].lstrip()
    if parts and isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip()
    return Segment(tuple(parts))


def derive_tuid(unit: TranslationUnit) -> str:
    """A stable id from the unit's content: the same variants always give the same tuid."""
    digest = hashlib.blake2b(digest_size=10)
    for variant in unit.variants:
        digest.update(variant.lang.lower().encode("utf-8") + b"\x1e")
        digest.update(segment_key(variant.segment))
        digest.update(b"\x1c")
    return digest.hexdigest()


def _match_pairs(parts: tuple[str | InlineCode, ...]) -> dict[int, int]:
    """Index of each OPEN -> index of its CLOSE (same `pair`, after it, innermost first)."""
    pending: dict[int, list[int]] = {}
    matched: dict[int, int] = {}
    for index, part in enumerate(parts):
        if isinstance(part, str) or part.pair is None:
            continue
        if part.kind is CodeKind.OPEN:
            pending.setdefault(part.pair, []).append(index)
        elif part.kind is CodeKind.CLOSE and pending.get(part.pair):
            matched[pending[part.pair].pop()] = index
    return matched


def _code_ids(parts: tuple[str | InlineCode, ...], matched: dict[int, int]) -> dict[int, str]:
    """An `i` for every matched pair (part index -> i): the code's own `pair` when it is a
    number >= 0 not yet used in this seg, else the next free number."""
    used: set[int] = set()
    ids: dict[int, str] = {}
    numbers = [p.pair for p in parts if isinstance(p, InlineCode) and p.pair is not None]
    next_free = max([0, *numbers]) + 1
    for open_index in sorted(matched):
        pair = parts[open_index].pair  # type: ignore[union-attr]
        if pair is not None and pair >= 0 and pair not in used:
            number = pair
        else:
            number, next_free = next_free, next_free + 1
        used.add(number)
        ids[open_index] = ids[matched[open_index]] = str(number)
    return ids


def _code_element(code: InlineCode, index: int, ids: dict[int, str]) -> Any:
    if code.kind is CodeKind.STANDALONE:
        element = etree.Element("ph")
    elif index in ids:
        element = etree.Element("bpt" if code.kind is CodeKind.OPEN else "ept", i=ids[index])
    else:
        element = etree.Element("it", pos="begin" if code.kind is CodeKind.OPEN else "end")
    if code.type and element.tag != "ept":  # the DTD gives ept no type; its bpt has it
        element.set("type", code.type)
    if code.native:
        element.text = code.native
    return element


def _seg_element(parts: tuple[str | InlineCode, ...]) -> Any:
    seg = etree.Element("seg")
    if len(parts) == 1 and isinstance(parts[0], str):
        seg.text = parts[0]
        return seg
    matched = _match_pairs(parts)
    ids = _code_ids(parts, matched)
    last: Any = None
    for index, part in enumerate(parts):
        if isinstance(part, str):
            if last is None:
                seg.text = part
            else:
                last.tail = part
        else:
            last = _code_element(part, index, ids)
            seg.append(last)
    return seg


def _add_meta(
    parent: Any, props: tuple[Prop, ...], notes: tuple[str, ...], clean: _Cleaner
) -> None:
    for prop in props:
        element = etree.SubElement(parent, "prop", type=clean(prop.type))
        if prop.lang:
            element.set(XML_LANG, prop.lang)
        element.text = clean(prop.value)
    for note in notes:
        etree.SubElement(parent, "note").text = clean(note)


def _set_dates(element: Any, created: datetime | None, changed: datetime | None) -> None:
    if created is not None:
        element.set("creationdate", format_tmx_date(created))
    if changed is not None:
        element.set("changedate", format_tmx_date(changed))


def _locale(code: str, what: str) -> str:
    if code.strip() == "*all*":
        raise OutputError(f"{what} is '*all*'; TMX for CAT tools needs one real source locale")
    try:
        return canonical_locale(code)
    except ConfigError as exc:
        raise OutputError(f"{what}: {exc}") from None


def complete_header(header: TmxHeader, warn: WarningSink) -> TmxHeader:
    """The header as it will be written: required attributes left empty (as read from a
    sloppy file) get tmtool's values, locales their canonical case; srclang must be real."""
    defaults = TmxHeader(srclang=header.srclang)
    filled = {
        name: getattr(header, name) or getattr(defaults, name)
        for name in (
            "segtype",
            "creationtool",
            "creationtoolversion",
            "o_tmf",
            "adminlang",
            "datatype",
        )
    }
    if filled["segtype"] not in SEGTYPES:
        raise OutputError(
            f"header segtype {filled['segtype']!r} is not one of {', '.join(SEGTYPES)}"
        )
    if locale_problem(filled["adminlang"]) is not None:
        warn(
            f"header adminlang {filled['adminlang']!r} is not a locale; wrote {defaults.adminlang}"
        )
        filled["adminlang"] = defaults.adminlang
    filled["adminlang"] = canonical_locale(filled["adminlang"])
    srclang = _locale(header.srclang, "header srclang") if header.srclang else ""
    if not srclang:
        raise OutputError("header srclang is empty; name the source locale (e.g. --src-lang uk-UA)")
    return replace(header, srclang=srclang, **filled)


def _header_element(header: TmxHeader, warn: WarningSink) -> Any:
    element = etree.Element("header")
    clean = _Cleaner([])
    attributes = (
        ("creationtool", header.creationtool),
        ("creationtoolversion", header.creationtoolversion),
        ("segtype", header.segtype),
        ("o-tmf", header.o_tmf),
        ("adminlang", header.adminlang),
        ("srclang", header.srclang),
        ("datatype", header.datatype),
        ("o-encoding", header.o_encoding),
        ("creationdate", format_tmx_date(header.creationdate) if header.creationdate else None),
        ("creationid", header.creationid),
        ("changedate", format_tmx_date(header.changedate) if header.changedate else None),
        ("changeid", header.changeid),
    )
    for name, value in attributes:
        if value is not None:
            element.set(name, clean(value))
    _add_meta(element, header.props, header.notes, clean)
    if clean.dropped:
        warn(f"header: dropped {len(clean.dropped)} character(s) that XML 1.0 forbids")
    return element


class _UnitWriter:
    """Builds one `<tu>` element per unit, or None (with a warning) for a unit to skip."""

    def __init__(self, header: TmxHeader, warn: WarningSink, unit_date: datetime | None) -> None:
        self.srclang = _locale(header.srclang, "header srclang")
        self.warn = warn
        self.unit_date = unit_date
        self.locales: dict[str, str] = {}

    def locale(self, code: str, tuid: str) -> str:
        known = self.locales.get(code)
        if known is None:
            if locale_problem(code) is not None or code.strip() == "*all*":
                raise OutputError(f"unit {tuid}: {locale_problem(code) or 'locale *all*'}")
            known = self.locales[code] = canonical_locale(code)
        return known

    def element(self, unit: TranslationUnit) -> Any:
        clean = _Cleaner([])
        segments = [_prepared_parts(v.segment, clean) for v in unit.variants]
        tuid = (clean(unit.tuid) if unit.tuid else "") or derive_tuid(unit)
        if clean.dropped:
            self.warn(
                f"unit {tuid}: dropped {len(clean.dropped)} character(s) that XML 1.0 forbids "
                f"({', '.join(sorted(set(clean.dropped)))})"
            )
        if not unit.variants or not all(segments):  # as has_empty_segment
            self.warn(f"unit {tuid}: skipped, it has an empty segment")
            return None
        tu = etree.Element("tu", tuid=tuid)
        _set_dates(tu, unit.creation_date or self.unit_date, unit.change_date or self.unit_date)
        if unit.creation_id:
            tu.set("creationid", clean(unit.creation_id))
        if unit.change_id:
            tu.set("changeid", clean(unit.change_id))
        if unit.src_lang:
            if unit.src_lang.lower() == self.srclang.lower():
                tu.set("srclang", self.srclang)
            else:
                self.warn(
                    f"unit {tuid}: srclang {unit.src_lang!r} differs from the header's; "
                    "attribute left out"
                )
        _add_meta(tu, unit.props, unit.notes, clean)
        written: set[str] = set()
        for variant, segment in zip(unit.variants, segments):
            locale = self.locale(variant.lang, tuid)
            if locale.lower() in written:  # TMX allows one tuv per language in a tu
                shown = _segment_text(segment)
                self.warn(f"unit {tuid}: dropped a second {locale} variant ({shown!r})")
                continue
            written.add(locale.lower())
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: locale})
            _set_dates(tuv, variant.creation_date, variant.change_date)
            _add_meta(tuv, variant.props, variant.notes, clean)
            tuv.append(_seg_element(segment))
        _indent_unit(tu)
        return tu


def _prepared_parts(segment: Segment, clean: _Cleaner) -> tuple[str | InlineCode, ...]:
    """The parts as written: forbidden characters dropped, trimmed at the ends (as
    `trim_segment` does), no empty strings; `()` for an empty segment."""
    parts = segment.parts
    if len(parts) == 1 and isinstance(parts[0], str):
        text = clean(parts[0]).strip()
        return (text,) if text else ()
    cleaned = list(_clean_parts(segment, clean))
    if cleaned and isinstance(cleaned[0], str):
        cleaned[0] = cleaned[0].lstrip()
    if cleaned and isinstance(cleaned[-1], str):
        cleaned[-1] = cleaned[-1].rstrip()
    return tuple(part for part in cleaned if not isinstance(part, str) or part)


def _segment_text(parts: tuple[str | InlineCode, ...]) -> str:
    """Prepared parts as text for a message (codes as their native markup)."""
    return "".join(p if isinstance(p, str) else p.native for p in parts)


def has_empty_segment(unit: TranslationUnit) -> bool:
    """True when `write_tmx` would skip the unit: it has no variant, or a segment with
    nothing left once forbidden characters are dropped and the ends trimmed."""
    return not unit.variants or not all(
        _prepared_parts(variant.segment, _Cleaner([])) for variant in unit.variants
    )


def _clean_parts(segment: Segment, clean: _Cleaner) -> Iterable[str | InlineCode]:
    for part in segment.parts:
        if isinstance(part, str):
            yield clean(part)
        elif FORBIDDEN_CHARS.search(part.native + (part.type or "")):
            code_type = clean(part.type) if part.type else part.type
            yield InlineCode(part.kind, part.pair, clean(part.native), code_type)
        else:
            yield part


def _indent_unit(tu: Any) -> None:
    """Line breaks between the children of `tu` and `tuv`, never inside `seg`."""
    children = list(tu)
    tu.text = "\n      "
    for child in children:
        child.tail = "\n      "
        if child.tag == "tuv" and len(child) > 1:
            child.text = "\n        "
            for grandchild in child:
                grandchild.tail = "\n        "
            child[-1].tail = "\n      "
    children[-1].tail = "\n    "


def write_tmx(
    units: Iterable[TranslationUnit],
    stream: IO[bytes],
    *,
    header: TmxHeader,
    on_warning: WarningSink | None = None,
    doctype: bool = True,
    unit_date: datetime | None = None,
) -> int:
    """Write `units` as TMX 1.4b to a binary stream; return how many units were written.

    `unit_date` fills `creationdate`/`changedate` of units that have none. Problems that
    cost data (dropped characters, skipped units) go to `on_warning`, one message per unit.
    """
    warn = on_warning or _ignore
    header = complete_header(header, warn)
    header_element = _header_element(header, warn)
    unit_writer = _UnitWriter(header, warn, unit_date)
    written = 0
    stream.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    with etree.xmlfile(stream, encoding="UTF-8") as xml_out:
        if doctype:
            xml_out.write_doctype(DOCTYPE)
        with xml_out.element("tmx", version="1.4"):
            header_element.tail = "\n  "
            xml_out.write("\n  ", header_element)
            with xml_out.element("body"):
                for unit in units:
                    element = unit_writer.element(unit)
                    if element is not None:
                        xml_out.write("\n    ", element)
                        written += 1
                xml_out.write("\n  ")
            xml_out.write("\n")
    stream.write(b"\n")
    return written
