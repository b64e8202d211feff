"""Binds the sale tools to the cashier's window; the window only creates `SaleToolsBinder(window)`.

Keys (in the window's command table; F8 is the till's Cash): F3 parks the cart (with an optional
note) and F10 gives the selected line or the whole cart a discount (above the limit, default 10 %,
the supervisor PIN is asked): both are buttons on the F-key bar, in key order. Shift+F3 lists the
parked sales (Enter resumes, "Discard…" asks the supervisor PIN), Shift+F9 returns lines of the
last paid sale (supervisor PIN): keys only.

Window attributes used: `model` (the CartModel: `cart`, `locked`, `replace`, `changed`, `rate_for`,
its reset signals),
`cart_view.current_row()`, `engine`, `site`, `supervisor.gate` (the PIN), `statusBar()`, and
`services.catalog` (a product's VAT rate, through `model.rate_for`), and
`last_paid_sale_id` if the window sets it (else the engine's last paid sale).
"""

from __future__ import annotations

import asyncio
import logging
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog, QInputDialog

from qrcashier.domain.discount import DEFAULT_APPROVAL_PERCENT, Discount, approval_needed
from qrcashier.ui.shell.commands import Command

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")

log = logging.getLogger("qrcashier.ui.saletools")
KEYS = {"park": "F3", "parked": "Shift+F3", "discount": "F10", "return": "Shift+F9"}


