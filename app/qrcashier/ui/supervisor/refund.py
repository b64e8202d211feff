"""Refund a paid sale, in full or in part."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qrcashier.domain.money import InvalidAmount, Site, parse_amount
from qrcashier.domain.receipt import format_money
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import engine_text, fmt
from qrcashier.ui.supervisor.pin import SupervisorGate
from qrcashier.ui.supervisor.widgets import (
    BAD_COLOUR,
    Busy,
    Outcome,
    SupervisorDialog,
    make_label,
    money,
    reason_field,
    reason_of,
    service_errors,
)

log = logging.getLogger("qrcashier.ui.supervisor")

# --- refunds -----------------------------------------------------------------------------------


class RefundDialog(SupervisorDialog):
    """Refund a paid sale's payment in full or in part, never more than what is left to refund."""

    refunded = Signal(object)  # the RefundRecord

    def __init__(
        self, engine, gate: SupervisorGate, site: Site, attempt_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("RefundDialog", "Refund"), parent)
        self.engine, self.gate, self.site, self.attempt_id = engine, gate, site, attempt_id
        self.payments: list[Any] = []
        self.left: dict[int, Decimal] = {}
        self.refunded_so_far: dict[int, Decimal] = {}
        self.last_record = None
        self._working = False
        self.resize(600, 0)
        title = make_label(self.tr("Refund a payment"), bold=True, size=20)
        self.payment_box = QComboBox()
        self.payment_box.currentIndexChanged.connect(lambda _i: self._update())
        self.summary = make_label()
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
        self.amount_error = make_label()
        self.amount_error.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;")
        self.reason = reason_field(
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
            label = f"{p.mp_payment_id} · {format_money(p.amount, self.site)}"  # (no words)
            self.payment_box.addItem(label, p.mp_payment_id)
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
        self.refund_button.setEnabled(not self._working and problem is None and bool(reason_of(self.reason)))

    # -- the refund

    @qasync.asyncSlot()
    async def refund(self) -> None:
        if self._working:
            return
        amount, problem = self.requested_amount()
        reason = reason_of(self.reason)
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
            except service_errors() as exc:
                if self.alive():
                    self.outcome.show_result("error", errors.report(exc, "refund"))
                return
            if not self.alive():
                return
            self.last_record = record
            from qrcashier.checkout import RefundState

            kind = {RefundState.APPROVED: "ok", RefundState.PENDING: "warn", RefundState.REQUESTED: "warn"}.get(
                record.state, "error"
            )
            text = engine_text(record.message)
            if record.state == RefundState.APPROVED:
                text = fmt(
                    self.tr("Refunded %1 to the customer's Mercado Pago account."), money(record.amount, self.site)
                )
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
