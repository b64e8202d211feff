"""Supervisor actions: the PIN prompt, cancel the order on the QR, refund, resolve a review,
the audit log, and what the cashier sees when Mercado Pago refuses the token.

    gate = SupervisorGate(settings)
    name = await gate.ask(parent, "refund a payment")     # None: cancelled, or no PIN set
    CancelOrderDialog(engine, gate, attempt, site, parent).open()
    RefundDialog(engine, gate, site, attempt_id, parent).open()
    ReviewDialog(engine, gate, site, attempt_id, parent).open()
    AuditLogDialog(engine, parent).open()                # with Export CSV
    watch = TokenRefusedWatch(http_client, api_base_url, on_refused)   # 401 -> TokenRefusedNotice

Every dialog is non-modal (`open()`/`show()`, never `exec()`: qt-notes §2.3), does its
network and journal work in `@asyncSlot` coroutines with a busy bar, and maps errors to
sentences through `errors.user_message`. The PIN is asked *per action*, when the action is
confirmed, never remembered for a session. Each action writes its audit row through the
engine (who: the name typed in the PIN prompt; when; what; why: the reason, required).
The PIN is checked off the event loop (scrypt takes ~0.1 s).
"""

from __future__ import annotations

import asyncio
import csv
import json
import logging
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qrcashier.domain.money import InvalidAmount, Site, parse_amount
from qrcashier.domain.receipt import format_money
from qrcashier.domain.sale import AttemptState
from qrcashier.supervisor import LockoutPolicy, LockoutState, PinGuard, Verdict, verify_pin
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import engine_text, fmt

log = logging.getLogger("qrcashier.ui.supervisor")
S = AttemptState

OK_COLOUR = "#1e7b34"
BAD_COLOUR = "#b71c1c"
WARN_BG = "#fff4d6"
MAX_REASON = 200

ACTION_TITLES = {
    "cancel_requested": QT_TRANSLATE_NOOP("AuditLogDialog", "Order cancelled on the QR"),
    "refund_requested": QT_TRANSLATE_NOOP("AuditLogDialog", "Refund"),
    "review_resolved_paid": QT_TRANSLATE_NOOP("AuditLogDialog", "Review: marked paid"),
    "review_resolved_void": QT_TRANSLATE_NOOP("AuditLogDialog", "Review: voided"),
    "sale_discarded": QT_TRANSLATE_NOOP("AuditLogDialog", "Sale discarded"),
    "token_replaced": QT_TRANSLATE_NOOP("AuditLogDialog", "Access token replaced"),
    "token_removed": QT_TRANSLATE_NOOP("AuditLogDialog", "Access token removed"),
    "pin_changed": QT_TRANSLATE_NOOP("AuditLogDialog", "Supervisor PIN changed"),
    "settings_changed": QT_TRANSLATE_NOOP("AuditLogDialog", "Settings changed"),
}


def _service_errors() -> tuple[type[BaseException], ...]:
    from qrcashier.checkout.errors import CheckoutError
    from qrcashier.mercadopago.errors import MercadoPagoError

    return (CheckoutError, MercadoPagoError, ValueError)


def money(amount, site: Site) -> str:
    """The amount as the site writes it, never broken across two lines ("$ 3.000,00")."""
    return format_money(amount, site).replace(" ", "\u00a0")


def _refit(widget: QWidget) -> None:
    """Ask the dialog holding `widget` to fit its content again, once the layout has settled."""
    window = widget.window()
    if hasattr(window, "fit"):
        QTimer.singleShot(0, window, window.fit)


def _label(text: str = "", *, bold: bool = False, size: int | None = None, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    style = []
    if bold:
        style.append("font-weight: 600;")
    if size:
        style.append(f"font-size: {size}px;")
    if style:
        label.setStyleSheet(" ".join(style))
    return label


class Busy(QWidget):
    """An indeterminate bar and a sentence, shown while a network or journal call runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.text = _label()
        self.text.setStyleSheet(f"color: {theme.MUTED};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        self.hide()

    def start(self, text: str) -> None:
        self.text.setText(text)
        self.show()
        _refit(self)

    def stop(self) -> None:
        self.hide()
        _refit(self)


class Outcome(QLabel):
    """The result of an action: one sentence on a coloured band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.kind = ""
        self.hide()

    def show_result(self, kind: str, text: str) -> None:
        bg, fg = {
            "ok": ("#e3f3e6", "#0f4d1f"),
            "paid": theme.STATE_COLOURS["paid"],
            "warn": (WARN_BG, "#5c3b00"),
            "error": ("#fde7e7", "#7a1010"),
        }.get(kind, ("#eef1f4", theme.INK))
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(
            f"background: {bg}; color: {fg}; border-radius: 6px; padding: 10px 12px; font-size: 16px; font-weight: 600;"
        )
        self.show()
        _refit(self)

    def clear(self) -> None:
        self.kind = ""
        self.setText("")
        self.hide()
        _refit(self)


class _Dialog(QDialog):
    """Non-modal, deleted on close, big buttons styled like the main window's."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet(theme.DISABLED_BUTTONS)
        self._closed = False
        self.finished.connect(lambda _r: setattr(self, "_closed", True))

    def _margins(self, layout: QVBoxLayout) -> QVBoxLayout:
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(10)
        return layout

    def fit(self) -> None:
        """Take the height the content needs at the current width (wrapped text included):
        a top-level window does not follow its labels' height-for-width on its own."""
        layout = self.layout()
        if layout is None or not self.alive():
            return
        layout.activate()
        width = max(self.width(), layout.minimumSize().width())
        height = self.heightForWidth(width)
        if height < 0:
            height = layout.sizeHint().height()
        self.resize(width, max(height, layout.minimumSize().height()))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self, self.fit)

    def alive(self) -> bool:
        """False once the dialog was closed (a coroutine finishing later must not touch it)."""
        if self._closed:
            return False
        try:
            self.isVisible()
        except RuntimeError:
            return False
        return True


