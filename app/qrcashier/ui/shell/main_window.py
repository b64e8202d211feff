"""The cashier's main window: a thin composition of binders.

    header          ui/shell/header.py        store, SANDBOX, the connection, catalog buttons
    cart_binder     ui/sale/cart_binder.py    item field, messages, cart, total, edits
    charge_binder   ui/sale/charge_binder.py  Charge/Cancel, status panel, countdown, customer window
    receipts        ui/sale/receipt_binder.py issue, print, show, reprint
    commands        ui/shell/commands.py      every key and F-key button, in one table
    tasks           ui/shell/tasks.py         background tasks (kept, errors logged)
    dialogs         ui/shell/dialog_keeper.py open dialogs (focus back to the item field)
    features        `_bind_features()`        the till, the print queue, the supervisor menu...

Keyboard first: the item field keeps the focus; a barcode scanner lands there whatever has
focus (`scanner.ScannerCapture`). Shortcuts are printed on the big buttons:

    F2 search   F4 free item   F6 quantity   F7 price   Del remove line
    +/- quantity of the selected line   Esc clear cart (cancel the charge while one is live)
    F8 cash (till)   F9 sales of the day   F12 charge   Ctrl+Shift+D diagnostics

Nothing here waits on the network: slots are `@asyncSlot()` coroutines that await the
engine, and map its typed errors through `errors.py`. The engine's events (plain callbacks)
drive the status panel and the customer window.

What a feature binder may use of the window (the feature surface; anything else is private):
    engine, services, site, session (presenter.sale_session.SaleSession: live, finished, sale_id),
    model (the cart: cart, total, rowCount, set_locked), commands (add a key/button), menuBar(),
    statusBar(), side_layout (the column under Charge), tasks, dialogs, supervisor,
    item_ok/item_note/item_error (the message line), follow_charge / paid_in_cash (charge hooks),
    refresh() (re-evaluate the buttons), print_queue.
A feature may implement `async started()` (after the engine is up) and `async stop()` (shutdown).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QVBoxLayout, QWidget

from qrcashier.domain.sale import Attempt
from qrcashier.presenter.sale_session import SaleSession
from qrcashier.ui.sale.cart_binder import QTY_PREFIX, CartBinder
from qrcashier.ui.sale.cart_view import CartModel
from qrcashier.ui.sale.catalog_actions import CatalogActions
from qrcashier.ui.sale.charge_binder import LOCKED_NOTE, ChargeBinder, locked_note
from qrcashier.ui.sale.item_field import ItemField
from qrcashier.ui.sale.receipt_binder import ReceiptBinder
from qrcashier.ui.sale.sale_states import SaleStateBinder
from qrcashier.ui.sale.scanner import ScannerCapture
from qrcashier.ui.sale.status_panel import STATES
from qrcashier.ui.saletools.binder import SaleToolsBinder
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.commands import CommandTable, main_commands
from qrcashier.ui.shell.desk import Desk
from qrcashier.ui.shell.dialog_keeper import DialogKeeper
from qrcashier.ui.shell.header import Header
from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.shell.tasks import TaskKeeper

# The checkout engine and the HTTP client (httpx, the Mercado Pago client) are imported
# when they are first needed, after the window has been painted: a cashier sees the
# window sooner, and nothing here needs them before `start()`.

log = logging.getLogger("qrcashier.ui.main")
START_RETRY_SECONDS = 5.0


class MainWindow(QMainWindow):
    """See the module docstring. Built with the app's `Services`; `await start()` connects it."""

    charge_state_changed = Signal(str)  # the status panel's state name, for tests and the self-test
    first_painted = Signal()  # the window reached the screen (start-up waits for it before the rest)
    receipt_shown = Signal(object)  # the domain Receipt, each time one is shown

    def __init__(self, services, *, on_quit: Callable[[], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.site = services.site
        self._on_quit = on_quit
        self.engine = None
        self.session = SaleSession()  # the sale's state, lock and buttons (Qt-free)
        self.shutting_down = False
        self._closing = False
        self._painted = False
        self._unsubscribe: Callable[[], None] | None = None
        self.print_queue = None  # ui.printing.queued.QueuedPrinting when the printer is an ESC/POS URL
        self.supervisor = None  # SupervisorActions, once connected (start)
        self.features: list[Any] = []

        self.setWindowTitle(fmt(self.tr("QR Cashier — %1 — %2"), services.store_name, services.register_name))
        self.resize(1280, 760)
        self.tasks = TaskKeeper("background task")
        self.model = CartModel(self.site, self)
        self.catalog = CatalogActions(self)  # CSV import and the QR sticker
        self.header = Header(self, self.catalog)
        self.cart_binder = CartBinder(self)
        self.charge_binder = ChargeBinder(self)
        self.receipts = ReceiptBinder(self)
        self.receipts.shown.connect(self.receipt_shown)
        self.dialogs = DialogKeeper(self, focus=self.item_field.setFocus)
        self.desk = Desk(self)
        self.commands = CommandTable(self)
        self.commands.add_all(main_commands(self))
        self._build()
        self.scanner = ScannerCapture(self.item_field, parent=self)
        self.scanner.scanned.connect(self.enter_item)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)
        self._bind_features()
        self.charge_binder.set_panel("starting")
        self.cart_binder.update_totals()
        self.refresh()

    # --- layout ------------------------------------------------------------------------------------

    def _build(self) -> None:
        root = QWidget()
        root.setObjectName("root")
        self.setCentralWidget(root)
        root.installEventFilter(self)
        # A widget's own style sheet wins over the application's whatever the specificity:
        # make disabled big buttons look disabled (the role colours would otherwise win).
        self.setStyleSheet(theme.DISABLED_BUTTONS)
        outer = QVBoxLayout(root)
        outer.setContentsMargins(14, 10, 14, 12)
        outer.setSpacing(10)
        outer.addLayout(self.header.layout)
        body = QHBoxLayout()
        body.setSpacing(14)
        outer.addLayout(body, 1)
        body.addLayout(self.cart_binder.entry, 3)  # left: item field, its message line, the cart
        # right: total, status, charge; features add theirs below (the till's Cash)
        self.side_layout = right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.cart_binder.total_box)
        right.addWidget(self.status_panel, 1)
        right.addWidget(self.cancel_button)
        right.addWidget(self.charge_button)
        right_box = QWidget()
        right_box.setLayout(right)
        right_box.setMinimumWidth(400)
        right_box.setMaximumWidth(520)
        body.addWidget(right_box, 2)
        outer.addLayout(self.commands.build_bar())  # bottom: the F-key bar, shortcuts printed on it
        self.item_field.setFocus()

    def _bind_features(self) -> None:
        """Feature binders, one line each (see the module docstring for what they may use)."""
        from qrcashier.ui.fiscal.status import FiscalStatusBinder
        from qrcashier.ui.printing.binder import PrintingBinder
        from qrcashier.ui.store.binder import StoreBinder
        from qrcashier.ui.supervisor.menu import SupervisorMenuBinder
        from qrcashier.ui.till.binder import TillBinder

        self.till = self.attach(TillBinder(self, self.side_layout))  # Cash (F8) beside Charge, the Till menu
        self.attach(PrintingBinder(self))  # the ESC/POS print queue (self.print_queue), once started
        self.attach(SupervisorMenuBinder(self))  # the Supervisor menu (and the drawer with a print queue)
        self.saletools = self.attach(SaleToolsBinder(self))  # park/resume, discounts, returns by line (issue 17)
        self.store = self.attach(StoreBinder(self))  # --store: status line, no local import, prices, report (19)
        self.attach(FiscalStatusBinder(self))  # ARCA's electronic invoices in the status bar (issue 21)

    def attach(self, feature: Any) -> Any:
        self.features.append(feature)
        return feature

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self._painted and event.type() == QEvent.Type.Paint and obj is self.centralWidget():
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # after this paint has finished
        return super().eventFilter(obj, event)

    async def wait_painted(self, timeout: float = 2.0) -> None:
        """Wait for the first paint (or `timeout`, e.g. on a platform that never paints)."""
        if self._painted:
            return
        done = asyncio.get_running_loop().create_future()
        self.first_painted.connect(lambda: done.done() or done.set_result(None))
        try:
            await asyncio.wait_for(done, timeout)
        except TimeoutError:
            log.info("no paint event within %.1f s", timeout)

    def show_all(self) -> None:
        """Show the main window and the customer window (full screen on a second monitor if asked)."""
        self.show()
        self.show_customer()

    def show_customer(self) -> None:
        self.charge_binder.show_customer()

    # --- start-up and shutdown ---------------------------------------------------------------------

    async def start(self) -> None:
        """Connect the services (retrying every few seconds), reconcile, then allow charging."""
        while not self.shutting_down:
            try:
                await self.services.start()
                break
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                text = errors.report(exc, "start-up")
                self._start_supervisor()  # Settings reachable before Mercado Pago answers (a refused token)
                self.charge_binder.set_panel("offline", text, fmt(
                    self.tr("QR Cashier tries again every %1 seconds; you can already scan items."),
                    f"{START_RETRY_SECONDS:.0f}",
                ))
                await asyncio.sleep(START_RETRY_SECONDS)
        if self.shutting_down:
            return
        self.engine = self.services.engine
        self._unsubscribe = self.engine.subscribe(self._on_event)
        self._sale_states = SaleStateBinder(self)  # ui/sale/sale_states.py: states that say what is true
        # Start-up itself talked to Mercado Pago (the account, the store, the POS): say so now
        # rather than "connecting…" until the first sale's first read.
        self.header.contact(self.engine.last_contact)
        self._start_supervisor()
        self.charge_binder.connected()
        self.charge_binder.set_panel("starting")
        try:
            await self.engine.start()
        except Exception as exc:  # the engine keeps earlier sales safe; show why and carry on
            errors.report(exc, "reconcile")
        live = await self.engine.live_attempt()
        if live is not None:
            await self.charge_binder.restore(live)
        elif self.attempt is None:
            self.charge_binder.set_panel("idle")
        for feature in self.features:
            started = getattr(feature, "started", None)
            if started is not None:
                await started()
        await self.receipts.print_unprinted()
        self.refresh()
        self.receipts.prewarm()
        self.charge_binder.prewarm_customer()

    async def shutdown(self) -> None:
        """Stop listening and close our windows; the services are closed by the caller."""
        self.shutting_down = True
        if self.supervisor is not None:
            self.supervisor.close()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        await self.tasks.cancel_all()
        for feature in reversed(self.features):  # pending print jobs stay in the journal for the next start
            stop = getattr(feature, "stop", None)
            if stop is not None:
                await stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.scanner.stop()
        self.header.stop()
        self.dialogs.close_all(self.customer, self.receipt_dialog)
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._closing or self._on_quit is None:
            event.accept()
            return
        if self.charge_binder.is_live():
            # Closing is safe (the journal resumes it on the next start), but say so.
            log.info("closing with a live charge; it resumes on the next start")
        event.ignore()  # the async main closes everything, then the window
        self._on_quit()

    # --- engine events -------------------------------------------------------------------------------

    def _on_event(self, event) -> None:
        """Engine events arrive here on the loop's thread (plain callback, must not block)."""
        if self.shutting_down or self.charge_binder.on_event(event):
            return
        from qrcashier.checkout import events as ev

        if isinstance(event, ev.ReceiptIssued):
            self.tasks.spawn(self.receipts.issue(event.receipt))
        elif isinstance(event, ev.Contact):
            self.header.contact(event.at)
        elif isinstance(event, ev.Notice):
            log.info("engine notice: %s", event.message)
            if event.level != "info":
                self.header.problem(event.message)

    def discard_later(self, sale_id: int, reason: str) -> None:
        """Drop an open, unpaid sale the cashier abandoned (audited by the engine)."""
        if self.engine is None:
            return
        from qrcashier.ui.sale.charge_binder import service_errors

        async def discard() -> None:
            try:
                await self.engine.discard_sale(sale_id, "cashier", reason)
            except service_errors() as exc:
                log.info("sale %s not discarded: %s", sale_id, exc)

        self.tasks.spawn(discard())

    def refresh(self) -> None:
        """Re-evaluate which buttons are enabled (from the session and the cart)."""
        self.session.has_engine = self.engine is not None
        self.session.engine_ready = self.engine is not None and self.engine.ready
        self.commands.refresh()

    # --- Esc (the sales of the day, Settings, diagnostics: ui/shell/desk.py) --------------------------

    def escape(self) -> None:
        """Esc: cancel a live charge (asks), else clear the cart (asks only when it has lines)."""
        if self.session.charging:
            return
        if self.charge_binder.is_live():
            self.charge_binder.escape_live()
        else:
            self.cart_binder.ask_clear()

    def _start_supervisor(self) -> None:
        self.desk.start_supervisor()

    @property
    def diagnostics_dialog(self):
        return self.dialogs.get("diagnostics")

    @property
    def sales_dialog(self):
        return self.dialogs.get("sales")

    # --- the binders' names, kept for the features, the self-tests and the tests --------------------

    @property
    def attempt(self) -> Attempt | None:
        return self.session.attempt

    @attempt.setter
    def attempt(self, attempt: Attempt | None) -> None:
        self.session.attempt = attempt

    @property
    def sale_id(self) -> int | None:
        """The open sale the cart was frozen into (a re-charge reuses it)."""
        return self.session.sale_id

    @sale_id.setter
    def sale_id(self, sale_id: int | None) -> None:
        self.session.sale_id = sale_id

    # --- read-back for tests ---------------------------------------------------------------------

    def panel_state(self) -> str:
        return self.status_panel.state

    def panel_text(self) -> str:
        p = self.status_panel
        return f"{p.title.text()} — {p.sentence.text()} {p.next_step.text()}"



