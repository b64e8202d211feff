"""ARCA invoices reach the store database with their sale (the journal's invoice triggers send
the sale again when an invoice is written or authorized) and the store report lists them by
type with first and last number, totals and what is pending; a resend changes nothing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

from qrcashier.admin import main as admin_main
from qrcashier.fiscal.amounts import RESPONSABLE_INSCRIPTO
from qrcashier.fiscal.invoices import ARGENTINA, FiscalConfig, InvoiceStore
from qrcashier.store.dsn import StoreAddress
from qrcashier.store.roles import role_name
from qrcashier.store.sender import OutboxSender
from tests.integration.store.journal_day import cash_sale, open_day


def _drain(sender: OutboxSender) -> None:
    while sender.drain_once():
        pass


def test_invoices_reach_the_store_and_its_report(store, tmp_path, capsys):
    cluster, dsn = store
    assert admin_main(["store", "init", "--store", dsn]) == 0
    assert admin_main(["store", "add-register", "--store", dsn, "--register", "CAJA1"]) == 0
    password = capsys.readouterr().out.split("password (shown once): ")[1].strip()
    db = open_day(tmp_path / "CAJA1.sqlite3", "CAJA1")
    invoices = InvoiceStore(db.path, FiscalConfig(cuit=20111111112, point_of_sale=3, category=RESPONSABLE_INSCRIPTO))
    sender = OutboxSender(db.path, StoreAddress(cluster.dsn(user=role_name("CAJA1")), password), "CAJA1")
    try:
        invoices.enqueue_missing(datetime.now(UTC))  # fiscal on before the day's sales
        for amount in ("1210.00", "2420.00", "605.00"):
            cash_sale(db, "CAJA1", amount)
        invoices.enqueue_missing(datetime.now(UTC))
        _drain(sender)  # the sales, their invoices pending
        for number, row in enumerate([r for r in invoices.all()][:2], start=1):
            invoices.mark_authorized(row.id, number, f"7000000000000{number}", date(2026, 12, 17), datetime.now(UTC))
        _drain(sender)  # the two authorizations follow
        db.query("UPDATE outbox SET sent_at = NULL")  # a resend of everything changes nothing
        _drain(sender)
    finally:
        sender.stop()
        invoices.close()
        db.close()
    day = datetime.now(ARGENTINA).date().isoformat()
    assert admin_main(["store", "report", "--store", dsn, "--date", day, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (register,) = report["registers"]
    if datetime.now().astimezone().date().isoformat() == day:  # sales go by the server's day, invoices by CbteFch
        assert register["sales"] == 3 and Decimal(report["store"]["totals"]["cash"]) == Decimal("4235.00")
    assert register["invoices"] == {"documents": [{"type": 6, "name": "Factura B", "letter": "B", "point_of_sale": 3,
                                                   "count": 2, "first": 1, "last": 2, "total": "3630.00",
                                                   "vat": "630.00"}],
                                    "pending": 1, "pending_total": "605.00"}
    assert report["store"]["invoices"]["documents"][0]["count"] == 2 and report["store"]["invoices"]["pending"] == 1
    out = tmp_path / "day.pdf"
    assert admin_main(["store", "report", "--store", dsn, "--date", day, "--format", "pdf", "--output", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
