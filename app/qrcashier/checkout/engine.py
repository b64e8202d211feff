"""The checkout engine: charge, watch, cancel, refund and reconcile, for one register.

The payment flow (DESIGN.md §1-9), in the order the engine does it:

1. `charge(cart)` validates the cart, writes the sale, its lines and a payment attempt
   (state `created`, unique reference, idempotency key) in one committed transaction,
   then `publishing` (committed), then asks the gateway to publish. A definitive refusal
   makes the attempt `failed` (the sale can be charged again); an unknown outcome leaves
   it live as `unknown`, resolved by reference and, only if the order is certainly not on
   the QR, published again with the same reference and key. A second press on the same
   sale returns the live attempt; a different sale while one is live is refused.
2. A watcher task per live attempt reads Mercado Pago about once a second (backing off
   on errors, honouring Retry-After), emits countdown / scanned / rejected events, and
   stops at expiry after withdrawing the order and one final read.
3. Every reading goes through `complete()`, under the attempt's lock, re-reading the
   attempt from the journal first: it is idempotent, and the one place an attempt
   becomes paid (payments recorded with UNIQUE ids, one original receipt).
4. `cancel()` records the request (audited), withdraws the order, reads once more: paid wins.
   When the gateway cannot withdraw it (`withdraw_is_final` False: a legacy dynamic QR has
   no DELETE), the attempt is cancelled but read until its `expires_at`: a payment wins.
5. `refund()` checks what is left to refund, writes the refund with its key, then calls.
6. `start()` / `reconcile()` resolves every attempt left live by an earlier run before
   any new charge; what cannot be learnt after expiry becomes `needs_review`, which a
   supervisor settles with `resolve_review()`.

The engine never blocks the event loop: the journal runs on its own thread and every
network call is awaited. Events go to plain callbacks (`subscribe`) or `events()`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import datetime

from qrcashier.checkout.cancelling import CancelJobs
from qrcashier.checkout.charging import ChargeJobs
from qrcashier.checkout.completion import CompletionJobs
from qrcashier.checkout.events import Event
from qrcashier.checkout.queries import QueryJobs
from qrcashier.checkout.reconcile import ReconcileJobs
from qrcashier.checkout.refunds import RefundJobs
from qrcashier.checkout.saletools import SaleToolsJobs
from qrcashier.checkout.till import TillJobs
from qrcashier.checkout.watching import WatchJobs
from qrcashier.domain.sale import Attempt


class CheckoutEngine(
    SaleToolsJobs, ChargeJobs, CompletionJobs, WatchJobs, CancelJobs, RefundJobs, ReconcileJobs, QueryJobs, TillJobs
):
    """The checkout engine for one register. See the module docstring for the flow.

    Create it with an open `Journal`, a `Gateway` and the register's `RegisterConfig`;
    `await start()` before charging (it reconciles what an earlier run left live);
    `await close()` when done (the journal is the caller's to close). `clock` is
    injectable so tests can move time forward; `operator` is written on receipts. `till`
    (a `TillConfig`) turns on the till: shifts, cash and split sales (till.py).
    """

    # --- life cycle ---------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """True once the start-up reconciliation has run: charging is allowed."""
        return self._ready

    @property
    def last_contact(self) -> datetime | None:
        """When Mercado Pago last answered successfully (None: not yet in this run)."""
        return self.gateway.last_contact

    async def start(self) -> list[Attempt]:
        """Reconcile what an earlier run left live, then watch what is still live.

        Returns the attempts that were live at start-up, as they are now."""
        return await self.reconcile()

    async def close(self) -> None:
        """Stop every watcher. Live attempts stay live in the journal for the next start."""
        self._closed = True
        tasks = [*self._watchers.values(), *self._late_watchers.values()]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._watchers.clear()
        self._late_watchers.clear()

    # --- events -------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        """Call `callback(event)` for every event, on the loop's thread. Returns an unsubscribe function."""
        self._listeners.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(callback)

        return unsubscribe

    async def events(self) -> AsyncIterator[Event]:
        """Every event from now on, as an async iterator (ends when the consumer stops)."""
        queue: asyncio.Queue[Event] = asyncio.Queue()
        self._queues.add(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            self._queues.discard(queue)