def _reason_field(placeholder: str, choices: tuple[str, ...] = ()) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(choices)
    box.setCurrentIndex(-1)
    box.lineEdit().setPlaceholderText(placeholder)
    box.lineEdit().setMaxLength(MAX_REASON)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return box


def _reason(box: QComboBox) -> str:
    return " ".join(box.currentText().split())


# --- the PIN -----------------------------------------------------------------------------------


class PinPrompt(_Dialog):
    """Asks for the supervisor's name and PIN for one action; `future` resolves to the name or None.

    Built inside a coroutine (it needs the running loop for its future). Non-modal. A wrong PIN says how many tries are left before a pause; during a pause the
    Confirm button is off and a countdown says when a PIN is checked again.
    """

    def __init__(
        self,
        guard: PinGuard,
        action: str,
        *,
        last_name: str = "",
        remember_name: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("PinPrompt", "Supervisor PIN"), parent)
        self.guard = guard
        self.action = action
        self._remember = remember_name
        self.future: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        self._checking = False
        self.resize(460, 0)

        title = _label(fmt(self.tr("Supervisor: %1"), action), bold=True, size=19)
        hint = _label(self.tr("The PIN is asked for each supervisor action and is not remembered."))
        hint.setStyleSheet(f"color: {theme.MUTED};")
        self.name_field = QLineEdit(last_name)
        self.name_field.setPlaceholderText(self.tr("Supervisor's name"))
        self.name_field.setMaxLength(60)
        self.pin_field = QLineEdit()
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setPlaceholderText(self.tr("PIN"))
        self.pin_field.setMaxLength(12)
        self.pin_field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        for field in (self.name_field, self.pin_field):
            field.setMinimumHeight(40)
            field.setStyleSheet("font-size: 18px;")
        form = QFormLayout()
        form.setVerticalSpacing(10)
        for text, field in ((self.tr("Name"), self.name_field), (self.tr("PIN"), self.pin_field)):
            label = QLabel(text)
            label.setMinimumHeight(40)  # as tall as its field, so the word sits level with it
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(label, field)
        self.message = _label()
        self.message.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;")
        self.ok_button = theme.big_button(self.tr("Confirm"), "Enter", role="primary")
        self.cancel_button = theme.big_button(self.tr("Back"), "Esc", role="secondary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.pin_field.returnPressed.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = self._margins(QVBoxLayout(self))
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._tick)
        self.finished.connect(self._finished)
        early = guard.precheck()
        if early is not None:
            self._show_result(early)
        (self.pin_field if last_name else self.name_field).setFocus()

    def _finished(self, _result: int) -> None:
        self._timer.stop()
        if not self.future.done():
            self.future.set_result(None)

    def _show_result(self, result) -> None:
        self.message.setText(engine_text(result.message))
        if result.verdict in (Verdict.LOCKED, Verdict.WRONG) and result.wait_seconds > 0:
            self.ok_button.setEnabled(False)
            self._timer.start()
        elif result.verdict == Verdict.NO_PIN:
            self.ok_button.setEnabled(False)

    def _tick(self) -> None:
        early = self.guard.precheck()
        if early is None:
            self._timer.stop()
            self.ok_button.setEnabled(True)
            self.message.setText(self.tr("Enter the PIN again."))
        else:
            self.message.setText(engine_text(early.message))

    @qasync.asyncSlot()
    async def confirm(self) -> None:
        if self._checking or not self.ok_button.isEnabled():
            return
        name = " ".join(self.name_field.text().split())
        if not name:
            self.message.setText(self.tr("Type the supervisor's name: it goes in the audit log."))
            self.name_field.setFocus()
            return
        pin = self.pin_field.text()
        early = self.guard.precheck()
        if early is not None:
            self._show_result(early)
            return
        self._checking = True
        self.ok_button.setEnabled(False)
        self.message.setStyleSheet(f"color: {theme.MUTED};")
        self.message.setText(self.tr("Checking…"))
        encoded = self.guard.encoded or ""
        try:
            ok = await asyncio.get_running_loop().run_in_executor(None, lambda: verify_pin(pin, encoded))
        finally:
            self._checking = False
        result = self.guard.record(ok)
        if not self.alive():
            return
        self.message.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;")
        self.pin_field.clear()
        if result.ok:
            if self._remember is not None:
                self._remember(name)
            if not self.future.done():
                self.future.set_result(name)
            self.accept()
            return
        self.ok_button.setEnabled(True)
        self._show_result(result)
        self.pin_field.setFocus()


