"""Files in and out: `-` for stdin/stdout, text decoding with a clear error, atomic writes.

Outputs go to a temporary file beside the target and are renamed into place only when the
job succeeded, so an interrupted run never leaves a half-written file; an output that is
one of the inputs is refused before any work is done.
"""
from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from tmtool.errors import InputError, OutputError

STDIO = "-"
# An HTML page's own charset declaration, looked for where the HTML standard's prescan looks
# (the first 1024 bytes): <meta charset="X"> or <meta http-equiv="Content-Type"
# content="text/html; charset=X">. Archived Ukrainian news pages are often windows-1251.
_DECLARED_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.IGNORECASE)


def display_name(path: str | os.PathLike[str]) -> str:
    """How a path is named in messages (`<stdin>` for `-`)."""
    return "<stdin>" if str(path) == STDIO else str(path)


@contextlib.contextmanager
def open_input(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Open a file (or stdin for `-`) for binary reading, with a one-line error if missing."""
    if str(path) == STDIO:
        yield sys.stdin.buffer
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the with below, after the error mapping)
    except FileNotFoundError:
        raise InputError(str(path), None, "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), None, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(str(path), None, "permission denied") from None
    with handle:
        yield handle


def decode_text(data: bytes, *, name: str) -> str:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16/32; a bad byte is reported with
    its line. Binary data (NUL bytes without a UTF-16 BOM) is refused."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(name, None, f"invalid {encoding} text: {exc.reason}") from None
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(name, line, "looks like a binary file (NUL byte), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            name, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None


def decode_html(data: bytes, *, name: str) -> str:
    """An HTML page's text: as `decode_text`; a page that is not UTF-8 is decoded by the charset
    its <meta> tag declares (windows-1251, koi8-u...). UTF-8 comes first because bytes that
    are valid UTF-8 are, in practice, UTF-8 whatever the page says (a charset left in a
    template), while Cyrillic in windows-1251 is hardly ever valid UTF-8."""
    try:
        return decode_text(data, name=name)
    except InputError:
        found = _DECLARED_CHARSET.search(data[:1024])
        if not found:
            raise
        declared = found.group(1).decode("ascii").lower()
    try:
        encoding = codecs.lookup(declared).name
    except LookupError:
        raise InputError(name, None, f"declares charset {declared!r}, which tmtool does not know; "
                                     "save the page as UTF-8") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(name, line, f"neither UTF-8 nor {declared} text as the page declares "
                                     f"(byte 0x{data[exc.start]:02x})") from None


def walk_files(folder: str) -> Iterator[tuple[str, list[str]]]:
    """(folder, its file names) under `folder`, sorted, hidden entries skipped. Linked folders
    are followed (an archive often links its years in from elsewhere), each real folder once,
    so a link back up the tree cannot loop."""
    seen: set[str] = set()
    for root, folders, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            folders[:] = []
            continue
        seen.add(real)
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        yield root, sorted(f for f in files if not f.startswith("."))


def read_text(path: str | os.PathLike[str]) -> str:
    """A whole text file, decoded (see `decode_text`)."""
    with open_input(path) as handle:
        return decode_text(handle.read(), name=display_name(path))


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A whole file (or stdin for `-`) as bytes, with the same one-line errors as `read_text`;
    for readers that decide from the bytes how to read it (Word, OpenDocument, text)."""
    with open_input(path) as handle:
        return handle.read()


def read_source_bytes(
    source: IO[bytes] | str | os.PathLike[str], *, name: str | None = None
) -> tuple[str, bytes]:
    """(name for messages, content) of a path or an open binary stream."""
    if isinstance(source, (str, os.PathLike)):
        label = name or display_name(source)
        with open_input(source) as handle:
            return label, handle.read()
    return name or "<stream>", source.read()


def read_source_text(
    source: IO[bytes] | str | os.PathLike[str], *, name: str | None = None
) -> tuple[str, str]:
    """(name for messages, decoded text) of a path or an open binary stream; for readers
    that need the whole text (polib, csv)."""
    label, data = read_source_bytes(source, name=name)
    return label, decode_text(data, name=label)


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    if STDIO in (str(a), str(b)):
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def check_output_not_input(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Refuse, before any work, an output that would overwrite one of the inputs."""
    for source in inputs:
        if _same_file(output, source):
            raise OutputError(f"{output}: refusing to overwrite an input file; choose another -o")


def check_output(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Refuse, before any work, an output that overwrites an input, is a directory, or lies
    in a folder that does not exist (so a long job does not fail only when it writes)."""
    check_output_not_input(output, inputs)
    if str(output) == STDIO:
        return
    target = Path(output)
    if target.is_dir():
        raise OutputError(f"{output}: is a directory; name an output file")
    folder = target.parent
    if str(folder) and not folder.is_dir():
        raise OutputError(f"{output}: folder {folder} does not exist; create it first")


def _final_mode(target: Path) -> int:
    """The replaced file's mode, or what a plain `open()` would give (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[IO[bytes]]:
    """A binary stream that becomes `path` only if the block finishes without error.

    `-` writes to stdout (not atomic, by nature). The temporary file sits beside the target
    so the final rename stays on one file system.
    """
    check_output(path, inputs)
    if str(path) == STDIO:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, _final_mode(target))
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


@contextlib.contextmanager
def atomic_text_output(
    path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[IO[str]]:
    """Like `atomic_output`, as UTF-8 text with `\\n` line ends."""
    import io

    with atomic_output(path, inputs=inputs) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n", write_through=True)
        try:
            yield text
            text.flush()
        finally:
            text.detach()
