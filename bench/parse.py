"""Parse benchmark: prints figures, asserts nothing (exit status 0 unless it crashes).

    .venv/bin/python bench/parse.py [FOLDER …] [--repeat N] [--no-ocr] [--no-memory]

1. `speed`: on the same PDFs, in one run, the reader's pages per second (the structure pass
   with signature widgets and tables), bare pypdfium2 text extraction and pdfplumber's
   `extract_text`; per file and in aggregate over every text-layer PDF of the folders
   (default: samples/corpus and samples/incoming), with the gap to the goals (within 3× of
   bare pypdfium2, at least 20× faster than pdfplumber). Scans are left to `ocr_speed`.
   Text and Word files are timed too (a page counted as 2,500 characters).
2. `ocr_speed`: the scans (PDFs without a usable text layer) read through OCR: seconds per
   page and pages per second on this machine's cores; goal under 5 s for an A4 page.
3. `memory_300`: peak memory of parsing a 300-page PDF joined from the samples' pages with
   pypdfium2, measured in a child process; goal under 500 MB.
4. `largest_jobs`: an import job's whole work (read and match) on the largest accepted file of
   each format, seconds and peak memory against the job budget (`--at-limit`: also a text
   file as large as an upload may be).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from danvan.ingest import DocumentError, parse_file

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
SUFFIXES = (".txt", ".pdf", ".docx", ".doc")
GOAL_BARE = 3.0  # the structure pass within 3× bare pypdfium2
GOAL_PLUMBER = 20.0  # at least 20× faster than pdfplumber
GOAL_OCR_PAGE = 5.0  # seconds for one A4 page
GOAL_MEMORY_MB = 500.0


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


def _files(folders: list[Path]) -> list[Path]:
    return sorted(
        p for folder in folders for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES
    )


def speed(folders: list[Path], repeat: int) -> list[Path]:
    """Per-file and aggregate speed; returns the PDFs that need OCR (for `ocr_speed`)."""
    scans: list[Path] = []
    totals = {"pages": 0, "reader": 0.0, "bare": 0.0, "plumber": 0.0, "plumber_pages": 0}
    print(
        f"{'file':55} {'pages':>5} {'ms/doc':>9} {'pages/s':>8} {'bare ms':>9} {'×bare':>6}"
        f" {'plumber ms':>10} {'faster':>7}"
    )
    for path in _files(folders):
        try:
            doc = parse_file(path)
        except DocumentError as error:
            print(f"{path.name[:55]:55} error: {error}")
            continue
        if doc.source.ocr:
            scans.append(path)
            print(f"{path.name[:55]:55} {doc.source.pages:5d} (scan: read by OCR, see below)")
            continue
        chars = sum(len(p.text) for p in doc.paragraphs()) + sum(len(f.text) for f in doc.footnotes)
        pages = doc.source.pages or max(1, round(chars / 2500))
        seconds = _best(lambda p=path: parse_file(p), repeat)
        row = f"{path.name[:55]:55} {pages:5d} {seconds * 1000:9.1f} {pages / seconds:8.0f}"
        if path.suffix.lower() == ".pdf":
            bare = _best(lambda p=path: _bare_pdfium(p), repeat)
            totals["pages"] += pages
            totals["reader"] += seconds
            totals["bare"] += bare
            row += f" {bare * 1000:9.1f} {seconds / bare:5.2f}×"
            plumber = _bare_pdfplumber(path)
            if plumber:
                slow = _best(plumber, 1)
                totals["plumber"] += slow
                totals["plumber_pages"] += pages
                row += f" {slow * 1000:10.0f} {slow / seconds:6.1f}×"
        print(row)
    if totals["reader"]:
        reader, bare, plumber = totals["reader"], totals["bare"], totals["plumber"]
        pages = totals["pages"]
        print(
            f"\nall text-layer PDFs: {pages} pages — reader {pages / reader:.0f} pages/s, "
            f"bare pypdfium2 {pages / bare:.0f} pages/s"
            + (f", pdfplumber {pages / plumber:.1f} pages/s" if plumber else "")
        )
        ratio = reader / bare
        print(
            f"  reader / bare pypdfium2: {ratio:.2f}× (goal ≤ {GOAL_BARE:.0f}×: "
            + ("met" if ratio <= GOAL_BARE else f"{ratio - GOAL_BARE:.2f}× over")
            + ")"
        )
        if plumber:
            faster = plumber / reader
            print(
                f"  pdfplumber / reader: {faster:.1f}× faster (goal ≥ {GOAL_PLUMBER:.0f}×: "
                + ("met" if faster >= GOAL_PLUMBER else f"{GOAL_PLUMBER - faster:.1f}× short")
                + ")"
            )
        else:
            print("  pdfplumber not installed: no comparison")
    return scans


def ocr_speed(scans: list[Path]) -> None:
    from danvan.ingest.ocr import engine

    print(f"\nOCR ({engine() or 'Tesseract with vie not installed'}), {os.cpu_count()} cores:")
    if not scans or engine() is None:
        print("  no scan to read")
        return
    total_pages = 0
    total_time = 0.0
    for path in scans:
        start = time.perf_counter()
        doc = parse_file(path)
        seconds = time.perf_counter() - start
        pages = doc.source.pages or 1
        total_pages += pages
        total_time += seconds
        print(
            f"  {path.name[:55]:55} {pages:3d} pages {seconds:6.1f} s  {seconds / pages:5.2f} s/page"
            f"  confidence {doc.source.ocr['mean_confidence']:.2f}"
        )
    per_page = total_time / total_pages
    print(
        f"  all scans: {total_pages} pages in {total_time:.1f} s → {total_pages / total_time:.2f} "
        f"pages/s, {per_page:.2f} s per page (goal < {GOAL_OCR_PAGE:.0f} s: "
        + ("met" if per_page < GOAL_OCR_PAGE else f"{per_page - GOAL_OCR_PAGE:.2f} s over")
        + ")"
    )


def joined_pdf(sources: list[Path], pages: int, target: Path) -> None:
    """A `pages`-page PDF made of the sources' pages, in turn, with pypdfium2."""
    out = pdfium.PdfDocument.new()
    opened = [pdfium.PdfDocument(str(p)) for p in sources]
    while len(out) < pages:
        for pdf in opened:
            take = min(len(pdf), pages - len(out))
            if take <= 0:
                break
            out.import_pages(pdf, list(range(take)))
    out.save(str(target))
    for pdf in opened:
        pdf.close()
    out.close()


