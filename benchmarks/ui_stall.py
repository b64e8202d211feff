"""How long the window can go without processing events during a sale.

    python benchmarks/ui_stall.py

A 1 ms Qt timer ticks on the qasync loop while the real main window runs whole sales
against the in-process sandbox (a scanner burst, Charge, the customer scans and pays,
the receipt shows). The largest gap between two ticks is how long the window was
frozen. Five app sessions (the worst of five is reported), each measuring:

- first_sale: the first sale after start-up (first paint of the charge screens);
- sale: a later sale, as most of a shift is;
- hang: a sale during which the sandbox holds Mercado Pago's replies past the
  client's read timeout (2.5 s latency against a 1 s timeout): the engine times out,
  backs off and retries, and the window must not notice.

The baseline, in the same run: the same window idle (what the platform, the in-process
sandbox and the timer themselves cost). Note that the sandbox runs on the same loop
here, so its request handling counts against the window too.

Each figure prints as `name: value unit`, with its ratio to the idle baseline and to
the 16 ms frame budget (DESIGN.md: no stall over one frame).

On a loaded machine a gap also holds the time the Qt thread was ready to run but waited for
a CPU while other processes ran (cpu_wait.py reads it from Linux's per-thread schedstat).
The `_own_` figures subtract that wait from each gap: what the app itself held the window
for (its own work, a blocking call, the GIL held by another of its threads). Both print.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))
from bytecode import use_bytecode  # noqa: E402

use_bytecode()  # as an installed register: a module first imported during a sale is not compiled there

import httpx  # noqa: E402
from cpu_wait import CpuWait  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

FRAME_MS = 16.0
SESSIONS = 5
BARCODE = "7790895000102"


class TickMonitor:
    """Records the gaps between ticks of a 1 ms precise timer."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self.own: list[float] = []  # each gap less the Qt thread's wait for a CPU in it
        self.cpu_wait = CpuWait()
        self._last: float | None = None
        self._last_wait = 0.0

    def _tick(self) -> None:
        now, waited = time.perf_counter(), self.cpu_wait.ms()
        if self._last is not None:
            gap = (now - self._last) * 1000
            self.gaps.append(gap)
            self.own.append(max(gap - (waited - self._last_wait), 0.0))
        self._last, self._last_wait = now, waited

    def start(self) -> None:
        self.gaps.clear()
        self.own.clear()
        self._last = None
        self.timer.start()

    def stop(self) -> tuple[float, float, float]:
        """(worst gap, p99 gap, worst own gap), in ms."""
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        p99 = gaps[int(len(gaps) * 0.99) - 1] if len(gaps) > 100 else gaps[-1]
        return gaps[-1], p99, max(self.own, default=0.0)


async def wait_for(predicate, timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.005)


async def one_sale(window, services, monitor: TickMonitor, *, hang: bool) -> tuple[float, float, float, float]:
    """Barcode to receipt on an open window; returns (max gap, p99 gap, seconds, max own gap)."""
    pos = services.options.pos_external_id
    if window.panel_state() == "paid":
        window.clear_cart()
    await asyncio.sleep(0.3)
    shown = window.receipts_shown
    monitor.start()
    started = time.perf_counter()
    QTest.keyClicks(window.cart_view, BARCODE)  # a scanner burst, focus elsewhere
    QTest.keyClick(window.cart_view, Qt.Key.Key_Return)
    QTest.keyClicks(window.item_field, "3*" + BARCODE)
    QTest.keyClick(window.item_field, Qt.Key.Key_Return)
    if hang:
        # Mercado Pago holds the replies past the client's 1 s timeout, three times over.
        await services.sandbox_control("PUT", "/sandbox/faults", [
            {"path": "/merchant_orders/search", "method": "GET", "kind": "latency", "seconds": 2.5, "times": 3},
        ])
    window.charge()
    await wait_for(lambda: window.panel_state() == "waiting")
    await services.sandbox_control("POST", f"/sandbox/pos/{pos}/scan")
    await asyncio.sleep(0.3)
    await services.sandbox_control("POST", f"/sandbox/pos/{pos}/pay", {"status": "approved"})
    await wait_for(lambda: window.panel_state() == "paid" and window.receipts_shown > shown, timeout=30)
    await asyncio.sleep(0.2)  # the paint that follows
    elapsed = time.perf_counter() - started
    worst, p99, own = monitor.stop()
    return worst, p99, elapsed, own


