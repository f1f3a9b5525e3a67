"""`danvan parse FILE|DIR`: print the parsed structure as JSON (one file) or JSON Lines
(every supported file under a folder, in sorted path order). No Django here."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SUFFIXES = (".txt", ".pdf", ".docx", ".doc", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="tệp hoặc thư mục cần đọc")
    parser.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default=None,
        help="json cho một tệp (mặc định), jsonl cho một thư mục (mặc định khi là thư mục)",
    )
    parser.add_argument(
        "--max-mb", type=float, default=50, help="giới hạn kích thước tệp, MB (mặc định 50)"
    )
    parser.add_argument(
        "--max-pages", type=int, default=500, help="giới hạn số trang (mặc định 500)"
    )
    parser.add_argument(
        "--trust-anchors",
        action="append",
        default=None,
        metavar="TỆP_HOẶC_THƯ_MỤC",
        help="chứng thư CA (tệp PEM/DER hoặc thư mục) để kiểm tra chữ ký số; có thể lặp lại",
    )


def run(args: argparse.Namespace) -> int:
    from danvan.ingest import DocumentError, parse_file

    path = Path(args.path)
    limits = {"max_bytes": int(args.max_mb * 1024 * 1024), "max_pages": args.max_pages}
    if not path.exists():
        print(f"Lỗi: không tìm thấy {path}.", file=sys.stderr)
        return 2
    anchors = getattr(args, "trust_anchors", None) or []
    for anchor in anchors:
        if not Path(anchor).exists():
            print(f"Lỗi: không tìm thấy chứng thư CA {anchor}.", file=sys.stderr)
            return 2
    if anchors:
        from danvan.ingest.signatures import load_anchors

        if not load_anchors(anchors):
            print(
                "Lỗi: không đọc được chứng thư CA nào trong " + ", ".join(anchors) + ".",
                file=sys.stderr,
            )
            return 2
        limits["trust_anchors"] = anchors
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        status = 0
        for file in files:
            try:
                data = parse_file(file, **limits).to_dict()
            except DocumentError as error:
                print(f"Lỗi: {error}", file=sys.stderr)
                data = {
                    "error": str(error),
                    "reason": error.reason,
                    "source": {"name": str(file.relative_to(path))},
                }
                status = 2
            _write(data, pretty=False)
        return status
    try:
        doc = parse_file(path, **limits)
    except DocumentError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        if args.format == "jsonl":
            _write(
                {"error": str(error), "reason": error.reason, "source": {"name": path.name}},
                pretty=False,
            )
        return 2
    _write(doc.to_dict(), pretty=args.format != "jsonl")
    return 0


def _write(data: dict, *, pretty: bool) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2 if pretty else None)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()
