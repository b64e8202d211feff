"""Every key, F-key and button command of the main window, in one table.

A `Command` is a name, its keys (window shortcuts), the slot, and for the ones with a button
a label, the key text printed on it, a role and `enabled_when` (a predicate the window's
`refresh()` applies to the button). The F-key bar and the shortcuts are built from the table;
a feature binder adds its own commands with `window.commands.add(Command(...))`.

Shortcuts always fire, whatever `enabled_when` says: the slot itself refuses with a sentence
under the item field (e.g. F6 on a paid sale says why), which a greyed-out button cannot.
The supervisor menu lists some of these keys (shown, not bound twice: ui/supervisor/menu.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QGridLayout, QWidget

from qrcashier.ui.shell import theme

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


@dataclass
class Command:
    name: str
    keys: Sequence[str]
    slot: Callable[[], object]
    label: str | None = None  # a button's text (translated); None: a key only
    hint: str | None = None  # the key text printed on the button; default: the first key
    role: str = "secondary"  # theme.big_button's role
    bar: bool = False  # a button on the F-key bar (else: placed by its binder, or a key only)
    after: str | None = None  # on the bar: right after this command (a feature's key in F-key order)
    enabled_when: Callable[[], bool] | None = None
    button: QAbstractButton | None = None
    shortcuts: list[QShortcut] = field(default_factory=list)


class CommandTable(QObject):
    """The window's commands; `add` binds the keys at once, `build_bar` makes the F-key bar."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.commands: dict[str, Command] = {}
        self.bar: QGridLayout | None = None  # once built; a bar command added later joins it

    def __iter__(self):
        return iter(self.commands.values())

    def __getitem__(self, name: str) -> Command:
        return self.commands[name]

    def __contains__(self, name: str) -> bool:
        return name in self.commands

    def add(self, command: Command) -> Command:
        if command.name in self.commands:
            raise ValueError(f"command {command.name!r} is already in the table")
        keys = [command.keys] if isinstance(command.keys, str) else list(command.keys)
        command.keys = tuple(keys)
        for key in keys:
            shortcut = QShortcut(QKeySequence(key), self.window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda c=command: c.slot())
            command.shortcuts.append(shortcut)
        if command.button is not None:
            self._wire(command, command.button)
        self.commands[command.name] = command
        if command.bar and self.bar is not None:
            self._lay_out_bar()
        return command

    def add_all(self, commands: Sequence[Command]) -> None:
        for command in commands:
            self.add(command)

    def _wire(self, command: Command, button: QAbstractButton) -> None:
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the item field keeps the keyboard
        button.clicked.connect(lambda _checked=False, c=command: c.slot())
        command.button = button

    def make_button(self, command: Command) -> QAbstractButton:
        """A big button for `command` (label and key printed on it), wired to its slot. A bar button is
        compact (theme: `bar`), its label on two lines when long, so the whole bar fits 1024 px."""
        hint = command.hint if command.hint is not None else command.keys[0]
        label = command.label or command.name
        button = theme.big_button(bar_label(label) if command.bar else label, hint, role=command.role)
        if command.bar:
            button.setProperty("bar", True)
            button.setToolTip(f"{label} ({hint})")
        self._wire(command, button)
        return button

    def build_bar(self) -> QGridLayout:
        """The F-key bar: a button for each `bar` command, in the table's order (a command with
        `after` right after that one). Bar commands a feature adds later join it in their place."""
        self.bar = QGridLayout()
        self.bar.setSpacing(8)
        self._lay_out_bar()
        return self.bar

    def bar_order(self) -> list[Command]:
        order: list[Command] = []
        for command in (c for c in self if c.bar):
            names = [c.name for c in order]
            if command.after in names:
                order.insert(names.index(command.after) + 1, command)
            else:
                order.append(command)
        return order

    def _lay_out_bar(self) -> None:
        bar = self.bar
        assert bar is not None
        while bar.count():
            bar.takeAt(0)  # the buttons stay (parented to the window); only their places go
        for i, command in enumerate(self.bar_order()):
            bar.addWidget(command.button or self.make_button(command), 0, i)

    def refresh(self) -> None:
        """Enable each button whose command has `enabled_when`, from its predicate."""
        for command in self:
            if command.button is not None and command.enabled_when is not None:
                command.button.setEnabled(bool(command.enabled_when()))

    def button(self, name: str) -> QAbstractButton | None:
        return self.commands[name].button


BAR_LINE = 11  # characters: a longer bar label goes on two lines


def bar_label(text: str) -> str:
    """A bar button's label on two balanced lines when it is longer than BAR_LINE characters."""
    words = text.split()
    if len(text) <= BAR_LINE or len(words) < 2:
        return text
    cuts = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(cuts, key=lambda pair: max(len(pair[0]), len(pair[1])))
    return f"{first}\n{second}"


def main_commands(window) -> list[Command]:
    """The main window's own commands (features add theirs in `_bind_features`)."""
    cart, charging = window.cart_binder, window.charge_binder

    def buttons():
        return window.session.buttons(has_lines=window.model.rowCount() > 0)

    return [
        # the F-key bar, left to right
        Command("search", ("F2",), lambda: cart.open_search(), translate("MainWindow", "Search"), bar=True),
        Command("free_item", ("F4",), cart.open_free_item, translate("MainWindow", "Free item"), bar=True,
                enabled_when=lambda: buttons().free_item),
        Command("quantity", ("F6",), cart.edit_quantity, translate("MainWindow", "Quantity"), hint="F6  + −",
                bar=True, enabled_when=lambda: buttons().edit_lines),
        Command("price", ("F7",), cart.edit_price, translate("MainWindow", "Price"), bar=True,
                enabled_when=lambda: buttons().edit_lines),
        Command("remove", ("Del",), cart.remove_line, translate("MainWindow", "Remove line"),
                hint=translate("MainWindow", "Del", "the Delete key"), bar=True,
                enabled_when=lambda: buttons().edit_lines),  # Del in a non-empty item field edits it: ItemField
        Command("clear", ("Esc",), window.escape, translate("MainWindow", "Clear cart"), bar=True,
                enabled_when=lambda: buttons().clear),
        Command("sales", ("F9",), window.open_sales, translate("MainWindow", "Sales of the day"), bar=True,
                enabled_when=lambda: buttons().sales),
        # beside the total (the charge binder places them)
        Command("charge", ("F12",), charging.charge, button=charging.charge_button,
                enabled_when=lambda: buttons().charge),
        Command("cancel_charge", (), window.escape, button=charging.cancel_button),
        # keys only
        Command("more", ("+",), lambda: cart.step_quantity(+1)),
        Command("less", ("-",), lambda: cart.step_quantity(-1)),
        Command("diagnostics", ("Ctrl+Shift+D",), window.open_diagnostics),
        Command("settings", ("Ctrl+,",), lambda: window.open_settings()),
        Command("audit_log", ("Ctrl+Shift+A",), window.open_audit_log),
    ]
