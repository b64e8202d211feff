"""Cancel the live order on the QR (paid wins: the dialog says which happened)."""

from __future__ import annotations

import logging

import qasync
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from qrcashier.domain.money import Site
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import engine_text, fmt
from qrcashier.ui.supervisor.pin import SupervisorGate
from qrcashier.ui.supervisor.widgets import (
    BAD_COLOUR,
    Busy,
    Outcome,
    S,
    SupervisorDialog,
    make_label,
    money,
    reason_field,
    reason_of,
    service_errors,
)

log = logging.getLogger("qrcashier.ui.supervisor")

# --- cancel the order on the QR ----------------------------------------------------------------


class CancelOrderDialog(SupervisorDialog):
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
        title = make_label(self.tr("Cancel the order on the QR?"), bold=True, size=20)
        until = attempt.expires_at.astimezone().strftime("%H:%M")
        facts = make_label(fmt(
            self.tr("Sale for <b>%1</b>, on the QR until %2. "
                    "If the customer has already paid, the sale completes as paid and you will see it here."),
            money(attempt.total, site), until,
        ))
        self.reason = reason_field(
            self.tr("Why? (required)"),
            (self.tr("The customer left"), self.tr("The customer pays another way"), self.tr("Wrong amount")),
        )
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        self.busy = Busy()
        self.outcome = Outcome()
        self.note = make_label()
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
        reason = reason_of(self.reason)
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
        except service_errors() as exc:
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
                "ok", self.tr("The order was taken off the QR and nobody paid it. The sale is kept: charge it again "
                    "or clear it.")
            )
        elif result.live:
            self.outcome_kind = "pending"
            self.outcome.show_result(
                "warn", engine_text(result.message) or self.tr("The cancel is not confirmed yet; QR Cashier keeps "
                    "trying.")
            )
        else:
            self.outcome_kind = str(result.state)
            self.outcome.show_result(
                "warn", engine_text(result.message) or fmt(self.tr("The order is %1."), result.state)
            )
        self.done.emit(result)
