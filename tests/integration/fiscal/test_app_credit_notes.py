"""The app's refunds with fiscal on (sandbox + in-process ARCA simulator): a Mercado Pago refund
and cash given back each get a Nota de Crédito B tied to the sale's Factura B, and the refund
slip carries it (number, CAE, the invoice it cancels, its QR)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import ReceiptRefund, StoreHeader
from qrcashier.fiscal.qr import decode_qr_url
from qrcashier.printing.layout import QrBlock, receipt_layout
from tests.integration.fiscal.test_app_fiscal import _original, _paid_sale, _services

pytestmark = pytest.mark.asyncio
HEADER = StoreHeader("Kiosco Demo", "Caja 1", SITES["MLA"])


async def _invoiced_cash_sale(services, lines):
    """Start `services`, open a shift and sell `lines` ((title, price, VAT rate or None)) for 3000 in
    cash: the attempt and its receipt, once it has its CAE."""
    from qrcashier.domain.cart import Cart

    await services.start()
    await services.engine.start()
    engine = services.engine
    await engine.open_shift("0")
    cart = Cart(SITES["MLA"])
    for title, price, rate in lines:
        cart.add(title, price, 1, **({} if rate is None else {"vat_rate": rate}))
    attempt = await engine.sell_cash(cart, "3000")
    receipt = await engine.receipt_for(await _original(services, attempt), HEADER)  # waits for the CAE
    assert receipt.invoice.authorized
    return attempt, receipt


async def test_a_refund_slip_carries_its_nota_de_credito(tmp_path, token):
    services = _services(tmp_path, token)
    try:
        await services.start()
        await services.engine.start()
        engine = services.engine
        attempt = await _paid_sale(services)
        receipt = await engine.receipt_for(await _original(services, attempt), HEADER)
        assert receipt.invoice.authorized
        (payment,) = [p for p in await engine.payments(attempt_id=attempt.id) if p.status == "approved"]
        refund = await engine.refund(payment.mp_payment_id, "121.00", "ana", "cambio")
        assert refund.state == "approved"
        slip = replace(receipt, refunds=(ReceiptRefund(refund.amount, str(payment.mp_payment_id)),))
        slip = await services.fiscal.credit_note_slip(slip, attempt.sale_id)
        note = slip.invoice
        assert note.authorized and note.number == 1 and len(note.cae) == 14
        text = slip.to_text()
        assert "Nota de Crédito B N° 00003-00000001" in text
        assert "Comprobante asociado:\nFactura B N° 00003-00000001\n" in text and note.cae in text
        assert "IVA contenido 21 %" in text and "$ 21,00" in text  # the credit note's IVA, not the sale's
        qr = decode_qr_url(next(b for b in receipt_layout(slip).blocks if isinstance(b, QrBlock)).payload)
        assert qr["tipoCmp"] == 8 and qr["nroCmp"] == 1 and qr["importe"] == 121
        books = services.fiscal.simulator.sim.books
        assert books.get(20111111112, 3, 8, 1).total == Decimal("121.00")
    finally:
        await services.close()


async def test_cash_given_back_gets_a_credit_note_too(tmp_path, token):
    services = _services(tmp_path, token)
    try:
        attempt, receipt = await _invoiced_cash_sale(services, [("Yerba 1 kg", "2420.00", None)])
        engine = services.engine
        await engine.refund_cash(attempt.sale_id, "2420.00", supervisor="ana", reason="no funciona")
        slip = await services.fiscal.credit_note_slip(receipt, attempt.sale_id)
        assert slip.invoice.authorized and slip.invoice.document == "Nota de Crédito"
        (note,) = await services.fiscal.invoices.credit_notes(attempt.sale_id)
        invoice = await services.fiscal.invoices.for_sale(attempt.sale_id)
        assert note.amounts == invoice.amounts and note.related_invoice_id == invoice.id
    finally:
        await services.close()


async def test_a_return_by_line_credits_that_lines_iva_rate(tmp_path, token):
    services = _services(tmp_path, token)
    try:
        attempt, receipt = await _invoiced_cash_sale(
            services, [("Yerba 1 kg", "1210.00", Decimal("21")), ("Harina 1 kg", "1105.00", Decimal("10.5"))])
        engine = services.engine
        result = await engine.return_lines(attempt.sale_id, {2: 1}, supervisor="ana", reason="vencida")
        assert result.kind == "cash" and result.amount == Decimal("1105.00")
        slip = await services.fiscal.credit_note_slip(receipt, attempt.sale_id)
        (note,) = await services.fiscal.invoices.credit_notes(attempt.sale_id)
        assert slip.invoice.authorized and slip.invoice.number == note.number == 1
        assert [(v.rate, v.base, v.amount) for v in note.amounts.vat_lines] == [
            (Decimal("10.5"), Decimal("1000.00"), Decimal("105.00"))]  # the flour's rate only
        assert "IVA contenido 10,5 %" in slip.to_text() and "IVA contenido 21 %" not in slip.to_text()
    finally:
        await services.close()
