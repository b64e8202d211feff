"""The "present the card on terminal N" panel under Charge while a Point charge is live: what
the terminal is doing (from the engine's state and message), a Cancel button (Esc does the
same: the supervisor PIN when one is set, paid still wins), and on the sandbox the link to its
terminal page, where a person plays the customer's card.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from qrcashier.ui.point.dialogs import terminal_name
from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import fmt


class PointPanel(QFrame):
    cancel_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pointPanel")
        self.setStyleSheet("#pointPanel { background: #e3f2fd; border: 2px solid #1565c0; border-radius: 10px; }"
                           " QLabel { color: #0d2a4a; }")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 20px; font-weight: 700;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 15px;")
        self.link = QLabel()
        self.link.setOpenExternalLinks(True)
        self.link.hide()
        self.cancel = theme.big_button(self.tr("Cancel the card charge"), "Esc", role="danger")
        self.cancel.clicked.connect(self.cancel_pressed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.link)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel)
        layout.addLayout(row)
        self.hide()

    def show_charge(self, terminal_id: str, amount: str, status: str, sandbox_url: str | None = None) -> None:
        self.title.setText(fmt(self.tr("Present the card on terminal %1 — %2"), terminal_name(terminal_id), amount))
        self.status.setText(status)
        if sandbox_url:
            self.link.setText(f'<a href="{sandbox_url}">{self.tr("Open the sandbox terminal page")}</a>')
            self.link.show()
        else:
            self.link.hide()
        self.show()

    def set_status(self, status: str) -> None:
        self.status.setText(status)
