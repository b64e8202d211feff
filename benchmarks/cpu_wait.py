"""How long this thread waited for a CPU: the part of a gap the machine's load made, not the app.

On a shared machine a runnable thread can wait tens of milliseconds for a core while other
processes run. Linux counts that wait per thread (`/proc/thread-self/schedstat`: time on a
CPU, time runnable but waiting for one, timeslices). The benchmarks subtract it from a
measured gap or start-up time to give the app's own figure beside the wall-clock one. A
thread that sleeps (in a syscall, on a lock, on the GIL) is not waiting for a CPU, so that
time stays in the app's figure. Elsewhere (no such file) the wait reads as 0.
"""

from __future__ import annotations

import os

_PATH = "/proc/thread-self/schedstat"


class CpuWait:
    """Reads the calling thread's run-queue wait, in milliseconds (cheap enough for a 1 ms tick)."""

    def __init__(self) -> None:
        try:
            self._fd: int | None = os.open(_PATH, os.O_RDONLY)
        except OSError:
            self._fd = None

    @property
    def available(self) -> bool:
        return self._fd is not None

    def ms(self) -> float:
        if self._fd is None:
            return 0.0
        fields = os.pread(self._fd, 128, 0).split()
        return int(fields[1]) / 1e6

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def thread_wait_ms() -> float:
    """The calling thread's total run-queue wait since it started (ms; 0 where unknown)."""
    try:
        with open(_PATH, "rb") as f:
            return int(f.read().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return 0.0
