"""The cashier's main window: item entry, the cart, the total, Charge and the status panel.

Keyboard first: the item field keeps the focus; a barcode scanner lands there whatever
has focus (`scanner.ScannerCapture`). Shortcuts are printed on the big buttons:

    F2 search   F4 free item   F6 quantity   F7 price   Del remove line
    +/- quantity of the selected line   Esc clear cart (cancel the charge while one is live)
    F9 sales of the day   F12 charge   Ctrl+Shift+D diagnostics

Nothing here waits on the network: slots are `@asyncSlot()` coroutines that await the
engine, and map its typed errors through `errors.py`. While a charge is live the cart is
locked and Charge is disabled; a second press while one is being sent does nothing.
The engine's events (plain callbacks) drive the status panel and the customer window.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from qrcashier.catalog import Product
from qrcashier.domain.cart import InvalidCart
from qrcashier.domain.money import InvalidAmount, quantize
from qrcashier.domain.receipt import Receipt, ReceiptLine, StoreHeader, format_money
from qrcashier.domain.sale import Attempt, AttemptState
from qrcashier.presenter.sale_session import SaleSession, SaleState
from qrcashier.ui.sale.cart_view import CartModel, CartView
from qrcashier.ui.sale.catalog_actions import CatalogActions
from qrcashier.ui.sale.entry_dialogs import AmountDialog, FreeItemDialog, QuantityDialog, SearchDialog
from qrcashier.ui.sale.item_field import ItemField
from qrcashier.ui.sale.sale_states import SaleStateBinder
from qrcashier.ui.sale.scanner import ScannerCapture
from qrcashier.ui.sale.status_panel import LIVE, STATES, StatusPanel, customer_state, ui_state
from qrcashier.ui.saletools.binder import SaleToolsBinder
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import engine_text, fmt

if TYPE_CHECKING:
    from qrcashier.checkout import ReceiptRecord as IssuedReceipt

# The checkout engine and the HTTP client (httpx, the Mercado Pago client) are imported
# when they are first needed, after the window has been painted: a cashier sees the
# window sooner, and nothing here needs them before `start()`.

log = logging.getLogger("qrcashier.ui.main")
S = AttemptState
QTY_PREFIX = re.compile(r"^\s*(\d{1,4})\s*[*xX]\s*(\S.*)$")  # "3*7790..." or "3x7790..."


def _service_errors() -> tuple[type[BaseException], ...]:
    """The typed errors a service call may raise, for a slot's except clause."""
    from qrcashier.checkout.errors import CheckoutError
    from qrcashier.mercadopago.errors import MercadoPagoError

    return (CheckoutError, InvalidCart, InvalidAmount, MercadoPagoError)
START_RETRY_SECONDS = 5.0
LOCKED_NOTE = QT_TRANSLATE_NOOP("MainWindow", "The cart is locked while the customer pays (Esc cancels the charge).")


