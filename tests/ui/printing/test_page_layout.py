"""The painted page renders from the same layout as the ESC/POS bytes and the text: rows, then the QR."""

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from qrcashier.printing.layout import receipt_layout, to_text
from qrcashier.ui.printing import qprinter
from qrcashier.ui.printing.qprinter import paint_receipt, receipt_font, receipt_height_px
from tests.support.samples import sample_receipt
from tests.ui.qrdecode import decode_one

PAYLOAD = "https://www.mercadopago.com.ar/pagos/123456789"


def paint(receipt, width: int, qr_payload=None) -> tuple[QImage, float]:
    image = QImage(width, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        used = paint_receipt(painter, receipt, width, qr_payload=qr_payload)
    finally:
        painter.end()
    return image, used


def test_the_page_paints_the_layouts_qr_and_it_scans(qapp):
    receipt = sample_receipt()
    _, plain = paint(receipt, 600)
    image, with_qr = paint(receipt, 600, qr_payload=PAYLOAD)
    assert with_qr > plain + 600 * 0.5  # the QR block: half the width, plus a line
    symbol = image.copy(0, int(plain), 600, int(with_qr - plain) + 20)
    assert decode_one(symbol).text == PAYLOAD
    font = receipt_font(image, 600)
    assert receipt_height_px(receipt, font, image, width_px=600, qr_payload=PAYLOAD) == with_qr
    assert "[QR] " + PAYLOAD[:37] in to_text(receipt_layout(receipt, 42, qr_payload=PAYLOAD))


def test_printer_settings_as_urls_for_the_qprinter_path(tmp_path, qapp):
    path = tmp_path / "r.pdf"
    assert qprinter.print_receipt(sample_receipt(), f"pdf:{path}") == str(path) and path.stat().st_size > 0
    with pytest.raises(qprinter.PrintingError, match="ESC/POS printer"):
        qprinter.print_receipt(sample_receipt(), "escpos+tcp://127.0.0.1:9100")
    with pytest.raises(qprinter.NoPrinterError, match="needs a host"):
        qprinter.print_receipt(sample_receipt(), "escpos+tcp://")
