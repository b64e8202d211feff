"""ARCA's state in the main window's status bar, as a feature (`_bind_features()`, one line).

Once the engine is up (`started()`), when the services run the invoice queue (services.fiscal)
it shows "ARCA: N invoices pending" (with ARCA's reason and, in the tooltip, what to do), the
rejected ones, or "ARCA: every sale invoiced"; when fiscal is set up but could not start
(services.fiscal_problem) it says so, with how many sales wait for their invoice (kept in the
journal and invoiced once the setup runs: fiscal/backlog.py) and the advice to fix it in Settings. Nothing shows on
a register without fiscal. It re-reads the queue's counts (off the Qt thread, through the
queue's own worker) each time an invoice changes state, one read at a time.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.supervisor.widgets import BAD_COLOUR

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")
log = logging.getLogger("qrcashier.ui.fiscal")


def status_texts(state, problem: str | None, waiting: int = 0) -> tuple[str, str, bool]:
    """(status bar text, tooltip, is it a problem) for a fiscal.invoices.FiscalStatus (None: the
    queue is not running), the services' start-up problem and the sales kept meanwhile."""
    if state is None:
        if not problem:
            return "", "", False
        text = fmt(translate("FiscalStatus", "ARCA: invoices are not being issued — %1"), problem)
        if waiting:
            text += " " + (translate("FiscalStatus", "(1 sale waits for its invoice)") if waiting == 1 else fmt(
                translate("FiscalStatus", "(%1 sales wait for their invoice)"), waiting))
        return (text, translate("FiscalStatus", "Keep selling: every sale is kept and gets its invoice, in order, "
                                                "as soon as the electronic invoice runs. A supervisor fixes it in "
                                                "Settings (ARCA page); it starts with QR Cashier's next start."), True)
    if state.rejected:
        text = translate("FiscalStatus", "ARCA: 1 invoice rejected") if state.rejected == 1 else fmt(
            translate("FiscalStatus", "ARCA: %1 invoices rejected"), state.rejected)
        if state.last_error:
            text += f" — {state.last_error}"
        return text, translate("FiscalStatus", "ARCA refused the data of these invoices: call a supervisor to "
                                               "correct the setup and issue them again."), True
    if state.pending:
        text = translate("FiscalStatus", "ARCA: 1 invoice pending") if state.pending == 1 else fmt(
            translate("FiscalStatus", "ARCA: %1 invoices pending"), state.pending)
        tip = translate("FiscalStatus", "They are sent by themselves as soon as ARCA answers: keep selling. "
                                        "If this lasts, check the internet connection and the ARCA certificate.")
        if state.last_error:
            return f"{text} — {state.last_error}", tip, True
        return text, tip, False
    return (translate("FiscalStatus", "ARCA: every sale invoiced"),
            fmt(translate("FiscalStatus", "%1 invoices authorized"), state.authorized), False)


class FiscalStatusBinder:
    def __init__(self, window) -> None:
        self.window = window
        self.label: QLabel | None = None
        self._reading = False
        self._again = False
        self._stopped = False
        self._unsubscribe = None

    async def started(self) -> None:
        services = self.window.services
        if services.fiscal is None and not services.fiscal_problem:
            return
        self.label = QLabel()
        self.label.setObjectName("fiscalStatus")
        self.window.statusBar().addPermanentWidget(self.label)
        if services.fiscal is not None:
            services.fiscal.subscribe(self.changed)
        else:  # the setup could not start: count the sales kept for invoicing after each one
            self._unsubscribe = self.window.engine.subscribe(self._on_engine_event)
        await self.refresh()

    def _on_engine_event(self, event) -> None:
        if type(event).__name__ == "ReceiptIssued" and getattr(event.receipt, "kind", "") == "original":
            self.changed()

    def changed(self) -> None:
        """An invoice changed state (called on the event loop): read the counts again."""
        if self._stopped or self.label is None:
            return
        if self._reading:
            self._again = True
            return
        self.window.tasks.spawn(self.refresh())

    async def refresh(self) -> None:
        if self.label is None:
            return
        fiscal = self.window.services.fiscal
        self._reading = True
        try:
            while True:
                self._again = False
                state = await fiscal.status() if fiscal is not None else None
                waiting = await self._waiting() if fiscal is None else 0
                if not self._again:
                    break
        finally:
            self._reading = False
        problem = self.window.services.fiscal_problem
        if state is not None and state.pending and not state.last_error and problem:
            state.last_error = problem
        text, tip, bad = status_texts(state, problem, waiting)
        if self.label is None:  # stopped while reading
            return
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.label.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;" if bad else "")
        self.label.setVisible(bool(text))

    async def _waiting(self) -> int:
        try:
            return await self.window.services.fiscal_waiting()
        except Exception:  # the count is a hint; the journal's own errors show elsewhere
            log.exception("could not count the sales waiting for their invoice")
            return 0

    async def stop(self) -> None:
        self._stopped = True
        self.label = None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