class SupervisorGate:
    """Asks for the supervisor PIN, once per action (see `PinPrompt`). Hook for the main window:

        name = await gate.ask(parent, "cancel the order on the QR")
        if name: await engine.cancel(attempt_id, name, reason)
    """

    def __init__(
        self,
        settings,
        *,
        clock: Callable[[], float] = time.time,
        policy: LockoutPolicy = LockoutPolicy(),
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.policy = policy
        self.prompt: PinPrompt | None = None  # the open prompt, if any (tests drive it)

    def guard(self) -> PinGuard:
        """A guard over the current hash and lockout (re-read each time: Settings may change them)."""

        def save(state: LockoutState) -> None:
            self.settings.pin_lockout = state.dump()

        return PinGuard(
            self.settings.pin_hash, LockoutState.parse(self.settings.pin_lockout),
            policy=self.policy, clock=self.clock, on_change=save,
        )

    @property
    def has_pin(self) -> bool:
        return self.guard().has_pin

    async def ask(self, parent: QWidget | None, action: str) -> str | None:
        """The supervisor's name once the right PIN was entered; None when cancelled."""
        if self.prompt is not None and self.prompt.alive():
            self.prompt.raise_()
            self.prompt.activateWindow()
            return None  # one prompt at a time: the open one is for another action
        def remember(name: str) -> None:
            self.settings.last_supervisor = name

        prompt = PinPrompt(
            self.guard(), action, last_name=self.settings.last_supervisor, remember_name=remember, parent=parent
        )
        self.prompt = prompt
        prompt.open()
        try:
            return await prompt.future
        finally:
            if self.prompt is prompt:
                self.prompt = None


# --- cancel the order on the QR ----------------------------------------------------------------


class CancelOrderDialog(_Dialog):
    """Cancel the live order on the register's QR (the engine's cancel: paid wins).

    `outcome` ends as "cancelled", "paid" (the customer paid first: the sale is paid and the
    receipt prints), "pending" (Mercado Pago unreachable: the engine keeps trying) or "error".
    `done` is emitted with the attempt after the cancel.
    """

    done = Signal(object)

    def __init__(self, engine, gate: SupervisorGate, attempt, site: Site, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("CancelOrderDialog", "Cancel the order on the QR"), parent)
        self.engine, self.gate, self.attempt, self.site = engine, gate, attempt, site
        self.outcome_kind = ""
        self.resize(560, 0)
        title = _label(self.tr("Cancel the order on the QR?"), bold=True, size=20)
        until = attempt.expires_at.astimezone().strftime("%H:%M")
        facts = _label(fmt(
            self.tr("Sale for <b>%1</b>, on the QR until %2. "
                    "If the customer has already paid, the sale completes as paid and you will see it here."),
            money(attempt.total, site), until,
        ))
        self.reason = _reason_field(
            self.tr("Why? (required)"),
            (self.tr("The customer left"), self.tr("The customer pays another way"), self.tr("Wrong amount")),
        )
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        self.busy = Busy()
        self.outcome = Outcome()
        self.note = _label()
        self.note.setStyleSheet(f"color: {BAD_COLOUR};")
        self.confirm_button = theme.big_button(self.tr("Cancel the order…"), None, role="danger")
        self.close_button = theme.big_button(self.tr("Keep it"), "Esc", role="secondary")
        self.confirm_button.clicked.connect(self.confirm)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.confirm_button)
        layout = self._margins(QVBoxLayout(self))
        for w in (title, facts):
            layout.addWidget(w)
        layout.addLayout(form)
        for w in (self.note, self.busy, self.outcome):
            layout.addWidget(w)
        layout.addLayout(buttons)

    @qasync.asyncSlot()
    async def confirm(self) -> None:
        reason = _reason(self.reason)
        if not reason:
            self.note.setText(self.tr("Say why the order is cancelled: it goes in the audit log."))
            return
        self.note.setText("")
        self.confirm_button.setEnabled(False)
        name = await self.gate.ask(self, self.tr("cancel the order on the QR"))
        if not self.alive():
            return
        if not name:
            self.confirm_button.setEnabled(True)
            return
        self.busy.start(self.tr("Taking the order off the QR and checking for a last-second payment…"))
        try:
            result = await self.engine.cancel(self.attempt.id, name, reason)
        except _service_errors() as exc:
            if self.alive():
                self.busy.stop()
                self.outcome_kind = "error"
                self.outcome.show_result("error", errors.report(exc, "supervisor cancel"))
                self.confirm_button.setEnabled(True)
            return
        if not self.alive():
            return
        self.busy.stop()
        self.attempt = result
        self.close_button.setText(self.tr("Close") + "\nEsc")
        if result.state == S.PAID:
            self.outcome_kind = "paid"
            self.outcome.show_result(
                "paid",
                fmt(self.tr("The customer paid before the cancel: the sale is PAID (%1). Hand over the receipt."),
                    money(result.total, self.site)),
            )
        elif result.state == S.CANCELLED:
            self.outcome_kind = "cancelled"
            self.outcome.show_result(
                "ok", self.tr("The order was taken off the QR and nobody paid it. The sale is kept: charge it again or clear it.")
            )
        elif result.live:
            self.outcome_kind = "pending"
            self.outcome.show_result(
                "warn", engine_text(result.message) or self.tr("The cancel is not confirmed yet; QR Cashier keeps trying.")
            )
        else:
            self.outcome_kind = str(result.state)
            self.outcome.show_result("warn", engine_text(result.message) or fmt(self.tr("The order is %1."), result.state))
        self.done.emit(result)


