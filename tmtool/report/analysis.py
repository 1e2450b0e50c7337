"""The analysis `tmtool pretranslate` prints: segments and words per match band, like a CAT
tool's report, as a table for people or stable JSON with the settings that shaped it."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tmtool import __version__
from tmtool.tm.pretranslate import BANDS, Analysis


def render_analysis(name: str, analysis: Analysis, *, output_format: str,
                    settings: Mapping[str, Any]) -> str:
    if output_format == "json":
        document = {"tool": {"name": "tmtool", "version": __version__},
                    "settings": dict(settings), "file": name, **analysis.as_dict()}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    segments, words = sum(analysis.segments.values()), sum(analysis.words.values())
    lines = [f"{name}: {segments:,} segments to translate, {words:,} words"
             + (f" ({analysis.already_translated:,} already translated, left as they are)"
                if analysis.already_translated else ""),
             f"  {'match':<10} {'segments':>9} {'words':>9}"]
    lines += [f"  {band + ('%' if band[0].isdigit() else ''):<10} "
              f"{analysis.segments[band]:>9,} {analysis.words[band]:>9,}" for band in BANDS]
    not_filled = ", ".join(f"{count:,} {reason}" for reason, count
                           in sorted(analysis.not_filled.items()))
    lines.append(f"filled: {analysis.translated:,} translated, {analysis.fuzzy:,} fuzzy "
                 f"(>= {settings.get('min')}%)" + (f"; not filled: {not_filled}" if not_filled
                                                   else ""))
    return "\n".join(lines) + "\n"
