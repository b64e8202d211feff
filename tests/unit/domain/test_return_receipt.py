"""A return by line prints as a return through the one receipt layout: its title and number, the
original sale's number and date as its reference, the returned lines and the total negative, and
the refund as the tender (issue 17)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import Receipt, ReceiptLine, ReceiptTender
from qrcashier.domain.return_receipt import ReturnedLine, build_return_receipt

MLA = SITES["MLA"]
BA = timezone(timedelta(hours=-3))


def original(**changes) -> Receipt:
    values = dict(
        store_name="Almacén Don Pepe", register_name="Caja 1", sale_number="00001-00000042",
        lines=[ReceiptLine("Yerba 1 kg", Decimal(2), Decimal("2000"), Decimal("4000")),
               ReceiptLine("Alfajor", Decimal(3), Decimal("500"), Decimal("1350"), Decimal("150"), "promo")],
        total=Decimal("5350"), site=MLA, paid_at=datetime(2026, 12, 7, 10, 15, tzinfo=BA), operator="Ana",
        payment_ids=["123"], merchant_order_id="456", tenders=[ReceiptTender("qr", Decimal("5350"))],
    )
    values.update(changes)
    return Receipt(**values)


def test_a_cash_return_prints_as_a_return_with_the_original_as_reference():
    slip = build_return_receipt(original(), [ReturnedLine(2, 2, Decimal("900"))], return_no=3, kind="cash",
                                returned_at=datetime(2026, 12, 7, 18, 40, tzinfo=BA), operator="Marta")
    text = slip.to_text()
    assert "DEVOLUCIÓN N° 3" in text
    assert "Venta N° 00001-00000042" in text  # the original's number
    assert "Venta original del 07/12/2026 10:15:00" in text and "Fecha: 07/12/2026 18:40:00" in text
    assert "Alfajor" in text and "-2 x $ 450,00" in text and "Yerba" not in text
    rows = [r.rstrip() for r in text.splitlines()]
    assert any(r.startswith("TOTAL") and r.endswith("-$ 900,00") for r in rows)
    assert any(r.startswith("Devolución en efectivo") and r.endswith("-$ 900,00") for r in rows)
    assert "Pagado con Mercado Pago" not in text and "Cajero: Marta" in text
    assert slip.total == Decimal("-900") and all(line.line_total < 0 for line in slip.lines)


def test_a_qr_return_in_english_and_portuguese():
    en = build_return_receipt(original(language="en"), [ReturnedLine(1, 1, Decimal("2000"))], return_no=1,
                              kind="qr", returned_at=datetime(2026, 12, 7, 18, 40, tzinfo=BA))
    assert "RETURN No. 1" in en.to_text() and "Refund to Mercado Pago" in en.to_text()
    assert "Original sale of 2026-12-07 10:15:00" in en.to_text()
    pt = build_return_receipt(original(site=SITES["MLB"]), [ReturnedLine(1, 1, Decimal("2000"))], return_no=1,
                              kind="qr", returned_at=datetime(2026, 12, 7, 18, 40, tzinfo=BA))
    assert "DEVOLUÇÃO Nº 1" in pt.to_text() and "Estorno no Mercado Pago" in pt.to_text()


def test_bad_returns_are_refused():
    when = datetime(2026, 12, 7, 18, 40, tzinfo=BA)
    with pytest.raises(ValueError):
        build_return_receipt(original(), [ReturnedLine(9, 1, Decimal("1"))], return_no=1, kind="cash", returned_at=when)
    with pytest.raises(ValueError):
        build_return_receipt(original(), [ReturnedLine(1, 0, Decimal("1"))], return_no=1, kind="cash", returned_at=when)
    with pytest.raises(ValueError):
        build_return_receipt(original(), [ReturnedLine(1, 1, Decimal("1"))], return_no=1, kind="card", returned_at=when)
