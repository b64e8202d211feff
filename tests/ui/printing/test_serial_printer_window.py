"""The window with a serial ESC/POS printer out of paper (issue 18): the sale completes, the status
bar says "Printer out of paper: 1 receipt waiting", and the receipt prints once the roll is changed.

The printer is a pty pair opened by python-escpos's Serial and pyserial as a /dev/ttyUSB0 would be
(tests/support/fake_device_printers.py); its paper sensor answers DLE EOT 4.
"""

from __future__ import annotations

import sys

import pytest

from tests.support.fake_device_printers import FakeSerialPrinter
from tests.ui.conftest import running_app, wait_until
from tests.ui.printing.test_queued_printing import pay_one

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a pty pair is POSIX")


@pytest.fixture
def serial_printer():
    fake = FakeSerialPrinter().start()
    yield fake
    fake.close()


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_a_serial_printer_out_of_paper_shows_in_the_status_bar_and_prints_when_refilled(
    qtbot, tmp_path, token, serial_printer
):
    serial_printer.paper_out()
    async with running_app(qtbot, tmp_path, token, printer_name=serial_printer.url(timeout="2")) as w:
        assert w.print_queue is not None
        await pay_one(w)  # the sale completes whatever the printer says
        label = w.print_queue.view.label
        await wait_until(lambda: label.text() == "Printer out of paper: 1 receipt waiting", what="paper out shown")
        assert not label.isHidden() and b"TOTAL" not in serial_printer.printed
        assert await w.engine.receipts(unprinted=True) != []  # not marked printed: it is still queued
        queries = serial_printer.queries
        await wait_until(lambda: serial_printer.queries > queries + 1, what="two more tries (backoff)")
        assert label.text() == "Printer out of paper: 1 receipt waiting"  # each retry keeps saying why
        serial_printer.paper_out(False)
        await wait_until(lambda: label.isHidden(), what="the status bar cleared once the roll was changed")
        await wait_until(lambda: serial_printer.printed.count(b"TOTAL") == 1, what="the receipt, once")

        async def marked_printed() -> bool:
            return await w.engine.receipts(unprinted=True) == []

        await wait_until(marked_printed, what="the receipt marked printed once the printer took it")
