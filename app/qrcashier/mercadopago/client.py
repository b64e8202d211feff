"""MercadoPagoClient: one async method per Mercado Pago call the app makes.

Every method returns a typed model or raises a typed error from `errors`.
Identifiers that go into a path are percent-encoded; amounts go out by the
site's rules (whole units for CLP and COP).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

from qrcashier.domain.money import Site, to_json_number
from qrcashier.mercadopago import paths
from qrcashier.mercadopago.errors import MalformedResponse, NotFound
from qrcashier.mercadopago.http import MercadoPagoHTTP, RetryPolicy
from qrcashier.mercadopago.models import (
    DynamicQr,
    HybridQr,
    InstoreOrder,
    MerchantOrder,
    MerchantOrderPage,
    NewPos,
    NewStore,
    Page,
    Payment,
    Pos,
    Refund,
    Store,
    User,
    V1Order,
)

ORDER_NOT_FOUND = "point_of_sale_in_store_order_not_found"
SEARCH_PAGE_SIZE = 50
MAX_SEARCH_PAGES = 20  # a reference has one merchant_order per scan: a handful, never thousands


class MercadoPagoClient:
    def __init__(self, http: MercadoPagoHTTP) -> None:
        self.http = http

    # --- account, stores, POS ---------------------------------------------------------------

    async def get_me(self) -> User:
        reply = await self.http.request("GET", paths.ME)
        return User.from_json(reply.body)

    async def create_store(self, user_id: int, store: NewStore) -> Store:
        reply = await self.http.request(
            "POST", paths.user_stores(user_id), json_body=store.to_json()
        )
        return Store.from_json(reply.body)

    async def search_stores(
        self, user_id: int, *, external_id: str | None = None, offset: int = 0, limit: int = 50
    ) -> Page[Store]:
        reply = await self.http.request(
            "GET",
            paths.user_stores_search(user_id),
            params={"external_id": external_id, "offset": offset, "limit": limit},
        )
        return Page.from_json(reply.body, Store, "stores search")

    async def create_pos(self, pos: NewPos) -> Pos:
        reply = await self.http.request("POST", paths.POS, json_body=pos.to_json())
        return Pos.from_json(reply.body)

    async def list_pos(
        self,
        *,
        external_id: str | None = None,
        external_store_id: str | None = None,
        store_id: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[Pos]:
        reply = await self.http.request(
            "GET",
            paths.POS,
            params={
                "external_id": external_id,
                "external_store_id": external_store_id,
                "store_id": store_id,
                "offset": offset,
                "limit": limit,
            },
        )
        return Page.from_json(reply.body, Pos, "POS list")

    async def get_pos(self, pos_id: int) -> Pos:
        reply = await self.http.request("GET", paths.pos(pos_id))
        return Pos.from_json(reply.body)

    async def update_pos(self, pos_id: int, **changes: Any) -> Pos:
        allowed = {"name", "fixed_amount", "category", "store_id", "external_store_id", "url"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"a POS cannot update {sorted(unknown)}")
        if isinstance(changes.get("store_id"), str) and changes["store_id"].isdigit():
            # Replies carry store_id as text; requests want the number (mercadopago-api.md §5.2).
            changes["store_id"] = int(changes["store_id"])
        reply = await self.http.request("PUT", paths.pos(pos_id), json_body=changes)
        return Pos.from_json(reply.body)

    async def delete_pos(self, pos_id: int) -> None:
        await self.http.request("DELETE", paths.pos(pos_id))

    # --- instore orders v2 ------------------------------------------------------------------

    async def put_instore_order(
        self,
        user_id: int,
        external_store_id: str,
        external_pos_id: str,
        order: InstoreOrder,
        site: Site,
        *,
        retry: RetryPolicy | None = None,
    ) -> None:
        """Create or replace the POS's one order (answers 204). Idempotent: safe to retry.
        `retry`: the HTTP layer's policy for this call (a publish sends one try at a time)."""
        path = paths.instore_v2_order_in_store(user_id, external_store_id, external_pos_id)
        await self.http.request("PUT", path, json_body=order.to_json(site), retry=retry)

    async def get_instore_order(self, user_id: int, external_pos_id: str) -> InstoreOrder | None:
        """The POS's current order, or None when it has none."""
        path = paths.instore_v2_order(user_id, external_pos_id)
        try:
            reply = await self.http.request("GET", path)
        except NotFound as exc:
            if exc.code == ORDER_NOT_FOUND:
                return None
            raise
        return InstoreOrder.from_json(reply.body)

    async def delete_instore_order(self, user_id: int, external_pos_id: str) -> None:
        path = paths.instore_v2_order(user_id, external_pos_id)
        await self.http.request("DELETE", path)

    # --- legacy v1 and dynamic QR -----------------------------------------------------------

    async def create_v1_order(
        self,
        user_id: int,
        external_pos_id: str,
        order: InstoreOrder,
        site: Site,
        *,
        ttl_seconds: int = 600,
        retry: RetryPolicy | None = None,
    ) -> V1Order:
        """Place (create or replace) the POS's v1 order; it leaves the QR after `ttl_seconds`.
        Unkeyed, so the HTTP layer sends it once; a publish repeats it itself, one try at a time."""
        path = paths.v1_order(user_id, external_pos_id)
        reply = await self.http.request(
            "POST",
            path,
            json_body=order.v1_json(site),
            headers={"X-Ttl-Store-Preference": str(int(ttl_seconds))},
            retry=retry,
        )
        return V1Order.from_json(reply.body)

    async def delete_v1_order(self, user_id: int, external_pos_id: str) -> None:
        await self.http.request("DELETE", paths.v1_order(user_id, external_pos_id))

    async def create_dynamic_qr(
        self, user_id: int, external_pos_id: str, order: InstoreOrder, site: Site
    ) -> DynamicQr:
        """A single-use QR for one order. Not idempotent: each call makes a new QR, so never retried."""
        path = paths.dynamic_qr(user_id, external_pos_id)
        reply = await self.http.request("POST", path, json_body=order.to_json(site))
        return DynamicQr.from_json(reply.body)

    async def put_hybrid_order(
        self,
        user_id: int,
        external_pos_id: str,
        order: InstoreOrder,
        site: Site,
        *,
        retry: RetryPolicy | None = None,
    ) -> HybridQr:
        """The order on the POS's static QR plus a dynamic QR for it (a PUT: replaces, safe to retry)."""
        path = paths.dynamic_qr(user_id, external_pos_id)
        reply = await self.http.request("PUT", path, json_body=order.to_json(site), retry=retry)
        return HybridQr.from_json(reply.body)

    # --- merchant orders --------------------------------------------------------------------

    async def get_merchant_order(self, merchant_order_id: int) -> MerchantOrder:
        reply = await self.http.request("GET", paths.merchant_order(merchant_order_id))
        return MerchantOrder.from_json(reply.body)

    async def search_merchant_orders_page(
        self, external_reference: str, *, offset: int = 0, limit: int = SEARCH_PAGE_SIZE
    ) -> MerchantOrderPage:
        reply = await self.http.request(
            "GET",
            paths.MERCHANT_ORDERS_SEARCH,
            params={"external_reference": external_reference, "offset": offset, "limit": limit},
        )
        return MerchantOrderPage.from_json(reply.body)

    async def iter_merchant_orders(self, external_reference: str) -> AsyncIterator[MerchantOrder]:
        offset = 0
        for _ in range(MAX_SEARCH_PAGES):
            page = await self.search_merchant_orders_page(external_reference, offset=offset)
            for element in page.elements:
                yield element
            offset += len(page.elements)
            if not page.elements or offset >= page.total:
                return
            if page.next_offset is not None:
                offset = page.next_offset
        raise MalformedResponse(f"more than {MAX_SEARCH_PAGES} pages of merchant_orders for one reference")

    async def search_merchant_orders(self, external_reference: str) -> list[MerchantOrder]:
        """Every merchant_order with this reference (one per scan), across all pages.

        Mercado Pago's search matches loosely on some accounts; only exact matches are kept.
        """
        return [
            mo async for mo in self.iter_merchant_orders(external_reference)
            if mo.external_reference == external_reference
        ]

    # --- payments and refunds ---------------------------------------------------------------

    async def get_payment(self, payment_id: int) -> Payment:
        reply = await self.http.request("GET", paths.payment(payment_id))
        return Payment.from_json(reply.body)

    async def refund_payment(
        self,
        payment_id: int,
        *,
        idempotency_key: str,
        amount: Decimal | None = None,
        site: Site | None = None,
    ) -> Refund:
        """Refund in full (amount None) or in part. The key must be stable across retries."""
        if not idempotency_key:
            raise ValueError("a refund needs a stable idempotency key")
        body: dict[str, Any] = {}
        if amount is not None:
            if site is None:
                raise ValueError("a partial refund needs the site to format its amount")
            body["amount"] = to_json_number(amount, site)
        reply = await self.http.request(
            "POST",
            paths.payment_refunds(payment_id),
            json_body=body,
            idempotency_key=idempotency_key,
        )
        return Refund.from_json(reply.body)

    async def list_refunds(self, payment_id: int) -> list[Refund]:
        reply = await self.http.request("GET", paths.payment_refunds(payment_id))
        if not isinstance(reply.body, list):
            raise MalformedResponse("the refunds list is not a JSON array")
        return [Refund.from_json(r) for r in reply.body]
