"""gettext PO in one import: the reader, the writer, and the props a message travels in.

The work is split by job: `po_lang` (which languages msgids and msgstrs are in), `po_read`,
`po_write`, `po_plurals` (Plural-Forms for a catalogue being written) and `po_props` (what
a unit carries so that PO -> TMX/XLIFF -> PO loses nothing).
"""
from __future__ import annotations

from tmtool.formats.po_lang import MSGID_LANG, PoLanguages, language_from_path
from tmtool.formats.po_plurals import PLURAL_FORMS, standard_plural_forms
from tmtool.formats.po_props import (
    CONTEXT,
    EDGES,
    EXTRACTED,
    FLAGS,
    MSGID,
    MSGID_PLURAL,
    PLURAL_FORM,
    PREVIOUS_MSGCTXT,
    PREVIOUS_MSGID,
    PREVIOUS_MSGID_PLURAL,
    REFERENCE,
    PoHeader,
    is_po_prop,
)
from tmtool.formats.po_read import PoReader, read_po
from tmtool.formats.po_write import PoWriteResult, build_catalog, po_language, write_po

__all__ = [
    "CONTEXT",
    "EDGES",
    "EXTRACTED",
    "FLAGS",
    "MSGID",
    "MSGID_LANG",
    "MSGID_PLURAL",
    "PLURAL_FORM",
    "PLURAL_FORMS",
    "PREVIOUS_MSGCTXT",
    "PREVIOUS_MSGID",
    "PREVIOUS_MSGID_PLURAL",
    "REFERENCE",
    "PoHeader",
    "PoLanguages",
    "PoReader",
    "PoWriteResult",
    "build_catalog",
    "is_po_prop",
    "language_from_path",
    "po_language",
    "read_po",
    "standard_plural_forms",
    "write_po",
]
