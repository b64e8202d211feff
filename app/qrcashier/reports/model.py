"""The X/Z shift report as typed values, parsed and validated from the JSON-ready dict
`qrcashier.checkout.shift_report.build_shift_report` returns (README, "Shift report JSON").

`parse_report(data)` is the only way in: a malformed or partial dict raises `ReportError`
naming the field ("shift.float: expected a decimal string, got 12.5"), so a renderer never
meets a half-built report. Amounts are Decimal, parsed from decimal strings only (a float
would already have lost a cent). The original dict is kept for the JSON pass-through.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from qrcashier.domain.money import SITES, Site

KINDS = ("X", "Z")
RECONCILIATION_STATUSES = ("reconciled", "discrepancies", "not_reconciled")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
_HOUR = re.compile(r"([01]\d|2[0-3])")


class ReportError(ValueError):
    """The report dict is malformed or partial; the message names the field and says why."""


@dataclass(frozen=True)
class Total:
    count: int
    total: Decimal


@dataclass(frozen=True)
class Tender:
    kind: str  # cash | qr | point | card
    amount: Decimal
    received: Decimal | None = None  # cash only: received - change = amount
    change: Decimal | None = None


@dataclass(frozen=True)
class TaxRate:
    rate: str  # "21", "10.5", "0"
    net: Decimal
    tax: Decimal


@dataclass(frozen=True)
class SaleLine:
    receipt: str
    state: str
    total: Decimal
    paid_at: datetime | None
    api: str | None  # the QR API family, None for a sale without a QR tender
    tenders: tuple[Tender, ...]
    discount: Decimal = Decimal(0)  # the sale's total discount (issue 17)
    taxes: tuple[TaxRate, ...] = ()  # net and tax by rate; net + tax adds up to the total


@dataclass(frozen=True)
class Movement:
    kind: str  # in | out
    amount: Decimal
    reason: str


@dataclass(frozen=True)
class Refund:
    kind: str  # cash | qr | point
    amount: Decimal


@dataclass(frozen=True)
class HourBucket:
    hour: str  # "HH", local time of the shift
    count: int
    total: Decimal


@dataclass(frozen=True)
class Reconciliation:
    status: str
    missing_in_journal: tuple[Any, ...]  # payments Mercado Pago has that the journal lacks
    unconfirmed: tuple[Any, ...]  # paid sales Mercado Pago does not confirm


@dataclass(frozen=True)
class Shift:
    number: int
    register: str
    store: str
    cashier: str
    kind: str  # "X" (running shift) or "Z" (closed)
    opened_at: datetime
    closed_at: datetime | None
    float: Decimal
    expected_cash: Decimal
    counted_cash: Decimal | None  # None while the shift is open (X)
    difference: Decimal | None
    first_receipt: str | None  # None for a shift without sales
    last_receipt: str | None
    cancellations: int
    needs_review: int
    currency: str
    site: Site
    taxes: tuple[TaxRate, ...] = ()  # the shift's sales by VAT rate (issue 17)
    parked_discarded: int = 0  # parked carts discarded in this shift


@dataclass(frozen=True)
class InvoiceDocuments:
    """ARCA's authorized documents of one type and punto de venta in the shift (issue 21)."""

    type: int  # 6 Factura B, 8 Nota de Crédito B, 11 Factura C, 13 Nota de Crédito C
    name: str  # "Factura B"
    point_of_sale: int
    count: int
    first: int
    last: int
    total: Decimal
    vat: Decimal
    taxes: tuple[TaxRate, ...] = ()


@dataclass(frozen=True)
class PendingInvoice:
    receipt: str | None
    name: str
    total: Decimal
    state: str  # pending | requesting | rejected


@dataclass(frozen=True)
class Invoices:
    documents: tuple[InvoiceDocuments, ...]
    pending: tuple[PendingInvoice, ...]
    pending_total: Decimal


