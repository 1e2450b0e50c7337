"""Glossary entries out as the glossary CSV that `tmtool.glossary.csvfile` reads.

Columns follow terminology notes §5 and appear only when some entry uses them (the four
required ones always), so a file converted from a plain TBX stays as small as it can be.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO

from tmtool.glossary.model import GlossaryEntry

COLUMNS = ("id", "type", "uk", "uk_forms", "uk_inflect", "uk_gender", "en", "en_allowed",
           "en_forbidden", "en_historical", "case", "origin", "kk", "ru", "source", "note")
REQUIRED = ("id", "type", "uk", "en")
JOIN = " | "


def _cells(entry: GlossaryEntry) -> dict[str, str]:
    return {
        "id": entry.term_id, "type": entry.type, "uk": JOIN.join(entry.uk),
        "uk_forms": JOIN.join(entry.uk_forms),
        "uk_inflect": "" if entry.uk_inflect == "auto" else entry.uk_inflect,
        "uk_gender": entry.uk_gender or "", "en": entry.en,
        "en_allowed": JOIN.join(entry.en_allowed), "en_forbidden": JOIN.join(entry.en_forbidden),
        "en_historical": JOIN.join(entry.en_historical), "case": entry.case or "",
        "origin": entry.origin or "", "kk": JOIN.join(entry.kk), "ru": JOIN.join(entry.ru),
        "source": entry.source, "note": entry.note,
    }


def write_glossary_csv(entries: Iterable[GlossaryEntry], stream: IO[bytes]) -> int:
    """Write entries as CSV (UTF-8, no BOM, LF, RFC 4180 quoting); returns the rows written."""
    rows = [_cells(entry) for entry in entries]
    used = [c for c in COLUMNS if c in REQUIRED or any(row[c] for row in rows)]
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(used)
        for row in rows:
            writer.writerow([row[c] for c in used])
        text.flush()
    finally:
        text.detach()
    return len(rows)