async def session(data_dir: Path, monitor: TickMonitor) -> dict[str, tuple[float, float, float, float]]:
    """Start the app, then: the first sale after start-up, a later sale, a sale through a hang."""
    from qrcashier.checkout.config import PollPolicy
    from qrcashier.services import Options, Services
    from qrcashier.ui.shell import errors
    from qrcashier.ui.shell.main_window import MainWindow

    errors.set_dialogs_enabled(False)
    opts = Options(data_dir=data_dir, sandbox=True, poll=PollPolicy(interval=0.25, tick=0.5, max_backoff=1.0))
    opts.http_timeout = httpx.Timeout(1.0, connect=1.0)
    services = Services(opts)
    services.open_local()
    window = MainWindow(services, on_quit=lambda: None)
    window.show_all()
    await window.start()
    try:
        return {
            "first_sale": await one_sale(window, services, monitor, hang=False),
            "sale": await one_sale(window, services, monitor, hang=False),
            "hang": await one_sale(window, services, monitor, hang=True),
        }
    finally:
        monitor.timer.stop()
        await window.shutdown()
        await services.close()


async def run_idle(seconds: float, monitor: TickMonitor) -> tuple[float, float, float]:
    from qrcashier.services import Options, Services
    from qrcashier.ui.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        services = Services(Options(data_dir=Path(tmp), sandbox=True))
        services.open_local()
        window = MainWindow(services, on_quit=lambda: None)
        window.show_all()
        await window.start()
        try:
            await asyncio.sleep(0.3)
            monitor.start()
            await asyncio.sleep(seconds)
            return monitor.stop()
        finally:
            await window.shutdown()
            await services.close()


async def main() -> None:
    monitor = TickMonitor()
    runs: dict[str, list[tuple[float, float, float, float]]] = {"first_sale": [], "sale": [], "hang": []}
    for _ in range(SESSIONS):
        with tempfile.TemporaryDirectory() as tmp:
            for name, result in (await session(Path(tmp), monitor)).items():
                runs[name].append(result)
    idle_seconds = statistics.mean(r[2] for r in runs["sale"] + runs["hang"])
    idle_worst, idle_p99, idle_own = await run_idle(min(idle_seconds * 2, 6.0), monitor)
    base, own_base = max(idle_worst, 0.001), max(idle_own, 0.001)
    print(f"ui_stall_idle_max_gap: {idle_worst:.1f} ms  # baseline: the same window, idle, same run")
    print(f"ui_stall_idle_p99_gap: {idle_p99:.2f} ms")
    note = "" if monitor.cpu_wait.available else "  # no per-thread schedstat here: same as the gap"
    print(f"ui_stall_idle_own_max_gap: {idle_own:.1f} ms  # less the wait for a CPU{note}")
    labels = {
        "first_sale": "the first sale after start-up",
        "sale": "a later sale",
        "hang": "a sale with replies held 2.5 s past a 1 s timeout",
    }
    for name, label in labels.items():
        results = sorted(runs[name])
        worst, p99, elapsed, _ = results[-1]
        print(f"ui_stall_{name}_max_gap: {worst:.1f} ms  # worst of {len(results)} ({label}, {elapsed:.1f} s)")
        print(f"ui_stall_{name}_max_gap_median: {results[len(results) // 2][0]:.1f} ms")
        print(f"ui_stall_{name}_p99_gap: {max(r[1] for r in results):.2f} ms")
        print(f"ui_stall_{name}_vs_idle: {worst / base:.2f} x")
        print(f"ui_stall_{name}_vs_frame: {worst / FRAME_MS:.2f} x")
        owns = sorted(r[3] for r in results)
        print(f"ui_stall_{name}_own_max_gap: {owns[-1]:.1f} ms  # worst of {len(owns)}, less the wait for a CPU")
        print(f"ui_stall_{name}_own_max_gap_median: {owns[len(owns) // 2]:.1f} ms")
        print(f"ui_stall_{name}_own_vs_idle_own: {owns[-1] / own_base:.2f} x")
        print(f"ui_stall_{name}_own_vs_frame: {owns[-1] / FRAME_MS:.2f} x")


if __name__ == "__main__":
    import qasync

    from qrcashier.ui.shell.app import make_application
    from qrcashier.ui.shell.gc_guard import collect_on_qt_thread

    app = make_application()
    # As the app runs: cycles collected by a timer on the Qt thread, so they count here.
    with collect_on_qt_thread(), asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main())
