"""The till's dialogs: the cash tender (amount received, quick notes, exact, the change large),
open shift (the float), cash in / out (amount and reason) and close (expected, counted,
difference, a reason when it needs a supervisor). Keyboard first: Enter confirms, Esc goes back,
Ctrl+1..6 are the quick notes and F2 is "exact" (Ctrl+E is the line edit's own). Non-modal;
each reports with a signal and the binder (binder.py) asks for the PIN and calls the engine.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.card import card_entry
from qrcashier.domain.money import InvalidAmount, Site, parse_amount
from qrcashier.domain.receipt import format_money
from qrcashier.domain.tender import cash_tender, split
from qrcashier.presenter.till import CloseForm, MovementForm, TenderForm, TillMessage
from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import engine_text, fmt
from qrcashier.ui.till.denominations import DenominationGrid

translate = QCoreApplication.translate
FIELD_STYLE = "QLineEdit { font-size: 24px; padding: 8px; min-height: 40px; }"
BIG = "font-size: 40px; font-weight: 700;"
BAD = "color: #b71c1c; font-size: 16px;"


def entry_text(amount: Decimal, site: Site) -> str:
    """An amount the app puts into an amount field (a count's total, a quick note): written as the
    site writes money ("$ 49.010,00" in MLA), which `parse_amount` reads back to the same Decimal."""
    return format_money(amount, site)


def message_text(key: TillMessage, detail: str = "") -> str:
    """The sentence under a till field, in the app's language."""
    texts = {
        TillMessage.EMPTY: "",
        TillMessage.SHORT: translate("TillDialogs", "Less than what is due: nothing is recorded."),
        TillMessage.OVER_CEILING: translate("TillDialogs", "That amount is above the limit: check it."),
        TillMessage.NEEDS_SUPERVISOR: translate("TillDialogs", "A supervisor must authorize this, with a reason."),
        TillMessage.NONE: "",
    }
    if key == TillMessage.INVALID:
        text = engine_text(detail)
        return text[:1].upper() + text[1:]
    return texts.get(key, "")


class _TillDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet(FIELD_STYLE)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(BAD)
        self.layout_ = QVBoxLayout(self)

    def showEvent(self, event) -> None:  # noqa: N802 - Enter belongs to the fields (returnPressed), never a button
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        super().showEvent(event)

    def event(self, event) -> bool:  # noqa: D102 - on Polish, before show() sizes the dialog
        if event.type() == QEvent.Type.Polish:
            for field in self.findChildren(QLineEdit):  # each hint readable whole: "Por qué (p. ej. cambio del banc…"
                if field.placeholderText():             # was cut in the large fields' font (issue 14.5)
                    field.ensurePolished()
                    width = field.fontMetrics().horizontalAdvance(field.placeholderText()) + 24
                    field.setMinimumWidth(min(width, 900))
            self.layout_.invalidate()  # and the dialog as wide as that (its own minimum width would win)
            self.setMinimumWidth(max(self.minimumWidth(), self.layout_.minimumSize().width()))
        return super().event(event)

    def add_count_grid(self, site: Site, field: QLineEdit) -> DenominationGrid | None:
        """A count by denomination under the form: its total fills `field` (as if typed there);
        Enter on its last row confirms. None when the site's notes and coins are unknown."""
        grid = DenominationGrid(site, self)
        if not grid.available:
            grid.deleteLater()
            return None
        self._count_field, self._count_site = field, site

        def total(value: Decimal) -> None:
            field.setText(entry_text(value, site) if grid.used() else "")

        grid.total_changed.connect(total)
        grid.finished.connect(self.confirm)
        self.layout_.addWidget(QLabel(self.tr("Or count by denomination (Tab, Enter: next)")))
        self.layout_.addWidget(grid)
        QWidget.setTabOrder(field, grid.fields[0])
        return grid

    @property
    def counts(self) -> dict[Decimal, int] | None:
        """The count by denomination, when the amount field still holds its total (else None)."""
        grid = getattr(self, "grid", None)
        if grid is None or not grid.used():
            return None
        return grid.counts() if self._count_field.text().strip() == entry_text(grid.total(), self._count_site) \
            else None

    def confirm(self) -> None:  # each dialog's own
        raise NotImplementedError

    def buttons(self, ok_text: str) -> tuple[QWidget, object]:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 8, 0, 0)
        ok = theme.big_button(ok_text, "Enter", role="success")
        cancel = theme.big_button(translate("TillDialogs", "Back"), "Esc", role="secondary")
        cancel.clicked.connect(self.reject)
        row.addWidget(cancel)
        row.addWidget(ok)
        return box, ok


