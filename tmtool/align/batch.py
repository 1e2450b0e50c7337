"""Jobs of `align`: one document pair from files, or every pair of a manifest, as small tasks.

A task is a small picklable description (paths and the manifest position), and the settings
shared by all tasks travel once per worker, so any executor (this process, a process pool, a
Dask cluster) can run them. A worker aligns a document and renders it to the bytes its output
holds, so only those bytes travel back. A document that cannot be read or aligned becomes an
error message in its result and the others go on; only an unexpected exception (a bug) stops
the run. Tasks open files by absolute path (a cluster worker has another working folder) but
name them as the manifest does, so messages and output are the same on every executor.
"""
from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from tmtool.align.inputs import check_languages, read_side
from tmtool.align.levels import DocumentAlignment, align_sides
from tmtool.align.output import summary
from tmtool.align.pipeline import AlignOptions, TermPair
from tmtool.align.render import RenderedDocument, RenderOptions, render_document
from tmtool.errors import InputError, TmtoolError
from tmtool.fileio import STDIO, display_name, open_input, read_text
from tmtool.segment import load_rules

CHUNK_BYTES = 64 * 1024  # input bytes per task: small documents travel together
CHUNK_DOCUMENTS = 16  # and at most this many
NumberedPair = tuple[int, str, str]  # a manifest line: its number, source and target


@dataclass(frozen=True, slots=True)
class AlignJob:
    src_path: str
    tgt_path: str
    src_lang: str
    tgt_lang: str
    presegmented: bool = False
    options: AlignOptions = field(default_factory=AlignOptions)
    srx_path: str | None = None
    markup: str = "codes"  # read_document's markup mode: codes, literal or plain


def align_job(job: AlignJob) -> DocumentAlignment:
    """Read, check and align one pair; raises TmtoolError for bad input."""
    rules = load_rules(job.srx_path) if job.srx_path else None
    src = read_side(job.src_path, lang=job.src_lang, presegmented=job.presegmented, rules=rules,
                    markup=job.markup)
    tgt = read_side(job.tgt_path, lang=job.tgt_lang, presegmented=job.presegmented, rules=rules,
                    markup=job.markup)
    check_languages(src, tgt)
    return align_sides(src, tgt, job.options)


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """What every document of a batch shares: how to read and align it (`job`, whose paths
    are unused) and how to write it (`render`)."""

    job: AlignJob
    render: RenderOptions


@dataclass(frozen=True, slots=True)
class DocumentTask:
    """One manifest line: its 0-based position, the paths to open and the names to show."""

    index: int
    src_path: str
    tgt_path: str
    src_name: str
    tgt_name: str


def run_document(settings: BatchSettings, task: DocumentTask) -> RenderedDocument:
    """Align and render one document; bad input becomes the result's error."""
    job = replace(settings.job, src_path=task.src_path, tgt_path=task.tgt_path)
    try:
        doc = align_job(job)
    except TmtoolError as exc:
        return RenderedDocument(task.index, error=_named(str(exc), task))
    doc = DocumentAlignment(replace(doc.src, name=task.src_name), replace(doc.tgt, name=task.tgt_name),
                            doc.beads)
    return render_document(task.index, doc, settings.render, summary(doc))


def _named(message: str, task: DocumentTask) -> str:
    """`message` with the absolute paths replaced by the names the manifest gave."""
    for path, name in sorted(((task.src_path, task.src_name), (task.tgt_path, task.tgt_name)),
                             key=lambda pair: -len(pair[0])):
        message = message.replace(path, name)
    return message


def run_chunk(settings: BatchSettings, chunk: Sequence[DocumentTask]) -> list[RenderedDocument]:
    """The results of a chunk of tasks, in its order (what a worker runs)."""
    return [run_document(settings, task) for task in chunk]


def chunk_tasks(tasks: Iterable[DocumentTask], max_bytes: int = CHUNK_BYTES,
                max_documents: int = CHUNK_DOCUMENTS) -> Iterator[tuple[DocumentTask, ...]]:
    """Consecutive tasks grouped until their input files reach `max_bytes` together (a large
    document is a chunk of its own), so per-task overhead is paid once for many small files."""
    chunk: list[DocumentTask] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += _size(task.src_path) + _size(task.tgt_path)
        if size >= max_bytes or len(chunk) >= max_documents:
            yield tuple(chunk)
            chunk, size = [], 0
    if chunk:
        yield tuple(chunk)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # reported when the document is read


def manifest_tasks(pairs: Iterable[tuple[str, str]], start: int = 0) -> Iterator[DocumentTask]:
    """Tasks for manifest pairs (as `read_manifest` gives them), from position `start` on."""
    for index, (src, tgt) in enumerate(pairs):
        if index >= start:
            yield DocumentTask(index, _absolute(src), _absolute(tgt), src, tgt)


