"""App-wide barcode-scanner capture.

A keyboard-wedge scanner "types" the code very fast (a few milliseconds per
character) and ends with Enter. A person never types six or more characters
each within ~35 ms of the last and then Enter. This event filter, installed on
the QApplication, routes such a burst to the item field, and nothing else:

- focus in the item field: nothing to do, the field gets the keys and its own
  Enter adds the item;
- focus elsewhere in the sale window (the cart table, the search box, ...):
  printable keys are held back for a moment. If they turn out to be a scan
  (fast, long enough, ended by Enter) they are reported as a scan and the
  focused widget never sees them; otherwise they are replayed to it unchanged,
  about 40 ms late, which a person does not notice. A person typing slowly
  keeps every key, whatever has focus.
- never: while a dialog or a popup (a completer, a menu) is open, while another
  window (the customer's, a dialog) is the active one, or in a secret field (a
  password echo mode, or a widget with the Qt property `secret` set): those keys
  are left alone, untouched and never echoed in the item field.

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
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

log = logging.getLogger("qrcashier.ui.sale.scanner")

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MOD = Qt.KeyboardModifier
BLOCKING_MODIFIERS = _MOD.ControlModifier | _MOD.AltModifier | _MOD.MetaModifier


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


def is_secret(widget: QWidget | None) -> bool:
    """A PIN, token or password field: its keys are never taken, held or echoed elsewhere."""
    while widget is not None:
        if bool(widget.property("secret")):
            return True
        if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
            return True
        widget = widget.parentWidget() if not widget.isWindow() else None
    return False


def dialog_open() -> bool:
    """A modal widget, a popup, or any visible dialog window."""
    if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() is not None:
        return True
    return any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


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
        if not isinstance(obj, QWidget) or not isinstance(event, QKeyEvent):
            return False  # the QWindow sees it first; act once, on the widget
        field = self.item_field
        if obj is field or field.isAncestorOf(obj):
            return False
        # Only the widget that receives the key first: a key bubbling up to a parent
        # (the receiver ignored it) has already been seen.
        focus = QApplication.focusWidget()
        if focus is not None and obj is not focus and obj.isAncestorOf(focus):
            return False
        if not self._in_scope(obj):
            if self._held:
                self._flush()
            return False
        now = self._clock()
        gap = now - self._last_key_at
        self._last_key_at = now
        key = event.key()
        text = event.text()
        printable = bool(text) and text.isprintable() and not (event.modifiers() & BLOCKING_MODIFIERS)
        if key in ENTER_KEYS:
            return self._enter(gap)
        if not printable:
            if self._held:
                self._flush()
            return False
        return self._hold(obj, event, text, gap)

    def _in_scope(self, receiver: QWidget) -> bool:
        """The sale window is the active one, nothing is open over it, the field can take an item
        and the receiver is no secret field."""
        field = self.item_field
        window = field.window()
        if receiver.window() is not window or QApplication.activeWindow() is not window:
            return False
        if not field.isEnabled() or not field.isVisible() or is_secret(receiver):
            return False
        return not dialog_open()

    # --- cases ----------------------------------------------------------------------------------

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
