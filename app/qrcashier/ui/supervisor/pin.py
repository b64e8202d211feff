"""The supervisor PIN: the prompt, and the gate every supervisor action goes through (asked per action)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

import qasync
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from qrcashier.supervisor import LockoutPolicy, LockoutState, PinGuard, Verdict, verify_pin
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
    """

    def __init__(
        self,
        guard: PinGuard,
        action: str,
        *,
        last_name: str = "",
        remember_name: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("PinPrompt", "Supervisor PIN"), parent)
        self.guard = guard
        self.action = action
        self._remember = remember_name
        self.future: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        self._checking = False
        self.resize(460, 0)

        title = make_label(fmt(self.tr("Supervisor: %1"), action), bold=True, size=19)
        hint = make_label(self.tr("The PIN is asked for each supervisor action and is not remembered."))
        hint.setStyleSheet(f"color: {theme.MUTED};")
        self.name_field = QLineEdit(last_name)
        self.name_field.setPlaceholderText(self.tr("Supervisor's name"))
        self.name_field.setMaxLength(60)
        self.pin_field = QLineEdit()
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setPlaceholderText(self.tr("PIN"))
        self.pin_field.setMaxLength(12)
        self.pin_field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        for field in (self.name_field, self.pin_field):
            field.setMinimumHeight(40)
            field.setStyleSheet("font-size: 18px;")
        form = QFormLayout()
        form.setVerticalSpacing(10)
        for text, field in ((self.tr("Name"), self.name_field), (self.tr("PIN"), self.pin_field)):
            label = QLabel(text)
            label.setMinimumHeight(40)  # as tall as its field, so the word sits level with it
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(label, field)
        self.message = make_label()
        self.message.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;")
        self.ok_button = theme.big_button(self.tr("Confirm"), "Enter", role="primary")
        self.cancel_button = theme.big_button(self.tr("Back"), "Esc", role="secondary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
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
        early = guard.precheck()
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

        prompt = PinPrompt(
            self.guard(), action, last_name=self.settings.last_supervisor, remember_name=remember, parent=parent
        )
        self.prompt = prompt
        prompt.open()
        try:
            return await prompt.future
        finally:
            if self.prompt is prompt:
                self.prompt = None
