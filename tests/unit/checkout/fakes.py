"""An in-memory Mercado Pago for one POS behind the Gateway protocol, and a manual clock.

The engine's unit tests drive it: the customer scans and pays (`scan`, `pay`), and any
gateway call can be made to fail before or after it takes effect (`fail`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from qrcashier.checkout.gateway import Lookup, PaymentOrder, Published, RefundResult
from qrcashier.domain.sale import OrderSnapshot, PaymentInfo, decide
from qrcashier.mercadopago.errors import BadRequest


class ManualClock:
    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2030, 1, 15, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)


@dataclass
class FakeMO:
    id: int
    reference: str
    total: Decimal
    status: str = "opened"
    payments: list[PaymentInfo] = field(default_factory=list)

    def snapshot(self) -> OrderSnapshot:
        return OrderSnapshot(self.id, self.status, self.reference, self.total, tuple(self.payments))


class FakeGateway:
    name = "fake"
    withdraw_is_final = True

    def __init__(self) -> None:
        self.on_pos: PaymentOrder | None = None
        self.mos: list[FakeMO] = []
        self.calls: list[tuple[str, str]] = []
        self.published: list[str] = []  # references of successful publishes
        self._faults: dict[str, list[tuple[BaseException, bool]]] = defaultdict(list)
        self.refunds: dict[str, RefundResult] = {}
        self.refunded: dict[int, Decimal] = defaultdict(Decimal)
        self.payments: dict[int, PaymentInfo] = {}
        self._next_id = 1000
        self._listeners: list = []
        self.last_contact: datetime | None = None

    # test controls

    def fail(self, method: str, exc: BaseException, *, times: int = 1, after: bool = False) -> None:
        """Make the next `times` calls of `method` raise `exc` (after acting, when `after`)."""
        self._faults[method] += [(exc, after)] * times

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def scan(self) -> FakeMO:
        assert self.on_pos is not None, "nothing on the QR to scan"
        mo = FakeMO(self.new_id(), self.on_pos.reference, self.on_pos.total)
        self.mos.append(mo)
        return mo

    def pay(
        self, status: str = "approved", amount: str | Decimal | None = None, mo: FakeMO | None = None
    ) -> PaymentInfo:
        if mo is None:
            mo = self.mos[-1] if self.mos and self.mos[-1].status == "opened" else self.scan()
        assert mo.status == "opened"
        paid = sum((p.amount for p in mo.payments if p.status == "approved"), Decimal(0))
        value = mo.total - paid if amount is None else Decimal(amount)
        payment = PaymentInfo(
            self.new_id(), status, value, "accredited" if status == "approved" else "cc_rejected", mo.id
        )
        mo.payments.append(payment)
        self.payments[payment.mp_payment_id] = payment
        if paid + (value if status == "approved" else 0) >= mo.total:
            mo.status = "closed"
            if self.on_pos is not None and self.on_pos.reference == mo.reference:
                self.on_pos = None
        return payment

    def expire(self) -> None:
        for mo in self.mos:
            if mo.status == "opened":
                mo.status = "expired"
        self.on_pos = None

    # the protocol

    def on_contact(self, listener) -> None:
        self._listeners.append(listener)

    async def _enter(self, method: str, detail: str) -> tuple[BaseException, bool] | None:
        self.calls.append((method, detail))
        fault = self._faults[method].pop(0) if self._faults[method] else None
        if fault is not None and not fault[1]:
            raise fault[0]
        return fault

    def _leave(self, fault: tuple[BaseException, bool] | None) -> None:
        if fault is not None:
            raise fault[0]
        self.last_contact = datetime.now(UTC)
        for listener in self._listeners:
            listener(self.last_contact)

    async def publish(self, order: PaymentOrder) -> Published:
        fault = await self._enter("publish", order.reference)
        self.on_pos = order
        self.published.append(order.reference)
        self._leave(fault)
        return Published(gateway_order_id=None, qr_data=None)

    async def lookup(self, order: PaymentOrder, *, check_published: bool = False) -> Lookup:
        fault = await self._enter("lookup", order.reference)
        snapshots = [mo.snapshot() for mo in self.mos]
        decision = decide(order.total, order.reference, snapshots)
        published = None
        if check_published:
            published = self.on_pos is not None and self.on_pos.reference == order.reference
        self._leave(fault)
        now = datetime.now(UTC)
        return Lookup(
            decision, now, published, {"merchant_orders": [s.id for s in snapshots], "outcome": str(decision.outcome)}
        )

    async def withdraw(self, order: PaymentOrder) -> None:
        fault = await self._enter("withdraw", order.reference)
        self.on_pos = None
        self._leave(fault)

    async def refund(self, mp_payment_id: int, amount: Decimal | None, idempotency_key: str) -> RefundResult:
        fault = await self._enter("refund", str(mp_payment_id))
        if idempotency_key in self.refunds:
            result = self.refunds[idempotency_key]
        else:
            payment = self.payments[mp_payment_id]
            left = payment.amount - self.refunded[mp_payment_id]
            value = left if amount is None else amount
            if value > left:
                raise BadRequest("amount too big", status=400, code="bad_request")
            self.refunded[mp_payment_id] += value
            result = self.refunds[idempotency_key] = RefundResult(self.new_id(), value, "approved")
        self._leave(fault)
        return result