# --- refunds -----------------------------------------------------------------------------------


class RefundDialog(_Dialog):
    """Refund a paid sale's payment in full or in part, never more than what is left to refund."""

    refunded = Signal(object)  # the RefundRecord

    def __init__(self, engine, gate: SupervisorGate, site: Site, attempt_id: int, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("RefundDialog", "Refund"), parent)
        self.engine, self.gate, self.site, self.attempt_id = engine, gate, site, attempt_id
        self.payments: list[Any] = []
        self.left: dict[int, Decimal] = {}
        self.refunded_so_far: dict[int, Decimal] = {}
        self.last_record = None
        self._working = False
        self.resize(600, 0)
        title = _label(self.tr("Refund a payment"), bold=True, size=20)
        self.payment_box = QComboBox()
        self.payment_box.currentIndexChanged.connect(lambda _i: self._update())
        self.summary = _label()
        self.summary.setStyleSheet("font-size: 16px;")
        self.full_radio = QRadioButton(self.tr("Everything that is left"))
        self.partial_radio = QRadioButton(self.tr("Part of it:"))
        self.full_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.full_radio)
        group.addButton(self.partial_radio)
        self.amount_field = QLineEdit()
        self.amount_field.setPlaceholderText(self.tr("amount"))
        self.amount_field.setMinimumHeight(36)
        self.amount_field.setStyleSheet("font-size: 17px;")
        self.amount_field.textEdited.connect(self._amount_edited)
        self.amount_field.textChanged.connect(lambda _t: self._update())
        self.full_radio.toggled.connect(lambda _c: self._update())
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.partial_radio)
        amount_row.addWidget(self.amount_field, 1)
        self.amount_error = _label()
        self.amount_error.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;")
        self.reason = _reason_field(
            self.tr("Why? (required)"),
            (self.tr("Returned goods"), self.tr("Charged twice"), self.tr("Wrong amount charged"),
             self.tr("Customer complaint")),
        )
        self.reason.currentTextChanged.connect(lambda _t: self._update())
        form = QFormLayout()
        form.addRow(self.tr("Payment"), self.payment_box)
        form.addRow("", self.summary)
        form.addRow(self.tr("Refund"), self.full_radio)
        form.addRow("", amount_row)
        form.addRow("", self.amount_error)
        form.addRow(self.tr("Reason"), self.reason)
        self.busy = Busy()
        self.outcome = Outcome()
        self.refund_button = theme.big_button(self.tr("Refund…"), None, role="danger")
        self.close_button = theme.big_button(self.tr("Close"), "Esc", role="secondary")
        self.refund_button.clicked.connect(self.refund)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.refund_button)
        layout = self._margins(QVBoxLayout(self))
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.refund_button.setEnabled(False)

    def _amount_edited(self, _text: str) -> None:
        self.partial_radio.setChecked(True)
        self.outcome.clear()  # the last refund's result no longer describes what is on screen

    # -- loading

    @qasync.asyncSlot()
    async def load(self) -> None:
        await self._load()

    async def _load(self) -> None:
        self.busy.start(self.tr("Reading the sale's payments…"))
        try:
            # every approved payment of the sale (a voided attempt's money too: the review says to refund it here)
            attempt = await self.engine.attempt(self.attempt_id)
            payments = [p for p in await self.engine.payments(sale_id=attempt.sale_id) if p.status == "approved"]
            left = {p.mp_payment_id: await self.engine.refundable(p.mp_payment_id) for p in payments}
        except Exception as exc:  # the journal or the engine: say so, never a traceback for the supervisor
            if self.alive():
                self.busy.stop()
                self.outcome.show_result("error", errors.report(exc, "refund: loading payments"))
            return
        if not self.alive():
            return
        self.busy.stop()
        self.payments = payments
        self.left = left
        current = self.payment_box.currentIndex()
        self.payment_box.blockSignals(True)
        self.payment_box.clear()
        for p in payments:
            self.payment_box.addItem(f"{p.mp_payment_id} · {format_money(p.amount, self.site)}", p.mp_payment_id)  # (no words)
        self.payment_box.setCurrentIndex(current if 0 <= current < len(payments) else 0)
        self.payment_box.blockSignals(False)
        if not payments:
            self.outcome.show_result("warn", self.tr("This sale has no approved Mercado Pago payment to refund."))
        self._update()

    def open(self) -> None:  # noqa: A003 - QDialog.open
        super().open()
        self.load()

    # -- validation

    def selected_payment(self):
        i = self.payment_box.currentIndex()
        return self.payments[i] if 0 <= i < len(self.payments) else None

    def requested_amount(self) -> tuple[Decimal | None, str | None]:
        """(amount or None for "everything left", error sentence or None)."""
        payment = self.selected_payment()
        if payment is None:
            return None, self.tr("There is no payment to refund.")
        left = self.left.get(payment.mp_payment_id, Decimal(0))
        if left <= 0:
            return None, self.tr("This payment is already refunded in full.")
        if self.full_radio.isChecked():
            return None, None
        try:
            amount = parse_amount(self.amount_field.text(), self.site)
        except InvalidAmount as exc:
            return None, errors.user_message(exc)
        if amount > left:
            return amount, fmt(
                self.tr("%1 is more than what is left to refund: at most %2."),
                money(amount, self.site), money(left, self.site),
            )
        return amount, None

    def _update(self) -> None:
        payment = self.selected_payment()
        if payment is not None:
            left = self.left.get(payment.mp_payment_id, Decimal(0))
            done = payment.amount - left
            self.summary.setText(fmt(
                self.tr("Paid <b>%1</b> · refunded or in progress %2 · left to refund <b>%3</b>"),
                money(payment.amount, self.site), money(done, self.site), money(left, self.site),
            ))
            self.full_radio.setText(fmt(self.tr("Everything that is left (%1)"), money(left, self.site)))
        _, problem = self.requested_amount()
        show = problem if (self.partial_radio.isChecked() and self.amount_field.text().strip()) or (
            payment is not None and self.left.get(payment.mp_payment_id, Decimal(0)) <= 0
        ) else ""
        self.amount_error.setText(show or "")
        self.refund_button.setEnabled(not self._working and problem is None and bool(_reason(self.reason)))

    # -- the refund

    @qasync.asyncSlot()
    async def refund(self) -> None:
        if self._working:
            return
        amount, problem = self.requested_amount()
        reason = _reason(self.reason)
        if problem is not None or not reason:
            self.amount_error.setText(problem or self.tr("Say why: the reason goes in the audit log."))
            return
        payment = self.selected_payment()
        shown = money(amount if amount is not None else self.left[payment.mp_payment_id], self.site)
        self._working = True
        self._update()
        try:
            name = await self.gate.ask(self, fmt(self.tr("refund %1"), shown))
            if not self.alive():
                return
            if not name:
                return
            self.busy.start(fmt(self.tr("Asking Mercado Pago to refund %1…"), shown))
            try:
                record = await self.engine.refund(payment.mp_payment_id, amount, name, reason)
            except _service_errors() as exc:
                if self.alive():
                    self.outcome.show_result("error", errors.report(exc, "refund"))
                return
            if not self.alive():
                return
            self.last_record = record
            from qrcashier.checkout.journal import RefundState

            kind = {RefundState.APPROVED: "ok", RefundState.PENDING: "warn", RefundState.REQUESTED: "warn"}.get(
                record.state, "error"
            )
            text = engine_text(record.message)
            if record.state == RefundState.APPROVED:
                text = fmt(self.tr("Refunded %1 to the customer's Mercado Pago account."), money(record.amount, self.site))
            self.outcome.show_result(kind, text)
            self.refunded.emit(record)
        finally:
            if self.alive():
                self.busy.stop()
                self.amount_field.clear()
                self.full_radio.setChecked(True)
                await self._load()  # what is left to refund, as the journal says now
            self._working = False
            if self.alive():
                self._update()


