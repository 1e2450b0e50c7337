"""The locales of a TMX file, counted without building its units: a quick first pass for
whoever must know every locale spelling before reading the units (`tmx merge` unifies
`uk` and `uk-UA` across its inputs). About as fast as lxml can parse; memory stays flat.
"""

from __future__ import annotations

from collections import Counter
from typing import IO, Any

from lxml import etree

from tmtool import safexml
from tmtool.formats.tmx_header import XML_LANG


def read_tmx_locales(stream: IO[bytes], *, name: str) -> Counter[str]:
    """How many variants each locale spelling labels (`xml:lang`, else the old `lang`);
    each `tu` is freed as `read_tmx` frees it."""
    counts: Counter[str] = Counter()
    context: Any = safexml.iterparse(stream, events=("end",), tag=("tu",))
    try:
        for count, (_event, tu) in enumerate(context, start=1):
            for tuv in tu.iterchildren("tuv"):
                counts[tuv.get(XML_LANG) or tuv.get("lang") or ""] += 1
            tu.clear(keep_tail=False)
            if not count & 1023 and (parent := tu.getparent()) is not None:
                del parent[:]
    except etree.XMLSyntaxError as exc:
        raise safexml.xml_error(name, exc) from None
    return counts
