"""`danvan worker`: the background work beside the web server — document imports as they are
queued, and the deadline reminders once an hour."""

import time

REMINDER_EVERY_SECONDS = 3600


def add_arguments(parser) -> None:
    parser.add_argument("--once", action="store_true", help="Xử lý những việc đang chờ rồi dừng")
    parser.add_argument(
        "--poll", type=float, default=1.0, metavar="GIÂY", help="Khoảng thời gian kiểm tra việc mới"
    )


def run(args) -> int:
    from ._django import setup

    setup()
    from django.db import close_old_connections

    from danvan.imports.services import run_queued
    from danvan.reporting.reminders import send_reminders

    last_reminders = 0.0
    while True:
        close_old_connections()
        run_queued()
        if time.monotonic() - last_reminders >= REMINDER_EVERY_SECONDS or args.once:
            send_reminders()
            last_reminders = time.monotonic()
        if args.once:
            return 0
        time.sleep(args.poll)
