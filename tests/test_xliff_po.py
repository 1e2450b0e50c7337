"""gettext messages through XLIFF 1.2: plural groups, contexts, comments, flags, white space
and the catalogue header, as translate-toolkit lays them out, written and read back."""
from __future__ import annotations

import io
from pathlib import Path

import polib
from lxml import etree

from tmtool.formats.po import PoHeader, PoReader, write_po
from tmtool.formats.xliff import XliffReader
from tmtool.formats.xliff_write import write_xliff

DATA = Path(__file__).parent / "data"
DJANGO = DATA / "po" / "django-style.uk.po"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _xliff(path: Path = DJANGO) -> tuple[bytes, PoHeader]:
    reader = PoReader(path, include_fuzzy=True)
    out = io.BytesIO()
    write_xliff(reader, out, src_lang="en-GB", tgt_lang="uk-UA", po_header=reader.header)
    return out.getvalue(), reader.header


def test_plural_forms_are_one_group_of_numbered_trans_units() -> None:
    root = etree.fromstring(_xliff()[0])
    groups = root.findall(".//x:group[@restype='x-gettext-plurals']", NS)
    assert len(groups) == 3
    ids = [unit.get("id") for unit in groups[0].findall("x:trans-unit", NS)]
    assert ids == [f"{groups[0].get('id')}[{form}]" for form in range(4)]
    assert all(unit.get(XML_SPACE) == "preserve" for unit in root.iterfind(".//x:trans-unit", NS))


def test_header_fuzzy_state_context_and_comments_have_their_places() -> None:
    root = etree.fromstring(_xliff()[0])
    header = root.find(".//x:trans-unit[@restype='x-gettext-domain-header']", NS)
    assert header is not None and header.get("translate") == "no"
    button = root.xpath(".//x:trans-unit[x:context-group/x:context='button']", namespaces=NS)[0]
    assert (button.get("approved"), button.find("x:target", NS).get("state")) == (
        "no", "needs-review-translation")
    contexts = {c.get("context-type"): c.text for c in button.iterfind(".//x:context", NS)}
    assert contexts == {"x-po-msgctxt": "button", "x-po-flags": "fuzzy",
                        "x-po-previous-msgctxt": "button", "x-po-previous-msgid": "Send form"}
    menu = root.xpath(".//x:trans-unit[x:context-group/x:context='menu']", namespaces=NS)[0]
    assert [(n.get("from"), n.text) for n in menu.iterfind("x:note", NS)] == [
        ("po-translator", ('Капітал "Посольство" only in names.\n'
                           "Second line of the translator comment."))]


def test_white_space_at_the_ends_stays_in_the_segments() -> None:
    units = list(XliffReader(io.BytesIO(_xliff()[0]), name="d.xlf"))
    usage = next(u for u in units if u.variants[0].text.startswith("Usage"))
    assert (usage.variants[0].text, usage.variants[1].text) == (
        "Usage: %s [options]\n", "Використання: %s [параметри]\n")


def test_po_to_xliff_to_po_gives_the_same_catalogue_entries() -> None:
    data, _ = _xliff()
    reader = XliffReader(io.BytesIO(data), name="d.xlf")
    units = list(reader)
    assert reader.po_header == PoReader(DJANGO).header
    assert (reader.src_lang, reader.tgt_lang) == ("en-GB", "uk-UA")
    out = io.BytesIO()
    write_po(units, out, src_lang="en-GB", tgt_lang="uk-UA", header=reader.po_header)
    again = polib.pofile(out.getvalue().decode("utf-8"))
    original = polib.pofile(str(DJANGO))
    expected = [e for e in original if not e.obsolete and e.translated() or e.fuzzy]
    assert [str(e) for e in again] == [str(e) for e in expected]


def test_translate_toolkit_layout_is_read_with_plural_forms_and_header() -> None:
    reader = XliffReader(DATA / "xliff" / "po2xliff-style.xlf")
    units = list(reader)
    assert reader.po_header is not None and reader.po_header.language == "uk"
    assert [u.tuid for u in units] == ["2", "3[0]", "3[1]", "3[2]"]
    opened = units[0]
    assert opened.variants[0].text == "  Open %s\n"
    assert (opened.prop("x-po-reference"), opened.prop("x-po-comment"), opened.notes) == (
        "app/menu.py:12", "File menu entry", ("Keep the two spaces.",))
    forms = [(u.prop("x-plural-form"), u.prop("x-msgid"), u.prop("x-msgid-plural"))
             for u in units[1:]]
    assert forms == [("0", None, "%d files"), ("1", "%d file", None), ("2", "%d file", None)]
