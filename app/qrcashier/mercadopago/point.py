"""Mercado Pago Point card terminals through the Orders API (`/v1/orders`, `type: "point"`).

mercadopago-point.md Part A (and docs/point-api-notes.md for what was confirmed where):

- create `POST /v1/orders` (201) with `X-Idempotency-Key`, `type: "point"`,
  `external_reference` (<= 64 of `[A-Za-z0-9_-]`), exactly one payment whose `amount` is a
  string with the site's decimals, `config.point.terminal_id` (`TYPE__SERIAL`, verbatim from
  the terminals list), `config.point.print_on_terminal` (`seller_ticket` | `no_ticket`) and
  `expiration_time` (PT30S to PT3H; 15 minutes when absent).
- get `GET /v1/orders/{id}`; cancel `POST /v1/orders/{id}/cancel` (keyed; only while
  `created`, else 409 `cannot_cancel_order`; with `x-allow-cancelable-status: at_terminal`
  a Point Smart answers 202 and cancels once the terminal confirms); refund
  `POST /v1/orders/{id}/refund` (keyed; no body in full, `{"transactions": [{id, amount}]}`
  in part).
- terminals `GET /terminals/v1/list` (limit <= 50) and `PATCH /terminals/v1/setup`
  (`operating_mode` PDV | STANDALONE; the terminal must restart to apply it).
- test events `POST /v1/orders/{id}/events` (204) for orders made with test credentials.

Statuses: created -> at_terminal -> processed | failed | canceled | expired | action_required;
processed -> refunded (or processed/partially_refunded). The documented error codes become
the typed errors below (each is the HTTP class the client already raises, so callers that
catch `Conflict` or `Forbidden` keep working) with a sentence for the cashier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from qrcashier.domain.money import Site, to_json_string
from qrcashier.domain.sale import REFERENCE_RE
from qrcashier.mercadopago.errors import (
    Conflict,
    Forbidden,
    MalformedResponse,
    MercadoPagoError,
    NotFound,
)
from qrcashier.mercadopago.http import MercadoPagoHTTP, RetryPolicy, segment
from qrcashier.mercadopago.orders import Order, format_duration
from qrcashier.mercadopago.point_ids import TERMINAL_ID_RE, VIRTUAL_TERMINAL, VIRTUAL_TERMINAL_SERIAL  # noqa: F401
from qrcashier.mercadopago.reading import read_int, read_obj, read_opt_str

ORDERS = "/v1/orders"
TERMINALS_LIST = "/terminals/v1/list"
TERMINALS_SETUP = "/terminals/v1/setup"
MIN_EXPIRATION = timedelta(seconds=30)
MAX_EXPIRATION = timedelta(hours=3)
MAX_TERMINALS_PAGE = 50
PRINT_OPTIONS = ("seller_ticket", "no_ticket")
CARD_TYPES = ("debit_card", "credit_card")
OPERATING_MODES = ("PDV", "STANDALONE")
EVENT_STATUSES = ("processed", "canceled", "expired", "failed", "refunded", "action_required")
ORDER_STATUSES = ("created", "at_terminal", "canceled", "processed", "failed", "refunded", "action_required",
                  "expired")
CANCEL_AT_TERMINAL_HEADER = "x-allow-cancelable-status"


def order_path(order_id: str) -> str:
    return f"{ORDERS}/{segment(order_id)}"


def _key(idempotency_key: str) -> str:
    if not idempotency_key or len(idempotency_key) > 64:
        raise ValueError("a Point order write needs an idempotency key of 1 to 64 characters")
    return idempotency_key


# --- typed errors ---------------------------------------------------------------------------------

class TerminalBusy(Conflict):
    default_user_message = (
        "The card terminal already has an order waiting: finish or cancel it on the terminal, then try again."
    )


class TerminalNotOwned(Forbidden):
    default_user_message = (
        "This card terminal is not linked to this Mercado Pago account: choose the register's terminal in Settings."
    )


class TerminalNotInPdv(Forbidden):
    default_user_message = (
        "The card terminal is not in PDV (integrated) mode: switch it in Settings and restart the terminal."
    )


class TerminalWithoutPos(Forbidden):
    default_user_message = "The card terminal has no store and POS in Mercado Pago: assign it to this register's POS."


class TerminalNotFound(NotFound):
    default_user_message = "Mercado Pago does not know this card terminal (404): check the terminal in Settings."


class CannotCancelAtTerminal(Conflict):
    default_user_message = "The order is already on the card terminal: cancel it on the terminal."


class AlreadyCanceled(Conflict):
    default_user_message = "The card order was already cancelled."


class OnePdvPerPos(MercadoPagoError):
    default_user_message = "This POS already has a terminal in PDV mode: only one per POS is allowed."


class PointRefundRefused(Conflict):
    default_user_message = "Mercado Pago refused the card refund in the order's current state."


# code -> the typed class (its HTTP class must match the status the error came with)
_TYPED: dict[str, type[MercadoPagoError]] = {
    "already_queued_order_for_terminal": TerminalBusy,
    "forbidden_checking_terminal_owner": TerminalNotOwned,
    # documented for PATCH /terminals/v1/setup; on create [UNCONFIRMED] (docs/point-api-notes.md)
    "terminal_not_allowed_action": TerminalNotInPdv,
    "store_pos_not_found": TerminalWithoutPos,
    "cannot_cancel_order": CannotCancelAtTerminal,
    "order_already_canceled": AlreadyCanceled,
    "order_already_refunded": PointRefundRefused,
    "cannot_refund_order": PointRefundRefused,
    "refund_period_exceeded": PointRefundRefused,
    "refund_in_progress": PointRefundRefused,
    "action_not_allowed_for_current_state": PointRefundRefused,
}


def typed(exc: MercadoPagoError) -> MercadoPagoError:
    """The same error as its Point type (TerminalBusy, ...) when its code is a documented one."""
    cls: type[MercadoPagoError] | None = _TYPED.get(exc.code or "")
    if exc.status == 412:
        cls = OnePdvPerPos
    elif exc.status == 404 and exc.code in ("not_found", "terminal_not_found"):
        cls = TerminalNotFound
    if cls is None or not isinstance(exc, cls.__bases__[0]):
        return exc  # not a documented Point code, or it came with another status
    new = cls(exc.mp_message, status=exc.status, code=exc.code, causes=exc.causes, method=exc.method,
              path=exc.path)
    new.__cause__ = exc
    return new


async def _call(http: MercadoPagoHTTP, method: str, path: str, **kwargs: Any) -> Any:
    try:
        return await http.request(method, path, **kwargs)
    except MercadoPagoError as exc:
        raised = typed(exc)
        if raised is exc:
            raise
        raise raised from exc


# --- what the client sends --------------------------------------------------------------------------

@dataclass(frozen=True)
class NewPointOrder:
    """The body of `POST /v1/orders` for a Point terminal. Keep it the same on every retry of one
    attempt: a different body under the same key is a 409 `idempotency_key_already_used`."""

    external_reference: str
    amount: Decimal
    terminal_id: str
    description: str | None = None
    expiration_time: timedelta | None = None
    print_on_terminal: str = "no_ticket"  # the app prints its own receipt
    default_type: str | None = None  # debit_card | credit_card; None: the customer chooses on the terminal

    def __post_init__(self) -> None:
        if not REFERENCE_RE.match(self.external_reference):
            raise ValueError("external_reference is 1 to 64 characters of [A-Za-z0-9_-]")
        if not TERMINAL_ID_RE.match(self.terminal_id or ""):
            raise ValueError("a terminal id is TYPE__SERIAL, as the terminals list gives it")
        if self.amount <= 0:
            raise ValueError("the amount must be positive")
        if self.description is not None and len(self.description) > 150:
            raise ValueError("the description is at most 150 characters")
        if self.expiration_time is not None and not MIN_EXPIRATION <= self.expiration_time <= MAX_EXPIRATION:
            raise ValueError("a Point order's expiration_time is between 30 seconds and 3 hours")
        if self.print_on_terminal not in PRINT_OPTIONS:
            raise ValueError(f"print_on_terminal is one of {PRINT_OPTIONS}")
        if self.default_type is not None and self.default_type not in CARD_TYPES:
            raise ValueError(f"default_type is one of {CARD_TYPES}")

    def to_json(self, site: Site) -> dict[str, Any]:
        config: dict[str, Any] = {
            "point": {"terminal_id": self.terminal_id, "print_on_terminal": self.print_on_terminal},
        }
        if self.default_type:
            config["payment_method"] = {"default_type": self.default_type}
        d: dict[str, Any] = {
            "type": "point",
            "external_reference": self.external_reference,
            # exactly one payment; its amount a string with the site's decimals ("10.00")
            "transactions": {"payments": [{"amount": to_json_string(self.amount, site)}]},
            "config": config,
        }
        if self.description:
            d["description"] = self.description
        if self.expiration_time is not None:
            d["expiration_time"] = format_duration(self.expiration_time)
        return d


# --- what Mercado Pago answers ------------------------------------------------------------------------

@dataclass(frozen=True)
class CardDetails:
    """What a processed Point payment tells about the card (for the receipt)."""

    brand: str | None = None  # payment_method.id: visa, master, ...
    type: str | None = None  # credit_card | debit_card | ...
    installments: int | None = None
    last_four: str | None = None
    payment_tx_id: str | None = None  # PAY…
    payment_id: int | None = None  # reference_id: the classic payment id


@dataclass(frozen=True)
class PointOrder:
    """A Point order as read back: the common `Order` plus the terminal and the card."""

    order: Order
    terminal_id: str | None
    card: CardDetails

    @property
    def id(self) -> str:
        return self.order.id

    @property
    def status(self) -> str:
        return self.order.status

    @classmethod
    def from_json(cls, data: Any) -> PointOrder:
        d = read_obj(data, "point order")
        order = Order.from_json(d)
        config = d.get("config") if isinstance(d.get("config"), dict) else {}
        point = config.get("point") if isinstance(config.get("point"), dict) else {}
        card = CardDetails()
        payments = (d.get("transactions") or {}).get("payments") if isinstance(d.get("transactions"), dict) else None
        if isinstance(payments, list) and payments and isinstance(payments[0], dict):
            p = payments[0]
            method = p.get("payment_method") if isinstance(p.get("payment_method"), dict) else {}
            card_obj = p.get("card") if isinstance(p.get("card"), dict) else {}
            installments = method.get("installments")
            card = CardDetails(
                brand=read_opt_str(method.get("id")),
                type=read_opt_str(method.get("type")),
                installments=read_int(installments, "installments") if installments is not None else None,
                last_four=read_opt_str(card_obj.get("last_digits")),
                payment_tx_id=read_opt_str(p.get("id")),
                payment_id=order.payments[0].payment_id if order.payments else None,
            )
        return cls(order, read_opt_str(point.get("terminal_id")), card)


@dataclass(frozen=True)
class Terminal:
    id: str  # TYPE__SERIAL
    pos_id: str | None
    store_id: str | None
    external_pos_id: str | None
    operating_mode: str  # PDV | STANDALONE | UNDEFINED

    @property
    def serial(self) -> str:
        return self.id.rpartition("__")[2]

    @classmethod
    def from_json(cls, data: Any) -> Terminal:
        d = read_obj(data, "terminal")
        if not d.get("id"):
            raise MalformedResponse("a terminal without an id")
        pos_id = d.get("pos_id")
        return cls(
            id=str(d["id"]),
            pos_id=None if pos_id is None else str(pos_id),  # an int in the reference, a string in the guide
            store_id=None if d.get("store_id") is None else str(d["store_id"]),
            external_pos_id=read_opt_str(d.get("external_pos_id")),
            operating_mode=str(d.get("operating_mode") or "UNDEFINED"),
        )


@dataclass(frozen=True)
class CancelAnswer:
    """A cancel's answer: the order (200), or None when a Point Smart accepted it for later (202)."""

    order: PointOrder | None
    accepted_later: bool


