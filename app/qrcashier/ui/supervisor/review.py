"""Resolve a sale that needs review, after the live lookup."""

from __future__ import annotations

import json
import logging
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

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
    refit_later,
    service_errors,
)

log = logging.getLogger("qrcashier.ui.supervisor")

# --- needs review -------------------------------------------------------------------------------


def _review_details(raw: str | None) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {"message": raw}
    return data if isinstance(data, dict) else {"message": str(data)}


class ReviewDialog(SupervisorDialog):
    """Resolve a sale that needs review, after seeing what Mercado Pago says right now."""

    resolved = Signal(object)  # the attempt after

    def __init__(
        self, engine, gate: SupervisorGate, site: Site, attempt_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("ReviewDialog", "Sale to review"), parent)
        self.engine, self.gate, self.site, self.attempt_id = engine, gate, site, attempt_id
        self.attempt = None
        self.lookup = None
        self.lookup_failed: str | None = None
        self.result_attempt = None
        self._working = False
        self.resize(660, 0)
        self.title = make_label(self.tr("Sale to review"), bold=True, size=20)
        self.why = make_label()
        self.live_title = make_label(self.tr("What Mercado Pago says now"), bold=True, size=16)
        self.live = make_label("…")
        self.live.setTextFormat(Qt.TextFormat.RichText)
        self.live.setStyleSheet(
            f"background: #f4f6f8; border: 1px solid {theme.LINE}; border-radius: 6px; padding: 10px; font-size: 15px;"
        )
        self.lookup_button = QPushButton(self.tr("Ask again (F5)"))
        self.lookup_button.setMinimumHeight(34)
        self.lookup_button.clicked.connect(self.look_up)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.look_up)
        self.reason = reason_field(
            self.tr("Why? (required)"),
            (self.tr("Checked in the Mercado Pago app: paid"), self.tr("Checked: not paid"),
             self.tr("Customer paid another way")),
        )
        self.reason.currentTextChanged.connect(lambda _t: self._update())
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        self.busy = Busy()
        self.outcome = Outcome()
        self.note = make_label()
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
        except service_errors() as exc:
            if self.alive():
                self.outcome.show_result("error", errors.report(exc, "review: loading"))
            return
        if not self.alive():
            return
        self.attempt = attempt
        details = _review_details(attempt.review)
        when = attempt.updated_at.astimezone().strftime("%d/%m %H:%M")
        self.title.setText(fmt(self.tr("Sale of %1 to review"), money(attempt.total, self.site)))
        why = engine_text(details.get("message") or attempt.message) or self.tr(
            "The outcome of this sale could not be learnt."
        )
        self.why.setText(fmt(self.tr("Since %1: %2"), when, why))
        if attempt.state != S.NEEDS_REVIEW:
            self.outcome.show_result(
                "warn", fmt(self.tr("This sale is %1: there is nothing to resolve."), attempt.state)
            )
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
        except service_errors() as exc:
            if self.alive():
                self.lookup = None
                self.lookup_failed = errors.report(exc, "review lookup")
                self.live.setText(fmt(
                    self.tr("<b>No answer:</b> %1<br>You can still decide; if Mercado Pago shows it paid when "
                            "you resolve it, it is marked paid whatever you choose."),
                    self.lookup_failed,
                ))
                refit_later(self.live)
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
        refit_later(self.live)

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
        can = reviewable and asked and not self._working and bool(reason_of(self.reason))
        self.paid_button.setEnabled(can)
        self.void_button.setEnabled(can)
        self.lookup_button.setEnabled(not self._working)

    @qasync.asyncSlot()
    async def resolve(self, resolution: str) -> None:
        reason = reason_of(self.reason)
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
            except service_errors() as exc:
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
                self.outcome.show_result(
                    "ok", engine_text(result.message) or self.tr("Voided: the sale can be charged again.")
                )
            self.resolved.emit(result)
        finally:
            self._working = False
            if self.alive():
                self.busy.stop()
                self._update()
