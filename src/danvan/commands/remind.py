"""`danvan remind`: send the deadline reminders due today, now, and the registers' reminders
of their due items (the background worker also sends them every hour; each reminder goes out
once whoever sends it)."""


def add_arguments(parser) -> None:
    pass


def run(args) -> int:
    from ._django import setup

    setup()
    from danvan.notifications.register_reminders import send_register_reminders
    from danvan.reporting import clock
    from danvan.reporting.reminders import DAYS_BEFORE, send_reminders

    print(f"Đã gửi {send_reminders()} nhắc nhở.", flush=True)
    registered = send_register_reminders(clock.today(), days_before=DAYS_BEFORE)
    print(f"Đã gửi {registered} nhắc việc sổ theo dõi (mỗi người một thư).", flush=True)
    return 0
