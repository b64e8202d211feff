"""Sales of the day (F9): every sale charged today on this register, its state and total,
the Mercado Pago payment id, and a reprint (a COPY) of a paid sale's receipt.

The list is read from the journal on its own thread (`journal.run`), never on the Qt
thread; the dialog is non-modal so the cashier can keep an eye on a live charge.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from decimal import Decimal

import qasync
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qrcashier.checkout.sales_of_the_day import DaySale
from qrcashier.domain.money import Site
from qrcashier.domain.receipt import format_money
from qrcashier.domain.sale import AttemptState
from qrcashier.ui.sale.status_panel import STATES, state_text, ui_state
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import fmt

COLUMNS = (
    QT_TRANSLATE_NOOP("SalesDialog", "Time"),
    QT_TRANSLATE_NOOP("SalesDialog", "Sale"),
    QT_TRANSLATE_NOOP("SalesDialog", "Items"),
    QT_TRANSLATE_NOOP("SalesDialog", "Total"),
    QT_TRANSLATE_NOOP("SalesDialog", "Refunded"),
    QT_TRANSLATE_NOOP("SalesDialog", "State"),
    QT_TRANSLATE_NOOP("SalesDialog", "Payment id"),
)
MONEY_COLUMNS = (2, 3, 4)  # right-aligned: items, total, refunded
STATE_COLUMN = 5


def start_of_today() -> datetime:
    now = datetime.now().astimezone()
    local_midnight = datetime.combine(now.date(), time(0), tzinfo=now.tzinfo)
    return local_midnight.astimezone(UTC)


class ReceiptBox(QLineEdit):
    """The receipt filter: Enter searches and stays here (the dialog's default button does not see it)."""

    def keyPressEvent(self, event) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class SalesDialog(QDialog):
    reprint_requested = Signal(int)  # attempt id
    refund_requested = Signal(int)  # attempt id: a supervisor refunds its payment (ui/supervisor/actions.py)
    review_requested = Signal(int)  # attempt id: a supervisor resolves a sale that needs review

    def __init__(self, engine, site: Site, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.site = engine, site
        self.rows: list[DaySale] = []
        self.setWindowTitle(self.tr("Sales of the day"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(980, 560)
        self.setStyleSheet(theme.DISABLED_BUTTONS)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.horizontalHeader().setSectionResizeMode(STATE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setStyleSheet("QTableWidget { font-size: 16px; }")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _i: self.reprint())
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.reprint_button = theme.big_button(self.tr("Reprint (COPY)"), "F5")
        self.refresh_button = theme.big_button(self.tr("Refresh"), "F9", role="secondary")
        self.close_button = theme.big_button(self.tr("Close"), "Esc", role="secondary")
        self.refund_button = theme.big_button(self.tr("Refund…"), "F6", role="secondary")
        self.review_button = theme.big_button(self.tr("Resolve…"), "F7", role="secondary")
        self.refund_button.clicked.connect(self.refund)
        self.review_button.clicked.connect(self.review)
        self.reprint_button.clicked.connect(self.reprint)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.close)
        for seq, slot in (("F5", self.reprint), ("F9", self.refresh), ("F6", self.refund), ("F7", self.review)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.activated.connect(slot)
        buttons = QHBoxLayout()  # the summary above it: beside the buttons it pushed the dialog past 1024 px
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.refund_button)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.close_button)
        self._build_filter()
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        for button in (self.refresh_button, self.review_button, self.refund_button, self.reprint_button,
                       self.close_button):  # never narrower than its text: "Reprint (COPY)" was cut (issue 14.5)
            button.ensurePolished()
            button.setMinimumWidth(button.sizeHint().width())
        self._update_buttons()

    @qasync.asyncSlot()
    async def refresh(self) -> None:
        try:
            rows = await self.engine.sales_of_the_day(start_of_today())
        except Exception as exc:
            self.summary.setText(errors.report(exc, "sales of the day"))
            return
        try:
            self.set_rows(rows)
        except RuntimeError:  # the dialog was closed meanwhile
            pass

    # --- the receipt filter (F9 search by receipt number) -----------------------------------------

    def _build_filter(self) -> None:
        """A box for a receipt number, `00003-00000042` or just `42`: Enter finds it through the
        engine (`find_receipt`) and shows only that sale; an empty box shows them all again."""
        self.filter_box = ReceiptBox()
        self.filter_box.setPlaceholderText(self.tr("Receipt number (00001-00000042 or 42), Enter to find"))
        self.filter_box.setMaxLength(20)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setStyleSheet("font-size: 16px;")
        self.filter_box.returnPressed.connect(self.find_receipt)
        self.filter_box.textChanged.connect(lambda text: self.show_sale(None) if not text.strip() else None)
        self.filter_message = QLabel()
        self.filter_message.setStyleSheet("font-size: 15px;")
        self._filter_row = QHBoxLayout()
        label = QLabel(self.tr("&Find receipt:"))
        label.setBuddy(self.filter_box)
        self._filter_row.addWidget(label)
        self._filter_row.addWidget(self.filter_box, 1)
        self._filter_row.addWidget(self.filter_message, 1)
        self.filter_box.ensurePolished()  # its hint whole ("…, Enter to…" was cut, issue 14.5)
        self.filter_box.setMinimumWidth(
            min(self.filter_box.fontMetrics().horizontalAdvance(self.filter_box.placeholderText()) + 24, 640))
        sc = QShortcut(QKeySequence("Ctrl+F"), self)
        sc.activated.connect(lambda: (self.filter_box.setFocus(), self.filter_box.selectAll()))
        self.shown_sale: int | None = None

    @qasync.asyncSlot()
    async def find_receipt(self) -> None:
        text = self.filter_box.text().strip()
        if not text:
            self.show_sale(None)
            return
        try:
            sale_id = await self.engine.find_receipt(text)
        except Exception as exc:
            self.filter_message.setText(errors.report(exc, "find receipt"))
            return
        try:
            if sale_id is None or not any(row.sale.id == sale_id for row in self.rows):
                self.filter_message.setText(fmt(self.tr("No receipt %1 among this register's sales of the day."), text))
                return
            self.show_sale(sale_id)
            self.table.setFocus()  # Enter again reprints it, F6 refunds it
        except RuntimeError:  # the dialog was closed meanwhile
            pass

    def show_sale(self, sale_id: int | None) -> None:
        """Only the rows of sale `sale_id` (None: every row), the first of them selected."""
        self.shown_sale = sale_id
        self.filter_message.setText("")
        first = None
        for r, row in enumerate(self.rows):
            hidden = sale_id is not None and row.sale.id != sale_id
            self.table.setRowHidden(r, hidden)
            if not hidden and first is None:
                first = r
        if first is not None and sale_id is not None:
            self.table.selectRow(first)
        self._update_buttons()

    def state_of(self, row: DaySale) -> str:
        """The row's state as the cashier reads it: refunds and earlier charges included."""
        state = ui_state(row.attempt.state)
        text = state_text(state).title
        if row.refunded > 0 and row.attempt.state == AttemptState.PAID:
            text = self.tr("Refunded") if row.net == 0 else self.tr("Partly refunded")
        if row.attempts > 1:
            earlier = ", ".join(state_text(ui_state(s)).title.lower() for s in row.earlier)
            if earlier:
                text = fmt(self.tr("%1 (charge %2; before: %3)"), text, row.attempts, earlier)
            else:
                text = fmt(self.tr("%1 (charge %2)"), text, row.attempts)
        return text

    def set_rows(self, rows: list[DaySale]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            state = ui_state(row.attempt.state)
            values = (
                row.attempt.created_at.astimezone().strftime("%H:%M:%S"),
                row.receipt or row.sale.code,  # a paid sale by its receipt number
                str(sum(line.quantity for line in row.sale.lines)),
                format_money(row.sale.total, self.site),
                format_money(-row.refunded, self.site) if row.refunded else "",
                self.state_of(row),
                ", ".join(str(p) for p in row.payment_ids),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c in MONEY_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == STATE_COLUMN:
                    colour_key = STATES.get(state, STATES["failed"]).colour_key
                    if row.refunded > 0 and colour_key == "paid":
                        colour_key = "cancelled"  # money given back: grey, not the paid green
                    bg, fg = theme.STATE_COLOURS.get(colour_key, ("#ffffff", "#000"))
                    item.setBackground(QColor(bg))
                    item.setForeground(QColor(fg))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(STATE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.summary.setText(self.summary_text(rows))
        if rows and not self.table.selectedItems():
            self.table.selectRow(0)
        if self.shown_sale is not None:
            self.show_sale(self.shown_sale)  # a refresh keeps the search
        self._update_buttons()

    def summary_text(self, rows: list[DaySale]) -> str:
        """The footer: paid count and total, what was refunded, the net, what is not paid."""
        paid = [row for row in rows if row.attempt.state == AttemptState.PAID]
        total = sum((row.paid for row in paid), Decimal(0))
        refunded = sum((row.refunded for row in paid), Decimal(0))
        review = sum(1 for row in rows if row.attempt.state == AttemptState.NEEDS_REVIEW)
        text = fmt(self.tr("%1 paid · %2"), len(paid), format_money(total, self.site))
        if refunded:
            net = sum((row.net for row in paid), Decimal(0))
            text += " · " + fmt(self.tr("refunded %1 · net %2"), format_money(refunded, self.site),
                                format_money(net, self.site))
        if len(rows) > len(paid):
            text += " · " + fmt(self.tr("%1 not paid"), len(rows) - len(paid))
        if review:
            text += " · " + fmt(self.tr("%1 need a supervisor"), review)
        return text

    def selected(self) -> DaySale | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.reprint_button.setEnabled(row is not None and row.attempt.state == AttemptState.PAID)
        self.refund_button.setEnabled(row is not None and bool(row.payment_ids))
        self.review_button.setEnabled(row is not None and row.attempt.state == AttemptState.NEEDS_REVIEW)

    def reprint(self) -> None:
        row = self.selected()
        if row is None or row.attempt.state != AttemptState.PAID:
            return
        self.reprint_requested.emit(row.attempt.id)

    def refund(self) -> None:
        """F6: refund the selected sale's payment (a supervisor, with the PIN)."""
        row = self.selected()
        if row is not None and row.payment_ids:
            self.refund_requested.emit(row.attempt.id)

    def review(self) -> None:
        """F7: resolve the selected sale that needs review (a supervisor, after the live lookup)."""
        row = self.selected()
        if row is not None and row.attempt.state == AttemptState.NEEDS_REVIEW:
            self.review_requested.emit(row.attempt.id)
