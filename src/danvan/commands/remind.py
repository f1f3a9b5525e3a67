"""`danvan remind`: send the deadline reminders due today (or, with --every, keep doing it)."""

import time


def add_arguments(parser) -> None:
    parser.add_argument(
        "--every",
        type=int,
        metavar="GIÂY",
        help="Chạy lặp lại sau mỗi khoảng thời gian này (dùng cho tiến trình nền)",
    )


def run(args) -> int:
    from ._django import setup

    setup()
    from django.db import close_old_connections

    from danvan.reporting.reminders import send_reminders

    while True:
        sent = send_reminders()
        print(f"Đã gửi {sent} nhắc nhở.", flush=True)
        if not args.every:
            return 0
        close_old_connections()
        time.sleep(args.every)
