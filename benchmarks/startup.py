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

The app runs twice per round: with the sandbox inside its process (`--sandbox` as the demo
runs) and, as a real register runs, against a standalone sandbox (`qrcashier-sandbox`, its
own process on loopback, started once by this script): the app's `--sandbox` path is kept
and only the in-process server is swapped for the standalone one's address, so neither the
sandbox's code nor its state is in the register's memory; and, as in the built executable,
the developer tools httpx's optional command line would load are absent. That register then
starts a second time on the same data folder (`startup_register_restart_*`), as a register
starts every morning: its catalog, journal, store and POS already there.

Every process runs from bytecode (bytecode.py: compiled once into a cache of the
benchmark's own, as pip or the built executable leave an installed register), not by
compiling the sources on each start as a PYTHONDONTWRITEBYTECODE=1 source tree would.

On a loaded machine each time also holds the main thread's waits for a CPU while other
processes ran (cpu_wait.py, from Linux's per-thread schedstat). The `_own` lines subtract
that wait, in the app and in the bare window alike: the start-up's own length. Both print.
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

from bytecode import child_env, use_bytecode
from cpu_wait import thread_wait_ms

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
                painted["t"], painted["wait"] = time.monotonic(), thread_wait_ms()
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
        report(painted=painted["t"], painted_wait=painted["wait"], rss_mb=rss_mb())
        window.close()

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main())


class StandaloneSandbox:
    """Stands in for qrcashier.sandbox.server in the app's process: `start` returns the
    standalone sandbox (its URL in QRC_BENCH_SANDBOX_URL) instead of serving one here."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    @classmethod
    async def start(cls, *args, **kwargs) -> StandaloneSandbox:
        return cls(os.environ["QRC_BENCH_SANDBOX_URL"])

    async def close(self) -> None:
        pass


def use_standalone_sandbox() -> None:
    import types

    module = types.ModuleType("qrcashier.sandbox.server")
    module.SandboxServer = StandaloneSandbox
    sys.modules["qrcashier.sandbox.server"] = module


def child_app(data_dir: str) -> None:
    import asyncio

    if os.environ.get("QRC_BENCH_SANDBOX_URL"):
        use_standalone_sandbox()
        # As in the built executable, whose spec excludes them (packaging/bundle.py): httpx's
        # optional command line would otherwise load click, rich and pygments (about 6 MB).
        for name in ("click", "rich", "pygments"):
            sys.modules[name] = None  # type: ignore[assignment]
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
                    painted["t"], painted["wait"] = time.monotonic(), thread_wait_ms()
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
            engine_ready, ready_wait = time.monotonic(), thread_wait_ms()
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
        report(painted=first_paint, painted_wait=painted["wait"], ready=engine_ready, ready_wait=ready_wait,
               rss_mb=rss_mb())
        window.close()  # closeEvent -> quit event -> clean shutdown
        await main

    from qrcashier.ui.shell.gc_guard import collect_on_qt_thread

    with collect_on_qt_thread(), asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(drive())
    hook.uninstall()
    app_module.close_logging()


# --- parent -------------------------------------------------------------------------------------

def run_child(kind: str, sandbox_url: str | None = None, data_dir: str | None = None) -> dict:
    env = child_env(os.environ)
    if sandbox_url:
        env["QRC_BENCH_SANDBOX_URL"] = sandbox_url
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["QT_API"] = "pyside6"
    env["PYTHONPATH"] = str(ROOT / "app") + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, str(HERE), "--child", kind, data_dir or tmp]
        started = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"{kind} child failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr[-3000:]}")
    result = json.loads(lines[-1][len("RESULT "):])
    result["first_paint_ms"] = (result["painted"] - started) * 1000
    result["first_paint_own_ms"] = result["first_paint_ms"] - result["painted_wait"]
    if "ready" in result:
        result["ready_ms"] = (result["ready"] - started) * 1000
        result["ready_own_ms"] = result["ready_ms"] - result["ready_wait"]
    return result


def standalone_sandbox() -> tuple[subprocess.Popen, str]:
    """`qrcashier-sandbox` on a free loopback port; returns the process and its URL."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "app") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-m", "qrcashier.sandbox.cli", "--port", str(port), "--quiet"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:  # the sandbox answers once it listens
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the standalone sandbox did not start") from None
            time.sleep(0.05)  # noqa: ASYNC251 - the parent is plain synchronous code


def main() -> None:
    use_bytecode()
    sandbox, url = standalone_sandbox()
    try:
        run_child("bare"), run_child("app"), run_child("app", url)  # warm-up, not counted
        bare, app, real, restart = [], [], [], []
        for _ in range(RUNS):
            bare.append(run_child("bare"))
            app.append(run_child("app"))
            with tempfile.TemporaryDirectory() as folder:
                real.append(run_child("app", url, folder))
                restart.append(run_child("app", url, folder))  # the same register's next start
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=10)

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
    real_paint, real_ready, real_rss = med(real, "first_paint_ms"), med(real, "ready_ms"), med(real, "rss_mb")
    print(f"startup_register_first_paint: {real_paint:.0f} ms  # standalone sandbox, as a real register runs")
    print(f"startup_register_first_paint_vs_bare: {real_paint / bare_paint:.2f} x")
    print(f"startup_register_ready_to_charge: {real_ready:.0f} ms")
    print(f"startup_register_ready_vs_bare: {real_ready / bare_paint:.2f} x")
    print(f"memory_register_after_sale: {real_rss:.1f} MB  # standalone sandbox: not in this process")
    print(f"memory_register_after_sale_vs_bare: {real_rss / bare_rss:.2f} x")
    again_paint, again_ready = med(restart, "first_paint_ms"), med(restart, "ready_ms")
    again_rss = med(restart, "rss_mb")
    print(f"startup_register_restart_first_paint: {again_paint:.0f} ms  # the same register started again, same folder")
    print(f"startup_register_restart_first_paint_vs_bare: {again_paint / bare_paint:.2f} x")
    print(f"startup_register_restart_ready_to_charge: {again_ready:.0f} ms")
    print(f"startup_register_restart_ready_vs_bare: {again_ready / bare_paint:.2f} x")
    print(f"memory_register_restart_after_sale_vs_bare: {again_rss / bare_rss:.2f} x")
    own = med(bare, "first_paint_own_ms")
    print(f"startup_bare_first_paint_own: {own:.0f} ms  # less the main thread's wait for a CPU (machine load)")
    for label, rows in (("app", app), ("register", real), ("register_restart", restart)):
        paint, ready = med(rows, "first_paint_own_ms"), med(rows, "ready_own_ms")
        print(f"startup_{label}_first_paint_own: {paint:.0f} ms")
        print(f"startup_{label}_first_paint_own_vs_bare_own: {paint / own:.2f} x")
        print(f"startup_{label}_ready_own: {ready:.0f} ms")
        print(f"startup_{label}_ready_own_vs_bare_own: {ready / own:.2f} x")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        if sys.argv[2] == "bare":
            child_bare()
        else:
            child_app(sys.argv[3])
    else:
        main()
