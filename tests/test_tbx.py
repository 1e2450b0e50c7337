"""TBX 2008, v3 (DCA and DCT, both namespaces) and TBX-Min in; TBX-Basic 2008 and v3 out."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from tmtool.errors import ConfigError, InputError
from tmtool.glossary.model import GlossaryEntry
from tmtool.glossary.tbx import read_glossary_tbx, read_tbx
from tmtool.glossary.tbx_write import write_tbx

DATA = Path(__file__).parent / "data" / "tbx"


def _entries(name: str) -> dict[str, GlossaryEntry]:
    return {entry.term_id: entry for entry in read_glossary_tbx(str(DATA / name))}


def test_2008_reads_tig_and_ntig_and_maps_status_to_columns() -> None:
    entries = _entries("basic-2008.tbx")
    assert list(entries) == ["place.kyiv", "place.kamianske", "term.agreement"]
    kyiv = entries["place.kyiv"]
    assert (kyiv.uk, kyiv.en, kyiv.en_forbidden) == (("Київ",), "Kyiv", ("Kiev",))
    kamianske = entries["place.kamianske"]
    assert kamianske.en_historical == ("Dniprodzerzhynsk",)   # superseded
    assert kamianske.en_forbidden == ("Kamenskoye",)
    assert kamianske.note == "Renamed in 2016."
    assert (kamianske.path, kamianske.line) == (str(DATA / "basic-2008.tbx"), 35)


def test_preferred_terms_come_first_and_unmarked_terms_are_admitted() -> None:
    agreement = _entries("basic-2008.tbx")["term.agreement"]
    assert agreement.uk == ("договір", "угода")
    assert (agreement.en, agreement.en_allowed) == ("agreement", ("accord",))


def test_concepts_without_ukrainian_or_english_are_left_out() -> None:
    assert "de.only" not in _entries("basic-2008.tbx")


def test_v3_dca_in_the_ed_2_namespace() -> None:
    entry = _entries("v3-dca.tbx")["title.ambassador_ep"]
    assert entry.en == "Ambassador Extraordinary and Plenipotentiary"
    assert entry.en_forbidden == ("Extraordinary and Plenipotentiary Ambassador",)
    assert entry.kk == ("Төтенше және өкілетті елші",)


def test_v3_dct_in_the_ed_3_namespace() -> None:
    entry = _entries("v3-dct.tbx")["org.mfa"]
    assert entry.uk == ("Міністерство закордонних справ", "МЗС")
    assert (entry.en, entry.en_allowed, entry.en_forbidden) == (
        "Ministry of Foreign Affairs", ("MFA",), ("Foreign Ministry Office",))


def test_tbx_min_short_status_values() -> None:
    entry = _entries("tbx-min.tbx")["term.memorandum"]
    assert (entry.en, entry.en_forbidden) == ("memorandum", ("memo",))


def test_unknown_dialect_is_an_input_error_with_line() -> None:
    with pytest.raises(InputError, match=r"unknown-dialect.tbx:2: unknown TBX dialect: root "
                                         r"element <mtf>"):
        list(read_glossary_tbx(str(DATA / "unknown-dialect.tbx")))


def test_v3_root_in_a_foreign_namespace_is_an_unknown_dialect() -> None:
    with pytest.raises(InputError, match=r"root element <tbx> in namespace urn:example"):
        list(read_tbx(io.BytesIO(b'<tbx xmlns="urn:example"/>'), name="x.tbx"))


def test_unknown_status_value_is_an_error_naming_its_line() -> None:
    content = (b'<martif type="TBX-Basic">\n<text><body><termEntry id="a"><langSet xml:lang="en">'
               b'<tig><term>x</term>\n<termNote type="administrativeStatus">maybeTerm-admn-sts'
               b"</termNote></tig></langSet></termEntry></body></text></martif>")
    with pytest.raises(InputError, match=r"^x.tbx:3: unknown term status 'maybeTerm-admn-sts'$"):
        list(read_tbx(io.BytesIO(content), name="x.tbx"))


def test_empty_and_broken_files_are_input_errors() -> None:
    with pytest.raises(InputError, match=r"^x.tbx: empty file, not TBX$"):
        list(read_tbx(io.BytesIO(b""), name="x.tbx"))
    with pytest.raises(InputError, match=r"^x.tbx:1: not well-formed XML"):
        list(read_tbx(io.BytesIO(b"<martif><text>"), name="x.tbx"))


FULL = GlossaryEntry(
    term_id="person.qaysenov", type="person", uk=("Касим Кайсенов", "Кайсенов"),
    en="Qasim Qaysenov", en_allowed=("Qaysenov",), en_forbidden=("Kasym Kaisenov",),
    en_historical=("Kassym Kaisenoff",), note="Kazakh partisan; writer", uk_forms=("Кайсенова",),
    uk_inflect="manual", uk_gender="m", case="proper", origin="kk", kk=("Қасым Қайсенов",),
    ru=("Касым Кайсенов",), source="seed interview 2025; his own spelling",
)


def _strip(entry: GlossaryEntry) -> GlossaryEntry:
    from dataclasses import replace
    return replace(entry, path="", line=0)


@pytest.mark.parametrize("version", ["2008", "v3"])
def test_written_tbx_reads_back_to_the_same_entries(version: str) -> None:
    out = io.BytesIO()
    assert write_tbx([FULL], out, version=version) == 1
    back = list(read_tbx(io.BytesIO(out.getvalue()), name="g.tbx"))
    assert [_strip(e) for e in back] == [FULL]


def test_2008_output_is_tbx_basic_martif_with_status_values() -> None:
    out = io.BytesIO()
    write_tbx([FULL], out, version="2008")
    root = etree.fromstring(out.getvalue())
    assert (root.tag, root.get("type")) == ("martif", "TBX-Basic")
    statuses = [n.text for n in root.iter("termNote") if n.get("type") == "administrativeStatus"]
    assert statuses == ["preferredTerm-admn-sts", "admittedTerm-admn-sts", "preferredTerm-admn-sts",
                        "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                        "supersededTerm-admn-sts"]


def test_v3_output_is_dca_in_the_2019_namespace() -> None:
    out = io.BytesIO()
    write_tbx([FULL], out, version="v3")
    root = etree.fromstring(out.getvalue())
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx"
    assert root.get("style") == "dca"


def test_unknown_version_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        write_tbx([FULL], io.BytesIO(), version="2019")
