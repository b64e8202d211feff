"""States that say what is true, bound to the main window (issue 14.3). The rules are the
presenter's (presenter/sale_session.py); this binder only watches and shows.

    self._sale_states = SaleStateBinder(self)   # the window's one hook, once the engine is there

- Mercado Pago stops answering while the order is on the QR: the cashier reads "if the customer
  has paid, the sale completes as soon as the connection is back; do not charge again", the
  customer "Pago en verificación"; when it answers again, the attempt's own state returns.
- Charge pressed and Mercado Pago never answers: after a few tries "it is not known whether the
  order reached the QR", no countdown, and the way out (Esc, then Cash F8).
- No charge yet and the cart has lines: "Sale in progress", not "Ready - scan an item to start".
- "Added Yerba × 2" is kept in step with the line when its quantity changes.

Window attributes used: engine (subscribe), session, status_panel, model, item_message,
site, charge_state_changed, _set_panel, _to_customer, _follow, attempt, item_ok.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject

from qrcashier.domain.receipt import format_money
from qrcashier.presenter.sale_session import SaleState
from qrcashier.ui.shell.i18n import fmt

log = logging.getLogger("qrcashier.ui.sale")

ADDED = "Added %1 × %2 — %3"  # the main window's own sentence (context MainWindow)


def _added(title: str, quantity, total: str) -> str:
    return fmt(QCoreApplication.translate("MainWindow", ADDED), title, quantity, total)


class SaleStateBinder(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._applying = False
        self._unsubscribe = None
        engine = getattr(window, "engine", None)
        if engine is not None:
            self._unsubscribe = engine.subscribe(self._on_event)
        window.charge_state_changed.connect(self._shown)
        model = window.model
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(lambda *_: self._cart_changed())
        model.dataChanged.connect(self._lines_changed)
        window.destroyed.connect(lambda *_: self.stop())

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # -- showing

    def _show(self, state: SaleState) -> None:
        from qrcashier.ui.sale.status_panel import customer_state

        self._applying = True
        try:
            self.window._set_panel(str(state))
        finally:
            self._applying = False
        self.window._to_customer("set_state", customer_state(str(state)))
        if state == SaleState.NOT_REACHED:
            self.window._to_customer("set_countdown", None)

    def _shown(self, state: str) -> None:
        """The window just showed `state`: replace it when it would say the wrong thing."""
        if self._applying:
            return
        session = self.window.session
        instead = session.while_offline(state)
        if instead is None and state in (SaleState.IDLE, SaleState.CART):
            ready = session.ready_state(self.window.model.rowCount() > 0)
            instead = ready if ready != state else None
        if instead is not None:
            self._show(instead)

    # -- the engine's news (on the loop's thread, as the window's own handler)

    def _on_event(self, event) -> None:
        from qrcashier.checkout import events as ev

        try:
            shown = self.window.status_panel.state
        except RuntimeError:  # the window is gone
            return
        session = self.window.session
        if isinstance(event, ev.Notice) and event.level != "info":
            instead = session.connection_problem(shown)
            if instead is not None and instead != shown:
                self._show(instead)
        elif isinstance(event, ev.Contact):
            if session.connection_back(shown) and self.window.attempt is not None:
                self.window._follow(self.window.attempt)  # the attempt's own state again

    # -- the cart

    def _cart_changed(self) -> None:
        shown = self.window.status_panel.state
        if shown in (SaleState.IDLE, SaleState.CART):
            self._shown(shown)

    def _lines_changed(self, top_left, bottom_right, *_roles) -> None:
        self._cart_changed()
        window = self.window
        text = window.item_message.text()
        prefix = QCoreApplication.translate("MainWindow", ADDED).split("%1", 1)[0]
        if not prefix or not text.startswith(prefix):
            return
        lines = window.model.cart.lines
        for row in range(top_left.row(), bottom_right.row() + 1):
            if 0 <= row < len(lines):
                line = lines[row]
                if text.startswith(prefix + line.title + " "):
                    total = format_money(line.total(window.site), window.site)
                    window.item_ok(_added(line.title, line.quantity, total))
                    return
