"""`danvan remind`: send the deadline reminders due today, now (the background worker also
sends them every hour; each reminder goes out once whoever sends it)."""


def add_arguments(parser) -> None:
    pass


def run(args) -> int:
    from ._django import setup

    setup()
    from danvan.reporting.reminders import send_reminders

    print(f"Đã gửi {send_reminders()} nhắc nhở.", flush=True)
    return 0
