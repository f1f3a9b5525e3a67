"""Heavy work on an uploaded file (reading it, matching its figures) within a time and memory
budget: the work runs in a forked child process whose address space is capped (RLIMIT_AS)
and which is killed, with every converter it started, when the time is up. The parent only
waits, so a file that would take minutes or gigabytes costs the worker neither; the job
fails with a Vietnamese message and keeps nothing of the half-done work.

The child touches no database connection: what it needs from the database is read before
the fork, and what it finds comes back through a pipe.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings

from danvan.ingest import DocumentError

PR_SET_PDEATHSIG = 1
WATCH_EVERY_S = 0.1


class BudgetExceeded(Exception):
    """The work took more time or memory than allowed; `message` is one Vietnamese line."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def time_limit() -> float:
    return float(settings.DANVAN_JOB_TIME_LIMIT_S)


def memory_limit_bytes() -> int:
    return int(settings.DANVAN_JOB_MEMORY_MB) * 1024 * 1024


def _too_slow(seconds: float) -> str:
    return (
        f"Xử lý tệp vượt quá thời gian cho phép ({seconds:g} giây) nên đã dừng; tệp quá lớn "
        "hoặc bị hỏng. Hãy tách tệp thành các phần nhỏ hơn hoặc nhập số liệu trực tiếp."
    )


def _too_big(megabytes: int) -> str:
    return (
        f"Xử lý tệp cần nhiều bộ nhớ hơn mức cho phép ({megabytes} MB) nên đã dừng; tệp quá "
        "lớn hoặc bị hỏng. Hãy tách tệp thành các phần nhỏ hơn hoặc nhập số liệu trực tiếp."
    )


def _statm(pid: int | str = "self", field: int = 0) -> int:
    """From /proc/PID/statm (Linux), in bytes: field 0 the address space, 1 the resident set."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[field]) * resource.getpagesize()
    except (OSError, IndexError, ValueError):
        return 0


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when the worker that forked it dies."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _child(conn, work: Callable[..., Any], args: tuple, memory: int) -> None:
    os.setpgid(0, 0)  # its own process group: the parent ends it together with its converters
    _die_with_parent()
    if memory:
        # A backstop against a sudden huge allocation; the parent watches the resident memory.
        cap = _statm() + memory
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    conn.send(("start", _statm(field=1)))
    try:
        result = work(lambda step: conn.send(("step", step)), *args)
        conn.send(("ok", result))
    except MemoryError:
        conn.send(("memory", None))
    except DocumentError as exc:
        if isinstance(exc.__context__, MemoryError):  # the reader's own "too complex"
            conn.send(("memory", None))
        else:
            conn.send(("document", (exc.reason, exc.message)))
    except Exception as exc:  # noqa: BLE001 — reported to the parent, which raises it there
        conn.send(("error", f"{type(exc).__name__}: {exc}"[:500]))
    finally:
        conn.close()


def _end(process) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.join(5)


def run_bounded(
    work: Callable[..., Any],
    *args: Any,
    progress: Callable[[Any], None] | None = None,
    seconds: float | None = None,
    memory: int | None = None,
) -> Any:
    """`work(report, *args)` in a child process; `report(step)` there calls `progress(step)`
    here. Returns what `work` returned; raises its DocumentError, or BudgetExceeded."""
    seconds = time_limit() if seconds is None else seconds
    memory = memory_limit_bytes() if memory is None else memory
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, work, args, memory), daemon=True)
    process.start()
    sender.close()
    deadline = time.monotonic() + seconds
    resident_at_start = None
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BudgetExceeded(_too_slow(seconds))
            if not receiver.poll(min(remaining, WATCH_EVERY_S)):
                # The memory the work added (resident pages beyond those it started with).
                grown = _statm(process.pid, 1) - (resident_at_start or 0)
                if memory and resident_at_start is not None and grown > memory:
                    raise BudgetExceeded(_too_big(memory // (1024 * 1024)))
                continue
            try:
                kind, payload = receiver.recv()
            except (EOFError, OSError):
                # Killed from outside or by the kernel (out of memory); nothing came back.
                raise BudgetExceeded(_too_big(memory // (1024 * 1024))) from None
            except MemoryError:
                raise BudgetExceeded(_too_big(memory // (1024 * 1024))) from None
            if kind == "start":
                resident_at_start = payload
            elif kind == "step":
                if progress is not None:
                    progress(payload)
            elif kind == "ok":
                return payload
            elif kind == "memory":
                raise BudgetExceeded(_too_big(memory // (1024 * 1024)))
            elif kind == "document":
                raise DocumentError(*payload)
            else:
                raise RuntimeError(payload)
    finally:
        receiver.close()
        _end(process)
