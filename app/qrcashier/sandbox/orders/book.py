"""The book of Orders API orders: create, cancel, fail, expire, refund, and the state's hooks.

An order goes on its POS like any in-store order (`SandboxState.put_order`), so the control
API's scan, pay and expire, the phone page and the expiry sweep work on it; the state tells
the book of payments, expiries and refunds through the extension hooks below."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from aiohttp import web

from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.errors import ApiError
from qrcashier.sandbox.httputil import context
from qrcashier.sandbox.models import MerchantOrder, OrderDraft, OrderItem, Payment, Pos, PosOrder, Refund
from qrcashier.sandbox.notifier import Notifier
from qrcashier.sandbox.orders.errors import OrdersError
from qrcashier.sandbox.orders.records import QrOrder, RefundTx, StoredAnswer, new_ulid
from qrcashier.sandbox.orders.rules import OrderRequest, check_order_id, failure_detail, parse_create
from qrcashier.sandbox.orders.views import order_view, webhook_payload
from qrcashier.sandbox.orders.webhooks import OrderWebhooks
from qrcashier.sandbox.state import SandboxState

IDEMPOTENCY_TTL = timedelta(hours=24)


class OrdersApi:
    """The Orders API's records and rules, an extension of the sandbox state.

    `SandboxState` calls it on its own events (`tick`, `check_payment`, `payment_made`,
    `order_expired`, `payment_refunded`); it calls the state for the POS, the scans,
    payments and refunds underneath."""

    def __init__(self, state: SandboxState, notifier: Notifier | None = None) -> None:
        self.state = state
        self.orders: dict[str, QrOrder] = {}
        self.by_pos_order: dict[str, str] = {}
        self.answers: dict[tuple[int, str], StoredAnswer] = {}
        self.webhooks = OrderWebhooks(notifier)
        self.partial_refunds = True

    async def idle(self) -> None:
        """Wait until every webhook scheduled so far was delivered or gave up (tests)."""
        if self.webhooks.notifier is not None:
            await self.webhooks.notifier.idle()

    # --- lookups --------------------------------------------------------------------------

    def get(self, account: Account, order_id: str) -> QrOrder:
        check_order_id(order_id)
        self.state.tick()
        order = self.orders.get(order_id)
        if order is None or order.owner != account.id:
            raise OrdersError(404, "order_not_found", f"Order {order_id} not found")
        return order

    def of_account(self, account: Account) -> list[QrOrder]:
        self.state.tick()
        return [o for o in self.orders.values() if o.owner == account.id]

    def _of_pos_order(self, pos_order_id: str | None) -> QrOrder | None:
        order_id = self.by_pos_order.get(pos_order_id or "")
        return self.orders.get(order_id) if order_id else None

    def external_pos_id(self, order: QrOrder) -> str:
        pos = self.state.pos.get(order.pos_id)
        return pos.external_id if pos is not None else ""

    def on_its_pos(self, order: QrOrder) -> Pos | None:
        pos = self.state.pos.get(order.pos_id)
        return pos if pos is not None and pos.order is not None and pos.order.id == order.pos_order_id else None

    def view(self, order: QrOrder, account: Account) -> dict[str, Any]:
        return order_view(order, account.site, self.external_pos_id(order))

    # --- idempotency ----------------------------------------------------------------------

    def replay(self, account: Account, key: str, print_: str) -> StoredAnswer | None:
        now = self.state.now()
        for k in [k for k, v in self.answers.items() if v.expires_at <= now]:
            del self.answers[k]
        stored = self.answers.get((account.id, key))
        if stored is None:
            return None
        if stored.fingerprint != print_:
            raise OrdersError(
                409, "idempotency_key_already_used",
                "The idempotency key was already used with another request", "X-Idempotency-Key",
            )
        return stored

    def remember(self, account: Account, key: str, print_: str, status: int, body: Any) -> None:
        self.answers[(account.id, key)] = StoredAnswer(print_, status, body, self.state.now() + IDEMPOTENCY_TTL)

    # --- create -----------------------------------------------------------------------------

    def create(self, account: Account, body: Any, *, test_ids: bool) -> QrOrder:
        request = parse_create(body, account.site, account.id)
        pos = next(
            (p for p in self.state.pos.values() if p.owner == account.id and p.external_id == request.external_pos_id),
            None,
        )
        if pos is None:
            raise OrdersError(404, "pos_not_found", f"Point of sale {request.external_pos_id} not found")
        return self._place(account, pos, request, test_ids=test_ids)

    def _place(self, account: Account, pos: Pos, req: OrderRequest, *, test_ids: bool) -> QrOrder:
        now = self.state.now()
        order_id = ("ORDTST" if test_ids else "ORD") + new_ulid(now)
        draft_items = [
            OrderItem(
                title=i["title"], unit_price=Decimal(i["unit_price"]), quantity=i["quantity"],
                total_amount=Decimal(i["unit_price"]) * i["quantity"], unit_measure=i["unit_measure"],
                sku_number=i.get("external_code"),
            )
            for i in req.items
        ]
        title = req.description or f"Order {req.reference}"
        draft = OrderDraft(
            external_reference=req.reference,
            title=title,
            total_amount=req.total,
            items=draft_items,
            submitted={
                "external_reference": req.reference, "title": title, "description": req.description,
                "total_amount": req.total,
                "items": [{"title": i.title, "unit_price": i.unit_price, "quantity": i.quantity,
                           "unit_measure": i.unit_measure, "total_amount": i.total_amount} for i in draft_items],
            },
            description=req.description,
            expires_at=now + req.lifetime,
        )
        pos_order = self.state.put_order(account, pos, draft, "orders")
        order = QrOrder(
            id=order_id,
            owner=account.id,
            pos_id=pos.id,
            pos_order_id=pos_order.id,
            external_reference=req.reference,
            description=req.description,
            total_amount=req.total,
            expiration_time=req.expiration,
            expires_at=now + req.lifetime,
            mode=req.mode,
            items=req.items,
            payment_tx_id="PAY" + new_ulid(now),
            created_date=now,
            last_updated_date=now,
            application_id=str(1_000_000_000_000_000 + account.id % 1_000_000_000),
            live_mode=not account.is_test,
        )
        if req.mode in ("dynamic", "hybrid"):
            order.qr_data = self.state.dynamic_qr_data(account, pos, pos_order)
        self.orders[order.id] = order
        self.by_pos_order[pos_order.id] = order.id
        return order

    # --- changes ----------------------------------------------------------------------------

    def _changed(self, order: QrOrder, action: str | None) -> None:
        order.last_updated_date = self.state.now()
        order.version += 1
        if action is not None:
            self._webhook(order, action)

    def _webhook(self, order: QrOrder, action: str) -> None:
        account = next((a for a in self.state.accounts.values() if a.id == order.owner), None)
        if account is None:
            return
        payload = webhook_payload(order, account.site, self.view(order, account), action, self.state.now())
        self.webhooks.send(order.owner, order.id, action, payload)

    def _take_off_pos(self, order: QrOrder) -> None:
        pos = self.on_its_pos(order)
        if pos is not None:
            self.state.delete_order(pos)

    def cancel(self, order: QrOrder) -> QrOrder:
        if order.status == "canceled":
            raise OrdersError(409, "order_already_canceled", f"Order {order.id} is already canceled")
        if order.status != "created":
            raise OrdersError(409, "cannot_cancel_order", f"Order {order.id} is {order.status} and cannot be canceled")
        self._take_off_pos(order)
        self._close_scans(order)
        order.status, order.status_detail = "canceled", "canceled"
        order.tx_status, order.tx_status_detail = "canceled", "canceled_by_api"
        self._changed(order, "order.canceled")
        return order

    def _close_scans(self, order: QrOrder) -> None:
        """A canceled, failed or expired order cannot be paid: its open scans end (expired)."""
        for mo in self.state.merchant_orders.values():
            if mo.order_id == order.pos_order_id and mo.status == "opened":
                mo.status = "expired"
                mo.last_updated = self.state.now()

    def fail(self, order: QrOrder, detail: str) -> None:
        if order.status != "created":
            raise OrdersError(409, "cannot_fail_order", f"Order {order.id} is {order.status}")
        self._take_off_pos(order)
        self._close_scans(order)
        order.status, order.status_detail = "failed", detail
        order.tx_status, order.tx_status_detail = "failed", detail
        self._changed(order, "order.failed")

    def expire(self, order: QrOrder) -> None:
        pos = self.on_its_pos(order)
        if pos is not None:
            self.state.expire_order(pos)  # calls order_expired below
            return
        self._mark_expired(order)

    def _mark_expired(self, order: QrOrder) -> None:
        if order.status not in ("created", "action_required"):
            return
        self._close_scans(order)
        order.status, order.status_detail = "expired", "expired"
        order.tx_status, order.tx_status_detail = "expired", "expired"
        self._changed(order, "order.expired")

    def refund(self, account: Account, order: QrOrder, key: str, amount: Decimal | None) -> RefundTx:
        if order.status == "refunded":
            raise OrdersError(409, "order_already_refunded", f"Order {order.id} is already refunded")
        if order.status != "processed" or order.payment_id is None:
            raise OrdersError(409, "cannot_refund_order", f"Order {order.id} is {order.status} and cannot be refunded")
        remaining = (order.paid_amount or Decimal(0)) - order.refunded
        if amount is not None and amount > remaining:
            raise OrdersError(400, "invalid_refund_amount", f"At most {remaining} can be refunded")
        before = {r.refund_id for r in order.refunds}
        try:
            self.state.refund(account, order.payment_id, f"orders:{order.id}:{key}", amount)
        except ApiError as exc:
            # the payment's own refusal, in the Orders API's words (api §2.4: 409 cannot_refund_order)
            raise OrdersError(409 if exc.status < 500 else exc.status, "cannot_refund_order", exc.message) from None
        return next(r for r in order.refunds if r.refund_id not in before)  # added by payment_refunded

    def require_action(self, order: QrOrder, detail: str) -> None:
        if order.status != "created":
            raise OrdersError(409, "cannot_update_order", f"Order {order.id} is {order.status}")
        order.status, order.status_detail = "action_required", detail
        order.tx_status, order.tx_status_detail = "action_required", detail
        self._changed(order, "order.action_required")

    # --- hooks called by SandboxState ---------------------------------------------------------

    def tick(self, now: datetime) -> None:
        """Orders no longer on their POS (replaced) still expire on time."""
        for order in list(self.orders.values()):
            if order.status in ("created", "action_required") and order.expires_at <= now:
                if self.on_its_pos(order) is None:
                    self._mark_expired(order)

    def check_payment(self, mo: MerchantOrder, status: str, amount: Decimal) -> None:
        order = self._of_pos_order(mo.order_id)
        if order is None:
            return
        if order.status not in ("created", "action_required"):
            raise ApiError(409, "order_not_payable", f"Order {order.id} is {order.status}: it cannot be paid")
        if status == "approved" and amount != mo.remaining:
            raise ApiError(400, "invalid_amount", "An Orders API QR order is paid in full")

    def payment_made(self, account: Account, pos: Pos, payment: Payment, mo: MerchantOrder) -> None:
        order = self._of_pos_order(mo.order_id)
        if order is None:
            return
        payment.order_reference = order.id
        order.payment_id = payment.id
        if payment.status == "approved":
            order.paid_amount = payment.amount
            order.status, order.status_detail = "processed", "accredited"
            order.tx_status, order.tx_status_detail = "processed", "accredited"
            self._changed(order, "order.processed")
        else:
            # The payer may try again: the order stays payable, its transaction shows the failure.
            order.tx_status, order.tx_status_detail = "failed", failure_detail(payment.status_detail)
            self._changed(order, None)

    def order_expired(self, pos_order: PosOrder) -> None:
        order = self._of_pos_order(pos_order.id)
        if order is not None:
            self._mark_expired(order)

    def payment_refunded(self, payment: Payment, refund: Refund) -> None:
        order = self.orders.get(getattr(payment, "order_reference", None) or "")
        if order is None or any(r.refund_id == refund.id for r in order.refunds):
            return
        new = RefundTx("REF" + new_ulid(self.state.now()), order.payment_tx_id, refund.id, refund.amount)
        order.refunds.append(new)
        if order.refunded >= (order.paid_amount or Decimal(0)):
            order.status, order.status_detail = "refunded", "refunded"
            order.tx_status, order.tx_status_detail = "refunded", "refunded"
        else:
            order.status_detail = order.tx_status_detail = "partially_refunded"
        self._changed(order, "order.refunded")


def install(state: SandboxState, notifier: Notifier | None = None) -> OrdersApi:
    """Attach the Orders API to a sandbox state (once) and return it."""
    for ext in state.extensions:
        if isinstance(ext, OrdersApi):
            return ext
    api = OrdersApi(state, notifier)
    state.extensions.append(api)
    return api


def book(request: web.Request) -> OrdersApi:
    return install(context(request).state)
