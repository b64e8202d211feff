"""The window's open dialogs: kept referenced while open (non-modal, `open()` never `exec()`),
the keyboard handed back to the item field when one closes, all closed at shutdown.

    keeper = DialogKeeper(window, focus=item_field.setFocus)
    keeper.open(dialog)                      # a one-off dialog (search, quantity, weight...)
    keeper.keep("sales", dialog)             # a named one the window reuses (sales, diagnostics)
    keeper.get("sales")                      # that one while it lives, else None
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


class DialogKeeper:
    def __init__(self, window: QWidget, focus: Callable[[], None]) -> None:
        self.window = window
        self._focus = focus
        self.open_dialogs: list[QWidget] = []
        self._named: dict[str, QWidget] = {}
        self.closing = False  # shutting down: no focus juggling

    def __len__(self) -> int:
        return len(self.open_dialogs)

    def __getitem__(self, index: int) -> QWidget:
        return self.open_dialogs[index]

    def open(self, dialog: QWidget) -> QWidget:
        """Open `dialog` window-modal (no nested event loop) and keep it until it finishes."""
        self.open_dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self.closed(dialog))
        dialog.open()
        return dialog

    def closed(self, dialog: QWidget | None = None) -> None:
        """A dialog finished: forget it; the keyboard comes back to the window, not the customer's."""
        if dialog in self.open_dialogs:
            self.open_dialogs.remove(dialog)
        if not self.closing:
            self.window.activateWindow()
            self._focus()

    def keep(self, name: str, dialog: QWidget, *, refocus: bool = True) -> QWidget:
        """A reusable dialog under `name`; forgotten when Qt deletes it."""
        self._named[name] = dialog
        dialog.destroyed.connect(lambda *_: self._named.get(name) is dialog and self._named.pop(name, None))
        if refocus and hasattr(dialog, "finished"):
            dialog.finished.connect(lambda _r: self.closed(None))
        return dialog

    def get(self, name: str) -> QWidget | None:
        dialog = self._named.get(name)
        if dialog is None:
            return None
        try:
            dialog.objectName()  # raises once the C++ object is gone
        except RuntimeError:
            self._named.pop(name, None)
            return None
        return dialog

    def forget(self, name: str) -> None:
        self._named.pop(name, None)

    def close_all(self, *extra: QWidget | None) -> None:
        self.closing = True
        for w in (*self.open_dialogs, *self._named.values(), *extra):
            if w is not None:
                try:
                    w.close()
                except RuntimeError:
                    pass
