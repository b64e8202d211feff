"""The whole unattended flow on loopback: engine + merchant endpoint + sandbox + notifications.

Mercado Pago's homologation cases for the unattended model (api §6) are here too: scanning
before the order exists waits; invalid parameters give an error; a url that does not answer
makes the app say it cannot operate; after payment the merchant is notified and reads the
merchant_order."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal

import pytest

from qrcashier.checkout import PaymentRejected, ReceiptIssued, RefundState, Scanned
from qrcashier.domain.sale import AttemptState as S
from qrcashier.unattended import SlotState, TakeReason
from tests.integration.sandbox_unattended.conftest import FAST_POLL, POS, Rig, cart, until

pytestmark = pytest.mark.asyncio


async def test_scan_before_the_order_waits_then_the_customer_pays(rig: Rig) -> None:
    register = await rig.register()
    assert (await rig.phone())["step"] == "scan"  # an unattended POS: the phone asks the merchant

    # The customer scans first: Mercado Pago polls the endpoint, which has nothing yet.
    scan = asyncio.create_task(rig.scan())
    await until(lambda: rig.endpoint.status(POS).polls >= 3, what="the sandbox to poll the POS url")
    assert not scan.done()  # the customer sees the waiting screen
    assert rig.endpoint.status(POS).state == SlotState.IDLE

    # The register charges: the order goes on the endpoint, not on Mercado Pago.
    attempt = await register.engine.charge(cart())
    assert attempt.state == S.WAITING
    assert rig.endpoint.status(POS).reference == attempt.reference
    assert not any(p.order for p in rig.sandbox.state.pos.values() if p.url is None)

    # The next poll gets it: the scan ends with the merchant_order for it.
    scanned = await asyncio.wait_for(scan, 5)
    assert scanned.status_code == 201, scanned.text
    mo = scanned.json()
    assert mo["external_reference"] == attempt.reference and mo["status"] == "opened"
    assert mo["total_amount"] == 3900.99 and len(mo["items"]) == 2
    assert rig.endpoint.status(POS).deliveries == 1

    # The customer pays; the notification makes the engine read now (its poll is 5 s).
    loop = asyncio.get_running_loop()
    paid_at = loop.time()
    paid = await rig.pay(merchant_order_id=mo["id"])
    assert paid.status_code == 201, paid.text
    await register.wait_state(attempt.id, S.PAID, timeout=3)
    assert loop.time() - paid_at < 1.5, "paid was seen through the notification, not the 5 s poll"
    payment_id = paid.json()["payment"]["id"]
    assert ("payment", str(payment_id)) in rig.notifications
    assert ("merchant_order", str(mo["id"])) in rig.notifications
    assert [(p.mp_payment_id, p.amount) for p in await register.engine.payments(attempt_id=attempt.id)] == [
        (payment_id, Decimal("3900.99"))
    ]
    assert len(register.of(ReceiptIssued)) == 1 and len(register.of(Scanned)) == 1

    # The paid order left the endpoint: scanning again is "nothing to pay".
    status = rig.endpoint.status(POS)
    assert status.state == SlotState.PAID and status.last_taken == (attempt.reference, TakeReason.PAID)
    again = await rig.scan()
    assert (again.status_code, again.json()["error"]) == (409, "no_order")


async def test_order_first_then_scan_then_refund(rig: Rig) -> None:
    register = await rig.register()
    attempt = await register.engine.charge(cart())
    scanned = await rig.scan()
    assert scanned.status_code == 201 and scanned.json()["external_reference"] == attempt.reference
    payment = (await rig.pay()).json()["payment"]
    await register.wait_state(attempt.id, S.PAID)
    refund = await register.engine.refund(payment["id"], "1000.50", "supervisor", "wrong pump")
    assert refund.state == RefundState.APPROVED and refund.amount == Decimal("1000.50")
    rest = await register.engine.refund(payment["id"], None, "supervisor", "customer left")
    assert rest.state == RefundState.APPROVED and rest.amount == Decimal("2900.49")
    assert rig.sandbox.state.payments[payment["id"]].status == "refunded"


async def test_cancel_before_anyone_scans(rig: Rig) -> None:
    register = await rig.register()
    attempt = await register.engine.charge(cart())
    cancelled = await register.engine.cancel(attempt.id, "supervisor", "customer paid cash")
    assert cancelled.state == S.CANCELLED
    assert rig.endpoint.status(POS).state == SlotState.IDLE
    assert rig.endpoint.status(POS).last_taken == (attempt.reference, TakeReason.WITHDRAWN)
    # A scan now finds nothing: Mercado Pago waits on "Waiting_for_order" until it gives up.
    r = await rig.scan()
    assert (r.status_code, r.json()["error"]) == (504, "unattended_timeout")
    assert not rig.sandbox.state.merchant_orders


async def test_cancel_after_a_scan_a_late_payment_still_wins(rig: Rig) -> None:
    register = await rig.register(poll=FAST_POLL)
    attempt = await register.engine.charge(cart())
    mo = (await rig.scan()).json()
    cancelled = await register.engine.cancel(attempt.id, "supervisor", "pump stopped")
    assert cancelled.state == S.CANCELLED
    assert rig.endpoint.status(POS).reference is None
    # The customer was already on the pay screen and pays anyway: paid wins, as attended.
    assert (await rig.pay(merchant_order_id=mo["id"])).status_code == 201
    await register.wait_state(attempt.id, S.PAID)
    assert len(register.of(ReceiptIssued)) == 1


async def test_rejected_then_paid(rig: Rig) -> None:
    register = await rig.register()
    attempt = await register.engine.charge(cart())
    mo = (await rig.scan()).json()
    assert (await rig.pay("rejected", merchant_order_id=mo["id"])).status_code == 201
    await until(lambda: register.of(PaymentRejected), what="the rejection")
    assert await register.state(attempt.id) == S.WAITING
    assert rig.endpoint.status(POS).reference == attempt.reference  # still offered: the customer may retry
    assert (await rig.pay(merchant_order_id=mo["id"])).status_code == 201
    await register.wait_state(attempt.id, S.PAID)


async def test_an_order_nobody_pays_expires_on_both_sides(rig: Rig) -> None:
    register = await rig.register(poll=FAST_POLL, order_expiry=timedelta(seconds=1))
    attempt = await register.engine.charge(cart())
    await rig.scan()
    await register.wait_state(attempt.id, S.EXPIRED, timeout=4)
    assert rig.endpoint.status(POS).reference is None
    assert [m.status for m in rig.sandbox.state.merchant_orders.values()] == ["expired"]


async def test_the_older_400_contract(rig: Rig) -> None:
    rig.endpoint.contract = "400"
    register = await rig.register()
    # Nothing being prepared: "unavailable", which Mercado Pago (the sandbox) takes as nothing to pay.
    idle = await rig.scan()
    assert (idle.status_code, idle.json()["error"]) == (409, "no_order")
    # The pump is running: "in_process" keeps the customer waiting until the order is placed.
    rig.endpoint.set_preparing(POS)
    scan = asyncio.create_task(rig.scan())
    await until(lambda: rig.endpoint.status(POS).polls >= 4, what="polls while preparing")
    assert not scan.done()
    attempt = await register.engine.charge(cart())
    mo = (await asyncio.wait_for(scan, 5)).json()
    assert mo["external_reference"] == attempt.reference
    await rig.pay(merchant_order_id=mo["id"])
    await register.wait_state(attempt.id, S.PAID)


async def test_invalid_parameters_give_an_error(rig: Rig) -> None:
    await rig.client.update_pos(rig.pos_id, url=rig.endpoint.pos_url("NOTSERVED"))
    r = await rig.scan()
    assert r.status_code == 502 and r.json()["error"] == "unattended_error"
    assert "invalid" in r.json()["message"]


async def test_a_machine_that_cannot_be_reached_is_an_error(rig: Rig) -> None:
    rig.endpoint.set_device_down(POS)
    r = await rig.scan()
    assert r.status_code == 502 and "timeout" in r.json()["message"]


async def test_an_endpoint_that_does_not_answer_cannot_operate(rig: Rig) -> None:
    register = await rig.register()
    await rig.endpoint.close()
    r = await rig.scan()
    assert r.status_code == 502 and r.json()["error"] == "unattended_error"
    assert "does not answer" in r.json()["message"]
    # The register can still charge (the in-process board keeps the order); the scan is what fails.
    attempt = await register.engine.charge(cart())
    assert attempt.state == S.WAITING


async def test_a_restart_finds_the_order_still_on_the_endpoint(rig: Rig) -> None:
    first = await rig.register()
    attempt = await first.engine.charge(cart())
    await first.engine.close()
    await first.journal.close()
    rig.registers.remove(first)
    second = await rig.register()  # start() reconciles: the order is on the endpoint, still waiting
    assert await second.state(attempt.id) == S.WAITING
    mo = (await rig.scan()).json()
    await rig.pay(merchant_order_id=mo["id"])
    await second.wait_state(attempt.id, S.PAID)


async def test_after_a_cancel_a_new_scan_asks_the_endpoint_again(rig: Rig) -> None:
    """Each scan calls the POS url: an order the merchant withdrew is not offered to the next
    customer from what Mercado Pago fetched for an earlier scan."""
    register = await rig.register()
    attempt = await register.engine.charge(cart())
    assert (await rig.scan()).status_code == 201
    polls = rig.endpoint.status(POS).polls
    await register.engine.cancel(attempt.id, "supervisor", "pump stopped")
    r = await rig.scan()
    assert rig.endpoint.status(POS).polls > polls
    assert (r.status_code, r.json()["error"]) == (504, "unattended_timeout")
