"""What `tm lookup`, `tm concordance` and `tm stats` print: a readable text form and a stable
JSON form with the tool version and the settings that shaped the result."""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from tmtool import __version__
from tmtool.model import Segment
from tmtool.tm.concordance import ConcordanceHit
from tmtool.tm.lookup import Match
from tmtool.tm.store import StoreStats


def _one_line(segment: Segment) -> str:
    return " ".join(segment.native_text().split("\n"))


def _document(settings: Mapping[str, Any], body: Mapping[str, Any]) -> str:
    document = {"tool": {"name": "tmtool", "version": __version__}, "settings": dict(settings),
                **body}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def match_record(match: Match) -> dict[str, Any]:
    return {"score": match.score, "source": match.source.native_text(),
            "target": match.target.native_text(), "tuid": match.tuid}


def render_matches(query: str, matches: Sequence[Match], *, output_format: str,
                   settings: Mapping[str, Any]) -> str:
    """Matches best first; text: the score and source on one line, the target below."""
    if output_format == "json":
        return _document(settings, {"query": query,
                                    "matches": [match_record(m) for m in matches]})
    return "".join(f"{m.score:>3}%  {_one_line(m.source)}\n  ->  {_one_line(m.target)}\n"
                   for m in matches)


def render_concordance(phrase: str, hits: Sequence[ConcordanceHit], *, output_format: str,
                       settings: Mapping[str, Any]) -> str:
    if output_format == "json":
        units = [{"source": hit.source.native_text(), "target": hit.target.native_text(),
                  "tuid": hit.unit.tuid} for hit in hits]
        return _document(settings, {"phrase": phrase, "units": units})
    return "".join(f"{_one_line(hit.source)}\n  ->  {_one_line(hit.target)}\n" for hit in hits)


def render_stats(location: str, stats: StoreStats, *, output_format: str) -> str:
    if output_format == "json":
        return json.dumps({"db": location, **stats.as_dict()}, ensure_ascii=False, indent=2) + "\n"
    languages = ", ".join(f"{lang} {count:,}" for lang, count in sorted(stats.languages.items()))
    noun = "unit" if stats.units == 1 else "units"
    return (f"{location}: {stats.units:,} {noun} ({stats.backend}, schema {stats.schema})\n"
            f"  languages: {languages or '-'}\n")