_CHILD = """
import resource, sys, time
from danvan.ingest import parse_file
start = time.perf_counter()
doc = parse_file(sys.argv[1], max_pages=1000, max_bytes=1 << 30)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(doc.source.pages, f"{seconds:.2f}", f"{peak:.0f}")
"""


def memory_300(sources: list[Path]) -> None:
    with tempfile.TemporaryDirectory(prefix="danvan-bench-") as tmp:
        path = Path(tmp) / "joined-300.pdf"
        joined_pdf(sources, 300, path)
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=False
        )
    if done.returncode != 0:
        print(f"\n300-page PDF: the child failed: {done.stderr.strip()[-300:]}")
        return
    pages, seconds, peak = done.stdout.split()
    megabytes = float(peak)
    print(
        f"\n300-page PDF joined from {len(sources)} sample PDFs: {pages} pages in {seconds} s, "
        f"peak memory {megabytes:.0f} MB (goal < {GOAL_MEMORY_MB:.0f} MB: "
        + ("met" if megabytes < GOAL_MEMORY_MB else f"{megabytes - GOAL_MEMORY_MB:.0f} MB over")
        + ")"
    )


_JOB_CHILD = """
import os, resource, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
import django
django.setup()
from danvan.imports.jobs import _read_and_match
from danvan.imports.services import max_upload_bytes
from danvan.indicators.catalogue import INDICATORS
from danvan.ingest import DocumentError
data = open(sys.argv[1], "rb").read()
start = time.perf_counter()
try:
    _read_and_match(lambda step: None, data, sys.argv[1], max_upload_bytes(), [],
                    {row[0] for row in INDICATORS})
    outcome = "read"
except DocumentError as error:
    outcome = "refused: " + error.reason
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.2f}", f"{peak:.0f}", outcome)
"""


def largest_jobs(folders: list[Path], at_limit: bool) -> None:
    """An import job's whole work (read, structure, match every indicator) on the largest
    accepted file of each format among the samples — and, with --at-limit, on a text file as
    large as an upload may be (the Cần Thơ report repeated) — in a child process each: seconds
    and peak memory, against the job budget (DANVAN_JOB_TIME_LIMIT_S, DANVAN_JOB_MEMORY_MB)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    from django.conf import settings

    limit_bytes = settings.DANVAN_MAX_UPLOAD_BYTES
    largest: dict[str, Path] = {}
    for path in _files([*folders, SAMPLES / "seeds"]):
        kind, size = path.suffix.lower(), path.stat().st_size
        if size <= limit_bytes and (kind not in largest or size > largest[kind].stat().st_size):
            largest[kind] = path
    print(
        f"\nimport jobs, largest accepted file per format (budget {settings.DANVAN_JOB_TIME_LIMIT_S}"
        f" s, {settings.DANVAN_JOB_MEMORY_MB} MB beyond the worker):"
    )
    with tempfile.TemporaryDirectory(prefix="danvan-bench-") as tmp:
        files = sorted(largest.values())
        if at_limit:
            seed = (SAMPLES / "seeds" / "cantho-dukhoi-dan-van-6t-2019.txt").read_bytes()
            text = Path(tmp) / "at-upload-limit.txt"
            text.write_bytes(seed * (limit_bytes // len(seed)))
            files.append(text)
        for path in files:
            done = subprocess.run(
                [sys.executable, "-c", _JOB_CHILD, str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
            size = f"{path.stat().st_size / 1e6:6.2f} MB"
            if done.returncode != 0:
                print(f"  {path.name[:50]:50} {size} the child failed: {done.stderr[-200:]}")
                continue
            seconds, peak, outcome = done.stdout.split(maxsplit=2)
            within = float(seconds) <= settings.DANVAN_JOB_TIME_LIMIT_S
            print(
                f"  {path.name[:50]:50} {size} {float(seconds):7.2f} s  peak {float(peak):6.0f} MB"
                f"  {outcome.strip()}{'' if within else '  (over the time budget: fails)'}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "folders", nargs="*", type=Path, default=[SAMPLES / "corpus", SAMPLES / "incoming"]
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-ocr", action="store_true", help="skip the OCR figures")
    parser.add_argument("--no-memory", action="store_true", help="skip the 300-page figure")
    parser.add_argument(
        "--at-limit", action="store_true", help="also an import job on a text at the upload limit"
    )
    args = parser.parse_args()
    scans = speed(args.folders, args.repeat)
    if not args.no_ocr:
        ocr_speed(scans)
    if not args.no_memory:
        text_pdfs = [p for p in _files(args.folders) if p.suffix == ".pdf" and p not in scans]
        memory_300(text_pdfs)
    largest_jobs(args.folders, args.at_limit)


if __name__ == "__main__":
    main()
