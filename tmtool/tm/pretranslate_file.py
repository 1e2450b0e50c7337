"""`tmtool pretranslate` as one call: the memory to use (a store, or a TMX file imported into a
temporary one) and the filler the input's extension asks for."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import PurePath

from tmtool.errors import ConfigError
from tmtool.fileio import display_name
from tmtool.tm.pretranslate import PretranslateOptions, PretranslateResult
from tmtool.tm.pretranslate_doc import DOCUMENT_EXTENSIONS, pretranslate_document
from tmtool.tm.pretranslate_po import pretranslate_po
from tmtool.tm.pretranslate_xliff import pretranslate_xliff
from tmtool.tm.sources import MEMORY_EXTENSIONS, read_memory_file
from tmtool.tm.store import MemoryStore, is_server_url, open_store

_XLIFF = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")


@contextlib.contextmanager
def memory_for(location: str) -> Iterator[MemoryStore]:
    """The memory `--tm` names: a store (SQLite file or server URL), or a TMX/PO/XLIFF/TSV
    file imported into a temporary SQLite store that is removed afterwards."""
    suffix = PurePath(location).suffix.lower()
    if is_server_url(location) or suffix not in MEMORY_EXTENSIONS:
        with open_store(location) as store:
            yield store
        return
    with tempfile.TemporaryDirectory(prefix="tmtool-tm-") as folder, \
            open_store(os.path.join(folder, "memory.db"), create=True) as store:
        store.import_units(read_memory_file(location))
        yield store


def pretranslate_file(path: str, store: MemoryStore,
                      options: PretranslateOptions) -> PretranslateResult:
    """Fill a PO catalogue, an XLIFF file, or a document (into XLIFF)."""
    name = display_name(path)
    suffix = PurePath(path).suffix.lower()
    if suffix in (".po", ".pot"):
        return pretranslate_po(path, name, store, options)
    if suffix in _XLIFF:
        return pretranslate_xliff(path, name, store, options)
    if suffix in DOCUMENT_EXTENSIONS:
        return pretranslate_document(path, name, store, options)
    raise ConfigError(f"{name}: cannot pretranslate this file type; give a .po, .xlf/.xliff, "
                      ".md, .txt, .html, .docx or .odt file")
