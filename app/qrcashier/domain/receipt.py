"""The sale receipt: plain values in, 42-column thermal-printer text out. No Qt here.

`format_money(amount, site)` writes money as each site does ("$ 1.234,50" in Buenos
Aires, "R$ 1.234,50" in São Paulo, "$1,234.50" in Mexico City, "$ 1.235" in Santiago),
from the separators and symbol `domain.money.Site` declares; the UI reuses it for every
amount it shows.

A receipt renders as rows (`Receipt.rows()`), each a fixed-width line of text
plus an `emphasis` flag the printer uses to print it bold and double height;
`Receipt.to_text()` joins them for a plain-text view or a raw text printer.
Labels follow the site's language (Spanish, Portuguese), English otherwise.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple, Protocol

from qrcashier.domain.card import CardInfo
from qrcashier.domain.money import Site, quantize
from qrcashier.domain.sale import Sale
from qrcashier.domain.vat import TaxLine, breakdown, rate_text
from qrcashier.domain.zones import site_zone

RECEIPT_WIDTH = 42  # characters per line on an 80 mm thermal printer (font A)


# --- money -------------------------------------------------------------------------------


def _number(value: Decimal, site: Site) -> str:
    text = f"{value:,.{site.decimals}f}"  # "1,234.50": Python's grouping, then swap to the site's
    return text.translate({ord(","): site.grouping, ord("."): site.decimal_mark})


def format_money(amount: Decimal | int, site: Site) -> str:
    """Money as the site's cashiers and customers write it.

    The amount is rounded to the site's unit first (CLP and COP have no decimals).
    Negative amounts (refunds) put the sign before the symbol: "-$ 500,00".
    """
    if isinstance(amount, float) or isinstance(amount, bool):
        raise TypeError("format_money takes a Decimal or an int, not a float")
    q = quantize(Decimal(amount), site)
    sign = "-" if q < 0 else ""
    return f"{sign}{site.symbol}{site.symbol_gap}{_number(abs(q), site)}"


def format_quantity(quantity: Decimal | int, site: Site) -> str:
    """A quantity without trailing zeros, with the site's decimal separator: 2, 0,35 (kg)."""
    q = Decimal(quantity)
    if q == q.to_integral_value():
        return str(int(q))
    text = format(q.normalize(), "f")
    return text.replace(".", site.decimal_mark)


# --- language ----------------------------------------------------------------------------

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "discount": "Discount", "subtotal": "Subtotal", "vat": "VAT", "vat_contained": "VAT included", "net_of": "Net",
        "copy": "COPY",
        "sale": "Sale #",
        "register": "Register",
        "date": "Date",
        "operator": "Cashier",
        "total": "TOTAL",
        "paid_with": "Paid with Mercado Pago",
        "payment": "Payment",
        "order": "Order",
        "refunds": "REFUNDS",
        "refund": "Refund",
        "net": "NET TOTAL",
        "non_fiscal": "Not a tax invoice",
        "thanks": "Thank you!",
        "tender_cash": "Cash",
        "tender_qr": "Mercado Pago QR",
        "received": "Received",
        "change": "CHANGE",
    },
    "es": {
        "discount": "Descuento", "subtotal": "Subtotal", "vat": "IVA", "vat_contained": "IVA contenido",
        "net_of": "Neto",
        "copy": "COPIA",
        "sale": "Venta N°",
        "register": "Caja",
        "date": "Fecha",
        "operator": "Cajero",
        "total": "TOTAL",
        "paid_with": "Pagado con Mercado Pago",
        "payment": "Pago",
        "order": "Orden",
        "refunds": "DEVOLUCIONES",
        "refund": "Devolución",
        "net": "TOTAL NETO",
        "non_fiscal": "Comprobante no válido como factura",
        "thanks": "¡Gracias por su compra!",
        "tender_cash": "Efectivo",
        "tender_qr": "QR Mercado Pago",
        "received": "Recibido",
        "change": "VUELTO",
    },
    "pt": {
        "discount": "Desconto", "subtotal": "Subtotal", "vat": "Imposto", "vat_contained": "Tributos aprox.",
        "net_of": "Líquido",
        "copy": "CÓPIA",
        "sale": "Venda nº",
        "register": "Caixa",
        "date": "Data",
        "operator": "Operador",
        "total": "TOTAL",
        "paid_with": "Pago com Mercado Pago",
        "payment": "Pagamento",
        "order": "Pedido",
        "refunds": "ESTORNOS",
        "refund": "Estorno",
        "net": "TOTAL LÍQUIDO",
        "non_fiscal": "Não é documento fiscal",
        "thanks": "Obrigado pela preferência!",
        "tender_cash": "Dinheiro",
        "tender_qr": "QR Mercado Pago",
        "received": "Recebido",
        "change": "TROCO",
    },
}


