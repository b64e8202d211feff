"""The real app SIGKILLed mid-sale and started again (issue 13 item 8): recovered, paid once, printed once.

A standalone `qrcashier-sandbox` process; the real `qrcashier --sandbox-url URL --register N
--data-dir DIR --printer escpos+file://PATH` on QT_QPA_PLATFORM=offscreen, with a scripted
cashier (kill_app_driver.py: scan one item, press Charge). The test plays the customer through
the sandbox's control API and holds the app at each state with the sandbox's own fault rules:

- `publish_lost`: the order is in the journal (publishing) and its PUT never reaches Mercado
  Pago (held before the sandbox acts): the restart finds no order by its reference and puts it
  on the QR itself; the customer pays, paid once, printed once.
- `publish_unanswered`: the order reached the QR but the app never heard so (the answer held):
  the restart finds it on the QR, the customer pays, paid once, printed once.
- `on_qr`: the order is on the QR, the app watching: the restart watches again; paid once, printed once.
- `paid_while_down`: killed with the order on the QR, and the customer pays while the app is
  down: the restart's reconcile finds the payment; paid once, printed once.
- `paid_unrecorded`: the customer paid while every read of the app is held: the journal still
  says waiting; the restart finds the payment and completes the sale once.
- `complete_unprinted`: paid and recorded, the receipt's print job pending (the printer's folder
  does not exist yet): the restart prints it once the printer is there, exactly once.

The restart is the plain `python -m qrcashier.cli` with the same arguments. Every wait is on
a condition (the journal's rows, the sandbox's state); each state takes a few seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from qrcashier.setup.constants import SANDBOX_TOKEN

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and offscreen Qt subprocesses (POSIX)")
DRIVER = Path(__file__).with_name("kill_app_driver.py")
STATES = ["publish_lost", "publish_unanswered", "on_qr", "paid_while_down", "paid_unrecorded", "complete_unprinted"]
REGISTERS = {state: 2 + i for i, state in enumerate(STATES)}  # one POS of the same store per state
PUBLISH = {"method": "PUT", "path": "/instore/qr/seller/collectors/*/orders"}  # in-store v2, the default API
HOLD = 3600  # a held request is never answered within the test
WAIT = 30.0  # seconds any one condition may take on a loaded 2-core box


@pytest.fixture(scope="module")
def sandbox_url() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "qrcashier.sandbox.cli", "--port", "0", "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("QR Cashier sandbox listening on "), line
        yield line.split()[-1]
    finally:
        process.kill()  # held requests would keep a graceful stop waiting: nothing in it needs saving
        process.wait(timeout=20)
        if process.stdout is not None:
            process.stdout.close()


class Journal:
    """Read-only looks at the app's journal from outside the app (WAL: beside its writer)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def rows(self, sql: str) -> list[tuple]:
        if not self.path.exists():
            return []
        try:
            with contextlib.closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=5)) as db:
                return db.execute(sql).fetchall()
        except sqlite3.OperationalError:  # the schema is not there yet (the app is still creating it)
            return []

    def states(self) -> list[str]:
        return [r[0] for r in self.rows("SELECT state FROM attempts ORDER BY id")]

    def receipt_jobs(self) -> list[tuple[str, int]]:
        return [(r[0], r[1]) for r in self.rows("SELECT status, attempts FROM print_jobs WHERE kind = 'receipt'")]


