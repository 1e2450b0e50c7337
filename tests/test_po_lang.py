"""Which language a catalogue's msgids and msgstrs are in: options, then headers, then the
file name, English msgids by default; a catalogue that names no target language, or whose
two sides would come out in one language, is refused with the option to use."""
from __future__ import annotations

import io

import pytest

from tmtool.errors import InputError
from tmtool.formats.po import PoReader
from tmtool.formats.po_lang import language_from_path


def _catalog(*header: str) -> bytes:
    fields = "".join(f'"{field}\\n"\n' for field in header)
    return (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n{fields}\n'
            'msgid "Embassy"\nmsgstr "Посольство"\n').encode()


def _languages(data: bytes, name: str = "x.po", **given: str) -> tuple[str, str]:
    reader = PoReader(io.BytesIO(data), name=name, **given)  # type: ignore[arg-type]
    unit = next(iter(reader))
    assert unit.src_lang == unit.variants[0].lang
    return unit.variants[0].lang, unit.variants[1].lang


@pytest.mark.parametrize(("header", "name", "given", "expected"), [
    (("Language: uk",), "x.po", {}, ("en-GB", "uk-UA")),
    (("Language: uk_UA",), "x.po", {}, ("en-GB", "uk-UA")),
    (("Language: uk-UA",), "x.po", {}, ("en-GB", "uk-UA")),
    (("Language: ukr",), "x.po", {}, ("en-GB", "uk-UA")),
    (("Language: de",), "x.po", {}, ("en-GB", "de")),
    (("Language: ",), "uk.po", {}, ("en-GB", "uk-UA")),
    ((), "locale/uk_UA.po", {}, ("en-GB", "uk-UA")),
    ((), "messages.uk.po", {}, ("en-GB", "uk-UA")),
    ((), "django/conf/locale/uk/LC_MESSAGES/django.po", {}, ("en-GB", "uk-UA")),
    (("Language: uk", "X-Source-Language: en_US"), "x.po", {}, ("en-US", "uk-UA")),
    (("Language: en_GB", "X-Source-Language: uk_UA"), "x.po", {}, ("uk-UA", "en-GB")),
    (("Language: uk",), "x.po", {"src_lang": "en-US"}, ("en-US", "uk-UA")),
    (("Language: uk",), "de.po", {"tgt_lang": "uk-UA"}, ("en-GB", "uk-UA")),
])
def test_languages_come_from_options_headers_file_name_else_english(
        header: tuple[str, ...], name: str, given: dict[str, str],
        expected: tuple[str, str]) -> None:
    assert _languages(_catalog(*header), name, **given) == expected


def test_a_catalogue_naming_no_target_language_is_refused_with_the_option() -> None:
    with pytest.raises(InputError) as caught:
        _languages(_catalog("Language: "), "app.po")
    assert str(caught.value) == (
        "app.po:4: the catalogue names no language for its msgstrs (the Language header is "
        "missing or empty and the file name names none); give it with --tgt-lang, e.g. "
        "--tgt-lang uk-UA")


def test_english_msgstrs_with_default_english_msgids_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        _languages(_catalog("Language: en_GB"), "x.po")
    assert str(caught.value) == (
        "x.po:4: msgids (en-GB, from the default) and msgstrs (en-GB, from the Language "
        "header) would be in one language; name the msgid language with --src-lang (or an "
        "X-Source-Language header) and the msgstr language with --tgt-lang")


def test_a_bad_header_language_names_its_line() -> None:
    with pytest.raises(InputError, match=r"^x.po:4: header Language: locale 'ua': 'ua' is not "
                                         r"a language code; use 'uk'$"):
        _languages(_catalog("Language: ua"), "x.po")


def test_an_untranslated_catalogue_without_language_gives_no_units_rather_than_an_error() -> None:
    data = b'msgid ""\nmsgstr ""\n"Language: \\n"\n\nmsgid "Embassy"\nmsgstr ""\n'
    reader = PoReader(io.BytesIO(data), name="app.po")
    assert list(reader) == []
    assert reader.left_out["untranslated"] == 1


@pytest.mark.parametrize(("name", "expected"), [
    ("uk.po", "uk-UA"), ("kk.po", "kk"), ("pt_BR.po", "pt-BR"), ("po/de.po", "de"),
    ("app.po", None), ("ui.po", None), ("django.po", None), ("sr@latin.po", None),
    ("<stdin>", None), ("x/uk/LC_MESSAGES/djangojs.po", "uk-UA"),
    # a template is named after its domain: wa.pot is not Walloon, id.pot not Indonesian
    ("wa.pot", None), ("locale/id.pot", None), ("x/uk/LC_MESSAGES/django.pot", "uk-UA"),
])
def test_language_from_path_knows_locale_names_only(name: str, expected: str | None) -> None:
    assert language_from_path(name) == expected