def language_for(site: Site) -> str:
    """"es", "pt" or "en": the language a site's receipts and customer screen use."""
    lang = site.locale.split("_", 1)[0]
    return lang if lang in _LABELS else "en"


def copy_banner_word(language: str) -> str:
    return _LABELS.get(language, _LABELS["en"])["copy"]


# --- the receipt -------------------------------------------------------------------------


def _decimal(value: object, what: str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    raise TypeError(f"{what} must be a Decimal (or an int), got {type(value).__name__}")


@dataclass(frozen=True)
class ReceiptLine:
    description: str
    quantity: Decimal
    unit_price: Decimal
    line_total: Decimal  # what the line costs, after its discount
    discount: Decimal = Decimal(0)  # printed as its own row under the line
    discount_reason: str = ""

    def __post_init__(self) -> None:
        for name in ("quantity", "unit_price", "line_total", "discount"):
            object.__setattr__(self, name, _decimal(getattr(self, name), name))


@dataclass(frozen=True)
class ReceiptRefund:
    amount: Decimal  # positive: the amount given back
    payment_id: str = ""
    refunded_at: datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", _decimal(self.amount, "refund amount"))


@dataclass(frozen=True)
class ReceiptTender:
    """One tender line: its kind ("cash", "qr", ...), the part it settles, and for cash what was
    handed over and the change."""

    kind: str
    amount: Decimal
    received: Decimal | None = None
    change: Decimal | None = None
    card: CardInfo | None = None  # a point or card tender's card (card_rows below)


def receipt_number(pos_number: int, sequence: int) -> str:
    """The printed receipt number, PPPPP-NNNNNNNN (the point of sale and its sequence), as Argentine tickets."""
    return f"{pos_number:05d}-{sequence:08d}"


class ReceiptRow(NamedTuple):
    text: str  # exactly `width` characters or fewer; never more
    emphasis: bool = False  # print bold / double height (the total, the store name)


@dataclass(frozen=True)
class Receipt:
    """Everything a receipt prints, as plain values. Build one per print; `as_copy()` for a reprint."""

    store_name: str
    register_name: str
    sale_number: str | int
    lines: Sequence[ReceiptLine]
    total: Decimal
    site: Site
    paid_at: datetime  # aware; printed in its own time zone
    store_address: str = ""
    operator: str = ""
    payment_ids: Sequence[str] = ()
    merchant_order_id: str | None = None
    copy: bool = False
    refunds: Sequence[ReceiptRefund] = ()
    language: str | None = None  # "es", "pt" or "en"; None: the site's language
    footer: str | None = None  # replaces the thank-you line when given
    tenders: Sequence[ReceiptTender] = ()  # none: a QR sale of before the till, paid in full
    taxes: Sequence[TaxLine] = ()  # net and VAT contained by rate (domain.vat); none: not shown
    legend: str = ""  # e.g. Argentina's "Régimen de Transparencia Fiscal al Consumidor Ley 27.743"
    title: str = ""  # a slip's own title, printed large on top (a return: domain.return_receipt)
    reference: str = ""  # what the slip refers to, under the date (a return: the original sale)
    invoice: ReceiptInvoice | None = None  # Argentina's electronic invoice (issue 21): see invoice_rows

    def __post_init__(self) -> None:
        if self.paid_at.tzinfo is None or self.paid_at.utcoffset() is None:
            raise ValueError("Receipt.paid_at must be an aware datetime")
        object.__setattr__(self, "total", _decimal(self.total, "total"))
        object.__setattr__(self, "lines", tuple(self.lines))
        object.__setattr__(self, "refunds", tuple(self.refunds))
        object.__setattr__(self, "tenders", tuple(self.tenders))
        object.__setattr__(self, "taxes", tuple(self.taxes))
        object.__setattr__(self, "payment_ids", tuple(str(p) for p in self.payment_ids))
        if self.language is not None and self.language not in _LABELS:
            raise ValueError(f"no receipt labels for language {self.language!r}")

    # -- derived values --

    @property
    def lang(self) -> str:
        return self.language or language_for(self.site)

    @property
    def refunded(self) -> Decimal:
        return sum((r.amount for r in self.refunds), Decimal(0))

    @property
    def net_total(self) -> Decimal:
        return self.total - self.refunded

    def as_copy(self) -> Receipt:
        return replace(self, copy=True)

    def money(self, amount: Decimal) -> str:
        return format_money(amount, self.site)

    # -- rendering --

    def rows(self, width: int = RECEIPT_WIDTH) -> list[ReceiptRow]:
        """The receipt as printer rows of at most `width` characters."""
        if width < 24:
            raise ValueError("a receipt needs at least 24 columns")
        t = _LABELS[self.lang]
        out: list[ReceiptRow] = []
        add = out.append
        rule = ReceiptRow("-" * width)

        def pair(left: str, right: str, emphasis: bool = False) -> None:
            for row in _pair(left, right, width):
                add(ReceiptRow(row, emphasis))

        banner = _banner(t["copy"], width) if self.copy else None
        if banner:
            add(ReceiptRow(banner, True))
            add(ReceiptRow(""))
        for piece in _wrap(self.store_name, width):
            add(ReceiptRow(piece.center(width).rstrip(), True))
        for piece in _wrap(self.store_address, width):
            add(ReceiptRow(piece.center(width).rstrip()))
        if self.invoice is not None:
            out.extend(invoice_header_rows(self.invoice, width))
        add(rule)
        for piece in _wrap(self.title, width):
            add(ReceiptRow(piece.center(width).rstrip(), True))
        pair(f"{t['register']}: {self.register_name}", f"{t['sale']} {self.sale_number}")
        pair(f"{t['date']}: {_when(self.paid_at, self.lang)}", "")
        if self.reference:
            pair(self.reference, "")
        if self.operator:
            pair(f"{t['operator']}: {self.operator}", "")
        add(rule)
        for line in self.lines:
            self._item_rows(line, width, add)
        add(rule)
        discounted = sum((line.discount for line in self.lines), Decimal(0))
        if discounted:
            pair(t["subtotal"], self.money(self.total + discounted))
            pair(t["discount"], self.money(-discounted))
        pair(t["total"], self.money(self.total), emphasis=True)
        add(ReceiptRow("=" * width))
        for tax in self.taxes:
            if tax.tax:
                pair(f"{t['vat_contained']} {rate_text(tax.rate).replace('.', self.site.decimal_mark)} %",
                     self.money(tax.tax))
        for piece in _wrap(self.legend, width):
            add(ReceiptRow(piece))
        if len(self.tenders) > 1 or any(tender.kind != "qr" for tender in self.tenders):
            for tender in self.tenders:
                pair(t.get(f"tender_{tender.kind}") or tender_label(tender.kind, self.lang), self.money(tender.amount))
                if tender.received is not None and tender.change is not None:
                    pair(f"  {t['received']}", self.money(tender.received))
                    pair(t["change"], self.money(tender.change), emphasis=True)
                for text in card_rows(tender.card, self.lang):
                    pair(f"  {text}", "")
        if self.payment_ids or self.merchant_order_id:
            add(ReceiptRow(t["paid_with"]))
            for pid in self.payment_ids:
                pair(f"{t['payment']}:", pid)
            if self.merchant_order_id:
                pair(f"{t['order']}:", str(self.merchant_order_id))
        if self.refunds:
            add(rule)
            add(ReceiptRow(t["refunds"], True))
            for refund in self.refunds:
                label = t["refund"]
                if refund.payment_id:
                    label += f" {refund.payment_id}"
                pair(label, self.money(-refund.amount))
                if refund.refunded_at is not None:
                    pair(f"  {_when(refund.refunded_at, self.lang)}", "")
            pair(t["net"], self.money(self.net_total), emphasis=True)
        if self.invoice is not None:
            out.extend(invoice_footer_rows(self.invoice, width))
        add(rule)
        for text in (t["non_fiscal"] if self.invoice is None else "",
                     self.footer if self.footer is not None else t["thanks"]):
            for piece in _wrap(text, width):
                add(ReceiptRow(piece.center(width).rstrip()))
        if banner:
            add(ReceiptRow(""))
            add(ReceiptRow(banner, True))
        return out

    def to_text(self, width: int = RECEIPT_WIDTH) -> str:
        """Plain text, one row per line, no trailing spaces, ending in a newline."""
        return "".join(row.text.rstrip() + "\n" for row in self.rows(width))

    def _item_rows(self, line: ReceiptLine, width: int, add) -> None:
        self._gross_rows(line, width, add)
        if line.discount:
            reason = f" ({line.discount_reason})" if line.discount_reason else ""
            label = f"  {_LABELS[self.lang]['discount']}{reason}"
            for row in _pair(label, self.money(-line.discount), width):
                add(ReceiptRow(row))

    def _gross_rows(self, line: ReceiptLine, width: int, add) -> None:
        total = self.money(line.line_total + line.discount)
        if line.quantity == 1:
            # "Description ............ $ 1.200,00", the description wrapped if long
            first_width = width - len(total) - 1
            pieces = _wrap(line.description, first_width) or [""]
            add(ReceiptRow(_justify(pieces[0], total, width)))
            for piece in _wrap(" ".join(pieces[1:]), width - 2):
                add(ReceiptRow("  " + piece))
        else:
            for piece in _wrap(line.description, width) or [""]:
                add(ReceiptRow(piece))
            detail = f"  {format_quantity(line.quantity, self.site)} x {self.money(line.unit_price)}"
            for row in _pair(detail, total, width):
                add(ReceiptRow(row))


def _wrap(text: str, width: int) -> list[str]:
    text = " ".join(text.split())
    if not text:
        return []
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)


