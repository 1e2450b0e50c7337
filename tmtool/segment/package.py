"""Word and OpenDocument files as ZIP packages: what a file really is, and safe reading of
its XML parts.

Decisions: a file is judged by its bytes, not only its name, so a password-protected .docx
(an encrypted OOXML file is an OLE2 compound file, not a ZIP), a legacy .doc, an RTF or a PDF
each get one line saying what to do. Before any part is parsed the package is checked
against fixed caps (entries, bytes of a part, bytes read in all), so a ZIP bomb is bad input,
not an exhausted machine.
"""
from __future__ import annotations

import io
import urllib.parse
import zipfile
from dataclasses import dataclass
from typing import Any

from tmtool import safexml
from tmtool.errors import InputError

MAX_ENTRIES = 10_000  # a Word file with hundreds of pictures has a few hundred entries
MAX_PART_BYTES = 256 * 1024 * 1024  # one XML part, decompressed (a 1,000-page book: ~20 MB)
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # every part tmtool reads from one package, decompressed

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
# text-web: what LibreOffice writes when an HTML page opened in it is saved as .odt (the body
# is the same office:text as a text document's).
ODT_MIMETYPES = ("application/vnd.oasis.opendocument.text",
                 "application/vnd.oasis.opendocument.text-template",
                 "application/vnd.oasis.opendocument.text-web")
_SAVE_AS = "save it as .docx or .odt (Word or LibreOffice: File > Save As) and try again"
# Legacy formats by extension, for files too short or too odd to sniff.
LEGACY_EXTENSIONS = {".doc": "a legacy binary Word document (.doc)", ".dot": "a legacy Word template (.dot)",
                     ".rtf": "an RTF document", ".pdf": "a PDF", ".wpd": "a WordPerfect document",
                     ".pages": "an Apple Pages document"}


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps checked before and while a package is read (tests pass smaller ones)."""

    entries: int = MAX_ENTRIES
    part_bytes: int = MAX_PART_BYTES
    total_bytes: int = MAX_TOTAL_BYTES


DEFAULT_LIMITS = Limits()


def legacy_problem(data: bytes, extension: str) -> str | None:
    """Why tmtool cannot read this file, when it is a format tmtool refuses (.doc, encrypted
    OOXML, RTF, PDF); None when it is not one of those."""
    if data.startswith(OLE2_MAGIC):
        return _ole2_problem(data)
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return ("is a PDF, which keeps no reliable paragraphs; export it from its source "
                "program, or convert it, to .docx or .odt and try again")
    if head.startswith(b"{\\rtf"):
        return f"is an RTF document; {_SAVE_AS}"
    if extension in LEGACY_EXTENSIONS and not data.startswith(ZIP_MAGIC):
        return f"looks like {LEGACY_EXTENSIONS[extension]}, which tmtool does not read; {_SAVE_AS}"
    return None


def _ole2_problem(data: bytes) -> str:
    # Directory entries of a compound file hold their stream names in UTF-16LE.
    if "EncryptedPackage".encode("utf-16-le") in data:
        return ("is password-protected (an encrypted Office file); open it, remove the "
                "password (Word: File > Info > Protect Document > Encrypt with Password) "
                "and save it again")
    if "WordDocument".encode("utf-16-le") in data:
        return f"is a legacy binary Word document (.doc), not .docx; {_SAVE_AS}"
    return f"is a legacy binary Office file (OLE2), not .docx or .odt; {_SAVE_AS}"


def is_zip(data: bytes) -> bool:
    return data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC))


class Package:
    """A ZIP package opened from bytes, read part by part within `Limits`."""

    def __init__(self, data: bytes, *, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self.name = name
        self.limits = limits
        self._read = 0
        if not is_zip(data):
            problem = legacy_problem(data, "")
            raise InputError(name, None, problem or "not a Word or OpenDocument file (not a ZIP package)")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise InputError(name, None, f"damaged ZIP package ({exc}): the file is truncated "
                                         "or is not a Word/OpenDocument file") from None
        if len(infos) > limits.entries:
            raise InputError(name, None, f"the package has {len(infos):,} entries, over tmtool's "
                                         f"limit of {limits.entries:,} (a ZIP bomb?)")
        self._infos = {info.filename: info for info in infos}
        # OPC part names are case-insensitive and written percent-encoded in relationships
        # (ECMA-376 Part 2, 6.2.2), so "word/Document.xml" or "my%20file.xml" name a part too
        self._folded = {_folded(name): info for name, info in reversed(self._infos.items())}

    def _info(self, part: str) -> zipfile.ZipInfo | None:
        return self._infos.get(part) or self._folded.get(_folded(part))

    def has(self, part: str) -> bool:
        return self._info(part) is not None

    def read(self, part: str) -> bytes:
        """A part's bytes, unpacked only when its size is within the caps."""
        info = self._info(part)
        if info is None:
            raise InputError(self.name, None, f"the package has no {part}")
        if info.flag_bits & 0x1:
            raise InputError(self.name, None, f"{part} is encrypted; remove the password and save again")
        cap = min(self.limits.part_bytes, self.limits.total_bytes - self._read)
        if info.file_size > cap:
            raise self._too_big(part, info.file_size)
        try:
            # zipfile never unpacks more than the header's size (a forged, smaller size
            # fails the CRC check), so checking that size bounds what is unpacked
            data = self._zip.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise InputError(self.name, None, f"damaged ZIP package: cannot read {part} ({exc})") from None
        self._read += len(data)
        return data

    def _too_big(self, part: str, size: int) -> InputError:
        limits = self.limits
        if limits.part_bytes <= limits.total_bytes - self._read:
            limit = f"tmtool's limit of {limits.part_bytes:,} bytes for one part"
        else:
            limit = f"tmtool's limit of {limits.total_bytes:,} bytes for all the parts it reads"
        return InputError(self.name, None, f"{part} unpacks to {size:,} bytes, over {limit} (a ZIP bomb?)")

    def xml(self, part: str) -> Any:
        """A part parsed with the safe parser; its root element."""
        tree = safexml.parse(self.read(part), name=f"{self.name}:{part}")
        return tree.getroot()


def _folded(part: str) -> str:
    return urllib.parse.unquote(part.lstrip("/")).lower()
