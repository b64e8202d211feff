"""domain.receipt.build_receipt: the layout of a paid sale from the journal's records (no Qt, no socket)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import site
from qrcashier.domain.receipt import StoreHeader, build_receipt
from qrcashier.domain.sale import Sale

MLA = site("MLA")
HEADER = StoreHeader("Almacén Don Pepe", "Caja 1", MLA)


@dataclass(frozen=True)
class Issued:
    kind: str = "original"
    issued_at: datetime = datetime(2026, 3, 1, 15, 30, tzinfo=UTC)
    operator: str = "Ana"


@dataclass(frozen=True)
class Payment:
    status: str
    mp_payment_id: int
    merchant_order_id: int | None = None


def _sale() -> Sale:
    lines = (CartLine("Yerba 1kg", Decimal("2500.00"), 2), CartLine("Pan", Decimal("800.50"), 1))
    return Sale(7, "S0007", "REG1", "MLA", lines, Decimal("5800.50"), "paid", datetime(2026, 3, 1, tzinfo=UTC))


def test_lines_total_header_and_operator():
    receipt = build_receipt(_sale(), Issued(), [Payment("approved", 111, 9)], HEADER)
    assert (receipt.store_name, receipt.register_name, receipt.sale_number) == ("Almacén Don Pepe", "Caja 1", "S0007")
    assert [(line.description, line.quantity, line.line_total) for line in receipt.lines] == [
        ("Yerba 1kg", Decimal(2), Decimal("5000.00")),
        ("Pan", Decimal(1), Decimal("800.50")),
    ]
    assert receipt.total == Decimal("5800.50") and receipt.site is MLA
    assert receipt.operator == "Ana" and receipt.copy is False
    assert receipt.paid_at == Issued().issued_at and receipt.paid_at.tzinfo is not None


def test_only_approved_payments_and_their_merchant_order():
    payments = [Payment("rejected", 100, 8), Payment("approved", 111, 9)]
    receipt = build_receipt(_sale(), Issued(), payments, HEADER)
    assert list(receipt.payment_ids) == ["111"] and receipt.merchant_order_id == "9"


def test_all_payments_when_none_is_approved_and_no_merchant_order():
    payments = [Payment("in_process", 100), Payment("pending", 101)]
    receipt = build_receipt(_sale(), Issued(), payments, HEADER)
    assert list(receipt.payment_ids) == ["100", "101"] and receipt.merchant_order_id is None


def test_a_reprint_is_a_copy():
    receipt = build_receipt(_sale(), Issued(kind="copy"), [Payment("approved", 111)], HEADER)
    assert receipt.copy is True
    assert "5.800,50" in receipt.to_text()
