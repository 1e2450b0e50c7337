"""File formats tmtool reads and writes, found by file extension through a lazy registry.

The registry maps an extension to a module name only; a module is imported when asked
for, and an extension whose module is not installed yet is simply not offered.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import PurePath
from types import ModuleType

# extension (lower case, with the dot) -> module implementing that format
FORMAT_MODULES: dict[str, str] = {
    ".tmx": "tmtool.formats.tmx",
    ".po": "tmtool.formats.po",
    ".pot": "tmtool.formats.po",
    ".xlf": "tmtool.formats.xliff",
    ".xliff": "tmtool.formats.xliff",
    ".csv": "tmtool.formats.tabular",
    ".tsv": "tmtool.formats.tabular",
}


def format_module_name(path: str | PurePath) -> str | None:
    """The module for a file's extension when that module exists, else None."""
    module = FORMAT_MODULES.get(PurePath(path).suffix.lower())
    if module is None or importlib.util.find_spec(module) is None:
        return None
    return module


def format_module(path: str | PurePath) -> ModuleType | None:
    """The imported format module for a file, or None for an unknown extension."""
    module = format_module_name(path)
    return importlib.import_module(module) if module else None