class App:
    """One run of the app (the cashier's driver, or the plain command), its output in files."""

    def __init__(self, process: asyncio.subprocess.Process, log: Path) -> None:
        self.process = process
        self.log = log

    @classmethod
    async def start(cls, folder: Path, url: str, register: int, printer: str, *, cashier: bool, run: str) -> App:
        program = [str(DRIVER)] if cashier else ["-m", "qrcashier.cli"]
        log = folder / f"{run}.out"
        with log.open("wb") as out:
            process = await asyncio.create_subprocess_exec(
                sys.executable, *program, "--sandbox-url", url, "--register", str(register),
                "--data-dir", str(folder / "data"), "--printer", printer,
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                env=dict(os.environ, QT_QPA_PLATFORM="offscreen",  # and none of the user's own settings
                         XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "share")),
            )
        return cls(process, log)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    async def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        assert await asyncio.wait_for(self.process.wait(), WAIT) == -signal.SIGKILL

    async def stop(self) -> int:
        """SIGTERM: the app's own clean shutdown (pending print jobs stay in the journal)."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(self.process.wait(), WAIT)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            raise AssertionError(f"the app did not stop on SIGTERM; it said:\n{self.output()}") from None


class Customer:
    """The sandbox's control API as the store's account (the sandbox's test token)."""

    def __init__(self, client: httpx.AsyncClient, pos: str) -> None:
        self.client = client
        self.pos = pos

    async def control(self, method: str, path: str, json: Any = None) -> Any:
        reply = await self.client.request(method, path, json=json)
        reply.raise_for_status()
        return reply.json() if reply.content else None

    async def order_on_qr(self) -> bool:
        reply = await self.client.get(f"/sandbox/pos/{self.pos}")
        return reply.status_code == 200 and reply.json().get("order") is not None

    async def pay(self) -> dict[str, Any]:
        await self.control("POST", f"/sandbox/pos/{self.pos}/scan")
        return await self.control("POST", f"/sandbox/pos/{self.pos}/pay", {"status": "approved"})

    async def hold(self, *rules: dict[str, Any]) -> None:
        await self.control("PUT", "/sandbox/faults", list(rules))

    async def held(self) -> int:
        return sum(rule["hits"] for rule in await self.control("GET", "/sandbox/faults"))

    async def release(self) -> None:
        await self.control("DELETE", "/sandbox/faults")

    async def payments(self) -> list[dict[str, Any]]:
        """Approved payments for this register's orders, as the sandbox (Mercado Pago) holds them."""
        state = await self.control("GET", "/sandbox/state")
        return [p for account in state["accounts"] for p in account["payments"]
                if p["status"] == "approved" and str(p.get("external_reference", "")).startswith(f"{self.pos}-")]


async def until(condition: Callable[[], Awaitable[bool] | bool], what: str, app: App | None = None) -> None:
    """Poll `condition` until true; fail with `what` (and the app's output) after WAIT seconds or if it died."""
    async def check() -> bool:
        result = condition()
        return await result if asyncio.iscoroutine(result) else bool(result)

    try:
        async with asyncio.timeout(WAIT):
            while not await check():
                if app is not None and app.process.returncode is not None:
                    raise AssertionError(f"the app ended ({app.process.returncode}) before {what}:\n{app.output()}")
                await asyncio.sleep(0.05)
    except TimeoutError:
        said = f"; the app said:\n{app.output()}" if app else ""
        raise AssertionError(f"timed out waiting for {what}{said}") from None


@pytest.mark.asyncio
@pytest.mark.parametrize("state", STATES)
async def test_the_real_app_killed_mid_sale_recovers_it_paid_once_printed_once(
    tmp_path: Path, sandbox_url: str, state: str
) -> None:
    register = REGISTERS[state]
    pos = f"CAJA{register}"
    receipt_no = f"{register:05d}-00000001".encode()  # PPPPP-NNNNNNNN: the register's first receipt
    printer_dir = tmp_path / "printer"
    if state != "complete_unprinted":
        printer_dir.mkdir()
    printer_file = printer_dir / "receipts.bin"
    printer = f"escpos+file://{printer_file}"
    journal = Journal(tmp_path / "data" / "journal.sqlite3")
    headers = {"Authorization": f"Bearer {SANDBOX_TOKEN}"}
    async with httpx.AsyncClient(base_url=sandbox_url, headers=headers, timeout=10) as client:
        customer = Customer(client, pos)
        await customer.release()
        if state == "publish_lost":
            await customer.hold({**PUBLISH, "kind": "latency", "seconds": HOLD})
        elif state == "publish_unanswered":
            await customer.hold({**PUBLISH, "kind": "latency", "seconds": HOLD, "after": True})

        first = await App.start(tmp_path, sandbox_url, register, printer, cashier=True, run="first")
        try:
            if state == "publish_lost":
                await until(lambda: journal.states() == ["publishing"], "the attempt in the journal", first)
                await until(customer.held, "the publish held at the sandbox", first)
                assert not await customer.order_on_qr()
            elif state == "publish_unanswered":
                await until(lambda: journal.states() == ["publishing"], "the attempt in the journal", first)
                await until(customer.order_on_qr, "the order on the QR", first)
            else:
                await until(lambda: journal.states() == ["waiting"], "the order on the QR (journal)", first)
                assert await customer.order_on_qr()
            if state == "paid_unrecorded":
                await customer.hold({"method": "GET", "path": "*", "kind": "latency", "seconds": HOLD})
                await customer.pay()
                await until(customer.held, "the app's next read, held", first)
                assert journal.states() == ["waiting"]  # the payment is not in the journal
            elif state == "complete_unprinted":
                await customer.pay()
                await until(lambda: journal.states() == ["paid"], "the payment recorded", first)
                await until(lambda: any(tries for _, tries in journal.receipt_jobs()), "a failed print", first)
                assert journal.receipt_jobs()[0][0] == "pending"
            await first.kill()
        finally:
            if first.process.returncode is None:
                await first.kill()
        await customer.release()
        if state == "paid_while_down":
            await customer.pay()
        if state == "complete_unprinted":
            printer_dir.mkdir()  # the printer is back
        assert journal.rows("SELECT COUNT(*) FROM sales") == [(1,)]  # the kill left the sale in the journal

        second = await App.start(tmp_path, sandbox_url, register, printer, cashier=False, run="second")
        try:
            if state in ("publish_lost", "publish_unanswered", "on_qr"):
                await until(lambda: journal.states() == ["waiting"], "the order on the QR again", second)
                assert await customer.order_on_qr()
                await customer.pay()
            await until(lambda: journal.states() == ["paid"], "the sale paid", second)
            await until(lambda: journal.receipt_jobs() and journal.receipt_jobs()[0][0] == "done",
                        "the receipt printed", second)
            await until(lambda: journal.rows("SELECT COUNT(*) FROM receipts WHERE printed_at IS NOT NULL")
                        == [(1,)], "the receipt marked printed", second)
        finally:
            code = await second.stop()
        assert code == 0, second.output()

        payments = await customer.payments()
        sales = journal.rows("SELECT status FROM sales")
        printed = printer_file.read_bytes()
        assert len(payments) == 1, payments  # the customer was charged exactly once
        assert journal.rows("SELECT mp_payment_id FROM payments") == [(payments[0]["id"],)]
        assert sales == [("paid",)] and journal.states() == ["paid"]
        assert journal.rows("SELECT kind FROM receipts") == [("original",)]
        assert [status for status, _ in journal.receipt_jobs()] == ["done"]
        assert printed.startswith(b"\x1b@") and printed.count(receipt_no) == 1, printed[:200]  # printed once
        if state == "complete_unprinted":
            assert journal.receipt_jobs()[0][1] >= 1  # the first run's try failed; the second printed it
