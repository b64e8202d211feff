"""The "present the card on terminal N" panel under Charge while a Point charge is live: what
the terminal is doing (from the engine's state and message), a Cancel button (Esc does the
same: the supervisor PIN when one is set, paid still wins); on the sandbox the terminal's name
links to its terminal page, where a person plays the customer's card.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from qrcashier.ui.point.dialogs import terminal_name
from qrcashier.ui.shell.i18n import fmt


class PointPanel(QFrame):
    cancel_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pointPanel")
        self.setStyleSheet("#pointPanel { background: #e3f2fd; border: 2px solid #1565c0; border-radius: 10px; }"
                           " QLabel { color: #0d2a4a; }")
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 14px; font-weight: 700;")
        self.title.setWordWrap(True)
        self.status = QLabel(self)  # what the terminal is doing: the status panel above shows it; here the tooltip
        self.status.hide()
        self.sandbox_url: str | None = None
        self.amount = ""
        self.title.setOpenExternalLinks(True)  # on the sandbox the terminal's name opens its page
        self.cancel = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.cancel_pressed)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.title, 1)
        row.addWidget(self.cancel)
        self.hide()

    def show_charge(self, terminal_id: str, amount: str, status: str, sandbox_url: str | None = None) -> None:
        name = html.escape(terminal_name(terminal_id))
        if sandbox_url:
            name = f'<a href="{html.escape(sandbox_url)}">{name}</a>'
            self.title.setToolTip(self.tr("Sandbox terminal page"))
        self.title.setText(fmt(self.tr("Present the card on terminal %1"), name))
        self.sandbox_url = sandbox_url
        self.amount = amount
        self.set_status(status)
        self.show()

    def set_status(self, status: str) -> None:
        self.status.setText(status)
        self.setToolTip(status)
