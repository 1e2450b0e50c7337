"""The compiled glossary: the Ukrainian, English and near-miss indexes built once per
glossary and cached in memory by the glossary's fingerprint and the morphology in use.

Compiling is where all the expensive work happens (form generation, pymorphy3); matching a
text afterwards is one dict lookup per token. Without pymorphy3 the compiled glossary carries
a notice for the CLI to print once (library code never prints).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from tmtool.glossary.en_matcher import EnMatcher
from tmtool.glossary.model import Glossary
from tmtool.glossary.skeleton import NearMissIndex
from tmtool.glossary.uk_matcher import UkMatcher
from tmtool.lang import morphology

_CACHE: dict[tuple[str, bool, str, bool], CompiledGlossary] = {}
_CACHE_SIZE = 4
_LOCK = threading.Lock()


@dataclass(frozen=True)
class CompiledGlossary:
    glossary: Glossary
    uk: UkMatcher
    en: EnMatcher
    near: NearMissIndex
    uses_morphology: bool
    notices: tuple[str, ...] = field(default=())
    known_en: frozenset[str] = field(default=frozenset())


def compile_glossary(glossary: Glossary, *, use_morphology: bool | None = None) -> CompiledGlossary:
    """Build (or fetch from the cache) the matchers of `glossary`. `use_morphology=None`
    uses pymorphy3 when it is installed; False forces the built-in suffix rules."""
    available = morphology.analyzer() is not None
    use = available if use_morphology is None else (use_morphology and available)
    key = (glossary.fingerprint, use, morphology.version() if use else "", use_morphology is None)
    with _LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    notices: tuple[str, ...] = ()
    if not use and use_morphology is None:
        notices = (morphology.UNAVAILABLE_NOTICE,)
    targets = [(form, entry) for entry in glossary.entries if entry.is_name for form in entry.approved]
    known = frozenset(
        word.lower()
        for entry in glossary.entries
        for form in (*entry.approved, *entry.en_forbidden, *entry.en_historical)
        for word in form.replace("-", " ").split()
    )
    compiled = CompiledGlossary(
        glossary=glossary,
        uk=UkMatcher(glossary, use),
        en=EnMatcher(glossary),
        near=NearMissIndex(
            targets, (form for entry in glossary.entries for form in entry.approved)
        ),
        uses_morphology=use,
        notices=notices,
        known_en=known,
    )
    with _LOCK:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = compiled
    return compiled
