"""Reference cycles die on the Qt thread: a worker thread's allocations never collect them."""

from __future__ import annotations

import gc
import threading

from qrcashier.ui.shell.gc_guard import collect_due, collect_on_qt_thread


class Cycle:
    """Records, when collected, whether that happened on the main (Qt) thread."""

    def __init__(self, deaths: list[bool]) -> None:
        self.deaths = deaths
        self.me = self

    def __del__(self) -> None:
        self.deaths.append(threading.current_thread() is threading.main_thread())


def allocate_containers(n: int) -> list[list]:
    return [[] for _ in range(n)]  # each list counts toward generation 0's threshold


def test_a_worker_threads_allocations_do_not_collect_and_the_timer_does(qtbot):
    deaths: list[bool] = []
    gc.enable()  # the suite runs with automatic collection off (conftest); start as the app does
    try:
        gc.collect()
        with collect_on_qt_thread(interval_ms=10):
            assert not gc.isenabled()
            Cycle(deaths)  # garbage at once, but only the cycle collector can free it
            kept: list = []
            worker = threading.Thread(target=lambda: kept.append(allocate_containers(20 * gc.get_threshold()[0])))
            worker.start()
            worker.join()
            assert deaths == []  # with automatic collection on, the worker would have run it
            qtbot.waitUntil(lambda: bool(deaths), timeout=3000)
        assert deaths == [True]
        assert gc.isenabled()  # restored on the way out
    finally:
        gc.disable()


def test_collect_due_picks_the_oldest_generation_past_its_threshold():
    gc.collect()
    assert collect_due() is None  # nothing allocated since: nothing due
    kept = allocate_containers(2 * gc.get_threshold()[0])
    assert collect_due() == 0
    assert gc.get_count()[0] < gc.get_threshold()[0]
    del kept
