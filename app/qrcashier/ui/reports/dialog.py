"""The X or Z report on screen: the 48-column text render in a monospace view, the hour chart,
and Save as PDF, Save as CSV and Print.

Fed with `build_shift_report`'s dict; the renderers are `qrcashier.reports`' (the same bytes as
`qrcashier-admin`). Rendering a long shift and writing the file run off the Qt thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QKeySequence, QPainter, QShortcut
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from qrcashier.reports.model import ShiftReport, parse_report
from qrcashier.reports.pdf import render_pdf
from qrcashier.reports.tabular import render_csv
from qrcashier.reports.text import SCREEN_WIDTH, render_text
from qrcashier.ui.printing.qprinter import PrintingError, resolve_printer
from qrcashier.ui.reports.chart import HourChart
from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import fmt

translate = QCoreApplication.translate
RENDERERS: dict[str, Callable[[ShiftReport], bytes]] = {"pdf": render_pdf, "csv": render_csv}
FILTERS = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)"}


def monospace() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(11.0)
    return font


class ReportDialog(QDialog):
    """An X or Z report; `data` is the report dict (a malformed one raises ReportError here)."""

    def __init__(self, data: Mapping[str, Any], parent: QWidget | None = None, *,
                 printer_name: str | None = None) -> None:
        super().__init__(parent)
        self.report = parse_report(data)
        self.printer_name = printer_name
        s = self.report.shift
        title = (self.tr("X report, shift %1 (open)") if s.kind == "X" else self.tr("Z report, shift %1"))
        self.setWindowTitle(fmt(title, s.number))
        self.text = render_text(self.report, SCREEN_WIDTH)
        self.view = QPlainTextEdit(self.text)
        self.view.setReadOnly(True)
        self.view.setFont(monospace())
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setMinimumWidth(int(QFontMetricsF(self.view.font()).horizontalAdvance("0" * (SCREEN_WIDTH + 4))))
        self.chart = HourChart(self.report.sales_by_hour)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.pdf_button = theme.big_button(self.tr("Save as PDF"), "Ctrl+S", role="primary")
        self.csv_button = theme.big_button(self.tr("Save as CSV"), "Ctrl+E", role="secondary")
        self.print_button = theme.big_button(self.tr("Print"), "Ctrl+P", role="secondary")
        self.close_button = theme.big_button(self.tr("Close"), "Esc", role="secondary")
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.print_button.clicked.connect(lambda: self.print_report())
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(lambda: self.save("pdf"))
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(lambda: self.save("csv"))
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(lambda: self.print_report())

        chart_title = QLabel(self.tr("Sales by hour"))
        chart_title.setStyleSheet("font-weight: bold;")
        side = QVBoxLayout()
        side.addWidget(chart_title)
        side.addWidget(self.chart, 1)
        side.addWidget(self.status)
        body = QHBoxLayout()
        body.addWidget(self.view, 0)
        body.addLayout(side, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.pdf_button, self.csv_button, self.print_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.resize(1100, 720)

    def default_name(self, kind: str) -> str:
        s = self.report.shift
        return f"{s.kind.lower()}-report-{s.register}-{s.number}.{kind}".replace(" ", "_")

    def save(self, kind: str) -> QFileDialog:
        """Ask where (a non-modal file dialog), then write the PDF or CSV there."""
        dialog = QFileDialog(self, self.tr("Save the report"), str(Path.home() / self.default_name(kind)),
                             FILTERS[kind])
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.write_file(kind, path))
        dialog.open()
        return dialog

    @qasync.asyncSlot(str, str)
    async def write_file(self, kind: str, path: str | Path) -> Path | None:
        """Render and write off the Qt thread; the outcome is shown in the status line."""
        target = Path(path)
        try:
            data = await asyncio.to_thread(RENDERERS[kind], self.report)
            await asyncio.to_thread(target.write_bytes, data)
        except OSError as exc:
            self.status.setText(fmt(self.tr("Could not save %1: %2"), str(target), exc.strerror or str(exc)))
            return None
        self.status.setText(fmt(self.tr("Saved %1"), str(target)))
        return target

    def print_report(self, printer: QPrinter | None = None) -> bool:
        """The text render on the receipt printer (or `printer`), 48 columns across the page."""
        try:
            if printer is None:
                name = resolve_printer(self.printer_name)
                printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
            paint_text(printer, self.text.splitlines(), SCREEN_WIDTH)
        except PrintingError as exc:
            self.status.setText(str(exc))
            return False
        self.status.setText(self.tr("Sent to the printer"))
        return True


def paint_text(printer: QPrinter, lines: list[str], columns: int) -> None:
    """Monospace lines, `columns` filling the page's width, new pages as needed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintingError(fmt(translate("ReportDialog", "Could not start printing to %1."),
                                printer.outputFileName() or printer.printerName()))
    try:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        font = monospace()
        advance = QFontMetricsF(font, printer).horizontalAdvance("0" * columns)
        font.setPointSizeF(min(11.0, font.pointSizeF() * page.width() / advance * 0.98))
        painter.setFont(font)
        line_height = QFontMetricsF(font, printer).lineSpacing()
        y = 0.0
        for line in lines:
            if y + line_height > page.height():
                printer.newPage()
                y = 0.0
            y += line_height
            painter.drawText(0, int(y), line)
    finally:
        painter.end()
