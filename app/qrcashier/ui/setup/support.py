"""Settings only: what to send to support."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout

from qrcashier.settings import Mode
from qrcashier.setup.support_text import support_text
from qrcashier.token_store import TokenStoreError
from qrcashier.ui.setup.widgets import SetupPage, dialog_slot
from qrcashier.ui.shell import theme

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog


class SupportPage(SetupPage):
    key = "support"
    title = QT_TRANSLATE_NOOP("SetupPage", "Support details")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage", "Copy these lines into a message to support. They never include the access token or the PIN."
    )
    in_wizard = False

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setStyleSheet("font-family: monospace; font-size: 13px;")
        self.copy_button = theme.big_button(self.tr("Copy"), None, role="secondary")
        self.copy_button.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignRight)

    def enter(self) -> None:
        self.refresh()

    @dialog_slot()
    async def refresh(self) -> None:
        if self.state.mode == Mode.SANDBOX:  # no token and no password store to speak of (issue 14.7)
            running = self.env.sandbox_base_url or "-"
            text = support_text(self.env.settings, extra={"running": f"the built-in sandbox at {running}"})
            if self.env.settings.mode is None:
                text = text.replace("mode: not set up", "mode: sandbox (started with --sandbox, not saved)")
            self.text.setPlainText(text)
            return
        tokens = self.env.tokens

        def read():  # every keyring call on a worker thread: a locked store may ask to be unlocked
            try:
                return tokens.describe(), tokens.get()
            except TokenStoreError as exc:
                return exc.user_message, None

        line, token = await asyncio.get_running_loop().run_in_executor(None, read)
        text = support_text(self.env.settings) + "\n" + line
        self.text.setPlainText(token.redact(text) if token is not None else text)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
