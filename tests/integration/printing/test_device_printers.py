"""USB and serial ESC/POS printers through the print queue, with the DLE EOT paper status (issue 18).

Serial: a pty pair (tests/support/fake_device_printers.py) opened by python-escpos's `Serial` and
pyserial as a /dev/ttyUSB0 would be. USB: python-escpos's own `Usb` printer on a fake pyusb
device (the backend's `open_channel` seam). Out of paper holds the job and says so; paper back,
it prints once; a printer that never answers status still prints; no answer is never "no paper";
the event loop keeps running while the device thread waits.
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import Receipt, ReceiptLine
from qrcashier.printing.backends import STATUS_WAIT, PrinterError, ThreadBackend
from qrcashier.printing.queue import Backoff, PrintQueue
from qrcashier.printing.urls import parse_printer_url
from tests.support.fake_device_printers import FakeSerialPrinter, FakeUsbDevice, usb_channel
from tests.support.waiting import wait_until

pytestmark = pytest.mark.asyncio
FAST = Backoff(first=0.05, factor=2.0, most=0.2)
USB_URL = "escpos+usb://04b8:0202?timeout=5"


def receipt(number: int = 7) -> Receipt:
    return Receipt(
        store_name="Almacén Ñandú", register_name="Caja 1", sale_number=number,
        lines=[ReceiptLine("Café con leche", Decimal(1), Decimal("1500"), Decimal("1500"))], total=Decimal("1500"),
        site=SITES["MLA"], paid_at=datetime(2026, 9, 1, 17, 3, tzinfo=UTC), payment_ids=["111"],
    )


@pytest.fixture
def serial_printer():
    if sys.platform == "win32":
        pytest.skip("a pty pair is POSIX")
    fake = FakeSerialPrinter().start()
    yield fake
    fake.close()


async def open_queue(tmp_path, url: str, backend=None, **kw) -> PrintQueue:
    queue = PrintQueue(tmp_path / "journal.sqlite3", parse_printer_url(url), backoff=FAST, backend=backend, **kw)
    await queue.start()
    return queue


def usb_queue_backend(fake: FakeUsbDevice) -> ThreadBackend:
    return ThreadBackend(parse_printer_url(USB_URL), open_channel=usb_channel(fake))


async def test_a_serial_printer_gets_the_receipt_and_answers_its_status(tmp_path, serial_printer):
    queue = await open_queue(tmp_path, serial_printer.url())
    try:
        job = await queue.submit_receipt(receipt(), receipt_id=1)
        assert await queue.wait_idle(10)
        await wait_until(lambda: serial_printer.printed == job.data, what="every byte at the serial printer")
        assert serial_printer.queries == 2  # before the job, and after it as the proof it processed every byte
        assert [j.status for j in await queue.jobs()] == ["done"]
        assert queue.backend.answers_status is True
    finally:
        await queue.close()


async def test_a_serial_printer_out_of_paper_holds_the_job_and_prints_it_once_when_refilled(tmp_path, serial_printer):
    from qrcashier.ui.printing.status import status_sentence

    serial_printer.paper_out()
    queue = await open_queue(tmp_path, serial_printer.url())
    try:
        job = await queue.submit_receipt(receipt(), receipt_id=1)
        await wait_until(lambda: queue.status.state == "paper_out", what="paper out")
        assert status_sentence(queue.status) == "Printer out of paper: 1 receipt waiting"
        assert serial_printer.printed == b"" and [j.status for j in await queue.pending()] == ["pending"]
        serial_printer.paper_out(False)
        await wait_until(lambda: queue.status.waiting == 0, what="printed once paper was back")
        await wait_until(lambda: serial_printer.printed == job.data, what="the job's bytes, once")
        assert status_sentence(queue.status) == ""
    finally:
        await queue.close()


async def test_a_serial_clone_that_never_answers_still_prints_and_is_not_asked_again(tmp_path, serial_printer):
    serial_printer.silent = True
    queue = await open_queue(tmp_path, serial_printer.url())
    try:
        first = await queue.submit_receipt(receipt(), receipt_id=1)
        assert await queue.wait_idle(10)
        assert queue.backend.answers_status is False  # "unknown", not "no paper"
        second = await queue.submit_receipt(receipt(8), receipt_id=2)
        assert await queue.wait_idle(10)
        await wait_until(lambda: serial_printer.printed == first.data + second.data, what="both jobs")
        assert serial_printer.queries == 1  # the second job did not wait for an answer again
    finally:
        await queue.close()


async def test_an_unplugged_serial_printer_keeps_the_job_queued(tmp_path):
    queue = await open_queue(tmp_path, f"escpos+serial://{tmp_path}/ttyUSB9?baudrate=9600")
    try:
        await queue.submit_receipt(receipt(), receipt_id=1)
        await wait_until(lambda: queue.status.state == "offline", what="offline")
        assert queue.status.sentence() == "Printer offline: 1 receipt waiting"
        assert [j.status for j in await queue.pending()] == ["pending"]
    finally:
        await queue.close()


async def test_a_usb_printer_answers_status_through_python_escpos_usb(tmp_path):
    fake = FakeUsbDevice()
    queue = await open_queue(tmp_path, USB_URL, backend=usb_queue_backend(fake))
    try:
        job = await queue.submit_receipt(receipt(), receipt_id=1)
        assert await queue.wait_idle(10)
        assert fake.printed == job.data and fake.queries == 2 and fake.closed == 1
        assert fake.read_timeouts[0] == round(STATUS_WAIT * 1000)  # the first answer waited briefly, not forever
    finally:
        await queue.close()


async def test_a_usb_printer_out_of_paper_holds_the_job_then_prints_it_once(tmp_path):
    fake = FakeUsbDevice()
    fake.paper_out()
    statuses = []
    queue = await open_queue(tmp_path, USB_URL, backend=usb_queue_backend(fake), on_status=statuses.append)
    try:
        job = await queue.submit_receipt(receipt(), receipt_id=1)
        await wait_until(lambda: queue.status.state == "paper_out", what="paper out")
        assert queue.status.sentence() == "Printer out of paper: 1 receipt waiting"
        assert fake.printed == b""
        fake.paper_out(False)
        await wait_until(lambda: queue.status.waiting == 0, what="printed")
        assert fake.printed == job.data
        assert [j.status for j in await queue.jobs()] == ["done"]
    finally:
        await queue.close()


async def test_a_usb_printer_that_runs_out_during_the_job_keeps_it_for_a_reprint(tmp_path):
    fake = FakeUsbDevice()
    backend = usb_queue_backend(fake)
    await backend.send(b"warm-up")  # it answers: from now on its answer after a job is the proof
    original_write = fake.write

    def write_then_run_out(endpoint, data, timeout=None):
        written = original_write(endpoint, data, timeout)
        if b"the job" in bytes(data):
            fake.paper_out()
        return written

    fake.write = write_then_run_out
    with pytest.raises(PrinterError) as caught:
        await backend.send(b"the job")
    assert caught.value.reason == "paper_out"


async def test_a_usb_printer_whose_status_cannot_be_read_still_prints(tmp_path):
    fake = FakeUsbDevice()
    fake.no_in_endpoint = True
    backend = usb_queue_backend(fake)
    await backend.send(b"receipt one")
    await backend.send(b"receipt two")
    assert fake.printed == b"receipt onereceipt two" and backend.answers_status is False
    assert len(fake.read_timeouts) == 1  # "unknown": not asked again


async def test_a_usb_printer_pulled_out_is_offline_and_the_job_waits(tmp_path):
    fake = FakeUsbDevice()
    fake.unplugged = True
    queue = await open_queue(tmp_path, USB_URL, backend=usb_queue_backend(fake))
    try:
        await queue.submit_receipt(receipt(), receipt_id=1)
        await wait_until(lambda: queue.status.state == "offline", what="offline")
        assert "No such device" in queue.status.detail
        fake.unplugged = False
        await wait_until(lambda: queue.status.waiting == 0, what="printed when plugged back")
    finally:
        await queue.close()


async def test_the_event_loop_runs_on_while_a_silent_usb_printer_is_asked(tmp_path):
    fake = FakeUsbDevice()
    fake.silent = True
    backend = usb_queue_backend(fake)
    gaps = []

    async def ticker() -> None:
        last = time.monotonic()
        while True:
            await asyncio.sleep(0.01)
            now = time.monotonic()
            gaps.append(now - last)
            last = now

    task = asyncio.create_task(ticker())
    try:
        await backend.send(b"receipt")  # waits STATUS_WAIT for an answer that never comes, on its thread
    finally:
        task.cancel()
    assert fake.printed == b"receipt" and backend.answers_status is False
    assert len(gaps) >= 5 and max(gaps) < STATUS_WAIT  # a blocked loop would show one gap of the whole wait

