"""The parts of a Word package tmtool reads: the main document found through the package
relationships, its styles, notes and hyperlink targets, each parsed through `safexml`.

Strict Open XML (ISO 29500 Strict, Word's "Strict Open XML Document") differs from the
usual Transitional form mainly in its namespace names; its parts are read by mapping those
names to the Transitional ones before parsing.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from tmtool import safexml
from tmtool.errors import InputError
from tmtool.segment.package import Package

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_STRICT_NAMES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
)
_OTHER_OFFICE = {"xl/workbook.xml": "an Excel workbook", "ppt/presentation.xml": "a PowerPoint presentation",
                 "content.xml": "an OpenDocument file"}


@dataclass(frozen=True, slots=True)
class Relationship:
    type: str  # the last path step of the relationship type ("styles", "hyperlink", ...)
    target: str  # a part name for internal targets, the URL as written for external ones
    external: bool


class WordPackage:
    """A Word package's main part and the parts related to it."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.name = package.name
        self.main = self._main_part()
        self.relationships = self.relationships_of(self.main)

    def _main_part(self) -> str:
        rels = self.relationships_of("")
        main = next((rel.target for rel in rels.values()
                     if rel.type == "officeDocument" and not rel.external), "word/document.xml")
        if self.package.has(main):
            return main
        for part, what in _OTHER_OFFICE.items():
            if self.package.has(part):
                raise InputError(self.name, None, f"is {what}, not a Word document")
        raise InputError(self.name, None, f"not a Word document: the package has no {main}")

    def xml(self, part: str) -> Any:
        data = self.package.read(part)
        for strict, transitional in _STRICT_NAMES:
            data = data.replace(strict, transitional)
        return safexml.parse(data, name=f"{self.name}:{part}").getroot()

    def related(self, relationship_type: str) -> Any | None:
        """The root of the main part's related part of this type, if the package has it."""
        for rel in self.relationships.values():
            if rel.type == relationship_type and not rel.external and self.package.has(rel.target):
                return self.xml(rel.target)
        return None

    def related_part(self, relationship_type: str) -> str | None:
        return next((rel.target for rel in self.relationships.values()
                     if rel.type == relationship_type and not rel.external), None)

    def relationships_of(self, part: str) -> dict[str, Relationship]:
        """Relationships by id of a part ("" for the package itself)."""
        folder, file_name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", file_name + ".rels")
        if not self.package.has(rels_part):
            return {}
        found: dict[str, Relationship] = {}
        for element in self.xml(rels_part).iter(_PACKAGE_RELS):
            rel_id, target = element.get("Id"), element.get("Target", "")
            external = element.get("TargetMode", "") == "External"
            if rel_id is None:
                continue
            kind = element.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
            found[rel_id] = Relationship(kind, target if external else _resolve(folder, target), external)
        return found


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: absolute ("/word/x.xml") or relative to `folder`."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))
