"""The customer-facing screen: amount, QR and payment state, readable from 1.5 m.

A separate top-level window, meant for a second monitor turned towards the customer
(`go_fullscreen_on`). It only displays; the main window drives it:

    cw = CustomerWindow()
    cw.set_static_qr(pos.qr_code)
    cw.show_charge(Decimal("1234.50"), SITES["MLA"])   # amount + QR, state "waiting"
    cw.set_countdown(600)                               # ticks down by itself
    cw.set_state("scanned") ... cw.set_state("paid")
    cw.set_state("idle")                                # next customer

Texts follow the charge's site language (Spanish, Portuguese; English otherwise)
unless a language is fixed with `set_language`. Font sizes follow the window size.
"""

from __future__ import annotations

import math
import time
from decimal import Decimal

from PySide6.QtCore import QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QScreen,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qrcashier.domain.money import Site
from qrcashier.domain.receipt import format_money, language_for
from qrcashier.ui.sale.customer_texts import TEXTS, USTED, VOSEO_SITES
from qrcashier.ui.sale.qr_view import QrView
from qrcashier.ui.sale.status_glyph import StatusGlyph
from qrcashier.ui.shell import theme

STATES = (
    "idle",
    "publishing",
    "waiting",
    "scanned",
    "rejected",
    "paid",
    "expired",
    "cancelled",
    "needs_review",
    "offline",
    "verifying",
    "failed",
)
# States in which scanning the QR is still useful: the QR is shown.
QR_STATES = frozenset({"waiting", "scanned", "rejected", "offline"})
# States in which the order can still expire: the countdown is shown.
COUNTDOWN_STATES = frozenset({"publishing", "waiting", "scanned", "rejected", "offline", "verifying"})
# What replaces the QR in the other states.
_GLYPHS = {
    "publishing": "dots",
    "verifying": "dots",  # the register lost Mercado Pago while the order was on the QR: no "scan to pay"
    "paid": "check",
    "expired": "clock",
    "cancelled": "cross",
    "needs_review": "alert",
    "failed": "alert",
}

# States drawn in another state's colours.
COLOUR_OF = {"verifying": "offline"}

# The caption above the amount, when nothing is left to pay.
_CAPTIONS = {
    "paid": "amount_caption_paid",
    "expired": "amount_caption_plain",
    "cancelled": "amount_caption_plain",
    "failed": "amount_caption_plain",
}

URGENT_SECONDS = 30  # the countdown turns red below this


def open_url(url: str) -> bool:
    """Open a URL in the desktop browser (a module function so tests can replace it)."""
    return QDesktopServices.openUrl(QUrl(url))


def choose_screen(screens, primary):
    """The customer's screen: the first one that is not the primary, else the primary."""
    others = [s for s in screens if s.name() != primary.name()]
    return others[0] if others else primary


def format_countdown(seconds: float) -> str:
    total = max(0, math.ceil(seconds))
    return f"{total // 60}:{total % 60:02d}"


_FITTED: dict[tuple, int] = {}  # (font key, text, max_px, width, height) -> pixel size
_FITTED_MAX = 1024  # entries; a shift's texts and window sizes stay far below this


def _fit_pixel_size(font: QFont, text: str, max_px: int, width: int, height: int | None = None) -> int:
    """The largest pixel size <= max_px at which `text` fits `width` (and `height`, word-wrapped).

    Measuring takes a QFontMetrics per candidate size (a few ms for a long text), and the same
    text is fitted into the same box again on every state change: the answer is remembered."""
    key = (font.key(), text, int(max_px), width, height)
    px = _FITTED.get(key)
    if px is None:
        if len(_FITTED) >= _FITTED_MAX:
            _FITTED.clear()
        px = _FITTED[key] = _measure_pixel_size(font, text, max_px, width, height)
    return px


def _measure_pixel_size(font: QFont, text: str, max_px: int, width: int, height: int | None) -> int:
    px = max(8, int(max_px))
    f = QFont(font)
    while px > 8:
        f.setPixelSize(px)
        fm = QFontMetrics(f)
        if height is None:
            fits = fm.horizontalAdvance(text) <= width
        else:
            r = fm.boundingRect(QRect(0, 0, max(1, width), 100_000), Qt.TextFlag.TextWordWrap, text)
            fits = r.width() <= width and r.height() <= height
        if fits:
            break
        px = min(px - 1, int(px * 0.93))
    return px


