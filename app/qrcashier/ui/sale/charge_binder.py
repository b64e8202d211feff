"""The charge side of the main window: Charge (F12) and Cancel, the status panel, the countdown
and the customer window; following an attempt from charge(), a restore after a restart, the
engine's events, the till's cash and split sales.

Built by the window (`ChargeBinder(window)`); it reads the window's `engine`, `services`, `site`,
`session` (the Qt-free sale state), `model`, `tasks`, `cart_binder` (the message line) and
`supervisor`. While a charge is live the cart is locked and Charge is disabled; a second press
while one is being sent does nothing. Texts keep the "MainWindow" translation context.
"""

from __future__ import annotations

import logging
from decimal import Decimal

import qasync
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSizePolicy

from qrcashier.domain.cart import InvalidCart
from qrcashier.domain.money import InvalidAmount
from qrcashier.domain.receipt import Receipt, format_money
from qrcashier.domain.sale import Attempt, AttemptState
from qrcashier.presenter.sale_session import SaleState
from qrcashier.ui.sale.status_panel import LIVE, StatusPanel, customer_state, ui_state
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import engine_text, fmt

log = logging.getLogger("qrcashier.ui.main")
translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")
# The order is known to be on the register's QR: "on the QR until HH:MM" is true.
ON_THE_QR = frozenset({"waiting", "scanned", "rejected", "cancelling", "verifying"})
S = AttemptState
LOCKED_NOTE = QT_TRANSLATE_NOOP("MainWindow", "The cart is locked while the customer pays (Esc cancels the charge).")


def locked_note() -> str:
    return QCoreApplication.translate("MainWindow", LOCKED_NOTE)


def service_errors() -> tuple[type[BaseException], ...]:
    """The typed errors a service call may raise, for a slot's except clause."""
    from qrcashier.checkout.errors import CheckoutError
    from qrcashier.mercadopago.errors import MercadoPagoError

    return (CheckoutError, InvalidCart, InvalidAmount, MercadoPagoError)


