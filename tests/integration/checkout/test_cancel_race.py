"""Cancel racing a payment, over many interleavings (property-based, on the sandbox).

The cancel's gateway calls (withdraw, then the final read) are held at a gate; Hypothesis
interleaves them with the customer's moves (scan, pay, a rejected payment), while the
watcher keeps polling on its own. After the cancel returns, one late read runs (what the
late-payment watch does). Invariant: if the sandbox holds approved payments covering the
total, the attempt is paid with exactly one original receipt and every one of those
payments recorded (a customer who paid twice can be refunded); otherwise it is cancelled
with no receipt and no payment. Never both.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from qrcashier.checkout import PollPolicy
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from tests.integration.checkout.conftest import POS
from tests.unit.checkout.conftest import until


class SteppingGateway:
    """Wraps a gateway; calls made by `gated_task` wait for a permit before going out."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.withdraw_is_final = inner.withdraw_is_final
        self.gated_task: asyncio.Task | None = None
        self.permits: asyncio.Queue[None] = asyncio.Queue()
        self.entered = 0

    async def _gate(self) -> None:
        if asyncio.current_task() is self.gated_task:
            self.entered += 1
            await self.permits.get()

    async def publish(self, order):
        return await self.inner.publish(order)

    async def lookup(self, order, *, check_published: bool = False):
        await self._gate()
        return await self.inner.lookup(order, check_published=check_published)

    async def withdraw(self, order):
        await self._gate()
        return await self.inner.withdraw(order)

    async def refund(self, *args):
        return await self.inner.refund(*args)

    def on_contact(self, listener) -> None:
        self.inner.on_contact(listener)

    @property
    def last_contact(self):
        return self.inner.last_contact


steps = st.lists(st.sampled_from(["engine", "scan", "pay", "reject"]), max_size=9)


@pytest.mark.asyncio
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
@example(steps=["scan", "engine", "pay", "engine"])  # pays between the withdraw and the final read
@example(steps=["scan", "engine", "engine", "pay"])  # pays after the final read: the late read catches it
@example(steps=["pay", "engine", "engine"])  # paid before the cancel got anywhere
@example(steps=["scan", "reject", "engine", "engine"])  # rejected, then cancelled: nothing paid
@example(steps=["scan", "scan", "engine", "pay", "engine", "pay"])  # pays both scans: paid twice, both recorded
async def test_paid_wins_over_cancel_in_every_interleaving(rig, steps):
    config = rig.config(poll=PollPolicy(interval=0.2, idle_interval=0.2, max_backoff=0.2, tick=0.05, expiry_grace=0))
    h = await rig.engine(config, journal=f"race-{len(rig.opened)}.sqlite3", start=False)
    gateway = SteppingGateway(h.engine.gateway)
    h.engine.gateway = gateway
    await h.engine.start()
    try:
        cart = Cart(SITES["MLA"])
        cart.add("Empanadas", "350", 12)  # 4200.00
        attempt = await h.engine.charge(cart)
        assert attempt.state == S.WAITING
        state = rig.server.state

        def open_orders() -> list[int]:
            return sorted(
                mo.id for mo in state.merchant_orders.values()
                if mo.draft.external_reference == attempt.reference and mo.status == "opened"
            )

        cancel = asyncio.create_task(h.engine.cancel(attempt.id, "Marta", "race"))
        gateway.gated_task = cancel
        await until(lambda: cancel.done() or gateway.entered >= 1, what="the cancel to reach its first call")

        for step in steps:
            if step == "engine":
                if not cancel.done():
                    seen = gateway.entered
                    gateway.permits.put_nowait(None)
                    await until(
                        lambda seen=seen: cancel.done() or gateway.entered > seen, what="the cancel's next step"
                    )
            elif step == "scan":
                await rig.scan()
            else:
                mos = open_orders()
                status = "approved" if step == "pay" else "rejected"
                # A customer already in the app pays their open merchant_order even if the
                # order has left the QR; otherwise they scan the QR (if it is still there).
                await rig.pay(status, merchant_order_id=mos[-1] if mos else None)

        for _ in range(3):
            gateway.permits.put_nowait(None)
        final = await asyncio.wait_for(cancel, 5)
        assert final.state in (S.PAID, S.CANCELLED)
        final = await h.engine.refresh(attempt.id)  # the late watch's read (a late or a second payment)

        first_release = steps.index("engine") if "engine" in steps else len(steps)
        when = "before" if "pay" in steps[:first_release] else "after (or never)"
        event(f"ended {final.state}; the customer paid {when} the cancel's withdraw")  # --hypothesis-show-statistics
        approved = rig.sandbox_payments(attempt.reference)
        covered = sum((p.amount for p in approved), Decimal(0)) >= attempt.total
        receipts = await h.engine.receipts(attempt_id=attempt.id)
        recorded = {p.mp_payment_id for p in await h.engine.payments(attempt_id=attempt.id)}
        if covered:
            assert final.state == S.PAID
            assert [r.kind for r in receipts] == ["original"]
            assert recorded == {p.id for p in approved}
        else:
            assert final.state == S.CANCELLED
            assert receipts == [] and recorded == set()
        pos = next(p for p in state.pos.values() if p.external_id == POS)
        assert pos.order is None  # nothing left on the QR either way
    finally:
        await h.engine.close()
