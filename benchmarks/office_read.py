"""Reading Word and OpenDocument files: tmtool's lxml readers against python-docx, mammoth
and odfpy, for speed on a large generated file and for what each gets right on a file with
Word's quirks. This is the measurement behind reading the packages with lxml directly.

The large files are the sample interview (both languages) repeated until they hold about
`--paragraphs` paragraphs, written with the test suite's generator, which cuts runs at random
places and puts Word's revision ids, proofing marks and bookmarks between them. Each timing
is the best of `--repeat` runs in this process; ratios are against parsing the main XML part
with lxml alone, timed in the same run, because the machine is shared and timings are noisy.
The other libraries are optional: a missing one is reported, not timed.

Usage: python benchmarks/office_read.py [--paragraphs N] [--repeat N]
"""
from __future__ import annotations

import argparse
import io
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree

from tests.office_files import docx_package
from tests.office_from_markdown import docx_from_markdown, odt_from_markdown
from tmtool.segment import read_document
from tmtool.segment.office import read_office_blocks


def source_markdown(paragraphs: int) -> str:
    texts = [(ROOT / "sources" / f"interview.{lang}.md").read_text(encoding="utf-8") for lang in ("uk", "en")]
    per_copy = sum(text.count("\n\n") for text in texts)
    copies = max(1, paragraphs // per_copy)
    return "\n\n".join(texts * copies)


def best(repeat: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def python_docx_runs(data: bytes) -> int:
    """What python-docx needs to give the same information: paragraphs, also in tables, with
    each run's text and bold/italic."""
    import docx

    document = docx.Document(io.BytesIO(data))
    count = 0
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    for paragraph in paragraphs:
        for run in paragraph.runs:
            count += len(run.text) + bool(run.bold) + bool(run.italic)
    return count


def mammoth_html(data: bytes) -> int:
    import mammoth

    return len(mammoth.convert_to_html(io.BytesIO(data)).value)


def odfpy_text(data: bytes) -> int:
    from odf import teletype, text
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    return sum(len(teletype.extractText(p)) for p in document.getElementsByType(text.P))


def optional(name: str, job: Callable[[], object], repeat: int) -> float | None:
    try:
        return best(repeat, job)
    except ImportError:
        print(f"  {name}: not installed, not timed")
        return None


def speed(paragraphs: int, repeat: int) -> None:
    markdown = source_markdown(paragraphs)
    docx, odt = docx_from_markdown(markdown), odt_from_markdown(markdown)
    main = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")
    blocks = read_office_blocks(docx, name="big.docx")
    print(f"large .docx: {len(blocks):,} paragraphs with words, {len(docx) / 1e6:.1f} MB zipped, "
          f"document.xml {len(main) / 1e6:.1f} MB; best of {repeat}")
    floor = best(repeat, lambda: etree.fromstring(main))
    rows: list[tuple[str, float | None]] = [
        ("lxml parse of document.xml only (baseline)", floor),
        ("tmtool read_office_blocks (paragraphs, runs merged, codes)", best(repeat, lambda: read_office_blocks(docx, name="big.docx"))),
        ("tmtool read_document (blocks + sentence segmentation)", best(repeat, lambda: read_document(docx, lang="uk", name="big.docx"))),
        ("python-docx 1.x: paragraphs + table cells, run text/bold/italic", optional("python-docx", lambda: python_docx_runs(docx), repeat)),
        ("mammoth: .docx -> HTML", optional("mammoth", lambda: mammoth_html(docx), repeat)),
    ]
    odt_floor = best(repeat, lambda: etree.fromstring(zipfile.ZipFile(io.BytesIO(odt)).read("content.xml")))
    odt_rows: list[tuple[str, float | None]] = [
        ("lxml parse of content.xml only (baseline)", odt_floor),
        ("tmtool read_office_blocks", best(repeat, lambda: read_office_blocks(odt, name="big.odt"))),
        ("odfpy: load + teletype.extractText of every text:p", optional("odfpy", lambda: odfpy_text(odt), repeat)),
    ]
    for title, table, base in (("DOCX", rows, floor), ("ODT", odt_rows, odt_floor)):
        print(f"\n{title}: seconds, and x the lxml parse")
        for label, seconds in table:
            if seconds is not None:
                print(f"  {seconds:8.3f}  {seconds / base:6.1f}x  {label}")


def correctness() -> None:
    """Each library's text of the Word 365 sample, paragraph by paragraph, beside tmtool's."""
    document = (ROOT / "tests" / "data" / "office" / "word365.document.xml").read_text(encoding="utf-8")
    from tests.office_files import run

    data = docx_package("", document=document,
                        footnotes={"1": run("Нині — Кам’янське Дніпропетровської області.")})
    print("\nWord 365 sample (tests/data/office/word365.document.xml): text per paragraph")
    ours = [" ".join(s.text for s in b.segments) for b in read_document(data, lang="uk", name="w.docx")]
    print("  tmtool:")
    for text in ours:
        print(f"    {text}")
    try:
        import docx

        print("  python-docx Paragraph.text (body paragraphs; no notes or text boxes):")
        for paragraph in docx.Document(io.BytesIO(data)).paragraphs:
            print(f"    {paragraph.text!r}")
    except ImportError:
        print("  python-docx: not installed")
    try:
        import mammoth

        print("  mammoth HTML:")
        print("    " + mammoth.convert_to_html(io.BytesIO(data)).value)
    except ImportError:
        print("  mammoth: not installed")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--paragraphs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    speed(args.paragraphs, args.repeat)
    correctness()


if __name__ == "__main__":
    main()
