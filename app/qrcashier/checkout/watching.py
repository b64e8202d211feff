"""Watching: a task per live attempt reads Mercado Pago on a steady cadence until it ends; late reads after."""

from __future__ import annotations

import asyncio
import logging

from qrcashier.checkout.engine_base import (
    AFTERCARE_STATES,
    LATE_STATES,
    EngineBase,
    GatewayError,
    user_message,
)
from qrcashier.checkout.events import (
    Countdown,
)
from qrcashier.checkout.gateway import Lookup
from qrcashier.checkout.schedule import ReadSchedule
from qrcashier.domain.sale import (
    Attempt,
    AttemptState,
    Outcome,
)
from qrcashier.mercadopago.errors import RateLimited

log = logging.getLogger("qrcashier.checkout")
S = AttemptState


class WatchJobs(EngineBase):
    """The watcher, the late-payment watch, notifications, the countdown and expiry."""

    def notify(self, topic: str | None = None, resource_id: str | int | None = None) -> None:
        """A notification arrived (IPN, webhook, or the sandbox's push): bring the next read forward.

        It is never trusted on its own. It wakes only the watchers of this register's live
        attempts, and only as far as their budget allows (checkout/schedule.py): a flood of
        them makes no more requests than the polling would. While they flow, polling slows
        to a safety net."""
        if not self._wake:
            log.debug("notification %s %s: no live order on this register, ignored", topic, resource_id)
            return
        log.debug("notification %s %s: reading soon", topic, resource_id)
        try:
            self._notified_at = asyncio.get_running_loop().time()
        except RuntimeError:  # called off the loop (a test's plain call): it still wakes
            pass
        for wake in self._wake.values():
            wake.set()

    def _pushed(self, now: float) -> bool:
        """Notifications are flowing: one reached a live attempt within `push_fresh` seconds."""
        return self._notified_at is not None and now - self._notified_at < self.config.poll.push_fresh

    on_notification = notify

    async def refresh(self, attempt_id: int) -> Attempt:
        """Read Mercado Pago for this attempt now and apply it (a "check now" button).
        Works on live attempts, on cancelled or expired ones (a late payment wins), and on
        paid ones (a second payment is recorded for a refund)."""
        attempt = await self.attempt(attempt_id)
        if not (attempt.live or attempt.state in AFTERCARE_STATES):
            return attempt
        lookup = await self._gw(attempt).lookup(await self._order(attempt), check_published=attempt.state == S.UNKNOWN)
        return await self.complete(attempt_id, lookup)

    def _watch(self, attempt_id: int, first_delay: float | None = None) -> None:
        """Start the attempt's watcher. Its first read comes `first_read` after the last
        exchange (a publish or a read), unless `first_delay` says otherwise."""
        if self._closed:
            return
        task = self._watchers.get(attempt_id)
        if task is not None and not task.done():
            return
        self._wake.setdefault(attempt_id, asyncio.Event())
        task = asyncio.get_running_loop().create_task(
            self._watch_loop(attempt_id, first_delay), name=f"watch-attempt-{attempt_id}"
        )
        self._watchers[attempt_id] = task
        task.add_done_callback(lambda t: self._watch_done(attempt_id, t))

    def _watch_late(self, attempt_id: int) -> None:
        """An attempt that ended (cancelled, expired or paid) while its last read still showed
        an open merchant_order (a customer confirming in the app) is read again, slowly, for
        `late_window` seconds. A payment found then wins (cancelled/expired → paid), or, on a
        paid attempt, is recorded as paid twice for a refund. A cancelled attempt whose order
        could not be withdrawn (`withdraw_is_final` False) is read until its `expires_at`."""
        if self._closed or attempt_id in self._late_watchers:
            return
        task = asyncio.get_running_loop().create_task(self._late_loop(attempt_id), name=f"late-{attempt_id}")
        self._late_watchers[attempt_id] = task
        task.add_done_callback(lambda _t: self._late_watchers.pop(attempt_id, None))

    async def _late_loop(self, attempt_id: int) -> None:
        """Read every `idle_interval` until nothing is left that a customer could pay, or the
        window ends (`late_window` after the attempt ended; for an order that could not be
        withdrawn, not before its `expires_at`)."""
        policy = self.config.poll
        errors = 0
        while True:
            attempt = await self.attempt(attempt_id)
            now = self._now()
            left = (attempt.updated_at - now).total_seconds() + policy.late_window
            if self._payable_after_end(attempt):
                left = max(left, (attempt.expires_at - now).total_seconds())
            if attempt.state not in AFTERCARE_STATES or left <= 0:
                return
            await asyncio.sleep(min(policy.idle_interval if errors == 0 else policy.backoff(errors), left))
            try:
                lookup = await self._gw(attempt).lookup(await self._order(attempt), check_published=True)
                await self.complete(attempt_id, lookup)
            except GatewayError:
                errors += 1
                continue
            except Exception:
                log.exception("the late-payment watch of attempt %s failed", attempt_id)
                return
            errors = 0
            if not (lookup.decision.open_orders or lookup.published or self._payable_after_end(attempt)):
                return  # nothing left that a customer could still pay

    def _watch_done(self, attempt_id: int, task: asyncio.Task[None]) -> None:
        if self._watchers.get(attempt_id) is task:
            del self._watchers[attempt_id]
            self._wake.pop(attempt_id, None)

    async def _watch_loop(self, attempt_id: int, first_delay: float | None) -> None:
        policy = self.config.poll
        loop = asyncio.get_running_loop()
        errors = 0
        schedule = self._schedules[attempt_id] = ReadSchedule.after_publish(policy, loop.time())
        await self._wait(attempt_id, policy.first_read if first_delay is None else first_delay)
        while True:
            attempt = await self.attempt(attempt_id)
            if not attempt.live:
                return
            left = (attempt.expires_at - self._now()).total_seconds()
            self._countdown(attempt, left)
            started = loop.time()  # reads keep a steady cadence: the next is due `delay` after this one began
            if left <= 0:
                await self._expire(attempt_id)
                attempt = await self.attempt(attempt_id)
                if not attempt.live:
                    return
                delay = policy.backoff(errors := errors + 1)
            else:
                try:
                    lookup = await self._tick(attempt, schedule)
                except GatewayError as exc:
                    errors += 1
                    delay = policy.backoff(errors)
                    if isinstance(exc, RateLimited) and exc.retry_after:
                        delay = max(delay, exc.retry_after)
                    when = f"in {delay:.0f} s" if delay >= 1.5 else "in a moment"
                    self._notice(attempt_id, f"{user_message(exc)} Checking again {when}.")
                except Exception:
                    errors += 1
                    delay = policy.backoff(errors)
                    log.exception("watching attempt %s failed unexpectedly", attempt_id)
                    self._notice(attempt_id, "Something went wrong while checking the payment; trying again.", "error")
                else:
                    errors = 0
                    now = loop.time()
                    # A scan is a merchant_order (the Orders API marks its unscanned order "still
                    # payable" in open_orders too: that is not a customer paying).
                    scanned = lookup is not None and bool(
                        set(lookup.decision.open_orders) & set(lookup.decision.merchant_order_ids)
                    )
                    schedule.observed(now, seen=len(self._seen_orders.get(attempt_id, ())), open_order=scanned)
                    delay = schedule.cadence(now, pushed=self._pushed(now))
            attempt = await self.attempt(attempt_id)
            if not attempt.live:
                return
            left = (attempt.expires_at - self._now()).total_seconds()
            delay = max(0.0, delay - (loop.time() - started))
            await self._wait(attempt_id, max(0.0, min(delay, left)) if left > 0 else delay)

    async def _tick(self, attempt: Attempt, schedule: ReadSchedule) -> Lookup | None:
        """One read of a live attempt, applied, and what it read (None for a cancel's settling);
        raises the gateway's error when it failed."""
        schedule.spend(asyncio.get_running_loop().time())
        if attempt.state == S.CANCEL_REQUESTED:
            async with self._lock(attempt.id):
                current = await self.attempt(attempt.id)
                if current.state == S.CANCEL_REQUESTED:
                    await self._settle_cancel_locked(current, raise_errors=True)
            return None
        order = await self._order(attempt)
        lookup = await self._gw(attempt).lookup(order, check_published=attempt.state == S.UNKNOWN)
        async with self._lock(attempt.id):
            current = await self._apply(attempt.id, lookup)
            if (
                current.state == S.UNKNOWN
                and lookup.published is False
                and lookup.outcome == Outcome.NOTHING
            ):
                await self._republish_locked(current)
        return lookup

    async def _wait(self, attempt_id: int, seconds: float) -> None:
        """Sleep up to `seconds` (longer if the budget has no request left), emitting the
        countdown. A notification cuts the wait short, but never to less than `min_gap` after
        the last read nor beyond the budget: a burst of notifications (scan, payment,
        merchant_order) makes one read, not three, and a flood no more than the polling."""
        loop = asyncio.get_running_loop()
        wake = self._wake.setdefault(attempt_id, asyncio.Event())
        schedule = self._schedules.get(attempt_id)
        deadline = loop.time() + seconds
        if schedule is not None:
            deadline = max(deadline, schedule.token_at(loop.time()))
        policy = self.config.poll
        while (remaining := deadline - loop.time()) > 0:
            try:
                async with asyncio.timeout(min(remaining, policy.tick)):
                    await wake.wait()
            except TimeoutError:
                attempt = await self.attempt(attempt_id)
                if not attempt.live:
                    return
                self._countdown(attempt, (attempt.expires_at - self._now()).total_seconds())
                continue
            wake.clear()
            attempt = await self.attempt(attempt_id)
            if not attempt.live:
                return
            now = loop.time()
            deadline = min(deadline, schedule.woken_at(now) if schedule is not None else now)

    def _countdown(self, attempt: Attempt, left: float) -> None:
        seconds = max(0, int(left + 0.999))
        if self._countdown_shown.get(attempt.id) != seconds:
            self._countdown_shown[attempt.id] = seconds
            self._emit(Countdown(attempt.id, seconds, attempt.expires_at))

    async def _expire(self, attempt_id: int) -> None:
        """At expiry: wait the grace period (Mercado Pago expires the order itself), then one
        final read. Not paid → expired (cancelled if a cancel was pending); unreadable →
        needs_review. If the order is still on the QR (the clocks disagree), withdraw it."""
        async with self._lock(attempt_id):
            attempt = await self.attempt(attempt_id)
            if not attempt.live:
                return
            if self.config.poll.expiry_grace:
                await asyncio.sleep(self.config.poll.expiry_grace)
            try:
                lookup = await self._gw(attempt).lookup(await self._order(attempt), check_published=True)
            except GatewayError as exc:
                review = {
                    "reason": "unreachable",
                    "message": f"The final read after expiry failed: {user_message(exc)}",
                    "error": str(exc),
                    "lookup": None,
                }
                await self._move(
                    attempt, S.NEEDS_REVIEW,
                    "Mercado Pago could not be asked whether this sale was paid before its order expired: "
                    "a supervisor must review it.",
                    review=review,
                )
                return
            stuck_on_qr = (
                bool(lookup.published) and lookup.outcome != Outcome.PAID and not await self._withdraw_quietly(attempt)
            )
            settle = S.CANCELLED if attempt.state == S.CANCEL_REQUESTED else S.EXPIRED
            ended = await self._apply(attempt_id, lookup, settle=settle)
            if stuck_on_qr and ended.state in LATE_STATES:
                self._watch_late(ended.id)  # still payable on the QR: keep reading for a late payment
