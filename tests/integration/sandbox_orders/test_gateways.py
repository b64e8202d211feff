"""The Orders API, legacy v1 and legacy dynamic/hybrid gateways against the sandbox, call by call,
and the factory that picks one from the register's settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest
import pytest_asyncio

from qrcashier.checkout import InstoreV2Gateway, OutcomeUnknown, PaymentOrder, PollPolicy, RegisterConfig
from qrcashier.checkout.gateway_orders import OrdersGateway
from qrcashier.checkout.gateway_v1 import InstoreQrGateway, LegacyV1Gateway, ttl_seconds
from qrcashier.checkout.gateways import make_gateway
from qrcashier.domain import emvco
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import Outcome
from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoError, MercadoPagoHTTP, RetryPolicy
from qrcashier.mercadopago.errors import ServerError
from qrcashier.provisioning import RegisterSpec, ensure_register
from tests.integration.sandbox_orders.conftest import POS, STORE, TLS

pytestmark = pytest.mark.asyncio
MLA = SITES["MLA"]
FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02, max_retry_after=0.5)


class Rig:
    def __init__(self, server, http: httpx.AsyncClient, client: MercadoPagoClient, token: str, user_id: int) -> None:
        self.server, self.http, self.client, self.token, self.user_id = server, http, client, token, user_id
        self.sent: list[httpx.Request] = []

    def config(self, **kwargs) -> RegisterConfig:
        return RegisterConfig("CAJA1", self.user_id, STORE, POS, MLA, poll=PollPolicy(), **kwargs)

    async def control(self, method: str, path: str, body=None) -> httpx.Response:
        return await self.http.request(method, self.server.base_url + path, json=body,
                                       headers={"Authorization": f"Bearer {self.token}"})

    async def pay(self, **body) -> dict:
        reply = await self.control("POST", f"/sandbox/pos/{POS}/pay", {"status": "approved", **body})
        assert reply.status_code == 201, reply.text
        return reply.json()

    @property
    def orders_api(self):
        return next(e for e in self.server.state.extensions if hasattr(e, "orders"))

    def pos(self):
        return next(p for p in self.server.state.pos.values() if p.external_id == POS)

    def mp_requests(self) -> list[httpx.Request]:
        return [r for r in self.sent if not r.url.path.startswith("/sandbox/")]


@pytest_asyncio.fixture
async def rig(server, token):
    sent: list[httpx.Request] = []

    async def record(request: httpx.Request) -> None:
        sent.append(request)

    http = httpx.AsyncClient(verify=TLS, event_hooks={"request": [record]})
    client = MercadoPagoClient(MercadoPagoHTTP(http, AccessToken(token), base_url=server.base_url,
                                               timeout=httpx.Timeout(0.3), retry=FAST))
    provisioned = await ensure_register(client, RegisterSpec(STORE, POS))
    rig = Rig(server, http, client, token, provisioned.user.id)
    rig.sent = sent
    sent.clear()
    try:
        yield rig
    finally:
        await http.aclose()


def payment_order(n: int = 1, *, total: str = "1250.50", key: str | None = None, **kwargs) -> PaymentOrder:
    cart = Cart(MLA)
    cart.add("Café", "250.10", 5)
    assert cart.total == Decimal(total)
    return PaymentOrder(
        attempt_id=n, reference=f"CAJA1-S{n}-1", idempotency_key=key or f"key-{n:032d}", site=MLA,
        total=cart.total, lines=cart.lines, title="Kiosco", expires_at=datetime.now(UTC) + timedelta(minutes=10),
        **kwargs,
    )


# --- the factory -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("api", "mode", "cls"),
    [
        (None, None, InstoreV2Gateway),
        ("instore_v2", "static", InstoreV2Gateway),
        ("INSTORE_V2", "dynamic", InstoreQrGateway),
        ("instore_v2", "hybrid", InstoreQrGateway),
        ("orders", "static", OrdersGateway),
        ("orders", "dynamic", OrdersGateway),
        ("orders", "hybrid", OrdersGateway),
        ("v1", "static", LegacyV1Gateway),
    ],
)
async def test_the_factory_picks_by_setting(rig, api, mode, cls):
    gateway = make_gateway(api, rig.client, rig.config(), qr_mode=mode)
    assert type(gateway) is cls
    assert gateway.name == {"orders": "orders", "v1": "v1"}.get((api or "").lower(), "instore_v2")


@pytest.mark.parametrize(
    ("api", "mode"), [("v2", "static"), ("orders", "animated"), ("v1", "dynamic"), ("v1", "hybrid")]
)
async def test_the_factory_refuses_what_it_cannot_do(rig, api, mode):
    with pytest.raises(ValueError):
        make_gateway(api, rig.client, rig.config(), qr_mode=mode)


# --- Orders API gateway --------------------------------------------------------------------------------

async def test_orders_publish_lookup_pay(rig):
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    order = payment_order()
    published = await gateway.publish(order)
    assert published.gateway_order_id.startswith("ORD") and published.qr_data is None
    body = next(r for r in rig.mp_requests() if r.method == "POST")
    assert body.headers["X-Idempotency-Key"] == order.idempotency_key
    placed = PaymentOrder(**{**order.__dict__, "gateway_order_id": published.gateway_order_id})
    first = await gateway.lookup(placed, check_published=True)
    assert first.outcome == Outcome.NOTHING and first.published is True
    assert first.raw["order"]["status"] == "created"
    payment = (await rig.pay())["payment"]
    paid = await gateway.lookup(placed)
    assert paid.outcome == Outcome.PAID and paid.published is None
    assert [(p.mp_payment_id, p.amount) for p in paid.decision.payments] == [(payment["id"], Decimal("1250.50"))]
    reads = [r for r in rig.mp_requests() if r.method == "GET"]
    assert all(r.url.path == f"/v1/orders/{published.gateway_order_id}" for r in reads)  # one request per read


@pytest.mark.parametrize("mode", ["dynamic", "hybrid"])
async def test_orders_dynamic_modes_hand_back_qr_data(rig, mode):
    gateway = OrdersGateway(rig.client, rig.config(), mode=mode, publish_retry=FAST)
    published = await gateway.publish(payment_order())
    assert emvco.parse(published.qr_data).is_dynamic


async def test_orders_publish_after_a_timeout_makes_one_order(rig):
    await rig.control("PUT", "/sandbox/faults", [{"path": "/v1/orders", "method": "POST", "kind": "latency",
                                                 "seconds": 0.5, "after": True, "times": 1}])
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    published = await gateway.publish(payment_order())
    posts = [r for r in rig.mp_requests() if r.method == "POST" and r.url.path == "/v1/orders"]
    assert len(posts) == 2 and posts[0].content == posts[1].content
    assert {r.headers["X-Idempotency-Key"] for r in posts} == {payment_order().idempotency_key}
    assert list(rig.orders_api.orders) == [published.gateway_order_id]


async def test_orders_unknown_publish_is_learnt_by_replaying_it(rig):
    await rig.control("PUT", "/sandbox/faults", [{"path": "/v1/orders", "method": "POST", "kind": "drop",
                                                 "after": True, "times": 3}])
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    order = payment_order()
    with pytest.raises(MercadoPagoError) as lost:
        await gateway.publish(order)
    assert lost.value.retryable and len(rig.orders_api.orders) == 1
    unknown = await gateway.lookup(order, check_published=True)  # no order id yet: by reference
    assert unknown.outcome == Outcome.NOTHING and unknown.published is False
    again = await gateway.publish(order)  # the engine's republish: same key, same body
    assert list(rig.orders_api.orders) == [again.gateway_order_id]


async def test_orders_settings_changed_under_the_same_key_is_an_unknown_outcome(rig):
    order = payment_order()
    await OrdersGateway(rig.client, rig.config(), publish_retry=FAST).publish(order)
    changed = OrdersGateway(rig.client, rig.config(order_expiry=timedelta(minutes=5)), publish_retry=FAST)
    with pytest.raises(OutcomeUnknown):
        await changed.publish(order)


async def test_orders_withdraw_cancels_and_is_idempotent(rig):
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    order = payment_order()
    placed = PaymentOrder(**{**order.__dict__, "gateway_order_id": (await gateway.publish(order)).gateway_order_id})
    await gateway.withdraw(placed)
    await gateway.withdraw(placed)  # already canceled: still success
    assert rig.pos().order is None
    after = await gateway.lookup(placed, check_published=True)
    assert after.outcome == Outcome.CANCELLED and after.published is False


async def test_orders_withdraw_without_an_id_replays_then_cancels(rig):
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    order = payment_order()
    published = await gateway.publish(order)
    await gateway.withdraw(order)  # the engine never learnt the id
    assert rig.orders_api.orders[published.gateway_order_id].status == "canceled"
    assert len(rig.orders_api.orders) == 1


async def test_orders_withdraw_after_payment_is_not_an_error(rig):
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    order = payment_order()
    placed = PaymentOrder(**{**order.__dict__, "gateway_order_id": (await gateway.publish(order)).gateway_order_id})
    await rig.pay()
    await gateway.withdraw(placed)  # 409 cannot_cancel_order: it is not on the QR
    assert (await gateway.lookup(placed)).outcome == Outcome.PAID


@pytest.mark.parametrize(("event", "outcome"), [("failed", Outcome.CANCELLED), ("expired", Outcome.EXPIRED),
                                                 ("action_required", Outcome.SCANNED)])
async def test_orders_other_statuses(rig, event, outcome):
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    order = payment_order()
    placed = PaymentOrder(**{**order.__dict__, "gateway_order_id": (await gateway.publish(order)).gateway_order_id})
    await rig.http.post(f"{rig.server.base_url}/v1/orders/{placed.gateway_order_id}/events", json={"status": event},
                        headers={"Authorization": f"Bearer {rig.token}"})
    assert (await gateway.lookup(placed)).outcome == outcome


async def paid_through_orders(rig, gateway) -> int:
    await gateway.publish(payment_order())
    return (await rig.pay())["payment"]["id"]


async def test_orders_full_refund_through_the_order(rig):
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    payment_id = await paid_through_orders(rig, gateway)
    result = await gateway.refund(payment_id, None, "refund-key-1")
    payment = rig.server.state.payments[payment_id]
    assert result.status == "approved" and result.amount == Decimal("1250.50")
    assert [r.id for r in payment.refunds] == [result.mp_refund_id] and payment.status == "refunded"
    assert any(r.url.path.endswith("/refund") for r in rig.mp_requests())
    again = await gateway.refund(payment_id, None, "refund-key-1")  # a retry, same key: the same refund
    assert again == result and len(payment.refunds) == 1


async def test_orders_partial_refund_through_the_order(rig):
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    payment_id = await paid_through_orders(rig, gateway)
    result = await gateway.refund(payment_id, Decimal("250.50"), "refund-key-2")
    assert result.status == "approved" and result.amount == Decimal("250.50")
    refund_post = next(r for r in rig.mp_requests() if r.url.path.endswith("/refund"))
    assert b'"amount":"250.50"' in refund_post.content


async def test_orders_partial_refund_falls_back_to_the_payment_where_unsupported(rig):
    await rig.control("PUT", "/sandbox/orders/settings", {"partial_refunds": False})
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    payment_id = await paid_through_orders(rig, gateway)
    result = await gateway.refund(payment_id, Decimal("100.00"), "refund-key-3")
    assert result.status == "approved" and result.amount == Decimal("100.00")
    classic = next(r for r in rig.mp_requests() if r.url.path == f"/v1/payments/{payment_id}/refunds")
    assert classic.headers["X-Idempotency-Key"] == "refund-key-3-p"
    assert [r.amount for r in rig.server.state.payments[payment_id].refunds] == [Decimal("100.00")]


async def test_orders_gateway_refunds_a_payment_without_an_order_the_classic_way(rig):
    await InstoreV2Gateway(rig.client, rig.config()).publish(payment_order())
    payment_id = (await rig.pay())["payment"]["id"]
    gateway = OrdersGateway(rig.client, rig.config(), publish_retry=FAST)
    result = await gateway.refund(payment_id, None, "refund-key-4")
    assert result.status == "approved" and rig.server.state.payments[payment_id].status == "refunded"


# --- legacy v1 -----------------------------------------------------------------------------------------

async def test_v1_publish_lookup_withdraw(rig):
    gateway = LegacyV1Gateway(rig.client, rig.config(), publish_retry=FAST)
    order = payment_order()
    published = await gateway.publish(order)
    post = next(r for r in rig.mp_requests() if r.method == "POST")
    assert post.url.path == f"/mpmobile/instore/qr/{rig.user_id}/{POS}"
    assert 598 <= int(post.headers["X-Ttl-Store-Preference"]) <= 600
    assert published.gateway_order_id and rig.pos().order.kind == "v1"
    assert (await gateway.lookup(order, check_published=True)).published is True
    await gateway.withdraw(order)
    await gateway.withdraw(order)
    assert rig.pos().order is None
    assert (await gateway.lookup(order, check_published=True)).published is False


async def test_v1_payment_is_read_from_merchant_orders(rig):
    gateway = LegacyV1Gateway(rig.client, rig.config(), publish_retry=FAST)
    order = payment_order()
    await gateway.publish(order)
    payment = (await rig.pay())["payment"]
    lookup = await gateway.lookup(order)
    assert lookup.outcome == Outcome.PAID and lookup.decision.payments[0].mp_payment_id == payment["id"]


async def test_v1_ttl_never_outlives_the_attempt():
    now = datetime(2030, 1, 1, tzinfo=UTC)
    order = payment_order()
    order = PaymentOrder(**{**order.__dict__, "expires_at": now + timedelta(seconds=59.9)})
    assert ttl_seconds(order, now) == 59
    assert ttl_seconds(order, now + timedelta(hours=1)) == 1


# --- legacy dynamic / hybrid (/qrs) ------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["dynamic", "hybrid"])
async def test_legacy_qrs_publish_returns_qr_data(rig, mode):
    gateway = InstoreQrGateway(rig.client, rig.config(), mode=mode, publish_retry=FAST)
    order = payment_order()
    published = await gateway.publish(order)
    request = next(r for r in rig.mp_requests() if r.url.path.endswith("/qrs"))
    assert request.method == ("PUT" if mode == "hybrid" else "POST")
    payload = emvco.parse(published.qr_data)
    assert payload.is_dynamic and payload.order_id == published.gateway_order_id
    # The engine hands the attempt's in_store_order_id back (a dynamic QR's "is it on the QR?"
    # comes from it: the v2 GET shows only the static QR's order).
    order = replace(order, gateway_order_id=published.gateway_order_id)
    assert (await gateway.lookup(order, check_published=True)).published is True
    await rig.pay()
    assert (await gateway.lookup(order)).outcome == Outcome.PAID
    assert (await gateway.lookup(order, check_published=True)).published is False


async def test_legacy_dynamic_qr_is_not_withdrawable(rig):
    gateway = InstoreQrGateway(rig.client, rig.config(), mode="dynamic", publish_retry=FAST)
    assert gateway.withdraw_is_final is False
    assert InstoreQrGateway(rig.client, rig.config(), mode="hybrid").withdraw_is_final is True
    order = payment_order()
    published = await gateway.publish(order)
    order = replace(order, gateway_order_id=published.gateway_order_id)
    sent = len(rig.mp_requests())
    await gateway.withdraw(order)
    assert len(rig.mp_requests()) == sent  # there is no DELETE for a dynamic QR (§1.5)
    assert (await gateway.lookup(order, check_published=True)).published is True  # still payable
    assert (await gateway.lookup(replace(order, gateway_order_id=None), check_published=True)).published is False


async def test_legacy_dynamic_post_is_sent_once(rig):
    await rig.control("PUT", "/sandbox/faults", [{"path": "*/qrs", "method": "POST", "kind": "status",
                                                 "status": 503, "times": 1}])
    gateway = InstoreQrGateway(rig.client, rig.config(), mode="dynamic", publish_retry=FAST)
    with pytest.raises(ServerError):
        await gateway.publish(payment_order())
    assert len([r for r in rig.mp_requests() if r.url.path.endswith("/qrs")]) == 1


async def test_legacy_hybrid_put_is_retried(rig):
    await rig.control("PUT", "/sandbox/faults", [{"path": "*/qrs", "method": "PUT", "kind": "status",
                                                 "status": 503, "times": 1}])
    gateway = InstoreQrGateway(rig.client, rig.config(), mode="hybrid", publish_retry=FAST)
    published = await gateway.publish(payment_order())
    assert published.qr_data and len([r for r in rig.mp_requests() if r.url.path.endswith("/qrs")]) == 2
