"""The sandbox's Point terminals and their Orders API orders (mercadopago-point.md Part A).

Each account has Mercado Pago's virtual test terminal (`NEWLAND_N950__SBX0000001`, in PDV
mode; listed by `/terminals/v1/list` here, which is [UNCONFIRMED] for Mercado Pago itself)
and one Point Smart per POS (`PAX_A910__SMARTPOS<pos id>`, STANDALONE until the setup
PATCH switches it: one PDV terminal per POS, else 412). A terminal that is online and in
PDV mode shows its queued order `PICKUP` seconds after the create (`created ->
at_terminal`); a person (the terminal page, the control API or a test) then taps a card:
approve, reject, cancel on the terminal, or leaves it processing until it becomes
`action_required` (40 s). Orders expire at their `expiration_time` (15 min when absent).
Every change sends an `order.*` webhook through the Orders API's webhook settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from qrcashier.domain.money import MAX_AMOUNT, Site, to_json_string
from qrcashier.domain.sale import REFERENCE_RE
from qrcashier.mercadopago.orders import parse_duration
from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.clock import utc_date
from qrcashier.sandbox.orders.book import OrdersApi
from qrcashier.sandbox.orders.book import install as install_orders
from qrcashier.sandbox.orders.errors import OrdersError
from qrcashier.sandbox.orders.records import new_ulid
from qrcashier.sandbox.state import SandboxState

VIRTUAL_TERMINAL = "NEWLAND_N950__SBX0000001"
SMART_TYPE = "PAX_A910"
PICKUP = timedelta(seconds=1)  # from the create until the terminal shows the order
CANCEL_CONFIRM = timedelta(seconds=1)  # an at_terminal cancel (202) until the terminal confirms it
ACTION_REQUIRED_AFTER = timedelta(seconds=40)  # processing without an answer (status doc)
DEFAULT_EXPIRATION = "PT15M"
MIN_EXPIRATION, MAX_EXPIRATION = timedelta(seconds=30), timedelta(hours=3)
ALLOWED = {"type", "external_reference", "description", "expiration_time", "transactions", "config",
           "integration_data"}
LIVE = ("created", "at_terminal")
REJECT_DETAILS = ("insufficient_amount", "high_risk", "card_disabled", "bad_filled_card_data",
                  "required_call_for_authorize", "max_attempts_exceeded", "processing_error", "amount_limit_exceeded")
EVENT_STATUSES = ("processed", "canceled", "expired", "failed", "refunded", "action_required")


@dataclass
class Terminal:
    id: str
    owner: int
    pos_id: int | None
    store_id: str | None
    external_pos_id: str | None
    operating_mode: str = "STANDALONE"
    online: bool = True


@dataclass
class PointRefund:
    id: str
    transaction_id: str
    reference_id: int
    amount: Decimal
    status: str = "processing"


@dataclass
class PointOrder:
    id: str
    owner: int
    terminal_id: str
    external_reference: str
    description: str | None
    amount: Decimal
    expiration_time: str
    expires_at: datetime
    print_on_terminal: str
    default_type: str | None
    payment_tx_id: str
    created_date: datetime
    last_updated_date: datetime
    live_mode: bool
    status: str = "created"
    status_detail: str = "created"
    tx_status: str = "created"
    tx_status_detail: str = "created"
    shown_at: datetime | None = None  # when the terminal picked it up
    processing_since: datetime | None = None  # a card inserted, no answer yet
    cancel_at: datetime | None = None  # an accepted at_terminal cancel takes effect then
    payment_id: int | None = None
    paid_amount: Decimal | None = None
    card: dict[str, Any] = field(default_factory=dict)  # brand, type, installments, last_four
    refunds: list[PointRefund] = field(default_factory=list)
    version: int = 1

    @property
    def refunded(self) -> Decimal:
        return sum((r.amount for r in self.refunds), Decimal(0))


def _amount(value: Any, site: Site, path: str) -> Decimal:
    pattern = r"^\d+$" if site.decimals == 0 else rf"^\d+(\.\d{{1,{site.decimals}}})?$"
    if not isinstance(value, str) or not re.match(pattern, value):
        raise OrdersError(400, "property_type", f"{path} must be a decimal string in {site.currency}", path)
    amount = Decimal(value)
    if amount <= 0 or amount > MAX_AMOUNT:
        raise OrdersError(400, "property_value", f"{path} must be positive and at most {MAX_AMOUNT}", path)
    return amount


def parse_point_create(body: Any, site: Site) -> dict[str, Any]:
    """A `type: "point"` create body checked as the reference documents it, or its 400."""
    if not isinstance(body, dict):
        raise OrdersError(400, "json_syntax_error", "The body must be a JSON object")
    unknown = sorted(set(body) - ALLOWED)
    if unknown:
        raise OrdersError(400, "unsupported_properties", f"additionalProperties '$.{unknown[0]}' not allowed")
    missing = [k for k in ("type", "external_reference", "transactions", "config") if k not in body]
    if missing:
        raise OrdersError(400, "required_properties", "Missing properties",
                          *(f"missing properties: '$.{k}'" for k in missing))
    ref = body["external_reference"]
    if not isinstance(ref, str) or not REFERENCE_RE.match(ref):
        raise OrdersError(400, "property_value", "external_reference is 1 to 64 characters of [A-Za-z0-9_-]",
                          "$.external_reference")
    description = body.get("description")
    if description is not None and (not isinstance(description, str) or len(description) > 150):
        raise OrdersError(400, "property_value", "description is at most 150 characters", "$.description")
    expiration = body.get("expiration_time", DEFAULT_EXPIRATION)
    try:
        lifetime = parse_duration(expiration) if isinstance(expiration, str) else None
    except ValueError:
        lifetime = None
    if lifetime is None or not MIN_EXPIRATION <= lifetime <= MAX_EXPIRATION:
        raise OrdersError(400, "property_value", "expiration_time is an ISO-8601 duration from PT30S to PT3H",
                          "$.expiration_time")
    txs = body["transactions"]
    payments = txs.get("payments") if isinstance(txs, dict) else None
    if not isinstance(payments, list) or not payments:
        raise OrdersError(400, "minimum_items", "transactions.payments needs one payment")
    if len(payments) > 1:
        raise OrdersError(400, "maximum_items", "A Point order carries exactly one payment")
    if not isinstance(payments[0], dict) or set(payments[0]) != {"amount"}:
        raise OrdersError(400, "unsupported_properties", "A Point payment carries only its amount",
                          "$.transactions.payments[0]")
    amount = _amount(payments[0]["amount"], site, "$.transactions.payments[0].amount")
    config = body["config"]
    point = config.get("point") if isinstance(config, dict) else None
    if not isinstance(point, dict) or not isinstance(point.get("terminal_id"), str):
        raise OrdersError(400, "required_properties", "Missing properties",
                          "missing properties: '$.config.point.terminal_id'")
    printing = point.get("print_on_terminal", "seller_ticket")
    if printing not in ("seller_ticket", "no_ticket"):
        raise OrdersError(400, "property_value", "print_on_terminal is seller_ticket or no_ticket",
                          "$.config.point.print_on_terminal")
    method = config.get("payment_method") if isinstance(config, dict) else None
    default_type = method.get("default_type") if isinstance(method, dict) else None
    if method is not None and (not isinstance(method, dict) or set(method) - {"default_type"}
                               or default_type not in ("debit_card", "credit_card")):
        raise OrdersError(400, "unsupported_properties", "config.payment_method takes only default_type "
                          "(debit_card or credit_card)")
    return {"reference": ref, "description": description, "expiration": expiration, "lifetime": lifetime,
            "amount": amount, "terminal_id": point["terminal_id"], "printing": printing,
            "default_type": default_type}


class PointBook:
    """The terminals and Point orders, an extension of the sandbox state (its hooks below)."""

    def __init__(self, state: SandboxState, orders: OrdersApi) -> None:
        self.state = state
        self.orders_api = orders  # its idempotency answers and its order.* webhooks
        self.terminals: dict[str, Terminal] = {}
        self.orders: dict[str, PointOrder] = {}

    # --- terminals --------------------------------------------------------------------------

    def terminals_of(self, account: Account) -> list[Terminal]:
        """The account's terminals: the virtual one, and one Point Smart per POS (made on first sight)."""
        virtual = f"{account.id}:{VIRTUAL_TERMINAL}"
        if virtual not in self.terminals:
            self.terminals[virtual] = Terminal(VIRTUAL_TERMINAL, account.id, None, None, None, "PDV")
        for pos in self.state.pos.values():
            if pos.owner != account.id:
                continue
            key = f"{account.id}:{SMART_TYPE}__SMARTPOS{pos.id:04d}"
            if key not in self.terminals:
                self.terminals[key] = Terminal(f"{SMART_TYPE}__SMARTPOS{pos.id:04d}", account.id, pos.id,
                                               pos.store_id, pos.external_id)
        return [t for t in self.terminals.values() if t.owner == account.id]

    def terminal(self, account: Account, terminal_id: str) -> Terminal | None:
        return next((t for t in self.terminals_of(account) if t.id == terminal_id), None)

    def set_mode(self, account: Account, terminal_id: str, mode: str) -> Terminal:
        terminal = self.terminal(account, terminal_id)
        if terminal is None:
            raise OrdersError(404, "not_found", f"Terminal {terminal_id} not found")
        if terminal.pos_id is None and terminal.id != VIRTUAL_TERMINAL:
            raise OrdersError(403, "store_pos_not_found", "The terminal has no store and POS")
        if mode == "PDV" and terminal.pos_id is not None:
            other = [t for t in self.terminals_of(account)
                     if t is not terminal and t.pos_id == terminal.pos_id and t.operating_mode == "PDV"]
            if other:
                raise OrdersError(412, "precondition_failed",
                                  "Only one pos-store with PDV mode ON or SUSPENDED is allowed")
        terminal.operating_mode = mode
        return terminal

    # --- orders -----------------------------------------------------------------------------

    def owns(self, order_id: str) -> bool:
        return order_id in self.orders

    def get(self, account: Account, order_id: str) -> PointOrder:
        self.tick(self.state.now())
        order = self.orders.get(order_id)
        if order is None or order.owner != account.id:
            raise OrdersError(404, "order_not_found", "Order not found.")
        return order

    def create(self, account: Account, body: Any, *, test_ids: bool) -> PointOrder:
        req = parse_point_create(body, account.site)
        terminal = self.terminal(account, req["terminal_id"])
        if terminal is None:
            raise OrdersError(403, "forbidden_checking_terminal_owner",
                              "The terminal does not belong to this user")
        if terminal.operating_mode != "PDV":
            raise OrdersError(403, "terminal_not_allowed_action", "The terminal is not in PDV mode")
        self.tick(self.state.now())
        if any(o.terminal_id == terminal.id and o.owner == account.id and o.status in LIVE
               for o in self.orders.values()):
            raise OrdersError(409, "already_queued_order_for_terminal",
                              "The terminal already has an order waiting; finish or cancel it")
        now = self.state.now()
        order = PointOrder(
            id=("ORDTST" if test_ids else "ORD") + new_ulid(now), owner=account.id, terminal_id=terminal.id,
            external_reference=req["reference"], description=req["description"], amount=req["amount"],
            expiration_time=req["expiration"], expires_at=now + req["lifetime"], print_on_terminal=req["printing"],
            default_type=req["default_type"], payment_tx_id="PAY" + new_ulid(now), created_date=now,
            last_updated_date=now, live_mode=not account.is_test,
        )
        self.orders[order.id] = order
        return order

    def live_on(self, account: Account, terminal_id: str) -> PointOrder | None:
        self.tick(self.state.now())
        return next((o for o in self.orders.values()
                     if o.owner == account.id and o.terminal_id == terminal_id and o.status in LIVE), None)

    def _changed(self, order: PointOrder, action: str | None = None) -> None:
        order.last_updated_date = self.state.now()
        order.version += 1
        if action is None:
            return
        account = next((a for a in self.state.accounts.values() if a.id == order.owner), None)
        if account is None:
            return
        view = order_view(order, account.site)
        payload = {
            "action": action, "api_version": "v1", "application_id": str(1_000_000_000_000_000 + order.owner),
            "data": {"id": order.id, "external_reference": order.external_reference, "status": order.status,
                     "status_detail": order.status_detail, "transactions": view["transactions"], "type": "point",
                     "version": order.version},
            "date_created": utc_date(self.state.now()), "live_mode": order.live_mode, "type": "order",
            "user_id": str(order.owner),
        }
        self.orders_api.webhooks.send(order.owner, order.id, action, payload)

    def _end(self, order: PointOrder, status: str, detail: str, tx_detail: str | None = None) -> None:
        order.status, order.status_detail = status, detail
        order.tx_status, order.tx_status_detail = status, tx_detail or detail
        order.processing_since = order.cancel_at = None
        self._changed(order, f"order.{status}")

    def show(self, order: PointOrder) -> None:
        """The terminal picks the order up: `at_terminal`."""
        if order.status == "created":
            order.status = order.status_detail = order.tx_status = order.tx_status_detail = "at_terminal"
            order.shown_at = self.state.now()
            self._changed(order, "order.at_terminal")

    def cancel(self, order: PointOrder, *, at_terminal_header: bool) -> bool:
        """The API cancel: True when done (200), False when accepted for later (202)."""
        if order.status == "canceled":
            raise OrdersError(409, "order_already_canceled", f"Order {order.id} is already canceled")
        if order.status == "at_terminal" and at_terminal_header and order.terminal_id.startswith(SMART_TYPE):
            order.cancel_at = order.cancel_at or self.state.now() + CANCEL_CONFIRM
            return False
        if order.status != "created":
            raise OrdersError(409, "cannot_cancel_order", f"Order {order.id} is {order.status}: cancel it on the "
                              "terminal")
        self._end(order, "canceled", "canceled", "canceled_by_api")
        return True

    def insert_card(self, order: PointOrder) -> None:
        self.show(order)
        self._require(order, "at_terminal")
        order.processing_since = self.state.now()

    def approve(self, order: PointOrder, *, brand: str = "master", card_type: str = "credit_card",
                installments: int = 1, last_four: str = "0604") -> None:
        self.show(order)
        self._require(order, "at_terminal")
        order.payment_id = self.state.new_id()
        order.paid_amount = order.amount
        order.card = {"brand": brand, "type": card_type, "installments": installments, "last_four": last_four}
        self._end(order, "processed", "processed", "accredited")

    def reject(self, order: PointOrder, detail: str = "insufficient_amount") -> None:
        self.show(order)
        self._require(order, "at_terminal")
        self._end(order, "failed", "failed", detail)

    def cancel_on_terminal(self, order: PointOrder) -> None:
        self.show(order)
        self._require(order, "at_terminal")
        self._end(order, "canceled", "canceled", "canceled_on_terminal")

    def action_required(self, order: PointOrder) -> None:
        self.show(order)
        self._require(order, "at_terminal")
        self._end(order, "action_required", "action_required", "check_on_terminal")

    def expire(self, order: PointOrder) -> None:
        if order.status not in LIVE:
            raise OrdersError(409, "cannot_expire_order", f"Order {order.id} is {order.status}")
        self._end(order, "expired", "expired")

    def refund(self, order: PointOrder, amount: Decimal | None) -> PointRefund:
        if order.status == "refunded":
            raise OrdersError(409, "order_already_refunded", f"Order {order.id} is already refunded")
        if order.status != "processed" or order.paid_amount is None:
            raise OrdersError(409, "cannot_refund_order", f"Order {order.id} is {order.status}")
        left = order.paid_amount - order.refunded
        value = left if amount is None else amount
        if value > left:
            raise OrdersError(400, "refund_amount_exceeds", f"At most {left} can be refunded")
        refund = PointRefund("REF" + new_ulid(self.state.now()), order.payment_tx_id, self.state.new_id(), value)
        order.refunds.append(refund)
        if order.refunded >= order.paid_amount:
            order.status, order.status_detail = "refunded", "refunded"
            order.tx_status = order.tx_status_detail = "refunded"
        else:
            order.status_detail = "partially_refunded"
        self._changed(order, "order.refunded")
        return refund

    def _require(self, order: PointOrder, status: str) -> None:
        if order.status != status:
            raise OrdersError(409, "cannot_update_order", f"Order {order.id} is {order.status}")

    def simulate(self, account: Account, order: PointOrder, body: Any) -> None:
        """`POST /v1/orders/{id}/events`: test credentials only; through `at_terminal` first."""
        if not account.is_test:
            raise OrdersError(400, "bad_request", "Only orders created with test credentials can be simulated")
        if not isinstance(body, dict) or body.get("status") not in EVENT_STATUSES:
            raise OrdersError(400, "bad_request", f"status is one of {', '.join(EVENT_STATUSES)}")
        status = body["status"]
        if status == "refunded":
            self.refund(order, None)
            return
        if order.status not in LIVE:
            raise OrdersError(400, "bad_request", f"Order {order.id} is {order.status}: invalid transition")
        if status == "processed":
            self.approve(order, brand=str(body.get("payment_method_id") or "master"),
                         card_type=str(body.get("payment_method_type") or "credit_card"),
                         installments=int(body.get("installments") or 1))
        elif status == "failed":
            self.reject(order, str(body.get("status_detail") or "insufficient_amount"))
        elif status == "canceled":
            self.cancel_on_terminal(order)
        elif status == "expired":
            self.expire(order)
        else:
            self.action_required(order)

    # --- hooks called by SandboxState --------------------------------------------------------

    def tick(self, now: datetime) -> None:
        for order in list(self.orders.values()):
            terminal = next((t for t in self.terminals.values()
                             if t.owner == order.owner and t.id == order.terminal_id), None)
            if order.status in LIVE and order.expires_at <= now:
                self._end(order, "expired", "expired")
            elif order.status == "created" and terminal is not None and terminal.online \
                    and order.created_date + PICKUP <= now:
                self.show(order)
            elif order.status == "at_terminal" and order.cancel_at is not None and order.cancel_at <= now:
                self._end(order, "canceled", "canceled", "canceled_by_api")
            elif order.status == "at_terminal" and order.processing_since is not None \
                    and order.processing_since + ACTION_REQUIRED_AFTER <= now:
                self._end(order, "action_required", "action_required", "check_on_terminal")

    def check_payment(self, *args: Any) -> None:  # the QR flows' hooks: nothing to do for Point
        return None

    def payment_made(self, *args: Any) -> None:
        return None

    def order_expired(self, *args: Any) -> None:
        return None

    def payment_refunded(self, *args: Any) -> None:
        return None


