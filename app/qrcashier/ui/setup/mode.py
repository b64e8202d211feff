"""The first page: try it with the sandbox, or connect a Mercado Pago account."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout

from qrcashier.settings import AppSettings, Mode
from qrcashier.ui.setup.widgets import SetupPage
from qrcashier.ui.shell import theme

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog


class ModePage(SetupPage):
    key = "mode"
    title = QT_TRANSLATE_NOOP("SetupPage", "How will you use QR Cashier?")
    intro = QT_TRANSLATE_NOOP("SetupPage", "You can change this later in Settings.")

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.sandbox_button = self._choice(
            self.tr("Try it with the sandbox"),
            self.tr("No account needed. A built-in copy of Mercado Pago answers; payments are pretend and made from "
            "a phone page on this computer."),
        )
        self.account_button = self._choice(
            self.tr("Connect my Mercado Pago account"),
            self.tr("Take real payments. You will paste the account's access token, then choose the store and "
                "register."),
        )
        self.sandbox_button.clicked.connect(lambda: self.choose(Mode.SANDBOX))
        self.account_button.clicked.connect(lambda: self.choose(Mode.ACCOUNT))
        layout = QVBoxLayout(self)
        layout.addWidget(self.sandbox_button)
        layout.addWidget(self.account_button)
        layout.addStretch(1)
        self._show()

    def _choice(self, title: str, text: str) -> QPushButton:
        """A big checkable card: the choice in bold, what it means under it (both already translated)."""
        button = QPushButton()
        button.setAccessibleName(title)
        button.setAccessibleDescription(text)
        button.setCheckable(True)
        button.setMinimumHeight(104)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setStyleSheet(
            "QPushButton { border: 2px solid #c9ccd1; border-radius: 8px; background: #ffffff; }"
            f" QPushButton:checked {{ border: 3px solid {theme.ACCENT}; background: #e6f0f6; }}"
            f" QPushButton:focus:!checked {{ border: 3px solid {theme.FOCUS}; }}"
        )
        head = QLabel(title)
        head.setStyleSheet("font-size: 19px; font-weight: 700; color: #1a1a1a; background: transparent;")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setStyleSheet(f"font-size: 15px; color: {theme.MUTED}; background: transparent;")
        inner = QVBoxLayout(button)
        inner.setContentsMargins(18, 12, 18, 12)
        inner.setSpacing(4)
        for label in (head, body):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inner.addWidget(label)
        return button

    def enter(self) -> None:
        # The page holds the keyboard focus: no focus ring that looks like a choice already made.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocus()

    def choose(self, mode: Mode) -> None:
        if self.state.mode != mode:
            self.state.mode = mode
            self.state.provisioned = None  # another account: the store must be checked again
        self._show()
        self._changed()

    def _show(self) -> None:
        self.sandbox_button.setChecked(self.state.mode == Mode.SANDBOX)
        self.account_button.setChecked(self.state.mode == Mode.ACCOUNT)

    def is_complete(self) -> bool:
        return self.state.mode is not None

    async def save(self, settings: AppSettings, actor: str) -> None:
        if self.state.mode is not None:
            settings.mode = self.state.mode
