"""The sandbox's Point terminals through the real Point client: statuses, rules, errors, webhooks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qrcashier.domain.money import site
from qrcashier.mercadopago.point import (
    VIRTUAL_TERMINAL,
    CannotCancelAtTerminal,
    NewPointOrder,
    PointClient,
    TerminalBusy,
    TerminalNotInPdv,
    TerminalNotOwned,
)
from qrcashier.notifications.signature import parse_signature_header, sign

MLA = site("MLA")


def point(seller) -> PointClient:
    return PointClient(seller.mp.http)


def order(terminal: str = VIRTUAL_TERMINAL, ref: str = "CAJA1-S1-1", amount: str = "1500") -> NewPointOrder:
    return NewPointOrder(external_reference=ref, amount=Decimal(amount), terminal_id=terminal)


async def advance(seller, seconds: float) -> None:
    r = await seller.control("POST", "/sandbox/clock/advance", {"seconds": seconds})
    assert r.status_code < 300, r.text


async def tap(seller, terminal: str, action: str, body: dict | None = None):
    return await seller.control("POST", f"/sandbox/point/terminals/{terminal}/{action}", body or {})


@pytest.mark.asyncio
async def test_terminals_list_the_virtual_one_and_the_pos_terminal_which_setup_puts_in_pdv(seller):
    client = point(seller)
    terminals = await client.terminals()
    ids = {t.id: t for t in terminals}
    assert ids[VIRTUAL_TERMINAL].operating_mode == "PDV"
    smart = next(t for t in terminals if t.id != VIRTUAL_TERMINAL)
    assert smart.external_pos_id == "POS1" and smart.operating_mode == "STANDALONE"
    with pytest.raises(TerminalNotInPdv):
        await client.create(order(smart.id), MLA, idempotency_key="k-standalone")
    assert await client.set_operating_mode(smart.id, "PDV") == "PDV"
    assert [t.id for t in await client.terminals(store_id=smart.store_id)] == [smart.id]
    created = await client.create(order(smart.id), MLA, idempotency_key="k-pdv")
    assert created.status == "created" and created.terminal_id == smart.id


@pytest.mark.asyncio
async def test_an_unknown_terminal_and_a_busy_terminal_are_refused_and_a_replay_returns_the_same_order(seller):
    client = point(seller)
    with pytest.raises(TerminalNotOwned):
        await client.create(order("PAX_A910__NOTMINE01"), MLA, idempotency_key="k0")
    first = await client.create(order(), MLA, idempotency_key="k1")
    again = await client.create(order(), MLA, idempotency_key="k1")
    assert again.id == first.id
    with pytest.raises(TerminalBusy):
        await client.create(order(ref="CAJA1-S2-1"), MLA, idempotency_key="k2")


@pytest.mark.asyncio
async def test_created_then_at_terminal_then_approved_with_the_card_then_refunded_in_part_and_in_full(seller):
    client = point(seller)
    created = await client.create(order(), MLA, idempotency_key="k1")
    await advance(seller, 1.5)
    assert (await client.get(created.id)).status == "at_terminal"
    with pytest.raises(CannotCancelAtTerminal):
        await client.cancel(created.id, idempotency_key="c1")
    r = await tap(seller, VIRTUAL_TERMINAL, "approve", {"brand": "visa", "installments": 3, "last_four": "4242"})
    assert r.status_code == 200, r.text
    paid = await client.get(created.id)
    assert paid.status == "processed" and paid.order.paid_total == Decimal("1500.00")
    assert (paid.card.brand, paid.card.installments, paid.card.last_four) == ("visa", 3, "4242")
    assert paid.card.payment_id is not None
    part = await client.refund(created.id, idempotency_key="r1",
                               transactions=[(paid.card.payment_tx_id, Decimal("500"))], site=MLA)
    assert part.status_detail == "partially_refunded" and part.refunds[0].amount == Decimal("500.00")
    full = await client.refund(created.id, idempotency_key="r2")
    assert full.status == "refunded"


@pytest.mark.asyncio
async def test_cancel_while_created_and_the_at_terminal_header_on_a_point_smart(seller):
    client = point(seller)
    first = await client.create(order(), MLA, idempotency_key="k1")
    done = await client.cancel(first.id, idempotency_key="c1")
    assert done.order is not None and done.order.status == "canceled"
    assert done.order.order.payments[0].status_detail == "canceled_by_api"
    smart = next(t for t in await client.terminals() if t.id != VIRTUAL_TERMINAL)
    await client.set_operating_mode(smart.id, "PDV")
    second = await client.create(order(smart.id, ref="CAJA1-S2-1"), MLA, idempotency_key="k2")
    await advance(seller, 1.5)
    later = await client.cancel(second.id, idempotency_key="c2", at_terminal=True)
    assert later.accepted_later
    assert (await client.get(second.id)).status == "at_terminal"
    await advance(seller, 1.5)
    assert (await client.get(second.id)).status == "canceled"


@pytest.mark.asyncio
async def test_rejected_on_the_terminal_fails_the_order_and_a_new_one_can_be_sent(seller):
    client = point(seller)
    first = await client.create(order(), MLA, idempotency_key="k1")
    r = await tap(seller, VIRTUAL_TERMINAL, "reject", {"status_detail": "high_risk"})
    assert r.status_code == 200, r.text
    failed = await client.get(first.id)
    assert failed.status == "failed" and failed.order.payments[0].status_detail == "high_risk"
    second = await client.create(order(ref="CAJA1-S1-2"), MLA, idempotency_key="k2")
    assert second.status == "created"


@pytest.mark.asyncio
async def test_a_card_left_processing_becomes_action_required_and_an_unpaid_order_expires(seller):
    client = point(seller)
    first = await client.create(order(), MLA, idempotency_key="k1")
    await tap(seller, VIRTUAL_TERMINAL, "insert_card")
    await advance(seller, 41)
    assert (await client.get(first.id)).status == "action_required"
    second = await client.create(order(ref="CAJA1-S1-2"), MLA, idempotency_key="k2")
    await advance(seller, 15 * 60 + 1)
    assert (await client.get(second.id)).status == "expired"


@pytest.mark.asyncio
async def test_test_events_need_test_credentials(make_seller):
    seller = await make_seller("TEST-1234567890-point")
    client = point(seller)
    created = await client.create(order(), MLA, idempotency_key="k1")
    assert created.id.startswith("ORDTST")
    await client.simulate(created.id, "processed", payment_method_id="visa", payment_method_type="debit_card")
    got = await client.get(created.id)
    assert got.status == "processed" and got.card.brand == "visa"
    await client.simulate(created.id, "refunded")
    assert (await client.get(created.id)).status == "refunded"


@pytest.mark.asyncio
async def test_each_change_sends_a_signed_order_webhook(seller, catcher):
    hooks = (await seller.control("PUT", "/sandbox/webhooks", {"url": catcher.url})).json()
    client = point(seller)
    created = await client.create(order(), MLA, idempotency_key="k1")
    await tap(seller, VIRTUAL_TERMINAL, "approve")
    caught = await catcher.wait(2)
    assert [c.body["action"] for c in caught[:2]] == ["order.at_terminal", "order.processed"]
    last = caught[1]
    assert last.body["type"] == "order" and last.body["data"]["id"] == created.id
    assert last.body["data"]["type"] == "point"
    header = parse_signature_header(last.headers["x-signature"])
    assert sign(hooks["secret"], last.query["data.id"], last.headers["x-request-id"], header.ts) in header.hashes