@dataclass(frozen=True)
class ShiftReport:
    shift: Shift
    tenders: dict[str, Total]
    qr_by_api: dict[str, Total]
    sales: tuple[SaleLine, ...]
    cash_movements: tuple[Movement, ...]
    refunds: tuple[Refund, ...]
    sales_by_hour: tuple[HourBucket, ...]
    reconciliation: Reconciliation
    raw: Mapping[str, Any]
    invoices: Invoices | None = None  # Argentina's ARCA invoices (issue 21); None without fiscal

    @property
    def site(self) -> Site:
        return self.shift.site

    @property
    def sales_count(self) -> int:
        return sum(1 for s in self.sales if s.state == "paid")

    @property
    def sales_total(self) -> Decimal:
        return sum((s.total for s in self.sales if s.state == "paid"), Decimal(0))


# --- field readers: each names the field it refuses -------------------------------------------


def _field(obj: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise ReportError(f"{where}.{key}: missing")
    return obj[key]


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ReportError(f"{where}: expected an object, got {type(value).__name__}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise ReportError(f"{where}: expected a list, got {type(value).__name__}")
    return list(value)


def _text(value: Any, where: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ReportError(f"{where}: expected a string, got {value!r}")
    return value


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ReportError(f"{where}: expected a count (a whole number >= 0), got {value!r}")
    return value


def _amount(value: Any, where: str, *, optional: bool = False) -> Decimal | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _DECIMAL.fullmatch(value):
        raise ReportError(f"{where}: expected a decimal string such as \"1234.50\", got {value!r}")
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern only lets decimals through
        raise ReportError(f"{where}: not a decimal: {value!r}") from None


def _time(value: Any, where: str, *, optional: bool = False) -> datetime | None:
    if value is None and optional:
        return None
    text = _text(value, where)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ReportError(f"{where}: expected an ISO 8601 time, got {value!r}") from None
    if moment.tzinfo is None:
        raise ReportError(f"{where}: the time {value!r} has no UTC offset")
    return moment


def _choice(value: Any, where: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ReportError(f"{where}: expected one of {', '.join(allowed)}, got {value!r}")
    return value


def _total(value: Any, where: str) -> Total:
    obj = _mapping(value, where)
    return Total(_count(_field(obj, "count", where), f"{where}.count"),
                 _amount(_field(obj, "total", where), f"{where}.total"))


# --- sections ---------------------------------------------------------------------------------


def _shift(value: Any) -> Shift:
    where = "shift"
    s = _mapping(value, where)

    def amount(key: str, optional: bool = False) -> Decimal | None:
        return _amount(_field(s, key, where), f"{where}.{key}", optional=optional)

    site_id = _text(_field(s, "site", where), f"{where}.site")
    if site_id.upper() not in SITES:
        raise ReportError(f"{where}.site: unknown Mercado Pago site {site_id!r}")
    site = SITES[site_id.upper()]
    currency = _text(_field(s, "currency", where), f"{where}.currency")
    if currency != site.currency:
        raise ReportError(f"{where}.currency: {currency!r} is not the currency of site {site.id} ({site.currency})")
    number = _field(s, "number", where)
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise ReportError(f"{where}.number: expected a shift number >= 1, got {number!r}")
    kind = _choice(_field(s, "kind", where), f"{where}.kind", KINDS)
    closed_at = _time(_field(s, "closed_at", where), f"{where}.closed_at", optional=True)
    if kind == "Z" and closed_at is None:
        raise ReportError(f"{where}.closed_at: a Z report is of a closed shift and needs its closing time")
    return Shift(
        number=number,
        register=_text(_field(s, "register", where), f"{where}.register"),
        store=_text(_field(s, "store", where), f"{where}.store"),
        cashier=_text(_field(s, "cashier", where), f"{where}.cashier"),
        kind=kind,
        opened_at=_time(_field(s, "opened_at", where), f"{where}.opened_at"),
        closed_at=closed_at,
        float=amount("float"),
        expected_cash=amount("expected_cash"),
        counted_cash=amount("counted_cash", optional=True),
        difference=amount("difference", optional=True),
        first_receipt=_text(_field(s, "first_receipt", where), f"{where}.first_receipt", optional=True),
        last_receipt=_text(_field(s, "last_receipt", where), f"{where}.last_receipt", optional=True),
        cancellations=_count(_field(s, "cancellations", where), f"{where}.cancellations"),
        needs_review=_count(_field(s, "needs_review", where), f"{where}.needs_review"),
        currency=currency,
        site=site,
        taxes=_taxes(s.get("taxes"), f"{where}.taxes"),
        parked_discarded=_count(s.get("parked_discarded", 0), f"{where}.parked_discarded"),
    )


def _taxes(value: Any, where: str) -> tuple[TaxRate, ...]:
    """Net and tax by rate (optional: a report of before issue 17 has none)."""
    if value is None:
        return ()
    out = []
    for i, item in enumerate(_list(value, where)):
        t = _mapping(item, f"{where}[{i}]")
        out.append(TaxRate(
            _text(_field(t, "rate", f"{where}[{i}]"), f"{where}[{i}].rate"),
            _amount(_field(t, "net", f"{where}[{i}]"), f"{where}[{i}].net", optional=True) or Decimal(0),
            _amount(_field(t, "tax", f"{where}[{i}]"), f"{where}[{i}].tax", optional=True) or Decimal(0),
        ))
    return tuple(out)


def _tender(value: Any, where: str) -> Tender:
    t = _mapping(value, where)
    kind = _text(_field(t, "kind", where), f"{where}.kind")
    amount = _amount(_field(t, "amount", where), f"{where}.amount")
    received = _amount(t.get("received"), f"{where}.received", optional=True)
    change = _amount(t.get("change"), f"{where}.change", optional=True)
    if kind == "cash":
        if received is None or change is None:
            raise ReportError(f"{where}: a cash tender needs 'received' and 'change'")
        if received - change != amount:
            raise ReportError(f"{where}: received {received} - change {change} is not the amount {amount}")
    return Tender(kind, amount, received, change)


def _sale(value: Any, where: str) -> SaleLine:
    s = _mapping(value, where)
    tenders = tuple(_tender(t, f"{where}.tenders[{i}]")
                    for i, t in enumerate(_list(_field(s, "tenders", where), f"{where}.tenders")))
    total = _amount(_field(s, "total", where), f"{where}.total")
    state = _text(_field(s, "state", where), f"{where}.state")
    taxes = _taxes(s.get("taxes"), f"{where}.taxes")
    if taxes and sum((t.net + t.tax for t in taxes), Decimal(0)) != total:
        raise ReportError(f"{where}: the taxes' net and tax do not add up to the sale's total {total}")
    if state == "paid" and sum((t.amount for t in tenders), Decimal(0)) != total:
        raise ReportError(f"{where}: the tender amounts do not add up to the sale's total {total}")
    return SaleLine(
        receipt=_text(_field(s, "receipt", where), f"{where}.receipt"),
        state=state,
        total=total,
        paid_at=_time(_field(s, "paid_at", where), f"{where}.paid_at", optional=True),
        api=_text(_field(s, "api", where), f"{where}.api", optional=True),
        tenders=tenders,
        discount=_amount(s.get("discount"), f"{where}.discount", optional=True) or Decimal(0),
        taxes=taxes,
    )


def _items(data: Mapping[str, Any], key: str) -> list[tuple[str, Mapping[str, Any]]]:
    return [(f"{key}[{i}]", _mapping(item, f"{key}[{i}]"))
            for i, item in enumerate(_list(_field(data, key, "report"), key))]


def parse_report(data: Any) -> ShiftReport:
    """The report, typed and checked; ReportError names the first field that is wrong."""
    data = _mapping(data, "report")
    shift = _shift(_field(data, "shift", "report"))
    tenders_obj = _mapping(_field(data, "tenders", "report"), "tenders")
    for needed in ("cash", "qr"):
        _field(tenders_obj, needed, "tenders")
    tenders = {kind: _total(v, f"tenders.{kind}") for kind, v in tenders_obj.items()}
    by_api_obj = _mapping(_mapping(tenders_obj["qr"], "tenders.qr").get("by_api", {}), "tenders.qr.by_api")
    qr_by_api = {api: _total(v, f"tenders.qr.by_api.{api}") for api, v in by_api_obj.items()}
    sales = tuple(_sale(s, w) for w, s in _items(data, "sales"))
    movements = tuple(
        Movement(_choice(_field(m, "kind", w), f"{w}.kind", ("in", "out")),
                 _amount(_field(m, "amount", w), f"{w}.amount"),
                 _text(_field(m, "reason", w), f"{w}.reason"))
        for w, m in _items(data, "cash_movements"))
    refunds = tuple(Refund(_text(_field(r, "kind", w), f"{w}.kind"), _amount(_field(r, "amount", w), f"{w}.amount"))
                    for w, r in _items(data, "refunds"))
    hours = []
    for w, h in _items(data, "sales_by_hour"):
        hour = _text(_field(h, "hour", w), f"{w}.hour")
        if not _HOUR.fullmatch(hour):
            raise ReportError(f"{w}.hour: expected an hour \"00\"..\"23\", got {hour!r}")
        hours.append(HourBucket(hour, _count(_field(h, "count", w), f"{w}.count"),
                                _amount(_field(h, "total", w), f"{w}.total")))
    rec = _mapping(_field(data, "reconciliation", "report"), "reconciliation")
    reconciliation = Reconciliation(
        status=_choice(_field(rec, "status", "reconciliation"), "reconciliation.status", RECONCILIATION_STATUSES),
        missing_in_journal=tuple(_list(_field(rec, "missing_in_journal", "reconciliation"),
                                       "reconciliation.missing_in_journal")),
        unconfirmed=tuple(_list(_field(rec, "unconfirmed", "reconciliation"), "reconciliation.unconfirmed")),
    )
    invoices = _invoices(data["invoices"]) if data.get("invoices") is not None else None
    return ShiftReport(shift, tenders, qr_by_api, sales, movements, refunds, tuple(hours), reconciliation, data,
                       invoices)


def _invoices(value: Any) -> Invoices:
    where = "invoices"
    obj = _mapping(value, where)
    names = {6: "Factura B", 8: "Nota de Crédito B", 11: "Factura C", 13: "Nota de Crédito C"}
    documents = []
    for w, d in _items(obj, "documents"):
        w = f"{where}.{w}"
        kind = _count(_field(d, "type", w), f"{w}.type")
        first, last = _count(_field(d, "first", w), f"{w}.first"), _count(_field(d, "last", w), f"{w}.last")
        count = _count(_field(d, "count", w), f"{w}.count")
        if first > last or count > last - first + 1:
            raise ReportError(f"{w}: {count} documents cannot be numbered {first} to {last}")
        documents.append(InvoiceDocuments(
            kind, _text(d.get("name", names.get(kind, str(kind))), f"{w}.name"),
            _count(_field(d, "point_of_sale", w), f"{w}.point_of_sale"), count, first, last,
            _amount(_field(d, "total", w), f"{w}.total"), _amount(_field(d, "vat", w), f"{w}.vat"),
            _taxes(d.get("taxes"), f"{w}.taxes")))
    pending = tuple(PendingInvoice(
        _text(p.get("receipt"), f"{where}.{w}.receipt", optional=True),
        names.get(p.get("type"), str(p.get("type"))), _amount(_field(p, "total", w), f"{where}.{w}.total"),
        _text(_field(p, "state", w), f"{where}.{w}.state")) for w, p in _items(obj, "pending"))
    return Invoices(tuple(documents), pending, _amount(obj.get("pending_total", "0"), f"{where}.pending_total"))


def describe_item(item: Any) -> str:
    """One reconciliation entry as a short line: the id it carries (payment, receipt) and its amount."""
    if not isinstance(item, Mapping):
        return str(item)
    ident = next((str(item[k]) for k in ("receipt", "payment_id", "id", "external_reference") if item.get(k)), "?")
    amount = next((str(item[k]) for k in ("amount", "total", "transaction_amount") if item.get(k) is not None), "")
    return f"{ident} {amount}".strip()
