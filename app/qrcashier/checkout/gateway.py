"""The interface between the engine and one Mercado Pago API family.

The engine knows only this Protocol: it publishes an attempt's order on the register's
QR, asks what Mercado Pago knows about the attempt's reference, withdraws the order, and
refunds a payment. `InstoreV2Gateway` (instore_v2.py) speaks the Instore Orders v2 API,
`OrdersGateway` (gateway_orders.py) the Orders API, gateway_v1.py the legacy v1 and `/qrs`
calls; `gateways.make_gateway` picks one. Those over the client extend `ClientGateway`.

Failures are the client's typed errors (`qrcashier.mercadopago.errors`): `retryable` ones
(timeouts, dropped connections, 5xx, 429, malformed replies) leave the outcome of a write
unknown; the others are definitive refusals. `NotDelivered` is the one extra: the request
certainly never reached Mercado Pago, so nothing happened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol

from qrcashier.checkout.config import RegisterConfig
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import Site
from qrcashier.domain.sale import Decision, Outcome
from qrcashier.mercadopago.client import MercadoPagoClient
from qrcashier.mercadopago.errors import Unreachable


@dataclass(frozen=True)
class PaymentOrder:
    """Everything a gateway needs to place, read, or withdraw one attempt's order."""

    attempt_id: int
    reference: str  # the attempt's external_reference; stable across republishing
    idempotency_key: str  # stable across retries of this attempt
    site: Site
    total: Decimal
    lines: tuple[CartLine, ...]
    title: str
    expires_at: datetime
    gateway_order_id: str | None = None  # what an earlier publish returned (Orders API order id)


@dataclass(frozen=True)
class Published:
    gateway_order_id: str | None = None
    qr_data: str | None = None  # a dynamic QR's EMVCo payload, to render on the customer display


@dataclass(frozen=True)
class Lookup:
    """What Mercado Pago knows about one attempt's reference, normalised.

    `decision` is the domain's reading of it (`qrcashier.domain.sale.decide`). `published`
    says whether the order is on the register's QR right now: True or False when the
    gateway checked (`check_published=True`), None otherwise. `raw` is a JSON-able
    snapshot, kept with a needs-review attempt so a supervisor sees what was found.
    """

    decision: Decision
    at: datetime
    published: bool | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def outcome(self) -> Outcome:
        return self.decision.outcome


@dataclass(frozen=True)
class RefundResult:
    mp_refund_id: int
    amount: Decimal
    status: str | None  # "approved", or a state Mercado Pago has not finished


class NotDelivered(Exception):
    """The request certainly never reached Mercado Pago (no connection): nothing happened."""

    retryable = True

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


def never_sent(exc: BaseException) -> bool:
    """True when a failed request cannot have left this machine (its connect failed)."""
    return isinstance(exc, Unreachable) and not exc.maybe_sent


class OutcomeUnknown(Exception):
    """A write may or may not have taken effect (an earlier try may have landed): reconcile."""

    retryable = True

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class Gateway(Protocol):
    name: str  # stored with each attempt: "instore_v2", "orders", "v1"
    # False when `withdraw` cannot take the order off its QR (a legacy dynamic QR has no
    # DELETE): the order stays payable until the attempt's expires_at.
    withdraw_is_final: bool

    async def publish(self, order: PaymentOrder) -> Published:
        """Place (or place again: same reference, same body, idempotent) the order on the QR."""
        ...

    async def lookup(self, order: PaymentOrder, *, check_published: bool = False) -> Lookup:
        """Read everything Mercado Pago knows about `order.reference` and decide."""
        ...

    async def withdraw(self, order: PaymentOrder) -> None:
        """Take the order off the register's QR. Idempotent: nothing there is success."""
        ...

    async def refund(self, mp_payment_id: int, amount: Decimal | None, idempotency_key: str) -> RefundResult:
        """Refund in full (amount None) or in part, with a key that is stable across retries."""
        ...

    def on_contact(self, listener: Callable[[datetime], None]) -> None:
        """Call `listener(when)` after every successful exchange with Mercado Pago."""
        ...

    @property
    def last_contact(self) -> datetime | None:
        ...


class ClientGateway:
    """What every gateway over the Mercado Pago client shares: the client, the register's
    settings, and "last contact" as the client's HTTP layer sees it."""

    def __init__(self, client: MercadoPagoClient, config: RegisterConfig) -> None:
        self.client = client
        self.config = config

    def on_contact(self, listener: Callable[[datetime], None]) -> None:
        self.client.http.on_contact(listener)

    @property
    def last_contact(self) -> datetime | None:
        return self.client.http.last_success
