"""The window with an ESC/POS printer: receipts through the queue, the status bar, no stall on a hung printer."""

from __future__ import annotations

import time

import pytest
import pytest_asyncio
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStatusBar

from qrcashier.printing.status import PrinterStatus
from qrcashier.ui.printing.status import PrinterStatusView, status_sentence
from tests.support.fake_printer import FakePrinter
from tests.ui.conftest import control, running_app, wait_until
from tests.ui.sale.test_sale import COKE, scan

MAX_STALL_MS = 16.0


@pytest_asyncio.fixture
async def printer():
    fake = await FakePrinter().start()
    yield fake
    await fake.stop()


def test_the_status_bar_says_it_in_one_sentence(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    view = PrinterStatusView(bar)
    view.show(PrinterStatus("offline", 1, 1, "127.0.0.1:9100", "refused"))
    assert view.label.text() == "Printer offline: 1 receipt waiting" and not view.label.isHidden()
    assert status_sentence(PrinterStatus("paper_out", 3, 2)) == "Printer out of paper: 3 print jobs waiting"
    assert status_sentence(PrinterStatus("offline", 2, 2)) == "Printer offline: 2 receipts waiting"
    view.show(PrinterStatus("idle", 0, 0))
    assert view.label.isHidden()


@pytest.mark.parametrize(("language", "low", "printing"), [
    ("en", "Printer paper running low: change the roll soon", "Printing: 2 receipts waiting (paper running low)"),
    ("es", "Queda poco papel en la impresora: cambie el rollo pronto",
     "Imprimiendo: 2 comprobantes en espera (queda poco papel)"),
    ("pt_BR", "O papel da impressora está acabando: troque a bobina em breve",
     "Imprimindo: 2 cupons aguardando (papel acabando)"),
])
def test_the_status_bar_says_the_paper_is_running_low_in_the_cashiers_language(qtbot, qapp, language, low, printing):
    from qrcashier.ui.shell import i18n

    i18n.install(qapp, language)
    try:
        bar = QStatusBar()
        qtbot.addWidget(bar)
        view = PrinterStatusView(bar)
        view.show(PrinterStatus("idle", 0, 0, "127.0.0.1:9100", paper_low=True))  # all printed, the roll nearly out
        assert view.label.text() == low and not view.label.isHidden()
        view.show(PrinterStatus("printing", 2, 2, "127.0.0.1:9100", paper_low=True))
        assert view.label.text() == printing
        view.show(PrinterStatus("idle", 0, 0, "127.0.0.1:9100"))  # a new roll
        assert view.label.isHidden()
    finally:
        i18n.uninstall(qapp)


async def pay_one(w) -> None:
    scan(w.item_field, COKE)
    await w.charge()
    await wait_until(lambda: w.panel_state() == "waiting", what="the order on the QR")
    await control(w, "POST", "scan")
    await control(w, "POST", "pay", {"status": "approved"})
    await wait_until(lambda: w.panel_state() == "paid" and w.last_receipt is not None, what="paid + receipt")


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_receipts_go_through_the_queue_and_the_window_never_stalls_on_a_hung_printer(
    qtbot, tmp_path, token, printer
):
    async with running_app(qtbot, tmp_path, token, printer_name=printer.url + "?timeout=1") as w:
        assert w.print_queue is not None
        await pay_one(w)
        await wait_until(lambda: len(printer.jobs) == 1, what="the receipt at the printer")
        assert b"TOTAL" in printer.jobs[0]
        async def marked_printed() -> bool:
            return await w.engine.receipts(unprinted=True) == []

        await wait_until(marked_printed, what="the receipt marked printed once the printer took it")

        printer.stall = True  # the printer hangs: the cashier goes on, the window keeps painting
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()
        try:
            await w.reprint((await w.engine.receipts())[0].attempt_id)  # a COPY to the hung printer
            await wait_until(lambda: w.print_queue.queue.status.state == "offline", what="the hang noticed")
        finally:
            timer.stop()
        assert gaps and max(gaps) < MAX_STALL_MS, f"the Qt thread stalled {max(gaps):.1f} ms"
        label = w.print_queue.view.label
        assert label.text() == "Printer offline: 1 receipt waiting" and not label.isHidden()
        printer.stall = False
        await wait_until(lambda: len(printer.jobs) == 2, what="the copy once the printer is back")
        assert b"COPIA" in printer.jobs[1] or b"COPY" in printer.jobs[1]
        await wait_until(lambda: label.isHidden(), what="the status bar cleared")
