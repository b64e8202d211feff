"""`qrcashier --self-test --scenario day`: a whole till day, offscreen, through the real window
against the embedded sandbox: open a shift with a float, a QR sale, a cash sale with change, a
split sale (cash + QR), a cash out, an X report, a close with a count a little short, and the Z
report written as PDF (`qrcashier.reports.pdf.render_pdf`). With the sale tools (issue 17) it also
parks a cart and resumes it, gives a line a discount, and sells two products of different VAT
rates (21 % and 10.5 %), and the Z shows them. With the card terminal (issue 20) a card sale is paid
on the sandbox's Point terminal (the embedded sandbox's virtual one, or --point-terminal) and the
X and Z show its `point` tender. One line, exit 0 (pass) or 1.
With --store DSN (issue 19) it then waits (bounded, STORE_WAIT_SECONDS) until every sale, tender,
movement and the closed shift of the day have reached the store database, and fails naming what
still waits and why.
With --data-dir the journal stays for `qrcashier-admin report`.
With `--fiscal ar` (issue 21) the day also runs against the embedded ARCA simulator, and it
passes only once every sale of the day has an authorized invoice (a CAE) and the Z lists them.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from qrcashier.ui.shell.deadline import Deadline, StepFailed

DEADLINE_SECONDS = 45.0
WAIT_SECONDS = 10.0  # each wait of the day, within what is left of the deadline
DEMO_BARCODE = "7790895000102"  # Coca-Cola Original 2,25 L in the demo catalog
FLOUR_BARCODE = "7790060002306"  # Harina Pureza 000 1 kg: IVA 10.5 % in the demo catalog
SHORT_BY = Decimal("10")  # the count at the close is this much short
STORE_WAIT_SECONDS = 30.0  # with --store: how long the day's rows may take to reach the store database


class DayFailed(StepFailed):
    """A check of the day failed (explicit, so `python -O` cannot skip it)."""


def _check(condition: object, failure: str) -> None:
    if not condition:
        raise DayFailed(failure)


def day_seconds(args: Any = None) -> float:
    """The day's deadline: longer with --store, for the day's rows to reach the store database."""
    return DEADLINE_SECONDS + (STORE_WAIT_SECONDS if getattr(args, "store", None) else 0)


async def a_day(data_dir: Path, args: Any = None, deadline: Deadline | None = None) -> str:
    """The whole day through the real window. Every wait gets what is left of `deadline` (the day's)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from qrcashier.checkout.config import PollPolicy
    from qrcashier.checkout.till_config import TillConfig
    from qrcashier.domain.money import site
    from qrcashier.fiscal.config import fiscal_from_args
    from qrcashier.services import Options, Services
    from qrcashier.ui.shell.main_window import MainWindow

    options = Options(data_dir=data_dir, sandbox=True, poll=PollPolicy(interval=0.25, tick=0.5))
    options.till = TillConfig.for_site(site(options.site_id))
    if args is not None:  # --sandbox-url URL --register NAME: a standalone sandbox, this register's POS
        options.use_registers(args)
        options.use_store(args)  # --store DSN: the day must also reach the store database
        options.use_point_terminal(args)  # --point-terminal ID|none (issue 20)
        options.fiscal = fiscal_from_args(args, options)  # --fiscal ar: the embedded ARCA simulator (issue 21)
    services = Services(options)
    deadline = deadline or Deadline(day_seconds(args), error=DayFailed)
    wait = partial(deadline.wait, timeout=WAIT_SECONDS)
    window = None
    try:
        deadline.step = "starting the window"
        services.open_local()
        window = MainWindow(services, on_quit=lambda: None)
        window.show_all()
        await window.start()
        engine, till = window.engine, window.till
        pos = services.options.pos_external_id

        def dialog(kind: str) -> Any:
            return till.dialog if type(till.dialog).__name__ == kind and till.dialog.isVisible() else None

        def scan(code: str = DEMO_BARCODE) -> None:
            QTest.keyClicks(window.item_field, code)
            QTest.keyClick(window.item_field, Qt.Key.Key_Return)

        async def paid_by_customer() -> None:
            await wait(lambda: window.panel_state() == "waiting", "the order on the QR")
            await services.sandbox_control("POST", f"/sandbox/pos/{pos}/scan")
            await services.sandbox_control("POST", f"/sandbox/pos/{pos}/pay", {"status": "approved"})
            await wait(lambda: window.panel_state() == "paid", "the QR payment")

        till.open_shift()
        opening = await wait(lambda: dialog("OpenShiftDialog"), "the open-shift dialog")
        opening.amount.setText("10000")
        opening.confirm()
        await wait(engine.current_shift, "the shift open")

        scan()
        await window.charge()
        await paid_by_customer()

        scan()
        till.cash()
        tender = await wait(lambda: dialog("TenderDialog"), "the tender dialog")
        tender.received.setText("5000")
        _check(tender.change.text(), "the tender dialog shows no change")
        tender.confirm()
        await wait(lambda: window.panel_state() == "paid", "the cash sale")

        await _sale_tools_part(window, scan, paid_by_customer, deadline)

        scan()
        till.split()
        splitting = await wait(lambda: dialog("SplitDialog"), "the split dialog")
        splitting.part.setText("1000")
        splitting.received.setText("2000")
        splitting.confirm()
        await paid_by_customer()

        card = await _point_part(window, services, scan, deadline)

        till.move("out")
        moving = await wait(lambda: dialog("CashMoveDialog"), "the cash-out dialog")
        moving.amount.setText("500")
        moving.reason.setText("supplier")
        moving.confirm()

        async def moved() -> bool:
            shift = await engine.current_shift()
            return bool(await engine.journal.run(lambda db: db.movements(shift.id)))

        await wait(moved, "the cash out")
        x = await till.report(None)
        _close_reports(window)
        sales = 5 if card else 4
        _check(x is not None and x["shift"]["kind"] == "X" and len(x["sales"]) == sales, f"the X report: {x}")
        _check(not card or x["tenders"].get("point", {}).get("count") == 1, f"the X's Point tender: {x['tenders']}")

        invoiced = await _every_sale_invoiced(services, x, deadline) if services.fiscal_wanted else ""
        expected = await engine.expected_cash()
        till.close_shift()
        closing = await wait(lambda: dialog("CloseShiftDialog"), "the close dialog")
        closing.count.setText(str(expected - SHORT_BY))
        closing.confirm()
        await wait(lambda: _closed(engine), "the close")
        z = await till.report(1)
        _close_reports(window)
        _check(z is not None and z["shift"]["kind"] == "Z", f"the Z report: {z}")
        s = z["shift"]
        _check(Decimal(s["difference"]) == -SHORT_BY, f"the difference is {s['difference']}")
        tenders = z["tenders"]
        _check(tenders["cash"]["count"] == 2 and tenders["qr"]["count"] == 3, f"the tenders: {tenders}")
        if card:  # the Point sale: its own tender, not cash (the drawer's expected cash leaves it out)
            point_tender = tenders.get("point") or {}
            _check(point_tender.get("count") == 1 and Decimal(point_tender["total"]) == card,
                   f"the Z's Point tender: {tenders}")
            point_sale = [sale for sale in z["sales"] if [t["kind"] for t in sale["tenders"]] == ["point"]]
            _check(len(point_sale) == 1, f"the Point sale in the Z: {z['sales']}")
        for sale in z["sales"]:
            _check(sum(Decimal(t["amount"]) for t in sale["tenders"]) == Decimal(sale["total"]), f"sale {sale}")

        rates = {t["rate"] for t in s["taxes"]}
        _check({"21", "10.5"} <= rates, f"the Z's taxes by rate: {s['taxes']}")
        _check(any(Decimal(sale["discount"]) > 0 for sale in z["sales"]), "no discount in the Z")
        from qrcashier.reports.model import parse_report
        from qrcashier.reports.pdf import render_pdf

        pdf = render_pdf(parse_report(z))  # parsing also checks the dict against the report's contract
        _check(pdf.startswith(b"%PDF"), "the Z report is not a PDF")
        path = data_dir / f"z-report-{s['register']}-{s['number']}.pdf"
        await asyncio.to_thread(path.write_bytes, pdf)
        point = (f"Point card on terminal {services.point.terminal_id.rpartition('__')[2]}" if card
                 else "no card terminal")
        if services.fiscal_wanted:  # the Z lists them: one Factura B per sale, numbered from 1, nothing pending
            docs = (z.get("invoices") or {}).get("documents", [])
            count = len(z["sales"])
            _check([(d["letter"], d["count"], d["first"], d["last"]) for d in docs] == [("B", count, 1, count)]
                   and z["invoices"]["pending"] == [], f"the Z's invoices: {z.get('invoices')}")
        stored = await _in_store(services, len(z["sales"]), deadline) if services.options.store_dsn else ""
        return (f"day: shift {s['number']}, {len(z['sales'])} sales (QR, cash, parked+resumed with a discount and "
                f"two VAT rates, split, {point}), cash out, X and Z, "
                f"difference {s['difference']}, Z PDF {len(pdf)} bytes{invoiced}{stored}")
    except Exception as exc:
        deadline.note(exc)  # what failed, even if closing then runs past the deadline
        raise
    finally:
        deadline.step = "closing the window"
        if window is not None:
            await window.shutdown()
        await services.close()


async def _sale_tools_part(window: Any, scan: Any, paid_by_customer: Any, deadline: Deadline) -> None:
    """Park a cart with a note, resume it, give its flour line 10 %, and charge it by QR."""
    tools, engine = window.saletools, window.engine
    wait = partial(deadline.wait, timeout=WAIT_SECONDS)
    scan()
    scan(FLOUR_BARCODE)
    await wait(lambda: len(window.model.cart) == 2, "two lines in the cart")
    rates = {line.vat_rate for line in window.model.cart.lines}
    _check(rates == {Decimal("21"), Decimal("10.5")}, f"the cart's VAT rates are {rates}")
    asyncio.ensure_future(tools.park())
    note = await wait(lambda: tools.dialog, "the park dialog")
    note.note.setText("vuelve con la billetera")
    note.accept()
    await wait(lambda: len(window.model.cart) == 0, "the cart parked")
    held = await engine.parked()
    _check(len(held) == 1, f"parked: {held}")
    asyncio.ensure_future(tools.show_parked())
    listing = await wait(lambda: tools.dialog, "the parked list")
    listing.accept()
    await wait(lambda: len(window.model.cart) == 2, "the cart resumed")
    window.cart_view.select_row(1)
    asyncio.ensure_future(tools.discount())
    giving = await wait(lambda: tools.dialog, "the discount dialog")
    giving.value.setText("10")
    giving.reason.setText("bolsa rota")
    giving.accept()
    await wait(lambda: window.model.cart.lines[1].discount > 0, "the line discount")
    await window.charge()
    await paid_by_customer()


def _close_reports(window: Any) -> None:
    """The cashier reads the report boxes (the close shows its Z too) and closes them: left open,
    the next window in the same process finds a stray modal box."""
    from PySide6.QtWidgets import QMessageBox

    for box in window.findChildren(QMessageBox):
        if box.isVisible():
            box.close()


async def _in_store(services: Any, sales: int, deadline: Deadline) -> str:
    """Bounded wait until the sender has sent every outbox row written so far (the Z's shift too)."""
    deadline.step = "the day reaching the store database"
    if await services.wait_store_sent(deadline.budget(STORE_WAIT_SECONDS)):
        return f", all {sales} sales in the store database {services.store_link.shown}"
    status = services.store_status()
    waiting = status.sales_waiting if status is not None else "?"
    reason = status.error if status is not None and status.error else "the store sender did not send them"
    raise DayFailed(f"the day did not reach the store database within {STORE_WAIT_SECONDS:.0f} s "
                    f"({waiting} sales waiting): {reason}")


async def _point_part(window: Any, services: Any, scan: Any, deadline: Deadline) -> Decimal | None:
    """A card sale on the register's Point terminal (issue 20): F11's card dialog sends the cart to
    the sandbox's virtual terminal, the customer approves there, the sale is paid with the card on
    its receipt. Its amount; None when the register has no card terminal
    (a standalone sandbox without --point-terminal)."""
    if services.point is None:
        return None
    cards = window.till.cards
    wait = partial(deadline.wait, timeout=WAIT_SECONDS)
    scan()
    await wait(lambda: window.model.rowCount() == 1, "the item for the card sale")
    cards.dialog = None
    cards.card()
    dialog = await wait(lambda: cards.dialog if cards.dialog is not None and cards.dialog.isVisible() else None,
                        "the card dialog")
    _check(dialog.point.isChecked(), "the card dialog does not offer the Point terminal first")
    dialog.confirm()
    await wait(lambda: cards.panel.isVisible() and window.panel_state() == "waiting", "the order on the terminal")
    terminal = services.point.terminal_id
    await services.sandbox_control("POST", f"/sandbox/point/terminals/{terminal}/approve",
                                   {"brand": "visa", "last_four": "4242", "installments": 1})
    await wait(lambda: window.panel_state() == "paid", "the card payment")
    await wait(lambda: window.last_receipt is not None and "**** 4242" in window.last_receipt.to_text(),
               "the receipt with the card")
    return Decimal(window.last_receipt.total)


async def _every_sale_invoiced(services: Any, z: dict, deadline: Deadline) -> str:
    """--fiscal ar: every paid sale of the report has its invoice authorized by the simulator (a
    14-digit CAE, consecutive numbers, each one the simulator's)."""
    fiscal = services.fiscal
    _check(fiscal is not None, f"ARCA invoices did not start: {services.fiscal_problem}")

    async def all_authorized() -> list:
        records = [r for r in await fiscal.invoices.all() if r.kind == "invoice"]
        done = len(records) == len(z["sales"]) and all(r.status == "authorized" for r in records)
        return records if done else []

    records = await deadline.wait(all_authorized, "every sale's CAE", WAIT_SECONDS)
    _check(all(r.cae and len(r.cae) == 14 and r.cae.isdigit() for r in records), f"the CAEs: {records}")
    numbers = sorted(r.number for r in records)
    _check(numbers == list(range(numbers[0], numbers[0] + len(numbers))), f"invoice numbers {numbers}")
    authorized = {(c.point_of_sale, c.doc_type, c.number) for c in fiscal.simulator.sim.books.all()} \
        if fiscal.simulator is not None else None
    _check(authorized is None or {(r.point_of_sale, r.doc_type, r.number) for r in records} <= authorized,
           "an invoice the simulator did not authorize")
    letter = fiscal.setup.letter
    return f", {len(records)} Facturas {letter} authorized ({numbers[0]}-{numbers[-1]})"


async def _closed(engine: Any) -> bool:
    return await engine.current_shift() is None


def run_day(args: Any) -> int:
    from qrcashier.ui.shell.selftest import run_offscreen

    deadline = Deadline(day_seconds(args), error=DayFailed)
    return run_offscreen(args, "self-test day", "qrcashier-day-", deadline,
                         lambda data_dir: a_day(data_dir, args, deadline))
