"""The X/Z report's `invoices` section (checkout/shift_invoices.py): ARCA's documents by type with
their first and last number, totals and IVA by rate, the credit notes of the shift's refunds,
what is still pending; parsed by the reports package and printed on paper and PDF."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from qrcashier.checkout.journal import JournalDB
from qrcashier.checkout.shift_report import build_shift_report, find_shift
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.tender import cash_tender
from qrcashier.fiscal.amounts import RESPONSABLE_INSCRIPTO
from qrcashier.fiscal.invoices import FiscalConfig, InvoiceStore
from qrcashier.reports.model import parse_report
from qrcashier.reports.pdf import render_pdf
from qrcashier.reports.text import render_text

MLA = SITES["MLA"]
CONFIG = FiscalConfig(cuit=20111111112, point_of_sale=3, category=RESPONSABLE_INSCRIPTO)


def _sell(db: JournalDB, total: str) -> int:
    value = Decimal(total)
    tender = cash_tender(value, value, MLA, ceiling=Decimal("1000000"))
    attempt, _ = db.complete_cash(tender, datetime.now(UTC), new_sale=("CAJA1", MLA, (CartLine("Yerba", value, 1),),
                                                                        value))
    return attempt.sale_id


def _authorize_open(store: InvoiceStore, numbers: dict[int, int]) -> None:
    while (row := store.next_open()) is not None and row.doc_type in numbers:
        numbers[row.doc_type] += 1
        store.mark_authorized(row.id, numbers[row.doc_type], f"{70000000000000 + row.id}", date(2026, 12, 17),
                              datetime.now(UTC))


def test_the_z_lists_the_invoices_by_type_with_the_credit_notes_and_the_pending(tmp_path):
    path = tmp_path / "journal.sqlite3"
    db = JournalDB(path)
    store = InvoiceStore(path, CONFIG)
    try:
        db.open_shift("CAJA1", Decimal("0"), datetime.now(UTC))
        store.enqueue_missing(datetime.now(UTC))  # fiscal switched on before the first sale
        first = _sell(db, "1210.00")
        _sell(db, "2420.00")
        store.enqueue_missing(datetime.now(UTC))
        numbers = {6: 0, 8: 0}
        _authorize_open(store, numbers)
        db.refund_cash(first, Decimal("121.00"), datetime.now(UTC), supervisor="ana", reason="cambio")
        store.enqueue_missing(datetime.now(UTC))
        _authorize_open(store, numbers)
        _sell(db, "605.00")  # ARCA has not answered for this one
        store.enqueue_missing(datetime.now(UTC))
        report = build_shift_report(db, find_shift(db, None, None), MLA, now=datetime.now(UTC), pos_number=1)
    finally:
        store.close()
        db.close()
    inv = report["invoices"]
    docs = {d["name"]: d for d in inv["documents"]}
    assert (docs["Factura B"]["count"], docs["Factura B"]["first"], docs["Factura B"]["last"]) == (2, 1, 2)
    assert docs["Factura B"]["total"] == "3630.00" and docs["Factura B"]["taxes"] == [
        {"rate": "21", "net": "3000.00", "tax": "630.00"}]
    assert (docs["Nota de Crédito B"]["count"], docs["Nota de Crédito B"]["total"]) == (1, "121.00")
    assert inv["pending"] == [{"receipt": "00001-00000003", "type": 6, "letter": "B", "total": "605.00",
                               "state": "pending"}]
    assert inv["pending_total"] == "605.00"
    assert inv["by_letter"] == {"B": {"count": 3, "total": "3509.00", "pending": 1}}  # 3630 - 121
    parsed = parse_report(report)
    text = render_text(parsed, 48)
    assert "COMPROBANTES ARCA" in text and "Factura B 00003 (2)" in text and "N° 00000001 a 00000002" in text
    assert "Nota de Crédito B 00003 (1)" in text and "  N° 00000001\n" in text
    assert "Pendientes en ARCA (1)" in text and "00001-00000003 Factura B (pendiente)" in text
    assert all(len(line) <= 32 for line in render_text(parsed, 32).splitlines())
    assert render_pdf(parsed).startswith(b"%PDF")


def test_a_journal_without_invoices_has_no_section(tmp_path):
    db = JournalDB(tmp_path / "journal.sqlite3")
    try:
        db.open_shift("CAJA1", Decimal("0"), datetime.now(UTC))
        _sell(db, "100.00")
        report = build_shift_report(db, find_shift(db, None, None), MLA, now=datetime.now(UTC))
    finally:
        db.close()
    assert "invoices" not in report and parse_report(report).invoices is None
    assert "ARCA" not in render_text(parse_report(report))
