"""TBX out: TBX-Basic 2008 (`martif`, what CAT tools import) by default, TBX v3 DCA on request.

One concept per glossary entry, id kept. Status: `en` preferred, `en_allowed` admitted,
`en_forbidden` deprecated, `en_historical` superseded; `uk[0]` preferred, the other `uk`
forms admitted. Fields with no TBX-Basic category go into `<note>tmtool-FIELD: value</note>`
at concept level, which `tmtool.glossary.tbx` reads back, so CSV -> TBX -> CSV is lossless.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from lxml import etree

from tmtool.errors import ConfigError
from tmtool.glossary.model import GlossaryEntry
from tmtool.glossary.tbx import NOTE_PREFIX, TBX_V3_NAMESPACES, XML_LANG

TBX_VERSIONS = ("2008", "v3")
_GENDER_NAMES = {"m": "masculine", "f": "feminine", "n": "neuter"}
_STATUS_VALUES = {
    "preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts", "historical": "supersededTerm-admn-sts",
}


class _Names:
    """Element names of one TBX version."""

    def __init__(self, version: str) -> None:
        if version not in TBX_VERSIONS:
            raise ConfigError(f"unknown TBX version {version!r} (choose 2008 or v3)")
        self.v3 = version == "v3"
        self.entry = "conceptEntry" if self.v3 else "termEntry"
        self.lang = "langSec" if self.v3 else "langSet"
        self.group = "termSec" if self.v3 else "tig"


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    elem = etree.SubElement(parent, tag, attrs)
    if text is not None:
        elem.text = text
    return elem


def _notes(entry: GlossaryEntry) -> list[str]:
    fields = [("type", entry.type), ("case", entry.case or ""), ("origin", entry.origin or ""),
              ("uk-inflect", "" if entry.uk_inflect == "auto" else entry.uk_inflect),
              ("uk-gender", entry.uk_gender or ""), ("uk-forms", " | ".join(entry.uk_forms)),
              ("source", entry.source)]
    return [f"{NOTE_PREFIX}{key}: {value}" for key, value in fields if value]


def _term(lang_elem: Any, names: _Names, term: str, status: str | None,
          notes: Iterable[tuple[str, str]] = ()) -> None:
    group = _sub(lang_elem, names.group)
    _sub(group, "term", term)
    for note_type, value in notes:
        _sub(group, "termNote", value, type=note_type)
    if status:
        _sub(group, "termNote", _STATUS_VALUES[status], type="administrativeStatus")


def _concept(body: Any, names: _Names, entry: GlossaryEntry) -> None:
    concept = _sub(body, names.entry, id=entry.term_id)
    if entry.note:
        _sub(concept, "note", entry.note)
    for note in _notes(entry):
        _sub(concept, "note", note)
    name_pos = [("partOfSpeech", "properNoun")] if entry.is_name else []
    uk = _sub(concept, names.lang, **{XML_LANG: "uk"})
    gender = [("grammaticalGender", _GENDER_NAMES[entry.uk_gender])] \
        if entry.uk_gender in _GENDER_NAMES else []
    for index, form in enumerate(entry.uk):
        _term(uk, names, form, "preferred" if index == 0 else "admitted",
              name_pos + (gender if index == 0 else []))
    en = _sub(concept, names.lang, **{XML_LANG: "en"})
    _term(en, names, entry.en, "preferred", name_pos)
    for status, forms in (("admitted", entry.en_allowed), ("forbidden", entry.en_forbidden),
                          ("historical", entry.en_historical)):
        for form in forms:
            _term(en, names, form, status, name_pos)
    for lang, forms in (("kk", entry.kk), ("ru", entry.ru)):
        if forms:
            other = _sub(concept, names.lang, **{XML_LANG: lang})
            for form in forms:
                _term(other, names, form, None)


def build_tbx(entries: Iterable[GlossaryEntry], *, version: str = "2008") -> Any:
    """The TBX document as an lxml element tree root."""
    names = _Names(version)
    if names.v3:
        root = etree.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"},
                             nsmap={None: TBX_V3_NAMESPACES[0]})
        header = _sub(root, "tbxHeader")
    else:
        root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
        header = _sub(root, "martifHeader")
    source_desc = _sub(_sub(header, "fileDesc"), "sourceDesc")
    _sub(source_desc, "p", "Glossary exported by tmtool")
    body = _sub(_sub(root, "text"), "body")
    for entry in entries:
        _concept(body, names, entry)
    if names.v3:   # children built without a namespace join the v3 default namespace
        for elem in root.iter():
            if isinstance(elem.tag, str) and not elem.tag.startswith("{"):
                elem.tag = f"{{{TBX_V3_NAMESPACES[0]}}}{elem.tag}"
    return root


def write_tbx(entries: Iterable[GlossaryEntry], stream: IO[bytes], *,
              version: str = "2008") -> int:
    """Write a TBX file (UTF-8); returns the number of concepts written."""
    root = build_tbx(entries, version=version)
    stream.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return sum(1 for elem in root.iter() if etree.QName(elem).localname in
               ("termEntry", "conceptEntry"))
