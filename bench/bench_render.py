"""How fast Danvan writes documents: DOCX per second for each layout, and optionally PDF.

    .venv/bin/python bench/bench_render.py [--seconds 3] [--pdf 2]

The document is the Đà Nẵng seed as the reader sees it (15 footnotes, 8 pages), with the
header a user fills in at export. Prints figures only; nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from danvan.ingest import parse_file
from danvan.publish import LAYOUTS, convert_to_pdf, render_docx

SEED = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "samples"
    / "seeds"
    / "danang-bdvtu-phoi-hop-6t-2022.txt"
)


def sample() -> dict:
    doc = parse_file(SEED).to_dict()
    doc["form"] = "party"
    doc["header"].update(
        parent_issuer="THÀNH ỦY ĐÀ NẴNG",
        issuer="BAN DÂN VẬN",
        number="138",
        symbol="138-BC/BDVTU",
        place="Đà Nẵng",
        date="2022-07-05",
    )
    return doc


def docx_rate(doc: dict, layout: str, seconds: float) -> tuple[float, int]:
    count, start = 0, time.perf_counter()
    size = 0
    while time.perf_counter() - start < seconds:
        buffer = io.BytesIO()
        render_docx(doc, buffer, layout)
        size = buffer.tell()
        count += 1
    return count / (time.perf_counter() - start), size


def pdf_seconds(doc: dict, runs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(tmp) / "doc.docx"
        render_docx(doc, docx_path)
        start = time.perf_counter()
        for i in range(runs):
            convert_to_pdf(docx_path, Path(tmp) / f"doc{i}.pdf")
        return (time.perf_counter() - start) / runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="time per layout")
    parser.add_argument("--pdf", type=int, default=0, help="also time this many PDF conversions")
    args = parser.parse_args()
    doc = sample()
    for name in LAYOUTS:
        rate, size = docx_rate(doc, name, args.seconds)
        print(f"docx {name:<11} {rate:7.1f} documents/s  ({size // 1024} KiB each)")
    if args.pdf:
        print(f"pdf  (LibreOffice) {pdf_seconds(doc, args.pdf):6.2f} s/document")


if __name__ == "__main__":
    main()
