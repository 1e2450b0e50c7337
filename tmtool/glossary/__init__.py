"""Glossaries: the entry model, the CSV reader and the one-pass matchers built from them.

`load_glossary(paths)` reads files and folders; `compile_glossary(glossary)` builds (and
caches) the matchers the lint rules use.
"""
from __future__ import annotations

from tmtool.glossary.csvfile import load_glossary, read_glossary_csv
from tmtool.glossary.model import Glossary, GlossaryEntry

__all__ = ["Glossary", "GlossaryEntry", "load_glossary", "read_glossary_csv"]