class SaleToolsBinder(QObject):
    def __init__(self, window, *, approval_percent: Decimal = DEFAULT_APPROVAL_PERCENT) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        self.window = window
        self.approval_percent = approval_percent
        self._tasks: set[asyncio.Future] = set()
        self.dialog: QDialog | None = None  # the open dialog (tests drive it)
        self.last_return = None  # the engine's ReturnResult of the last return, and its slip
        self.last_slip = None
        window.model.rate_for = self._rate_for  # a product's VAT rate from the catalog
        def run(slot):  # type: ignore[no-untyped-def]
            return lambda: self._spawn(slot())

        def has_lines() -> bool:
            return len(window.model.cart) > 0 and not window.model.locked

        window.commands.add_all([
            Command("park", (KEYS["park"],), run(self.park), translate("SaleToolsBinder", "Park"), bar=True,
                    after="search", enabled_when=has_lines),
            Command("discount", (KEYS["discount"],), run(self.discount), translate("SaleToolsBinder", "Discount"),
                    bar=True, after="sales", enabled_when=has_lines),
            Command("parked", (KEYS["parked"],), run(self.show_parked)),
            Command("return", (KEYS["return"],), run(self.return_lines)),
        ])

    def _rate_for(self, sku: str) -> Decimal | None:
        catalog = getattr(self.window.services, "catalog", None)
        product = catalog.by_code(sku) if catalog is not None else None
        return None if product is None else product.vat_rate

    # --- helpers ---------------------------------------------------------------------------------

    def _spawn(self, coro) -> None:  # type: ignore[no-untyped-def]
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Future) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self._say(str(task.exception()))

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    async def _exec(self, dialog: QDialog) -> bool:
        self.dialog = dialog
        loop = asyncio.get_event_loop()
        done: asyncio.Future[int] = loop.create_future()
        dialog.finished.connect(lambda r: done.done() or done.set_result(r))
        dialog.open()
        try:
            return await done == QDialog.DialogCode.Accepted
        finally:
            self.dialog = None

    async def _pin(self, action: str) -> str | None:
        supervisor = getattr(self.window, "supervisor", None)
        if supervisor is None:
            self._say(self.tr("The supervisor PIN is not available yet."))
            return None
        return await supervisor.gate.ask(self.window, action)

    # --- park and resume --------------------------------------------------------------------------

    async def park(self) -> None:
        model = self.window.model
        if model.locked:
            self._say(self.tr("A charge is live: the cart is locked to its order."))
            return
        if not len(model.cart):
            self._say(self.tr("The cart is empty: there is nothing to park."))
            return
        from qrcashier.ui.saletools.dialogs import NoteDialog  # after the first paint (issue 15)

        dialog = NoteDialog(self.window)
        if not await self._exec(dialog):
            return
        held = await self.window.engine.park(model.cart, dialog.note.text())
        model.replace(model.site)
        self._say(self.tr("Sale parked as #%1.").replace("%1", str(held.number)))

    async def show_parked(self) -> None:
        from qrcashier.ui.saletools.dialogs import ParkedListDialog

        engine = self.window.engine
        dialog = ParkedListDialog(await engine.parked(), self.window.site, self.window)
        if not await self._exec(dialog) or dialog.selected_id() is None:
            return
        parked_id = dialog.selected_id()
        if dialog.discard_requested:
            name = await self._pin(self.tr("discard a parked sale"))
            if not name:
                return
            reason, ok = QInputDialog.getText(self.window, self.tr("Discard"), self.tr("Reason"))
            if ok and reason.strip():
                await engine.discard_parked(parked_id, supervisor=name, reason=reason)
                self._say(self.tr("Parked sale discarded."))
            return
        if len(self.window.model.cart):
            self._say(self.tr("Park or finish the current cart before resuming another."))
            return
        cart = await engine.resume(parked_id)
        self.window.model.set_cart(cart)  # the engine's Cart as it is, not rebuilt from its lines
        self._say(self.tr("Sale resumed."))

    # --- discounts ----------------------------------------------------------------------------------

    async def discount(self) -> None:
        model = self.window.model
        if model.locked or not len(model.cart):
            self._say(self.tr("Add items to the cart before giving a discount."))
            return
        row = self.window.cart_view.current_row()
        row = row if row is not None and 0 <= row < len(model.cart) else None
        site = model.site
        title = None if row is None else model.cart.lines[row].title
        from qrcashier.ui.saletools.dialogs import DiscountDialog

        dialog = DiscountDialog(site, title, self.window)
        if not await self._exec(dialog):
            return
        whole = dialog.whole_cart.isChecked() or row is None
        discount = Discount.create(dialog.kind.currentData(), dialog.value.text(), dialog.reason.text(), site)
        cart = model.cart
        base = cart.total if whole else cart.lines[row].gross(site)  # type: ignore[index]
        if approval_needed(discount, base, self.approval_percent):
            name = await self._pin(self.tr("approve a discount above %1 %").replace("%1", str(self.approval_percent)))
            if not name:
                return
            discount = Discount.create(discount.kind, discount.value, discount.reason, site, approved_by=name)
        before = cart.total
        lines = cart.lines
        if whole:
            cart.set_cart_discount(discount)
        else:
            cart.set_line_discount(row, discount)  # type: ignore[arg-type]
        amount = before - cart.total
        model.beginResetModel()  # the same cart, its discount specs kept (a quantity change re-prices them)
        model.endResetModel()
        model.changed.emit()
        await self.window.engine.record_discount(
            discount, scope="cart" if whole else "line", amount=amount,
            line="" if whole else lines[row].title)  # type: ignore[index]

    # --- returns -------------------------------------------------------------------------------------

    async def return_lines(self) -> None:
        engine = self.window.engine
        sale_id = getattr(self.window, "last_paid_sale_id", None)
        if sale_id is None:
            sale_id = await engine.last_paid_sale_id()
        if sale_id is None:
            self._say(self.tr("There is no paid sale to return."))
            return
        from qrcashier.ui.saletools.dialogs import ReturnDialog
        from qrcashier.ui.saletools.return_slip import issue_return_slip

        sale = await engine.sale(sale_id)
        dialog = ReturnDialog(sale, await engine.returned_quantities(sale_id), self.window.site, self.window)
        if not await self._exec(dialog) or not dialog.quantities():
            return
        name = await self._pin(self.tr("return items of a paid sale"))
        if not name:
            return
        result = await engine.return_lines(sale_id, dialog.quantities(), supervisor=name,
                                           reason=dialog.reason.text())
        self.last_return = result
        self._say(result.message)
        if result.refund_state != "failed":  # a refused refund gave nothing back: no slip
            self.last_slip = await issue_return_slip(self.window, result, operator=name)