def _absolute(path: str) -> str:
    return path if path == STDIO else os.path.abspath(path)


def read_manifest(path: str) -> list[tuple[str, str]]:
    """(source, target) paths, one `source<TAB>target` pair a line; blank lines and lines
    starting with # are skipped; relative paths are taken from the manifest's folder. The
    lines are checked as `check_manifest` does."""
    numbered = list(_numbered_pairs(path))
    _check_pairs(numbered, lambda: iter(numbered), path)
    return [(src, tgt) for _, src, tgt in numbered]


def check_manifest(path: str) -> int:
    """Check every line of a manifest file before any work; the number of pairs."""
    return _check_pairs(_numbered_pairs(path), lambda: _numbered_pairs(path), path)



def _check_pairs(pairs: Iterable[NumberedPair], again: Callable[[], Iterable[NumberedPair]],
                 path: str) -> int:
    """A line naming the same two files as an earlier one is an error: its document would be
    aligned twice and its units written twice. Only a digest of each pair is kept (`again`
    reads the lines once more to name the earlier line)."""
    seen: set[bytes] = set()
    for number, src, tgt in pairs:
        key = _pair_key(src, tgt)
        if key in seen:
            first = next(n for n, s, t in again() if _pair_key(s, t) == key)
            raise InputError(display_name(path), number, f"lists the same pair as line {first} "
                                                         f"({src} and {tgt}); list each pair once")
        seen.add(key)
    if not seen:
        raise InputError(display_name(path), None, "the manifest lists no document pairs")
    return len(seen)


def _pair_key(src: str, tgt: str) -> bytes:
    names = "\0".join(os.path.normcase(os.path.abspath(p)) for p in (src, tgt))
    return hashlib.blake2b(names.encode("utf-8", "surrogateescape"), digest_size=12).digest()


def iter_manifest(path: str) -> Iterator[tuple[str, str]]:
    """The pairs of `read_manifest`, one line at a time (a manifest of a million documents is
    never held whole); a bad line raises InputError when it is reached."""
    for _, src, tgt in _numbered_pairs(path):
        yield src, tgt


def _numbered_pairs(path: str) -> Iterator[NumberedPair]:
    name = display_name(path)
    folder = os.path.dirname(os.path.abspath(path)) if path != STDIO else os.getcwd()
    for number, line in _manifest_lines(path):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].strip() or not cells[1].strip():
            raise InputError(name, number, "expected SOURCE<TAB>TARGET (two paths separated by a tab)")
        src, tgt = (_resolve(folder, cell.strip()) for cell in cells)
        yield number, src, tgt


def _manifest_lines(path: str) -> Iterator[tuple[int, str]]:
    """(1-based number, text) of every line; UTF-8 is read line by line, anything else
    (standard input, a UTF-16 file) whole through `read_text` and its checks."""
    if path != STDIO:
        with open_input(path) as handle:
            if not handle.read(4).startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                handle.seek(0)
                for number, raw in enumerate(handle, 1):
                    yield number, _decoded_line(raw, number, path)
                return
    yield from enumerate(read_text(path).splitlines(), 1)


def _decoded_line(raw: bytes, number: int, path: str) -> str:
    if number == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    if b"\x00" in raw:
        raise InputError(display_name(path), number, "looks like a binary file (NUL byte), not text")
    try:
        return raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise InputError(display_name(path), number,
                         f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8") from None


def _resolve(folder: str, path: str) -> str:
    """A manifest path, relative to the manifest's folder, as short as possible for messages.
    A manifest written on Windows (`archive\\uk\\a.docx`) is read here too: where the path as
    written names no file, its backslashes are taken as folder separators."""
    if "\\" in path and os.sep == "/" and not os.path.lexists(_joined(folder, path)):
        windows = path.replace("\\", "/")
        if os.path.lexists(_joined(folder, windows)):
            path = windows
    if os.path.isabs(path):
        return path
    return os.path.relpath(os.path.join(folder, path))


def _joined(folder: str, path: str) -> str:
    return path if os.path.isabs(path) else os.path.join(folder, path)


def glossary_terms(paths: Sequence[str]) -> tuple[TermPair, ...]:
    """(Ukrainian forms, English renderings) of every entry of the glossaries at `paths`."""
    from tmtool.glossary.csvfile import load_glossary

    glossary = load_glossary(list(paths))
    return tuple(
        (tuple(entry.uk) + tuple(entry.uk_forms), (entry.en, *entry.en_allowed))
        for entry in glossary.entries
    )
