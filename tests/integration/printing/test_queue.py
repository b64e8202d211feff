"""The print queue against the loopback fake printer: nothing lost, nothing printed twice."""

import asyncio
import os
import signal
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
import pytest_asyncio

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import Receipt, ReceiptLine
from qrcashier.printing.queue import Backoff, PrintQueue, print_test_page
from qrcashier.printing.urls import parse_printer_url
from tests.support.fake_printer import FakePrinter
from tests.support.waiting import wait_until

FAST = Backoff(first=0.05, factor=2.0, most=0.2)


def receipt(**changes) -> Receipt:
    return Receipt(
        store_name="Almacén Ñandú", register_name="Caja 1", sale_number=7,
        lines=[ReceiptLine("Café con leche", Decimal(1), Decimal("1500"), Decimal("1500"))], total=Decimal("1500"),
        site=SITES["MLA"], paid_at=datetime(2026, 9, 1, 14, 3, tzinfo=timezone(timedelta(hours=-3))),
        payment_ids=["111"], **changes,
    )


@pytest_asyncio.fixture
async def printer():
    fake = await FakePrinter().start()
    yield fake
    await fake.stop()


async def open_queue(tmp_path, url: str, **kw) -> PrintQueue:
    queue = PrintQueue(tmp_path / "journal.sqlite3", parse_printer_url(url), backoff=FAST, **kw)
    await queue.start()
    return queue


@pytest.mark.asyncio
async def test_a_receipt_prints_once_and_is_marked_done(tmp_path, printer):
    done = []
    queue = await open_queue(tmp_path, printer.url, on_done=done.append)
    try:
        job = await queue.submit_receipt(receipt(), receipt_id=1)
        assert await queue.wait_idle(5)
        assert printer.jobs == [job.data] and job.kind == "receipt"
        assert "Almac\x82n".encode("latin-1") in printer.jobs[0]  # CP858 é
        assert [j.status for j in await queue.jobs()] == ["done"] and [d.id for d in done] == [job.id]
        again = await queue.submit_receipt(receipt(), receipt_id=1)  # the same receipt: the same job
        assert again.id == job.id and await queue.wait_idle(5)
        copy = await queue.submit_receipt(receipt().as_copy(), receipt_id=2)  # a reprint is an explicit COPY
        assert copy.kind == "copy" and await queue.wait_idle(5)
        await wait_until(lambda: len(printer.jobs) == 2, what="the copy")
        assert b"COPIA" in printer.jobs[1] and b"COPIA" not in printer.jobs[0]
    finally:
        await queue.close()


@pytest.mark.asyncio
async def test_offline_printer_keeps_the_job_and_prints_when_back(tmp_path, printer):
    statuses = []
    await printer.stop()  # off: nothing listens on its port
    queue = await open_queue(tmp_path, printer.url, on_status=statuses.append)
    try:
        await queue.submit_receipt(receipt(), receipt_id=1)
        await wait_until(lambda: queue.status.state == "offline", what="offline")
        assert queue.status.sentence() == "Printer offline: 1 receipt waiting"
        await printer.start()
        await wait_until(lambda: len(printer.jobs) == 1, what="the receipt printed when the printer came back")
        await wait_until(lambda: queue.status.waiting == 0 and queue.status.state == "idle", what="idle")
        assert len(printer.jobs) == 1
        assert any(s.state == "offline" for s in statuses)
    finally:
        await queue.close()


@pytest.mark.asyncio
async def test_paper_out_holds_the_job_until_paper_is_back(tmp_path, printer):
    printer.paper_out()
    queue = await open_queue(tmp_path, printer.url)
    try:
        await queue.submit_receipt(receipt(), receipt_id=1)
        await wait_until(lambda: queue.status.state == "paper_out", what="paper out")
        assert queue.status.sentence() == "Printer out of paper: 1 receipt waiting" and printer.jobs == []
        printer.paper_out(False)
        await wait_until(lambda: len(printer.jobs) == 1, what="printed after the paper came back")
    finally:
        await queue.close()


@pytest.mark.asyncio
async def test_a_job_survives_the_printer_dropping_mid_job(tmp_path, printer):
    printer.drop_after = 100
    queue = await open_queue(tmp_path, printer.url)
    try:
        job = await queue.submit_receipt(receipt(), receipt_id=1)
        await wait_until(lambda: len(printer.jobs) == 1, what="the whole job on a retry")
        assert printer.partials and len(printer.partials[0]) < len(job.data)
        assert printer.jobs == [job.data]
        stored = (await queue.jobs())[0]
        assert stored.status == "done" and stored.attempts == 2
    finally:
        await queue.close()


@pytest.mark.asyncio
async def test_a_hung_printer_times_out_and_the_job_waits(tmp_path, printer):
    queue = await open_queue(tmp_path, printer.url + "?timeout=0.5")
    try:
        await queue.submit_receipt(receipt(), receipt_id=1)
        await wait_until(lambda: len(printer.jobs) == 1, what="the first receipt")
        printer.stall = True
        await queue.submit_receipt(replace(receipt(), sale_number=8), receipt_id=2)
        await wait_until(lambda: queue.status.state == "offline", what="the stall noticed")
        assert len(printer.jobs) == 1
        printer.stall = False
        await wait_until(lambda: len(printer.jobs) == 2, what="the second receipt after the stall")
    finally:
        await queue.close()


