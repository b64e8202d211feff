"""Start-up time to the first painted main window, and memory after a sale.

    python benchmarks/startup.py

Each figure is a ratio to a bare PySide6 window started the same way in the same run:
a new Python process, QApplication, `asyncio.Runner(loop_factory=qasync.QEventLoop)`,
one QMainWindow shown, until its first paint event. The app is started through its real
start-up path (`qrcashier.ui.shell.app`: logging, exception hook, async main, --sandbox) in a
new process too, timed until the main window's first paint; it then runs one whole sale
on the sandbox and reports its resident memory. Processes alternate (bare, app, bare,
app...) after one warm-up pair that is not counted (so both find the files in the
page cache); the medians are printed. Offscreen platform unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]


def rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def report(**values) -> None:
    print("RESULT " + json.dumps(values), flush=True)


# --- children -----------------------------------------------------------------------------------

def child_bare() -> None:
    import asyncio

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    import qasync

    painted: dict[str, float] = {}

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and "t" not in painted:
                painted["t"] = time.monotonic()
            return False

    async def main() -> None:
        window = QMainWindow()
        window.setCentralWidget(QLabel("bare"))
        window.resize(1280, 760)
        watch = PaintWatch()
        window.installEventFilter(watch)
        window.centralWidget().installEventFilter(watch)
        window.show()
        while "t" not in painted:
            await asyncio.sleep(0.001)
        await asyncio.sleep(0.2)
        report(painted=painted["t"], rss_mb=rss_mb())
        window.close()

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main())


def child_app(data_dir: str) -> None:
    import asyncio
    from argparse import Namespace

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from qrcashier.ui.shell import app as app_module

    app = app_module.make_application()
    folder = app_module.data_dir(data_dir)
    app_module.setup_logging(folder)
    app_module.install_qt_message_handler()
    hook = app_module.ExceptionHook()
    hook.install()
    import qasync

    painted: dict[str, float] = {}

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if "t" not in painted and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
                if type(obj.window()).__name__ == "MainWindow":
                    painted["t"] = time.monotonic()
            return False

    watch = PaintWatch()
    app.installEventFilter(watch)
    args = Namespace(data_dir=data_dir, sandbox=True, printer=None, import_catalog=None,
                     order_expiry=None, fullscreen_customer=False)

    async def drive() -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        ready = asyncio.get_running_loop().create_future()
        main = asyncio.ensure_future(app_module.async_main(args, ready=ready))
        window = await ready
        while "t" not in painted:
            await asyncio.sleep(0.001)
        first_paint = painted["t"]
        app.removeEventFilter(watch)
        async with asyncio.timeout(20):
            while window.engine is None or not window.engine.ready:
                await asyncio.sleep(0.01)
            engine_ready = time.monotonic()
            QTest.keyClicks(window.item_field, "7790895000102")
            QTest.keyClick(window.item_field, Qt.Key.Key_Return)
            window.charge()
            while window.panel_state() != "waiting":
                await asyncio.sleep(0.01)
            pos = window.services.options.pos_external_id
            await window.services.sandbox_control("POST", f"/sandbox/pos/{pos}/scan")
            await window.services.sandbox_control("POST", f"/sandbox/pos/{pos}/pay", {"status": "approved"})
            while window.panel_state() != "paid" or window.last_receipt is None:
                await asyncio.sleep(0.01)
        await asyncio.sleep(0.3)
        report(painted=first_paint, ready=engine_ready, rss_mb=rss_mb())
        window.close()  # closeEvent -> quit event -> clean shutdown
        await main

    from qrcashier.ui.shell.gc_guard import collect_on_qt_thread

    with collect_on_qt_thread(), asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(drive())
    hook.uninstall()
    app_module.close_logging()


# --- parent -------------------------------------------------------------------------------------

def run_child(kind: str) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["QT_API"] = "pyside6"
    env["PYTHONPATH"] = str(ROOT / "app") + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, str(HERE), "--child", kind, tmp]
        started = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"{kind} child failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr[-3000:]}")
    result = json.loads(lines[-1][len("RESULT "):])
    result["first_paint_ms"] = (result["painted"] - started) * 1000
    if "ready" in result:
        result["ready_ms"] = (result["ready"] - started) * 1000
    return result


def main() -> None:
    run_child("bare"), run_child("app")  # warm-up pair, not counted
    bare, app = [], []
    for _ in range(RUNS):
        bare.append(run_child("bare"))
        app.append(run_child("app"))

    def med(rows, key):
        return statistics.median(r[key] for r in rows)

    bare_paint, app_paint = med(bare, "first_paint_ms"), med(app, "first_paint_ms")
    bare_rss, app_rss = med(bare, "rss_mb"), med(app, "rss_mb")
    print(f"startup_bare_first_paint: {bare_paint:.0f} ms  # baseline: bare PySide6 window, same run, median of {RUNS}")
    print(f"startup_app_first_paint: {app_paint:.0f} ms")
    print(f"startup_first_paint_vs_bare: {app_paint / bare_paint:.2f} x")
    print(f"startup_app_ready_to_charge: {med(app, 'ready_ms'):.0f} ms  # sandbox, provisioning, journal, reconcile")
    print(f"startup_app_ready_vs_bare: {med(app, 'ready_ms') / bare_paint:.2f} x")
    print(f"memory_bare_window: {bare_rss:.1f} MB  # baseline: bare PySide6 window, resident")
    print(f"memory_app_after_sale: {app_rss:.1f} MB  # with the in-process sandbox")
    print(f"memory_after_sale_vs_bare: {app_rss / bare_rss:.2f} x")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        if sys.argv[2] == "bare":
            child_bare()
        else:
            child_app(sys.argv[3])
    else:
        main()
