"""Receipts and QR stickers on paper and in PDF (QtPrintSupport).

- `print_receipt(receipt, printer_name=None)` / `receipt_to_pdf(receipt, path)`: an 80 mm
  roll page as long as the receipt, 42 monospace columns, the total bold and double height,
  painted from the same layout (`printing.layout`) the ESC/POS and text renderers use.
- `print_qr_sticker(...)` / `qr_sticker_to_pdf(...)`: an A6 (or A5) sticker with store and
  register names, the QR as vector squares, "scan to pay" in English, Spanish and
  Portuguese, and the POS external id in small type.

A missing printer raises `NoPrinterError` (a `PrintingError`) with a message fit for the
cashier; nothing here shows a dialog. Printing is synchronous: it paints and hands the
job to the system spooler, which takes milliseconds for a receipt.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from qrcashier.domain.receipt import RECEIPT_WIDTH, Receipt
from qrcashier.printing.layout import QrBlock, ReceiptLayout, receipt_layout
from qrcashier.printing.urls import PrinterUrl, PrinterUrlError, parse_printer_url
from qrcashier.ui.sale.qr_view import qr_path, symbol_modules
from qrcashier.ui.shell.i18n import fmt

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")

RECEIPT_PAPER_MM = 80.0
RECEIPT_SIDE_MARGIN_MM = 4.0  # 72 mm printable, the usual for 80 mm thermal heads
RECEIPT_END_MARGIN_MM = 6.0
RECEIPT_MAX_POINT_SIZE = 10.0  # on a wide (A4) printer, don't blow 42 columns up to the page width

STICKER_PAGES = {"A6": QPageSize.PageSizeId.A6, "A5": QPageSize.PageSizeId.A5}
SCAN_LINES = (
    "Scan to pay with Mercado Pago",
    "Escaneá para pagar con Mercado Pago",
    "Escaneie para pagar com Mercado Pago",
)


class PrintingError(RuntimeError):
    """Printing or PDF output failed; the message can be shown to the cashier as is."""


class NoPrinterError(PrintingError):
    """No printer is installed, or the one asked for does not exist."""


# --- printers ----------------------------------------------------------------------------


def available_printers() -> list[str]:
    """The names of the printers the system knows, for a settings combo box."""
    return list(QPrinterInfo.availablePrinterNames())


def default_printer_name() -> str | None:
    name = QPrinterInfo.defaultPrinterName()
    return name or None


def resolve_printer(printer_name: str | None) -> str:
    """The printer to use: the named one, else the system default, else the only one.

    Raises NoPrinterError when that printer does not exist or none can be chosen.
    """
    names = available_printers()
    if not names:
        raise NoPrinterError(translate("Printing", "No printer is installed. Install one, or save the receipt as PDF."))
    if printer_name is None:
        printer_name = default_printer_name()
        if printer_name is None:
            if len(names) == 1:
                return names[0]
            raise NoPrinterError(
                fmt(translate("Printing", "No default printer is set. Choose one of: %1."), ", ".join(names))
            )
    if printer_name not in names:
        raise NoPrinterError(fmt(
            translate("Printing", "Printer %1 was not found. Available: %2."), repr(printer_name), ", ".join(names)
        ))
    return printer_name


def _printer_url(printer_name: str | None) -> PrinterUrl | None:
    """The printer setting as a URL ("NAME", "system:NAME", "pdf:PATH"); ESC/POS ones print through the queue."""
    if not printer_name:
        return None
    try:
        url = parse_printer_url(printer_name)
    except PrinterUrlError as exc:
        raise NoPrinterError(str(exc)) from None
    if url.escpos:
        raise PrintingError(fmt(translate(
            "Printing", "%1 is an ESC/POS printer: receipts reach it through the print queue (reprint for a copy)."
        ), url.describe()))
    return url


def _system_printer(printer_name: str | None) -> QPrinter:
    url = _printer_url(printer_name)
    name = resolve_printer(url.target or None if url is not None else None)
    printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
    if not printer.isValid():
        raise NoPrinterError(fmt(translate("Printing", "Printer %1 cannot be used."), repr(name)))
    return printer


def _pdf_printer(path: str | Path) -> QPrinter:
    path = Path(path)
    if not path.parent.is_dir():
        raise PrintingError(
            fmt(translate("Printing", "Cannot save the PDF: folder %1 does not exist."), repr(str(path.parent)))
        )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _paint(printer: QPrinter, paint) -> None:
    printer.setCreator("QR Cashier")
    painter = QPainter()
    if not painter.begin(printer):
        where = printer.outputFileName() or printer.printerName()
        raise PrintingError(fmt(translate("Printing", "Could not start printing to %1."), repr(where)))
    try:
        paint(painter, printer)
    finally:
        painter.end()


# --- receipts ----------------------------------------------------------------------------


def receipt_font(device, width_px: float, columns: int = RECEIPT_WIDTH) -> QFont:
    """A monospace font at which `columns` characters fill `width_px` on `device`."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(10.0)
    advance = QFontMetricsF(font, device).horizontalAdvance("0" * columns)
    font.setPointSizeF(min(RECEIPT_MAX_POINT_SIZE, 10.0 * width_px / advance * 0.995))
    return font