# --- needs review -------------------------------------------------------------------------------


def _review_details(raw: str | None) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {"message": raw}
    return data if isinstance(data, dict) else {"message": str(data)}


class ReviewDialog(_Dialog):
    """Resolve a sale that needs review, after seeing what Mercado Pago says right now."""

    resolved = Signal(object)  # the attempt after

    def __init__(self, engine, gate: SupervisorGate, site: Site, attempt_id: int, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ReviewDialog", "Sale to review"), parent)
        self.engine, self.gate, self.site, self.attempt_id = engine, gate, site, attempt_id
        self.attempt = None
        self.lookup = None
        self.lookup_failed: str | None = None
        self.result_attempt = None
        self._working = False
        self.resize(660, 0)
        self.title = _label(self.tr("Sale to review"), bold=True, size=20)
        self.why = _label()
        self.live_title = _label(self.tr("What Mercado Pago says now"), bold=True, size=16)
        self.live = _label("…")
        self.live.setTextFormat(Qt.TextFormat.RichText)
        self.live.setStyleSheet(
            f"background: #f4f6f8; border: 1px solid {theme.LINE}; border-radius: 6px; padding: 10px; font-size: 15px;"
        )
        self.lookup_button = QPushButton(self.tr("Ask again (F5)"))
        self.lookup_button.setMinimumHeight(34)
        self.lookup_button.clicked.connect(self.look_up)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.look_up)
        self.reason = _reason_field(
            self.tr("Why? (required)"),
            (self.tr("Checked in the Mercado Pago app: paid"), self.tr("Checked: not paid"),
             self.tr("Customer paid another way")),
        )
        self.reason.currentTextChanged.connect(lambda _t: self._update())
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        self.busy = Busy()
        self.outcome = Outcome()
        self.note = _label()
        self.note.setStyleSheet(f"color: {BAD_COLOUR};")
        self.paid_button = theme.big_button(self.tr("Mark paid…"), None, role="success")
        self.void_button = theme.big_button(self.tr("Void: not paid…"), None, role="danger")
        self.close_button = theme.big_button(self.tr("Close"), "Esc", role="secondary")
        self.paid_button.clicked.connect(lambda: self.resolve("paid"))
        self.void_button.clicked.connect(lambda: self.resolve("void"))
        self.close_button.clicked.connect(self.reject)
        live_row = QHBoxLayout()
        live_row.addWidget(self.live_title, 1)
        live_row.addWidget(self.lookup_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.void_button)
        buttons.addWidget(self.paid_button)
        layout = self._margins(QVBoxLayout(self))
        layout.addWidget(self.title)
        layout.addWidget(self.why)
        layout.addLayout(live_row)
        layout.addWidget(self.live)
        layout.addLayout(form)
        for w in (self.note, self.busy, self.outcome):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self._update()

    def open(self) -> None:  # noqa: A003 - QDialog.open
        super().open()
        self.load()

    @qasync.asyncSlot()
    async def load(self) -> None:
        try:
            attempt = await self.engine.attempt(self.attempt_id)
        except _service_errors() as exc:
            if self.alive():
                self.outcome.show_result("error", errors.report(exc, "review: loading"))
            return
        if not self.alive():
            return
        self.attempt = attempt
        details = _review_details(attempt.review)
        when = attempt.updated_at.astimezone().strftime("%d/%m %H:%M")
        self.title.setText(fmt(self.tr("Sale of %1 to review"), money(attempt.total, self.site)))
        why = engine_text(details.get("message") or attempt.message) or self.tr("The outcome of this sale could not be learnt.")
        self.why.setText(fmt(self.tr("Since %1: %2"), when, why))
        if attempt.state != S.NEEDS_REVIEW:
            self.outcome.show_result("warn", fmt(self.tr("This sale is %1: there is nothing to resolve."), attempt.state))
        await self.look_up()

    @qasync.asyncSlot()
    async def look_up(self) -> None:
        if self._working:
            return
        self._working = True
        self._update()
        self.busy.start(self.tr("Asking Mercado Pago about this sale…"))
        try:
            lookup = await self.engine.review_lookup(self.attempt_id)
        except _service_errors() as exc:
            if self.alive():
                self.lookup = None
                self.lookup_failed = errors.report(exc, "review lookup")
                self.live.setText(fmt(
                    self.tr("<b>No answer:</b> %1<br>You can still decide; if Mercado Pago shows it paid when "
                            "you resolve it, it is marked paid whatever you choose."),
                    self.lookup_failed,
                ))
                _refit(self.live)
            return
        finally:
            self._working = False
            if self.alive():
                self.busy.stop()
                self._update()
        if not self.alive():
            return
        self.lookup = lookup
        self.lookup_failed = None
        self.live.setText(self._describe(lookup))
        self._update()
        _refit(self.live)

    def _describe(self, lookup) -> str:
        d = lookup.decision
        total = self.attempt.total if self.attempt is not None else None
        at = lookup.at.astimezone().strftime("%H:%M:%S")
        asked = fmt(self.tr("(asked at %1)"), at)
        rows = [f"<b>{engine_text(d.message)}</b> <span style='color:{theme.MUTED}'>{asked}</span>"]
        if total is not None:
            rows.append(fmt(
                self.tr("Approved: <b>%1</b> of %2"), money(d.approved_total, self.site), money(total, self.site)
            ))
        for p in d.payments:
            rows.append(fmt(self.tr("Payment %1: %2 · %3"), p.mp_payment_id, p.status, money(p.amount, self.site)))
        for p in d.rejected:
            rows.append(fmt(self.tr("Payment %1: %2 · %3"), p.mp_payment_id, p.status, money(p.amount, self.site)))
        if d.merchant_order_ids:
            rows.append(fmt(self.tr("Mercado Pago orders: %1"), ", ".join(str(i) for i in d.merchant_order_ids)))
        else:
            rows.append(self.tr("Mercado Pago has no order for this sale."))
        if lookup.published:
            rows.append(self.tr("The order is still on the QR."))
        for w in d.warnings:
            rows.append(f"<span style='color:{BAD_COLOUR}'>{engine_text(w)}</span>")
        return "<br>".join(rows)

    def _update(self) -> None:
        reviewable = self.attempt is not None and self.attempt.state == S.NEEDS_REVIEW
        asked = self.lookup is not None or self.lookup_failed is not None
        can = reviewable and asked and not self._working and bool(_reason(self.reason))
        self.paid_button.setEnabled(can)
        self.void_button.setEnabled(can)
        self.lookup_button.setEnabled(not self._working)

    @qasync.asyncSlot()
    async def resolve(self, resolution: str) -> None:
        reason = _reason(self.reason)
        if not reason:
            self.note.setText(self.tr("Say why: the reason goes in the audit log."))
            return
        if self._working:
            return
        self.note.setText("")
        self._working = True
        self._update()
        words = self.tr("mark this sale paid") if resolution == "paid" else self.tr("void this sale (not paid)")
        try:
            name = await self.gate.ask(self, words)
            if not self.alive() or not name:
                return
            self.busy.start(self.tr("Checking with Mercado Pago once more and recording the decision…"))
            try:
                result = await self.engine.resolve_review(self.attempt_id, name, resolution, reason)
            except _service_errors() as exc:
                if self.alive():
                    self.outcome.show_result("error", errors.report(exc, "resolve review"))
                return
            if not self.alive():
                return
            self.attempt = self.result_attempt = result
            if result.state == S.PAID and resolution == "void":
                self.outcome.show_result("paid", engine_text(result.message))
            elif result.state == S.PAID:
                self.outcome.show_result("paid", self.tr("Marked paid: the receipt is printing."))
            else:
                self.outcome.show_result("ok", engine_text(result.message) or self.tr("Voided: the sale can be charged again."))
            self.resolved.emit(result)
        finally:
            self._working = False
            if self.alive():
                self.busy.stop()
                self._update()


