"""Whether a unit's translation is a draft: the one reading of every format's status marks.

A translation is a draft when its file says it is not final: a PO `#, fuzzy` flag, an XLIFF
1.2 target state `new` or `needs-*` (or, without a state, `approved="no"`, as
translate-toolkit's po2xliff marks fuzzy messages), an XLIFF 2 segment state `initial`, a
Trados confirmation level `Draft` or `Rejected*`. Writers keep the mark (a draft becomes
`#, fuzzy` in PO, so msgfmt and gettext never use it) and the memory import leaves drafts
out: a memory answers with confirmed translations only.
"""
from __future__ import annotations

from tmtool.formats.po_props import FLAGS
from tmtool.model import TranslationUnit

# Where the readers put the marks (`xliff` reads them; the names are the props it writes).
XLIFF_STATE = "x-xliff-state"
XLIFF_APPROVED = "x-xliff-approved"
SDL_CONFIRMATION = "x-sdl-conf"

DRAFT_STATES = frozenset({
    "new", "needs-translation", "needs-l10n", "needs-adaptation",
    "needs-review-translation", "needs-review-l10n", "needs-review-adaptation",
    "initial",   # XLIFF 2
})
SDL_DRAFT_LEVELS = frozenset({"Draft", "RejectedTranslation", "RejectedSignOff"})


def has_fuzzy_flag(unit: TranslationUnit) -> bool:
    """Whether the unit came from a PO message flagged fuzzy."""
    return "fuzzy" in [flag.strip() for flag in (unit.prop(FLAGS) or "").split(",")]


def is_draft(unit: TranslationUnit) -> bool:
    """Whether the unit's translation is marked as not final (see the module docstring)."""
    if has_fuzzy_flag(unit) or unit.prop(SDL_CONFIRMATION) in SDL_DRAFT_LEVELS:
        return True
    state = unit.prop(XLIFF_STATE)
    if state is not None:
        return state in DRAFT_STATES
    return unit.prop(XLIFF_APPROVED) == "no"
