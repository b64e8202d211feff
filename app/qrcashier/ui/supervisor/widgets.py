"""What the supervisor dialogs share: colours, labels, the busy bar, the outcome line, the dialog frame."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from qrcashier.domain.money import Site
from qrcashier.domain.receipt import format_money
from qrcashier.domain.sale import AttemptState
from qrcashier.ui.shell import theme

S = AttemptState

OK_COLOUR = "#1e7b34"
BAD_COLOUR = "#b71c1c"
WARN_BG = "#fff4d6"
MAX_REASON = 200

ACTION_TITLES = {
    "cancel_requested": QT_TRANSLATE_NOOP("AuditLogDialog", "Order cancelled on the QR"),
    "refund_requested": QT_TRANSLATE_NOOP("AuditLogDialog", "Refund"),
    "review_resolved_paid": QT_TRANSLATE_NOOP("AuditLogDialog", "Review: marked paid"),
    "review_resolved_void": QT_TRANSLATE_NOOP("AuditLogDialog", "Review: voided"),
    "sale_discarded": QT_TRANSLATE_NOOP("AuditLogDialog", "Sale discarded"),
    "token_replaced": QT_TRANSLATE_NOOP("AuditLogDialog", "Access token replaced"),
    "token_removed": QT_TRANSLATE_NOOP("AuditLogDialog", "Access token removed"),
    "pin_changed": QT_TRANSLATE_NOOP("AuditLogDialog", "Supervisor PIN changed"),
    "settings_changed": QT_TRANSLATE_NOOP("AuditLogDialog", "Settings changed"),
}


def service_errors() -> tuple[type[BaseException], ...]:
    from qrcashier.checkout.errors import CheckoutError
    from qrcashier.mercadopago.errors import MercadoPagoError

    return (CheckoutError, MercadoPagoError, ValueError)


def money(amount, site: Site) -> str:
    """The amount as the site writes it, never broken across two lines ("$ 3.000,00")."""
    return format_money(amount, site).replace(" ", "\u00a0")


def refit_later(widget: QWidget) -> None:
    """Ask the dialog holding `widget` to fit its content again, once the layout has settled."""
    window = widget.window()
    if hasattr(window, "fit"):
        QTimer.singleShot(0, window, window.fit)


def make_label(text: str = "", *, bold: bool = False, size: int | None = None, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    style = []
    if bold:
        style.append("font-weight: 600;")
    if size:
        style.append(f"font-size: {size}px;")
    if style:
        label.setStyleSheet(" ".join(style))
    return label


class Busy(QWidget):
    """An indeterminate bar and a sentence, shown while a network or journal call runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.text = make_label()
        self.text.setStyleSheet(f"color: {theme.MUTED};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        self.hide()

    def start(self, text: str) -> None:
        self.text.setText(text)
        self.show()
        refit_later(self)

    def stop(self) -> None:
        self.hide()
        refit_later(self)


class Outcome(QLabel):
    """The result of an action: one sentence on a coloured band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.kind = ""
        self.hide()

    def show_result(self, kind: str, text: str) -> None:
        bg, fg = {
            "ok": ("#e3f3e6", "#0f4d1f"),
            "paid": theme.STATE_COLOURS["paid"],
            "warn": (WARN_BG, "#5c3b00"),
            "error": ("#fde7e7", "#7a1010"),
        }.get(kind, ("#eef1f4", theme.INK))
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(
            f"background: {bg}; color: {fg}; border-radius: 6px; padding: 10px 12px; font-size: 16px; font-weight: 600;"
        )
        self.show()
        refit_later(self)

    def clear(self) -> None:
        self.kind = ""
        self.setText("")
        self.hide()
        refit_later(self)


class SupervisorDialog(QDialog):
    """Non-modal, deleted on close, big buttons styled like the main window's."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet(theme.DISABLED_BUTTONS)
        self._closed = False
        self.finished.connect(lambda _r: setattr(self, "_closed", True))

    def _margins(self, layout: QVBoxLayout) -> QVBoxLayout:
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(10)
        return layout

    def fit(self) -> None:
        """Take the height the content needs at the current width (wrapped text included):
        a top-level window does not follow its labels' height-for-width on its own."""
        layout = self.layout()
        if layout is None or not self.alive():
            return
        layout.activate()
        width = max(self.width(), layout.minimumSize().width())
        height = self.heightForWidth(width)
        if height < 0:
            height = layout.sizeHint().height()
        self.resize(width, max(height, layout.minimumSize().height()))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self, self.fit)

    def alive(self) -> bool:
        """False once the dialog was closed (a coroutine finishing later must not touch it)."""
        if self._closed:
            return False
        try:
            self.isVisible()
        except RuntimeError:
            return False
        return True


def reason_field(placeholder: str, choices: tuple[str, ...] = ()) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(choices)
    box.setCurrentIndex(-1)
    box.lineEdit().setPlaceholderText(placeholder)
    box.lineEdit().setMaxLength(MAX_REASON)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return box


def reason_of(box: QComboBox) -> str:
    return " ".join(box.currentText().split())
