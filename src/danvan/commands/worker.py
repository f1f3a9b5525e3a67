"""`danvan worker`: the background worker (django-tasks with its database backend) — document
imports, batch routing and the deadline reminders. `danvan serve` runs one beside the web
server; run it alone on a host of its own.

At start it drops finished tasks older than DANVAN_TASK_KEEP_DAYS, puts back in the queue the tasks a dead worker left running, queues any import
still waiting without a task, and starts the reminders' chain (once, however many workers)."""


def add_arguments(parser) -> None:
    parser.add_argument("--once", action="store_true", help="Xử lý những việc đang chờ rồi dừng")
    parser.add_argument(
        "--poll", type=float, default=1.0, metavar="GIÂY", help="Khoảng thời gian kiểm tra việc mới"
    )


def run(args) -> int:
    from ._django import setup

    setup()
    from danvan import background
    from danvan.imports.tasks import queue_waiting
    from danvan.reporting.tasks import schedule_reminders

    pruned = background.prune_finished()
    requeued = background.sweep_interrupted()
    queued = queue_waiting()
    schedule_reminders()
    print(
        f"Tiến trình nền đã sẵn sàng: lấy lại {requeued} việc bị gián đoạn, "
        f"xếp hàng {queued} tệp đang chờ, xóa {pruned} việc đã xong từ lâu.",
        flush=True,
    )
    if args.once:
        background.run_pending()
        return 0
    background.run_worker(args.poll)
    return 0
