"""What a file handed to a TMX command is when it is not TMX, and which command reads it,
so that `tmx validate uk.po` answers with the way forward instead of an XML parse error."""
from __future__ import annotations

import codecs
from pathlib import PurePath

_PO_STARTS = ("msgid ", "msgctxt ", "#")


def _converted_name(name: str) -> str:
    path = PurePath(name)
    return str(path.with_suffix(".tmx")) if path.suffix else "memory.tmx"


def looks_like_po(head: bytes) -> bool:
    """Whether the first bytes of a file are those of a gettext PO catalogue."""
    text = head.removeprefix(codecs.BOM_UTF8).decode("utf-8", "ignore").lstrip()
    if not text.startswith(_PO_STARTS):
        return False
    # A real catalogue may open with a long comment block (translators, licence) that fills
    # the whole head; XML never starts with `#`, so comment lines up to the head's end count.
    lines = text.splitlines()[:-1] or [text]
    return "msgid" in text or all(not line.strip() or line.startswith("#") for line in lines)


def not_tmx_message(name: str, kind: str) -> str:
    """`kind` is "po" or "xliff": what the file is, and the commands that read it."""
    what = "a gettext PO catalogue" if kind == "po" else "an XLIFF file"
    return (f"{what}, not TMX: `tmtool convert {name} -o {_converted_name(name)}` makes a "
            "TMX of it, and `tmtool lint` checks it as it is")