@pytest.mark.asyncio
async def test_pending_jobs_resume_after_a_restart_and_done_ones_do_not_reprint(tmp_path, printer):
    await printer.stop()
    first = await open_queue(tmp_path, printer.url)
    await first.submit_receipt(receipt(), receipt_id=1)
    await wait_until(lambda: first.status.state == "offline", what="offline")
    await first.close()
    await printer.start()
    second = await open_queue(tmp_path, printer.url)
    try:
        await wait_until(lambda: len(printer.jobs) == 1, what="the pending receipt after the restart")
        assert await second.wait_idle(5)
    finally:
        await second.close()
    third = await open_queue(tmp_path, printer.url)
    try:
        assert await third.wait_idle(5) and len(printer.jobs) == 1  # done: never sent again
    finally:
        await third.close()


KILLED_APP = """
import asyncio, sys
from qrcashier.printing.queue import Backoff, PrintQueue
from qrcashier.printing.urls import parse_printer_url
async def main():
    queue = PrintQueue(sys.argv[1], parse_printer_url(sys.argv[2]), backoff=Backoff(0.05, 1.0, 0.05))
    await queue.start()
    await queue.print_lines("z", ["Z report", "total 1500"])
    print("queued", flush=True)
    await asyncio.Event().wait()
asyncio.run(main())
"""


@pytest.mark.asyncio
async def test_a_job_survives_a_kill_of_the_app(tmp_path, printer):
    await printer.stop()
    journal = tmp_path / "journal.sqlite3"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", KILLED_APP, str(journal), printer.url, stdout=subprocess.PIPE, env=env,
    )
    try:
        line = await asyncio.wait_for(proc.stdout.readline(), 30)
        assert line.strip() == b"queued"
    finally:
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
    await printer.start()
    queue = await open_queue(tmp_path, printer.url)
    try:
        await wait_until(lambda: len(printer.jobs) == 1, what="the killed app's job")
        assert b"Z report" in printer.jobs[0]
    finally:
        await queue.close()


@pytest.mark.asyncio
async def test_a_printer_that_never_answers_status_still_gets_its_bytes(tmp_path, printer):
    printer.silent = True
    queue = await open_queue(tmp_path, printer.url)
    try:
        job = await queue.submit_receipt(receipt(), receipt_id=1)
        await wait_until(lambda: len(printer.jobs) == 1, what="the receipt")
        assert printer.jobs == [job.data]
        await queue.submit_receipt(receipt(), receipt_id=2)
        await wait_until(lambda: len(printer.jobs) == 2, what="the second receipt")
        assert printer.queries == 1  # learnt once: a silent printer is not asked (and waited for) on every job
    finally:
        await queue.close()


@pytest.mark.asyncio
async def test_open_drawer_and_the_test_page(tmp_path, printer):
    queue = await open_queue(tmp_path, printer.url + "&drawer=5" if "?" in printer.url else printer.url + "?drawer=5")
    try:
        await queue.open_drawer()
        await wait_until(lambda: len(printer.jobs) == 1, what="the pulse")
        assert printer.jobs[0] == b"\x1bp\x01\x32\x32"
    finally:
        await queue.close()
    status = await print_test_page(parse_printer_url(printer.url), tmp_path / "journal.sqlite3", timeout=5)
    assert status.state == "idle" and status.waiting == 0
    assert "Página".encode("cp858") in printer.jobs[1] and "ã õ".encode("cp858") in printer.jobs[1]


@pytest.mark.asyncio
async def test_the_drawer_opens_for_a_cash_sale_never_for_qr_only_or_a_copy(tmp_path, printer):
    from dataclasses import replace
    from decimal import Decimal

    from qrcashier.domain.receipt import ReceiptTender
    from qrcashier.printing.escpos import DRAWER_KICK

    sale = receipt()
    cash = replace(sale, tenders=(ReceiptTender("cash", sale.total, sale.total + Decimal(20), Decimal(20)),))
    queue = await open_queue(tmp_path, printer.url)
    try:
        await queue.submit_receipt(receipt(), receipt_id=1)
        await queue.submit_receipt(cash, receipt_id=2)
        await queue.submit_receipt(cash.as_copy(), receipt_id=3)
        await wait_until(lambda: len(printer.jobs) == 3, what="three receipts")
        assert [DRAWER_KICK[2] in job for job in printer.jobs] == [False, True, False]
    finally:
        await queue.close()


@pytest.mark.asyncio
async def test_open_drawer_from_the_supervisor_menu_is_audited_first(tmp_path, printer):
    from qrcashier.printing.queue import open_drawer_audited

    audited = []

    async def audit(actor, action, reason):
        audited.append((actor, action, reason, len(printer.jobs)))

    queue = await open_queue(tmp_path, printer.url)
    try:
        job = await open_drawer_audited(queue, audit, actor="Marta", reason="change for a customer")
        await wait_until(lambda: len(printer.jobs) == 1, what="the pulse")
        assert job.kind == "drawer" and audited == [("Marta", "drawer_opened", "change for a customer", 0)]
    finally:
        await queue.close()
