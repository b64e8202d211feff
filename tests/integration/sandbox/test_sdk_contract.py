"""Every in-store, payment, refund, merchant_order and Orders API call the official SDKs make,
answered by the sandbox as Mercado Pago answers it (issue 13.6).

Each row is a request as an SDK sends it (method, path with its trailing slash or not, query,
X-Idempotency-Key, body), read from the SDK's source (github.com/mercadopago/sdk-<lang>, the
file named in the row), and what Mercado Pago answers (mercadopago-api.md, mercadopago-point.md).
The rows run in order against one seller whose sale is already paid and partly refunded."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio

from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP
from qrcashier.provisioning import RegisterSpec, ensure_register
from qrcashier.sandbox.clock import Clock
from qrcashier.sandbox.server import SandboxServer
from tests.integration.sandbox_orders.conftest import POS, STORE, order_body

START = datetime(2025, 12, 9, 17, 19, 54, 99000, tzinfo=UTC)
KEY = {"X-Idempotency-Key": "sdk-contract-1"}


@dataclass
class Row:
    sdk: str  # the SDK and the file of its source the request comes from
    method: str
    path: str  # with {payment}, {refund}, {mo}, {order}, {new_order}, {ref} filled in
    query: dict[str, str] | None
    status: int
    check: Callable[[Any], bool]
    headers: dict[str, str] | None = None
    body: Any = None


def iso(when: datetime) -> str:
    return when.isoformat(timespec="milliseconds")


DAY_BEFORE, DAY_AFTER = iso(START - timedelta(days=1)), iso(START + timedelta(minutes=1))
LONG_AGO = iso(START - timedelta(days=60))


def total(n: int) -> Callable[[Any], bool]:
    return lambda b: b["paging"]["total"] == n and len(b["results"]) == n


def mo_total(n: int) -> Callable[[Any], bool]:
    return lambda b: b["total"] == n and len(b["elements"]) == n


def orders_error(code: str) -> Callable[[Any], bool]:
    return lambda b: b["errors"][0]["code"] == code


ROWS = [
    # payments: get, search
    Row("python mercadopago/resources/payment.py get", "GET", "/v1/payments/{payment}", None, 200,
        lambda b: b["status"] == "approved"),
    Row("nodejs src/clients/payment/search (no options: e2e/payment/search.spec.ts)", "GET",
        "/v1/payments/search", None, 200, total(1)),
    Row("nodejs src/clients/payment/search (typed options)", "GET", "/v1/payments/search",
        {"sort": "date_created", "criteria": "desc", "external_reference": "{ref}", "range": "date_created",
         "begin_date": "NOW-30DAYS", "end_date": "NOW"}, 200, total(1)),
    Row("python payment().search (absolute range before the sale)", "GET", "/v1/payments/search",
        {"range": "date_created", "begin_date": LONG_AGO, "end_date": DAY_BEFORE}, 200, total(0)),
    Row("go pkg/payment/client.go Search (date_approved range)", "GET", "/v1/payments/search",
        {"range": "date_approved", "begin_date": DAY_BEFORE, "end_date": DAY_AFTER, "limit": "30",
         "offset": "0"}, 200, total(1)),
    Row("java PaymentClient.search (bad date)", "GET", "/v1/payments/search", {"begin_date": "yesterday"}, 400,
        lambda b: b["cause"][0]["code"] == 1001),
    Row("php PaymentClient search (bad sort)", "GET", "/v1/payments/search", {"sort": "amount"}, 400,
        lambda b: b["cause"][0]["code"] == 1003),
    Row("ruby Payment#search (bad criteria)", "GET", "/v1/payments/search", {"criteria": "up"}, 400,
        lambda b: b["cause"][0]["code"] == 1004),
    # refunds: list, get, create
    Row("python/php/java/ruby/go/dotnet refund list (no slash)", "GET", "/v1/payments/{payment}/refunds", None,
        200, lambda b: isinstance(b, list) and len(b) == 1),
    Row("nodejs src/clients/paymentRefund/list (trailing slash)", "GET", "/v1/payments/{payment}/refunds/", None,
        200, lambda b: isinstance(b, list) and len(b) == 1),
    Row("nodejs src/clients/paymentRefund/get", "GET", "/v1/payments/{payment}/refunds/{refund}", None, 200,
        lambda b: str(b["id"]) == "{refund}"),
    Row("ruby lib/mercadopago/resources/refund.rb create (partial)", "POST", "/v1/payments/{payment}/refunds",
        None, 201, lambda b: b["amount"] == 100, {"X-Idempotency-Key": "sdk-refund-1"}, {"amount": 100}),
    # merchant_orders: get, search
    Row("python mercadopago/resources/merchant_order.py get", "GET", "/merchant_orders/{mo}", None, 200,
        lambda b: str(b["id"]) == "{mo}" and b["status"] == "closed"),
    Row("nodejs src/clients/merchantOrder/search (dates, site)", "GET", "/merchant_orders/search",
        {"date_created_from": DAY_BEFORE, "date_created_to": DAY_AFTER, "site_id": "MLA"}, 200, mo_total(1)),
    Row("python merchant_order().search (range before the sale)", "GET", "/merchant_orders/search",
        {"date_created_from": LONG_AGO, "date_created_to": DAY_BEFORE}, 200, mo_total(0)),
    Row("go pkg/merchantorder Search (another site)", "GET", "/merchant_orders/search", {"site_id": "MLB"}, 200,
        mo_total(0)),
    Row("php MerchantOrderClient search (another payer)", "GET", "/merchant_orders/search", {"payer_id": "1"}, 200,
        mo_total(0)),
    Row("ruby MerchantOrder#search (an application)", "GET", "/merchant_orders/search",
        {"application_id": "1234"}, 200, mo_total(0)),
    Row("dotnet MerchantOrderClient.Search (an item it has)", "GET", "/merchant_orders/search", {"items": "779"},
        200, mo_total(1)),
    Row("java MerchantOrderClient.search (bad date)", "GET", "/merchant_orders/search",
        {"last_updated_from": "today"}, 400, lambda b: b["error"] == "ds_search_query"),
    # Orders API: get, search, process, capture, refund, create, cancel
    Row("dotnet OrderClient.Get", "GET", "/v1/orders/{order}", None, 200, lambda b: b["status"] == "processed"),
    Row("nodejs src/clients/order/search (page/page_size)", "GET", "/v1/orders",
        {"begin_date": DAY_BEFORE, "end_date": DAY_AFTER, "page": "1", "page_size": "10"}, 200,
        lambda b: [o["id"] for o in b["data"]] == ["{order}"] and b["paging"]["total"] == 1),
    Row("python mercadopago/resources/order.py search (limit/offset)", "GET", "/v1/orders",
        {"begin_date": DAY_BEFORE, "end_date": DAY_AFTER, "limit": "10", "offset": "1"}, 200,
        lambda b: b["data"] == [] and b["paging"]["total"] == 1 and b["paging"]["offset"] == 1),
    Row("go pkg/order Search (no dates)", "GET", "/v1/orders", None, 400, orders_error("missing_required_params")),
    Row("php OrderClient search (over 30 days)", "GET", "/v1/orders",
        {"begin_date": LONG_AGO, "end_date": DAY_AFTER}, 400, orders_error("invalid_parameter")),
    Row("nodejs src/clients/order/process", "POST", "/v1/orders/{order}/process", None, 409,
        orders_error("unsupported_operation"), KEY),
    Row("dotnet OrderClient.Capture", "POST", "/v1/orders/{order}/capture", None, 409,
        orders_error("unsupported_operation"), KEY),
    Row("java OrderClient.refund (in full, no body)", "POST", "/v1/orders/{order}/refund", None, 201,
        lambda b: b["id"] == "{order}", {"X-Idempotency-Key": "sdk-order-refund"}),
    Row("python order().create", "POST", "/v1/orders", None, 201, lambda b: b["status"] == "created",
        {"X-Idempotency-Key": "sdk-create-2"}, order_body(external_reference="SDK-2")),
    Row("go pkg/order Cancel", "POST", "/v1/orders/{new_order}/cancel", None, 200,
        lambda b: b["status"] == "canceled", {"X-Idempotency-Key": "sdk-cancel-2"}),
    Row("nodejs src/clients/order/capture (unknown order)", "POST", "/v1/orders/ORD00000000000000000000000000/capture",
        None, 404, orders_error("order_not_found"), KEY),
]


@pytest_asyncio.fixture
async def seller(token):
    server = await SandboxServer.start("127.0.0.1", 0, "MLA", clock=Clock(START), sweep_interval=0.05)
    http = httpx.AsyncClient(base_url=server.base_url, verify=ssl.create_default_context(), timeout=5.0,
                             headers={"Authorization": f"Bearer {token}"})
    provisioning = httpx.AsyncClient()
    try:
        client = MercadoPagoClient(MercadoPagoHTTP(provisioning, AccessToken(token), base_url=server.base_url,
                                                   timeout=httpx.Timeout(5.0)))
        await ensure_register(client, RegisterSpec(STORE, POS))
        yield server, http
    finally:
        await provisioning.aclose()
        await http.aclose()
        await server.close()


@pytest.mark.asyncio
async def test_every_sdk_call_is_answered_as_mercado_pago_answers_it(seller):
    server, http = seller
    order = (await http.post("/v1/orders", json=order_body(), headers={"X-Idempotency-Key": "sdk-create-1"})).json()
    assert (await http.post(f"/sandbox/pos/{POS}/pay", json={"status": "approved"})).status_code == 201
    paid = (await http.get(f"/v1/orders/{order['id']}")).json()
    payment = paid["transactions"]["payments"][0]["reference_id"]
    refund = await http.post(f"/v1/orders/{order['id']}/refund", headers={"X-Idempotency-Key": "sdk-partial"},
                             json={"transactions": [{"id": paid["transactions"]["payments"][0]["id"],
                                                     "amount": "100.00"}]})
    assert refund.status_code == 201, refund.text
    names = {"payment": payment, "order": order["id"], "ref": order["external_reference"],
             "mo": str(next(iter(server.state.merchant_orders))),
             "refund": str((await http.get(f"/v1/payments/{payment}/refunds")).json()[0]["id"])}
    wrong = []
    for row in ROWS:
        if "{new_order}" in row.path:
            names["new_order"] = next(o for o in server.state.extensions[0].orders if o != order["id"])  # made by a row
        query = {k: v.format(**names) for k, v in (row.query or {}).items()}
        reply = await http.request(row.method, row.path.format(**names), params=query, headers=row.headers,
                                   json=row.body)
        body = reply.json() if reply.content else None
        wanted = _filled(row.check, names)
        if reply.status_code != row.status or not wanted(body):
            wrong.append(f"{row.sdk}: {row.method} {row.path} {query} -> {reply.status_code} {reply.text[:300]}")
    assert not wrong, "\n".join(wrong)


def _filled(check: Callable[[Any], bool], names: dict[str, str]) -> Callable[[Any], bool]:
    """A check whose expected strings name placeholders compares with the filled-in values."""
    def run(body: Any) -> bool:
        return check(_unfill(body, {v: "{" + k + "}" for k, v in names.items()}))
    return run


def _unfill(body: Any, back: dict[str, str]) -> Any:
    if isinstance(body, dict):
        return {k: _unfill(v, back) for k, v in body.items()}
    if isinstance(body, list):
        return [_unfill(v, back) for v in body]
    if isinstance(body, (str, int)) and not isinstance(body, bool) and str(body) in back:
        return back[str(body)]
    return body
