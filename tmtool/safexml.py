"""The one safe lxml configuration: no external entities, no network, no DTD loading.

Every XML read in tmtool goes through here. Entity declarations (the billion-laughs attack
and external entities) are refused outright rather than silently left unexpanded, because a
translation memory never needs them.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

from tmtool.errors import InputError

_SAFE: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
}


def make_parser(**overrides: Any) -> etree.XMLParser:
    """A parser that never fetches or expands anything."""
    options: dict[str, Any] = {**_SAFE, "huge_tree": False}
    options.update(overrides)
    return etree.XMLParser(**options)


def iterparse(
    source: IO[bytes] | str, *, events: tuple[str, ...] = ("end",), **kwargs: Any
) -> Iterator[tuple[str, Any]]:
    """`lxml.etree.iterparse` with the safe options (huge text nodes allowed: TMX seg
    text can be long; entity expansion stays off, so size stays bounded by the file)."""
    return etree.iterparse(source, events=events, huge_tree=True, **_SAFE, **kwargs)  # type: ignore[no-any-return]


def parse(source: IO[bytes] | str | bytes, *, name: str) -> Any:
    """Parse a whole (small) document safely; errors become an `InputError` naming `name`."""
    try:
        if isinstance(source, bytes):
            root = etree.fromstring(source, make_parser())
            tree = root.getroottree()
        else:
            tree = etree.parse(source, make_parser())
    except etree.XMLSyntaxError as exc:
        raise xml_error(name, exc) from exc
    check_no_entities(tree.docinfo, name=name)
    return tree


def check_no_entities(docinfo: Any, *, name: str) -> None:
    """Refuse documents whose DOCTYPE declares entities (billion laughs, XXE)."""
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(name, 1, "the DOCTYPE declares entities, which tmtool refuses to expand")


def xml_error(name: str, exc: etree.XMLSyntaxError) -> InputError:
    """A one-line `InputError` from lxml's syntax error (file, line, libxml2's message)."""
    line = exc.lineno if exc.lineno and exc.lineno > 0 else None
    message = str(exc.msg or exc).split(", line ")[0].strip()
    return InputError(name, line, f"not well-formed XML: {message}")
