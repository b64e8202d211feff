"""The supervisor PIN (kept as a slow salted hash: supervisor.py)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout

from qrcashier.settings import AppSettings
from qrcashier.supervisor import InvalidPin, hash_pin, validate_new_pin
from qrcashier.ui.setup.widgets import SetupPage, error_label, make_label
from qrcashier.ui.shell.i18n import engine_text
from qrcashier.ui.supervisor.widgets import Busy, Outcome

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog


class PinPage(SetupPage):
    key = "pin"
    title = QT_TRANSLATE_NOOP("SetupPage", "Supervisor PIN")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage",
        "A supervisor types this PIN to cancel an order, refund a payment, resolve a sale to review or open Settings. "
        "4 to 12 digits; it is stored only as a slow salted hash.",
    )

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.pin = QLineEdit()
        self.confirm = QLineEdit()
        for f, hint in ((self.pin, self.tr("new PIN")), (self.confirm, self.tr("the same PIN again"))):
            f.setEchoMode(QLineEdit.EchoMode.Password)
            f.setMaxLength(12)
            f.setPlaceholderText(hint)
            f.setMinimumHeight(40)
            f.setStyleSheet("font-size: 18px;")
            f.textEdited.connect(self._edited)
        form = QFormLayout()
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("Again"), self.confirm)
        self.current = make_label(muted=True)
        self.problem = error_label()
        self.busy = Busy()
        self.done_label = Outcome()
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(self.done_label)
        layout.addStretch(1)

    def enter(self) -> None:
        has = bool(self.env.settings.pin_hash)
        keep = self.tr("A PIN is set. Leave these empty to keep it.")
        self.current.setText(keep if has and self.flow.settings_mode else "")
        self.current.setVisible(bool(self.current.text()))
        self.pin.setFocus()

    def _edited(self, _t: str) -> None:
        self.state.pin_hash = None
        self.done_label.clear()
        self._validate(show=bool(self.confirm.text()))
        self._changed()

    def _problem(self) -> str | None:
        if self.flow.settings_mode and not self.pin.text() and not self.confirm.text():
            return None
        try:
            validate_new_pin(self.pin.text(), self.confirm.text())
        except InvalidPin as exc:
            return engine_text(str(exc))
        return None

    def _validate(self, show: bool = True) -> str | None:
        problem = self._problem()
        self.problem.setText(problem if problem and show else "")
        return problem

    def is_complete(self) -> bool:
        return self._problem() is None

    async def commit(self) -> bool:
        if self.flow.settings_mode and not self.pin.text() and not self.confirm.text():
            return True
        if self._validate() is not None:
            return False
        if self.state.pin_hash is None:
            self.busy.start(self.tr("Protecting the PIN…"))
            try:
                pin = self.pin.text()
                self.state.pin_hash = await asyncio.get_running_loop().run_in_executor(None, hash_pin, pin)
            finally:
                self.busy.stop()
            self.done_label.show_result("ok", self.tr("PIN ready."))
        return True

    async def save(self, settings: AppSettings, actor: str) -> None:
        if not await self.commit() or self.state.pin_hash is None:
            return
        settings.pin_hash = self.state.pin_hash
        settings.pin_lockout = ""
        await self.env.write_audit(actor, "pin_changed", "", {})
        self.pin.clear()
        self.confirm.clear()
        self.state.pin_hash = None
