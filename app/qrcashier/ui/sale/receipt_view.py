"""A non-modal dialog showing a receipt as it prints, with Print, Save as PDF and Close.

Open it with `.show()` (never `.exec()`: a nested event loop stalls qasync tasks,
qt-notes §2.3). `show_receipt()` does that and deletes the dialog when it closes.
"Save as PDF" asks for a file with a non-modal QFileDialog; `save_pdf_to(path)` skips it.
Results come back as signals and in the dialog's status line; nothing raises out of a click.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from qrcashier.domain.receipt import RECEIPT_WIDTH, Receipt
from qrcashier.ui.printing import qprinter
from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import fmt

log = logging.getLogger("qrcashier.ui.receipt")

PRINT_TIMEOUT = 10.0  # seconds to render the copy and write it to the journal


class ReceiptDialog(QDialog):
    """Shows one receipt in a monospace "paper" view.

    Signals: printed(printer_name), saved(pdf_path), failed(message).
    """

    printed = Signal(str)
    queued = Signal(object)  # the print job of a copy sent through the ESC/POS queue
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, receipt: Receipt, parent: QWidget | None = None, *, printer_name: str | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self._receipt = receipt
        self._printer_name = printer_name
        self._file_dialog: QFileDialog | None = None
        self._qr: str | None = None
        self._tasks: set[asyncio.Task] = set()

        self._paper = QTextEdit()
        self._paper.setReadOnly(True)
        self._paper.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
        self._paper.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPixelSize(16)
        self._paper.setFont(font)
        self._paper.setStyleSheet(
            f"QTextEdit {{ background: #ffffff; color: #000000; border: 1px solid {theme.LINE}; padding: 14px; }}"
        )
        fm = QFontMetrics(font)
        paper_w = fm.horizontalAdvance("0" * RECEIPT_WIDTH) + 2 * 14 + 2 * 8 + 24  # text, padding, frame, scroll bar
        self._paper.setFixedWidth(paper_w)
        self._paper.setMinimumHeight(fm.lineSpacing() * 24)

        self._status = QLabel()
        self._status.setWordWrap(True)
        self._status.setMinimumHeight(QFontMetrics(self.font()).lineSpacing() * 2)

        self.print_button = theme.big_button(self.tr("Print"), "Ctrl+P", bind=True)
        self.pdf_button = theme.big_button(self.tr("Save as PDF"), "Ctrl+S", role="secondary", bind=True)
        self.close_button = theme.big_button(self.tr("Close"), "Esc", role="secondary")
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button.clicked.connect(self.choose_pdf_path)
        self.close_button.clicked.connect(self.close)
        self.print_button.setDefault(True)

        paper_row = QHBoxLayout()
        paper_row.addStretch(1)
        paper_row.addWidget(self._paper)
        paper_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        for b in (self.print_button, self.pdf_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(14)
        layout.addLayout(paper_row, 1)
        layout.addWidget(self._status)
        layout.addLayout(buttons)

        # as wide as the buttons' texts need (they are longer in es and pt_BR), as tall as the screen allows
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        height = 760 if screen is None else min(760, screen.height() - 40)
        self.resize(max(paper_w + 40, 560, self.sizeHint().width()), height)
        self.set_receipt(receipt)

    # -- API --

    def receipt(self) -> Receipt:
        return self._receipt

    def set_receipt(self, receipt: Receipt) -> None:
        self._receipt = receipt
        title = fmt(self.tr("Receipt %1 #%2"), receipt.register_name, receipt.sale_number)
        if receipt.copy:
            title = fmt(self.tr("%1 — copy"), title)
        self.setWindowTitle(title)
        self._render()
        self._set_status("")

    def set_printer_name(self, printer_name: str | None) -> None:
        self._printer_name = printer_name

    def text(self) -> str:
        """The receipt as shown (plain text; the QR image left out)."""
        text = self._paper.toPlainText()
        return text.replace("\ufffc", "").rstrip("\n") if self._qr else text

    def qr_payload(self) -> str | None:
        """What the QR under the receipt encodes (ARCA's RG 4892 URL on an invoice), or None."""
        return self._qr

    def status_text(self) -> str:
        return self._status.text()

    def print_queue(self):
        """The window's print queue (its public `print_queue`: ui.printing.queued.QueuedPrinting)
        when the receipt printer is an ESC/POS one, else None (the system printer, through QPrinter)."""
        parent = self.parentWidget()
        return getattr(parent, "print_queue", None) if parent is not None else None

    def print_receipt(self) -> bool:
        queued = self.print_queue()
        if queued is not None:  # ESC/POS: a COPY through the queue (journal first), off the Qt thread
            task = asyncio.ensure_future(self._print_queued(queued))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return True
        try:
            name = qprinter.print_receipt(self._receipt, self._printer_name)
        except qprinter.PrintingError as exc:
            self._fail(str(exc))
            return False
        self._set_status(fmt(self.tr("Sent to printer %1"), name))
        self.printed.emit(name)
        return True

    async def _print_queued(self, queued) -> None:
        self._set_status(self.tr("Sending a copy to the printer…"))
        try:
            job = await asyncio.wait_for(queued.reprint(self._receipt), PRINT_TIMEOUT)
        except Exception as exc:  # noqa: BLE001 - one sentence, nothing raises out of a key press
            log.warning("receipt copy not queued: %s", exc)
            self._fail(fmt(self.tr("The copy did not reach the print queue: %1"), str(exc) or type(exc).__name__))
            return
        where = queued.queue.url.describe()
        self._set_status(fmt(self.tr("A copy (COPY) is in the print queue for %1."), where))
        self.printed.emit(where)
        self.queued.emit(job)

    def save_pdf_to(self, path: str | Path) -> bool:
        try:
            out = qprinter.receipt_to_pdf(self._receipt, path)
        except qprinter.PrintingError as exc:
            self._fail(str(exc))
            return False
        self._set_status(fmt(self.tr("Saved to %1"), out))
        self.saved.emit(str(out))
        return True

    def choose_pdf_path(self) -> QFileDialog:
        """Ask where to save, with a non-modal file dialog; saves when a file is chosen."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"receipt-{self._receipt.register_name}-{self._receipt.sale_number}.pdf".replace(" ", "_")
        dialog = QFileDialog(self, self.tr("Save receipt as PDF"), str(Path(folder) / name), "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_pdf_to)
        dialog.open()  # window-modal over this dialog only, no nested event loop
        self._file_dialog = dialog
        return dialog

    # -- internals --

    def _render(self) -> None:
        self._paper.clear()
        cursor = QTextCursor(self._paper.document())
        normal, strong = QTextCharFormat(), QTextCharFormat()
        strong.setFontWeight(QFont.Weight.Bold)
        for i, row in enumerate(self._receipt.rows()):
            if i:
                cursor.insertBlock()
            cursor.insertText(row.text.rstrip(), strong if row.emphasis else normal)
        self._render_qr(cursor)
        self._paper.moveCursor(QTextCursor.MoveOperation.Start)

    def _render_qr(self, cursor: QTextCursor) -> None:
        """The QR that paper and PDF print under the receipt (printing.layout.qr_section: ARCA's
        invoice QR, issue 21), centred, about 4 cm wide as on an 80 mm roll."""
        from qrcashier.printing.layout import QrBlock, receipt_layout
        from qrcashier.ui.sale.qr_view import qr_image

        blocks = [b for b in receipt_layout(self._receipt).blocks if isinstance(b, QrBlock)]
        self._qr = blocks[0].payload if blocks else None
        if self._qr is None:
            return
        cursor.insertBlock()
        centred = QTextBlockFormat()
        centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        cursor.insertBlock(centred)
        cursor.insertImage(qr_image(self._qr, 180))

    def _set_status(self, text: str, error: bool = False) -> None:
        self._status.setText(text)
        self._status.setStyleSheet(f"color: {QColor('#b71c1c').name() if error else theme.MUTED};")

    def _fail(self, message: str) -> None:
        self._set_status(message, error=True)
        self.failed.emit(message)


def show_receipt(receipt: Receipt, parent: QWidget | None = None, *, printer_name: str | None = None) -> ReceiptDialog:
    """Show a receipt in a new non-modal dialog that deletes itself when closed."""
    dialog = ReceiptDialog(receipt, parent, printer_name=printer_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