def locked_note() -> str:
    return QCoreApplication.translate("MainWindow", LOCKED_NOTE)


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
        self.sale_id: int | None = None  # the open sale the cart was frozen into (re-charge it)
        self._closing = False
        self._shutting_down = False
        self._unsubscribe: Callable[[], None] | None = None
        self._tasks: set[asyncio.Task] = set()
        self.print_queue = None  # ui.printing.queued.QueuedPrinting when the printer is an ESC/POS URL
        self._dialogs: list[QWidget] = []
        self.receipt_dialog = None
        self.sales_dialog = None
        self.supervisor = None  # SupervisorActions, once connected (start)
        self.customer = None
        self.last_receipt: Receipt | None = None
        self.receipts_shown = 0
        self._last_contact: datetime | None = None
        self._sale_code: str | None = None
        self._customer_attempt: int | None = None  # the attempt whose amount the customer window shows
        self._paid_note: tuple[int, str, Receipt] | None = None  # (attempt id, next step, receipt)
        self._connection_problem: str | None = None

        self.setWindowTitle(fmt(self.tr("QR Cashier — %1 — %2"), services.store_name, services.register_name))
        self.resize(1280, 760)
        self.model = CartModel(self.site, self)
        self.model.changed.connect(self._update_totals)
        self.catalog = CatalogActions(self)  # CSV import and the QR sticker
        self._build()
        self._bind_keys()
        self.saletools = SaleToolsBinder(self)  # park/resume, discounts, returns by line (issue 17)
        self.scanner = ScannerCapture(self.item_field, parent=self)
        self.scanner.scanned.connect(self.enter_item)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(5000)
        self._clock_timer.timeout.connect(self._update_connection)
        self._clock_timer.start()
        self._set_panel("starting")
        self._update_totals()
        self._update_buttons()

    # --- layout ------------------------------------------------------------------------------------

    def _build(self) -> None:
        root = QWidget()
        root.setObjectName("root")
        self.setCentralWidget(root)
        self._painted = False
        root.installEventFilter(self)
        # A widget's own style sheet wins over the application's whatever the specificity:
        # make disabled big buttons look disabled (the role colours would otherwise win).
        self.setStyleSheet(theme.DISABLED_BUTTONS)
        outer = QVBoxLayout(root)
        outer.setContentsMargins(14, 10, 14, 12)
        outer.setSpacing(10)

        # header: store and register, mode, connection
        header = QHBoxLayout()
        self.title_label = QLabel(f"<b>{self.services.store_name}</b> · {self.services.register_name}")
        self.title_label.setStyleSheet("font-size: 18px;")
        self.mode_label = QLabel(self.tr("SANDBOX") if self.services.options.sandbox else "")
        self.mode_label.setStyleSheet(
            "background: #ffe08a; color: #1a1a1a; border-radius: 4px; padding: 2px 8px; font-weight: 700;"
        )
        self.mode_label.setVisible(self.services.options.sandbox)
        self.connection_label = QLabel(self.tr("Mercado Pago: connecting…"))
        connection_font = self.connection_label.font()
        connection_font.setPixelSize(14)
        self.connection_label.setFont(connection_font)
        self.sticker_button = QPushButton(self.tr("Print QR sticker"))
        self.sticker_button.setToolTip(self.tr("The register's QR, to stick on the counter: to the printer, or a PDF"))
        self.sticker_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sticker_button.clicked.connect(self.catalog.print_sticker)
        header.addWidget(self.title_label)
        header.addSpacing(10)
        header.addWidget(self.mode_label)
        header.addStretch(1)
        header.addWidget(self.connection_label)
        header.addSpacing(12)
        self.import_button = QPushButton(self.tr("Import products"))
        self.import_button.setToolTip(self.tr("Add or update products from a CSV file (code, barcode, name, price, unit)"))
        self.import_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.import_button.clicked.connect(lambda: self.catalog.choose_catalog_csv())
        header.addWidget(self.import_button)
        header.addWidget(self.sticker_button)
        outer.addLayout(header)

        body = QHBoxLayout()
        body.setSpacing(14)
        outer.addLayout(body, 1)

        # left: item field, its message line, the cart
        left = QVBoxLayout()
        left.setSpacing(6)
        self.item_field = ItemField()
        self.item_field.setObjectName("itemField")
        self.item_field.setPlaceholderText(self.tr("Scan a barcode, or type a code or part of a name, then Enter"))
        self.item_field.setClearButtonEnabled(True)
        self.item_field.setStyleSheet(
            f"QLineEdit#itemField {{ font-size: 24px; padding: 10px 12px; border: 2px solid {theme.ACCENT};"
            " border-radius: 8px; }"
            f"QLineEdit#itemField:focus {{ border: 3px solid {theme.FOCUS}; }}"
        )
        self.item_field.returnPressed.connect(self._on_item_return)
        self.item_field.quantity_step.connect(self._step_quantity)
        self.item_field.remove_line.connect(self.remove_line)
        self.item_field.move_selection.connect(self._move_selection)
        self.item_message = QLabel(" ")
        message_font = self.item_message.font()
        message_font.setPixelSize(16)
        self.item_message.setFont(message_font)
        self.item_message.setWordWrap(True)
        self.cart_view = CartView(self.model)
        self.cart_view.doubleClicked.connect(lambda _i: self.edit_quantity())
        left.addWidget(self.item_field)
        left.addWidget(self.item_message)
        left.addWidget(self.cart_view, 1)
        body.addLayout(left, 3)

        # right: total, status, charge
        right = QVBoxLayout()
        right.setSpacing(10)
        total_box = QFrame()
        total_box.setObjectName("totalBox")
        total_box.setStyleSheet(
            "QFrame#totalBox { background: #f4f6f8; border-radius: 10px; }"
            " QFrame#totalBox QLabel { background: transparent; }"
        )
        tb = QVBoxLayout(total_box)
        tb.setContentsMargins(18, 12, 18, 12)
        caption = QLabel(self.tr("TOTAL"))
        caption.setStyleSheet(f"color: {theme.MUTED}; font-size: 15px; font-weight: 700; letter-spacing: 2px;")
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.total_label.setStyleSheet("font-size: 52px; font-weight: 800;")
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.count_label.setStyleSheet(f"color: {theme.MUTED}; font-size: 16px;")
        tb.addWidget(caption)
        tb.addWidget(self.total_label)
        tb.addWidget(self.count_label)
        right.addWidget(total_box)
        self.status_panel = StatusPanel()
        self.status_panel.setMinimumHeight(170)
        self.status_panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        right.addWidget(self.status_panel, 1)
        self.charge_button = theme.big_button(self.tr("Charge with QR"), "F12", role="success")
        self.charge_button.setMinimumHeight(92)
        self.charge_button.setStyleSheet("font-size: 26px;")
        self.charge_button.clicked.connect(self.charge)
        self.cancel_button = theme.big_button(self.tr("Cancel charge"), "Esc", role="danger")
        self.cancel_button.clicked.connect(self.escape)
        self.cancel_button.hide()
        right.addWidget(self.cancel_button)
        right.addWidget(self.charge_button)
        from qrcashier.ui.till.binder import TillBinder  # the till: Cash (F8) beside Charge, and the Till menu

        self.till = TillBinder(self, right)
        right_box = QWidget()
        right_box.setLayout(right)
        right_box.setMinimumWidth(400)
        right_box.setMaximumWidth(520)
        body.addWidget(right_box, 2)

        # bottom: the action buttons, shortcuts printed on them
        bar = QGridLayout()
        bar.setSpacing(8)
        self.search_button = theme.big_button(self.tr("Search"), "F2", role="secondary")
        self.free_button = theme.big_button(self.tr("Free item"), "F4", role="secondary")
        self.qty_button = theme.big_button(self.tr("Quantity"), "F6  + −", role="secondary")
        self.price_button = theme.big_button(self.tr("Price"), "F7", role="secondary")
        self.remove_button = theme.big_button(self.tr("Remove line"), self.tr("Del", "the Delete key"), role="secondary")
        self.clear_button = theme.big_button(self.tr("Clear cart"), "Esc", role="secondary")
        self.sales_button = theme.big_button(self.tr("Sales of the day"), "F9", role="secondary")
        buttons = (
            self.search_button, self.free_button, self.qty_button, self.price_button,
            self.remove_button, self.clear_button, self.sales_button,
        )
        for i, b in enumerate(buttons):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the item field keeps the keyboard
            bar.addWidget(b, 0, i)
        self.charge_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.search_button.clicked.connect(lambda: self.open_search())
        self.free_button.clicked.connect(self.open_free_item)
        self.qty_button.clicked.connect(self.edit_quantity)
        self.price_button.clicked.connect(self.edit_price)
        self.remove_button.clicked.connect(self.remove_line)
        self.clear_button.clicked.connect(self.escape)
        self.sales_button.clicked.connect(self.open_sales)
        outer.addLayout(bar)
        self.item_field.setFocus()

    def _bind_keys(self) -> None:
        def key(seq: str | QKeySequence, slot) -> QShortcut:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
            return sc

        key("F2", lambda: self.open_search())
        key("F4", self.open_free_item)
        key("F6", self.edit_quantity)
        key("F7", self.edit_price)
        key("F9", self.open_sales)
        key("F12", self.charge)
        key("Esc", self.escape)
        key("Del", self.remove_line)  # when the item field is not focused or not empty: see ItemField
        key("+", lambda: self._step_quantity(+1))
        key("-", lambda: self._step_quantity(-1))
        key("Ctrl+Shift+D", self.open_diagnostics)
        key("Ctrl+,", lambda: self.open_settings())
        key("Ctrl+Shift+A", self.open_audit_log)

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
        from qrcashier.ui.sale.customer_window import CustomerWindow

        if self.customer is not None:
            return
        self.customer = CustomerWindow()
        self.customer.set_store_name(self.services.store_name)
        opts = self.services.options
        screens = QApplication.screens()
        if opts.fullscreen_customer and len(screens) > 1:
            self.customer.go_fullscreen_on()
        else:
            self.customer.resize(900, 600)
            self.customer.show()
        self.activateWindow()
        self.raise_()
        self.item_field.setFocus()

    # --- start-up and shutdown ---------------------------------------------------------------------

    async def start(self) -> None:
        """Connect the services (retrying every few seconds), reconcile, then allow charging."""
        while not self._shutting_down:
            try:
                await self.services.start()
                break
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                text = errors.report(exc, "start-up")
                self._start_supervisor()  # Settings reachable before Mercado Pago answers (a refused token)
                self._set_panel("offline", text, fmt(
                    self.tr("QR Cashier tries again every %1 seconds; you can already scan items."),
                    f"{START_RETRY_SECONDS:.0f}",
                ))
                await asyncio.sleep(START_RETRY_SECONDS)
        if self._shutting_down:
            return
        self.engine = self.services.engine
        self._unsubscribe = self.engine.subscribe(self._on_event)
        self._sale_states = SaleStateBinder(self)  # ui/sale/sale_states.py: states that say what is true
        # Start-up itself talked to Mercado Pago (the account, the store, the POS): say so now
        # rather than "connecting…" until the first sale's first read.
        self._last_contact = self.engine.last_contact
        self._update_connection()
        self._start_supervisor()
        pos = self.services.pos
        if self.customer is not None:
            self.customer.set_store_name(self.services.store_name)
            self.customer.set_static_qr(pos.qr_code if pos else None)
            self.customer.set_phone_url(self.services.phone_url)
        self._set_panel("starting")
        try:
            await self.engine.start()
        except Exception as exc:  # the engine keeps earlier sales safe; show why and carry on
            errors.report(exc, "reconcile")
        live = await self.engine.live_attempt()
        if live is not None:
            await self._restore(live)
        elif self.attempt is None:
            self._set_panel("idle")
        from qrcashier.ui.printing.queued import QueuedPrinting

        self.print_queue = await QueuedPrinting.start_for(self.services.options.printer_name,
                                                          self.services.journal.path, self.statusBar(),
                                                          self.engine.receipt_printed)
        await self._print_unprinted()
        self._update_buttons()
        self._prewarm()

    def _prewarm(self) -> None:
        """Build the receipt dialog now, while nobody waits, instead of during the first sale."""
        from qrcashier.ui.sale.receipt_view import ReceiptDialog

        if self.receipt_dialog is None:
            sample = Receipt(
                store_name=self.services.store_name, register_name=self.services.register_name, sale_number="0",
                lines=[ReceiptLine("-", Decimal(1), Decimal(1), Decimal(1))], total=Decimal(1), site=self.site,
                paid_at=datetime.now(UTC).astimezone(),
            )
            dialog = ReceiptDialog(sample, self, printer_name=self.services.options.printer_name)
            dialog.finished.connect(lambda *_: self.item_field.setFocus())
            dialog.ensurePolished()
            dialog.adjustSize()
            self.receipt_dialog = dialog
        # Render the customer window's charge screen once into a pixmap (never on screen):
        # its fonts, layout and QR image are then ready for the first customer.
        if self.customer is not None and self.services.pos is not None and self.services.pos.qr_code:
            self.customer.show_charge(Decimal("8888.88"), self.site)
            self.customer.grab()
            self.customer.set_state("idle")

    async def _restore(self, attempt: Attempt) -> None:
        """An earlier run left a charge live: show its cart, locked, and follow it."""
        sale = await self.engine.sale(attempt.sale_id)
        self.model.replace(self.site, sale.lines)
        self.sale_id = sale.id
        self._sale_code = sale.code
        self._follow(attempt)

    async def _print_unprinted(self) -> None:
        if not self.services.options.printer_name:
            return
        for issued in await self.engine.receipts(unprinted=True):
            await self._issue_receipt(issued)

    async def shutdown(self) -> None:
        """Stop listening and close our windows; the services are closed by the caller."""
        self._shutting_down = True
        if self.supervisor is not None:
            self.supervisor.close()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            try:
                await task
            except (asyncio.CancelledError, Exception):
                pass
        if self.print_queue is not None:  # pending jobs stay in the journal for the next start
            await self.print_queue.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.scanner.stop()
        self._clock_timer.stop()
        for w in (*self._dialogs, self.customer, self.receipt_dialog, self.sales_dialog):
            if w is not None:
                try:
                    w.close()
                except RuntimeError:
                    pass
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._closing or self._on_quit is None:
            event.accept()
            return
        if self.attempt is not None and ui_state(self.attempt.state) in LIVE:
            # Closing is safe (the journal resumes it on the next start), but say so.
            log.info("closing with a live charge; it resumes on the next start")
        event.ignore()  # the async main closes everything, then the window
        self._on_quit()

    # --- item entry ----------------------------------------------------------------------------------

    def _on_item_return(self) -> None:
        text = self.item_field.text()
        self.item_field.clear()
        self.enter_item(text)

    def enter_item(self, text: str) -> None:
        """What Enter in the item field (or a scanner burst) does with the text."""
        text = text.strip()
        if not text:
            return
        quantity = 1
        m = QTY_PREFIX.match(text)
        if m:
            quantity, text = int(m.group(1)), m.group(2).strip()
        catalog = self.services.catalog
        product = catalog.lookup(text) if catalog is not None else None
        if product is not None:
            self.add_product(product, quantity)
            return
        if catalog is not None and not text.isdigit():
            found = catalog.search(text, limit=2)
            if len(found) == 1:
                self.add_product(found[0], quantity)
                return
            if found:
                self.open_search(text)
                return
        self.item_error(fmt(
            self.tr("No product with barcode or code %1. Press F4 to sell it as a free item, or F2 to search."), repr(text)
        ))

    def add_product(self, product: Product, quantity: int = 1) -> None:
        if product.unit != "unit":
            self._ask_weight(product)
            return
        self._add(product.name, product.price, quantity, sku=product.code)

    def _ask_weight(self, product: Product) -> None:
        if not self._can_edit():
            return
        dialog = AmountDialog(
            self.tr("Weight"),
            fmt(self.tr("%1: %2 per %3. Weight in %3:"), product.name, format_money(product.price, self.site), product.unit),
            self.site, weight=True, parent=self,
        )

        def weighed(weight: Decimal) -> None:
            price = quantize(product.price * weight, self.site)
            shown = f"{weight.normalize():f}".replace(".", ",")
            self._add(f"{product.name} {shown} {product.unit}", price, 1, sku=product.code, merge=False)

        dialog.value_chosen.connect(weighed)
        self._open_dialog(dialog)

    def _add(self, title: str, price: Decimal, quantity: int, *, sku: str | None = None, merge: bool = True) -> None:
        if not self._can_edit():
            return
        try:
            row = self.model.add_item(title, price, quantity, sku=sku, merge=merge)
        except (InvalidCart, InvalidAmount) as exc:
            self.item_error(errors.report(exc, "add item"))
            return
        self.cart_view.select_row(row)
        self._cart_changed()
        line = self.model.cart.lines[row]
        self.item_ok(fmt(self.tr("Added %1 × %2 — %3"), line.title, line.quantity, format_money(line.total(self.site), self.site)))

    def _can_edit(self) -> bool:
        """Start a new sale after a paid one; refuse while a charge is live."""
        if self.session.live:
            self.item_error(
                self.tr("The cart is locked while the customer pays: wait for the result, or press Esc to cancel the charge.")
            )
            return False
        if self._finished:
            self._new_sale()
        return True

    def _cart_changed(self) -> None:
        """The cart differs from the open sale: the next Charge makes a new sale."""
        if self.sale_id is not None:
            self._discard_later(self.sale_id, "the cart was changed after a charge that did not complete")
            self.sale_id = None
            self._sale_code = None
        if self.attempt is not None and not self._finished:
            self.attempt = None
            self._set_panel("idle")
            self._customer_idle()
        self._update_buttons()

    def _new_sale(self) -> None:
        self._sale_code = None
        self._finished = False
        self.attempt = None
        self.sale_id = None
        self.model.set_locked(False)
        self.model.replace(self.site)
        self._set_panel("idle")
        self._customer_idle()
        self._update_buttons()

    def _message(self, text: str, colour: str, bold: bool) -> None:
        # Palette and font, not setStyleSheet: no re-polish on every scan.
        pal = self.item_message.palette()
        pal.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.item_message.setPalette(pal)
        font = self.item_message.font()
        if font.bold() != bold:
            font.setBold(bold)
            self.item_message.setFont(font)
        self.item_message.setText(text)

    def item_ok(self, text: str) -> None:
        self._message(text, "#1e7b34", False)

    def item_note(self, text: str) -> None:
        self._message(text, theme.MUTED, True)

    def item_error(self, text: str) -> None:
        self._message(text, "#b71c1c", True)
        QApplication.beep()

    # --- cart edits ----------------------------------------------------------------------------------

    def _selected_row(self) -> int:
        return self.cart_view.current_row()

    def _step_quantity(self, delta: int) -> None:
        row = self._selected_row()
        if row < 0 or not self._can_edit_line():
            return
        line = self.model.cart.lines[row]
        if line.quantity + delta < 1:
            self.item_error(self.tr("The quantity is already 1: press Del to remove the line."))
            return
        try:
            self.model.change_quantity(row, delta)
        except (InvalidCart, InvalidAmount) as exc:
            self.item_error(errors.report(exc, "quantity"))
            return
        self._cart_changed()
        self.cart_view.select_row(row)

    def _move_selection(self, delta: int) -> None:
        rows = self.model.rowCount()
        if rows:
            self.cart_view.select_row(max(0, min(rows - 1, self._selected_row() + delta)))

    def _can_edit_line(self) -> bool:
        if self._finished:
            self.item_error(self.tr("This sale is paid. Scan the next item to start a new sale."))
            return False
        if self.session.live:
            self.item_error(self.tr("The cart is locked while the customer pays."))
            return False
        return True

    def edit_quantity(self) -> None:
        row = self._line_to_edit()
        if row is None:
            return
        line = self.model.cart.lines[row]
        dialog = QuantityDialog(fmt(self.tr("Quantity of %1"), line.title), line.quantity, parent=self)
        self._edit_line(row, dialog, self.model.set_quantity, "quantity")

    def edit_price(self) -> None:
        row = self._line_to_edit()
        if row is None:
            return
        line = self.model.cart.lines[row]
        dialog = AmountDialog(
            self.tr("Price"), fmt(self.tr("New unit price of %1:"), line.title), self.site, line.unit_price, parent=self
        )
        self._edit_line(row, dialog, self.model.set_price, "price")

    def _line_to_edit(self) -> int | None:
        """The selected line's row, if there is one and the cart may change; else say why."""
        row = self._selected_row()
        if row < 0:
            self.item_error(self.tr("Add an item first."))
            return None
        return row if self._can_edit_line() else None

    def _edit_line(self, row: int, dialog: QWidget, apply, what: str) -> None:
        """Open `dialog`; the value it yields goes through `apply(row, value)` (the cart validates)."""

        def chosen(value) -> None:
            try:
                apply(row, value)
            except (InvalidCart, InvalidAmount) as exc:
                self.item_error(errors.report(exc, what))
                return
            self._cart_changed()

        dialog.value_chosen.connect(chosen)
        self._open_dialog(dialog)

    def remove_line(self) -> None:
        row = self._selected_row()
        if row < 0:
            self.item_error(self.tr("The cart is empty."))
            return
        if not self._can_edit_line():
            return
        line = self.model.remove(row)
        self._cart_changed()
        if self.model.rowCount():
            self.cart_view.select_row(min(row, self.model.rowCount() - 1))
        self.item_ok(fmt(self.tr("Removed %1."), line.title))

    def clear_cart(self) -> None:
        """Empty the cart (after a confirmation when it has lines: see `escape`)."""
        if self.sale_id is not None:
            self._discard_later(self.sale_id, "the cashier cleared the cart")
        self._new_sale()
        self.item_ok(self.tr("The cart is empty. Scan the next item."))

    def escape(self) -> None:
        """Esc: cancel a live charge (asks), else clear the cart (asks only when it has lines)."""
        if self.session.charging:
            return
        if self.attempt is not None and ui_state(self.attempt.state) in LIVE:
            if self.supervisor is not None and self.supervisor.settings.pin_hash:
                # Cancelling an order is a supervisor's action: PIN, audit, and "paid wins".
                self.supervisor.cancel_order(self.attempt)
                return
            # No supervisor PIN set yet (a fresh sandbox demo): the cashier confirms instead.
            errors.message_box(
                self, self.tr("Cancel the charge?"),
                self.tr("Remove the order from the QR? If the customer already paid, the sale still completes as paid."),
                icon=QMessageBox.Icon.Question,
                buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                default=QMessageBox.StandardButton.No,
                on_finished=lambda b: self.cancel_charge() if b == QMessageBox.StandardButton.Yes else None,
            )
            return
        if self._finished or not self.model.rowCount():
            self.clear_cart()
            return
        self.confirm_box = errors.message_box(
            self, self.tr("Clear the cart?"),
            fmt(self.tr("Remove all %1 lines (%2)?"), self.model.rowCount(), format_money(self.model.total, self.site)),
            icon=QMessageBox.Icon.Question,
            buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            default=QMessageBox.StandardButton.No,
            on_finished=lambda b: self.clear_cart() if b == QMessageBox.StandardButton.Yes else None,
        )

    # --- dialogs -------------------------------------------------------------------------------------

    def _open_dialog(self, dialog: QWidget) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QWidget) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        if not self._shutting_down:
            self.activateWindow()  # the keyboard comes back here, not to the customer window
            self.item_field.setFocus()

    def open_search(self, text: str = "") -> None:
        if self.services.catalog is None:
            return
        dialog = SearchDialog(self.services.catalog, self.site, text or self.item_field.text(), parent=self)
        self.item_field.clear()
        dialog.chosen.connect(lambda p: self.add_product(p))
        self._open_dialog(dialog)

    def open_free_item(self) -> None:
        if self.session.live:
            self.item_error(self.tr("The cart is locked while the customer pays."))
            return
        dialog = FreeItemDialog(self.site, parent=self)
        dialog.item.connect(lambda title, price, qty: self._add(title, price, qty))
        self._open_dialog(dialog)

    def open_sales(self) -> None:
        from qrcashier.ui.sale.sales_view import SalesDialog

        if self.engine is None:
            self.item_error(self.tr("Sales of the day are available once QR Cashier is connected."))
            return
        if self.sales_dialog is not None:
            try:
                self.sales_dialog.raise_()
                self.sales_dialog.activateWindow()
                self.sales_dialog.refresh()
                return
            except RuntimeError:
                self.sales_dialog = None
        self.sales_dialog = SalesDialog(self.engine, self.site, parent=self)
        self.sales_dialog.reprint_requested.connect(self.reprint)
        if self.supervisor is not None:
            self.sales_dialog.refund_requested.connect(self.supervisor.refund)
            self.sales_dialog.review_requested.connect(self.supervisor.review)
        self.sales_dialog.destroyed.connect(lambda *_: setattr(self, "sales_dialog", None))
        self.sales_dialog.show()
        self.sales_dialog.refresh()

    # --- supervisor (ui/supervisor/actions.py: each action asks the PIN when confirmed) ------------

    def _start_supervisor(self) -> None:
        """The supervisor's desk. Also while start-up still retries: a token refused from the
        first call is replaced through Settings' token page, and the next try uses it."""
        settings = getattr(self.services, "settings", None)
        if settings is None:
            return
        if self.supervisor is None:
            from qrcashier.ui.supervisor.actions import SupervisorActions

            self.supervisor = SupervisorActions(self, self.services, settings, getattr(self.services, "tokens", None))
            self.supervisor.token_changed.connect(self._token_changed)
        self.supervisor.watch_token()  # once the HTTP client exists: a 401 -> a plain notice -> the token page

    def _token_changed(self, token) -> None:
        """Settings replaced (or removed) the access token: charge with it from now on. A token
        of another account needs a restart: this register's store and POS are the old account's."""
        provisioned = self.services.provisioned
        user_id = getattr(self.services.settings, "user_id", None)
        if token is not None and provisioned is not None and user_id not in (None, provisioned.user.id):
            errors.message_box(self, self.tr("Restart QR Cashier"), self.tr(
                "The new access token belongs to another Mercado Pago account. Close and start QR Cashier "
                "again to charge with that account's store and register."
            ))
            return
        self.services.replace_token(token)
        log.info("access token %s in Settings", "replaced" if token is not None else "removed")

    def open_settings(self, page: str | None = None) -> None:
        """Ctrl+,: Settings (the setup pages), after the supervisor PIN."""
        if self.supervisor is None:
            self.item_error(self.tr("Settings are available once QR Cashier is connected."))
            return
        self.supervisor.open_settings(page)

    def open_audit_log(self) -> None:
        """Ctrl+Shift+A: every supervisor action, with CSV export."""
        if self.supervisor is not None:
            self.supervisor.audit_log()

    def open_diagnostics(self) -> None:
        """Ctrl+Shift+D: version, API, keyring, last contact, pending attempts, support bundle."""
        from qrcashier.ui.diagnostics.view import DiagnosticsDialog

        dialog = getattr(self, "diagnostics_dialog", None)
        if dialog is not None:
            try:
                dialog.raise_()
                dialog.activateWindow()
                dialog.refresh()
                return
            except RuntimeError:  # deleted on close
                pass
        self.diagnostics_dialog = DiagnosticsDialog(self.services, parent=self)
        self.diagnostics_dialog.destroyed.connect(lambda *_: setattr(self, "diagnostics_dialog", None))
        self.diagnostics_dialog.finished.connect(lambda _r: self._dialog_closed(None))  # the keyboard comes back
        self.diagnostics_dialog.show()
        self.diagnostics_dialog.refresh()

    # --- charge --------------------------------------------------------------------------------------

    @qasync.asyncSlot()
    async def charge(self) -> None:
        """F12. Does nothing while a press is being sent or a charge is live (no double charge)."""
        if self.session.live:
            return
        if self._finished:
            self.item_error(self.tr("This sale is paid. Scan the next item to start a new sale."))
            return
        if not self.model.rowCount():
            self.item_error(self.tr("The cart is empty: scan or add an item first."))
            return
        if self.engine is None or not self.engine.ready:
            self._set_panel("starting")
            return
        self.session.charge_started()
        self.model.set_locked(True)
        self.item_note(locked_note())
        self._update_buttons()
        self._set_panel(SaleState.PUBLISHING)
        self._customer_attempt = None
        self._to_customer("show_charge", self.model.total, self.site)
        self._to_customer("set_state", "publishing")
        try:
            target = self.sale_id if self.sale_id is not None else self.model.cart
            attempt = await self.engine.charge(target)
        except _service_errors() as exc:
            state = self.session.charge_failed(exc)
            self.model.set_locked(False)
            text = errors.report(exc, "charge")
            fix = self.tr("Fix the cart and press Charge (F12) again.")
            self._set_panel(state, text, fix if state == SaleState.FAILED else None)
            self._customer_state(state)
            self._update_buttons()
            return
        except Exception as exc:
            self.session.charge_failed(exc)
            self.model.set_locked(False)
            self._set_panel("failed", errors.report(exc, "charge"))
            self._customer_state("failed")
            self._update_buttons()
            raise
        self.session.charge_sent()
        self.sale_id = attempt.sale_id
        if self._sale_code is None:
            self._spawn(self._load_sale_code(attempt.sale_id))
        self._follow(attempt)

    def _follow(self, attempt: Attempt) -> None:
        """Show an attempt's state (from charge(), a restore, or an event)."""
        state = self.session.follow(attempt, shown=self.status_panel.state)
        live = state in LIVE
        self.model.set_locked(live)
        sentence = attempt.message if state not in ("waiting", "publishing", "paid") else None
        next_step = receipt = None
        if state == "paid":
            sentence = fmt(self.tr("Paid %1 with Mercado Pago."), format_money(attempt.total, self.site))
            if self._paid_note is not None and self._paid_note[0] == attempt.id:
                _, next_step, receipt = self._paid_note  # the receipt came first: say what happened to it
        self._set_panel(state, sentence, next_step)
        self.status_panel.set_detail(self._detail(attempt, receipt))
        if live:
            self.item_note(locked_note())
        elif self.item_message.text() == locked_note():
            self.item_message.setText(" ")
        if self.customer is not None:
            if state in ("publishing", "waiting", "checking") and self._customer_attempt != attempt.id:
                self._customer_attempt = attempt.id
                self._to_customer("show_charge", attempt.total, self.site, attempt.qr_data)
            self._customer_state(state)
            seconds = self.session.countdown()
            if seconds is not None:
                self._set_countdown(seconds)
            else:
                self._to_customer("set_countdown", None)
        if attempt.state == S.PAID:
            self.sale_id = None
            self.model.set_locked(False)
        elif attempt.state == S.NEEDS_REVIEW:
            self.sale_id = None  # a supervisor settles it; the cashier may start the next sale
        self._update_buttons()

    # The sale's state lives in the session; these names stay for the binders and the tests.
    @property
    def attempt(self) -> Attempt | None:
        return self.session.attempt

    @attempt.setter
    def attempt(self, attempt: Attempt | None) -> None:
        self.session.attempt = attempt

    @property
    def _finished(self) -> bool:
        return self.session.finished

    @_finished.setter
    def _finished(self, finished: bool) -> None:
        self.session.finished = finished

    def _detail(self, attempt: Attempt, receipt: Receipt | None = None) -> str:
        parts = [fmt(self.tr("Sale %1"), self._sale_code or attempt.sale_id)]
        if attempt.number > 1:
            parts.append(fmt(self.tr("charge %1"), attempt.number))
        if ui_state(attempt.state) in LIVE:
            parts.append(fmt(self.tr("on the QR until %1"), attempt.expires_at.astimezone().strftime("%H:%M")))
        if receipt is not None and receipt.payment_ids:
            parts.append(fmt(self.tr("payment %1"), ", ".join(receipt.payment_ids)))
        if receipt is not None and receipt.merchant_order_id:
            parts.append(fmt(self.tr("order %1"), receipt.merchant_order_id))
        return " · ".join(parts)

    @qasync.asyncSlot()
    async def cancel_charge(self) -> None:
        attempt = self.attempt
        if attempt is None or ui_state(attempt.state) not in LIVE or self.engine is None:
            return
        self._set_panel("cancelling")
        self._customer_state("cancelling")
        try:
            result = await self.engine.cancel(attempt.id, supervisor="cashier", reason="cancelled at the register")
        except _service_errors() as exc:
            self._set_panel(ui_state(attempt.state), errors.report(exc, "cancel"))
            return
        if self.attempt is not None and self.attempt.id == result.id:
            self._follow(result)

    def follow_charge(self, attempt: Attempt) -> None:
        """The till: a split sale's QR part was charged (ui/till/binder.py); follow it as charge() does."""
        self.session.charge_sent()
        self.sale_id = attempt.sale_id
        self._follow(attempt)

    def paid_in_cash(self, attempt: Attempt, change: str) -> None:
        """The till (ui/till/binder.py): the cart, or what was left of its sale, was paid in cash."""
        self.session.charging = False
        self._follow(attempt)  # paid: the sale is finished, its receipt comes with ReceiptIssued
        self._set_panel(SaleState.PAID, fmt(self.tr("Paid %1 in cash. Change: %2"),
                                            format_money(attempt.total, self.site), change))
        self._to_customer("show_charge", attempt.total, self.site)
        self._to_customer("set_state", "paid", fmt(self.tr("Change: %1"), change))  # large on the customer's side too

    # --- engine events -------------------------------------------------------------------------------

    def _on_event(self, event) -> None:
        """Engine events arrive here on the loop's thread (plain callback, must not block)."""
        if self._shutting_down:
            return
        from qrcashier.checkout import events as ev

        current = self.attempt.id if self.attempt is not None else None
        if isinstance(event, ev.StateChanged):
            if event.attempt_id == current:
                self._spawn(self._refresh_attempt(event.attempt_id))
            elif event.new == S.NEEDS_REVIEW:
                self.item_error(fmt(self.tr("An earlier sale needs a supervisor's review: %1"), engine_text(event.message)))
        elif isinstance(event, ev.Countdown):
            if event.attempt_id == current:
                self._set_countdown(event.seconds_left)
        elif isinstance(event, ev.Scanned):
            if event.attempt_id == current and self.status_panel.state in ("waiting", "rejected"):
                self._set_panel("scanned", event.message)
                self._customer_state("scanned")
        elif isinstance(event, ev.PaymentRejected):
            if event.attempt_id == current:
                self._set_panel("rejected", event.message)
                self._customer_state("rejected")
        elif isinstance(event, ev.ReceiptIssued):
            self._spawn(self._issue_receipt(event.receipt))
        elif isinstance(event, ev.Contact):
            self._last_contact = event.at
            self._connection_problem = None
            self._update_connection()
        elif isinstance(event, ev.Notice):
            log.info("engine notice: %s", event.message)
            if event.level != "info":
                self._connection_problem = event.message
                self._update_connection()

    def _spawn(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)

        def done(t: asyncio.Task) -> None:
            self._tasks.discard(t)
            if not t.cancelled() and t.exception() is not None:
                exc = t.exception()
                errors.report(exc, "background task")
                if not errors.is_expected(exc):
                    import sys

                    sys.excepthook(type(exc), exc, exc.__traceback__)

        task.add_done_callback(done)

    async def _load_sale_code(self, sale_id: int) -> None:
        sale = await self.engine.sale(sale_id)
        if self.attempt is not None and self.attempt.sale_id == sale_id:
            self._sale_code = sale.code
            self.status_panel.set_detail(self._detail(self.attempt))

    async def _refresh_attempt(self, attempt_id: int) -> None:
        attempt = await self.engine.attempt(attempt_id)
        if self.attempt is not None and self.attempt.id == attempt_id:
            self._follow(attempt)

    # --- receipts ------------------------------------------------------------------------------------

    async def _issue_receipt(self, issued: IssuedReceipt) -> None:
        receipt = await self.build_receipt(issued)
        self.last_receipt = receipt
        printer = self.services.options.printer_name
        printed = False
        if self.print_queue is not None:  # ESC/POS: journal first, marked printed once the printer took it
            await self.print_queue.submit(receipt, issued.id)
            printed = True
        elif printer:
            from qrcashier.ui.printing import qprinter

            try:
                qprinter.print_receipt(receipt, printer)
                printed = True
            except qprinter.PrintingError as exc:
                self.item_error(fmt(self.tr("The receipt did not print: %1"), exc))
        if printed and self.print_queue is None:
            await self.engine.receipt_printed(issued.id)
        self.show_receipt(receipt)
        if issued.kind == "original":
            note = (self.tr("The receipt was printed: hand it over.") if printed else
                    self.tr("The receipt is on screen (no printer set): print it with Ctrl+P or save a PDF."))
            self._paid_note = (issued.attempt_id, note + " " + self.tr("Scan the next item to start a new sale."), receipt)
            if self.attempt is not None and self.attempt.id == issued.attempt_id and self.attempt.state == S.PAID:
                self.status_panel.next_step.setText(self._paid_note[1])
                self.status_panel.set_detail(self._detail(self.attempt, receipt))

    async def build_receipt(self, issued: IssuedReceipt) -> Receipt:
        header = StoreHeader(self.services.store_name, self.services.register_name, self.site)
        return await self.engine.receipt_for(issued, header)  # tenders, receipt number, the original's date

    def show_receipt(self, receipt: Receipt) -> None:
        from qrcashier.ui.sale.receipt_view import ReceiptDialog

        if self.receipt_dialog is not None:
            try:
                self.receipt_dialog.set_receipt(receipt)
                self.receipt_dialog.show()
                self.receipt_dialog.raise_()
            except RuntimeError:
                self.receipt_dialog = None
        if self.receipt_dialog is None:  # kept (hidden on close) and reused for every receipt
            dialog = ReceiptDialog(receipt, self, printer_name=self.services.options.printer_name)
            dialog.finished.connect(lambda *_: self.item_field.setFocus())
            self.receipt_dialog = dialog
            dialog.show()
        self.receipts_shown += 1
        self.receipt_shown.emit(receipt)
        self.activateWindow()
        self.item_field.setFocus()

    @qasync.asyncSlot(int)
    async def reprint(self, attempt_id: int) -> None:
        """A copy of a paid sale's receipt (prints and shows "COPY")."""
        try:
            await self.engine.reprint(attempt_id)
        except _service_errors() as exc:
            self.item_error(errors.report(exc, "reprint"))

    # --- display helpers -----------------------------------------------------------------------------

    def _set_panel(self, state: str, sentence: str | None = None, next_step: str | None = None) -> None:
        self.status_panel.set_state(state, sentence, next_step)
        self.cancel_button.setVisible(state in LIVE and state not in ("cancelling",))
        self.charge_state_changed.emit(state)

    def _to_customer(self, method: str, *args) -> None:
        """Update the customer window in its own turn of the event loop, after the cashier's
        window has been updated: each stays well inside a frame instead of both in one."""
        if self.customer is None:
            return
        customer = self.customer

        def call() -> None:
            if self._shutting_down:
                return
            try:
                getattr(customer, method)(*args)
            except RuntimeError:  # the window is gone
                pass

        QTimer.singleShot(0, call)

    def _customer_state(self, state: str) -> None:
        self._to_customer("set_state", customer_state(state))
        if state not in LIVE:
            self._to_customer("set_countdown", None)

    def _customer_idle(self) -> None:
        self._customer_attempt = None
        self._to_customer("set_state", "idle")

    def _set_countdown(self, seconds: int) -> None:
        self.status_panel.set_countdown(seconds)
        self._to_customer("set_countdown", seconds)

    def _update_totals(self) -> None:
        self.total_label.setText(format_money(self.model.total, self.site))
        n = self.model.item_count()
        lines = self.model.rowCount()
        items = self.tr("1 item") if n == 1 else fmt(self.tr("%1 items"), n)
        rows = self.tr("1 line") if lines == 1 else fmt(self.tr("%1 lines"), lines)
        self.count_label.setText(f"{items} · {rows}" if lines else self.tr("Empty cart"))

    def _update_buttons(self) -> None:
        self.session.has_engine = self.engine is not None
        self.session.engine_ready = self.engine is not None and self.engine.ready
        buttons = self.session.buttons(has_lines=self.model.rowCount() > 0)
        self.charge_button.setEnabled(buttons.charge)
        for b in (self.qty_button, self.price_button, self.remove_button):
            b.setEnabled(buttons.edit_lines)
        self.free_button.setEnabled(buttons.free_item)
        self.clear_button.setEnabled(buttons.clear)
        self.sales_button.setEnabled(buttons.sales)

    def _update_connection(self) -> None:
        if self._connection_problem:
            self._connection_text(self.tr("Mercado Pago: not answering, retrying"), "#8d3a00")
            return
        if self._last_contact is None:
            return
        age = (datetime.now(UTC) - self._last_contact).total_seconds()
        when = self._last_contact.astimezone().strftime("%H:%M:%S")
        self._connection_text(fmt(self.tr("Mercado Pago: connected (last answer %1)"), when) if age < 120
                              else fmt(self.tr("Mercado Pago: last answer at %1"), when), theme.MUTED)

    def _connection_text(self, text: str, colour: str) -> None:
        if self.connection_label.text() == text:
            return
        pal = self.connection_label.palette()
        if pal.color(QPalette.ColorRole.WindowText) != QColor(colour):
            pal.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            self.connection_label.setPalette(pal)
        self.connection_label.setText(text)

    def _discard_later(self, sale_id: int, reason: str) -> None:
        """Drop an open, unpaid sale the cashier abandoned (audited by the engine)."""
        if self.engine is None:
            return

        async def discard() -> None:
            try:
                await self.engine.discard_sale(sale_id, "cashier", reason)
            except _service_errors() as exc:
                log.info("sale %s not discarded: %s", sale_id, exc)

        self._spawn(discard())

    # --- read-back for tests ---------------------------------------------------------------------

    def panel_state(self) -> str:
        return self.status_panel.state

    def panel_text(self) -> str:
        return f"{self.status_panel.title.text()} — {self.status_panel.sentence.text()} {self.status_panel.next_step.text()}"


__all__ = ["ItemField", "MainWindow", "STATES"]
