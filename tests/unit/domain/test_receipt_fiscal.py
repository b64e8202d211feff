"""The invoice on the ticket: "Factura B N° PPPPP-NNNNNNNN", the issuer, CAE and its due date, the
QR; "CAE pendiente" until ARCA authorized it; a copy keeps the invoice; no "no válido como factura"."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import LEY_27743, Receipt, ReceiptInvoice, ReceiptLine
from qrcashier.domain.vat import TaxLine
from qrcashier.printing.layout import QrBlock, receipt_layout, to_text

AUTHORIZED = ReceiptInvoice("B", "20-11111111-2", "IVA Responsable Inscripto", 3, 42, "70303503560442",
                            date(2026, 12, 17), "https://www.afip.gob.ar/fe/qr/?p=eyJ2ZXIiOjF9", "authorized")


def _receipt(invoice: ReceiptInvoice | None, **kw) -> Receipt:
    return Receipt("Kiosco Demo", "Caja 1", "00003-00000007", [ReceiptLine("Yerba 1 kg", 1, Decimal("1210.00"),
                   Decimal("1210.00"))], Decimal("1210.00"), SITES["MLA"], datetime(2026, 12, 7, 15, 0, tzinfo=UTC),
                   invoice=invoice, **kw)


def test_an_authorized_factura_b_prints_its_number_issuer_cae_and_qr():
    receipt = _receipt(AUTHORIZED, taxes=(TaxLine(Decimal("21"), Decimal("1000.00"), Decimal("210.00")),),
                       legend=LEY_27743)
    text = receipt.to_text()
    lines = text.splitlines()
    assert lines[1] == "Factura B N° 00003-00000042" and lines[2] == "CUIT 20-11111111-2"
    assert "IVA Responsable Inscripto" in lines and "A consumidor final" in lines
    assert any(line.startswith("CAE N°:") and line.endswith("70303503560442") for line in lines)
    assert any(line.startswith("Vto. CAE:") and line.endswith("17/12/2026") for line in lines)
    assert "IVA contenido 21 %" in text and "Ley 27.743" in text and "no válido como factura" not in text
    assert all(len(line) <= 42 for line in lines)
    layout = receipt_layout(receipt, 42)
    assert [b.payload for b in layout.blocks if isinstance(b, QrBlock)] == [AUTHORIZED.qr_url]
    assert to_text(layout).rstrip().endswith(f"[QR] {AUTHORIZED.qr_url}"[:42])


def test_pending_says_cae_pendiente_and_prints_no_qr():
    pending = ReceiptInvoice("C", "20-11111111-2", "Responsable Monotributo", 3)
    receipt = _receipt(pending)
    text = receipt.to_text()
    assert "Factura C N° 00003-(pendiente)" in text and "CAE pendiente" in text and "CAE N°" not in text
    assert not [b for b in receipt_layout(receipt).blocks if isinstance(b, QrBlock)]
    assert not pending.authorized


def test_a_copy_keeps_the_invoice_and_a_plain_receipt_stays_non_fiscal():
    copy = _receipt(AUTHORIZED).as_copy()
    assert copy.invoice == AUTHORIZED and "COPIA" in copy.to_text() and "Factura B N° 00003-00000042" in copy.to_text()
    assert "Comprobante no válido como factura" in _receipt(None).to_text()
