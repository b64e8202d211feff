"""All of a sandbox's state and the rules that change it (no HTTP here).

One `SandboxState` per server. Accounts are keyed by the hash of their token; stores,
POS, merchant_orders and payments by id, each with its owner's user id, so one account
never sees another's records. Every change that Mercado Pago would notify is handed to the
registered listeners as a `Notification` (the notifier delivers it).

A POS carries at most one order on its static QR (`Pos.order`: v2 PUT, v1 POST, hybrid
`/qrs` PUT, Orders API) and any number of dynamic QRs (`dynamic_orders(pos)`: `/qrs` POST,
§1.5). A dynamic QR is not on the static one, has no DELETE, and is payable until it is paid
or its `expiration_date` passes.

Expiry is lazy: `tick()` expires every order whose `expiration_date` has passed; every
read of an order or merchant_order calls it first, and the server's sweeper calls it
once a second (so expiry notifications go out even when nobody asks).
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from qrcashier.domain.emvco import dynamic_order_payload, static_pos_payload
from qrcashier.domain.money import Site
from qrcashier.sandbox.accounts import Account, new_account, token_hash, well_formed
from qrcashier.sandbox.clock import Clock
from qrcashier.sandbox.errors import ApiError, not_found, payments_error, pos_error
from qrcashier.sandbox.faults import FaultSet
from qrcashier.sandbox.models import (
    Delivery,
    MerchantOrder,
    Notification,
    OrderDraft,
    Payment,
    Pos,
    PosOrder,
    Refund,
    Store,
)

PAYMENT_STATUSES = {"approved": "accredited", "rejected": "cc_rejected_other_reason"}


@dataclass
class Settings:
    """Switches for behaviours the sources disagree on (mercadopago-api.md §11)."""

    instore_order_get_format: str = "object"  # "object" | "array" (§1.2 CONFLICT)
    search_empty_elements: str = "list"  # "list" | "null" (§3.1: elements may be null)

    def update(self, data: dict[str, Any]) -> None:
        choices = {"instore_order_get_format": ("object", "array"), "search_empty_elements": ("list", "null")}
        for key, value in data.items():
            if key not in choices or value not in choices[key]:
                raise ApiError(400, "bad_request", f"settings: {key} must be one of {choices.get(key, ())}")
        for key, value in data.items():
            setattr(self, key, value)


class SandboxState:
    def __init__(self, *, default_site: Site, clock: Clock, default_ttl: int = 600) -> None:
        self.default_site = default_site
        self.clock = clock
        self.default_ttl = default_ttl  # legacy v1 orders' lifetime without X-Ttl-Store-Preference
        self.accounts: dict[str, Account] = {}  # by token hash
        self.retired_tokens: set[str] = set()  # hashes of tokens replaced by a renewal (401)
        self.stores: dict[str, Store] = {}
        self.pos: dict[int, Pos] = {}
        self.merchant_orders: dict[int, MerchantOrder] = {}
        self.payments: dict[int, Payment] = {}
        # Each POS's open dynamic QRs (`POST .../qrs`): POS id -> in_store_order_id -> order,
        # oldest first. Not on the static QR (`Pos.order`), untouched by the v2 DELETE; an
        # entry goes once paid or expired.
        self.dynamic_qrs: dict[int, dict[str, PosOrder]] = {}
        # (user id, X-Idempotency-Key) -> (request fingerprint, payment id, refund id, HTTP status)
        self.refund_keys: dict[tuple[int, str], tuple[str, int, int, int]] = {}
        self.deliveries: list[Delivery] = []
        self.settings = Settings()
        self.faults = FaultSet()
        self.listeners: list[Callable[[Notification], None]] = []
        # Other API families built on these records (sandbox/orders/), told of payments,
        # refunds and expiries: tick(now), check_payment(mo, status, amount) (may raise),
        # payment_made(account, pos, payment, mo), order_expired(order), payment_refunded(payment, refund).
        self.extensions: list[Any] = []
        # Ids grow from the start time in ms, so a restarted sandbox does not reuse old ids.
        self._next_id = int(clock.now().timestamp() * 1000)

    def now(self) -> datetime:
        return self.clock.now()

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _notify(self, url: str | None, topic: str, resource_id: int) -> None:
        if not url:
            return
        for listener in self.listeners:
            listener(Notification(url=url, topic=topic, resource_id=resource_id))

    # ------------------------------------------------------------ accounts

    def authenticate(self, token: str | None) -> Account:
        """The account a bearer token opens, created on first use; 401 otherwise."""
        if not token:
            raise ApiError(401, "unauthorized", "Authorization header with a Bearer access token is required")
        if not well_formed(token):
            raise ApiError(401, "invalid_token", "invalid access token")
        key = token_hash(token)
        if key in self.retired_tokens:
            raise ApiError(401, "invalid_token", "invalid access token (renewed)")
        account = self.accounts.get(key)
        if account is None:
            account = self.accounts[key] = new_account(token, self.default_site)
        if account.revoked:
            raise ApiError(401, "invalid_token", "invalid access token (revoked)")
        return account

    def renew_token(self, old_token: str, new_token: str) -> Account:
        """As renewing the credentials in Mercado Pago's panel: `new_token` opens the same
        account (user id, stores, POS, orders); `old_token` is refused from now on."""
        account = self.authenticate(old_token)
        if not well_formed(new_token) or new_token == old_token:
            raise ApiError(400, "bad_request", "access_token must be a new, well-formed sandbox token")
        new_key = token_hash(new_token)
        if new_key in self.accounts or new_key in self.retired_tokens:
            raise ApiError(409, "token_in_use", "that token already opens an account")
        self.accounts[new_key] = account
        self.retired_tokens.add(token_hash(old_token))
        return account

    def account_for_phone_code(self, code: str | None) -> Account:
        for account in self.accounts.values():
            if code and secrets.compare_digest(account.phone_code, code) and not account.revoked:
                return account
        raise ApiError(401, "unauthorized", "unknown or missing phone code")

    # ------------------------------------------------------------ stores

    def create_store(self, account: Account, fields: dict[str, Any]) -> Store:
        self._unique_store_external_id(account, fields["external_id"])
        store = Store(
            id=str(self.new_id()),
            owner=account.id,
            name=fields["name"],
            external_id=fields["external_id"],
            location=fields["location"],
            business_hours=fields.get("business_hours"),
            date_created=self.now(),
        )
        self.stores[store.id] = store
        return store

    def _unique_store_external_id(self, account: Account, external_id: str, *, other_than: str | None = None) -> None:
        for s in self.stores.values():
            if s.owner == account.id and s.external_id == external_id and s.id != other_than:
                raise ApiError(409, "duplicated_external_id", f"A store with external_id {external_id} already exists")

    def get_store(self, account: Account, store_id: str) -> Store:
        store = self.stores.get(store_id)
        if store is None or store.owner != account.id:
            raise not_found("not_found", f"Store {store_id} not found")
        return store

    def find_stores(self, account: Account, external_id: str | None) -> list[Store]:
        return [
            s for s in self.stores.values()
            if s.owner == account.id and (external_id is None or s.external_id == external_id)
        ]

    def update_store(self, account: Account, store_id: str, fields: dict[str, Any]) -> Store:
        store = self.get_store(account, store_id)
        if "external_id" in fields:
            self._unique_store_external_id(account, fields["external_id"], other_than=store.id)
            for pos in self.pos.values():
                if pos.store_id == store.id:
                    pos.external_store_id = fields["external_id"]
        for key, value in fields.items():
            setattr(store, key, value)
        return store

    def delete_store(self, account: Account, store_id: str) -> Store:
        store = self.get_store(account, store_id)
        # Sandbox decision: a store that still has POS cannot go (the POS would be orphaned).
        if any(p.store_id == store.id for p in self.pos.values()):
            raise ApiError(409, "store_has_pos", "Delete the store's points of sale first")
        del self.stores[store.id]
        return store

    # ------------------------------------------------------------ POS

    def _resolve_store(self, account: Account, store_id: Any, external_store_id: str | None, update: bool) -> Store:
        """The store a POS body names; 404 / INEXISTENT_EXTERNAL_STORE_ID / ..._NOT_MATCH."""
        by_external = next(
            (s for s in self.stores.values() if s.owner == account.id and s.external_id == external_store_id), None
        )
        if store_id is None:
            if by_external is None:
                raise pos_error("INEXISTENT_EXTERNAL_STORE_ID", "No store has that external_store_id", update=update)
            return by_external
        store = self.stores.get(str(store_id))
        if store is None or store.owner != account.id:
            raise pos_error("STORE_NOT_FOUND", f"Store {store_id} not found", update=update, status=404)
        if external_store_id is None:
            return store
        if by_external is None:
            raise pos_error("INEXISTENT_EXTERNAL_STORE_ID", "No store has that external_store_id", update=update)
        if by_external.id != store.id:
            raise pos_error(
                "POS_EXTERNAL_STORE_ID_NOT_MATCH", "external_store_id does not match store_id", update=update
            )
        return store

    @staticmethod
    def _check_url_domain(account: Account, url: str | None, *, update: bool) -> None:
        """403 when the account has an allowlist and the url's host is not on it (api §5.2)."""
        if not url or account.url_domains is None:
            return
        host = (urlsplit(url).hostname or "").lower()
        if not any(host == d or host.endswith("." + d) for d in account.url_domains):
            raise pos_error("URL_DOMAIN_NOT_ALLOWED", f"the domain {host} is not enabled for POS urls on this account",
                            status=403, update=update)

    def create_pos(self, account: Account, body: dict[str, Any]) -> Pos:
        store = self._resolve_store(account, body["store_id"], body["external_store_id"], update=False)
        fixed_amount = body.get("fixed_amount", False)
        if body.get("url") and not fixed_amount:
            raise pos_error("FIXED_AMOUNT_FALSE", "url needs fixed_amount: true")
        self._check_url_domain(account, body.get("url"), update=False)
        if any(p.owner == account.id and p.external_id == body["external_id"] for p in self.pos.values()):
            raise pos_error(
                "DUPLICATED_EXTERNAL_ID", f"A POS with external_id {body['external_id']} already exists", status=409
            )
        pos_id = self.new_id()
        now = self.now()
        pos = Pos(
            id=pos_id,
            owner=account.id,
            name=body["name"],
            fixed_amount=fixed_amount,
            category=body.get("category"),
            store_id=store.id,
            external_store_id=store.external_id,
            external_id=body["external_id"],
            url=body.get("url"),
            uuid=secrets.token_hex(32),
            qr_code="",
            date_created=now,
            date_last_updated=now,
        )
        pos.qr_code = static_pos_payload(pos_id, **self._emvco_merchant(account, pos))
        self.pos[pos.id] = pos
        return pos

    def get_pos(self, account: Account, pos_id: int) -> Pos:
        pos = self.pos.get(pos_id)
        if pos is None or pos.owner != account.id:
            raise ApiError(404, "NOT_FOUND", f"Point of sale {pos_id} not found")
        return pos

    def find_pos(self, account: Account, filters: dict[str, str]) -> list[Pos]:
        def keep(p: Pos) -> bool:
            return p.owner == account.id and all(
                str(getattr(p, key)) == value for key, value in filters.items() if value is not None
            )

        return [p for p in self.pos.values() if keep(p)]

    def pos_by_external_id(self, account: Account, external_pos_id: str, external_store_id: str | None = None) -> Pos:
        """The POS an order path names; 404 pos_obtainment_error as MP answers (§8.1)."""
        for pos in self.pos.values():
            if pos.owner == account.id and pos.external_id == external_pos_id:
                if external_store_id is None or pos.external_store_id == external_store_id:
                    return pos
        raise not_found("pos_obtainment_error", "Point of sale not found")

    def update_pos(self, account: Account, pos_id: int, body: dict[str, Any]) -> Pos:
        pos = self.get_pos(account, pos_id)
        if "store_id" in body or "external_store_id" in body:
            store = self._resolve_store(account, body.get("store_id"), body.get("external_store_id"), update=True)
            pos.store_id, pos.external_store_id = store.id, store.external_id
        fixed_amount = body.get("fixed_amount", pos.fixed_amount)
        url = body.get("url", pos.url)
        if url and not fixed_amount:
            raise pos_error("FIXED_AMOUNT_FALSE", "url needs fixed_amount: true", update=True)
        if "url" in body:
            self._check_url_domain(account, body["url"], update=True)
        for key in ("name", "fixed_amount", "category", "url"):
            if key in body:
                setattr(pos, key, body[key])
        pos.date_last_updated = self.now()
        return pos

    def delete_pos(self, account: Account, pos_id: int) -> None:
        pos = self.get_pos(account, pos_id)
        del self.pos[pos.id]
        self.dynamic_qrs.pop(pos.id, None)

    # ------------------------------------------------------------ the order on a POS

    def _new_order(self, account: Account, pos: Pos, draft: OrderDraft, kind: str) -> PosOrder:
        order_id = str(uuid.uuid4())
        return PosOrder(
            id=order_id,
            kind=kind,
            pos_id=pos.id,
            draft=draft,
            created_at=self.now(),
            preference_id=f"{account.id}-{order_id}",
        )

    def put_order(self, account: Account, pos: Pos, draft: OrderDraft, kind: str) -> PosOrder:
        """Create or replace the order on the POS's static QR (v2 PUT, v1 POST, hybrid QR PUT)."""
        self.tick()
        pos.order = self._new_order(account, pos, draft, kind)
        return pos.order

    def create_dynamic_order(self, account: Account, pos: Pos, draft: OrderDraft) -> PosOrder:
        """A dynamic QR (`POST .../qrs`, §1.5): a new order of its own, beside the static QR's
        (which it neither replaces nor joins). There is no DELETE for it: it stays payable
        until paid or until its expiration_date (without one, until paid)."""
        self.tick()
        order = self._new_order(account, pos, draft, "dynamic")
        self.dynamic_qrs.setdefault(pos.id, {})[order.id] = order
        return order

    def _emvco_merchant(self, account: Account, pos: Pos) -> dict[str, str]:
        store = self.stores.get(pos.store_id)
        city = str(store.location.get("city_name", "")) if store is not None else ""
        return {
            "currency_numeric": account.site.currency_numeric,
            "country": account.site.country,
            "merchant_name": account.merchant_name,
            "city": city,
        }

    def dynamic_qr_data(self, account: Account, pos: Pos, order: PosOrder) -> str:
        """The EMVCo payload of a dynamic QR: tag 43 carries the in-store order id (§1.5)."""
        return dynamic_order_payload(order.id, **self._emvco_merchant(account, pos))

    def dynamic_orders(self, pos: Pos) -> dict[str, PosOrder]:
        """The POS's open dynamic QRs by in_store_order_id, oldest first (a copy)."""
        return dict(self.dynamic_qrs.get(pos.id, {}))

    def current_order(self, pos: Pos) -> PosOrder | None:
        """The order on the POS's static QR (what the v2 GET answers), if any."""
        self.tick()
        return pos.order

    def open_order(self, pos: Pos, in_store_order_id: str | None = None) -> PosOrder | None:
        """The order a customer at this POS acts on (control API, phone page): the one named by
        `in_store_order_id` (409 when it is not open here), else the static QR's order, else
        the newest dynamic QR still open."""
        self.tick()
        return self._pick(pos, in_store_order_id)

    def _pick(self, pos: Pos, in_store_order_id: str | None) -> PosOrder | None:
        if in_store_order_id is not None:
            if pos.order is not None and pos.order.id == in_store_order_id:
                return pos.order
            order = self.dynamic_qrs.get(pos.id, {}).get(in_store_order_id)
            if order is None:
                raise ApiError(409, "no_order", f"Order {in_store_order_id} is not open on this point of sale")
            return order
        if pos.order is not None:
            return pos.order
        return next(reversed(self.dynamic_qrs.get(pos.id, {}).values()), None)

    def delete_order(self, pos: Pos) -> None:
        """The v2/v1 DELETE: the static QR's order goes; dynamic QRs are not touched (§1.5)."""
        pos.order = None

    def v1_expiry(self, ttl_seconds: int | None) -> datetime:
        return self.now() + timedelta(seconds=self.default_ttl if ttl_seconds is None else ttl_seconds)

    def tick(self) -> None:
        """Expire every order whose expiration date has passed."""
        now = self.now()
        for pos in self.pos.values():
            for order in [pos.order, *self.dynamic_qrs.get(pos.id, {}).values()]:
                if order is not None and order.draft.expires_at is not None and order.draft.expires_at <= now:
                    self._expire(pos, order)
        for ext in self.extensions:
            ext.tick(now)

    def expire_order(self, pos: Pos, in_store_order_id: str | None = None) -> list[MerchantOrder]:
        """An order at the POS expires now (the one `open_order` picks: the named one, else the
        static QR's, else the newest dynamic QR): its opened merchant_orders become expired."""
        order = self._pick(pos, in_store_order_id)
        if order is None:
            raise ApiError(409, "no_order", "There is no order on this point of sale")
        return self._expire(pos, order)

    def _expire(self, pos: Pos, order: PosOrder) -> list[MerchantOrder]:
        self._take_off(pos, order.id)
        changed = []
        for mo_id in order.merchant_order_ids:
            mo = self.merchant_orders[mo_id]
            if mo.status == "opened":
                mo.status = "expired"
                mo.last_updated = self.now()
                changed.append(mo)
                self._notify(mo.draft.notification_url, "merchant_order", mo.id)
        for ext in self.extensions:
            ext.order_expired(order)
        return changed

    def _take_off(self, pos: Pos, order_id: str) -> None:
        """The order leaves the POS (paid or expired), whichever QR it was on."""
        if pos.order is not None and pos.order.id == order_id:
            pos.order = None
        self.dynamic_qrs.get(pos.id, {}).pop(order_id, None)

    # ------------------------------------------------------------ the customer's side

    def scan(self, account: Account, pos: Pos, in_store_order_id: str | None = None) -> MerchantOrder:
        """A customer scans a QR of the POS (the order `open_order` picks): each scan creates
        its own merchant_order (§3.3)."""
        order = self.open_order(pos, in_store_order_id)
        if order is None:
            raise ApiError(409, "no_order", "There is no order on this point of sale")
        now = self.now()
        mo = MerchantOrder(
            id=self.new_id(),
            owner=account.id,
            pos_id=pos.id,
            order_id=order.id,
            preference_id=order.preference_id,
            draft=order.draft,
            date_created=now,
            last_updated=now,
            is_test=account.is_test,
        )
        self.merchant_orders[mo.id] = mo
        order.merchant_order_ids.append(mo.id)
        pos.last_merchant_order_id = mo.id
        self._notify(order.draft.notification_url, "merchant_order", mo.id)
        return mo

    def pay(
        self,
        account: Account,
        pos: Pos,
        *,
        status: str,
        amount: Decimal | None = None,
        merchant_order_id: int | None = None,
        status_detail: str | None = None,
        in_store_order_id: str | None = None,
    ) -> tuple[Payment, MerchantOrder]:
        """The customer pays (or is rejected) on a scan's merchant_order, scanning first if needed
        (the order `open_order` picks, when no merchant_order is named)."""
        if status not in PAYMENT_STATUSES:
            raise ApiError(400, "invalid_status", "status must be approved or rejected")
        if merchant_order_id is not None:
            mo = self.get_merchant_order(account, merchant_order_id)
            if mo.pos_id != pos.id:
                raise not_found("not_found", f"Merchant order {merchant_order_id} is not from this point of sale")
        else:
            order = self.open_order(pos, in_store_order_id)
            latest = self.merchant_orders.get(pos.last_merchant_order_id or 0)
            if order is not None and latest is not None and latest.order_id == order.id and latest.status == "opened":
                mo = latest
            else:
                mo = self.scan(account, pos, in_store_order_id)
        if mo.status != "opened":
            raise ApiError(409, "merchant_order_not_opened", f"Merchant order {mo.id} is {mo.status}")
        value = mo.remaining if amount is None else amount
        if status == "approved" and value > mo.remaining:
            raise ApiError(400, "invalid_amount", f"amount is more than the {mo.remaining} that remains to pay")
        for ext in self.extensions:
            ext.check_payment(mo, status, value)
        now = self.now()
        payment = Payment(
            id=self.new_id(),
            owner=account.id,
            merchant_order_id=mo.id,
            pos_id=pos.id,
            store_id=pos.store_id,
            status=status,
            status_detail=status_detail or PAYMENT_STATUSES[status],
            amount=value,
            draft=mo.draft,
            date_created=now,
            date_approved=now if status == "approved" else None,
            date_last_updated=now,
        )
        self.payments[payment.id] = payment
        mo.payments.append(payment)
        mo.payer = {"id": buyer_id(account), "email": "test_user_buyer@testuser.com", "nickname": "TESTBUYER"}
        mo.last_updated = now
        if mo.paid_amount >= mo.total_amount:
            mo.status = "closed"
            # A paid order leaves the POS (only if it is still there: the static QR's current
            # one, or a dynamic QR, which is single use).
            self._take_off(pos, mo.order_id)
        self._notify(mo.draft.notification_url, "payment", payment.id)
        self._notify(mo.draft.notification_url, "merchant_order", mo.id)
        for ext in self.extensions:
            ext.payment_made(account, pos, payment, mo)
        return payment, mo

    # ------------------------------------------------------------ merchant_orders and payments

    def get_merchant_order(self, account: Account, mo_id: int) -> MerchantOrder:
        self.tick()
        mo = self.merchant_orders.get(mo_id)
        if mo is None or mo.owner != account.id:
            raise not_found("not_found", f"Merchant order {mo_id} not found")
        return mo

    def search_merchant_orders(self, account: Account, filters: dict[str, str | None]) -> list[MerchantOrder]:
        self.tick()
        getters: dict[str, Callable[[MerchantOrder], str]] = {
            "external_reference": lambda mo: mo.draft.external_reference,
            "status": lambda mo: mo.status,
            "order_status": lambda mo: mo.order_status,
            "preference_id": lambda mo: mo.preference_id,
        }
        return [
            mo for mo in self.merchant_orders.values()
            if mo.owner == account.id
            and all(value is None or getters[key](mo) == value for key, value in filters.items())
        ]

    def search_payments(self, account: Account, external_reference: str | None) -> list[Payment]:
        return [
            p for p in self.payments.values()
            if p.owner == account.id
            and (external_reference is None or p.draft.external_reference == external_reference)
        ]

    def get_payment(self, account: Account, payment_id: int) -> Payment:
        payment = self.payments.get(payment_id)
        if payment is None or payment.owner != account.id:
            raise payments_error(404, "not_found", "Payment not found", 2000)
        return payment

    def refund(
        self, account: Account, payment_id: int, idempotency_key: str | None, amount: Decimal | None
    ) -> tuple[int, Refund, Payment]:
        """Refund all that remains (amount None) or part of it, once per idempotency key.

        Returns (HTTP status, refund, payment): 200 for a full refund, 201 for a partial one.
        The same key with the same request returns the first refund again; with another
        request it is a 409. Only successful refunds are remembered under their key.
        """
        if not idempotency_key:
            raise payments_error(400, "bad_request", "Header X-Idempotency-Key can't be null", 4292)
        payment = self.get_payment(account, payment_id)
        fingerprint = f"{payment.id}:{'full' if amount is None else amount.normalize()}"
        prior = self.refund_keys.get((account.id, idempotency_key))
        if prior is not None:
            seen, earlier_id, refund_id, status = prior
            if seen != fingerprint:
                raise payments_error(
                    409, "idempotency_key_already_used", "The idempotency key was already used for another request", 409
                )
            earlier = self.payments[earlier_id]
            return status, next(r for r in earlier.refunds if r.id == refund_id), earlier
        if payment.status != "approved":
            raise payments_error(400, "bad_request", f"Payment with status {payment.status} cannot be refunded", 2063)
        remaining = payment.amount - payment.refunded
        value = remaining if amount is None else amount
        if value > remaining:
            raise payments_error(400, "bad_request", f"The refund amount is more than the {remaining} refundable", 4012)
        now = self.now()
        refund = Refund(id=self.new_id(), payment_id=payment.id, amount=value, date_created=now)
        payment.refunds.append(refund)
        if payment.refunded >= payment.amount:
            payment.status, payment.status_detail = "refunded", "refunded"
        else:
            payment.status_detail = "partially_refunded"
        payment.date_last_updated = now
        mo = self.merchant_orders[payment.merchant_order_id]
        mo.last_updated = now
        status = 200 if amount is None else 201
        self.refund_keys[(account.id, idempotency_key)] = (fingerprint, payment.id, refund.id, status)
        self._notify(mo.draft.notification_url, "payment", payment.id)
        self._notify(mo.draft.notification_url, "merchant_order", mo.id)
        for ext in self.extensions:
            ext.payment_refunded(payment, refund)
        return status, refund, payment


def buyer_id(account: Account) -> int:
    """The sandbox's test buyer who pays this seller (a different account on the same site)."""
    return account.id + 1