class CustomerWindow(QWidget):
    """The customer display. See the module docstring for the flow."""

    phone_page_requested = Signal(str)  # emitted with the URL when the phone button is clicked

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("QR Cashier — Customer"))
        self._fixed_language = language
        self._language = language or "en"
        self._state = "idle"
        self._message: str | None = None
        self._amount: Decimal | None = None
        self._discount = Decimal(0)  # the sale's discount, shown under the amount when there is one
        self._site: Site | None = None
        self._static_qr: str | None = None
        self._dynamic_qr: str | None = None
        self._deadline: float | None = None
        self._phone_url: str | None = None
        self._store_name = ""
        self._countdown_urgent: bool | None = None  # the colour the countdown's style sheet has
        self._fitted: tuple | None = None  # what the fonts were last fitted to (_fit)

        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor(theme.PAPER))
        pal.setColor(QPalette.ColorRole.WindowText, QColor(theme.INK))
        self.setPalette(pal)
        self.setAutoFillBackground(True)

        # left column: store, caption, amount, countdown, phone button
        self._store = QLabel()
        self._caption = QLabel()
        self._amount_label = QLabel()
        self._discount_label = QLabel()
        self._countdown = QLabel()
        self._hint = QLabel()
        for label, colour in (
            (self._store, theme.MUTED),
            (self._caption, theme.MUTED),
            (self._amount_label, theme.INK),
            (self._discount_label, theme.MUTED),
            (self._countdown, theme.INK),
            (self._hint, theme.MUTED),
        ):
            label.setStyleSheet(f"color: {colour};")
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._amount_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._phone = QPushButton()
        self._phone.setCursor(Qt.CursorShape.PointingHandCursor)
        self._phone.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._phone.setStyleSheet(
            f"QPushButton {{ padding: 8px 16px; color: {theme.ACCENT}; background: #f2f5f8;"
            f" border: 1px solid {theme.LINE}; border-radius: 6px; }}"
            f" QPushButton:pressed {{ background: #dde3ea; }}"
        )
        self._phone.clicked.connect(self._on_phone_clicked)
        self._phone.hide()

        left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self._store)
        left.addStretch(1)
        left.addWidget(self._caption)
        left.addWidget(self._amount_label)
        left.addWidget(self._discount_label)
        left.addSpacing(12)
        left.addWidget(self._countdown)
        left.addStretch(1)
        left.addWidget(self._hint)
        left.addSpacing(8)
        left.addWidget(self._phone, 0, Qt.AlignmentFlag.AlignLeft)
        # No browser opened (none installed, a kiosk session): the address, to type on a phone.
        self._phone_link = QLabel()
        self._phone_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._phone_link.setWordWrap(True)
        self._phone_link.hide()
        left.addWidget(self._phone_link)

        # right: the QR, or a status glyph in its place
        self.qr_view = QrView()
        self._glyph = StatusGlyph()
        self._visual = QStackedWidget()
        self._visual.addWidget(self.qr_view)
        self._visual.addWidget(self._glyph)

        self._body = QHBoxLayout()
        self._body.addLayout(left, 1)
        self._body.addWidget(self._visual, 0, Qt.AlignmentFlag.AlignVCenter)

        # bottom: the state band, full width, coloured per state
        self._band = QFrame()
        self._band.setObjectName("stateBand")
        self._state_label = QLabel()
        self._state_label.setWordWrap(True)
        self._state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message_label = QLabel()
        self._message_label.setWordWrap(True)
        self._message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self._state_label, self._message_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        band = QVBoxLayout(self._band)
        band.addStretch(1)
        band.addWidget(self._state_label)
        band.addWidget(self._message_label)
        band.addStretch(1)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addLayout(self._body, 1)
        root.addWidget(self._band)

        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self._tick)

        # An explicit minimum: otherwise the layout's minimum, which includes the QR's current
        # fixed size, would stop the window from ever shrinking.
        self.setMinimumSize(480, 360)
        self.resize(1024, 768)
        self._render()

    # -- public API --------------------------------------------------------------------

    def state(self) -> str:
        return self._state

    def language(self) -> str:
        return self._language

    def set_language(self, language: str | None) -> None:
        """Fix the screen's language ("es", "pt", "en"), or None to follow each charge's site."""
        if language is not None and language not in TEXTS:
            raise ValueError(f"no customer texts for language {language!r}")
        self._fixed_language = language
        self._language = language or (language_for(self._site) if self._site else "en")
        self._render()

    def set_store_name(self, name: str) -> None:
        self._store_name = name
        self._render()

    def set_static_qr(self, payload: str | None) -> None:
        """The register's static QR (`pos.qr_code`), shown whenever no dynamic QR is given."""
        self._static_qr = payload or None
        self._render()

    def show_charge(self, amount: Decimal, site: Site, qr_data: str | None = None,
                    discount: Decimal = Decimal(0)) -> None:
        """Show an amount to pay and the QR (qr_data for a dynamic order, else the static QR);
        a sale's discount (line and cart discounts together) shows under the amount.

        Switches to "waiting"; call set_state("publishing") afterwards if the order is not on
        the register yet.
        """
        if not isinstance(amount, Decimal):
            raise TypeError("amount must be a Decimal")
        if not isinstance(discount, Decimal):
            raise TypeError("discount must be a Decimal")
        self._amount, self._site, self._discount = amount, site, discount
        self._dynamic_qr = qr_data or None
        if self._fixed_language is None:
            self._language = language_for(site)
        self._state, self._message = "waiting", None
        self._render()

    def set_state(self, state: str, message: str | None = None) -> None:
        """Show a payment state; `message` adds a smaller line (e.g. why a payment was rejected).

        "idle" also clears the amount, the dynamic QR and the countdown.
        """
        if state not in STATES:
            raise ValueError(f"unknown customer state {state!r}; expected one of {', '.join(STATES)}")
        self._state, self._message = state, message or None
        if state == "idle":
            self._amount = None
            self._discount = Decimal(0)
            self._dynamic_qr = None
            self._deadline = None
        self._render()

    def set_countdown(self, seconds: float | None) -> None:
        """Show the time left to pay; it then ticks down by itself. None hides it."""
        self._deadline = None if seconds is None else time.monotonic() + max(0.0, float(seconds))
        self._render()

    def set_phone_url(self, url: str | None) -> None:
        """Show a button that opens the sandbox's phone page at `url` (hidden when None)."""
        self._phone_url = url or None
        self._render()

    def go_fullscreen_on(self, screen: QScreen | None = None) -> QScreen:
        """Show full screen on `screen`, or on the first screen that is not the primary one
        (the primary one when there is only one). Returns the screen used."""
        if screen is None:
            screen = choose_screen(QGuiApplication.screens(), QGuiApplication.primaryScreen())
        if self.isFullScreen():
            self.showNormal()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        return screen

    def prewarm_fits(self) -> None:
        """Fit the band's sentence of every state, and the captions, at this window's size and
        language, without showing any of them: the first charge's state changes then find
        their font sizes measured and their font sizes loaded (issue 15). Nothing on screen
        changes; the main window calls it once the register is ready."""
        w, h = max(self.width(), 320), max(self.height(), 240)
        margin = max(16, int(h * 0.04))
        band_h = int(h * 0.24)
        band_w = w - 2 * margin
        side = max(120, min(h - band_h - 2 * margin, int((w - 3 * margin) * 0.45)))
        text_w = w - 3 * margin - side  # a charge shows the QR or a glyph beside the text
        bold = QFont(self.font())
        bold.setBold(True)
        plain = QFont(self.font())
        plain.setBold(False)
        for state in STATES:
            for state_h in (int((band_h - margin) * 0.95), int((band_h - margin) * 0.62)):  # without, with a message
                text = self._t(state)
                if _fit_pixel_size(bold, text, int(h * 0.075), band_w) < h * 0.075 * 0.75:
                    _fit_pixel_size(bold, text, int(h * 0.075), band_w, state_h)
        for key in {"amount_caption", *_CAPTIONS.values()}:
            _fit_pixel_size(plain, self._t(key), int(h * 0.05), text_w)

    # -- read-back, for the main window's tests and ours ---------------------------------

    def state_text(self) -> str:
        return self._state_label.text()

    def message_text(self) -> str:
        return self._message_label.text() if self._message_label.isVisibleTo(self) else ""

    def amount_text(self) -> str:
        return self._amount_label.text() if self._amount_label.isVisibleTo(self) else ""

    def discount_text(self) -> str:
        return self._discount_label.text() if self._discount_label.isVisibleTo(self) else ""

    def countdown_text(self) -> str:
        return self._countdown.text() if self._countdown.isVisibleTo(self) else ""

    def shown_qr(self) -> str | None:
        """The payload on screen now, or None when no QR is visible."""
        if self._visual.isVisibleTo(self) and self._visual.currentWidget() is self.qr_view:
            return self.qr_view.payload()
        return None

    def glyph(self) -> str | None:
        if self._visual.isVisibleTo(self) and self._visual.currentWidget() is self._glyph:
            return self._glyph.kind()
        return None

    def band_colours(self) -> tuple[str, str]:
        return theme.STATE_COLOURS[COLOUR_OF.get(self._state, self._state)]

    def phone_button(self) -> QPushButton:
        return self._phone

    def phone_link_text(self) -> str:
        """The sandbox phone page's address, shown when no browser opened ("" otherwise)."""
        return self._phone_link.text() if self._phone_link.isVisibleTo(self) else ""

    # -- events ----------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

    # -- internals -------------------------------------------------------------------------

    def _t(self, key: str) -> str:
        if self._language == "es" and key in USTED and (self._site is None or self._site.id not in VOSEO_SITES):
            return USTED[key]
        return TEXTS[self._language][key]

    def _on_phone_clicked(self) -> None:
        if self._phone_url:
            self.phone_page_requested.emit(self._phone_url)
            opened = open_url(self._phone_url)
            self._phone_link.setText("" if opened else self._t("phone_failed").format(self._phone_url))
            self._phone_link.setVisible(not opened)

    def _tick(self) -> None:
        if self._deadline is None or self._state not in COUNTDOWN_STATES:
            self._ticker.stop()
            return
        left = self._deadline - time.monotonic()
        self._show_countdown(left)
        if left <= 0:
            self._ticker.stop()

    def _show_countdown(self, left: float) -> None:
        urgent = left <= URGENT_SECONDS
        self._countdown.setText(self._t("countdown").format(format_countdown(left)))
        if urgent is not self._countdown_urgent:  # a style sheet re-polishes the label: only on a change
            self._countdown_urgent = urgent
            self._countdown.setStyleSheet(f"color: {'#b71c1c' if urgent else theme.INK};")

    def _render(self) -> None:
        state = self._state
        bg, fg = theme.STATE_COLOURS[COLOUR_OF.get(state, state)]
        charging = self._amount is not None and state != "idle"

        # idle shows the store's name large and centred; a charge shows it small on top
        self._store.setText(self._store_name)
        self._store.setVisible(bool(self._store_name) and charging)
        self._caption.setText(self._t(_CAPTIONS.get(state, "amount_caption")))
        self._caption.setVisible(charging)
        if charging:
            assert self._site is not None and self._amount is not None
            self._amount_label.setText(format_money(self._amount, self._site))
            self._amount_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        else:
            self._amount_label.setText(self._store_name or "")
            self._amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._amount_label.setVisible(charging or bool(self._store_name))
        discounted = charging and self._discount > 0
        self._discount_label.setText(
            self._t("discount").format(format_money(self._discount, self._site)) if discounted else "")  # type: ignore[arg-type]
        self._discount_label.setVisible(discounted)

        # QR or glyph
        payload = self._dynamic_qr or self._static_qr
        if state in QR_STATES:
            self.qr_view.set_placeholder(self._t("no_qr"))
            self.qr_view.set_payload(payload)
            self._visual.setCurrentWidget(self.qr_view)
            self._visual.show()
        elif state in _GLYPHS:
            self.qr_view.set_payload(None)
            self._glyph.set_glyph(_GLYPHS[state], bg)
            self._visual.setCurrentWidget(self._glyph)
            self._visual.show()
        else:  # idle
            self.qr_view.set_payload(None)
            self._visual.hide()
        self._hint.setText(self._t("scan_hint"))
        self._hint.setVisible(state in QR_STATES and payload is not None)

        # countdown
        counting = self._deadline is not None and state in COUNTDOWN_STATES
        self._countdown.setVisible(counting)
        if counting:
            assert self._deadline is not None
            self._show_countdown(self._deadline - time.monotonic())
            if not self._ticker.isActive():
                self._ticker.start()
        else:
            self._ticker.stop()

        self._phone.setText(self._t("phone"))
        self._phone.setVisible(self._phone_url is not None)

        # the band
        band_style = f"QFrame#stateBand {{ background: {bg}; }} QLabel {{ color: {fg}; }}"
        if band_style != self._band.styleSheet():  # re-polishing the band and its labels is not free
            self._band.setStyleSheet(band_style)
        self._state_label.setText(self._t(state))
        self._message_label.setText(self._message or "")
        self._message_label.setVisible(bool(self._message))
        self._fit()

    def _fit(self) -> None:
        """Size fonts and the QR to the window: everything scales with its height."""
        w, h = max(self.width(), 320), max(self.height(), 240)
        charging = self._amount is not None and self._state != "idle"
        labels = (self._store, self._caption, self._amount_label, self._discount_label, self._countdown,
                  self._hint, self._state_label, self._message_label)
        fitted = (w, h, self._visual.isVisibleTo(self), charging, bool(self._message), self.font().key(),
                  tuple(label.text() for label in labels))
        if fitted == self._fitted:  # the same texts in the same window: the fonts already fit
            return
        self._fitted = fitted
        margin = max(16, int(h * 0.04))
        band_h = int(h * 0.24)
        self._band.setFixedHeight(band_h)
        self._body.setContentsMargins(margin, margin, margin, margin)
        self._body.setSpacing(margin)
        band_layout = self._band.layout()
        band_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)

        body_h = h - band_h - 2 * margin
        if self._visual.isVisibleTo(self):
            side = max(120, min(body_h, int((w - 3 * margin) * 0.45)))
            self._visual.setFixedSize(side, side)
            text_w = w - 3 * margin - side
        else:
            text_w = w - 2 * margin

        base = QFont(self.font())

        def sized(label: QLabel, max_px: float, width: int, height: int | None = None, bold=False) -> None:
            f = QFont(base)
            f.setBold(bold)
            f.setPixelSize(_fit_pixel_size(f, label.text() or " ", int(max_px), width, height))
            label.setFont(f)

        sized(self._store, h * 0.04, text_w)
        sized(self._caption, h * 0.05, text_w)
        sized(self._amount_label, h * (0.15 if charging else 0.09), text_w, bold=True)
        sized(self._discount_label, h * 0.045, text_w)
        sized(self._countdown, h * 0.05, text_w)
        sized(self._hint, h * 0.035, text_w)
        band_w = w - 2 * margin
        has_msg = bool(self._message)
        state_h = int((band_h - margin) * (0.62 if has_msg else 0.95))
        # one line if that costs at most a quarter of the size, else wrapped (no orphan words)
        state_font = QFont(base)
        state_font.setBold(True)
        one_line = _fit_pixel_size(state_font, self._state_label.text(), int(h * 0.075), band_w)
        if one_line >= h * 0.075 * 0.75:
            state_font.setPixelSize(one_line)
            self._state_label.setFont(state_font)
        else:
            sized(self._state_label, h * 0.075, band_w, state_h, bold=True)
        sized(self._message_label, h * 0.04, band_w, band_h - margin - state_h)
        phone_font = QFont(base)
        phone_font.setPixelSize(max(14, int(h * 0.025)))
        self._phone.setFont(phone_font)
        # lay out now, not on the next event loop pass: geometry and grab() match the state at once
        self._band.layout().activate()
        self.layout().activate()
