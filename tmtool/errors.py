"""Exceptions that mean "tmtool could not do the job" (exit code 2 at the CLI).

Library code raises these with the file and line at fault; only `tmtool.cli` turns them
into the one-line `tmtool: error: ...` message. Any other exception is a bug.
"""
from __future__ import annotations


class TmtoolError(Exception):
    """Base class for every error a user can fix (bad input, option or configuration)."""


class InputError(TmtoolError):
    """A file that cannot be read or does not mean what it must."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        super().__init__(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")


class OutputError(TmtoolError):
    """An output that must not or cannot be written (e.g. it is one of the inputs)."""


class ConfigError(TmtoolError):
    """A bad option value or configuration file entry."""
