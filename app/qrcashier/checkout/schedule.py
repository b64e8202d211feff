"""When a live attempt's next read is due, and how much a notification may bring it forward.

The cadence (PollPolicy, seconds):
- the first read `first_read` after the publish (nobody scans, loads and confirms within 2 s);
- every `interval` during the first `brisk_for` seconds and while a merchant_order is open;
- every `waiting_interval` after that while nobody has scanned, `idle_interval` once nothing
  was scanned for `idle_after` seconds;
- every `push_interval` (a slow safety net) while notifications are flowing, where each
  notification brings the next read forward.

Every request of the watch (the publish included) takes a token from a bucket that refills
one token per `refill_every` (the register's budget, 60 a minute) and holds at most `burst`:
a notification can bring a read forward only when a token is there, so a flood of them (an
unsigned IPN from anyone) never makes more than `burst + T / refill_every` requests in T seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from qrcashier.checkout.config import PollPolicy


@dataclass
class ReadSchedule:
    policy: PollPolicy
    started: float  # loop time of the publish (or of the watch's start after a restart)
    tokens: float = 0.0
    stamped: float = 0.0  # when `tokens` was last brought up to date
    active_since: float = 0.0  # the start, or the last new merchant_order seen
    seen: int = 0  # merchant_orders seen so far
    open_order: bool = False  # the last read showed an open (scanned, unpaid) merchant_order
    last_read: float | None = None

    @classmethod
    def after_publish(cls, policy: PollPolicy, now: float) -> ReadSchedule:
        """The publish just took a token."""
        return cls(policy, now, tokens=policy.burst - 1, stamped=now, active_since=now)

    def _tokens(self, now: float) -> float:
        return min(self.policy.burst, self.tokens + max(0.0, now - self.stamped) / self.policy.refill_every)

    def token_at(self, now: float) -> float:
        """The earliest time (>= now) a request may be made within the budget."""
        tokens = self._tokens(now)
        return now if tokens >= 1 else now + (1 - tokens) * self.policy.refill_every

    def spend(self, now: float) -> None:
        """A request is being made now (a read of the watch)."""
        self.tokens, self.stamped = self._tokens(now) - 1, max(self.stamped, now)
        self.last_read = now

    def observed(self, now: float, *, seen: int, open_order: bool) -> None:
        """What a successful read showed: how many merchant_orders so far, any still open."""
        if seen != self.seen:
            self.seen, self.active_since = seen, now
        self.open_order = open_order

    def cadence(self, now: float, *, pushed: bool) -> float:
        """The time from this read's start to the next, given whether notifications are flowing."""
        policy = self.policy
        if pushed:
            return policy.push_interval
        if self.open_order or now - self.started < policy.brisk_for:
            return policy.interval
        if now - self.active_since > policy.idle_after:
            return policy.idle_interval
        return policy.waiting_interval

    def woken_at(self, now: float) -> float:
        """A notification arrived now: the earliest time the next read may come, `min_gap`
        after the last one and within the budget."""
        gap = now if self.last_read is None else max(now, self.last_read + self.policy.min_gap)
        return self.token_at(gap)
