"""The till's jobs on the engine: shifts, cash movements, cash and split sales, the close.

A cash sale, and the cash remainder of a split sale whose QR part failed or expired, are one
journal transaction each (`complete_cash`), ending in the same `settle_sale` as a QR payment:
journal first, exactly once, one original receipt, then `ReceiptIssued`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from qrcashier.checkout.engine_base import NO_SHIFT, EngineBase
from qrcashier.checkout.errors import NotReady, RegisterBusy, TillRefused
from qrcashier.checkout.events import ReceiptIssued
from qrcashier.checkout.journal import JournalDB, MovementRecord, ReceiptRecord, ShiftRecord
from qrcashier.checkout.journal.records import paid_time
from qrcashier.checkout.shift_report import build_shift_report, find_shift
from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.card import card_entry, card_tender
from qrcashier.domain.cart import Cart, validate_lines
from qrcashier.domain.money import parse_amount
from qrcashier.domain.receipt import Receipt, ReceiptTender, StoreHeader, build_receipt, receipt_number
from qrcashier.domain.sale import Attempt, Sale
from qrcashier.domain.tender import cash_tender, split
from qrcashier.domain.till import count_total


class TillJobs(EngineBase):
    """open_shift, cash_in / cash_out, sell_cash, charge_split, settle_in_cash, close_shift."""

    @property
    def till_config(self) -> TillConfig:
        """The engine's till settings; without a till, the site's defaults (and no shift needed to charge by QR)."""
        return self.till or TillConfig.for_register(self.config.site)

    async def current_shift(self) -> ShiftRecord | None:
        return await self._db(lambda db: db.current_shift(self.config.register_id))

    async def open_shift(self, float_amount: Decimal | str, counts: Mapping[Decimal, int] | None = None) -> ShiftRecord:
        """Open the register's next shift with its float (or the total of `counts`, by denomination)."""
        site = self.config.site
        amount = count_total(counts, site) if counts is not None else parse_amount(float_amount, site, allow_zero=True)
        pos, store = self.till_config.pos_number, self.config.store_name
        return await self._db(lambda db: db.open_shift(
            self.config.register_id, amount, self._now(), actor=self.operator, counts=counts, pos_number=pos,
            store_name=store))

    async def move_cash(
        self, kind: str, amount: Decimal | str, reason: str, *, authorized_by: str | None = None
    ) -> MovementRecord:
        """Cash in ("in") or out ("out") with a reason; over the movement threshold, a supervisor."""
        value = parse_amount(amount, self.config.site)
        if value > self.till_config.movement_threshold and not authorized_by:
            raise TillRefused(f"Moving {value} needs a supervisor.")
        shift = await self._open_shift_or_refuse()
        return await self._db(lambda db: db.add_movement(
            shift.id, kind, value, reason, self._now(), actor=self.operator, authorized_by=authorized_by))

    async def refund_cash(self, sale_id: int, amount: Decimal | str, *, supervisor: str, reason: str) -> MovementRecord:
        """Give cash back for a paid sale (a supervisor and a reason): counted against the drawer."""
        value = parse_amount(amount, self.config.site)
        if not supervisor or not reason.strip():
            raise TillRefused("A cash refund needs a supervisor and a reason.")
        return await self._db(lambda db: db.refund_cash(sale_id, value, self._now(), supervisor=supervisor,
                                                        reason=reason))

    async def sell_cash(self, cart: Cart, received: Decimal | str) -> Attempt:
        """A cart paid entirely in cash. Refused (nothing written) when less than due is received."""
        lines, total = validate_lines(cart.lines, self.config.site)
        tender = cash_tender(total, received, self.config.site, ceiling=self.till_config.cash_ceiling)
        async with self._register_lock:
            await self._refuse_if_busy()
            new_sale = (self.config.register_id, self.config.site, lines, total)
            attempt, receipt = await self._db(lambda db: db.complete_cash(
                tender, self._now(), operator=self.operator, new_sale=new_sale))
        return self._cash_done(attempt, receipt)

    async def charge_split(self, cart: Cart, cash_part: Decimal | str, received: Decimal | str, *,
                           tender: str = "qr") -> Attempt:
        """`cash_part` of the cart in cash (`received` handed over), the rest by QR (or, with
        `tender="point"`, on the register's card terminal): the order published is the
        remainder. Returns the QR / Point attempt (see `charge`)."""
        if tender != "qr":
            self._gateway_for_tender(tender)  # type: ignore[attr-defined]  # refused before anything is written
        if not self._ready:  # refused before the sale and its cash part are written
            raise NotReady("QR Cashier is still checking earlier sales with Mercado Pago; try again in a moment.")
        sale = await self._sale_with_cash_part(cart, cash_part, received)
        return await self.charge(sale, tender=tender)  # type: ignore[attr-defined]

    async def _sale_with_cash_part(self, cart: Cart, cash_part: Decimal | str, received: Decimal | str) -> Sale:
        """The split sale written with its cash part taken (`received` handed over): the rest is
        due. A cash part covering it all is refused before anything is written."""
        site = self.config.site
        lines, total = validate_lines(cart.lines, site)
        split(total, parse_amount(cash_part, site), site)  # refuses a cash part covering it all
        cash = cash_tender(parse_amount(cash_part, site), received, site, ceiling=self.till_config.cash_ceiling)
        async with self._register_lock:
            await self._refuse_if_busy()
            await self._open_shift_or_refuse()
            sale: Sale = await self._db(lambda db: db.create_sale(self.config.register_id, site, lines, total,
                                                                  self._now()))
            await self._db(lambda db: db.add_cash_part(sale.id, cash, self._now()))
        return sale

    # --- the card tender: a card on another acquirer's terminal, typed by the cashier (issue 20) ---

    async def sell_card(self, cart: Cart, *, authorization: str | None = None,
                        last_four: str | None = None) -> Attempt:
        """A cart paid by card on another terminal: nothing is sent anywhere; the cashier types
        the approval code and the last four digits from its slip (both optional). One journal
        transaction, the same completion as cash; the drawer stays shut."""
        card = card_entry(authorization, last_four)  # refused before anything is written
        lines, total = validate_lines(cart.lines, self.config.site)
        tender = card_tender(total, None, self.config.site)
        async with self._register_lock:
            await self._refuse_if_busy()
            new_sale = (self.config.register_id, self.config.site, lines, total)
            attempt, receipt = await self._db(lambda db: db.complete_cash(
                tender, self._now(), operator=self.operator, new_sale=new_sale, card=card))
        return self._card_done(attempt, receipt)

    async def settle_by_card(self, sale_id: int, *, authorization: str | None = None,
                             last_four: str | None = None) -> Attempt:
        """What is left of an open sale (a split's cash part taken, or its QR / Point part
        failed), by card on another terminal."""
        card = card_entry(authorization, last_four)
        due = await self._db(lambda db: db.due(sale_id))
        tender = card_tender(due, None, self.config.site)
        async with self._register_lock:
            attempt, receipt = await self._db(lambda db: db.complete_cash(
                tender, self._now(), operator=self.operator, sale_id=sale_id, card=card))
        return self._card_done(attempt, receipt)

    async def split_card(self, cart: Cart, cash_part: Decimal | str, received: Decimal | str, *,
                         authorization: str | None = None, last_four: str | None = None) -> Attempt:
        """`cash_part` in cash, the rest by card on another terminal: the cash part is written
        first (as for cash and QR), then the card settles the remainder."""
        card_entry(authorization, last_four)  # a typo refused before the sale is written
        sale = await self._sale_with_cash_part(cart, cash_part, received)
        return await self.settle_by_card(sale.id, authorization=authorization, last_four=last_four)

    def _card_done(self, attempt: Attempt, receipt: ReceiptRecord) -> Attempt:
        self._changed(None, attempt, "Paid by card (other terminal).")
        self._emit(ReceiptIssued(receipt, "Print the receipt."))
        return attempt

    async def settle_in_cash(self, sale_id: int, received: Decimal | str) -> Attempt:
        """What is left of an open sale (its QR part failed, expired, or the network is down), in cash."""
        due = await self._db(lambda db: db.due(sale_id))
        tender = cash_tender(due, received, self.config.site, ceiling=self.till_config.cash_ceiling)
        async with self._register_lock:
            attempt, receipt = await self._db(lambda db: db.complete_cash(
                tender, self._now(), operator=self.operator, sale_id=sale_id))
        return self._cash_done(attempt, receipt)

    async def close_shift(
        self, counted: Decimal | str | None = None, *, counts: Mapping[Decimal, int] | None = None,
        authorized_by: str | None = None, reason: str = "",
    ) -> ShiftRecord:
        """Close the open shift with the drawer's count (a total or by denomination)."""
        site = self.config.site
        total = count_total(counts, site) if counts is not None else parse_amount(counted or "", site, allow_zero=True)
        shift = await self._open_shift_or_refuse()
        return await self._db(lambda db: db.close_shift(
            shift.id, total, self._now(), threshold=self.till_config.difference_threshold, actor=self.operator,
            counts=counts, authorized_by=authorized_by, reason=reason))

    async def expected_cash(self) -> Decimal:
        shift = await self._open_shift_or_refuse()
        return await self._db(lambda db: db.expected_cash(shift.id))

    async def due(self, sale_id: int) -> Decimal:
        """What is left to pay on an open sale after its cash parts."""
        return await self._db(lambda db: db.due(sale_id))

    async def shift_report(self, number: int | None = None, *, store: str = "") -> dict:
        """The X (open) or Z (closed) report of shift `number` (None: the last) as the admin JSON dict."""
        register, site, pos = self.config.register_id, self.config.site, self.till_config.pos_number

        def build(db: JournalDB) -> dict:
            return build_shift_report(db, find_shift(db, register, number), site, now=self._now(), store=store,
                                      pos_number=pos)

        return await self._db(build)

    async def receipt_for(self, issued: ReceiptRecord, header: StoreHeader) -> Receipt:
        """The receipt of an issued original or copy: its tenders, its number (PPPPP-NNNNNNNN) and
        the date of its payment as Mercado Pago approved it (a cash sale: when its original was
        issued), so a copy keeps both."""

        def read(db: JournalDB) -> tuple:
            original = db.receipts(attempt_id=issued.attempt_id, kind="original")
            tenders = db.tenders(issued.sale_id)
            # a split's parts: the payments of every attempt with a tender, and the receipt's own
            paying = {issued.attempt_id} | {t.attempt_id for t in tenders if t.attempt_id is not None}
            payments = [p for p in db.payments(sale_id=issued.sale_id) if p.attempt_id in paying]
            issued_at = original[0].issued_at if original else issued.issued_at
            return (db.sale(issued.sale_id), payments, tenders, db.receipt_number(issued.sale_id),
                    paid_time(payments, issued_at), db.tender_cards(issued.sale_id))  # Mercado Pago's date (14.3)

        sale, payments, tenders, sequence, paid_at, cards = await self._db(read)
        number = None if sequence is None else receipt_number(self.till_config.pos_number, sequence)
        lines = [ReceiptTender(t.kind, t.amount, t.received, t.change, cards.get(t.id)) for t in tenders]
        return build_receipt(sale, issued, payments, header, tenders=lines, number=number, paid_at=paid_at)

    async def find_receipt(self, text: str) -> int | None:
        """The sale with this receipt number ("00001-00000042", or just 42) on this register, or None."""
        pos, _, sequence = text.strip().rpartition("-")
        if not sequence.isdigit() or (pos and (not pos.isdigit() or int(pos) != self.till_config.pos_number)):
            return None
        return await self._db(lambda db: db.sale_by_receipt(self.config.register_id, int(sequence)))

    async def _open_shift_or_refuse(self) -> ShiftRecord:
        shift = await self.current_shift()
        if shift is None:
            raise TillRefused(NO_SHIFT)
        return shift

    async def _refuse_if_busy(self) -> None:
        live = await self._db(lambda db: db.live_attempt(self.config.register_id))
        if live is not None:
            raise RegisterBusy("Another sale's order is still on this register's QR: wait for it or cancel it.",
                               live.id)

    def _cash_done(self, attempt: Attempt, receipt: ReceiptRecord) -> Attempt:
        self._changed(None, attempt, "Paid in cash.")
        self._emit(ReceiptIssued(receipt, "Print the receipt."))
        return attempt

