"""TBX termbases in: TBX 2008 (`martif`, `tig` and `ntig`), TBX v3 (2019; DCA and DCT styles,
namespaces `urn:iso:std:iso:30042:ed-2` and `...:ed:3.0`) and TBX-Min, as glossary entries.

Term status maps to the glossary columns: preferred -> `en` (the first; later ones are
allowed), admitted or unmarked -> `en_allowed`, deprecated / notRecommended / obsolete /
forbidden -> `en_forbidden`, and superseded -> `en_historical` (a former name is fine beside
the current one, which "forbidden" would not allow; terminology notes §5). Fields TBX-Basic
has no category for travel in `<note>tmtool-FIELD: value</note>`, so our own files round-trip.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from lxml import etree

from tmtool.errors import InputError
from tmtool.fileio import display_name, open_input
from tmtool.glossary.model import (
    CASES,
    ORIGINS,
    TYPE_ALIASES,
    TYPES,
    UK_GENDERS,
    UK_INFLECT,
    GlossaryEntry,
)
from tmtool.lang.tokens import normalize_apostrophes
from tmtool.safexml import parse

TBX_V3_NAMESPACES = ("urn:iso:std:iso:30042:ed-2", "urn:iso:std:iso:30042:ed:3.0")
NOTE_PREFIX = "tmtool-"
_STATUS = {
    "preferred": "preferred", "admitted": "admitted", "deprecated": "forbidden",
    "notrecommended": "forbidden", "obsolete": "forbidden", "forbidden": "forbidden",
    "superseded": "historical", "standardized": "admitted", "legal": "admitted",
    "regulated": "admitted",
}
_GENDERS = {"masculine": "m", "feminine": "f", "neuter": "n"}
_ENTRY, _LANG = ("termEntry", "conceptEntry"), ("langSet", "langSec", "langGroup")
_GROUP = ("tig", "ntig", "termSec", "termGroup")
_STATUS_CATEGORIES = ("administrativeStatus", "normativeAuthorization", "termStatus")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _local(elem: Any) -> str:
    return str(etree.QName(elem).localname) if isinstance(elem.tag, str) else ""


def _text(elem: Any) -> str:
    return " ".join("".join(elem.itertext()).split())


def dialect(root: Any, name: str) -> str:
    """`2008`, `v3` or `min`; anything else is an `InputError`."""
    local, namespace = _local(root), etree.QName(root).namespace
    if local == "martif":
        return "2008"
    if local == "tbx" and namespace in TBX_V3_NAMESPACES:
        return "v3"
    if local == "TBX" and (root.get("dialect") or "").startswith("TBX-Min"):
        return "min"
    what = f"<{local}>" + (f" in namespace {namespace}" if namespace else "")
    raise InputError(name, root.sourceline,
                     f"unknown TBX dialect: root element {what} (expected TBX 2008 <martif>, "
                     "TBX v3 <tbx> in urn:iso:std:iso:30042:ed-2 or ed:3.0, or TBX-Min)")


def term_status(group: Any, name: str) -> str:
    """preferred / admitted / forbidden / historical for one term group (admitted if unmarked)."""
    for elem in group.iter():
        local = _local(elem)
        value = None
        if local == "termNote" and elem.get("type") in _STATUS_CATEGORIES or local in _STATUS_CATEGORIES:
            value = _text(elem)
        if value is None:
            continue
        key = value.removesuffix("-admn-sts").removesuffix("Term").replace(" ", "").lower()
        if key not in _STATUS:
            raise InputError(name, elem.sourceline, f"unknown term status {value!r}")
        return _STATUS[key]
    return "admitted"


def _tmtool_notes(elem: Any, fields: dict[str, str], free: list[str]) -> None:
    """Sort the notes directly under `elem` into tmtool fields and free text."""
    for child in elem:
        if _local(child) != "note":
            continue
        text = "".join(child.itertext()).strip()
        if not (text.startswith(NOTE_PREFIX) and ":" in text):
            if text:
                free.append(text)
            continue
        pieces = [piece.strip() for piece in text.split(";")]
        if not all(p.startswith(NOTE_PREFIX) and ":" in p for p in pieces):
            pieces = [text]   # one field whose value holds a ';'
        for piece in pieces:
            key, _, value = piece.partition(":")
            fields[key.strip()[len(NOTE_PREFIX):]] = value.strip()


def _terms(lang_elem: Any, name: str, fields: dict[str, str] | None) -> list[tuple[str, str, Any]]:
    """(term, status, element) per term group; `fields` collects the Ukrainian side's
    gender and tmtool notes (None for other languages)."""
    out = []
    for group in lang_elem:
        if _local(group) not in _GROUP:
            continue
        term = next((e for e in group.iter() if _local(e) == "term"), None)
        if term is None or not _text(term):
            continue
        if fields is not None:
            for elem in group.iter():
                if (_local(elem) == "termNote" and elem.get("type") == "grammaticalGender") \
                        or _local(elem) == "grammaticalGender":
                    fields.setdefault("uk-gender-tbx", _text(elem))
            _tmtool_notes(group, fields, [])
        out.append((normalize_apostrophes(_text(term)), term_status(group, name), term))
    return out


def _choice(fields: dict[str, str], key: str, allowed: tuple[str, ...], name: str,
            line: int) -> str | None:
    value = fields.get(key, "").strip().lower()
    if not value:
        return None
    if value not in allowed:
        raise InputError(name, line, f"unknown tmtool-{key} {value!r} (use one of: "
                         f"{', '.join(allowed)})")
    return value


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _entry(concept: Any, name: str, index: int) -> GlossaryEntry | None:
    line = concept.sourceline or 0
    fields: dict[str, str] = {}
    free: list[str] = []
    _tmtool_notes(concept, fields, free)
    by_lang: dict[str, list[tuple[str, str, Any]]] = {}
    for lang_elem in concept:
        if _local(lang_elem) in _LANG:
            lang = (lang_elem.get(XML_LANG) or "").split("-")[0].split("_")[0].lower()
            by_lang.setdefault(lang, []).extend(
                _terms(lang_elem, name, fields if lang == "uk" else None))
    uk_terms = by_lang.get("uk", [])
    uk = [t for t, status, _ in uk_terms if status == "preferred"] + \
        [t for t, status, _ in uk_terms if status == "admitted"]
    english = by_lang.get("en", [])
    preferred = [t for t, status, _ in english if status == "preferred"]
    admitted = [t for t, status, _ in english if status == "admitted"]
    approved = preferred + admitted
    if not uk or not approved:
        return None
    raw_type = fields.get("type", "term").lower()
    gender = _choice(fields, "uk-gender", UK_GENDERS, name, line) or \
        _GENDERS.get(fields.get("uk-gender-tbx", ""))
    return GlossaryEntry(
        term_id=concept.get("id") or f"tbx.{index}",
        type=_choice({"type": TYPE_ALIASES.get(raw_type, raw_type)}, "type", TYPES, name, line)
        or "term",
        uk=tuple(uk), en=approved[0], en_allowed=tuple(approved[1:]),
        en_forbidden=tuple(t for t, status, _ in english if status == "forbidden"),
        en_historical=tuple(t for t, status, _ in english if status == "historical"),
        note="\n".join(free),
        uk_forms=_split(fields.get("uk-forms", "")),
        uk_inflect=_choice(fields, "uk-inflect", UK_INFLECT, name, line) or "auto",
        uk_gender=gender,
        case=_choice(fields, "case", CASES, name, line),
        origin=_choice(fields, "origin", ORIGINS, name, line),
        kk=tuple(t for t, _, _ in by_lang.get("kk", [])),
        ru=tuple(t for t, _, _ in by_lang.get("ru", [])),
        source=fields.get("source", ""),
        path=name, line=line,
    )


def read_glossary_tbx(path: str | os.PathLike[str]) -> Iterator[GlossaryEntry]:
    """Glossary entries of a TBX file; concepts without a Ukrainian term or an approved English
    one are left out (they cannot be a glossary row)."""
    name = display_name(path)
    with open_input(path) as handle:
        yield from read_tbx(handle, name=name)


def read_tbx(stream: Any, *, name: str) -> Iterator[GlossaryEntry]:
    """Like `read_glossary_tbx`, from an open binary stream."""
    data = stream.read()
    if not data.strip():
        raise InputError(name, None, "empty file, not TBX")
    root = parse(data, name=name).getroot()
    dialect(root, name)
    index = 0
    for concept in root.iter():
        if _local(concept) in _ENTRY:
            index += 1
            entry = _entry(concept, name, index)
            if entry is not None:
                yield entry
