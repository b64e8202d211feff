"""The real main window on the embedded sandbox for a screenshot script (not a test):

    async with shot_window(options) as window:     # 1366 x 768, started
        ...; window.grab().save(...)
    # shut down, services closed, the window and the customer window hidden

`customer=(1280, 720)` also sizes the customer window before the start.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

WIDTH, HEIGHT = 1366, 768  # the smallest counter screen the layout is made for


@asynccontextmanager
async def shot_window(options: Any, *, customer: tuple[int, int] | None = None) -> AsyncIterator[Any]:
    from qrcashier.services import Services
    from qrcashier.ui.shell.main_window import MainWindow

    services = Services(options)
    services.open_local()
    window = MainWindow(services, on_quit=lambda: None)
    window.show_all()
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    if customer is not None:
        window.customer.setGeometry(0, 0, *customer)
    await window.start()
    try:
        yield window
    finally:
        await window.shutdown()
        await services.close()
        window.customer.hide()
        window.hide()
