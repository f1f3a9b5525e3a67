"""Parse benchmark: milliseconds per document and pages per second over the samples, and,
for each PDF, the same file's bare text extraction with pypdfium2 (and pdfplumber when it is
installed) measured in the same run, with the ratios. Prints figures; asserts nothing.

    .venv/bin/python bench/parse.py [FOLDER …] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pypdfium2 as pdfium

from danvan.ingest import DocumentError, parse_file

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
SUFFIXES = (".txt", ".pdf", ".docx", ".doc")


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _bare_pdfium(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        pdf[index].get_textpage().get_text_range()
    pdf.close()


def _bare_pdfplumber(path: Path):
    try:
        import pdfplumber
    except ImportError:
        return None

    def run() -> None:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "folders", nargs="*", type=Path, default=[SAMPLES / "seeds", SAMPLES / "corpus"]
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(
        p for folder in args.folders for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES
    )
    total_time = 0.0
    total_pages = 0
    print(
        f"{'file':55} {'pages':>5} {'ms/doc':>9} {'ms/page':>8} {'pages/s':>8} {'bare pdfium':>12} {'ratio':>6} {'pdfplumber':>11} {'speed-up':>8}"
    )
    for path in files:
        try:
            doc = parse_file(path)
        except DocumentError as error:
            print(f"{path.name:55} error: {error}")
            continue
        # Text and Word files have no page count: count 2,500 characters of text as a page.
        chars = sum(len(p.text) for p in doc.paragraphs()) + sum(len(f.text) for f in doc.footnotes)
        pages = doc.source.pages or max(1, round(chars / 2500))
        seconds = _best(lambda p=path: parse_file(p), args.repeat)
        total_time += seconds
        total_pages += pages
        row = f"{path.name[:55]:55} {pages:5d} {seconds * 1000:9.1f} {seconds * 1000 / pages:8.2f} {pages / seconds:8.0f}"
        if path.suffix.lower() == ".pdf":
            bare = _best(lambda p=path: _bare_pdfium(p), args.repeat)
            row += f" {bare * 1000:10.1f}ms {seconds / bare:5.2f}×"
            plumber = _bare_pdfplumber(path)
            if plumber:
                slow = _best(plumber, 1)
                row += f" {slow * 1000:9.0f}ms {slow / seconds:7.1f}×"
            else:
                row += f" {'(absent)':>11}"
        print(row)
    if total_time:
        print(
            f"\nall files: {total_pages} pages in {total_time * 1000:.0f} ms → {total_pages / total_time:.0f} pages/s"
        )


if __name__ == "__main__":
    main()
