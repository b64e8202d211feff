"""order.* webhooks from the sandbox: shape, a signature the receiver verifies, retries, secrets."""

from __future__ import annotations

import time

import pytest

from qrcashier.notifications import NotificationReceiver, SignatureVerifier, build_manifest, sign
from tests.integration.sandbox_orders.conftest import POS

pytestmark = pytest.mark.asyncio


async def hook(seller, url: str | None) -> dict:
    reply = await seller.control("PUT", "/sandbox/webhooks", {"url": url})
    assert reply.status_code == 200, reply.text
    return reply.json()


async def new_order(seller, key: str = "k1", reference: str = "CAJA1-S1-1") -> dict:
    reply = await seller.create(key=key, external_reference=reference)
    assert reply.status_code == 201
    return reply.json()


async def test_a_payment_sends_a_signed_order_processed_webhook(seller, catcher):
    secret = (await hook(seller, catcher.url))["secret"]
    order = await new_order(seller)
    await seller.pay()
    (caught,) = await catcher.wait(1)
    assert caught.query == {"data.id": order["id"], "type": "order"}  # the id as it is, upper-case
    assert caught.headers["user-agent"] == "MercadoPago WebHook v1.0"
    body = caught.body
    assert body["action"] == "order.processed" and body["type"] == "order" and body["api_version"] == "v1"
    assert body["user_id"] == str(seller.user_id) and body["live_mode"] is False
    data = body["data"]
    assert (data["id"], data["status"], data["status_detail"]) == (order["id"], "processed", "accredited")
    assert data["total_paid_amount"] == "1000.00" and data["type"] == "qr" and data["version"] >= 2
    # The signature: ts in seconds, the manifest with the id lower-cased.
    ts, v1 = (part.split("=", 1)[1] for part in caught.headers["x-signature"].split(","))
    assert len(ts) == 10 and abs(int(ts) - time.time()) < 60
    request_id = caught.headers["x-request-id"]
    assert build_manifest(order["id"], request_id, ts) == f"id:{order['id'].lower()};request-id:{request_id};ts:{ts};"
    assert v1 == sign(secret, order["id"], request_id, ts)
    SignatureVerifier(secret).verify(caught.headers["x-signature"], request_id, caught.query["data.id"])


async def test_the_receiver_accepts_the_sandboxs_webhooks(seller):
    secret = (await hook(seller, None))["secret"]
    seen: list[tuple[str, str]] = []
    receiver = await NotificationReceiver.start(secret=secret, on_notification=lambda t, r: seen.append((t, r)))
    try:
        await hook(seller, receiver.url)
        order = await new_order(seller)
        await seller.pay()
        await seller.api.idle()
        await receiver.idle()
        assert seen == [("order", order["id"])]
        assert receiver.stats.accepted == 1 and receiver.stats.rejected == 0
        assert [d["delivered"] for d in (await seller.control("GET", "/sandbox/webhooks")).json()["deliveries"]] == [
            True
        ]
    finally:
        await receiver.close()


async def test_a_receiver_with_another_secret_refuses_them(seller):
    receiver = await NotificationReceiver.start(secret="not-the-sandbox-secret", on_notification=lambda t, r: None)
    try:
        await hook(seller, receiver.url)
        await new_order(seller)
        await seller.pay()
        await seller.api.idle()
        assert receiver.stats.rejected >= 1 and receiver.stats.accepted == 0
        delivery = (await seller.control("GET", "/sandbox/webhooks")).json()["deliveries"][0]
        assert delivery["gave_up"] and {a["status"] for a in delivery["attempts"]} == {401}
    finally:
        await receiver.close()


@pytest.mark.parametrize(
    ("act", "action", "status"),
    [("cancel", "order.canceled", "canceled"), ("expire", "order.expired", "expired"),
     ("fail", "order.failed", "failed"), ("refund", "order.refunded", "refunded")],
)
async def test_every_change_is_notified(seller, catcher, act, action, status):
    await hook(seller, catcher.url)
    order = await new_order(seller)
    if act == "cancel":
        await seller.http.post(f"/v1/orders/{order['id']}/cancel", headers={"X-Idempotency-Key": "c"})
    elif act == "expire":
        await seller.control("POST", f"/sandbox/pos/{POS}/expire")
    elif act == "fail":
        await seller.http.post(f"/v1/orders/{order['id']}/events", json={"status": "failed"})
    else:
        await seller.pay()
        await seller.http.post(f"/v1/orders/{order['id']}/refund", headers={"X-Idempotency-Key": "r"})
    caught = await catcher.wait(2 if act == "refund" else 1)
    assert caught[-1].body["action"] == action and caught[-1].body["data"]["status"] == status
    versions = [c.body["data"]["version"] for c in caught]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)


async def test_expiry_by_time_is_notified_by_the_sweep(seller, catcher, server):
    await hook(seller, catcher.url)
    await new_order(seller)
    server.state.clock.advance(16 * 60 + 1)  # nobody reads: the sweep expires it
    (caught,) = await catcher.wait(1)
    assert caught.body["action"] == "order.expired"


async def test_a_failed_delivery_is_retried_with_the_same_request_id(seller, catcher):
    catcher.statuses = [500]
    await hook(seller, catcher.url)
    await new_order(seller)
    await seller.pay()
    first, second = await catcher.wait(2)
    assert first.headers["x-request-id"] == second.headers["x-request-id"]
    delivery = (await seller.control("GET", "/sandbox/webhooks")).json()["deliveries"][0]
    assert [a["status"] for a in delivery["attempts"]] == [500, 200] and delivery["delivered"]


async def test_no_url_no_webhook_and_no_ipn_for_orders(seller, catcher, server):
    order = await new_order(seller)
    await seller.pay()
    await server.notifier.idle()  # every delivery the payment started has ended
    assert catcher.caught == [] and server.state.deliveries == []  # Orders take no notification_url
    assert (await seller.control("GET", "/sandbox/webhooks")).json()["deliveries"] == []
    assert order["id"]


async def test_secrets_are_per_account_and_stable(seller, make_seller, token):
    first = (await seller.control("GET", "/sandbox/webhooks")).json()["secret"]
    assert first == (await hook(seller, None))["secret"] and len(first) >= 32
    other = await make_seller("SANDBOX-MLA-otherseller")
    assert (await other.control("GET", "/sandbox/webhooks")).json()["secret"] != first
    assert token not in first


async def test_webhook_url_is_validated_and_can_be_removed(seller, catcher, server):
    assert (await seller.control("PUT", "/sandbox/webhooks", {"url": "ftp://x"})).status_code == 400
    assert (await seller.control("PUT", "/sandbox/webhooks", [])).status_code == 400
    await hook(seller, catcher.url)
    assert (await seller.control("DELETE", "/sandbox/webhooks")).status_code == 204
    await new_order(seller)
    await seller.pay()
    await server.notifier.idle()
    assert catcher.caught == []
