import os
import shutil
import signal
import subprocess
import sys


def add_arguments(parser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="Địa chỉ lắng nghe (mặc định 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="Cổng (mặc định 8000)")
    parser.add_argument("--workers", type=int, default=2, help="Số tiến trình web (mặc định 2)")


def run(args) -> int:
    from ._django import setup

    setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from .demo import print_logins

    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Danvan đang chạy tại http://{args.host}:{args.port}/  (Ctrl+C để dừng)")
    if get_user_model().objects.filter(username="dn.dieuphoi").exists():
        print_logins()
    sys.stdout.flush()
    bin_dir = os.path.dirname(sys.executable)
    gunicorn = shutil.which("gunicorn", path=bin_dir) or "gunicorn"
    danvan = shutil.which("danvan", path=bin_dir) or "danvan"
    # The scheduled work (deadline reminders, hourly) runs beside the web server and stops with it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    scheduler = subprocess.Popen([danvan, "remind", "--every", "3600"], stdout=subprocess.DEVNULL)
    web = subprocess.Popen(
        [
            gunicorn,
            "danvan.wsgi:application",
            "--bind",
            f"{args.host}:{args.port}",
            "--workers",
            str(args.workers),
            "--access-logfile",
            "-",
            "--log-level",
            "warning",
        ]
    )
    try:
        return web.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for process in (web, scheduler):
            process.terminate()
