"""`danvan summaries`: check that the value summaries the consolidations read equal the live
sums of the reports' values (exit 1 and list the first differences when they do not), or
fill them again from the values with --rebuild (after writing values past the services)."""

from decimal import Decimal


def add_arguments(parser) -> None:
    parser.add_argument(
        "--rebuild", action="store_true", help="tính lại toàn bộ bảng tổng hợp từ số liệu"
    )


def _shown(pair) -> str:
    if pair is None:
        return "không có"
    total, count = pair
    return f"{Decimal(total).normalize():f} ({count} giá trị)"


def run(args) -> int:
    from ._django import setup

    setup()
    from django.db import transaction

    from danvan.reporting import summary

    if args.rebuild:
        with transaction.atomic():
            summary.rebuild()
        print("Đã tính lại bảng tổng hợp số liệu.", flush=True)
    found = summary.differences()
    if not found:
        print("Bảng tổng hợp khớp với số liệu các báo cáo.", flush=True)
        return 0
    print(f"Bảng tổng hợp lệch với số liệu ở {len(found)} chỉ tiêu:", flush=True)
    for (request, path, status, indicator, option), stored, live in found[:20]:
        print(
            f"  yêu cầu {request}, {path}, {status}, chỉ tiêu {indicator}"
            f"{f', phân tổ {option}' if option else ''}: bảng tổng hợp {_shown(stored)}, "
            f"số liệu {_shown(live)}",
            flush=True,
        )
    print("Chạy lại với --rebuild để tính lại.", flush=True)
    return 1