# --- the client ------------------------------------------------------------------------------------------

class PointClient:
    """One async method per Point call; shares the app's MercadoPagoHTTP (auth, retries, timeouts)."""

    def __init__(self, http: MercadoPagoHTTP) -> None:
        self.http = http

    async def create(
        self, order: NewPointOrder, site: Site, *, idempotency_key: str, retry: RetryPolicy | None = None
    ) -> PointOrder:
        reply = await _call(self.http, "POST", ORDERS, json_body=order.to_json(site),
                            idempotency_key=_key(idempotency_key), retry=retry)
        return PointOrder.from_json(reply.body)

    async def get(self, order_id: str) -> PointOrder:
        reply = await _call(self.http, "GET", order_path(order_id))
        return PointOrder.from_json(reply.body)

    async def cancel(self, order_id: str, *, idempotency_key: str, at_terminal: bool = False) -> CancelAnswer:
        """Only while `created` (else `CannotCancelAtTerminal`); `at_terminal=True` asks a Point
        Smart to cancel an order already on its screen (202: effective when it confirms)."""
        headers = {CANCEL_AT_TERMINAL_HEADER: "at_terminal"} if at_terminal else None
        reply = await _call(self.http, "POST", f"{order_path(order_id)}/cancel", headers=headers,
                            idempotency_key=_key(idempotency_key), ok=(200, 202))
        if reply.status == 202:
            return CancelAnswer(None, True)
        return CancelAnswer(PointOrder.from_json(reply.body), False)

    async def refund(
        self, order_id: str, *, idempotency_key: str, transactions: Sequence[tuple[str, Decimal]] | None = None,
        site: Site | None = None,
    ) -> Order:
        body = None
        if transactions:
            if site is None:
                raise ValueError("a partial refund needs the site to format its amounts")
            body = {"transactions": [{"id": tx, "amount": to_json_string(a, site)} for tx, a in transactions]}
        reply = await _call(self.http, "POST", f"{order_path(order_id)}/refund", json_body=body,
                            idempotency_key=_key(idempotency_key))
        return Order.from_json(reply.body)

    async def simulate(self, order_id: str, status: str, *, status_detail: str | None = None,
                       payment_method_type: str | None = None, payment_method_id: str | None = None,
                       installments: int | None = None) -> None:
        """`POST /v1/orders/{id}/events` (test credentials only): move the order to `status`."""
        if status not in EVENT_STATUSES:
            raise ValueError(f"a test event's status is one of {EVENT_STATUSES}")
        body: dict[str, Any] = {"status": status}
        for key, value in (("status_detail", status_detail), ("payment_method_type", payment_method_type),
                           ("payment_method_id", payment_method_id), ("installments", installments)):
            if value is not None:
                body[key] = value
        await _call(self.http, "POST", f"{order_path(order_id)}/events", json_body=body, ok=(200, 204))

    async def terminals(self, *, store_id: str | None = None, pos_id: int | str | None = None) -> list[Terminal]:
        """Every terminal of the account (or of one store / POS), all pages of at most 50."""
        found: list[Terminal] = []
        offset = 0
        while True:
            params: dict[str, Any] = {"limit": MAX_TERMINALS_PAGE, "offset": offset}
            if store_id is not None:
                params["store_id"] = store_id
            if pos_id is not None:
                params["pos_id"] = pos_id
            reply = await _call(self.http, "GET", TERMINALS_LIST, params=params)
            body = read_obj(reply.body, "terminals list")
            data = body.get("data") if isinstance(body.get("data"), dict) else {}
            page = data.get("terminals") or []
            if not isinstance(page, list):
                raise MalformedResponse("data.terminals is not a list")
            found.extend(Terminal.from_json(t) for t in page)
            paging = body.get("paging") if isinstance(body.get("paging"), dict) else {}
            total = paging.get("total")
            offset += len(page)
            if not page or not isinstance(total, int) or offset >= total:
                return found

    async def set_operating_mode(self, terminal_id: str, mode: str = "PDV") -> str:
        """`PATCH /terminals/v1/setup`: the mode Mercado Pago now shows (the terminal applies it on restart)."""
        if mode not in OPERATING_MODES:
            raise ValueError(f"the operating mode is one of {OPERATING_MODES}")
        # PATCH is not retried by the HTTP layer (no idempotency key is documented for it); a
        # caller may repeat it: setting the same mode twice is harmless.
        reply = await _call(self.http, "PATCH", TERMINALS_SETUP,
                            json_body={"terminals": [{"id": terminal_id, "operating_mode": mode}]})
        body = read_obj(reply.body, "terminal setup")
        rows = body.get("terminals")
        if not isinstance(rows, list) or not rows or not isinstance(rows[0], dict):
            raise MalformedResponse("the setup answer lists no terminal")
        return str(rows[0].get("operating_mode") or mode)


__all__ = [
    "AlreadyCanceled", "CancelAnswer", "CannotCancelAtTerminal", "CardDetails", "NewPointOrder",
    "OnePdvPerPos", "PointClient", "PointOrder", "PointRefundRefused", "Terminal", "TerminalBusy",
    "TerminalNotFound", "TerminalNotInPdv", "TerminalNotOwned", "TerminalWithoutPos", "typed",
]
