"""A register's settings for the checkout engine, and the engine's clock."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

from qrcashier.domain.cart import clean_text
from qrcashier.domain.money import Site
from qrcashier.domain.sale import check_register_id

POS_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9]{1,39}$")
STORE_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9]{1,60}$")

# Ten minutes, as Mercado Pago's own default for an attended order (the legacy v1 TTL):
# long enough for a customer to find their phone and open the app, short enough that a
# forgotten order does not hold the register's QR for long.
DEFAULT_ORDER_EXPIRY = timedelta(minutes=10)


@dataclass(frozen=True)
class PollPolicy:
    """How the engine watches a live attempt. Seconds throughout."""

    interval: float = 1.0  # while a merchant_order is open and in the first seconds; also the budget's refill
    idle_interval: float = 3.0  # after `idle_after` seconds with nobody scanning
    idle_after: float = 60.0
    # The watch schedule (checkout/schedule.py); None: the multiple of `interval` after each name.
    first_read: float | None = None  # 2x: the first read after the publish (nobody pays within 2 s)
    brisk_for: float | None = None  # 5x: reads every `interval` for this long after the publish
    waiting_interval: float | None = None  # 1.25x: after that, until a scan or `idle_after`
    push_interval: float | None = None  # 3x: the safety net while notifications are flowing
    push_fresh: float = 600.0  # notifications count as flowing this long after the last one
    burst: float = 2.0  # the budget: a bucket of this many requests, refilled one per `refill_every`
    budget_per_minute: float = 60.0  # DESIGN.md: at most one request a second per register
    max_backoff: float = 10.0  # errors double the wait up to this; a 429's Retry-After wins if longer
    tick: float = 1.0  # how often countdown events are emitted
    min_gap: float = 0.1  # a notification triggers a read at once; a burst of them, one per this gap
    expiry_grace: float = 2.0  # after expiry, wait this long (Mercado Pago expires it), then the final read
    late_window: float = 120.0  # after a cancel or expiry with a scan still open, keep reading this long

    def __post_init__(self) -> None:
        derived = (("first_read", 2.0), ("brisk_for", 5.0), ("waiting_interval", 1.25), ("push_interval", 3.0))
        for name, times in derived:
            if getattr(self, name) is None:
                object.__setattr__(self, name, self.interval * times)
        for name in ("interval", "idle_interval", "max_backoff", "tick", "waiting_interval", "push_interval"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if min(self.expiry_grace, self.idle_after, self.late_window, self.min_gap, self.first_read, self.brisk_for,
               self.push_fresh) < 0:
            raise ValueError("expiry_grace, idle_after, late_window, min_gap, first_read, brisk_for and push_fresh "
                             "cannot be negative")
        if self.burst < 1 or self.budget_per_minute <= 0:
            raise ValueError("burst is at least one request and the budget positive")

    @property
    def refill_every(self) -> float:
        """Seconds per request of the budget: the register's budget, or the cadence when faster (tests)."""
        return min(self.interval, 60.0 / self.budget_per_minute)

    def backoff(self, errors: int) -> float:
        """The wait after `errors` consecutive failed reads: 2 s, 4 s, 8 s... capped."""
        return min(self.max_backoff, self.interval * (2 ** min(errors, 16)))


@dataclass(frozen=True)
class RegisterConfig:
    """One register (cash desk) and its Mercado Pago POS.

    `register_id` is the first segment of every reference (letters, digits, `_`; at most
    24). `user_id`, `external_store_id` and `external_pos_id` address the POS whose QR the
    orders appear on. `order_expiry` is how long an order stays on the QR (default 10
    minutes). `notification_url`, when the app can receive Mercado Pago's notifications,
    is sent with every order; a notification only ever triggers a re-read.
    """

    register_id: str
    user_id: int
    external_store_id: str
    external_pos_id: str
    site: Site
    order_expiry: timedelta = DEFAULT_ORDER_EXPIRY
    notification_url: str | None = None
    poll: PollPolicy = field(default_factory=PollPolicy)
    # Unsigned IPNs (anyone who reaches the receiver can send one): refused unless this is set;
    # signed webhooks are always taken. Either only ever brings a read forward.
    accept_ipn: bool = False
    order_title: str = "Purchase"  # what the payer's app shows for the order
    store_name: str = ""  # the store's name, written on each shift for its report

    def __post_init__(self) -> None:
        check_register_id(self.register_id)
        if isinstance(self.user_id, bool) or not isinstance(self.user_id, int) or self.user_id <= 0:
            raise ValueError("the Mercado Pago user id is a positive number")
        if not STORE_EXTERNAL_ID.match(self.external_store_id):
            raise ValueError("the store's external id is 1 to 60 letters and digits")
        if not POS_EXTERNAL_ID.match(self.external_pos_id):
            raise ValueError("the POS external id is 1 to 39 letters and digits")
        if not timedelta(seconds=1) <= self.order_expiry <= timedelta(hours=24):
            raise ValueError("an order expires after 1 second to 24 hours")
        if self.notification_url is not None:
            if not re.match(r"^https?://\S+$", self.notification_url) or len(self.notification_url) > 500:
                raise ValueError("the notification URL is an http(s) URL of at most 500 characters")
        clean_text(self.order_title, "order title", 256)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)
