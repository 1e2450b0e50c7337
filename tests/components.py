"""Real outside programs the tests drive (OmegaT, msgfmt, Chromium, PostgreSQL).

A test that needs one calls `require(...)`: on a developer's machine a missing program skips the
test with the command that installs it; under CI (`CI=true`) it fails, because CI must have them all.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def is_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(what: str, available: bool, install: str) -> None:
    """Skip (or, under CI, fail) unless `available`; `install` says how to get `what`."""
    if available:
        return
    message = f"{what} is not available; {install}"
    if is_ci():
        pytest.fail(f"{message} (CI must have it)")
    pytest.skip(message)


def msgfmt_check(path: Path) -> None:
    """GNU gettext's own verdict on a PO file: `msgfmt --check` must accept it."""
    msgfmt = shutil.which("msgfmt")
    require("GNU gettext msgfmt", msgfmt is not None, "apt-get install gettext")
    assert msgfmt is not None
    completed = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)],
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
