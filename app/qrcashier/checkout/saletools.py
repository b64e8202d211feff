"""Sale tools on the engine: park and resume carts, audited discounts, returns by line (issue 17).

- `park(cart, note)` holds the cart in the journal (numbered per register) and is refused while
  a charge is live (the cart is locked to its order). `parked()` lists what is held,
  `resume(id)` gives the cart back (its discounts as given: a percent stays a percent), `discard_parked(id, ...)`
  drops one, audited. `close_shift` is refused while carts are parked: each must be resumed
  or discarded first (`parked_at_close()` lists them), and the Z counts the discarded ones.
- `record_discount(...)` writes a discount to the audit log with who approved it.
- `return_lines(sale_id, {line_no: quantity}, ...)` gives back exactly those lines' amount
  (`domain.returns`): a partial refund on the sale's Mercado Pago payment through the
  idempotent refund path, or cash from the open shift for a cash sale.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from qrcashier.checkout.engine_base import EngineBase
from qrcashier.checkout.errors import RegisterBusy
from qrcashier.checkout.journal import Audit, JournalDB
from qrcashier.checkout.journal import parked_store as ps
from qrcashier.checkout.journal.parked_store import ParkedCart, ParkRefused
from qrcashier.domain.cart import Cart, InvalidCart, clean_text
from qrcashier.domain.discount import Discount
from qrcashier.domain.returns import InvalidReturn, return_amount

MAX_NOTE = 60
LOCKED = "A charge is live: the cart is locked to its order until it is paid or cancelled."


@dataclass(frozen=True)
class LineReturn:
    line_no: int  # 1-based, as the receipt lists the lines
    title: str
    quantity: int
    amount: Decimal


@dataclass(frozen=True)
class ReturnResult:
    sale_id: int
    kind: str  # "qr" or "cash"
    lines: tuple[LineReturn, ...]
    amount: Decimal
    return_no: int
    refund_state: str  # the refund's state (qr), or "given" (cash)
    message: str


class SaleToolsJobs(EngineBase):
    """Parking, discounts' audit and returns by line, on top of the checkout and the till."""

    # --- park and resume ---------------------------------------------------------------------

    async def park(self, cart: Cart, note: str = "") -> ParkedCart:
        """Hold the cart (a number and an optional note); the caller then clears its cart."""
        if not len(cart):
            raise InvalidCart("the cart is empty: there is nothing to park")
        text = clean_text(note, "note", MAX_NOTE, required=False) or ""
        lines, total, specs = cart.lines, cart.total, ps.discount_specs(cart)  # percents stay percents
        async with self._register_lock:
            await self._refuse_while_live()
            shift = await self._db(lambda db: db.current_shift(self.config.register_id))
            parked = await self._db(lambda db: ps.park(
                db, self.config.register_id, lines, total, text, self._now(), actor=self.operator,
                shift_id=None if shift is None else shift.id, discounts=specs))
        return parked

    async def parked(self) -> list[ParkedCart]:
        return await self._db(lambda db: ps.parked_carts(db, self.config.register_id))

    async def resume(self, parked_id: int) -> Cart:
        """The parked cart back as the working cart it was (its discounts' specs kept); it leaves the list."""
        async with self._register_lock:
            await self._refuse_while_live()
            held = await self._db(lambda db: ps.parked_cart(db, parked_id))
            self._check_register(held)
            await self._db(lambda db: ps.end_parked(db, parked_id, "resumed", self._now(), actor=self.operator))
        return ps.resume_cart(self.config.site, held)  # its discounts as given (or, parked before, amounts)

    async def discard_parked(self, parked_id: int, *, supervisor: str, reason: str) -> ParkedCart:
        """Drop a parked cart: audited with who and why, counted in the shift's `parked_discarded`."""
        if not (supervisor or "").strip() or not (reason or "").strip():
            raise ParkRefused("Discarding a parked cart needs a supervisor and a reason.")
        held = await self._db(lambda db: ps.parked_cart(db, parked_id))
        self._check_register(held)
        shift = await self._db(lambda db: db.current_shift(self.config.register_id))
        return await self._db(lambda db: ps.end_parked(
            db, parked_id, "discarded", self._now(), actor=supervisor.strip(), reason=reason.strip(),
            shift_id=None if shift is None else shift.id))

    async def parked_at_close(self) -> list[ParkedCart]:
        """The carts still parked: each must be resumed or discarded before the shift closes."""
        return await self.parked()

    async def close_shift(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        held = await self.parked()
        if held:
            numbers = ", ".join(f"#{p.number}" for p in held)
            raise ParkRefused(
                f"{len(held)} parked cart(s) ({numbers}) must be resumed or discarded before the shift closes.")
        return await super().close_shift(*args, **kwargs)  # type: ignore[misc]

    async def _refuse_while_live(self) -> None:
        live = await self._db(lambda db: db.live_attempt(self.config.register_id))
        if live is not None:
            raise RegisterBusy(LOCKED, live.id)

    def _check_register(self, held: ParkedCart) -> None:
        if held.register_id != self.config.register_id:
            raise ParkRefused("This cart was parked on another register.")
        if held.state != "parked":
            raise ParkRefused(f"This cart was already {held.state}.")

    # --- discounts -----------------------------------------------------------------------------

    async def record_discount(self, discount: Discount, *, scope: str, amount: Decimal, line: str = "") -> None:
        """Audit one discount: what, how much, on what, and who approved it."""
        entry = Audit(discount.approved_by or self.operator or "cashier", "discount", discount.reason, {
            "scope": scope, "kind": str(discount.kind), "value": str(discount.value), "amount": str(amount),
            "line": line, "approved_by": discount.approved_by, "cashier": self.operator,
        })
        await self._db(lambda db: db.add_audit(entry, self._now()))

    # --- returns by line -------------------------------------------------------------------------

    async def last_paid_sale_id(self) -> int | None:
        """This register's last paid sale (where F9's return starts), or None."""
        found = await self._db(lambda db: db.sales(register_id=self.config.register_id, status="paid", limit=1))
        return found[0].id if found else None

    async def returned_quantities(self, sale_id: int) -> dict[int, int]:
        return await self._db(lambda db: _returned(db, sale_id))

    async def return_lines(
        self, sale_id: int, quantities: Mapping[int, int], *, supervisor: str, reason: str = "",
    ) -> ReturnResult:
        """Give back `quantities` ({line_no: units}) of a paid sale; see the module docstring."""
        if not (supervisor or "").strip():
            raise InvalidReturn("A return needs a supervisor.")
        lock = self._refund_locks.setdefault(-sale_id, asyncio.Lock())
        async with lock:
            plan = await self._db(lambda db: _plan(db, self, sale_id, quantities, supervisor.strip(), reason))
            kind, total, rows, number, payment_id = plan
            try:
                if kind == "qr":
                    record = await self.refund(payment_id, total, supervisor.strip(),  # type: ignore[attr-defined]
                                               reason or f"return {number} of sale {sale_id}")
                    state, message = str(record.state), record.message
                    if state == "failed":
                        await self._db(lambda db: _forget(db, rows))
                    else:
                        await self._db(lambda db: _link(db, rows, "refund_id", record.id))
                else:
                    movement = await self.refund_cash(  # type: ignore[attr-defined]
                        sale_id, total, supervisor=supervisor.strip(), reason=reason or f"return {number}")
                    await self._db(lambda db: _link(db, rows, "movement_id", movement.id))
                    state, message = "given", f"Give back {total} in cash."
            except BaseException:
                await self._db(lambda db: _forget(db, rows))
                raise
        lines = tuple(LineReturn(n, t, q, a) for n, t, q, a in plan_lines(rows))
        return ReturnResult(sale_id, kind, lines, total, number, state, message)


def plan_lines(rows: list[tuple[int, int, str, int, Decimal]]) -> list[tuple[int, str, int, Decimal]]:
    return [(line_no, title, qty, amount) for _, line_no, title, qty, amount in rows]


def _returned(db: JournalDB, sale_id: int) -> dict[int, int]:
    rows = db.query("SELECT line_no, SUM(quantity) AS q FROM line_returns WHERE sale_id = ? GROUP BY line_no",
                    (sale_id,))
    return {r["line_no"]: r["q"] for r in rows}


def _plan(db: JournalDB, engine: SaleToolsJobs, sale_id: int, quantities: Mapping[int, int], supervisor: str,
          reason: str):  # type: ignore[no-untyped-def]
    """Check the return and write its lines, in one transaction (refund ids come after)."""
    from qrcashier.checkout.journal.codec import money_text, to_ts

    site = engine.config.site
    sale = db.sale(sale_id)
    if sale.register_id != engine.config.register_id:
        raise InvalidReturn("This sale belongs to another register.")
    if sale.status != "paid":
        raise InvalidReturn("Only a paid sale can be returned.")
    wanted = {int(k): v for k, v in quantities.items() if v}
    if not wanted:
        raise InvalidReturn("Pick at least one line and a quantity to return.")
    done = _returned(db, sale_id)
    plan: list[tuple[int, str, int, Decimal]] = []
    for line_no, qty in sorted(wanted.items()):
        if not 1 <= line_no <= len(sale.lines):
            raise InvalidReturn(f"The sale has no line {line_no}.")
        line = sale.lines[line_no - 1]
        plan.append((line_no, line.title, qty, return_amount(line, done.get(line_no, 0), qty, site)))
    total = sum((p[3] for p in plan), Decimal(0))
    payments = [p for p in db.payments(sale_id=sale_id) if p.status == "approved"]
    kind, payment_id = "cash", None
    if payments:
        payment = max(payments, key=lambda p: db.refundable(p.mp_payment_id))
        if db.refundable(payment.mp_payment_id) >= total:
            kind, payment_id = "qr", payment.mp_payment_id
    if total <= 0:
        raise InvalidReturn("These lines cost nothing: there is nothing to give back.")
    if kind == "cash" and not any(t.kind == "cash" for t in db.tenders(sale_id)):
        raise InvalidReturn("This sale's payment is already refunded in full.")
    now = engine._now()

    def work(c):  # type: ignore[no-untyped-def]
        number = c.execute("SELECT COALESCE(MAX(return_no), 0) + 1 FROM line_returns").fetchone()[0]
        rows = []
        for line_no, title, qty, amount in plan:
            cur = c.execute(
                "INSERT INTO line_returns (sale_id, line_no, quantity, amount, kind, return_no, at, supervisor, reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sale_id, line_no, qty, money_text(amount), kind, number, to_ts(now), supervisor, reason))
            rows.append((cur.lastrowid, line_no, title, qty, amount))
        return number, rows

    number, rows = db.transaction(work)
    return kind, total, rows, number, payment_id


def _link(db: JournalDB, rows, column: str, value: int) -> None:  # type: ignore[no-untyped-def]
    ids = [r[0] for r in rows]
    db.transaction(lambda c: [c.execute(f"UPDATE line_returns SET {column} = ? WHERE id = ?", (value, i))
                              for i in ids])


def _forget(db: JournalDB, rows) -> None:  # type: ignore[no-untyped-def]
    ids = [r[0] for r in rows]
    db.transaction(lambda c: [c.execute("DELETE FROM line_returns WHERE id = ?", (i,)) for i in ids])