class TenderDialog(_TillDialog):
    """Cash for `due`: type what the customer hands over (or a quick note, or exact); the change shows large."""

    tendered = Signal(Decimal)  # the amount received
    change_changed = Signal(str)  # the change as text, for the customer window

    def __init__(self, due: Decimal, site: Site, config: TillConfig, parent: QWidget | None = None) -> None:
        super().__init__(translate("TillDialogs", "Cash"), parent)
        self.form = TenderForm(due, site, config)
        due_label = QLabel(fmt(self.tr("Due: %1"), self.form.due_text))
        due_label.setStyleSheet("font-size: 26px; font-weight: 600;")
        self.received = QLineEdit()
        self.received.setPlaceholderText(self.tr("Amount received"))
        self.change = QLabel("")
        self.change.setStyleSheet(BIG)
        self.change.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        quick = QHBoxLayout()
        self.quick_buttons = []
        self.keys: dict[str, object] = {}  # "Ctrl+1" -> its action
        for n, (label, amount) in enumerate(self.form.quick(), start=1):
            button = theme.big_button(label, f"Ctrl+{n}", role="secondary")
            button.clicked.connect(lambda _=False, a=amount: self._set(a))
            self._shortcut(f"Ctrl+{n}", lambda a=amount: self._set(a))
            quick.addWidget(button)
            self.quick_buttons.append(button)
        exact = theme.big_button(self.tr("Exact"), "F2", role="secondary")
        exact.clicked.connect(lambda: self._set(self.form.due))
        self._shortcut("F2", lambda: self._set(self.form.due))
        quick.addWidget(exact)
        form = QFormLayout()
        form.addRow(self.tr("Received"), self.received)
        change_title = QLabel(self.tr("Change"))
        change_title.setStyleSheet("font-size: 22px;")
        form.addRow(change_title, self.change)
        box, ok = self.buttons(self.tr("Take cash"))
        ok.clicked.connect(self.confirm)
        for part in (due_label,):
            self.layout_.addWidget(part)
        self.layout_.addLayout(quick)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(box)
        self.received.textChanged.connect(self._typed)
        self.received.returnPressed.connect(self.confirm)
        self.received.installEventFilter(self)
        self.setMinimumWidth(620)

    def _shortcut(self, keys: str, action) -> None:
        self.keys[QKeySequence(keys).toString()] = action

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - the quick keys work from the field too
        if obj is self.received and event.type() == QEvent.Type.KeyPress and self._quick_key(event):
            return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self._quick_key(event):
            super().keyPressEvent(event)

    def _quick_key(self, event: QKeyEvent) -> bool:
        """Ctrl+1..6 and F2 as keys, not QShortcuts: they work whichever window Qt thinks is active."""
        pressed = QKeySequence(event.keyCombination()).toString()
        action = self.keys.get(pressed)
        if action is None:
            return False
        action()
        return True

    def _set(self, amount: Decimal) -> None:
        self.received.setText(entry_text(amount, self.form.site))
        self.received.setFocus()

    def _typed(self, text: str) -> None:
        view = self.form.update(text)
        self.change.setText(view.change_text)
        self.error.setText(message_text(view.message, view.detail))
        self.change_changed.emit(view.change_text)

    def confirm(self) -> None:
        view = self.form.update(self.received.text())
        if not view.ok:
            self.error.setText(message_text(view.message, view.detail) or self.tr("Type the amount received."))
            return
        assert view.received is not None
        self.tendered.emit(view.received)
        self.accept()


class OpenShiftDialog(_TillDialog):
    """The float the drawer starts with."""

    opened = Signal(str)  # the float as typed (the engine reads it with the site's rules)

    def __init__(self, site: Site, parent: QWidget | None = None) -> None:
        super().__init__(translate("TillDialogs", "Open the shift"), parent)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Cash in the drawer (the float)"))
        form = QFormLayout()
        form.addRow(fmt(self.tr("Float (%1)"), site.currency), self.amount)
        box, ok = self.buttons(self.tr("Open shift"))
        ok.clicked.connect(self.confirm)
        self.layout_.addLayout(form)
        self.grid = self.add_count_grid(site, self.amount)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(box)
        self.amount.returnPressed.connect(self.confirm)

    def confirm(self) -> None:
        self.opened.emit(self.amount.text().strip() or "0")
        self.accept()


