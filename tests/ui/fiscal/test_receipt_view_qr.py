"""The on-screen receipt shows ARCA's QR under an authorized invoice, as paper and PDF print it
(printing.layout.qr_section); a pending invoice and a plain receipt show none."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import Receipt, ReceiptInvoice, ReceiptLine
from qrcashier.ui.sale.receipt_view import ReceiptDialog

URL = "https://www.afip.gob.ar/fe/qr/?p=eyJ2ZXIiOjEsIm5yb0NtcCI6NDJ9"
AUTHORIZED = ReceiptInvoice("B", "20-11111111-2", "IVA Responsable Inscripto", 3, 42, "70303503560442",
                            date(2026, 12, 17), URL, "authorized")


def _receipt(invoice: ReceiptInvoice | None) -> Receipt:
    return Receipt("Kiosco Demo", "Caja 1", "00003-00000007", [ReceiptLine("Yerba 1 kg", 1, Decimal("1210.00"),
                   Decimal("1210.00"))], Decimal("1210.00"), SITES["MLA"], datetime(2026, 12, 7, 15, 0, tzinfo=UTC),
                   invoice=invoice)


def _images(dialog: ReceiptDialog) -> list:
    doc, found = dialog._paper.document(), []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(fmt.toImageFormat())
            it += 1
        block = block.next()
    return found


def _dialog(qtbot, receipt: Receipt) -> ReceiptDialog:
    dialog = ReceiptDialog(receipt)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_an_authorized_invoice_shows_its_qr_under_the_receipt(qtbot):
    receipt = _receipt(AUTHORIZED)
    dialog = _dialog(qtbot, receipt)
    assert dialog.qr_payload() == URL
    (image,) = _images(dialog)
    picture = dialog._paper.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
    assert isinstance(picture, QImage) and 100 <= picture.width() == picture.height() <= 180
    assert dialog.text() + "\n" == receipt.to_text()  # the rows as printed, the image aside
    cursor = QTextCursor(dialog._paper.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    assert cursor.block().text() == "\ufffc"  # the QR is the last thing on the paper, as on the roll


def test_no_qr_while_the_cae_is_pending_or_without_an_invoice(qtbot):
    pending = ReceiptInvoice("B", "20-11111111-2", "IVA Responsable Inscripto", 3)
    for receipt in (_receipt(pending), _receipt(None)):
        dialog = _dialog(qtbot, receipt)
        assert dialog.qr_payload() is None and _images(dialog) == []
        assert dialog.text() + "\n" == receipt.to_text()
