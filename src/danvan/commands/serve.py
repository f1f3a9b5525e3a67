"""`danvan serve`: the web server (gunicorn) and the background worker (`danvan worker`) side
by side; Ctrl+C or SIGTERM stops both. A worker that dies is started again."""

import os
import shutil
import signal
import subprocess
import sys
import time

RESTART_PAUSE_S = 5.0
STOP_WAIT_S = 15.0


def add_arguments(parser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="Địa chỉ lắng nghe (mặc định 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="Cổng (mặc định 8000)")
    parser.add_argument("--workers", type=int, default=2, help="Số tiến trình web (mặc định 2)")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="Số luồng mỗi tiến trình web (mặc định 1; lớn hơn 1 dùng worker gthread)",
    )


class _Stop(Exception):
    pass


def _raise_stop(*_) -> None:
    raise _Stop


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(STOP_WAIT_S)
    except subprocess.TimeoutExpired:
        # The worker finishes its current task first; one cut short is run again next time.
        process.kill()
        process.wait()


def run(args) -> int:
    from ._django import setup

    setup()
    from django.contrib.auth import get_user_model

    from danvan.vendor_static import collect

    from .demo import print_logins

    collect()
    print(f"Danvan đang chạy tại http://{args.host}:{args.port}/  (Ctrl+C để dừng)")
    if get_user_model().objects.filter(username="dn.dieuphoi").exists():
        print_logins()
    sys.stdout.flush()
    bin_dir = os.path.dirname(sys.executable)
    gunicorn = shutil.which("gunicorn", path=bin_dir) or "gunicorn"
    danvan = shutil.which("danvan", path=bin_dir) or "danvan"
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    web = subprocess.Popen(
        [
            gunicorn,
            "danvan.wsgi:application",
            "--bind",
            f"{args.host}:{args.port}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            # The application is loaded once, before the workers start: the first request does
            # not pay for it (and cannot time out doing so on a busy machine).
            "--preload",
            "--timeout",
            "120",
            "--access-logfile",
            "-",
            "--log-level",
            "warning",
        ]
    )
    worker = subprocess.Popen([danvan, "worker"])
    try:
        while web.poll() is None:
            if worker.poll() is not None:
                print(
                    f"Tiến trình nền đã dừng (mã {worker.returncode}); khởi động lại sau "
                    f"{RESTART_PAUSE_S:g} giây.",
                    file=sys.stderr,
                    flush=True,
                )
                time.sleep(RESTART_PAUSE_S)
                worker = subprocess.Popen([danvan, "worker"])
            time.sleep(0.5)
        return web.returncode
    except _Stop:
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for process in (worker, web):
            _stop(process)
