"""The charge status panel: one coloured state, one sentence, and what to do next.

Every state the engine can be in (and the UI's own "offline" and "idle") has an
entry in `STATES`: a short title, the sentence shown when the engine gives no
more specific one, and the next step for the cashier. `ui_state()` maps the
engine's attempt states (and a live attempt's sub-events: scanned, rejected)
to these names; the customer window takes the same names.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import engine_text


@dataclass(frozen=True)
class StateText:
    title: str
    sentence: str
    next_step: str
    colour_key: str  # a key of theme.STATE_COLOURS


STATES: dict[str, StateText] = {
    "idle": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Ready"),
        QT_TRANSLATE_NOOP("StatusPanel", "Scan or type an item to start a sale."),
        QT_TRANSLATE_NOOP("StatusPanel", "When the cart is complete press Charge (F12)."),
        "idle",
    ),
    "publishing": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Sending to the QR…"),
        QT_TRANSLATE_NOOP("StatusPanel", "Sending the order to the register's QR."),
        QT_TRANSLATE_NOOP("StatusPanel", "Wait a moment: the customer can scan as soon as the amount shows on their screen."),  # noqa: E501 (one literal for the translation tools)
        "publishing",
    ),
    "checking": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Checking…"),
        QT_TRANSLATE_NOOP("StatusPanel", "Checking with Mercado Pago whether the order reached the QR."),
        QT_TRANSLATE_NOOP("StatusPanel", "Do not take another payment yet; this takes a few seconds."),
        "publishing",
    ),
    "waiting": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Waiting for the customer"),
        QT_TRANSLATE_NOOP("StatusPanel", "The order is on the QR: the customer can scan and pay."),
        QT_TRANSLATE_NOOP("StatusPanel", "Ask the customer to scan the QR with the Mercado Pago app. Esc cancels the charge."),  # noqa: E501 (one literal for the translation tools)
        "waiting",
    ),
    "scanned": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Customer scanned"),
        QT_TRANSLATE_NOOP("StatusPanel", "The customer scanned the QR and is confirming the payment."),
        QT_TRANSLATE_NOOP("StatusPanel", "Wait while they confirm in their app."),
        "scanned",
    ),
    "rejected": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Payment rejected"),
        QT_TRANSLATE_NOOP("StatusPanel", "The payment was rejected; the order is still on the QR."),
        QT_TRANSLATE_NOOP("StatusPanel", "The customer can try again with another card or account. If they pay another way, press Esc to cancel."),  # noqa: E501 (one literal for the translation tools)
        "rejected",
    ),
    "cancelling": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Cancelling…"),
        QT_TRANSLATE_NOOP("StatusPanel", "Removing the order from the QR and checking for a last-second payment."),
        QT_TRANSLATE_NOOP("StatusPanel", "Wait: if the customer paid in the meantime, the sale completes as paid."),
        "publishing",
    ),
    "paid": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Paid"),
        QT_TRANSLATE_NOOP("StatusPanel", "Paid with Mercado Pago."),
        QT_TRANSLATE_NOOP("StatusPanel", "Hand over the receipt. Scan the next item to start a new sale."),
        "paid",
    ),
    "expired": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Expired unpaid"),
        QT_TRANSLATE_NOOP("StatusPanel", "The order expired on the QR before it was paid."),
        QT_TRANSLATE_NOOP("StatusPanel", "Press Charge (F12) to show it again, or take another payment method."),
        "expired",
    ),
    "cancelled": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Charge cancelled"),
        QT_TRANSLATE_NOOP("StatusPanel", "The order was removed from the QR and nothing was paid."),
        QT_TRANSLATE_NOOP("StatusPanel", "Press Charge (F12) to charge again, or Esc to clear the cart."),
        "cancelled",
    ),
    "failed": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Order not placed"),
        QT_TRANSLATE_NOOP("StatusPanel", "The order could not be placed on the QR."),
        QT_TRANSLATE_NOOP("StatusPanel", "The sale is kept: press Charge (F12) to try again."),
        "failed",
    ),
    "needs_review": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Payment not confirmed"),
        QT_TRANSLATE_NOOP("StatusPanel", "Mercado Pago's answer could not be confirmed for this sale."),
        QT_TRANSLATE_NOOP("StatusPanel", "Do not hand over the goods yet: call a supervisor to review it in Sales of the day (F9)."),  # noqa: E501 (one literal for the translation tools)
        "needs_review",
    ),
    "voided": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Marked not paid"),
        QT_TRANSLATE_NOOP("StatusPanel", "A supervisor marked this charge as not paid."),
        QT_TRANSLATE_NOOP("StatusPanel", "Press Charge (F12) to charge again, or Esc to clear the cart."),
        "cancelled",
    ),
    "offline": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "No connection"),
        QT_TRANSLATE_NOOP("StatusPanel", "Mercado Pago cannot be reached from this computer."),
        QT_TRANSLATE_NOOP("StatusPanel", "The sale is kept. Check the internet connection and press Charge (F12) again, or take another payment method."),  # noqa: E501 (one literal for the translation tools)
        "offline",
    ),
    "cart": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Sale in progress"),
        QT_TRANSLATE_NOOP("StatusPanel", "Keep scanning or typing items; nothing is charged yet."),
        QT_TRANSLATE_NOOP("StatusPanel", "When the cart is complete press Charge (F12)."),
        "idle",
    ),
    "verifying": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Payment being verified"),
        QT_TRANSLATE_NOOP("StatusPanel", "Mercado Pago is not answering: if the customer has paid, the sale completes as soon as the connection is back."),  # noqa: E501 (one literal for the translation tools)
        QT_TRANSLATE_NOOP("StatusPanel", "Do not charge again. The customer's screen says the payment is being verified."),  # noqa: E501 (one literal for the translation tools)
        "offline",
    ),
    "not_reached": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Mercado Pago is not answering"),
        QT_TRANSLATE_NOOP("StatusPanel", "It is not known whether the order reached the QR: Mercado Pago has not answered after several tries."),  # noqa: E501 (one literal for the translation tools)
        QT_TRANSLATE_NOOP("StatusPanel", "Do not charge again. To take cash instead, press Esc to cancel the charge, then Cash (F8)."),  # noqa: E501 (one literal for the translation tools)
        "offline",
    ),
    "starting": StateText(
        QT_TRANSLATE_NOOP("StatusPanel", "Starting…"),
        QT_TRANSLATE_NOOP("StatusPanel", "Checking unfinished sales with Mercado Pago before the first charge."),
        QT_TRANSLATE_NOOP("StatusPanel", "You can already scan items; Charge is enabled in a moment."),
        "publishing",
    ),
}

# The engine's attempt states → panel states.
ENGINE_STATES = {
    "created": "publishing",
    "publishing": "publishing",
    "waiting": "waiting",
    "unknown": "checking",
    "cancel_requested": "cancelling",
    "paid": "paid",
    "cancelled": "cancelled",
    "expired": "expired",
    "failed": "failed",
    "needs_review": "needs_review",
    "voided": "voided",
}
# Panel states → the customer window's states (it knows fewer).
CUSTOMER_STATES = {
    "checking": "publishing",
    "cancelling": "publishing",
    "voided": "cancelled",
    "starting": "idle",
    "cart": "idle",
    "not_reached": "publishing",  # the order may not be on the QR: no QR to scan, no "paid"
}
LIVE = frozenset({"publishing", "checking", "waiting", "scanned", "rejected", "cancelling", "verifying",
                  "not_reached"})
# No countdown while it is not known whether the order reached the QR.
NO_COUNTDOWN = frozenset({"checking", "not_reached"})


def state_text(state: str) -> StateText:
    """The state's texts in the app's language (`STATES` keeps the English sources)."""
    text = STATES.get(state) or STATES["failed"]

    def tr(source: str) -> str:
        return QCoreApplication.translate("StatusPanel", source)

    return StateText(tr(text.title), tr(text.sentence), tr(text.next_step), text.colour_key)


def ui_state(engine_state: str) -> str:
    return ENGINE_STATES.get(str(engine_state), "failed")


def customer_state(state: str) -> str:
    return CUSTOMER_STATES.get(state, state)


def format_countdown(seconds: int | None) -> str:
    if seconds is None:
        return ""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class StatusPanel(QFrame):
    """A coloured band: title (large), sentence, next step, a countdown and a detail line.

    Colours change through the palette and a painted background, never through
    setStyleSheet: re-polishing a widget tree on every state change costs whole frames.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPanel")
        self._state = ""
        self._bg = QColor(theme.STATE_COLOURS["idle"][0])
        self.title = QLabel()
        self.sentence = QLabel()
        self.next_step = QLabel()
        self.countdown = QLabel()
        self.detail = QLabel()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for label, px, bold in (
            (self.title, 26, True), (self.sentence, 18, False), (self.next_step, 16, True),
            (self.countdown, 26, True), (self.detail, 14, False),
        ):
            font = label.font()
            font.setPixelSize(px)
            font.setBold(bold)
            label.setFont(font)
            if label is not self.countdown:
                label.setWordWrap(True)
                # never shorter than its text (a clipped next step at 1280 x 720, issue 14.5)
                label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        # The detail is one line, elided (the whole of it in the tooltip): wrapped, the payment's and the
        # order's numbers took the next step's last line at 1280 x 720 (issue 14.5).
        self.detail.setWordWrap(False)
        self._detail = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title, 1)
        row.addWidget(self.countdown, 0)
        layout.addLayout(row)
        layout.addWidget(self.sentence)
        layout.addWidget(self.next_step)
        layout.addStretch(1)
        layout.addWidget(self.detail)
        self.set_state("idle")

    @property
    def state(self) -> str:
        return self._state

    def set_state(self, state: str, sentence: str | None = None, next_step: str | None = None) -> None:
        text = state_text(state)
        self._state = state
        bg, fg = theme.STATE_COLOURS.get(text.colour_key, theme.STATE_COLOURS["idle"])
        if QColor(bg) != self._bg:
            self._bg = QColor(bg)
            ink = QColor(fg)
            for label in (self.title, self.sentence, self.next_step, self.countdown, self.detail):
                pal = label.palette()
                pal.setColor(QPalette.ColorRole.WindowText, ink)
                label.setPalette(pal)
            self.update()
        self.title.setText(text.title)
        self.sentence.setText(_sentence(engine_text(sentence) if sentence else text.sentence))
        self.next_step.setText(engine_text(next_step) if next_step else text.next_step)
        if state not in LIVE or state in NO_COUNTDOWN:
            self.set_countdown(None)

    def set_detail(self, text: str) -> None:
        """A small line at the bottom: the sale, the charge number, the payment id."""
        self._detail = text
        self.detail.setToolTip(text)
        self._elide_detail()

    def _elide_detail(self) -> None:
        width = self.detail.width() if self.detail.isVisible() else self.contentsRect().width() - 36
        text = self.detail.fontMetrics().elidedText(self._detail, Qt.TextElideMode.ElideRight, max(width, 0))
        if self.detail.text() != text:
            self.detail.setText(text)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide_detail()

    def set_countdown(self, seconds: int | None) -> None:
        text = format_countdown(None if self._state in NO_COUNTDOWN else seconds)
        if self.countdown.text() != text:
            self.countdown.setText(text)

    def background(self) -> str:
        return self._bg.name()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._bg)
        painter.drawRoundedRect(QRectF(self.rect()), 10, 10)
        painter.end()


def _sentence(text: str) -> str:
    text = text.strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text