def _forward(binder: str, name: str) -> property:
    def get(window: MainWindow) -> Any:
        return getattr(getattr(window, binder), name)

    def put(window: MainWindow, value: Any) -> None:
        setattr(getattr(window, binder), name, value)

    return property(get, put, doc=f"{binder}.{name}")


# The binders' widgets and slots under the window's old names (the features, self-tests and tests use them).
for _binder, _names in {
    "cart_binder": ("item_field", "item_message", "cart_view", "total_label", "count_label", "confirm_box",
                    "item_ok", "item_note", "item_error", "enter_item", "add_product", "edit_quantity",
                    "edit_price", "remove_line", "clear_cart", "open_search", "open_free_item"),
    "charge_binder": ("charge", "status_panel", "charge_button", "cancel_button", "customer", "cancel_charge",
                      "follow_charge", "paid_in_cash"),
    "desk": ("open_sales", "open_settings", "open_audit_log", "open_diagnostics"),
    "header": ("connection_label", "import_button", "sticker_button", "title_label", "mode_label"),
}.items():
    for _name in _names:
        setattr(MainWindow, _name, _forward(_binder, _name))
MainWindow._add = _forward("cart_binder", "add")
# What ui/sale/sale_states.py (issue 14.3) drives: the charge binder's panel, customer window and follow.
MainWindow._set_panel = _forward("charge_binder", "set_panel")
MainWindow._to_customer = _forward("charge_binder", "to_customer")
MainWindow._follow = _forward("charge_binder", "follow")
MainWindow.build_receipt = _forward("receipts", "build")
MainWindow.show_receipt = _forward("receipts", "show")
MainWindow.reprint = _forward("receipts", "reprint")
MainWindow.last_receipt = _forward("receipts", "last_receipt")
MainWindow.receipts_shown = _forward("receipts", "shown_count")
MainWindow.receipt_dialog = _forward("receipts", "dialog")

__all__ = ["LOCKED_NOTE", "QTY_PREFIX", "STATES", "ItemField", "MainWindow", "locked_note"]
