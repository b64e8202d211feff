"""Qt for the ui tests: the qasync loop for `qt_async` tests, cycle collection on the Qt thread,
and helpers for driving the real main window against the real sandbox on loopback."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta

import pytest

from qrcashier.checkout.config import PollPolicy
from qrcashier.ui.shell.gc_guard import collect_due
from tests.support.waiting import wait_until as _wait_until

FAST_POLL = PollPolicy(interval=0.1, idle_interval=0.2, tick=0.2, max_backoff=0.5, expiry_grace=0.2)


def pytest_asyncio_loop_factories(config, item):
    """`@pytest.mark.qt_async` tests run on a qasync QEventLoop: the Qt loop really runs.

    Plain asyncio tests keep a plain loop. A respx-only test of an async slot can
    pass on a loop that is set but not running (qt-notes §0.2); these cannot.
    """
    if item.get_closest_marker("qt_async"):
        import qasync
        from PySide6.QtWidgets import QApplication

        def make_loop():
            app = QApplication.instance() or QApplication([])
            return qasync.QEventLoop(app)

        return {"qasync": make_loop}
    return {"asyncio": asyncio.new_event_loop}


@pytest.fixture(autouse=True)
def _collect_cycles_on_the_qt_thread():
    """The app's own collector (gc_guard.collect_due), on the Qt thread, after each ui test."""
    yield
    collect_due()


async def wait_until(predicate, timeout: float = 8.0, what: str = "the condition") -> None:
    await _wait_until(predicate, timeout, what)


@contextlib.asynccontextmanager
async def running_app(qtbot, data_dir, token: str, *, expiry: float | None = None, **options):
    """The app as `qrcashier --sandbox` builds it (services + main + customer windows), torn down after."""
    from PySide6.QtWidgets import QApplication

    from qrcashier.services import Options, Services
    from qrcashier.ui.shell import errors
    from qrcashier.ui.shell.main_window import MainWindow

    # As the app itself does: closing windows never quits Qt under the running loop (qt-notes §2.2).
    QApplication.instance().setQuitOnLastWindowClosed(False)
    opts = Options(data_dir=data_dir, sandbox=True, token=token, poll=FAST_POLL, **options)
    if expiry is not None:
        opts.order_expiry = timedelta(seconds=expiry)
    services = Services(opts)
    window = None
    errors.set_dialogs_enabled(True)
    try:
        services.open_local()
        window = MainWindow(services, on_quit=lambda: None)
        qtbot.addWidget(window)
        window.show_all()
        await window.start()
        yield window
    finally:
        if window is not None:
            await window.shutdown()
        await services.close()


async def control(window, method: str, action: str, body=None):
    """The sandbox's customer side for this register: scan, pay, expire."""
    pos = window.services.options.pos_external_id
    return await window.services.sandbox_control(method, f"/sandbox/pos/{pos}/{action}", body)


@pytest.fixture
def put_log():
    """Record the app's own requests (method, path) through an httpx event hook."""
    seen: list[tuple[str, str]] = []

    def attach(window) -> list[tuple[str, str]]:
        async def hook(request):
            seen.append((request.method, request.url.path))

        window.services.http.event_hooks["request"].append(hook)
        return seen

    return attach