QR_SHARE = 0.5  # a receipt's QR spans half the paper's width, as the ESC/POS image does


def _block_heights(layout: ReceiptLayout, line: float, width_px: float) -> list[float]:
    return [width_px * QR_SHARE + line if isinstance(b, QrBlock) else (2 * line if b.emphasis else line)
            for b in layout.blocks]


def receipt_height_px(
    receipt: Receipt, font: QFont, device, columns: int = RECEIPT_WIDTH, *, width_px: float = 0.0,
    qr_payload: str | None = None,
) -> float:
    line = QFontMetricsF(font, device).lineSpacing()
    return sum(_block_heights(receipt_layout(receipt, columns, qr_payload=qr_payload), line, width_px))


def paint_receipt(
    painter: QPainter,
    receipt: Receipt,
    width_px: float,
    *,
    columns: int = RECEIPT_WIDTH,
    page_height_px: float | None = None,
    new_page=None,
    qr_payload: str | None = None,
) -> float:
    """Paint the receipt's layout from the painter's origin down; returns the height used.

    Emphasised rows (the total, the store name, the COPY banner) are bold and double
    height, as ESC/POS printers do, so the columns still line up; a QR block is centred
    at half the width. When `page_height_px` and `new_page` are given, blocks that do not
    fit go on a new page.
    """
    font = receipt_font(painter.device(), width_px, columns)
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(font, painter.device())
    line, ascent = metrics.lineSpacing(), metrics.ascent()
    layout = receipt_layout(receipt, columns, qr_payload=qr_payload)
    y = 0.0
    painter.setPen(QColor("#000000"))
    for block, h in zip(layout.blocks, _block_heights(layout, line, width_px), strict=True):
        if page_height_px is not None and new_page is not None and y + h > page_height_px and y > 0:
            new_page()
            y = 0.0
        if isinstance(block, QrBlock):
            side = width_px * QR_SHARE
            painter.save()
            painter.translate((width_px - side) / 2, y + line / 2)
            painter.scale(side / symbol_modules(block.payload), side / symbol_modules(block.payload))
            painter.fillPath(qr_path(block.payload), QColor("#000000"))
            painter.restore()
        elif block.text:
            painter.save()
            painter.setFont(bold if block.emphasis else font)
            painter.translate(0, y)
            if block.emphasis:
                painter.scale(1, 2)
            painter.drawText(0.0, ascent, block.text)
            painter.restore()
        y += h
    return y


def _receipt_page(printer: QPrinter, receipt: Receipt, width_mm: float, qr_payload: str | None = None) -> None:
    """An 80 mm page exactly as long as the receipt (a roll printer cuts there)."""
    printable_mm = width_mm - 2 * RECEIPT_SIDE_MARGIN_MM
    dpmm = printer.resolution() / 25.4
    font = receipt_font(printer, printable_mm * dpmm)
    # +1 mm: Qt rounds page sizes to whole points, which could push the last row onto a page 2
    height_px = receipt_height_px(receipt, font, printer, width_px=printable_mm * dpmm, qr_payload=qr_payload)
    height_mm = math.ceil(height_px / dpmm + 2 * RECEIPT_END_MARGIN_MM) + 1
    size = QPageSize(
        QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, "Receipt", QPageSize.SizeMatchPolicy.ExactMatch
    )
    margins = QMarginsF(RECEIPT_SIDE_MARGIN_MM, RECEIPT_END_MARGIN_MM, RECEIPT_SIDE_MARGIN_MM, RECEIPT_END_MARGIN_MM)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter))


def _paint_receipt_on(printer: QPrinter, receipt: Receipt, qr_payload: str | None = None) -> None:
    def paint(painter: QPainter, printer: QPrinter) -> None:
        rect = printer.pageLayout().paintRectPixels(printer.resolution())
        paint_receipt(painter, receipt, rect.width(), page_height_px=rect.height(), new_page=printer.newPage,
                      qr_payload=qr_payload)

    _paint(printer, paint)


def _doc_name(receipt: Receipt) -> str:
    return f"Receipt {receipt.register_name} {receipt.sale_number}" + (" (copy)" if receipt.copy else "")


def print_receipt(
    receipt: Receipt, printer_name: str | None = None, *, width_mm: float = RECEIPT_PAPER_MM,
    qr_payload: str | None = None,
) -> str:
    """Print on `printer_name` (None: the default printer; "pdf:PATH": a PDF). Returns the printer's name.

    Raises NoPrinterError when there is no such printer, PrintingError when it fails.
    """
    url = _printer_url(printer_name)
    if url is not None and url.kind == "pdf":
        return str(receipt_to_pdf(receipt, url.target, width_mm=width_mm, qr_payload=qr_payload))
    printer = _system_printer(printer_name)
    printer.setDocName(_doc_name(receipt))
    _receipt_page(printer, receipt, width_mm, qr_payload)
    _paint_receipt_on(printer, receipt, qr_payload)
    return printer.printerName()


