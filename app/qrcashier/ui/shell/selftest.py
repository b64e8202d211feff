"""`qrcashier --self-test`: one whole sale, offscreen, against the embedded sandbox.

It drives the real main window the way a cashier and a customer would: types a demo
product's barcode into the item field as a scanner does, presses Charge, has the
sandbox's customer scan and pay, and waits for "paid" and the receipt. Prints one
summary line and returns 0 (pass) or 1 (fail). It uses a temporary data folder unless
--data-dir is given, and finishes well inside 20 seconds.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from qrcashier.ui.shell.deadline import Deadline, StepFailed

DEADLINE_SECONDS = 18.0
WAIT_SECONDS = 8.0  # each step of the sale, within what is left of the deadline
PRINTER_WAIT_SECONDS = 12.0  # after "paid", for --printer escpos+...: a printer coming up late still gets it
STORE_WAIT_SECONDS = 30.0  # with --store: how long the sale may take to reach the store database
DEMO_BARCODE = "7790895000102"  # Coca-Cola Original 2,25 L in the demo catalog


class SelfTestFailed(StepFailed):
    """A check of the self-test failed (explicit, so `python -O` cannot skip it)."""


def _check(condition: object, failure: str) -> None:
    if not condition:
        raise SelfTestFailed(failure)


async def one_sale(data_dir: Path, printer: str | None = None, args=None, deadline: Deadline | None = None) -> str:
    """One sale through the real window. Every wait gets what is left of `deadline` (the self-test's)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from qrcashier.checkout.config import PollPolicy
    from qrcashier.services import Options, Services
    from qrcashier.ui.shell.main_window import MainWindow

    options = Options(data_dir=data_dir, sandbox=True, poll=PollPolicy(interval=0.25, tick=0.5), printer_name=printer)
    if args is not None:  # --sandbox-url URL --register NAME: a standalone sandbox, this register's own POS
        options.use_registers(args)
        options.use_store(args)  # --store DSN: the sale must also reach the store database
    services = Services(options)
    deadline = deadline or Deadline(DEADLINE_SECONDS, error=SelfTestFailed)
    window = None
    try:
        deadline.step = "starting the window"
        services.open_local()
        window = MainWindow(services, on_quit=lambda: None)
        window.show_all()
        await window.start()
        deadline.step = "scanning the barcode"
        QTest.keyClicks(window.item_field, DEMO_BARCODE)
        QTest.keyClick(window.item_field, Qt.Key.Key_Return)
        _check(window.model.rowCount() == 1, f"the barcode added {window.model.rowCount()} lines")
        deadline.step = "charging"
        await window.charge()
        await deadline.wait(lambda: window.panel_state() == "waiting", "the order on the QR", WAIT_SECONDS)
        pos = services.options.pos_external_id
        deadline.step = "the customer scanning and paying (sandbox)"
        await services.sandbox_control("POST", f"/sandbox/pos/{pos}/scan")
        await services.sandbox_control("POST", f"/sandbox/pos/{pos}/pay", {"status": "approved"})
        await deadline.wait(lambda: window.panel_state() == "paid" and window.last_receipt is not None,
                            "paid and the receipt", WAIT_SECONDS)
        receipt = window.last_receipt
        _check(receipt.total == window.model.total, "the receipt's total differs from the cart's")
        _check(receipt.payment_ids, "the receipt has no Mercado Pago payment id")
        _check(receipt.merchant_order_id, "the receipt has no merchant_order id")
        summary = f"sale {receipt.sale_number} paid {receipt.money(receipt.total)}, payment {receipt.payment_ids[0]}"
        if services.options.sandbox_url or services.options.register_id != "CAJA1":
            summary += f", register {services.options.register_id} (POS {services.options.pos_external_id})"
        if services.options.store_dsn:  # --store: bounded wait until the sender drained this sale's rows
            summary += await _wait_store(services, deadline)
        if window.print_queue is not None:  # --printer escpos+...: the receipt must reach it (a late printer too)
            queue = window.print_queue.queue

            async def printed() -> bool:
                return any(j.kind == "receipt" and j.status == "done" for j in await queue.jobs())

            # the queue retries a printer that is not up yet, for as long as the deadline leaves
            await deadline.wait(printed, "the receipt at the printer", PRINTER_WAIT_SECONDS, poll=0.1,
                                failure=f"the receipt did not reach printer {queue.url.describe()}")
            summary += f", printed on {queue.url.describe()}"
        return summary
    except Exception as exc:
        deadline.note(exc)  # what failed, even if closing then runs past the deadline
        raise
    finally:
        deadline.step = "closing the window"
        if window is not None:
            await window.shutdown()
        await services.close()


async def _wait_store(services, deadline: Deadline) -> str:
    """The sale is in the store database once the sender reports its outbox rows sent."""
    deadline.step = "the sale reaching the store database"
    if await services.wait_store_sent(deadline.budget(STORE_WAIT_SECONDS)):
        return f", in the store database {services.store_link.shown}"
    status = services.store_status()
    reason = status.error if status is not None and status.error else "the store sender did not send it"
    raise SelfTestFailed(f"the sale did not reach the store database within {STORE_WAIT_SECONDS:.0f} s "
                         f"({status.sales_waiting if status is not None else '?'} sales waiting): {reason}")


def run_self_test(args) -> int:
    printer = getattr(args, "printer", None)
    seconds = DEADLINE_SECONDS + (STORE_WAIT_SECONDS if getattr(args, "store", None) else 0)
    deadline = Deadline(seconds, error=SelfTestFailed)
    return run_offscreen(args, "self-test", "qrcashier-selftest-", deadline,
                         lambda data_dir: one_sale(data_dir, printer, args, deadline))


def run_offscreen(
    args, label: str, prefix: str, deadline: float | Deadline, scenario: Callable[[Path], Awaitable[str]]
) -> int:
    """Run `scenario` on the qasync loop within `deadline` and print one line: "<label> PASS in
    N s: summary" (exit 0) or FAIL (exit 1). The data folder is `--data-dir`, else a temporary one.
    A `Deadline` (seconds or one the scenario's waits share) starts when the scenario does; a
    failure names its step, and the deadline firing names the step it was in."""
    if not isinstance(deadline, Deadline):
        deadline = Deadline(deadline)
    from qrcashier.ui.shell import errors
    from qrcashier.ui.shell.app import close_logging, install_qt_message_handler, make_application, setup_logging
    from qrcashier.ui.shell.gc_guard import collect_on_qt_thread

    started = time.perf_counter()
    temp = None
    if args.data_dir:
        data_dir = Path(args.data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
    else:
        temp = tempfile.mkdtemp(prefix=prefix)
        data_dir = Path(temp)
    make_application()
    setup_logging(data_dir, verbose=True)
    install_qt_message_handler()
    errors.set_dialogs_enabled(False)
    import qasync

    async def bounded() -> str:
        deadline.start()
        async with asyncio.timeout(deadline.seconds):
            return await scenario(data_dir)

    try:
        with collect_on_qt_thread(), asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            summary = runner.run(bounded())
        ok = True
    except BaseException as exc:  # report every failure as one line, never a hang
        if isinstance(exc, KeyboardInterrupt):
            raise
        summary = deadline.report(exc)
        ok = False
    finally:
        close_logging()
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    elapsed = time.perf_counter() - started
    line = f"{label} {'PASS' if ok else 'FAIL'} in {elapsed:.1f} s: {summary}"
    out = sys.stdout if sys.stdout is not None else sys.stderr
    if out is not None:
        print(line, file=out, flush=True)
    return 0 if ok else 1
