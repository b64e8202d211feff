"""Crash recovery: the engine runs in a subprocess (crash_driver.py) that is SIGKILLed at each
state; a new engine on the same journal (this process) reconciles. Nothing is lost, every
attempt ends right, and no receipt, payment or refund is issued twice."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from qrcashier.checkout import ReceiptIssued
from qrcashier.domain.sale import AttemptState as S
from tests.integration.checkout.conftest import POS
from tests.unit.checkout.conftest import until

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.skipif(sys.platform == "win32", reason="the driver freezes itself with SIGSTOP (POSIX only)"),
]
DRIVER = Path(__file__).with_name("crash_driver.py")
TOTAL = Decimal("5040.00")


@dataclass
class Driver:
    process: asyncio.subprocess.Process
    lines: list[str] = field(default_factory=list)

    async def read_until(self, predicate, timeout: float = 10.0) -> str:
        async def read() -> str:
            while True:
                raw = await self.process.stdout.readline()
                if not raw:
                    raise AssertionError(f"the driver ended early; it said {self.lines}")
                line = raw.decode().strip()
                self.lines.append(line)
                if predicate(line):
                    return line

        return await asyncio.wait_for(read(), timeout)

    async def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()
        assert self.process.returncode == -signal.SIGKILL


async def start_driver(rig, journal: Path, hold: str, *flags: str) -> Driver:
    env = {**os.environ, "QRC_TOKEN": rig.token}
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(DRIVER), "--base-url", rig.server.base_url, "--journal", str(journal),
        "--user-id", str(rig.user_id), "--hold", hold, "--api", rig.api.name, *flags,
        stdout=asyncio.subprocess.PIPE, env=env,
    )
    return Driver(process)


async def recover(rig, journal: Path):
    """A new engine on the crashed journal: start() reconciles before anything else."""
    h = await rig.engine(rig.config(), journal=journal.name)
    return h


async def only_attempt(h):
    attempts = await h.engine.attempts()
    assert len(attempts) == 1
    return attempts[0]


async def assert_sale_intact(h, attempt) -> None:
    sale = await h.engine.sale(attempt.sale_id)
    assert sale.total == TOTAL and [line.title for line in sale.lines] == ["Medialunas", "Café"]
    history = await h.engine.history(attempt.id)
    assert history[0].to_state == S.CREATED and all(t.at.tzinfo for t in history)


async def pay_and_finish(rig, h, attempt) -> None:
    """The customer pays the reconciled live attempt; it completes once."""
    await rig.pay()
    await h.wait_state(attempt.id, S.PAID, timeout=5)
    await assert_one_receipt(rig, h, attempt)


async def assert_one_receipt(rig, h, attempt) -> None:
    receipts = await h.engine.receipts(attempt_id=attempt.id)
    assert [r.kind for r in receipts] == ["original"]
    approved = rig.sandbox_payments(attempt.reference)
    recorded = await h.engine.payments(attempt_id=attempt.id)
    assert sorted(p.mp_payment_id for p in recorded) == sorted(p.id for p in approved) and len(approved) == 1


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "crashed.sqlite3"


async def test_killed_after_created(rig, journal):
    driver = await start_driver(rig, journal, "state:created")
    await driver.read_until(lambda line: line == "HOLD")
    await driver.kill()
    assert rig.puts() == [] and all(p.order is None for p in rig.server.state.pos.values())
    h = await recover(rig, journal)
    attempt = await only_attempt(h)
    assert attempt.state == S.FAILED and "stopped before this order was sent" in attempt.message
    await assert_sale_intact(h, attempt)
    again = await h.engine.charge(attempt.sale_id)  # nothing lost: the sale is charged again
    assert again.state == S.WAITING
    await pay_and_finish(rig, h, again)


async def test_killed_while_publishing_before_the_put(rig, journal):
    driver = await start_driver(rig, journal, "state:publishing")
    await driver.read_until(lambda line: line == "HOLD")
    await driver.kill()
    h = await recover(rig, journal)
    attempt = await only_attempt(h)
    await h.wait_state(attempt.id, S.WAITING)  # unknown → not on the QR → published again, same reference
    assert [t.to_state for t in await h.engine.history(attempt.id)][-2:] == [S.UNKNOWN, S.WAITING]
    assert rig.puts() == [attempt.reference]  # the one PUT ever made for it, by the new engine
    await pay_and_finish(rig, h, attempt)


async def test_killed_while_publishing_after_the_order_landed(rig, journal):
    await rig.faults({**rig.api.publish, "kind": "latency", "seconds": 30, "after": True, "times": 1})
    driver = await start_driver(rig, journal, "")
    await driver.read_until(lambda line: line.endswith(" publishing"))
    pos = next(p for p in rig.server.state.pos.values() if p.external_id == POS)
    await until(lambda: pos.order is not None, what="the order to land on the POS")
    await driver.kill()
    await rig.faults()
    h = await recover(rig, journal)
    attempt = await only_attempt(h)
    await h.wait_state(attempt.id, S.WAITING)
    if rig.api.replays_publish:  # republished with the same key and body: Mercado Pago answers with that order
        held = [o for ext in rig.server.state.extensions for o in getattr(ext, "orders", {}).values()
                if o.external_reference == attempt.reference]
        assert set(rig.puts()) == {attempt.reference} and len(held) == 1
    else:
        assert rig.puts() == []  # the order the dead process placed was found: not placed again
    await pay_and_finish(rig, h, attempt)


async def test_killed_while_waiting(rig, journal):
    driver = await start_driver(rig, journal, "state:waiting")
    await driver.read_until(lambda line: line == "HOLD")
    await driver.kill()
    h = await recover(rig, journal)
    attempt = await only_attempt(h)
    assert attempt.state == S.WAITING
    await pay_and_finish(rig, h, attempt)


async def test_killed_after_the_payment_before_completing(rig, journal):
    driver = await start_driver(rig, journal, "state:waiting")
    await driver.read_until(lambda line: line == "HOLD")
    await rig.pay()  # the customer pays while the engine is frozen
    await driver.kill()
    h = await recover(rig, journal)
    attempt = await only_attempt(h)
    assert attempt.state == S.PAID  # settled by start() itself, before any new charge
    assert len(h.of(ReceiptIssued)) == 1
    await assert_one_receipt(rig, h, attempt)


async def test_killed_after_paid_before_printing(rig, journal):
    driver = await start_driver(rig, journal, "state:paid")
    await driver.read_until(lambda line: line.endswith(" waiting"))
    await rig.pay()
    await driver.read_until(lambda line: line == "HOLD")
    await driver.kill()
    h = await recover(rig, journal)
    attempt = await only_attempt(h)
    assert attempt.state == S.PAID
    assert h.of(ReceiptIssued) == []  # already issued before the kill: not issued again...
    unprinted = await h.engine.receipts(unprinted=True)
    assert [(r.attempt_id, r.kind) for r in unprinted] == [(attempt.id, "original")]  # ...but still to print
    await assert_one_receipt(rig, h, attempt)


@pytest.mark.parametrize("paid_meanwhile", [False, True])
async def test_killed_after_cancel_requested(rig, journal, paid_meanwhile):
    driver = await start_driver(rig, journal, "state:cancel_requested", "--cancel")
    await driver.read_until(lambda line: line == "HOLD")
    if paid_meanwhile:
        await rig.pay()
    await driver.kill()
    h = await recover(rig, journal)
    attempt = await only_attempt(h)
    if paid_meanwhile:
        assert attempt.state == S.PAID
        await assert_one_receipt(rig, h, attempt)
    else:
        assert attempt.state == S.CANCELLED
        assert all(p.order is None for p in rig.server.state.pos.values())
        assert await h.engine.receipts(attempt_id=attempt.id) == []
    audit = await h.engine.audit_log(attempt_id=attempt.id)
    assert [a.action for a in audit] == ["cancel_requested"]


@pytest.mark.parametrize("sent", [False, True])
async def test_killed_with_a_refund_requested(rig, journal, sent):
    if sent:  # the refund reached Mercado Pago; its answer never came back
        await rig.faults({**rig.api.refund, "kind": "latency", "seconds": 30, "after": True, "times": 1})
    driver = await start_driver(rig, journal, "" if sent else "refund:requested", "--refund")
    await driver.read_until(lambda line: line.endswith(" waiting"))
    payment_id = (await rig.pay())["payment"]["id"]
    payment = rig.server.state.payments[payment_id]
    if sent:
        await driver.read_until(lambda line: line.startswith("REFUND") and line.endswith("requested"))
        await until(lambda: payment.refunds, what="the refund to reach the sandbox")
    else:
        await driver.read_until(lambda line: line == "HOLD")
    await driver.kill()
    await rig.faults()
    h = await recover(rig, journal)
    attempt = await only_attempt(h)
    assert attempt.state == S.PAID
    refunds = await h.engine.refunds(payment_id)
    assert len(refunds) == 1 and refunds[0].state == "approved"  # retried at start-up with the same key
    assert [(r.id, r.amount) for r in payment.refunds] == [(refunds[0].mp_refund_id, TOTAL)]
    assert payment.status == "refunded"
    await assert_one_receipt(rig, h, attempt)


async def test_killed_with_the_publish_outcome_unknown(rig, journal):
    # Every try of the publish is dropped after it went out: the driver cannot tell whether the
    # order landed, and it dies right after writing that down.
    await rig.faults({**rig.api.publish, "kind": "drop", "after": True, "times": 3})
    driver = await start_driver(rig, journal, "state:unknown")
    await driver.read_until(lambda line: line == "HOLD")
    await driver.kill()
    await rig.faults()
    h = await recover(rig, journal)
    attempt = await only_attempt(h)
    await h.wait_state(attempt.id, S.WAITING)  # reconciled by its reference: on the QR, once
    # The dead process's order was found by its reference, or this one published it again:
    # never a second order under another reference.
    assert set(rig.puts()) <= {attempt.reference}
    await assert_sale_intact(h, attempt)
    await pay_and_finish(rig, h, attempt)


async def test_killed_in_needs_review(rig, journal):
    if not rig.api.partial_payments:
        pytest.skip("an Orders API QR order is paid in full or not at all: no partial payment to review")
    driver = await start_driver(rig, journal, "state:needs_review")
    await driver.read_until(lambda line: line.endswith(" waiting"))
    await rig.pay("approved", amount="1000")  # less than the 5040.00 total
    await driver.read_until(lambda line: line == "HOLD")
    await driver.kill()
    h = await recover(rig, journal)
    attempt = await only_attempt(h)
    assert attempt.state == S.NEEDS_REVIEW and json.loads(attempt.review)["reason"] == "partial"
    assert [p.amount for p in await h.engine.payments(attempt_id=attempt.id)] == [Decimal("1000.00")]
    assert await h.engine.receipts(attempt_id=attempt.id) == []  # a supervisor decides first
    await assert_sale_intact(h, attempt)
    # The dead process may not have withdrawn the order: nobody may pay more on it now.
    pos = next(p for p in rig.server.state.pos.values() if p.external_id == POS)
    await until(lambda: pos.order is None, what="the order to be withdrawn")
    assert await h.engine.live_attempt() is None  # the register is free for the next customer