def _justify(left: str, right: str, width: int) -> str:
    return left + " " * (width - len(left) - len(right)) + right


def _pair(left: str, right: str, width: int) -> Iterable[str]:
    """Left text and a right-aligned value on one row, or the value on its own row if they don't fit."""
    if not right:
        return _wrap(left, width)
    if len(left) + 1 + len(right) <= width:
        return [_justify(left, right, width)]
    return [*_wrap(left, width), right[-width:].rjust(width)]


def _banner(word: str, width: int) -> str:
    inner = f" {word} "
    left = max(3, (width - len(inner)) // 2)
    right = max(3, width - len(inner) - left)
    return ("*" * left + inner + "*" * right)[:width]


def _when(moment: datetime, lang: str) -> str:
    if lang == "en":
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    return moment.strftime("%d/%m/%Y %H:%M:%S")


__all__ = [
    "RECEIPT_WIDTH",
    "Receipt",
    "ReceiptLine",
    "ReceiptRefund",
    "ReceiptRow",
    "ReceiptTender",
    "copy_banner_word",
    "format_money",
    "format_quantity",
    "language_for",
    "receipt_number",
    "ReceiptInvoice",
    "invoice_header_rows",
    "invoice_footer_rows",
]


# --- building a receipt from a sale --------------------------------------------------------


class IssuedReceipt(Protocol):
    """The journal's record of an issued receipt (checkout.journal), as far as the layout needs it."""

    kind: str  # "original" or "copy"
    issued_at: datetime
    operator: str


class PaymentLike(Protocol):
    """A payment of the attempt (checkout.journal), as far as the layout needs it."""

    status: str
    mp_payment_id: int
    merchant_order_id: int | None


LEY_27743 = "Régimen de Transparencia Fiscal al Consumidor Ley 27.743"


def consumer_vat_default(site: Site) -> bool:
    """Whether a ticket shows the VAT contained by default: Argentina (Ley 27.743, since April
    2025, a registered taxpayer's ticket to a final consumer) and the other sites with VAT rates;
    a store switches it off per store."""
    from qrcashier.domain.vat import rates

    return bool(rates(site))


@dataclass(frozen=True)
class StoreHeader:
    store_name: str
    register_name: str
    site: Site  # the store's site: how its money is written


def build_receipt(
    sale: Sale, issued: IssuedReceipt, payments: Iterable[PaymentLike], header: StoreHeader, *,
    tenders: Sequence[ReceiptTender] = (), number: str | None = None, paid_at: datetime | None = None,
    vat: bool | None = None, legend: str | None = None,
) -> Receipt:
    """The receipt layout of a paid sale: its lines, its tenders, the approved payments (all of them
    if none is approved yet) and, for a reprint, the COPY banner. `number` (PPPPP-NNNNNNNN) and
    `paid_at` are the original's, so a copy keeps both. `paid_at` is when Mercado Pago approved the
    payment (the engine's `receipt_for`); it prints in the site's time zone (`domain.zones`)."""
    site = header.site
    vat = consumer_vat_default(site) if vat is None else vat
    legend = (LEY_27743 if site.id == "MLA" and vat else "") if legend is None else legend
    payments = list(payments)
    approved = [p for p in payments if p.status == "approved"] or payments
    mo_ids = [p.merchant_order_id for p in approved if p.merchant_order_id is not None]
    return Receipt(
        store_name=header.store_name,
        register_name=header.register_name,
        sale_number=number or sale.code,
        lines=[
            ReceiptLine(line.title, Decimal(line.quantity), line.unit_price, line.total(site), line.discount,
                        line.discount_reason or "") for line in sale.lines
        ],
        taxes=breakdown(((line.vat_rate, line.total(site)) for line in sale.lines), site, enabled=vat)
        if vat else (),
        legend=legend,
        total=sale.total,
        site=site,
        paid_at=(paid_at or issued.issued_at).astimezone(site_zone(site)),  # the site's zone (14.3)
        operator=issued.operator,
        payment_ids=[str(p.mp_payment_id) for p in approved],
        merchant_order_id=str(mo_ids[0]) if mo_ids else None,
        copy=issued.kind == "copy",
        tenders=tenders,
    )


# --- the Argentine electronic invoice on the receipt (issue 21; built by fiscal.runtime) ------


@dataclass(frozen=True)
class ReceiptInvoice:
    """A Factura B or C as the ticket prints it. `number`, `cae`, `cae_due` and `qr_url` are None
    until ARCA authorized it (status "pending"): the ticket then says "CAE pendiente", and the
    reprint made once it is authorized carries them."""

    letter: str  # "B" (Responsable Inscripto) or "C" (Monotributo)
    issuer_cuit: str  # "20-11111111-2"
    issuer_condition: str  # "IVA Responsable Inscripto", "Responsable Monotributo"
    point_of_sale: int
    number: int | None = None
    cae: str | None = None
    cae_due: date | None = None
    qr_url: str | None = None  # the RG 4892 QR (printing.layout prints it as a QR symbol)
    status: str = "pending"  # "authorized" or "pending"
    document: str = "Factura"  # or "Nota de Crédito" (a refund's, issue 21)
    related: str = ""  # a credit note's invoice: "Factura B N° 00003-00000001"

    @property
    def authorized(self) -> bool:
        return self.status == "authorized" and bool(self.cae) and self.number is not None

    @property
    def title(self) -> str:
        """"Factura B N° 00003-00000001" (the number once ARCA gave it)."""
        if self.authorized:
            return f"{self.document} {self.letter} N° {receipt_number(self.point_of_sale, self.number or 0)}"
        return f"{self.document} {self.letter} N° {self.point_of_sale:05d}-(pendiente)"


def invoice_header_rows(invoice: ReceiptInvoice, width: int) -> list[ReceiptRow]:
    """Under the store's name: the document, the issuer's CUIT and IVA condition, the buyer."""
    rows = [ReceiptRow(piece, True) for piece in _wrap(invoice.title, width)]
    related = ("Comprobante asociado:", invoice.related) if invoice.related else ()
    for text in (f"CUIT {invoice.issuer_cuit}", invoice.issuer_condition, "A consumidor final", *related):
        rows.extend(ReceiptRow(piece) for piece in _wrap(text, width))
    return rows


def invoice_footer_rows(invoice: ReceiptInvoice, width: int) -> list[ReceiptRow]:
    """Before the closing rule: the CAE and its due date, or "CAE pendiente"."""
    if invoice.authorized and invoice.cae_due is not None:
        return [ReceiptRow(row) for row in (*_pair("CAE N°:", invoice.cae or "", width),
                                            *_pair("Vto. CAE:", invoice.cae_due.strftime("%d/%m/%Y"), width))]
    rows = [ReceiptRow("CAE pendiente", True)]
    what = "la nota de crédito" if invoice.related else "la factura"
    rows.extend(ReceiptRow(piece) for piece in _wrap(f"ARCA todavía no autorizó {what}: la copia que se "
                                                       "reimprima después lleva el CAE.", width))
    return rows
# --- card lines (issue 20): a Point or another terminal's card on the receipt ---------------------

_CARD_LABELS: dict[str, dict[str, str]] = {
    "en": {"tender_point": "Card (Mercado Pago Point)", "tender_card": "Card", "installments": "%d installments",
           "one_payment": "1 payment", "authorization": "Authorization"},
    "es": {"tender_point": "Tarjeta (Mercado Pago Point)", "tender_card": "Tarjeta", "installments": "%d cuotas",
           "one_payment": "1 pago", "authorization": "Autorización"},
    "pt": {"tender_point": "Cartão (Mercado Pago Point)", "tender_card": "Cartão", "installments": "%d parcelas",
           "one_payment": "À vista", "authorization": "Autorização"},
}
_BRANDS = {"master": "Mastercard", "visa": "Visa", "amex": "American Express", "maestro": "Maestro",
           "debvisa": "Visa Débito", "debmaster": "Mastercard Débito", "cabal": "Cabal", "naranja": "Naranja",
           "elo": "Elo", "hipercard": "Hipercard"}


def tender_label(kind: str, lang: str) -> str:
    """The receipt's name for a point or card tender (else the kind itself)."""
    return _CARD_LABELS.get(lang, _CARD_LABELS["en"]).get(f"tender_{kind}", kind)


def card_rows(card: CardInfo | None, lang: str) -> list[str]:
    """A card tender's lines: the brand and the last four digits, the installments, the
    authorization code (what is known; never more of the number than its last four)."""
    if card is None:
        return []
    t = _CARD_LABELS.get(lang, _CARD_LABELS["en"])
    out = []
    brand = _BRANDS.get((card.brand or "").lower(), (card.brand or "").upper())
    head = " ".join(x for x in (brand, f"**** {card.last_four}" if card.last_four else "") if x)
    if head:
        out.append(head)
    if card.installments:
        out.append(t["installments"] % card.installments if card.installments > 1 else t["one_payment"])
    if card.authorization:
        out.append(f"{t['authorization']}: {card.authorization}")
    return out

