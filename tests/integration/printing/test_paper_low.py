"""The paper near-end sensor (DLE EOT 4 bits 2-3) on network, serial and USB ESC/POS printers:
the job prints, the status bar says the paper is running low; out of paper still holds the job;
a new roll clears the warning.

Network: the loopback fake printer; serial: a pty pair under python-escpos's `Serial`; USB:
python-escpos's `Usb` on a fake pyusb device (tests/support).
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
import pytest_asyncio

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import Receipt, ReceiptLine
from qrcashier.printing.backends import ThreadBackend
from qrcashier.printing.queue import Backoff, PrintQueue
from qrcashier.printing.urls import parse_printer_url
from tests.support.fake_device_printers import FakeSerialPrinter, FakeUsbDevice, usb_channel
from tests.support.fake_printer import FakePrinter
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio
FAST = Backoff(first=0.05, factor=2.0, most=0.2)
LOW = "Printer paper running low: change the roll soon"


def receipt(number: int) -> Receipt:
    return Receipt(
        store_name="Almacén Ñandú", register_name="Caja 1", sale_number=number,
        lines=[ReceiptLine("Café con leche", Decimal(1), Decimal("1500"), Decimal("1500"))], total=Decimal("1500"),
        site=SITES["MLA"], paid_at=datetime(2026, 9, 1, 17, 3, tzinfo=UTC), payment_ids=["111"],
    )


@dataclass
class Printer:
    url: str
    fake: Any  # paper_low(), paper_out()
    printed: Callable[[], bytes]
    backend: Any = None


@pytest_asyncio.fixture(params=["tcp", "serial", "usb"])
async def printer(request) -> AsyncIterator[Printer]:
    if request.param == "tcp":
        fake = await FakePrinter().start()
        try:
            yield Printer(fake.url, fake, lambda: b"".join(fake.jobs))
        finally:
            await fake.stop()
    elif request.param == "serial":
        if sys.platform == "win32":
            pytest.skip("a pty pair is POSIX")
        fake = FakeSerialPrinter().start()
        try:
            yield Printer(fake.url(), fake, lambda: fake.printed)
        finally:
            fake.close()
    else:
        fake = FakeUsbDevice()
        url = "escpos+usb://04b8:0202?timeout=5"
        backend = ThreadBackend(parse_printer_url(url), open_channel=usb_channel(fake))
        yield Printer(url, fake, lambda: fake.printed, backend)


async def test_paper_near_end_prints_and_says_low_until_a_new_roll(tmp_path, printer):
    from qrcashier.ui.printing.status import status_sentence

    statuses = []
    queue = PrintQueue(tmp_path / "journal.sqlite3", parse_printer_url(printer.url), backoff=FAST,
                       backend=printer.backend, on_status=statuses.append)
    await queue.start()
    try:
        printer.fake.paper_low()
        first = await queue.submit_receipt(receipt(1), receipt_id=1)
        assert await queue.wait_idle(10)
        await wait_until(lambda: printer.printed() == first.data, what="the receipt printed on a low roll")
        assert [j.status for j in await queue.jobs()] == ["done"]  # near end is not a failure: it printed
        assert queue.status.state == "idle" and queue.status.paper_low
        assert status_sentence(queue.status) == LOW and queue.status.sentence() == LOW
        assert statuses[-1].paper_low

        printer.fake.paper_out()  # the low roll ran out: the job waits, and the bar says out, not low
        second = await queue.submit_receipt(receipt(2), receipt_id=2)
        await wait_until(lambda: queue.status.state == "paper_out", what="paper out")
        assert not queue.status.paper_low
        assert status_sentence(queue.status) == "Printer out of paper: 1 receipt waiting"

        printer.fake.paper_low(False)  # a new roll: it prints the held job once, and the warning is gone
        await wait_until(lambda: queue.status.waiting == 0 and queue.status.state == "idle", what="printed")
        await wait_until(lambda: printer.printed() == first.data + second.data, what="the held receipt, once")
        assert not queue.status.paper_low and status_sentence(queue.status) == ""
    finally:
        await queue.close()


async def test_a_printer_that_stops_answering_keeps_the_last_paper_it_reported(tmp_path):
    fake = await FakePrinter().start()
    queue = PrintQueue(tmp_path / "journal.sqlite3", parse_printer_url(fake.url), backoff=FAST)
    await queue.start()
    try:
        fake.paper_low()
        await queue.submit_receipt(receipt(1), receipt_id=1)
        assert await queue.wait_idle(10) and queue.status.paper_low
        queue.backend.answers_status = False  # as after a silent answer: no status with the next job
        await queue.submit_receipt(receipt(2), receipt_id=2)
        assert await queue.wait_idle(10)
        await wait_until(lambda: len(fake.jobs) == 2, what="both receipts")
        assert queue.status.paper_low  # no answer is "unknown": the roll has not been changed for all we know
    finally:
        await queue.close()
        await fake.stop()
