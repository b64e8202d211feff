"""Receipts in the main window: each one the engine issues (ReceiptIssued) is built by the engine
(`engine.receipt_for(issued, header)`: tenders, number, the original's date), printed (the ESC/POS
queue, else the system printer) and shown; reprints; the unprinted ones at start-up.

Built by the window (`ReceiptBinder(window)`); it reads the window's `engine`, `services`, `site`,
`print_queue` (set by the printing feature), `charge_binder` (the paid panel's next step) and
the message line. Texts keep the "MainWindow" translation context.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QCoreApplication, QObject, Signal

from qrcashier.domain.receipt import LEY_27743, Receipt, ReceiptLine, StoreHeader
from qrcashier.domain.sale import AttemptState
from qrcashier.ui.sale.charge_binder import service_errors
from qrcashier.ui.shell import errors
from qrcashier.ui.shell.i18n import fmt

if TYPE_CHECKING:
    from qrcashier.checkout import ReceiptRecord as IssuedReceipt

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


def with_store_switches(receipt: Receipt, settings) -> Receipt:  # type: ignore[no-untyped-def]
    """The store's receipt switches (Settings, printer page): the VAT contained by rate and Ley 27.743's
    legend, each on or off; without a choice the site's default (on in Argentina)."""
    switches = getattr(settings, "receipt_switches", None)
    if switches is None:
        return receipt
    vat, legend = switches()
    return replace(receipt, taxes=receipt.taxes if vat else (),
                   legend=(receipt.legend or LEY_27743) if legend and receipt.site.id == "MLA" else "")


class ReceiptBinder(QObject):
    shown = Signal(object)  # the domain Receipt, each time one is shown

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog = None  # the ReceiptDialog, kept (hidden on close) and reused for every receipt
        self.last_receipt: Receipt | None = None
        self.shown_count = 0

    @property
    def services(self):
        return self.window.services

    async def issue(self, issued: IssuedReceipt) -> None:
        window = self.window
        receipt = await self.build(issued)
        self.last_receipt = receipt
        printer = self.services.options.printer_name
        queue = window.print_queue
        printed = False
        if queue is not None:  # ESC/POS: journal first, marked printed once the printer took it
            await queue.submit(receipt, issued.id)
            printed = True
        elif printer:
            from qrcashier.ui.printing import qprinter

            try:
                qprinter.print_receipt(receipt, printer)
                printed = True
            except qprinter.PrintingError as exc:
                window.item_error(fmt(translate("MainWindow", "The receipt did not print: %1"), exc))
        if printed and queue is None:
            await window.engine.receipt_printed(issued.id)
        self.show(receipt)
        if issued.kind == "original":
            note = (translate("MainWindow", "The receipt was printed: hand it over.") if printed else translate(
                "MainWindow", "The receipt is on screen (no printer set): print it with Ctrl+P or save a PDF."))
            next_step = note + " " + translate("MainWindow", "Scan the next item to start a new sale.")
            charging = window.charge_binder
            charging.paid_note = (issued.attempt_id, next_step, receipt)
            attempt = window.session.attempt
            if attempt is not None and attempt.id == issued.attempt_id and attempt.state == AttemptState.PAID:
                charging.status_panel.next_step.setText(next_step)
                charging.status_panel.set_detail(charging.detail(attempt, receipt))

    async def build(self, issued: IssuedReceipt) -> Receipt:
        services = self.services
        header = StoreHeader(services.store_name, services.register_name, self.window.site)
        receipt = await self.window.engine.receipt_for(issued, header)  # tenders, receipt number, the original's date
        return with_store_switches(receipt, getattr(services, "settings", None))

    def _make_dialog(self, receipt: Receipt):
        from qrcashier.ui.sale.receipt_view import ReceiptDialog

        dialog = ReceiptDialog(receipt, self.window, printer_name=self.services.options.printer_name)
        dialog.finished.connect(lambda *_: self.window.item_field.setFocus())
        self.dialog = dialog
        return dialog

    def show(self, receipt: Receipt) -> None:
        if self.dialog is not None:
            try:
                self.dialog.set_receipt(receipt)
                self.dialog.show()
                self.dialog.raise_()
            except RuntimeError:
                self.dialog = None
        if self.dialog is None:
            self._make_dialog(receipt).show()
        self.shown_count += 1
        self.shown.emit(receipt)
        self.window.activateWindow()
        self.window.item_field.setFocus()

    def prewarm(self) -> None:
        """Build the receipt dialog now, while nobody waits, instead of during the first sale."""
        if self.dialog is not None:
            return
        services = self.services
        sample = Receipt(
            store_name=services.store_name, register_name=services.register_name, sale_number="0",
            lines=[ReceiptLine("-", Decimal(1), Decimal(1), Decimal(1))], total=Decimal(1), site=self.window.site,
            paid_at=datetime.now(UTC).astimezone(),
        )
        dialog = self._make_dialog(sample)
        dialog.ensurePolished()
        dialog.adjustSize()

    async def print_unprinted(self) -> None:
        if not self.services.options.printer_name:
            return
        for issued in await self.window.engine.receipts(unprinted=True):
            await self.issue(issued)

    @qasync.asyncSlot(int)
    async def reprint(self, attempt_id: int) -> None:
        """A copy of a paid sale's receipt (prints and shows "COPY")."""
        try:
            await self.window.engine.reprint(attempt_id)
        except service_errors() as exc:
            self.window.item_error(errors.report(exc, "reprint"))
