"""`danvan import FILE`: route a report file to its unit and request, and propose its figures.

With --dry-run nothing is saved and the routing and proposals are printed; otherwise the file
is queued as that unit's import, read, and left for a person to confirm on its page."""

import json
import sys
from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument("file", help="Tệp .docx, .doc, .pdf hoặc .txt")
    parser.add_argument(
        "--request", type=int, help="Mã yêu cầu báo cáo (mặc định: nhận dạng từ văn bản)"
    )
    parser.add_argument("--unit", help="Mã đơn vị gửi (mặc định: nhận dạng từ văn bản)")
    parser.add_argument(
        "--dry-run", action="store_true", help="Chỉ nhận dạng và đề xuất, không lưu gì"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")


def run(args) -> int:
    from ._django import setup

    setup()
    from danvan.accounts.permissions import SYSTEM
    from danvan.imports import cli_import

    path = Path(args.file)
    if not path.is_file():
        print(f"Lỗi: không tìm thấy tệp {path}.", file=sys.stderr)
        return 2
    try:
        outcome = cli_import.run(
            SYSTEM,
            path.read_bytes(),
            path.name,
            request_id=args.request,
            unit_code=args.unit,
            dry_run=args.dry_run,
        )
    except cli_import.CommandError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(outcome, ensure_ascii=False, indent=2, default=str))
    else:
        print(cli_import.describe(outcome))
    return 0
