"""The printer's state in the main window's status bar: one translated sentence, or nothing.

`PrinterStatusView(status_bar)` adds a label on the right of the bar; `show(status)` takes the
Qt-free `printing.status.PrinterStatus` the print queue reports, e.g. "Printer offline: 1
receipt waiting". A printer whose paper is near the end says so ("Printer paper running low:
change the roll soon") while it keeps printing. Idle with nothing waiting and paper enough hides it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from qrcashier.printing.status import PrinterStatus
from qrcashier.ui.shell.i18n import fmt

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


def _count(status: PrinterStatus) -> str:
    n = status.waiting
    if status.receipts_waiting == n:
        return translate("PrinterStatus", "1 receipt") if n == 1 else fmt(translate("PrinterStatus", "%1 receipts"), n)
    return translate("PrinterStatus", "1 print job") if n == 1 else fmt(translate("PrinterStatus", "%1 print jobs"), n)


def status_sentence(status: PrinterStatus) -> str:
    """One sentence for the status bar: "Printer offline: 1 receipt waiting"; "" when all is printed
    (and the paper is not running low)."""
    if status.warns_paper_low:
        if not status.waiting:
            return translate("PrinterStatus", "Printer paper running low: change the roll soon")
        return fmt(translate("PrinterStatus", "Printing: %1 waiting (paper running low)"), _count(status))
    if not status.waiting:
        return ""
    if status.state == "paper_out":
        return fmt(translate("PrinterStatus", "Printer out of paper: %1 waiting"), _count(status))
    if status.state == "refused":
        return fmt(translate("PrinterStatus", "The printer refused the job: %1 waiting"), _count(status))
    if status.state == "offline":
        return fmt(translate("PrinterStatus", "Printer offline: %1 waiting"), _count(status))
    return fmt(translate("PrinterStatus", "Printing: %1 waiting"), _count(status))


class PrinterStatusView:
    def __init__(self, status_bar: QStatusBar) -> None:
        self.label = QLabel()
        self.label.setObjectName("printerStatus")
        self.label.hide()
        status_bar.addPermanentWidget(self.label)

    def show(self, status: PrinterStatus) -> None:
        text = status_sentence(status)
        self.label.setText(text)
        self.label.setToolTip(status.detail or status.printer)
        self.label.setVisible(bool(text))
