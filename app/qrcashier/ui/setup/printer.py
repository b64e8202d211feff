"""The receipt printer and the language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout

from qrcashier.settings import LANGUAGES, AppSettings
from qrcashier.ui.setup.widgets import SetupPage, make_label
from qrcashier.ui.shell.i18n import fmt

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog


class PrinterPage(SetupPage):
    key = "printer"
    title = QT_TRANSLATE_NOOP("SetupPage", "Receipt printer and language")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage", "Receipts print on the printer chosen here. Without one, each receipt is shown on screen to "
            "print or save."
    )
    NONE = "__none__"

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.printer_box = QComboBox()
        self.printer_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.currentIndexChanged.connect(lambda _i: self._changed())
        form = QFormLayout()
        form.addRow(self.tr("Receipt printer"), self.printer_box)
        form.addRow(self.tr("Language"), self.language_box)
        self.note = make_label(muted=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def enter(self) -> None:
        dirty = self.dirty
        self.printer_box.blockSignals(True)
        self.printer_box.clear()
        self.printer_box.addItem(self.tr("No printer: show receipts on screen"), self.NONE)
        printers = self.env.printers()
        for name in printers:
            self.printer_box.addItem(name, name)
        current = self.state.printer
        if current and current not in printers:
            self.printer_box.addItem(fmt(self.tr("%1 (not found on this computer)"), current), current)
        index = self.printer_box.findData(current) if current else 0
        self.printer_box.setCurrentIndex(max(0, index))
        self.printer_box.blockSignals(False)
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.state.language)))
        self.language_box.blockSignals(False)
        none = self.tr("No printer is installed on this computer yet; you can choose one later in Settings.")
        self.note.setText("" if printers else none)
        self.dirty = dirty

    async def commit(self) -> bool:
        data = self.printer_box.currentData()
        self.state.printer = None if data in (None, self.NONE) else data
        self.state.language = self.language_box.currentData() or "en"
        return True

    async def save(self, settings: AppSettings, actor: str) -> None:
        await self.commit()
        settings.printer = self.state.printer
        settings.language = self.state.language
