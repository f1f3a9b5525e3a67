"""`danvan render IN.json -o OUT.docx [--pdf OUT.pdf] [--layout …]`: write a parsed document
as a Word file (and PDF) laid out by the Party or State rules in force."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from danvan.publish import LAYOUTS, PublishError, convert_to_pdf, document_warnings, render_docx


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "input",
        metavar="IN.json",
        help="văn bản đã phân tích (đầu ra của `danvan parse --format json`); '-' để đọc từ đầu vào chuẩn",
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT.docx", help="tệp Word cần viết"
    )
    parser.add_argument("--pdf", metavar="OUT.pdf", help="viết thêm bản PDF (cần LibreOffice)")
    parser.add_argument(
        "--layout",
        choices=list(LAYOUTS),
        help="ép dùng thể thức: party (HD 05-HD/VPTW 2026), party-2018 (HD 36-HD/VPTW), state (NĐ 30/2020/NĐ-CP); mặc định chọn theo hình thức và ngày của văn bản",
    )


def _read(source: str) -> dict:
    try:
        if source == "-":
            text = sys.stdin.read()
        else:
            text = Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PublishError(f"Không tìm thấy tệp: {source}") from None
    except UnicodeDecodeError:
        raise PublishError(f"Tệp {source} không phải văn bản UTF-8.") from None
    except OSError as exc:
        raise PublishError(f"Không đọc được tệp {source}: {exc.strerror}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise PublishError(
            f"Tệp {source} không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno})."
        ) from None


def run(args: argparse.Namespace) -> int:
    try:
        parsed = _read(args.input)
        layout = render_docx(parsed, Path(args.output), args.layout)
        for warning in document_warnings(parsed, layout):
            print(f"danvan render: cảnh báo: {warning}", file=sys.stderr)
        if args.pdf:
            convert_to_pdf(args.output, args.pdf)
    except PublishError as exc:
        print(f"danvan render: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"danvan render: không ghi được tệp {exc.filename or args.output}: {exc.strerror}",
            file=sys.stderr,
        )
        return 2
    written = args.output + (f" và {args.pdf}" if args.pdf else "")
    print(f"Đã viết {written} theo thể thức {layout.label}.")
    return 0
