"""The window's header: store and register, the SANDBOX badge, the connection to Mercado Pago,
and the catalog buttons (import products, print the QR sticker).

`Header.contact(at)` / `Header.problem(text)` come from the engine's Contact and Notice events;
a 5-second timer ages "connected (last answer HH:MM:SS)" into "last answer at HH:MM:SS".
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import fmt

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")
CONNECTED_FOR_SECONDS = 120  # older than this, the last answer is shown as a time, not "connected"


class Header(QObject):
    def __init__(self, window, catalog) -> None:
        super().__init__(window)
        services = window.services
        self.layout = header = QHBoxLayout()
        self.title_label = QLabel(f"<b>{services.store_name}</b> · {services.register_name}")
        self.title_label.setStyleSheet("font-size: 18px;")
        self.mode_label = QLabel(translate("MainWindow", "SANDBOX") if services.options.sandbox else "")
        self.mode_label.setStyleSheet(
            "background: #ffe08a; color: #1a1a1a; border-radius: 4px; padding: 2px 8px; font-weight: 700;"
        )
        self.mode_label.setVisible(services.options.sandbox)
        self.connection_label = QLabel(translate("MainWindow", "Mercado Pago: connecting…"))
        connection_font = self.connection_label.font()
        connection_font.setPixelSize(14)
        self.connection_label.setFont(connection_font)
        self.sticker_button = QPushButton(translate("MainWindow", "Print QR sticker"))
        self.sticker_button.setToolTip(
            translate("MainWindow", "The register's QR, to stick on the counter: to the printer, or a PDF"))
        self.sticker_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sticker_button.clicked.connect(catalog.print_sticker)
        header.addWidget(self.title_label)
        header.addSpacing(10)
        header.addWidget(self.mode_label)
        header.addStretch(1)
        header.addWidget(self.connection_label)
        header.addSpacing(12)
        self.import_button = QPushButton(translate("MainWindow", "Import products"))
        self.import_button.setToolTip(translate(
            "MainWindow", "Add or update products from a CSV file (code, barcode, name, price, unit)"))
        self.import_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.import_button.clicked.connect(lambda: catalog.choose_catalog_csv())
        header.addWidget(self.import_button)
        header.addWidget(self.sticker_button)

        self.last_contact: datetime | None = None
        self.connection_problem: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self.update_connection)
        self._timer.start()

    def contact(self, at: datetime | None) -> None:
        """Mercado Pago answered at `at` (None: not yet)."""
        self.last_contact = at
        self.connection_problem = None
        self.update_connection()

    def problem(self, message: str) -> None:
        self.connection_problem = message
        self.update_connection()

    def stop(self) -> None:
        self._timer.stop()

    def update_connection(self) -> None:
        if self.connection_problem:
            self._connection_text(translate("MainWindow", "Mercado Pago: not answering, retrying"), "#8d3a00")
            return
        if self.last_contact is None:
            return
        age = (datetime.now(UTC) - self.last_contact).total_seconds()
        when = self.last_contact.astimezone().strftime("%H:%M:%S")
        text = (fmt(translate("MainWindow", "Mercado Pago: connected (last answer %1)"), when)
                if age < CONNECTED_FOR_SECONDS
                else fmt(translate("MainWindow", "Mercado Pago: last answer at %1"), when))
        self._connection_text(text, theme.MUTED)

    def _connection_text(self, text: str, colour: str) -> None:
        if self.connection_label.text() == text:
            return
        pal = self.connection_label.palette()
        if pal.color(QPalette.ColorRole.WindowText) != QColor(colour):
            pal.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            self.connection_label.setPalette(pal)
        self.connection_label.setText(text)