# --- the audit log -----------------------------------------------------------------------------

AUDIT_COLUMNS = (
    QT_TRANSLATE_NOOP("AuditLogDialog", "When"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Who"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "What"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Sale"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Payment"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Refund"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Why"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Details"),
)
CSV_COLUMNS = ("id", "at", "actor", "action", "sale_id", "attempt_id", "payment_id", "refund_id", "reason", "details")


def _csv_safe(value: Any) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _details_text(details: Any) -> str:
    if details is None:
        return ""
    if isinstance(details, dict):
        shown = {k: v for k, v in details.items() if k != "live_lookup"}
        if details.get("live_lookup") is not None:
            shown["live_lookup"] = "(recorded)"
        return ", ".join(f"{k}: {v}" for k, v in shown.items())
    return str(details)


def write_audit_csv(entries, path: str | Path) -> Path:
    """The audit rows as CSV (UTF-8 with a BOM, so spreadsheets read the accents)."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f)
        out.writerow(CSV_COLUMNS)
        for e in entries:
            out.writerow([
                e.id, e.at.isoformat(), _csv_safe(e.actor), e.action, e.sale_id or "", e.attempt_id or "",
                e.payment_id or "", e.refund_id or "", _csv_safe(e.reason),
                _csv_safe("" if e.details is None else json.dumps(e.details, ensure_ascii=False, default=str)),
            ])
    return path


class AuditLogDialog(_Dialog):
    """Every supervisor action, newest first, with Export CSV."""

    def __init__(self, engine, parent: QWidget | None = None, *, limit: int = 5000) -> None:
        super().__init__(QCoreApplication.translate("AuditLogDialog", "Audit log"), parent)
        self.engine = engine
        self.limit = limit
        self.entries: list[Any] = []
        self.sale_codes: dict[int, str] = {}
        self.resize(1100, 560)
        self.table = QTableWidget(0, len(AUDIT_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in AUDIT_COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setStyleSheet("QTableWidget { font-size: 15px; }")
        self.summary = _label(bold=True)
        self.export_button = theme.big_button(self.tr("Export CSV"), "Ctrl+E", role="primary")
        self.refresh_button = theme.big_button(self.tr("Refresh"), "F5", role="secondary")
        self.close_button = theme.big_button(self.tr("Close"), "Esc", role="secondary")
        self.export_button.clicked.connect(lambda: self.export())
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.refresh)
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(lambda: self.export())
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for b in (self.refresh_button, self.export_button, self.close_button):
            buttons.addWidget(b)
        layout = self._margins(QVBoxLayout(self))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def open(self) -> None:  # noqa: A003 - QDialog.open
        super().open()
        self.refresh()

    @qasync.asyncSlot()
    async def refresh(self) -> None:
        try:
            entries = await self.engine.audit_log(limit=self.limit)
            for sale_id in {e.sale_id for e in entries} - set(self.sale_codes) - {None}:
                self.sale_codes[sale_id] = (await self.engine.sale(sale_id)).code  # as the sales list shows it
        except Exception as exc:
            if self.alive():
                self.summary.setText(errors.report(exc, "audit log"))
            return
        if self.alive():
            self.set_entries(entries)

    def set_entries(self, entries) -> None:
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            values = (
                e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                e.actor,
                self.tr(ACTION_TITLES[e.action]) if e.action in ACTION_TITLES else e.action,
                "" if e.sale_id is None else self.sale_codes.get(e.sale_id, str(e.sale_id)),
                "" if e.payment_id is None else str(e.payment_id),
                "" if e.refund_id is None else str(e.refund_id),
                e.reason,
                _details_text(e.details),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 7:
                    item.setToolTip(json.dumps(e.details, ensure_ascii=False, indent=1, default=str)[:3000])
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary.setText(fmt(self.tr("%1 supervisor actions"), len(self.entries)))

    def fit(self) -> None:
        """A table window keeps the size it was given (the table scrolls)."""

    def export(self, path: str | Path | None = None) -> QFileDialog | Path | None:
        """Write the log as CSV to `path`, or where a (non-modal) file dialog says."""
        if path is not None:
            return self._write(path)
        dialog = QFileDialog(self, self.tr("Export the audit log"), str(Path.home() / "qrcashier-audit.csv"), "CSV (*.csv)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._write)
        dialog.open()
        return dialog

    def _write(self, path: str | Path) -> Path | None:
        try:
            out = write_audit_csv(self.entries, path)
        except OSError as exc:
            self.summary.setText(errors.report(exc, "audit export"))
            return None
        self.summary.setText(fmt(self.tr("Exported %1 rows to %2"), len(self.entries), out))
        return out


# --- a refused token during a sale --------------------------------------------------------------

TOKEN_REFUSED_TEXT = QT_TRANSLATE_NOOP(
    "TokenRefusedNotice",
    "Mercado Pago refused this register's access token (401), so no payment can be taken or checked right now. "
    "The sale is kept. Call a supervisor to replace the token in Settings.",
)


class TokenRefusedNotice(_Dialog):
    """What the cashier sees when Mercado Pago refuses the token: plain words, one way forward."""

    supervisor_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("TokenRefusedNotice", "Access token refused"), parent)
        self.resize(640, 0)
        band = QFrame()
        band.setStyleSheet(f"background: {theme.STATE_COLOURS['needs_review'][0]}; border-radius: 6px;")
        band_layout = QVBoxLayout(band)
        head = _label(self.tr("Call a supervisor"), bold=True, size=22)
        head.setStyleSheet("color: #ffffff; font-size: 22px; font-weight: 700;")
        band_layout.addWidget(head)
        self.text = _label(self.tr(TOKEN_REFUSED_TEXT))
        self.text.setStyleSheet("font-size: 16px;")
        self.supervisor_button = theme.big_button(self.tr("Supervisor: replace the token"), "Enter", role="primary")
        self.later_button = theme.big_button(self.tr("Later"), "Esc", role="secondary")
        self.supervisor_button.setDefault(True)
        self.supervisor_button.clicked.connect(self._supervisor)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button, 1)
        buttons.addWidget(self.supervisor_button, 2)
        layout = self._margins(QVBoxLayout(self))
        layout.addWidget(band)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def _supervisor(self) -> None:
        self.supervisor_requested.emit()
        self.accept()


class TokenRefusedWatch:
    """Sees every 401 from Mercado Pago on the app's httpx client and calls `on_refused()` once
    per episode (again only after `reset()`, e.g. once the token was replaced)."""

    def __init__(self, http, api_base_url: str, on_refused: Callable[[], None]) -> None:
        self.http = http
        self.prefix = api_base_url.rstrip("/")
        self.on_refused = on_refused
        self.refused = False
        self.count = 0
        http.event_hooks["response"].append(self._hook)

    async def _hook(self, response) -> None:
        if response.status_code != 401 or not str(response.request.url).startswith(self.prefix):
            return
        if response.request.url.path.startswith("/sandbox/"):
            return  # the sandbox's own control API, not Mercado Pago's
        self.count += 1
        if self.refused:
            return
        self.refused = True
        log.warning("Mercado Pago refused the access token (401 on %s)", response.request.url.path)
        try:
            self.on_refused()
        except Exception:
            log.exception("the token-refused handler failed")

    def reset(self) -> None:
        self.refused = False

    def remove(self) -> None:
        hooks = self.http.event_hooks["response"]
        if self._hook in hooks:
            hooks.remove(self._hook)
