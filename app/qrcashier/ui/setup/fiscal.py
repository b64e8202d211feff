"""Settings: the Argentine electronic invoice (ARCA). The shop's CUIT (its check digit checked as
it is typed), the register's punto de venta, the IVA condition (Factura B or C), ARCA's
environment, the certificate and key files and the key's password (kept in the keyring, never
in the settings), and "Test with ARCA" (fiscal/probe.py: FEDummy, the login, the last number).
In the sandbox the invoices go to the built-in ARCA simulator and the files are not needed.
Shown in Settings only, for site MLA; changes take effect at the next start.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qrcashier.fiscal.amounts import MONOTRIBUTO, RESPONSABLE_INSCRIPTO
from qrcashier.fiscal.config import ENVIRONMENTS, FiscalSetup, format_cuit, parse_cuit
from qrcashier.settings import AppSettings, Mode
from qrcashier.ui.setup.widgets import SetupPage, dialog_slot, error_label, make_label
from qrcashier.ui.shell import theme

log = logging.getLogger("qrcashier.ui.setup")

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog


class FiscalPage(SetupPage):
    key = "fiscal"
    title = QT_TRANSLATE_NOOP("SetupPage", "Electronic invoice (ARCA)")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage",
        "In Argentina every sale needs a Factura B or C authorized by ARCA. QR Cashier asks for it in the "
        "background after each sale and prints its CAE and QR on the receipt.",
    )
    in_wizard = False
    CONDITIONS = {
        RESPONSABLE_INSCRIPTO: QT_TRANSLATE_NOOP("FiscalPage", "Registered for VAT: Responsable Inscripto (Factura B)"),
        MONOTRIBUTO: QT_TRANSLATE_NOOP("FiscalPage", "Simplified regime: Monotributo (Factura C)"),
    }
    ENVIRONMENT_NAMES = {"homologation": QT_TRANSLATE_NOOP("FiscalPage", "Homologation (ARCA's test servers)"),
                         "production": QT_TRANSLATE_NOOP("FiscalPage", "Production")}

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        setup = self.env.settings.fiscal
        self.enabled_box = QCheckBox(self.tr("Issue an ARCA invoice for every sale"))
        self.enabled_box.setChecked(setup.enabled)
        self.cuit_field = QLineEdit(format_cuit(setup.cuit) if setup.cuit else "")
        self.cuit_field.setPlaceholderText(self.tr("e.g. 20-11111111-2"))
        self.cuit_field.setMaxLength(13)
        self.pos_box = QSpinBox()
        self.pos_box.setRange(1, 99998)
        self.pos_box.setValue(setup.point_of_sale)
        self.condition_box = QComboBox()
        for key, name in self.CONDITIONS.items():
            self.condition_box.addItem(self.tr(name), key)
        self.condition_box.setCurrentIndex(max(0, self.condition_box.findData(setup.category)))
        self.environment_box = QComboBox()
        for key in ENVIRONMENTS:
            self.environment_box.addItem(self.tr(self.ENVIRONMENT_NAMES[key]), key)
        self.environment_box.setCurrentIndex(max(0, self.environment_box.findData(setup.environment)))
        self.cert_field, cert_row = self._file_row(setup.cert_path, self.tr("Choose the certificate (.crt, .pem)"))
        self.key_field, key_row = self._file_row(setup.key_path, self.tr("Choose the private key (.key, .pem)"))
        self.password_field = QLineEdit()
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.setPlaceholderText(self.tr("only if the key has one; kept in the keyring"))
        self._sim_url = setup.sim_url
        self._account_fields = (self.environment_box, self.cert_field, self.key_field, self.password_field)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.enabled_box)
        form.addRow(self.tr("CUIT (tax id)"), self.cuit_field)
        form.addRow(self.tr("Point of sale (punto de venta)"), self.pos_box)
        form.addRow(self.tr("IVA condition"), self.condition_box)
        form.addRow(self.tr("ARCA environment"), self.environment_box)
        form.addRow(self.tr("Certificate"), cert_row)
        form.addRow(self.tr("Private key"), key_row)
        form.addRow(self.tr("Key password"), self.password_field)
        self.test_button = theme.big_button(self.tr("Test with ARCA"), None, role="secondary")
        self.test_button.clicked.connect(self.test)
        self.problem = error_label()
        self.result = make_label()
        self.note = make_label(muted=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test_button)
        layout.addWidget(self.problem)
        layout.addWidget(self.result)
        layout.addWidget(self.note)
        layout.addStretch(1)
        for signal in (self.cuit_field.textChanged, self.cert_field.textChanged, self.key_field.textChanged,
                       self.password_field.textChanged):
            signal.connect(lambda _t: self._changed())
        self.enabled_box.toggled.connect(lambda _c: self._changed())
        self.pos_box.valueChanged.connect(lambda _v: self._changed())
        self.condition_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.environment_box.currentIndexChanged.connect(lambda _i: self._changed())
        self._file_dialog: QFileDialog | None = None

    def _file_row(self, path: str, caption: str) -> tuple[QLineEdit, QWidget]:
        field = QLineEdit(path)
        button = QPushButton(self.tr("Browse…"))
        button.setObjectName("browse")
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._browse(field, caption))
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(field, 1)
        box.addWidget(button)
        return field, row

    def _browse(self, field: QLineEdit, caption: str) -> None:
        """A non-modal file dialog (nothing is exec()'d): the choice lands in `field`."""
        dialog = QFileDialog(self, caption)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Certificates and keys (*.crt *.pem *.key *.der *.cer)"),
                               self.tr("All files (*)")])
        dialog.fileSelected.connect(field.setText)
        self._file_dialog = dialog
        dialog.open()

    # -- state

    @property
    def sandbox(self) -> bool:
        return (self.state.mode or self.env.settings.mode) == Mode.SANDBOX

    def applies(self) -> bool:
        return self.env.settings.site == "MLA"

    def setup(self) -> FiscalSetup:
        try:
            cuit = parse_cuit(self.cuit_field.text())
        except ValueError:
            cuit = 0
        return FiscalSetup(
            enabled=self.enabled_box.isChecked(), cuit=cuit, point_of_sale=self.pos_box.value(),
            category=self.condition_box.currentData(), cert_path=self.cert_field.text().strip(),
            key_path=self.key_field.text().strip(), environment=self.environment_box.currentData(),
            sim_url=self._sim_url)

    def enter(self) -> None:
        self.note.setText(self.tr("Sandbox: the invoices go to the built-in ARCA simulator; no certificate is "
                                  "needed. Changes take effect the next time QR Cashier starts.") if self.sandbox
                          else self.tr("Changes take effect the next time QR Cashier starts."))
        for widget in self._account_fields:  # the sandbox's simulator issues its own certificate
            widget.setEnabled(not self.sandbox)
        for button in self.findChildren(QPushButton, "browse"):
            button.setEnabled(not self.sandbox)
        self._validate()

    def _changed(self) -> None:
        self.result.setText("")
        self._validate()
        super()._changed()

    def _validate(self) -> str | None:
        problem = None
        text = self.cuit_field.text().strip()
        if text or self.enabled_box.isChecked():
            try:
                parse_cuit(text)
            except ValueError as exc:
                problem = str(exc)
        if problem is None and self.enabled_box.isChecked():
            problems = self.setup().problems(sandbox=self.sandbox)
            problem = problems[0] if problems else None
        self.problem.setText(problem or "")
        self.test_button.setEnabled(problem is None and bool(text))
        return problem

    def is_complete(self) -> bool:
        return not self.enabled_box.isChecked() or self._validate() is None

    def _vault(self):
        from qrcashier.fiscal.vault import FiscalVault

        backend = getattr(getattr(self.env.tokens, "choice", None), "backend", None)
        return FiscalVault(backend, self.env.settings.register_id) if backend is not None else None

    # -- actions

    @dialog_slot()
    async def test(self) -> None:
        from qrcashier.fiscal.probe import probe

        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Asking ARCA…"))
        try:
            vault = await asyncio.to_thread(self._vault)
            result = await probe(self.setup(), self.password_field.text() or await self._stored_password(vault),
                                 sandbox=self.sandbox, vault=vault)
        finally:
            self.test_button.setEnabled(True)
        self.result.setStyleSheet(f"color: {theme.MUTED};" if result.ok else "")
        self.result.setText(result.message)
        self.problem.setText("" if result.ok else result.message)
        if not result.ok:
            self.result.setText("")

    async def _stored_password(self, vault) -> str | None:
        if vault is None or not self.setup().cuit:
            return None
        try:
            return await asyncio.to_thread(vault.passphrase, self.setup().cuit)
        except Exception as exc:  # a locked keyring: try without
            log.warning("the ARCA key's password could not be read from the keyring: %s", type(exc).__name__)
            return None

    async def save(self, settings: AppSettings, actor: str) -> None:
        if not self.dirty:  # untouched: the settings keep what they had (no fiscal keys on other shops)
            return
        setup = self.setup()
        password = self.password_field.text()
        if password and setup.cuit:
            vault = await asyncio.to_thread(self._vault)
            if vault is None:
                from qrcashier.token_store import TokenStoreError

                raise TokenStoreError(self.tr("This computer has no secure password store, so the key's password "
                                              "cannot be kept: use a key without a password, or start one."))
            await asyncio.to_thread(vault.set_passphrase, setup.cuit, password)
        settings.fiscal = setup