def receipt_to_pdf(
    receipt: Receipt, path: str | Path, *, width_mm: float = RECEIPT_PAPER_MM, qr_payload: str | None = None
) -> Path:
    """Write the receipt as a one-page PDF, 80 mm wide, as long as the receipt."""
    printer = _pdf_printer(path)
    printer.setDocName(_doc_name(receipt))
    _receipt_page(printer, receipt, width_mm, qr_payload)
    _paint_receipt_on(printer, receipt, qr_payload)
    return Path(path)


# --- QR stickers -------------------------------------------------------------------------


def paint_sticker(
    painter: QPainter,
    rect: QRectF,
    payload: str,
    store: str,
    register: str,
    pos_external_id: str | None = None,
) -> QRectF:
    """Paint a QR sticker into `rect` (device pixels); returns where the QR went (quiet zone included).

    From the top: store (bold), register, the QR as large as the rest allows (as vector
    squares: sharp at any printer resolution), "scan to pay" in three languages, and
    the POS external id in small grey type at the bottom, inside a thin cut line.
    """
    W, H = rect.width(), rect.height()
    pad = min(W, H) * 0.045
    inner = rect.adjusted(pad, pad, -pad, -pad)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(rect, QColor("#ffffff"))
    painter.setPen(QPen(QColor("#9e9e9e"), max(1.0, min(W, H) * 0.003)))
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), pad * 0.6, pad * 0.6)
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap

    def font(px: float, bold: bool = False) -> QFont:
        f = QFont(painter.font())
        f.setStyleHint(QFont.StyleHint.SansSerif)
        f.setPixelSize(max(1, round(px)))
        f.setBold(bold)
        return f

    # (text, font, colour), measured first so the QR gets all the height that is left
    top = [(store, font(H * 0.05, True), "#000000"), (register, font(H * 0.033), "#000000")]
    bottom = [
        (SCAN_LINES[0], font(H * 0.031, True), "#000000"),
        (SCAN_LINES[1], font(H * 0.026), "#000000"),
        (SCAN_LINES[2], font(H * 0.026), "#000000"),
    ]
    foot = [(f"POS {pos_external_id}", font(H * 0.02), "#555555")] if pos_external_id else []

    def measure(block) -> float:
        total = 0.0
        for text, f, _ in block:
            painter.setFont(f)
            total += painter.boundingRect(QRectF(0, 0, inner.width(), H), flags, text).height()
        return total

    def draw(block, y: float) -> float:
        for text, f, colour in block:
            painter.setFont(f)
            painter.setPen(QColor(colour))
            box = QRectF(inner.left(), y, inner.width(), H)
            y += painter.boundingRect(box, flags, text).height()
            painter.drawText(box, flags, text)
        return y

    top_h, bottom_h, foot_h = measure(top), measure(bottom), measure(foot)
    gap = H * 0.012
    side = min(inner.width(), inner.height() - top_h - bottom_h - foot_h - 3 * gap)
    y = draw(top, inner.top())
    qr_rect = QRectF(inner.left() + (inner.width() - side) / 2, y + gap, side, side)
    module = side / symbol_modules(payload)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.translate(qr_rect.topLeft())
    painter.scale(module, module)
    painter.fillPath(qr_path(payload), QColor("#000000"))
    painter.restore()
    draw(bottom, qr_rect.bottom() + gap)
    draw(foot, inner.bottom() - foot_h)
    painter.restore()
    return qr_rect


def _sticker_page(printer: QPrinter, page: str) -> None:
    if page not in STICKER_PAGES:
        raise ValueError(f"sticker page must be one of {', '.join(STICKER_PAGES)}")
    margins = QMarginsF(6, 6, 6, 6)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(STICKER_PAGES[page]), QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
        )
    )


def _paint_sticker_on(printer: QPrinter, payload: str, store: str, register: str, pos_external_id: str | None) -> None:
    def paint(painter: QPainter, printer: QPrinter) -> None:
        r = printer.pageLayout().paintRectPixels(printer.resolution())
        paint_sticker(painter, QRectF(0, 0, r.width(), r.height()), payload, store, register, pos_external_id)

    _paint(printer, paint)


def qr_sticker_to_pdf(
    payload: str,
    store: str,
    register: str,
    path: str | Path,
    *,
    pos_external_id: str | None = None,
    page: str = "A6",
) -> Path:
    """Write the register's QR sticker as a one-page PDF (A6 by default, or "A5")."""
    printer = _pdf_printer(path)
    printer.setDocName(f"QR {store} {register}")
    _sticker_page(printer, page)
    _paint_sticker_on(printer, payload, store, register, pos_external_id)
    return Path(path)


def print_qr_sticker(
    payload: str,
    store: str,
    register: str,
    printer_name: str | None = None,
    *,
    pos_external_id: str | None = None,
    page: str = "A6",
) -> str:
    """Print the register's QR sticker; returns the printer's name. Raises NoPrinterError."""
    printer = _system_printer(printer_name)
    printer.setDocName(f"QR {store} {register}")
    _sticker_page(printer, page)
    _paint_sticker_on(printer, payload, store, register, pos_external_id)
    return printer.printerName()