class ChargeBinder(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.customer = None  # the CustomerWindow, once shown
        self._customer_attempt: int | None = None  # the attempt whose amount the customer window shows
        self.paid_note: tuple[int, str, Receipt] | None = None  # (attempt id, next step, receipt): ReceiptBinder
        self.status_panel = StatusPanel()
        self.status_panel.setMinimumHeight(170)
        self.status_panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.charge_button = theme.big_button(translate("MainWindow", "Charge with QR"), "F12", role="success")
        self.charge_button.setMinimumHeight(92)
        self.charge_button.setStyleSheet("font-size: 26px;")
        self.cancel_button = theme.big_button(translate("MainWindow", "Cancel charge"), "Esc", role="danger")
        self.cancel_button.hide()
        # the commands table (ui/shell/commands.py) wires both buttons to their slots

    @property
    def session(self):
        return self.window.session

    @property
    def engine(self):
        return self.window.engine

    @property
    def site(self):
        return self.window.site

    @property
    def attempt(self) -> Attempt | None:
        return self.session.attempt

    # --- the customer window ---------------------------------------------------------------------

    def show_customer(self) -> None:
        from qrcashier.ui.sale.customer_window import CustomerWindow

        if self.customer is not None:
            return
        self.customer = CustomerWindow()
        services = self.window.services
        self.customer.set_store_name(services.store_name)
        screens = QApplication.screens()
        if services.options.fullscreen_customer and len(screens) > 1:
            self.customer.go_fullscreen_on()
        else:
            self.customer.resize(900, 600)
            self.customer.show()
        self.window.activateWindow()
        self.window.raise_()
        self.window.item_field.setFocus()
        if services.pos is not None:  # built after the services started (issue 15): their QR now
            self.connected()

    def connected(self) -> None:
        """The services started: the customer window shows the store's name, its QR and phone link."""
        services = self.window.services
        if self.customer is not None:
            pos = services.pos
            self.customer.set_store_name(services.store_name)
            self.customer.set_static_qr(pos.qr_code if pos else None)
            self.customer.set_phone_url(services.phone_url)

    def prewarm_customer(self) -> None:
        """Render the customer window's charge screen once into a pixmap (never on screen): its
        fonts, layout and QR image are then ready for the first customer."""
        services = self.window.services
        if self.customer is not None and services.pos is not None and services.pos.qr_code:
            self.customer.show_charge(Decimal("8888.88"), self.site)
            self.customer.grab()
            self.customer.prewarm_fits()  # every state's sentence, measured in the site's language (issue 15)
            self.customer.set_state("idle")

    def discount(self) -> Decimal:
        """The cart's discounts (its lines' and the cart's), for the customer window."""
        return self.window.model.cart.discount_total

    def to_customer(self, method: str, *args) -> None:
        """Update the customer window in its own turn of the event loop, after the cashier's
        window has been updated: each stays well inside a frame instead of both in one."""
        if self.customer is None:
            return
        customer = self.customer

        def call() -> None:
            if self.window.shutting_down:
                return
            try:
                getattr(customer, method)(*args)
            except RuntimeError:  # the window is gone
                pass

        QTimer.singleShot(0, call)

    def customer_state(self, state: str) -> None:
        self.to_customer("set_state", customer_state(state))
        if state not in LIVE:
            self.to_customer("set_countdown", None)

    def customer_idle(self) -> None:
        self._customer_attempt = None
        self.to_customer("set_state", "idle")

    def set_countdown(self, seconds: int) -> None:
        self.status_panel.set_countdown(seconds)
        self.to_customer("set_countdown", seconds)

    # --- the status panel ------------------------------------------------------------------------

    def set_panel(self, state: str, sentence: str | None = None, next_step: str | None = None) -> None:
        live = state in LIVE
        # Cancel takes the place of "Charge with QR" (disabled while a charge is live): both, with the
        # waiting panel's texts, made the window 792 px tall at 1280 x 720 (issue 14.5). Hidden first:
        # showing a widget lays its window out at once, and the window never shrinks back.
        if live:
            self.charge_button.hide()
        self.status_panel.set_state(state, sentence, next_step)
        self.cancel_button.setVisible(live and state not in ("cancelling",))
        if not live:
            self.charge_button.show()
        self.window.charge_state_changed.emit(state)

    def detail(self, attempt: Attempt, receipt: Receipt | None = None, shown: str | None = None) -> str:
        """The small line under the status: the sale, the charge's number, until when the order is on the
        QR (only once it is known to be there: not while it is sent, or unknown, issue 14.3), payment, order."""
        parts = [fmt(translate("MainWindow", "Sale %1"), self.session.sale_code or attempt.sale_id)]
        if attempt.number > 1:
            parts.append(fmt(translate("MainWindow", "charge %1"), attempt.number))
        if (shown or ui_state(attempt.state)) in ON_THE_QR:
            until = attempt.expires_at.astimezone().strftime("%H:%M")
            parts.append(fmt(translate("MainWindow", "on the QR until %1"), until))
        if receipt is not None and receipt.payment_ids:
            parts.append(fmt(translate("MainWindow", "payment %1"), ", ".join(receipt.payment_ids)))
        if receipt is not None and receipt.merchant_order_id:
            parts.append(fmt(translate("MainWindow", "order %1"), receipt.merchant_order_id))
        return " · ".join(parts)

    # --- charge ----------------------------------------------------------------------------------

    @qasync.asyncSlot()
    async def charge(self) -> None:
        """F12. Does nothing while a press is being sent or a charge is live (no double charge)."""
        window, session, model = self.window, self.session, self.window.model
        if session.live:
            return
        if session.finished:
            window.item_error(translate("MainWindow", "This sale is paid. Scan the next item to start a new sale."))
            return
        if not model.rowCount():
            window.item_error(translate("MainWindow", "The cart is empty: scan or add an item first."))
            return
        if self.engine is None or not self.engine.ready:
            self.set_panel("starting")
            return
        session.charge_started()
        model.set_locked(True)
        window.item_note(locked_note())
        window.refresh()
        self.set_panel(SaleState.PUBLISHING)
        self._customer_attempt = None
        self.to_customer("show_charge", model.total, self.site, None, self.discount())
        self.to_customer("set_state", "publishing")
        try:
            target = session.sale_id if session.sale_id is not None else model.cart
            attempt = await self.engine.charge(target)
        except service_errors() as exc:
            state = session.charge_failed(exc)
            model.set_locked(False)
            text = errors.report(exc, "charge")
            fix = translate("MainWindow", "Fix the cart and press Charge (F12) again.")
            self.set_panel(state, text, fix if state == SaleState.FAILED else None)
            self.customer_state(state)
            window.refresh()
            return
        except Exception as exc:
            session.charge_failed(exc)
            model.set_locked(False)
            self.set_panel("failed", errors.report(exc, "charge"))
            self.customer_state("failed")
            window.refresh()
            raise
        session.charge_sent()
        session.sale_id = attempt.sale_id
        if session.sale_code is None:
            window.tasks.spawn(self._load_sale_code(attempt.sale_id))
        self.follow(attempt)

    def follow(self, attempt: Attempt) -> None:
        """Show an attempt's state (from charge(), a restore, or an event)."""
        window, session, model = self.window, self.session, self.window.model
        state = session.follow(attempt, shown=self.status_panel.state)
        live = state in LIVE
        model.set_locked(live)
        sentence = attempt.message if state not in ("waiting", "publishing", "paid") else None
        next_step = receipt = None
        if state == "paid":
            sentence = fmt(translate("MainWindow", "Paid %1 with Mercado Pago."),
                           format_money(attempt.total, self.site))
            if self.paid_note is not None and self.paid_note[0] == attempt.id:
                _, next_step, receipt = self.paid_note  # the receipt came first: say what happened to it
        self.set_panel(state, sentence, next_step)
        self.status_panel.set_detail(self.detail(attempt, receipt, state))
        if live:
            window.item_note(locked_note())
        elif window.item_message.text() == locked_note():
            window.item_message.setText(" ")
        if self.customer is not None:
            if state in ("publishing", "waiting", "checking") and self._customer_attempt != attempt.id:
                self._customer_attempt = attempt.id
                self.to_customer("show_charge", attempt.total, self.site, attempt.qr_data, self.discount())
            self.customer_state(state)
            seconds = session.countdown()
            if seconds is not None:
                self.set_countdown(seconds)
            else:
                self.to_customer("set_countdown", None)
        if attempt.state == S.PAID:
            session.sale_id = None
            model.set_locked(False)
        elif attempt.state == S.NEEDS_REVIEW:
            session.sale_id = None  # a supervisor settles it; the cashier may start the next sale
        window.refresh()

    def escape_live(self) -> None:
        """Esc on a live charge: a supervisor cancels it (PIN), or the cashier confirms when no PIN is set."""
        supervisor = self.window.supervisor
        if supervisor is not None and supervisor.settings.pin_hash:
            # Cancelling an order is a supervisor's action: PIN, audit, and "paid wins".
            supervisor.cancel_order(self.attempt)
            return
        # No supervisor PIN set yet (a fresh sandbox demo): the cashier confirms instead.
        errors.message_box(
            self.window, translate("MainWindow", "Cancel the charge?"),
            translate("MainWindow",
                      "Remove the order from the QR? If the customer already paid, the sale still completes as paid."),
            icon=QMessageBox.Icon.Question,
            buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            default=QMessageBox.StandardButton.No,
            on_finished=lambda b: self.cancel_charge() if b == QMessageBox.StandardButton.Yes else None,
        )

    def is_live(self) -> bool:
        """A charge is on the QR (Esc cancels it; closing the window leaves it to resume)."""
        return self.attempt is not None and ui_state(self.attempt.state) in LIVE

    @qasync.asyncSlot()
    async def cancel_charge(self) -> None:
        attempt = self.attempt
        if attempt is None or ui_state(attempt.state) not in LIVE or self.engine is None:
            return
        self.set_panel("cancelling")
        self.customer_state("cancelling")
        try:
            result = await self.engine.cancel(attempt.id, supervisor="cashier", reason="cancelled at the register")
        except service_errors() as exc:
            self.set_panel(ui_state(attempt.state), errors.report(exc, "cancel"))
            return
        if self.attempt is not None and self.attempt.id == result.id:
            self.follow(result)

    def follow_charge(self, attempt: Attempt) -> None:
        """The till: a split sale's QR part was charged (ui/till/binder.py); follow it as charge() does."""
        self.session.charge_sent()
        self.session.sale_id = attempt.sale_id
        self.follow(attempt)

    def paid_in_cash(self, attempt: Attempt, change: str) -> None:
        """The till (ui/till/binder.py): the cart, or what was left of its sale, was paid in cash."""
        self.session.charging = False
        self.follow(attempt)  # paid: the sale is finished, its receipt comes with ReceiptIssued
        total = format_money(attempt.total, self.site)
        self.set_panel(SaleState.PAID, fmt(translate("MainWindow", "Paid %1 in cash. Change: %2"), total, change))
        self.to_customer("show_charge", attempt.total, self.site, None, self.discount())
        # large on the customer's side too
        self.to_customer("set_state", "paid", fmt(translate("MainWindow", "Change: %1"), change))

    async def restore(self, attempt: Attempt) -> None:
        """An earlier run left a charge live: show its cart, locked, and follow it."""
        sale = await self.engine.sale(attempt.sale_id)
        self.window.model.replace(self.site, sale.lines)
        self.session.sale_id = sale.id
        self.session.sale_code = sale.code
        self.follow(attempt)

    async def _load_sale_code(self, sale_id: int) -> None:
        sale = await self.engine.sale(sale_id)
        if self.attempt is not None and self.attempt.sale_id == sale_id:
            self.session.sale_code = sale.code
            self.status_panel.set_detail(self.detail(self.attempt))

    async def _refresh_attempt(self, attempt_id: int) -> None:
        attempt = await self.engine.attempt(attempt_id)
        if self.attempt is not None and self.attempt.id == attempt_id:
            self.follow(attempt)

    # --- the engine's events about the current charge -------------------------------------------

    def on_event(self, event) -> bool:
        """An engine event about charges; True when it was one (the window handles the rest)."""
        from qrcashier.checkout import events as ev

        current = self.attempt.id if self.attempt is not None else None
        if isinstance(event, ev.StateChanged):
            if event.attempt_id == current:
                self.window.tasks.spawn(self._refresh_attempt(event.attempt_id))
            elif event.new == S.NEEDS_REVIEW:
                self.window.item_error(fmt(translate("MainWindow", "An earlier sale needs a supervisor's review: %1"),
                                           engine_text(event.message)))
        elif isinstance(event, ev.Countdown):
            if event.attempt_id == current:
                self.set_countdown(event.seconds_left)
        elif isinstance(event, ev.Scanned):
            if event.attempt_id == current and self.status_panel.state in ("waiting", "rejected"):
                self.set_panel("scanned", event.message)
                self.customer_state("scanned")
        elif isinstance(event, ev.PaymentRejected):
            if event.attempt_id == current:
                self.set_panel("rejected", event.message)
                self.customer_state("rejected")
        else:
            return False
        return True