def order_view(order: PointOrder, site: Site) -> dict[str, Any]:
    """A Point order as `GET /v1/orders/{id}` answers it (fields of create-order / get-order)."""
    tx: dict[str, Any] = {"id": order.payment_tx_id, "amount": to_json_string(order.amount, site),
                          "status": order.tx_status, "status_detail": order.tx_status_detail}
    if order.payment_id is not None:
        tx["reference_id"] = str(order.payment_id)
    if order.paid_amount is not None:
        tx["paid_amount"] = to_json_string(order.paid_amount, site)
        tx["tip_amount"] = to_json_string(Decimal(0), site)
        tx["refunded_amount"] = to_json_string(order.refunded, site)
        tx["payment_method"] = {"id": order.card.get("brand"), "type": order.card.get("type"),
                                "installments": order.card.get("installments", 1)}
        if order.card.get("type") in ("credit_card", "debit_card"):
            tx["card"] = {"first_digits": "503175", "last_digits": order.card.get("last_four")}
    config: dict[str, Any] = {"point": {"terminal_id": order.terminal_id,
                                        "print_on_terminal": order.print_on_terminal}}
    if order.default_type:
        config["payment_method"] = {"default_type": order.default_type}
    body: dict[str, Any] = {
        "id": order.id, "type": "point", "processing_mode": "automatic", "user_id": str(order.owner),
        "external_reference": order.external_reference, "expiration_time": order.expiration_time,
        "country_code": site.country_code, "status": order.status, "status_detail": order.status_detail,
        "created_date": utc_date(order.created_date), "last_updated_date": utc_date(order.last_updated_date),
        "integration_data": {"application_id": str(1_000_000_000_000_000 + order.owner)},
        "config": config, "transactions": {"payments": [tx]},
    }
    if order.description is not None:
        body["description"] = order.description
    if order.refunds:
        body["transactions"]["refunds"] = [
            {"id": r.id, "transaction_id": r.transaction_id, "reference_id": str(r.reference_id),
             "amount": to_json_string(r.amount, site), "status": r.status} for r in order.refunds]
    return body


def terminal_view(t: Terminal) -> dict[str, Any]:
    return {"id": t.id, "pos_id": t.pos_id, "store_id": t.store_id, "external_pos_id": t.external_pos_id,
            "operating_mode": t.operating_mode}


def install(state: SandboxState) -> PointBook:
    """Attach the Point book to a sandbox state (once; after the Orders API's) and return it."""
    for ext in state.extensions:
        if isinstance(ext, PointBook):
            return ext
    book = PointBook(state, install_orders(state))
    state.extensions.append(book)
    return book
