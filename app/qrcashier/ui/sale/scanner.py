"""App-wide barcode-scanner capture.

A keyboard-wedge scanner "types" the code very fast (a few milliseconds per
character) and ends with Enter. A person never types six or more characters
each within ~35 ms of the last and then Enter. This event filter, installed on
the QApplication, routes such a burst to the item field whatever has focus:

- focus in the item field: nothing to do, the field gets the keys and its own
  Enter adds the item;
- focus on something that takes no text (the cart table, a button, the
  customer window): printable keys go straight into the item field, and the
  Enter that ends them is reported as a scan;
- focus in another text field (the search box, a price, a dialog): printable
  keys are held back for a moment. If they turn out to be a scan (fast, long
  enough, ended by Enter) they are reported as a scan and the other field never
  sees them; otherwise they are replayed to that field unchanged, about 40 ms
  late, which a person does not notice.

Key shortcuts (F2, F12, Esc, ...) are not printable and pass untouched.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

log = logging.getLogger("qrcashier.ui.sale.scanner")

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
BLOCKING_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def takes_text(widget: QWidget | None) -> bool:
    if widget is None:
        return False
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return False


@dataclass
class _Held:
    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScannerCapture(QObject):
    """Install with `app.installEventFilter(capture)`. Emits `scanned(code)` for a routed burst."""

    scanned = Signal(str)

    def __init__(
        self,
        item_field: QLineEdit,
        *,
        max_interval: float = 0.035,
        min_length: int = 6,
        hold_ms: int = 40,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.item_field = item_field
        self.max_interval = max_interval
        self.min_length = min_length
        self._clock = clock
        self._held: list[_Held] = []
        self._held_fast = True
        self._last_key_at = 0.0
        self._redirecting = False  # printable keys are being typed into the item field for us
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self._flush)
        self.enabled = True

    def stop(self) -> None:
        """Drop held keys and stop the timer (the window is going away)."""
        self.enabled = False
        self._timer.stop()
        self._held.clear()

    # --- the filter ---------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(obj, QWidget):
            return False  # the QWindow sees it first; act once, on the widget
        field = self.item_field
        if obj is field or field.isAncestorOf(obj):
            self._redirecting = False
            return False
        if not isinstance(event, QKeyEvent):
            return False
        # Only the widget that receives the key first: a key bubbling up to a parent
        # (the receiver ignored it) has already been seen.
        focus = QApplication.focusWidget()
        if focus is not None and obj is not focus and obj.isAncestorOf(focus):
            return False
        now = self._clock()
        gap = now - self._last_key_at
        key = event.key()
        text = event.text()
        printable = bool(text) and text.isprintable() and not (event.modifiers() & BLOCKING_MODIFIERS)

        if key in ENTER_KEYS:
            self._last_key_at = now
            return self._enter(gap)
        if not printable:
            if self._held:
                self._flush()
            self._redirecting = False
            return False
        self._last_key_at = now
        if not takes_text(obj):
            return self._redirect(text, gap)
        return self._hold(obj, event, text, gap)

    # --- cases ----------------------------------------------------------------------------------

    def _redirect(self, text: str, gap: float) -> bool:
        """Focus is on something that takes no text: the keys belong to the item field."""
        field = self.item_field
        if not field.isEnabled():
            return False
        if not self._redirecting or gap > 1.0:
            self._redirecting = True
        field.insert(text)
        return True

    def _hold(self, receiver: QWidget, event: QKeyEvent, text: str, gap: float) -> bool:
        if self._held and gap > self.max_interval:
            self._flush()  # a person typing: hand the earlier keys over now
        if self._held:
            self._held_fast = self._held_fast and gap <= self.max_interval
        else:
            self._held_fast = True
        self._held.append(_Held(receiver, event.key(), event.modifiers(), text))
        self._timer.start()
        return True

    def _enter(self, gap: float) -> bool:
        field = self.item_field
        if self._redirecting:
            self._redirecting = False
            code = field.text().strip()
            if code:
                field.clear()
                self._emit(code)
                return True
            return False
        if self._held:
            code = "".join(h.text for h in self._held)
            if self._held_fast and gap <= self.max_interval * 3 and len(code.strip()) >= self.min_length:
                self._timer.stop()
                self._held.clear()
                self._emit(code.strip())
                return True
            self._flush()
        return False

    def _emit(self, code: str) -> None:
        log.debug("scanner burst routed to the item field (%d characters)", len(code))
        self.scanned.emit(code)

    def _flush(self) -> None:
        """Replay held keys to the widget they were meant for."""
        self._timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for h in held:
                if h.receiver is None:
                    continue
                try:
                    press = QKeyEvent(QEvent.Type.KeyPress, h.key, h.modifiers, h.text)
                    QApplication.sendEvent(h.receiver, press)
                except RuntimeError:  # the widget was deleted meanwhile
                    break
        finally:
            self._replaying = False
