"""The account's access token: pasted, checked (GET /users/me and a store search), kept in the OS store."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QVBoxLayout

from qrcashier.settings import AppSettings, Mode
from qrcashier.setup.state import TokenCheck
from qrcashier.token_store import ALTERNATIVES, NoSecureStore, TokenStoreError
from qrcashier.ui.setup.messages import TEST_ACCOUNT_NOTE, check_token, parse_token, tr_setup
from qrcashier.ui.setup.widgets import SetupPage, dialog_slot, make_label, where_text
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import engine_text, fmt
from qrcashier.ui.supervisor.widgets import Busy, Outcome

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


class TokenPage(SetupPage):
    key = "token"
    title = QT_TRANSLATE_NOOP("SetupPage", "Mercado Pago access token")
    intro = QT_TRANSLATE_NOOP("SetupPage", "Paste the account's access token. Find it at: %1.")

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.current = make_label()
        self.current_read = False  # the saved token's hint has been read (on a worker thread)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("APP_USR-…  (production)   or   TEST-…  (test account)"))
        self.field.setMinimumHeight(40)
        self.field.setStyleSheet("font-size: 16px;")
        self.field.textEdited.connect(self._edited)
        self.field.returnPressed.connect(self.check)
        self.show_box = QCheckBox(self.tr("Show"))
        self.show_box.toggled.connect(
            lambda on: self.field.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        )
        self.check_button = theme.big_button(self.tr("Check token"), "Enter", role="primary")
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.show_box)
        row.addWidget(self.check_button)
        self.busy = Busy()
        self.result = Outcome()
        self.test_note = Outcome()
        # where the token goes
        self.store_line = make_label(muted=True)
        self.insecure = QFrame()
        self.insecure.setStyleSheet("QFrame { background: #fff4d6; border-radius: 6px; }")
        insecure_layout = QVBoxLayout(self.insecure)
        self.insecure_text = make_label(bold=True)
        insecure_layout.addWidget(self.insecure_text)
        insecure_layout.addWidget(make_label(self.tr("What you can do instead:")))
        for alternative in ALTERNATIVES:
            insecure_layout.addWidget(make_label("• " + engine_text(alternative)))
        self.session_box = QCheckBox(self.tr("Keep the token for this session only (asked again at the next start)"))
        self.session_box.toggled.connect(self._session_toggled)
        self.recheck_button = QPushButton(self.tr("Check again for a password store"))
        self.recheck_button.clicked.connect(self.recheck_store)
        srow = QHBoxLayout()
        srow.addWidget(self.session_box, 1)
        srow.addWidget(self.recheck_button)
        insecure_layout.addLayout(srow)
        # Settings: remove
        self.remove_button = theme.big_button(self.tr("Remove the token"), None, role="danger")
        self.remove_button.clicked.connect(self.ask_remove)
        self.remove_button.setVisible(flow.settings_mode)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.result)
        layout.addWidget(self.test_note)
        layout.addWidget(self.store_line)
        layout.addWidget(self.insecure)
        layout.addStretch(1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._working = False
        self.confirm_box = None
        self._show_store()

    def applies(self) -> bool:
        return self.state.mode == Mode.ACCOUNT

    def enter(self) -> None:
        self._show_current()
        self._show_store()
        self.field.setFocus()

    @dialog_slot()
    async def _show_current(self) -> None:
        """What is saved now (read on a worker thread: a locked store may ask to be unlocked)."""
        tokens = self.env.tokens

        def read():
            saved = tokens.get()
            return saved, tokens.where() if saved is not None else ""

        try:
            saved, where = await asyncio.get_running_loop().run_in_executor(None, read)
        except TokenStoreError as exc:
            self.current.setText(engine_text(exc.user_message))
            self.current.show()
            return
        self.current_read = True
        if saved is not None and self.state.token is None:
            self.current.setText(fmt(
                self.tr("Current token: %1 (TEST account), %2. Paste a new one to replace it.") if saved.is_test
                else self.tr("Current token: %1, %2. Paste a new one to replace it."),
                saved.hint, where_text(where),
            ))
        else:
            self.current.setText("")
        self.current.setVisible(bool(self.current.text()))
        self.remove_button.setEnabled(saved is not None)

    def _show_store(self) -> None:
        tokens = self.env.tokens
        if self.state.mode == Mode.SANDBOX:  # the sandbox has no token to keep: no store, no warning
            self.store_line.setText("")
            self.insecure.hide()
        elif tokens.is_secure:
            self.store_line.setText(
                fmt(self.tr("The token is saved only in %1, never in a file."), tokens.backend_name)
            )
            self.insecure.hide()
        else:
            self.store_line.setText("")
            self.insecure_text.setText(engine_text(tokens.warning) or self.tr("No secure password store is available."))
            self.insecure.show()

    def _edited(self, _text: str) -> None:
        self.state.token = None
        self.state.check = None
        self.result.clear()
        self.test_note.clear()
        self._changed()

    def _session_toggled(self, on: bool) -> None:
        self.state.session_only = on
        self._changed()

    def recheck_store(self) -> None:
        self.env.tokens.choice = self.env.choose()
        self._show_store()
        self._changed()

    def is_complete(self) -> bool:
        if self.flow.settings_mode and self.state.token is None:
            return True  # keeping the saved token
        return (
            self.state.check is not None and self.state.check.ok
            and (self.env.tokens.is_secure or self.state.session_only)
        )

    @dialog_slot()
    async def check(self) -> None:
        if self._working:
            return
        parsed = parse_token(self.field.text())
        self.test_note.clear()
        if isinstance(parsed, TokenCheck):
            self._show_check(parsed)
            return
        self._working = True
        self.check_button.setEnabled(False)
        self.busy.start(self.tr("Asking Mercado Pago who this token belongs to…"))
        try:
            client = await self.env.client(Mode.ACCOUNT, parsed)
            result = await check_token(client)
        finally:
            self._working = False
            self.busy.stop()
            self.check_button.setEnabled(True)
        if result.ok:
            self.state.token = parsed
            self.state.user = result.user
            self.state.provisioned = None
        self._show_check(result)

    def _show_check(self, result: TokenCheck) -> None:
        self.state.check = result
        self.result.show_result("ok" if result.ok else "error", result.message)
        if result.ok and result.is_test:
            self.test_note.show_result("warn", tr_setup(TEST_ACCOUNT_NOTE))
        self._changed()

    async def commit(self) -> bool:
        if self.state.check is None and self.field.text().strip():
            await self.check()
        if self.flow.settings_mode and self.state.token is None:
            return self.state.check is None or self.state.check.ok
        return self.is_complete()

    async def save(self, settings: AppSettings, actor: str) -> None:
        token, check = self.state.token, self.state.check
        if token is None or check is None or not check.ok:
            return
        if self.env.tokens.is_secure:
            # NoSecureStore / TokenStoreError go to the caller; off the loop: the store may prompt.
            # The closure holds the store and the token only: never a widget (it must not be
            # released on the worker thread) and never the token as an argument (qasync logs those).
            tokens = self.env.tokens
            await asyncio.get_running_loop().run_in_executor(None, lambda: tokens.set(token))
        elif self.state.session_only:
            self.env.tokens.keep_for_session(token)
        else:
            raise NoSecureStore(
                self.env.tokens.warning or translate("setup", "There is no secure place for the token.")
            )
        settings.user_id = check.user.id
        settings.site = check.user.site_id
        settings.nickname = check.user.nickname
        settings.test_account = check.is_test
        await self.env.write_audit(actor, "token_replaced", "", {"token": token.hint, "user_id": check.user.id})
        self.flow.token_changed.emit(token)
        self.state.token = None
        self.field.clear()

    def ask_remove(self) -> None:
        self.confirm_box = errors.message_box(
            self, self.tr("Remove the access token?"),
            self.tr("QR Cashier will not be able to take Mercado Pago payments until a supervisor pastes a token "
                "again."),
            icon=QMessageBox.Icon.Question,
            buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            default=QMessageBox.StandardButton.No,
            on_finished=lambda b: self.remove() if b == QMessageBox.StandardButton.Yes else None,
        )

    @dialog_slot(write=True)
    async def remove(self) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(None, self.env.tokens.delete)
        except TokenStoreError as exc:
            self.result.show_result("error", engine_text(exc.user_message))
            return
        await self.env.write_audit(self.flow.supervisor or "supervisor", "token_removed", "removed in Settings", {})
        self.result.show_result("ok", self.tr("The access token was removed from this computer."))
        self.flow.token_changed.emit(None)
        self._show_current()
