"""Translation units as stored in a memory: a compact JSON body, and the content key that
makes an import idempotent.

The body keeps everything a TMX unit has (variants with inline codes, props, notes, dates,
ids), so `tm export` gives back what was imported. The key is a digest of the variants
(language and segment, codes included) and of the props that tell PO messages apart
(context, plural form, the other msgid): the same translation imported twice, from the same
file or another, is one unit.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from tmtool.model import CodeKind, InlineCode, Prop, Segment, TranslationUnit, Variant, segment_key

# Props that make two otherwise equal units different messages (written by the PO reader).
KEY_PROPS = ("x-context", "x-plural-form", "x-msgid", "x-msgid-plural", "x-po-edges")
_KINDS = {kind.value: kind for kind in CodeKind}


def unit_key(unit: TranslationUnit) -> bytes:
    """16 bytes that are equal exactly for units with the same variants and message props."""
    digest = hashlib.blake2b(digest_size=16)
    for lang, key in sorted((v.lang.lower(), segment_key(v.segment)) for v in unit.variants):
        digest.update(lang.encode("utf-8") + b"\x1e" + key + b"\x1c")
    for prop in unit.props:
        if prop.type in KEY_PROPS:
            digest.update(f"\x1d{prop.type}\x1e{prop.value}".encode("utf-8", "surrogatepass"))
    return digest.digest()


def _date(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _parse_date(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _parts(segment: Segment) -> list[Any]:
    return [part if isinstance(part, str) else [part.kind.value, part.pair, part.native, part.type]
            for part in segment.parts]


def _props(props: tuple[Prop, ...]) -> list[list[str | None]]:
    return [[prop.type, prop.value, prop.lang] for prop in props]


def encode_unit(unit: TranslationUnit) -> str:
    """The unit as a JSON text (keys kept short: a memory holds millions)."""
    body: dict[str, Any] = {"v": [
        {"l": v.lang, "s": _parts(v.segment), **({"p": _props(v.props)} if v.props else {}),
         **({"n": list(v.notes)} if v.notes else {}),
         **({"c": _date(v.creation_date)} if v.creation_date else {}),
         **({"m": _date(v.change_date)} if v.change_date else {})}
        for v in unit.variants
    ]}
    optional = {
        "t": unit.tuid, "p": _props(unit.props) if unit.props else None,
        "n": list(unit.notes) if unit.notes else None, "c": _date(unit.creation_date),
        "m": _date(unit.change_date), "ci": unit.creation_id, "mi": unit.change_id,
        "sl": unit.src_lang,
    }
    body.update((key, value) for key, value in optional.items() if value is not None)
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def _segment(parts: list[Any]) -> Segment:
    if len(parts) == 1 and isinstance(parts[0], str):
        return Segment.from_text(parts[0])
    return Segment(tuple(
        part if isinstance(part, str)
        else InlineCode(_KINDS[part[0]], part[1], part[2], part[3])
        for part in parts
    ))


def _decode_props(rows: list[list[Any]] | None) -> tuple[Prop, ...]:
    return tuple(Prop(row[0], row[1], row[2]) for row in rows or ())


def decode_unit(text: str) -> TranslationUnit:
    """The unit back from `encode_unit`'s JSON."""
    body = json.loads(text)
    variants = tuple(
        Variant(v["l"], _segment(v["s"]), _decode_props(v.get("p")), tuple(v.get("n", ())),
                _parse_date(v.get("c")), _parse_date(v.get("m")))
        for v in body["v"]
    )
    return TranslationUnit(
        variants=variants, tuid=body.get("t"), props=_decode_props(body.get("p")),
        notes=tuple(body.get("n", ())), creation_date=_parse_date(body.get("c")),
        change_date=_parse_date(body.get("m")), creation_id=body.get("ci"),
        change_id=body.get("mi"), src_lang=body.get("sl"),
    )