class CashMoveDialog(_TillDialog):
    """Cash put in or taken out, with a reason."""

    moved = Signal(str, Decimal, str, bool)  # kind, amount, reason, needs a supervisor

    def __init__(self, kind: str, site: Site, config: TillConfig, parent: QWidget | None = None) -> None:
        title = translate("TillDialogs", "Cash in") if kind == "in" else translate("TillDialogs", "Cash out")
        super().__init__(title, parent)
        self.kind, self.form = kind, MovementForm(site, config)
        self.amount = QLineEdit()
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Why (e.g. change from the bank, paid a supplier)"))
        form = QFormLayout()
        form.addRow(fmt(self.tr("Amount (%1)"), site.currency), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        box, ok = self.buttons(title)
        ok.clicked.connect(self.confirm)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(box)
        for field in (self.amount, self.reason):
            field.returnPressed.connect(self.confirm)
        self.setMinimumWidth(560)

    def confirm(self) -> None:
        amount, key, detail = self.form.check(self.amount.text(), self.reason.text())
        if amount is None:
            self.error.setText(message_text(key, detail) or self.tr("Type the amount and the reason."))
            if key == TillMessage.EMPTY:
                self.reason.setFocus()
            return
        self.moved.emit(self.kind, amount, self.reason.text().strip(), key == TillMessage.NEEDS_SUPERVISOR)
        self.accept()


class CloseShiftDialog(_TillDialog):
    """Count the drawer: expected, counted, the difference; over the threshold, a reason (and the PIN)."""

    counted = Signal(Decimal, str, bool)  # counted, reason, needs a supervisor

    def __init__(self, expected: Decimal, site: Site, config: TillConfig, parent: QWidget | None = None) -> None:
        super().__init__(translate("TillDialogs", "Close the shift"), parent)
        self.form = CloseForm(expected, site, config)
        self.expected = QLabel(self.form.expected_text)
        self.expected.setStyleSheet("font-size: 24px; font-weight: 600;")
        self.count = QLineEdit()
        self.count.setPlaceholderText(self.tr("Cash counted in the drawer"))
        self.difference = QLabel("")
        self.difference.setStyleSheet(BIG)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Why the count differs"))
        form = QFormLayout()
        form.addRow(self.tr("Expected"), self.expected)
        form.addRow(self.tr("Counted"), self.count)
        form.addRow(self.tr("Difference"), self.difference)
        form.addRow(self.tr("Reason"), self.reason)
        box, ok = self.buttons(self.tr("Close shift"))
        ok.clicked.connect(self.confirm)
        self.layout_.addLayout(form)
        self.grid = self.add_count_grid(site, self.count)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(box)
        self.count.textChanged.connect(self._typed)
        for field in (self.count, self.reason):
            field.returnPressed.connect(self.confirm)
        self.setMinimumWidth(560)

    def _typed(self, text: str) -> None:
        view = self.form.update(text)
        self.difference.setText(view.difference_text)
        self.error.setText(message_text(view.message, view.detail))

    def confirm(self) -> None:
        view = self.form.update(self.count.text())
        if not view.ok:
            self.error.setText(message_text(view.message, view.detail) or self.tr("Type the cash counted."))
            return
        if view.needs_supervisor and not self.reason.text().strip():
            self.error.setText(message_text(TillMessage.NEEDS_SUPERVISOR))
            self.reason.setFocus()
            return
        assert view.counted is not None
        self.counted.emit(view.counted, self.reason.text().strip(), view.needs_supervisor)
        self.accept()


class SplitDialog(_TillDialog):
    """Part of the sale in cash, the rest by QR, on the register's Point terminal, or by card on
    another terminal (its approval code and last four typed): the cash part and what the
    customer hands over for it. Alt+Q / Alt+P / Alt+O choose where the rest goes."""

    chosen = Signal(Decimal, Decimal)  # cash part, received (the rest by QR)
    chosen_to = Signal(Decimal, Decimal, str, str, str)  # cash part, received, "qr"|"point"|"card", approval, last 4

    def __init__(self, total: Decimal, site: Site, config: TillConfig, parent: QWidget | None = None, *,
                 terminal_id: str | None = None) -> None:
        super().__init__(translate("TillDialogs", "Cash and QR"), parent)
        self.total, self.site, self.config = total, site, config
        self.part = QLineEdit()
        self.part.setPlaceholderText(self.tr("Paid in cash"))
        self.received = QLineEdit()
        self.received.setPlaceholderText(self.tr("Handed over (empty: exact)"))
        self.remainder = QLabel("")
        self.remainder.setStyleSheet("font-size: 24px; font-weight: 600;")
        # where the rest goes (issue 20: the Point terminal, or a card on another terminal)
        self.to_qr = QRadioButton(self.tr("Rest by &QR"))
        self.to_point = QRadioButton(fmt(self.tr("Rest on &Point terminal %1"), (terminal_id or "").rpartition("__")[2])
                                     if terminal_id else self.tr("Rest on &Point terminal (none on this register)"))
        self.to_point.setEnabled(bool(terminal_id))
        self.to_card = QRadioButton(self.tr("Rest by card on an&other terminal"))
        self.method_group = QButtonGroup(self)
        methods = QVBoxLayout()  # one per line: the three choices side by side do not fit in es or pt_BR
        for button in (self.to_qr, self.to_point, self.to_card):
            self.method_group.addButton(button)
            methods.addWidget(button)
        self.to_qr.setChecked(True)
        self.authorization = QLineEdit()
        self.authorization.setMaxLength(12)
        self.authorization.setPlaceholderText(self.tr("Approval code (optional)"))
        self.last_four = QLineEdit()
        self.last_four.setMaxLength(4)
        self.last_four.setPlaceholderText(self.tr("Last 4 digits (optional)"))
        form = QFormLayout()
        form.addRow(self.tr("Cash part"), self.part)
        form.addRow(self.tr("Received"), self.received)
        self.rest_title = QLabel(self.tr("By QR"))
        form.addRow(self.rest_title, self.remainder)
        self.slip = QWidget()
        slip = QFormLayout(self.slip)
        slip.setContentsMargins(0, 0, 0, 0)
        slip.addRow(self.tr("Approval code"), self.authorization)
        slip.addRow(self.tr("Last 4 digits"), self.last_four)
        box, ok = self.buttons(self.tr("Charge the rest"))
        ok.clicked.connect(self.confirm)
        self.layout_.addWidget(QLabel(fmt(self.tr("Sale total: %1"), TenderForm(total, site, config).due_text)))
        self.layout_.addLayout(methods)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.slip)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(box)
        self.part.textChanged.connect(self._typed)
        for field in (self.part, self.received, self.authorization, self.last_four):
            field.returnPressed.connect(self.confirm)
        self.method_group.buttonToggled.connect(lambda *_: self._method_changed())
        self._method_changed()
        self.setMinimumWidth(640)

    @property
    def method(self) -> str:
        return "point" if self.to_point.isChecked() else "card" if self.to_card.isChecked() else "qr"

    def _method_changed(self) -> None:
        self.slip.setVisible(self.method == "card")
        self.rest_title.setText({"qr": self.tr("By QR"), "point": self.tr("On the terminal"),
                                 "card": self.tr("By card")}[self.method])

    def _read(self) -> tuple[Decimal, Decimal] | None:
        try:
            part = parse_amount(self.part.text(), self.site)
            rest = split(self.total, part, self.site)
            received = self.received.text().strip() or part
            tender = cash_tender(part, received, self.site, ceiling=self.config.cash_ceiling)
            if self.method == "card":
                card_entry(self.authorization.text(), self.last_four.text())
        except InvalidAmount as exc:
            self.error.setText(message_text(TillMessage.INVALID, str(exc)))
            return None
        self.remainder.setText(TenderForm(rest, self.site, self.config).due_text)
        assert tender.received is not None
        return part, tender.received

    def _typed(self, _text: str) -> None:
        self.error.clear()
        self.remainder.clear()
        if self.part.text().strip():
            self._read()

    def confirm(self) -> None:
        read = self._read()
        if read is not None:
            if self.method == "qr":
                self.chosen.emit(*read)
            auth, last = ("", "") if self.method != "card" else (self.authorization.text().strip(),
                                                                   self.last_four.text().strip())
            self.chosen_to.emit(*read, self.method, auth, last)
            self.accept()
