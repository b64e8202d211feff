"""Settings only: the API and QR mode, the self-service endpoint's contract and port."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox, QVBoxLayout

from qrcashier.registers import check_register_name, check_sandbox_url
from qrcashier.settings import API_GENERATIONS, QR_MODES, UNATTENDED_CONTRACTS, AppSettings
from qrcashier.ui.setup.messages import self_service_conflict
from qrcashier.ui.setup.widgets import SetupPage, error_label, make_label
from qrcashier.ui.store.setup_fields import StoreFields

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog


class AdvancedPage(SetupPage):
    key = "advanced"
    title = QT_TRANSLATE_NOOP("SetupPage", "Advanced")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage",
        "Which Mercado Pago API places the orders, and which QR the customer scans. Keep the defaults unless told "
        "otherwise.",
    )
    in_wizard = False
    API_NAMES = {"instore_v2": QT_TRANSLATE_NOOP("AdvancedPage", "In-store orders v2 (recommended)"),
                 "orders": QT_TRANSLATE_NOOP("AdvancedPage", "Orders API (/v1/orders)"),
                 "v1": QT_TRANSLATE_NOOP("AdvancedPage", "Legacy in-store v1")}
    QR_NAMES = {"static": QT_TRANSLATE_NOOP("AdvancedPage", "The register's printed QR"),
                "dynamic": QT_TRANSLATE_NOOP("AdvancedPage", "A new QR for each sale, on the customer screen"),
                "hybrid": QT_TRANSLATE_NOOP("AdvancedPage", "Both")}
    CONTRACT_NAMES = {
        "202": QT_TRANSLATE_NOOP("AdvancedPage", "202 Waiting for order (recommended)"),
        "400": QT_TRANSLATE_NOOP("AdvancedPage", "400 unavailable (older docs)"),
    }

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.api_box = QComboBox()
        for key in API_GENERATIONS:
            self.api_box.addItem(self.tr(self.API_NAMES[key]), key)
        self.qr_box = QComboBox()
        for key in QR_MODES:
            self.qr_box.addItem(self.tr(self.QR_NAMES[key]), key)
        self.api_box.setCurrentIndex(max(0, self.api_box.findData(self.state.api_generation)))
        self.qr_box.setCurrentIndex(max(0, self.qr_box.findData(self.state.qr_mode)))
        self.api_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.qr_box.currentIndexChanged.connect(lambda _i: self._changed())
        # the self-service merchant endpoint
        self.contract_box = QComboBox()
        for key in UNATTENDED_CONTRACTS:
            self.contract_box.addItem(self.tr(self.CONTRACT_NAMES[key]), key)
        self.contract_box.setCurrentIndex(max(0, self.contract_box.findData(self.state.unattended_contract)))
        self.contract_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.port_box = QSpinBox()
        self.port_box.setRange(0, 65535)
        self.port_box.setSpecialValueText(self.tr("any free port"))
        self.port_box.setValue(self.state.endpoint_port)
        self.port_box.valueChanged.connect(lambda _v: self._changed())
        for box in (self.api_box, self.qr_box, self.contract_box):  # as wide as the page gives, not the longest item
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(18)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("API"), self.api_box)
        form.addRow(self.tr("QR"), self.qr_box)
        endpoint_group = QGroupBox(self.tr("Self-service endpoint (the URL Mercado Pago calls)"))
        eform = QFormLayout(endpoint_group)
        eform.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # the long labels go above their field
        eform.addRow(self.tr("Answer while there is no order"), self.contract_box)
        eform.addRow(self.tr("Port on this computer"), self.port_box)
        # several registers on one store (issue 19): this one's name, and a standalone sandbox
        settings = self.env.settings
        self.register_field = QLineEdit(settings.register_choice)
        self.register_field.setPlaceholderText(self.tr("e.g. CAJA2 (empty: a single register)"))
        self.register_field.setMaxLength(20)
        self.sandbox_url_field = QLineEdit(settings.sandbox_url)
        self.sandbox_url_field.setPlaceholderText(self.tr("e.g. http://192.168.0.10:8765 (empty: the built-in one)"))
        self.sandbox_url_field.setMaxLength(200)
        for field in (self.register_field, self.sandbox_url_field):
            field.textChanged.connect(lambda _t: self._changed())
        registers_group = QGroupBox(self.tr("Several registers"))
        rform = QFormLayout(registers_group)
        rform.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rform.addRow(self.tr("This register"), self.register_field)
        rform.addRow(self.tr("Shared sandbox (qrcashier-sandbox)"), self.sandbox_url_field)
        self.store_fields = StoreFields(self, rform, settings.store_dsn)  # the store database (issue 19)
        self.problem = error_label()
        self.note = make_label(muted=True)
        self.note.setText(self.tr("Changes take effect the next time QR Cashier starts."))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(endpoint_group)
        layout.addWidget(registers_group)
        layout.addWidget(self.problem)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def enter(self) -> None:
        self._validate()

    def _changed(self) -> None:
        self.state.api_generation = self.api_box.currentData()
        self.state.qr_mode = self.qr_box.currentData()
        self.state.unattended_contract = self.contract_box.currentData()
        self.state.endpoint_port = self.port_box.value()
        self._validate()
        super()._changed()

    def _registers_problem(self) -> str | None:
        try:
            if self.register_field.text().strip():
                check_register_name(self.register_field.text())
            if self.sandbox_url_field.text().strip():
                check_sandbox_url(self.sandbox_url_field.text())
        except ValueError as exc:
            text = str(exc)
            return text[:1].upper() + text[1:] + "."
        return self.store_fields.problem()

    def _validate(self) -> str | None:
        problem = self_service_conflict(self.api_box.currentData(), self.qr_box.currentData()) \
            if self.state.self_service else None
        problem = problem or self._registers_problem()
        self.problem.setText(problem or "")
        return problem

    def is_complete(self) -> bool:
        return self._validate() is None

    async def save(self, settings: AppSettings, actor: str) -> None:
        settings.api_generation = self.api_box.currentData()
        settings.qr_mode = self.qr_box.currentData()
        settings.unattended_contract = self.contract_box.currentData()
        settings.endpoint_port = self.port_box.value()
        settings.register_choice = self.register_field.text().strip()
        settings.sandbox_url = self.sandbox_url_field.text().strip()
        await self.store_fields.save(settings, self.env.tokens)
