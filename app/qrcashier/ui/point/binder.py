"""Cards at the counter in the main window (issue 20): a Card button (F11) beside Charge opens
the card dialog (the register's Mercado Pago Point terminal, or another terminal typed by hand),
and while a Point charge is live the "present the card on terminal N" panel shows under the
status, with Cancel. The window attaches it in `_bind_features()`:

    self.attach(PointBinder(self, self.side_layout))

The engine does the work: `charge(..., tender="point")` (the same watch, completion, cancel
with paid wins and review as a QR charge), `sell_card` / `settle_by_card` for another terminal.
Nothing here blocks the Qt thread: each action is a task awaiting the engine.
"""

from __future__ import annotations

import asyncio
import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLayout

from qrcashier.domain.receipt import format_money
from qrcashier.ui.point.dialogs import POINT, CardDialog, terminal_name
from qrcashier.ui.point.panel import PointPanel
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.commands import Command
from qrcashier.ui.shell.i18n import engine_text, fmt

log = logging.getLogger("qrcashier.ui.point")
KEY = "F11"
LIVE_STATES = ("created", "publishing", "waiting", "unknown", "cancel_requested")


class PointBinder(QObject):
    def __init__(self, window: Any, layout: QLayout) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: Any = None  # the open card dialog (tests drive it)
        self.card_button = theme.big_button(self.tr("Card"), KEY, role="secondary")
        self.card_button.setMinimumHeight(56)
        layout.addWidget(self.card_button)
        self.panel = PointPanel()
        layout.addWidget(self.panel)
        self.panel.cancel_pressed.connect(self._cancel)
        window.commands.add(Command("card", (KEY,), self.card, button=self.card_button))
        self._point_attempts: set[int] = set()
        self._unsubscribe = None
        self._tasks: set[asyncio.Task] = set()

    # --- helpers ----------------------------------------------------------------------------

    @property
    def engine(self) -> Any:
        return self.window.engine

    @property
    def terminal_id(self) -> str | None:
        point = getattr(self.window.services, "point", None)
        return getattr(point, "terminal_id", None)

    def _spawn(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)

        def done(t: asyncio.Task) -> None:
            self._tasks.discard(t)
            if not t.cancelled() and t.exception() is not None:
                log.error("a card action failed", exc_info=t.exception())

        task.add_done_callback(done)

    async def _guard(self, coro, context: str) -> Any:
        try:
            return await coro
        except Exception as exc:  # every refusal is a sentence for the cashier
            self.window.item_error(errors.report(exc, context))
            return None

    # --- the window's hooks -------------------------------------------------------------------

    async def started(self) -> None:
        """The engine is up: follow its events; a Point charge an earlier run left live shows its panel."""
        self._unsubscribe = self.engine.subscribe(self._on_event)
        live = await self.engine.live_attempt()
        if live is not None and live.gateway == POINT:
            self._point_attempts.add(live.id)
            self._show_panel(live)

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # --- the card button ------------------------------------------------------------------------

    def card(self) -> None:
        """F11: a card for the cart, or for what is left of a sale whose charge did not go through."""
        if self.engine is None or self.window.session.live or self.window.session.charging:
            return
        self._spawn(self._card())

    async def _card(self) -> None:
        window = self.window
        sale_id = None if window.session.finished else window.sale_id
        if sale_id is not None:
            due = await self._guard(self.engine.due(sale_id), "card")
        else:
            due = window.model.total if window.model.rowCount() else None
        if not due:
            window.item_error(self.tr("The cart is empty: scan or add an item first."))
            return
        self.dialog = CardDialog(due, window.site, self.terminal_id, window)
        self.dialog.chosen.connect(lambda method, auth, last: self._spawn(self._take(sale_id, due, method, auth, last)))
        self.dialog.open()

    async def _take(self, sale_id: int | None, due: Decimal, method: str, auth: str, last: str) -> None:
        window = self.window
        if method == POINT:
            await self.charge_point(sale_id)
            return
        if sale_id is None:
            attempt = await self._guard(self.engine.sell_card(window.model.cart, authorization=auth or None,
                                                              last_four=last or None), "card")
        else:
            attempt = await self._guard(self.engine.settle_by_card(sale_id, authorization=auth or None,
                                                                   last_four=last or None), "card")
        if attempt is not None:
            self.paid_by_card(attempt)

    async def charge_point(self, sale_id: int | None) -> None:
        """Send the cart (or the open sale's remainder) to the register's Point terminal."""
        window = self.window
        window.model.set_locked(True)
        window._set_panel("publishing")
        target = sale_id if sale_id is not None else window.model.cart
        attempt = await self._guard(self.engine.charge(target, tender=POINT), "card")
        if attempt is None:
            window.model.set_locked(False)
            window._set_panel("idle")
            window.refresh()
            return
        self.follow(attempt)

    def follow(self, attempt: Any) -> None:
        """A Point attempt (from this binder or the till's split) is followed as a charge, with the panel."""
        self._point_attempts.add(attempt.id)
        self.window.follow_charge(attempt)
        self._show_panel(attempt)

    def paid_by_card(self, attempt: Any) -> None:
        """Another terminal's card: the sale is paid (its receipt comes with ReceiptIssued)."""
        window = self.window
        window.session.charging = False
        window._follow(attempt)
        total = format_money(attempt.total, window.site)
        window._set_panel("paid", fmt(self.tr("Paid %1 by card (other terminal)."), total))
        window._to_customer("show_charge", attempt.total, window.site)
        window._to_customer("set_state", "paid")

    # --- the panel --------------------------------------------------------------------------------

    def _show_panel(self, attempt: Any) -> None:
        if attempt.state not in LIVE_STATES:
            self.panel.hide()
            return
        services = self.window.services
        url = getattr(services, "point_terminal_url", None)
        self.panel.show_charge(self.terminal_id or "", format_money(attempt.total, self.window.site),
                               engine_text(attempt.message) if attempt.message else
                               self.tr("Sending the amount to the terminal…"), url)
        self.window._to_customer("set_state", "waiting", fmt(self.tr("Present your card on terminal %1"),
                                                            terminal_name(self.terminal_id)))

    def _on_event(self, event) -> None:
        from qrcashier.checkout import events as ev

        if not isinstance(event, ev.StateChanged) or event.attempt_id not in self._point_attempts:
            return
        if str(event.new) in LIVE_STATES:
            self.panel.set_status(engine_text(event.message))
            if not self.panel.isVisible():
                attempt = self.window.attempt
                if attempt is not None and attempt.id == event.attempt_id:
                    self._show_panel(attempt)
        else:
            self.panel.hide()
            self._point_attempts.discard(event.attempt_id)

    def _cancel(self) -> None:
        """The panel's Cancel: as Esc on a live charge (the supervisor PIN when set; paid still wins)."""
        if self.window.charge_binder.is_live():
            self.window.charge_binder.escape_live()
