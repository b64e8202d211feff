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
from qrcashier.ui.shell import theme
from qrcashier.ui.shell.commands import Command
from qrcashier.ui.shell.i18n import engine_text, fmt
from qrcashier.ui.shell.tasks import shown_on_item_line, spawn_logged

log = logging.getLogger("qrcashier.ui.point")
# The engine's state sentences speak of the QR; for a card charge the panel says what the terminal does.
QR_SENTENCES = ("created", "publishing", "waiting", "unknown")
KEY = "F11"
LIVE_STATES = ("created", "publishing", "waiting", "unknown", "cancel_requested")


class PointBinder(QObject):
    def __init__(self, window: Any, layout: QLayout, button_row: QLayout | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: Any = None  # the open card dialog (tests drive it)
        self.card_button = theme.big_button(self.tr("Card"), KEY, role="primary")
        self.card_button.setMinimumHeight(64)
        (button_row or layout).addWidget(self.card_button)
        self.panel = PointPanel()
        layout.addWidget(self.panel)
        self.panel.cancel_pressed.connect(self._cancel)
        session = window.session
        window.commands.add(Command("card", (KEY,), self.card, button=self.card_button,
                                    enabled_when=lambda: not session.live and not session.charging))
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
        spawn_logged(self._tasks, coro, log, "a card action failed")

    async def _guard(self, coro, context: str) -> Any:
        return await shown_on_item_line(self.window, coro, context)

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
        window.charge_button.hide()  # before the status panel's texts grow: the window keeps its height
        self.panel.show_charge(self.terminal_id or "", "", self.tr("Sending the amount to the terminal…"),
                               getattr(window.services, "point_terminal_url", None))
        window._set_panel("publishing")
        self._reword_status_panel("publishing")
        target = sale_id if sale_id is not None else window.model.cart
        attempt = await self._guard(self.engine.charge(target, tender=POINT), "card")
        if attempt is None:
            self._hide_panel()
            window.model.set_locked(False)
            window._set_panel("idle")
            window.refresh()
            return
        self.follow(attempt)

    def follow(self, attempt: Any) -> None:
        """A Point attempt (from this binder or the till's split) is followed as a charge, with the panel."""
        self._point_attempts.add(attempt.id)
        if attempt.state in LIVE_STATES:
            self.window.charge_button.hide()
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

    def _status(self, state: str, message: str | None) -> str:
        """The panel's line: the engine's own sentence, or, for a state it words for the QR, the terminal's."""
        if state in ("created", "publishing"):
            return self.tr("Sending the amount to the terminal…")
        if state in QR_SENTENCES or not message:
            return self.tr("The amount is on the terminal: the customer taps, inserts or swipes the card there.")
        return engine_text(message)

    def _reword_status_panel(self, state: str, attempt: Any = None) -> None:
        """The status panel under the total says "scan the QR" for a waiting charge: not for a card."""
        if state not in QR_SENTENCES:
            return
        panel = self.window.status_panel
        panel.sentence.setText(self._status(state, None))
        panel.next_step.setText("")  # Esc and Cancel are on the card panel below
        if attempt is not None and attempt.expires_at is not None:
            until = attempt.expires_at.astimezone().strftime("%H:%M")
            panel.set_detail(fmt(self.tr("Sale %1 · on terminal %2 until %3"),
                                 self.window.session.sale_code or attempt.sale_id, terminal_name(self.terminal_id),
                                 until))

    def _hide_panel(self) -> None:
        self.panel.hide()
        self.window.charge_button.show()

    def _show_panel(self, attempt: Any) -> None:
        if attempt.state not in LIVE_STATES:
            self._hide_panel()
            return
        # The panel takes the place of "Charge with QR" (disabled while any charge is live), so the
        # window keeps its height on a 768-pixel counter screen.
        self.window.charge_button.hide()
        services = self.window.services
        url = getattr(services, "point_terminal_url", None)
        state = str(attempt.state)
        self.panel.show_charge(self.terminal_id or "", format_money(attempt.total, self.window.site),
                               self._status(state, attempt.message), url)
        self._reword_status_panel(state, attempt)
        self.window._to_customer("set_state", "waiting", fmt(self.tr("Present your card on terminal %1"),
                                                            terminal_name(self.terminal_id)))

    def _on_event(self, event) -> None:
        from qrcashier.checkout import events as ev

        if not isinstance(event, ev.StateChanged) or event.attempt_id not in self._point_attempts:
            return
        if str(event.new) in LIVE_STATES:
            self.panel.set_status(self._status(str(event.new), event.message))
            attempt = self.window.attempt
            self._reword_status_panel(str(event.new), attempt if attempt is not None and attempt.id == event.attempt_id
                                      else None)
            if not self.panel.isVisible():
                attempt = self.window.attempt
                if attempt is not None and attempt.id == event.attempt_id:
                    self._show_panel(attempt)
        else:
            self._hide_panel()
            self._point_attempts.discard(event.attempt_id)

    def _cancel(self) -> None:
        """The panel's Cancel: as Esc on a live charge (the supervisor PIN when set; paid still wins)."""
        if self.window.charge_binder.is_live():
            self.window.charge_binder.escape_live()
