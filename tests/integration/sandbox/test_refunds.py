"""Refunds: idempotency key, full and partial, limits, and what they do to payment and merchant_order (§4.2)."""

from __future__ import annotations

import pytest


async def paid(seller) -> tuple[dict, dict]:
    await seller.put_order()
    out = (await seller.control("pay", {"status": "approved"})).json()
    return out["payment"], out["merchant_order"]


def refund_path(payment: dict) -> str:
    return f"/v1/payments/{payment['id']}/refunds"


@pytest.mark.asyncio
async def test_full_refund_without_body_answers_200(seller) -> None:
    payment, mo = await paid(seller)
    r = await seller.client.post(refund_path(payment), headers={"X-Idempotency-Key": "full-1"})
    assert r.status_code == 200
    refund = r.json()
    assert isinstance(refund["id"], int) and refund["payment_id"] == payment["id"]
    assert refund["amount"] == 200.0 and refund["amount_refunded_to_payer"] == 200.0
    assert (refund["status"], refund["refund_mode"], refund["source"]["type"]) == ("approved", "standard", "collector")
    for key in (
        "metadata",
        "labels",
        "partition_details",
        "unique_sequence_number",
        "reason",
        "e2e_id",
        "date_created",
    ):
        assert key in refund

    after = (await seller.client.get(f"/v1/payments/{payment['id']}")).json()
    assert (after["status"], after["status_detail"], after["transaction_amount_refunded"]) == (
        "refunded",
        "refunded",
        200.0,
    )
    assert [r["id"] for r in after["refunds"]] == [refund["id"]]
    mo_after = (await seller.client.get(f"/merchant_orders/{mo['id']}")).json()
    assert (mo_after["status"], mo_after["order_status"], mo_after["refunded_amount"]) == ("closed", "reverted", 200.0)
    assert mo_after["payments"][0]["amount_refunded"] == 200.0 and mo_after["payments"][0]["status"] == "refunded"


@pytest.mark.asyncio
async def test_empty_object_is_a_full_refund_too(seller) -> None:
    payment, _ = await paid(seller)
    r = await seller.client.post(refund_path(payment), json={}, headers={"X-Idempotency-Key": "full-2"})
    assert r.status_code == 200 and r.json()["amount"] == 200.0


@pytest.mark.asyncio
async def test_partial_refunds_answer_201_and_add_up(seller) -> None:
    payment, mo = await paid(seller)
    r = await seller.client.post(refund_path(payment), json={"amount": 50.5}, headers={"X-Idempotency-Key": "p-1"})
    assert r.status_code == 201 and r.json()["amount"] == 50.5
    after = (await seller.client.get(f"/v1/payments/{payment['id']}")).json()
    assert (after["status"], after["status_detail"], after["transaction_amount_refunded"]) == (
        "approved", "partially_refunded", 50.5)
    mo_after = (await seller.client.get(f"/merchant_orders/{mo['id']}")).json()
    assert (mo_after["order_status"], mo_after["refunded_amount"], mo_after["paid_amount"]) == (
        "partially_reverted", 50.5, 200.0)

    too_much = await seller.client.post(
        refund_path(payment), json={"amount": 150}, headers={"X-Idempotency-Key": "p-2"}
    )
    assert too_much.status_code == 400 and "cause" in too_much.json()
    # What remains, then nothing more.
    rest = await seller.client.post(refund_path(payment), headers={"X-Idempotency-Key": "p-3"})
    assert rest.status_code == 200 and rest.json()["amount"] == 149.5
    listing = (await seller.client.get(refund_path(payment))).json()
    assert [x["amount"] for x in listing] == [50.5, 149.5]
    one = (await seller.client.get(f"{refund_path(payment)}/{listing[0]['id']}")).json()
    assert one == listing[0]
    again = await seller.client.post(refund_path(payment), headers={"X-Idempotency-Key": "p-4"})
    assert again.status_code == 400  # fully refunded: status refunded, nothing left


@pytest.mark.asyncio
async def test_the_idempotency_key_is_required(seller) -> None:
    payment, _ = await paid(seller)
    r = await seller.client.post(refund_path(payment))
    assert r.status_code == 400
    body = r.json()
    assert body["status"] == 400 and body["cause"][0]["code"] == 4292
    assert (await seller.client.get(f"/v1/payments/{payment['id']}")).json()["refunds"] == []


@pytest.mark.asyncio
async def test_same_key_same_body_returns_the_same_refund(seller) -> None:
    payment, _ = await paid(seller)
    headers = {"X-Idempotency-Key": "retry-me"}
    first = await seller.client.post(refund_path(payment), json={"amount": 20}, headers=headers)
    second = await seller.client.post(refund_path(payment), json={"amount": 20.0}, headers=headers)
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json() == second.json()
    after = (await seller.client.get(f"/v1/payments/{payment['id']}")).json()
    assert len(after["refunds"]) == 1 and after["transaction_amount_refunded"] == 20


@pytest.mark.asyncio
async def test_same_key_different_body_is_409(seller) -> None:
    payment, _ = await paid(seller)
    headers = {"X-Idempotency-Key": "k"}
    await seller.client.post(refund_path(payment), json={"amount": 20}, headers=headers)
    r = await seller.client.post(refund_path(payment), json={"amount": 30}, headers=headers)
    assert r.status_code == 409 and r.json()["error"] == "idempotency_key_already_used"
    r = await seller.client.post(refund_path(payment), headers=headers)  # full vs partial: different too
    assert r.status_code == 409


@pytest.mark.asyncio
async def test_only_approved_payments_can_be_refunded(seller) -> None:
    await seller.put_order()
    rejected = (await seller.control("pay", {"status": "rejected"})).json()["payment"]
    r = await seller.client.post(refund_path(rejected), headers={"X-Idempotency-Key": "rej"})
    assert r.status_code == 400 and r.json()["cause"][0]["code"] == 2063


@pytest.mark.asyncio
async def test_refund_body_errors_and_unknown_payment(seller) -> None:
    payment, _ = await paid(seller)
    for body in ({"amount": "10"}, {"amount": 0}, {"amount": 1.234}, {"total": 5}):
        r = await seller.client.post(refund_path(payment), json=body, headers={"X-Idempotency-Key": str(body)})
        assert r.status_code == 400, body
        assert r.json()["status"] == 400 and isinstance(r.json()["cause"], list)
    r = await seller.client.post("/v1/payments/123/refunds", headers={"X-Idempotency-Key": "x"})
    assert r.status_code == 404 and r.json()["cause"][0]["code"] == 2000
