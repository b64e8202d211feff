"""Python's cycle collector runs on the Qt thread only.

CPython collects reference cycles in whichever thread happens to allocate past the
threshold. In this app that can be the journal's worker, a keyring or PIN executor thread,
or an httpx/aiohttp helper: if the cycle holds a widget, a dialog or qasync's own
notifier, Qt destroys it on that thread ("QObject::~QObject: Timers cannot be stopped
from another thread") or crashes. So while the Qt loop runs, automatic collection is off
and a timer on the Qt thread collects instead, by CPython's own thresholds: a young
generation is cheap (well under a frame) and the oldest is reached only after many
younger ones, as automatic collection would.

    with collect_on_qt_thread():
        runner.run(async_main(args))
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from PySide6.QtCore import QTimer

INTERVAL_MS = 500


def collect_due() -> int | None:
    """Collect the oldest generation whose count is past its threshold; return it (or None)."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    due = None
    for generation in range(3):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            due = generation
    if due is not None:
        gc.collect(due)
    return due


@contextlib.contextmanager
def collect_on_qt_thread(interval_ms: int = INTERVAL_MS) -> Iterator[QTimer]:
    """Switch automatic collection off and collect from a QTimer instead; restore on exit.
    Call it on the Qt thread, with a QCoreApplication alive."""
    was_enabled = gc.isenabled()
    timer = QTimer()
    timer.setInterval(interval_ms)
    timer.timeout.connect(collect_due)
    gc.disable()
    timer.start()
    try:
        yield timer
    finally:
        timer.stop()
        gc.collect()  # on this thread, while Qt is still up
        if was_enabled:
            gc.enable()
