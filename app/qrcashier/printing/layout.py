"""One receipt layout for every renderer: sections of blocks built from the domain's `Receipt`.

A layout is a tuple of blocks: `Row` (a line of at most `columns` characters, emphasised rows
print bold and double height) and `QrBlock` (a QR symbol). It is built by `SECTIONS`, each a
function `(receipt, options) -> blocks`, so a new part of the receipt (tenders, discounts, VAT
by rate) is one more section. Today the body is the domain's own rows (`Receipt.rows`), so the
screen, the paper and the PDF all say the same; the QR section follows when a payload is given.

`to_text(layout)` is the plain-text renderer (the ESC/POS one is `printing.escpos`, the painted
page `ui.printing.page`). Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from qrcashier.domain.receipt import Receipt


@dataclass(frozen=True)
class Row:
    text: str
    emphasis: bool = False  # bold and double height


@dataclass(frozen=True)
class QrBlock:
    payload: str  # the text the QR encodes (a payment id or a verification URL)


Block = Row | QrBlock


@dataclass(frozen=True)
class LayoutOptions:
    columns: int = 48
    qr_payload: str | None = None  # None: no QR on the receipt


@dataclass(frozen=True)
class ReceiptLayout:
    blocks: tuple[Block, ...]
    columns: int
    copy: bool = False  # a reprint: the rows carry the COPY banner
    cash: bool = False  # the sale has a cash tender: the drawer opens when it prints


Section = Callable[[Receipt, LayoutOptions], Iterable[Block]]


def body_section(receipt: Receipt, options: LayoutOptions) -> list[Block]:
    """Header, lines, total, payment ids, refunds, footer and the COPY banner: the domain's rows."""
    return [Row(row.text, row.emphasis) for row in receipt.rows(options.columns)]


def qr_section(receipt: Receipt, options: LayoutOptions) -> list[Block]:
    payload = options.qr_payload or (receipt.invoice.qr_url if receipt.invoice is not None else None)  # ARCA's QR
    return [QrBlock(payload)] if payload else []


SECTIONS: tuple[Section, ...] = (body_section, qr_section)


def has_cash_tender(receipt: Receipt) -> bool:
    """Whether the sale took cash: the drawer opens only then, never for a QR-only sale."""
    return any(t.kind == "cash" for t in receipt.tenders)


def receipt_layout(
    receipt: Receipt, columns: int = 48, *, qr_payload: str | None = None, sections: Sequence[Section] = SECTIONS
) -> ReceiptLayout:
    options = LayoutOptions(columns=columns, qr_payload=qr_payload)
    blocks = tuple(block for section in sections for block in section(receipt, options))
    return ReceiptLayout(blocks, columns, copy=receipt.copy, cash=has_cash_tender(receipt))


def text_layout(lines: Iterable[str], columns: int = 48, *, title: str = "") -> ReceiptLayout:
    """A layout of plain lines (the test page, a report), cut to the paper's width."""
    blocks: list[Block] = [Row(title.center(columns).rstrip()[:columns], True)] if title else []
    blocks += [Row(line[:columns]) for line in lines]
    return ReceiptLayout(tuple(blocks), columns)


def to_text(layout: ReceiptLayout) -> str:
    """Plain text, one row per line without trailing spaces; a QR shows as its payload."""
    out = []
    for block in layout.blocks:
        if isinstance(block, Row):
            out.append(block.text.rstrip())
        else:
            out.append(f"[QR] {block.payload}"[: layout.columns])
    return "".join(line + "\n" for line in out)
