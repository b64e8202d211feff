"""The supervisor PIN: the prompt, and the gate every supervisor action goes through (asked per action)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

import qasync
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from qrcashier.supervisor import (
    InvalidPin,
    LockoutPolicy,
    LockoutState,
    PinGuard,
    Verdict,
    hash_pin,
    validate_new_pin,
    verify_pin,
)
from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import engine_text, fmt
from qrcashier.ui.supervisor.widgets import BAD_COLOUR, SupervisorDialog, make_label

log = logging.getLogger("qrcashier.ui.supervisor")

# --- the PIN -----------------------------------------------------------------------------------


class PinPrompt(SupervisorDialog):
    """Asks for the supervisor's name and PIN for one action; `future` resolves to the name or None.

    Built inside a coroutine (it needs the running loop for its future). Non-modal. A wrong PIN
    says how many tries are left before a pause; during a pause the
    Confirm button is off and a countdown says when a PIN is checked again.

    With no PIN set yet and `set_first` given (a fresh sandbox, an install that skipped the
    wizard), the first supervisor action sets it: the PIN twice, hashed off the Qt thread,
    then `set_first(hash)`; instead of "set one in Settings first" and a dead end.
    """

    def __init__(
        self,
        guard: PinGuard,
        action: str,
        *,
        last_name: str = "",
        remember_name: Callable[[str], None] | None = None,
        set_first: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("PinPrompt", "Supervisor PIN"), parent)
        self.guard = guard
        self.action = action
        self._remember = remember_name
        self._set_first = set_first
        self.first_pin = set_first is not None and not guard.has_pin
        self.future: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        self._checking = False
        self.resize(460, 0)

        title = make_label(fmt(self.tr("Supervisor: %1"), action), bold=True, size=19)
        hint = make_label(
            self.tr("No supervisor PIN is set yet: choose one now (4 to 12 digits). "
                    "It is asked for every supervisor action from now on.")
            if self.first_pin else self.tr("The PIN is asked for each supervisor action and is not remembered.")
        )
        hint.setStyleSheet(f"color: {theme.MUTED};")
        self.name_field = QLineEdit(last_name)
        self.name_field.setPlaceholderText(self.tr("Supervisor's name"))
        self.name_field.setMaxLength(60)
        self.pin_field = QLineEdit()
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setPlaceholderText(self.tr("PIN"))
        self.pin_field.setMaxLength(12)
        self.pin_field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.again_field = QLineEdit()  # only for a first PIN
        self.again_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_field.setPlaceholderText(self.tr("the same PIN again"))
        self.again_field.setMaxLength(12)
        self.again_field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        for field in (self.name_field, self.pin_field, self.again_field):
            field.setMinimumHeight(40)
            field.setStyleSheet("font-size: 18px;")
        form = QFormLayout()
        form.setVerticalSpacing(10)
        rows = [(self.tr("Name"), self.name_field), (self.tr("PIN"), self.pin_field)]
        if self.first_pin:
            rows.append((self.tr("Again"), self.again_field))
        else:
            self.again_field.hide()
        for text, field in rows:
            label = QLabel(text)
            label.setMinimumHeight(40)  # as tall as its field, so the word sits level with it
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(label, field)
        self.message = make_label()
        self.message.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;")
        self.ok_button = theme.big_button(self.tr("Set PIN") if self.first_pin else self.tr("Confirm"), "Enter",
                                          role="primary")
        self.cancel_button = theme.big_button(self.tr("Back"), "Esc", role="secondary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        if self.first_pin:
            self.pin_field.returnPressed.connect(self.again_field.setFocus)
            self.again_field.returnPressed.connect(self.confirm)
        else:
            self.pin_field.returnPressed.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = self._margins(QVBoxLayout(self))
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._tick)
        self.finished.connect(self._finished)
        early = None if self.first_pin else guard.precheck()
        if early is not None:
            self._show_result(early)
        (self.pin_field if last_name else self.name_field).setFocus()

    def _finished(self, _result: int) -> None:
        self._timer.stop()
        if not self.future.done():
            self.future.set_result(None)

    def _show_result(self, result) -> None:
        self.message.setText(engine_text(result.message))
        if result.verdict in (Verdict.LOCKED, Verdict.WRONG) and result.wait_seconds > 0:
            self.ok_button.setEnabled(False)
            self._timer.start()
        elif result.verdict == Verdict.NO_PIN:
            self.ok_button.setEnabled(False)

    def _tick(self) -> None:
        early = self.guard.precheck()
        if early is None:
            self._timer.stop()
            self.ok_button.setEnabled(True)
            self.message.setText(self.tr("Enter the PIN again."))
        else:
            self.message.setText(engine_text(early.message))

    @qasync.asyncSlot()
    async def confirm(self) -> None:
        if self._checking or not self.ok_button.isEnabled():
            return
        name = " ".join(self.name_field.text().split())
        if not name:
            self.message.setText(self.tr("Type the supervisor's name: it goes in the audit log."))
            self.name_field.setFocus()
            return
        pin = self.pin_field.text()
        if self.first_pin:
            await self._set_first_pin(name, pin)
            return
        early = self.guard.precheck()
        if early is not None:
            self._show_result(early)
            return
        self._checking = True
        self.ok_button.setEnabled(False)
        self.message.setStyleSheet(f"color: {theme.MUTED};")
        self.message.setText(self.tr("Checking…"))
        encoded = self.guard.encoded or ""
        try:
            ok = await asyncio.get_running_loop().run_in_executor(None, lambda: verify_pin(pin, encoded))
        finally:
            self._checking = False
        result = self.guard.record(ok)
        if not self.alive():
            return
        self.message.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;")
        self.pin_field.clear()
        if result.ok:
            if self._remember is not None:
                self._remember(name)
            if not self.future.done():
                self.future.set_result(name)
            self.accept()
            return
        self.ok_button.setEnabled(True)
        self._show_result(result)
        self.pin_field.setFocus()


    async def _set_first_pin(self, name: str, pin: str) -> None:
        try:
            validate_new_pin(pin, self.again_field.text())
        except InvalidPin as exc:
            self.message.setText(engine_text(str(exc)))
            self.pin_field.setFocus()
            return
        self._checking = True
        self.ok_button.setEnabled(False)
        try:  # scrypt takes a tenth of a second: never on the Qt thread
            encoded = await asyncio.get_running_loop().run_in_executor(None, lambda: hash_pin(pin))
        finally:
            self._checking = False
        if not self.alive():
            return
        assert self._set_first is not None
        self._set_first(encoded)
        log.info("the first supervisor PIN was set by %s", name)
        if self._remember is not None:
            self._remember(name)
        if not self.future.done():
            self.future.set_result(name)
        self.accept()


class SupervisorGate:
    """Asks for the supervisor PIN, once per action (see `PinPrompt`). Hook for the main window:

        name = await gate.ask(parent, "cancel the order on the QR")
        if name: await engine.cancel(attempt_id, name, reason)
    """

    def __init__(
        self,
        settings,
        *,
        clock: Callable[[], float] = time.time,
        policy: LockoutPolicy = LockoutPolicy(),
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.policy = policy
        self.prompt: PinPrompt | None = None  # the open prompt, if any (tests drive it)

    def guard(self) -> PinGuard:
        """A guard over the current hash and lockout (re-read each time: Settings may change them)."""

        def save(state: LockoutState) -> None:
            self.settings.pin_lockout = state.dump()

        return PinGuard(
            self.settings.pin_hash, LockoutState.parse(self.settings.pin_lockout),
            policy=self.policy, clock=self.clock, on_change=save,
        )

    @property
    def has_pin(self) -> bool:
        return self.guard().has_pin

    async def ask(self, parent: QWidget | None, action: str) -> str | None:
        """The supervisor's name once the right PIN was entered; None when cancelled."""
        if self.prompt is not None and self.prompt.alive():
            self.prompt.raise_()
            self.prompt.activateWindow()
            return None  # one prompt at a time: the open one is for another action
        def remember(name: str) -> None:
            self.settings.last_supervisor = name

        def set_first(encoded: str) -> None:
            self.settings.pin_hash = encoded

        prompt = PinPrompt(
            self.guard(), action, last_name=self.settings.last_supervisor, remember_name=remember,
            set_first=set_first, parent=parent,
        )
        self.prompt = prompt
        prompt.open()
        try:
            return await prompt.future
        finally:
            if self.prompt is prompt:
                self.prompt = None
