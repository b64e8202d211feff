"""The order waiting to be paid at each register, for the unattended model.

One slot per POS (`external_pos_id`) the endpoint knows. A slot is in one of these states:

    idle       nothing to pay, nothing being prepared (Mercado Pago is told "no order yet")
    preparing  an order is being prepared: the pump is running, the machine is dispensing
    ready      an order is placed and waits to be paid (Mercado Pago gets it with a 200)
    paid       the last order was just paid: "nothing to pay" for `paid_hold` seconds, then idle
    device_down the pump or machine behind the register cannot be reached

`place()` puts an order on the slot (replacing any other), `withdraw()` and `take()` take
it off (when it was paid, cancelled or expired); an order whose `expiration_date` has
passed is dropped the next time anyone looks. Everything is under one `threading.Lock`
held only for dictionary work, so the app's thread, a device thread and the endpoint's
event loop may all call in; nothing here awaits or blocks.

The 200 body is serialised once, when the order is placed (`InstoreOrder.to_json(site)`,
the Instore Orders v2 body), so answering a poll copies bytes.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from qrcashier.checkout.board import TakeReason
from qrcashier.domain.money import Site, quantize
from qrcashier.mercadopago.models import InstoreOrder
from qrcashier.unattended.addresses import check_pos_id

# What Mercado Pago accepts as an order's external_reference (v2 body: a string of at most
# 256 characters). Printable ASCII without spaces keeps it safe in logs and query strings.
REFERENCE = re.compile(r"^[\x21-\x7e]{1,256}$")
MAX_ORDER_BYTES = 64 * 1024  # a serialised order body; far above any counter sale
MAX_ITEMS = 500
DEFAULT_PAID_HOLD = 120.0  # seconds a paid slot answers "nothing to pay" before "no order yet"


class SlotState(StrEnum):
    IDLE = "idle"
    PREPARING = "preparing"
    READY = "ready"
    PAID = "paid"
    DEVICE_DOWN = "device_down"


class UnknownRegister(KeyError):
    """The endpoint does not serve this POS (it was not among its registers)."""

    def __init__(self, external_pos_id: str) -> None:
        super().__init__(external_pos_id)
        self.external_pos_id = external_pos_id

    def __str__(self) -> str:
        return f"the merchant endpoint does not serve POS {self.external_pos_id!r}"


class InvalidOrder(ValueError):
    """An order the endpoint refuses to offer (bad reference, totals, expired, too large)."""


@dataclass(frozen=True)
class PlacedOrder:
    """An order on a slot: its reference, total and the exact bytes Mercado Pago gets."""

    external_pos_id: str
    external_reference: str
    total_amount: Decimal
    body: bytes
    placed_at: datetime
    expires_at: datetime | None = None

    def json(self) -> dict:
        return json.loads(self.body)


@dataclass(frozen=True)
class SlotStatus:
    """A snapshot of one slot, for the UI, the gateway and tests."""

    external_pos_id: str
    state: SlotState
    order: PlacedOrder | None
    polls: int  # Mercado Pago's calls answered for this POS since start
    deliveries: int  # of which answered with the current order (200)
    last_poll_at: datetime | None
    last_delivery_at: datetime | None
    last_taken: tuple[str, TakeReason] | None  # (reference, why) of the last order taken off

    @property
    def reference(self) -> str | None:
        return None if self.order is None else self.order.external_reference


@dataclass
class _Slot:
    pos: str
    order: PlacedOrder | None = None
    preparing: bool = False
    device_down: bool = False
    paid_at: datetime | None = None
    polls: int = 0
    deliveries: int = 0
    last_poll_at: datetime | None = None
    last_delivery_at: datetime | None = None
    last_taken: tuple[str, TakeReason] | None = None
    history: list[tuple[str, TakeReason]] = field(default_factory=list)


def utcnow() -> datetime:
    return datetime.now(UTC)


def serialise(order: InstoreOrder, site: Site, now: datetime) -> bytes:
    """Check an order and return the v2 body Mercado Pago will get, as compact JSON bytes."""
    if not isinstance(order, InstoreOrder):
        raise InvalidOrder("an order is an InstoreOrder")
    if not REFERENCE.match(order.external_reference or ""):
        raise InvalidOrder("the external reference is 1 to 256 printable characters without spaces")
    if not order.title or not order.title.strip():
        raise InvalidOrder("an order needs a title")
    if not order.items:
        raise InvalidOrder("an order needs at least one item")
    if len(order.items) > MAX_ITEMS:
        raise InvalidOrder(f"an order has at most {MAX_ITEMS} items")
    for item in order.items:
        if item.quantity <= 0 or item.unit_price <= 0:
            raise InvalidOrder("every item needs a positive quantity and unit price")
    total = quantize(order.total_amount, site)
    if total <= 0:
        raise InvalidOrder("the total must be positive")
    if sum((quantize(i.total_amount, site) for i in order.items), Decimal(0)) != total:
        raise InvalidOrder("the total must equal the sum of the items' totals")
    if order.expiration_date is not None and order.expiration_date <= now:
        raise InvalidOrder("the order has already expired")
    body = json.dumps(order.to_json(site), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_ORDER_BYTES:
        raise InvalidOrder(f"the order body is larger than {MAX_ORDER_BYTES} bytes")
    return body


class OrderBook:
    """The slots of the registers one endpoint serves. Thread-safe; see the module doc."""

    def __init__(
        self,
        registers: Iterable[str] = (),
        *,
        clock: Callable[[], datetime] = utcnow,
        paid_hold: float = DEFAULT_PAID_HOLD,
    ) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self.paid_hold = timedelta(seconds=paid_hold)
        self._slots: dict[str, _Slot] = {}
        for pos in registers:
            self.add_register(pos)

    # --- registers ------------------------------------------------------------------------

    @property
    def registers(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._slots)

    def add_register(self, external_pos_id: str) -> None:
        check_pos_id(external_pos_id)
        with self._lock:
            self._slots.setdefault(external_pos_id, _Slot(external_pos_id))

    def remove_register(self, external_pos_id: str) -> PlacedOrder | None:
        """Stop serving a POS; returns the order that was waiting on it, if any."""
        with self._lock:
            slot = self._slots.pop(external_pos_id, None)
            return None if slot is None else slot.order

    def knows(self, external_pos_id: str) -> bool:
        return external_pos_id in self._slots  # a dict lookup is atomic under the GIL

    def _slot(self, external_pos_id: str) -> _Slot:
        slot = self._slots.get(external_pos_id)
        if slot is None:
            raise UnknownRegister(external_pos_id)
        return slot

    # --- the register's side --------------------------------------------------------------

    def place(self, external_pos_id: str, order: InstoreOrder, site: Site) -> PlacedOrder:
        """Offer `order` on the POS, replacing whatever was there. Placing the same reference
        again replaces it with the new body (idempotent for the same order)."""
        now = self._clock()
        body = serialise(order, site, now)
        placed = PlacedOrder(
            external_pos_id=external_pos_id,
            external_reference=order.external_reference,
            total_amount=quantize(order.total_amount, site),
            body=body,
            placed_at=now,
            expires_at=order.expiration_date,
        )
        with self._lock:
            slot = self._slot(external_pos_id)
            old = slot.order
            if old is not None and old.external_reference != placed.external_reference:
                self._record(slot, old.external_reference, TakeReason.REPLACED)
            slot.order = placed
            slot.preparing = False
            slot.paid_at = None
            return placed

    def withdraw(self, external_pos_id: str, reference: str | None = None) -> PlacedOrder | None:
        """Take the order off the POS: any order, or only the one with `reference`.
        Returns what was taken (None: nothing there, or another reference's order)."""
        return self.take(external_pos_id, reference, TakeReason.WITHDRAWN)

    def take(self, external_pos_id: str, reference: str | None, reason: TakeReason | str) -> PlacedOrder | None:
        """Take the order off because it was paid, cancelled or expired. Idempotent."""
        reason = TakeReason(reason)
        with self._lock:
            slot = self._slot(external_pos_id)
            order = slot.order
            if order is None or (reference is not None and order.external_reference != reference):
                if reason == TakeReason.PAID and reference is not None and order is None and slot.paid_at is None:
                    # Paid after it had already expired or been withdrawn here: still say so.
                    slot.paid_at = self._clock()
                return None
            slot.order = None
            slot.paid_at = self._clock() if reason == TakeReason.PAID else None
            self._record(slot, order.external_reference, reason)
            return order

    def set_preparing(self, external_pos_id: str, preparing: bool = True) -> None:
        """Say an order is being prepared (the amount is not known yet): Mercado Pago keeps
        polling and the customer sees a waiting screen with "in process"."""
        with self._lock:
            slot = self._slot(external_pos_id)
            slot.preparing = preparing
            if preparing:
                slot.paid_at = None

    def set_device_down(self, external_pos_id: str, down: bool = True) -> None:
        """Say the pump or machine behind this register cannot be reached."""
        with self._lock:
            self._slot(external_pos_id).device_down = down

    # --- reading --------------------------------------------------------------------------

    def _expire(self, slot: _Slot, now: datetime) -> None:
        order = slot.order
        if order is not None and order.expires_at is not None and order.expires_at <= now:
            slot.order = None
            self._record(slot, order.external_reference, TakeReason.EXPIRED)
        if slot.paid_at is not None and now - slot.paid_at >= self.paid_hold:
            slot.paid_at = None

    @staticmethod
    def _record(slot: _Slot, reference: str, reason: TakeReason) -> None:
        slot.last_taken = (reference, reason)
        slot.history.append((reference, reason))
        del slot.history[:-20]

    @staticmethod
    def _state(slot: _Slot) -> SlotState:
        if slot.device_down:
            return SlotState.DEVICE_DOWN
        if slot.order is not None:
            return SlotState.READY
        if slot.preparing:
            return SlotState.PREPARING
        if slot.paid_at is not None:
            return SlotState.PAID
        return SlotState.IDLE

    def poll(self, external_pos_id: str) -> tuple[SlotState, PlacedOrder | None] | None:
        """Mercado Pago asks for this POS's order: the state and the order, counted.
        None when the POS is not served."""
        now = self._clock()
        with self._lock:
            slot = self._slots.get(external_pos_id)
            if slot is None:
                return None
            self._expire(slot, now)
            slot.polls += 1
            slot.last_poll_at = now
            state = self._state(slot)
            if state == SlotState.READY:
                slot.deliveries += 1
                slot.last_delivery_at = now
            return state, slot.order if state == SlotState.READY else None

    def current(self, external_pos_id: str) -> PlacedOrder | None:
        """The order waiting on this POS now (None: none, or it just expired)."""
        now = self._clock()
        with self._lock:
            slot = self._slot(external_pos_id)
            self._expire(slot, now)
            return slot.order

    def status(self, external_pos_id: str) -> SlotStatus:
        now = self._clock()
        with self._lock:
            slot = self._slot(external_pos_id)
            self._expire(slot, now)
            return SlotStatus(
                external_pos_id=slot.pos,
                state=self._state(slot),
                order=slot.order,
                polls=slot.polls,
                deliveries=slot.deliveries,
                last_poll_at=slot.last_poll_at,
                last_delivery_at=slot.last_delivery_at,
                last_taken=slot.last_taken,
            )

    def history(self, external_pos_id: str) -> list[tuple[str, TakeReason]]:
        """The last orders taken off this POS, oldest first, with why."""
        with self._lock:
            return list(self._slot(external_pos_id).history)


__all__ = [
    "InvalidOrder",
    "OrderBook",
    "PlacedOrder",
    "SlotState",
    "SlotStatus",
    "TakeReason",
    "UnknownRegister",
    "serialise",
]
