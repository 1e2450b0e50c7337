"""The TMX `<header>` as data, and TMX dates: what both the reader and the writer share.

Dates follow the rule "readers are lenient, writers strict": `parse_tmx_date` accepts the
variants seen in the wild (ISO extended form, a missing `Z`, a date alone) and returns None
for anything else; `format_tmx_date` writes only `YYYYMMDDThhmmssZ` in UTC.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from tmtool import __version__
from tmtool.locales import DEFAULT_SRC_LANG
from tmtool.model import Prop

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SEGTYPES = ("block", "paragraph", "sentence", "phrase")
# The longest segment Trados Cloud imports (interop notes §0 rule 15); longer ones are warned.
MAX_SEGMENT_CHARS = 2000

_STRICT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$")
_LENIENT_DATE = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ]?(\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TmxHeader:
    """The TMX `<header>`: the seven attributes TMX 1.4b requires, then the optional ones.

    `srclang` must be a real locale when writing (never `*all*`); `segtype` is `sentence`
    or `paragraph` for tmtool's output (OmegaT re-splits paragraph TUs only when the header
    says `paragraph`).
    """

    srclang: str = DEFAULT_SRC_LANG
    segtype: str = "sentence"
    creationtool: str = "tmtool"
    creationtoolversion: str = __version__
    o_tmf: str = "tmtool"
    adminlang: str = "en-US"
    datatype: str = "plaintext"
    o_encoding: str | None = None
    creationdate: datetime | None = None
    creationid: str | None = None
    changedate: datetime | None = None
    changeid: str | None = None
    props: tuple[Prop, ...] = ()
    notes: tuple[str, ...] = ()
    version: str = "1.4"
    line: int | None = None


def is_tmx_date(text: str) -> bool:
    """True for a date in the form TMX recommends, `YYYYMMDDThhmmssZ`, that is a real date."""
    match = _STRICT_DATE.match(text)
    if not match:
        return False
    year, month, day, hour, minute, second = (int(g) for g in match.groups())
    try:
        datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=1024)
def format_tmx_date(moment: datetime) -> str:
    """`YYYYMMDDThhmmssZ` in UTC; a naive datetime is taken to be UTC already (cached:
    a memory's dates repeat a lot)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return (
        f"{moment.year:04d}{moment.month:02d}{moment.day:02d}T"
        f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"
    )


@functools.lru_cache(maxsize=4096)
def parse_tmx_date(text: str) -> datetime | None:
    """A TMX date as an aware UTC datetime, or None when it cannot be understood.

    Cached: a file's dates repeat a lot (often one creation date for every unit), and this
    sits on the reader's hot path.
    """
    if len(text) == 16 and text[8] == "T" and text[15] == "Z" and text[:8].isdigit():
        try:
            return datetime(
                int(text[0:4]),
                int(text[4:6]),
                int(text[6:8]),
                int(text[9:11]),
                int(text[11:13]),
                int(text[13:15]),
                tzinfo=timezone.utc,
            )
        except ValueError:
            return None
    match = _LENIENT_DATE.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        moment = datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=timezone.utc,
        )
    except ValueError:
        return None
    if zone and zone[0] in "+-":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset_min = sign * (int(digits[:2]) * 60 + int(digits[2:]))
        moment = moment - timedelta(minutes=offset_min)
    return moment
