"""The till in the main window: a Cash button (F8) beside Charge and a Till menu (open shift,
cash in, cash out, X report, close shift). The window attaches it in `_bind_features()` with
`TillBinder(window, window.side_layout)`; everything else is here (F8 is in `window.commands`).
Work goes through the engine, awaited on the loop (never blocking the
Qt thread); supervisor authorizations use the window's existing supervisor PIN gate.

Cash settles the cart; after a QR charge failed, expired or went offline it settles what is
left of that sale (a split sale's remainder), through the engine's one completion path.
"""

from __future__ import annotations

import asyncio
import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QMessageBox

from qrcashier.checkout.till_config import TillConfig
from qrcashier.ui.shell import theme
from qrcashier.ui.shell.commands import Command
from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.shell.tasks import shown_on_item_line, spawn_logged
from qrcashier.ui.till.dialogs import CashMoveDialog, CloseShiftDialog, OpenShiftDialog, SplitDialog, TenderDialog

log = logging.getLogger("qrcashier.ui.till")
translate = QCoreApplication.translate


class TillBinder(QObject):
    def __init__(self, window: Any, layout: QLayout) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: Any = None  # the open till dialog (tests drive it)
        self.cash_button = theme.big_button(self.tr("Cash"), "F8", role="primary")
        self.cash_button.setMinimumHeight(64)
        tenders = QHBoxLayout()  # Cash beside Card (ui/point)
        tenders.addWidget(self.cash_button)
        layout.addLayout(tenders)
        window.commands.add(Command("cash", ("F8",), self.cash, button=self.cash_button))
        menu = window.menuBar().addMenu(self.tr("&Till"))
        for text, slot in (
            (self.tr("Cash and QR or card…"), self.split),
            (self.tr("Open shift…"), self.open_shift),
            (self.tr("Cash in…"), lambda: self.move("in")),
            (self.tr("Cash out…"), lambda: self.move("out")),
            (self.tr("X report"), self.x_report),
            (self.tr("Close shift…"), self.close_shift),
        ):
            menu.addAction(text, slot)
        self._tasks: set[asyncio.Task] = set()
        # The card tenders (issue 20): the Card button (F11) under Cash and the Point panel, a
        # feature of its own (ui/point), attached with the till so the window needs no line for it.
        from qrcashier.ui.point.binder import PointBinder

        self.cards = window.attach(PointBinder(window, layout, tenders))

    # --- helpers ----------------------------------------------------------------------------

    @property
    def engine(self) -> Any:
        return self.window.engine

    @property
    def config(self) -> TillConfig:
        return self.engine.till_config

    def _spawn(self, coro) -> None:
        spawn_logged(self._tasks, coro, log, "a till action failed")

    def _show(self, dialog: Any) -> Any:
        self.dialog = dialog
        dialog.open()  # window-modal, no nested event loop
        return dialog

    async def _guard(self, coro, context: str) -> Any:
        return await shown_on_item_line(self.window, coro, context)

    async def _authorize(self, action: str) -> str | None:
        supervisor = self.window.supervisor
        if supervisor is None:
            self.window.item_error(self.tr("A supervisor must authorize this: set a supervisor PIN first."))
            return None
        return await supervisor.gate.ask(self.window, action)

    # --- cash -------------------------------------------------------------------------------

    def cash(self) -> None:
        """F8: cash for the cart, or for what is left of a sale whose QR part did not go through."""
        if self.engine is None or self.window.session.live:
            return
        self._spawn(self._cash())

    async def _cash(self) -> None:
        if await self.engine.current_shift() is None:
            self.window.item_error(self.tr("Open the shift first (Till menu): count the float."))
            self.open_shift()
            return
        sale_id = None if self.window.session.finished else self.window.sale_id
        if sale_id is not None:
            due = await self._guard(self.engine.due(sale_id), "cash")
        else:
            due = self.window.model.total if self.window.model.rowCount() else None
        if not due:
            self.window.item_error(self.tr("The cart is empty: scan or add an item first."))
            return
        dialog = self._show(TenderDialog(due, self.window.site, self.config, self.window))
        dialog.tendered.connect(lambda received: self._spawn(self._take(sale_id, received, dialog)))

    async def _take(self, sale_id: int | None, received: Decimal, dialog: TenderDialog) -> None:
        change = dialog.form.view.change_text
        if sale_id is None:
            attempt = await self._guard(self.engine.sell_cash(self.window.model.cart, received), "cash")
        else:
            attempt = await self._guard(self.engine.settle_in_cash(sale_id, received), "cash")
        if attempt is not None:
            self.window.paid_in_cash(attempt, change)

    def split(self) -> None:
        """Part of the cart in cash, the remainder published to the QR."""
        if self.engine is None or self.window.session.live or self.window.session.finished:
            return
        if self.window.sale_id is not None or not self.window.model.rowCount():
            self.window.item_error(self.tr("Split a new cart: this sale was already charged."))
            return
        point = getattr(self.window.services, "point", None)
        dialog = self._show(SplitDialog(self.window.model.total, self.window.site, self.config, self.window,
                                        terminal_id=getattr(point, "terminal_id", None)))
        dialog.chosen_to.connect(lambda *args: self._spawn(self._split(*args)))

    async def _split(self, part: Decimal, received: Decimal, method: str = "qr", auth: str = "",
                     last: str = "") -> None:
        """The cash part, then the rest: by QR, on the Point terminal, or by card on another terminal."""
        self.window.model.set_locked(True)
        cart = self.window.model.cart
        cards = self.cards
        if method == "card":
            attempt = await self._guard(self.engine.split_card(cart, part, received, authorization=auth or None,
                                                               last_four=last or None), "split")
        else:
            attempt = await self._guard(self.engine.charge_split(cart, part, received, tender=method), "split")
        if attempt is None:
            self.window.model.set_locked(False)
            return
        if method == "card":
            cards.paid_by_card(attempt)
        elif method == "point":
            cards.follow(attempt)
        else:
            self.window.follow_charge(attempt)

    # --- shift ------------------------------------------------------------------------------

    def open_shift(self) -> None:
        if self.engine is None:
            return
        dialog = self._show(OpenShiftDialog(self.window.site, self.window))
        dialog.opened.connect(lambda amount: self._spawn(self._open(amount, dialog.counts)))

    async def _open(self, amount: str, counts: dict | None = None) -> None:
        shift = await self._guard(self.engine.open_shift(amount, counts), "open shift")
        if shift is not None:
            self.window.item_note(fmt(self.tr("Shift %1 is open."), str(shift.number)))

    def move(self, kind: str) -> None:
        if self.engine is None:
            return
        dialog = self._show(CashMoveDialog(kind, self.window.site, self.config, self.window))
        dialog.moved.connect(lambda *args: self._spawn(self._move(*args)))

    async def _move(self, kind: str, amount: Decimal, reason: str, needs_supervisor: bool) -> None:
        name = None
        if needs_supervisor:
            name = await self._authorize(self.tr("move cash"))
            if not name:
                return
        moved = await self._guard(self.engine.move_cash(kind, amount, reason, authorized_by=name), "cash move")
        if moved is not None:
            self.window.item_note(self.tr("Cash movement recorded."))

    def close_shift(self) -> None:
        if self.engine is None:
            return
        self._spawn(self._close())

    async def _close(self) -> None:
        expected = await self._guard(self.engine.expected_cash(), "close shift")
        if expected is None:
            return
        dialog = self._show(CloseShiftDialog(expected, self.window.site, self.config, self.window))
        dialog.counted.connect(lambda *args: self._spawn(self._closed(*args, counts=dialog.counts)))

    async def _closed(self, counted: Decimal, reason: str, needs_supervisor: bool, counts: dict | None = None) -> None:
        name = None
        if needs_supervisor:
            name = await self._authorize(self.tr("accept the difference in the count"))
            if not name:
                return
        shift = await self._guard(
            self.engine.close_shift(counted, counts=counts, authorized_by=name, reason=reason), "close shift")
        if shift is not None:
            await self.report(shift.number)

    # --- reports ----------------------------------------------------------------------------

    def x_report(self) -> None:
        if self.engine is not None:
            self._spawn(self.report(None))

    async def report(self, number: int | None) -> dict | None:
        """Shift `number`'s report (None: the last; X while open, Z once closed), shown in a summary box."""
        window = self.window
        report = await self._guard(self.engine.shift_report(number, store=window.services.store_name), "report")
        if report is None:
            return None
        s, tenders = report["shift"], report["tenders"]
        text = fmt(self.tr("%1 report, shift %2: %3 sales; cash %4, QR %5; expected cash %6."), s["kind"],
                   str(s["number"]), str(len(report["sales"])), tenders["cash"]["total"], tenders["qr"]["total"],
                   s["expected_cash"])
        cards = [(tenders.get(kind) or {}).get("total") for kind in ("point", "card")]
        if any(total not in (None, "0", "0.00") for total in cards):  # the card tenders (issue 20)
            text += " " + fmt(self.tr("Cards: Point %1, other terminals %2."), cards[0] or "0", cards[1] or "0")
        if s["counted_cash"] is not None:
            text += " " + fmt(self.tr("Counted %1, difference %2."), s["counted_cash"], s["difference"])
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Till report"), text, parent=window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._show(box)
        return report

