"""The store and the register's POS (attended, or self-service with the merchant endpoint's url)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qrcashier.settings import AppSettings, Mode, register_id_for
from qrcashier.ui.setup.messages import self_service_conflict, self_service_pos_url, unattended_error
from qrcashier.ui.setup.widgets import SetupPage, dialog_slot, error_label, field_grid, make_label
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import engine_text, fmt
from qrcashier.ui.supervisor.widgets import Busy, Outcome

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog


class StorePage(SetupPage):
    key = "store"
    title = QT_TRANSLATE_NOOP("SetupPage", "Store and register")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage",
        "Choose the store and this register's Mercado Pago POS, or create them. The POS takes the amount from "
        "each sale (fixed amount).",
    )
    NEW = "__new__"

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        from qrcashier.provisioning import DEMO_LOCATION

        self.stores: list[Any] = []
        self.pos_list: list[Any] = []
        self._working = False
        self._loaded_for: tuple | None = None
        self.store_box = QComboBox()
        self.store_box.currentIndexChanged.connect(self._store_changed)
        self.store_name = QLineEdit()
        self.store_ext = QLineEdit()
        self.street = QLineEdit()
        self.number = QLineEdit()
        self.city = QLineEdit()
        self.state_name = QLineEdit()
        self.lat = QLineEdit()
        self.lng = QLineEdit()
        self.pos_box = QComboBox()
        self.pos_box.currentIndexChanged.connect(self._pos_changed)
        self.pos_name = QLineEdit()
        self.pos_ext = QLineEdit()
        for field_, hint, max_len in (
            (self.store_name, self.tr("e.g. Kiosco Centro"), 100),
            (self.store_ext, self.tr("letters and digits, e.g. KIOSCO1"), 60),
            (self.street, self.tr("street"), 100),
            (self.number, self.tr("number"), 20),
            (self.city, self.tr("city, as Mercado Libre spells it"), 100),
            (self.state_name, self.tr("province or state"), 100),
            (self.lat, self.tr("latitude, e.g. -34.6037"), 20),
            (self.lng, self.tr("longitude, e.g. -58.3816"), 20),
            (self.pos_name, self.tr("e.g. Caja 1"), 44),
            (self.pos_ext, self.tr("letters and digits, e.g. CAJA1"), 39),
        ):
            field_.setPlaceholderText(hint)
            field_.setMaxLength(max_len)
            field_.textEdited.connect(self._edited)
        self._demo = DEMO_LOCATION
        store_group = QGroupBox(self.tr("Store"))
        sform = QFormLayout(store_group)
        sform.addRow(self.tr("Store"), self.store_box)
        self.new_store = field_grid([
            (self.tr("Name"), self.store_name), (self.tr("Store id"), self.store_ext),
            (self.tr("Street"), self.street), (self.tr("Number"), self.number),
            (self.tr("City"), self.city), (self.tr("Province"), self.state_name),
            (self.tr("Latitude"), self.lat), (self.tr("Longitude"), self.lng),
        ])
        sform.addRow(self.new_store)
        pos_group = QGroupBox(self.tr("This register (Mercado Pago POS)"))
        pform = QFormLayout(pos_group)
        pform.addRow(self.tr("Register"), self.pos_box)
        self.new_pos = field_grid([(self.tr("Name"), self.pos_name), (self.tr("POS id"), self.pos_ext)])
        pform.addRow(self.new_pos)
        # How customers pay here: a cashier charges (attended) or the POS carries our URL (self-service).
        self.attended_radio = QRadioButton(self.tr("Attended register (cashier)"))
        self.self_service_radio = QRadioButton(self.tr("Self-service (the POS carries our URL)"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.attended_radio)
        self.kind_group.addButton(self.self_service_radio)
        kind = QVBoxLayout()  # one under the other: side by side they do not fit in Spanish or Portuguese
        for radio in (self.attended_radio, self.self_service_radio):  # as wide as its text: all of it clickable
            kind.addWidget(radio, 0, Qt.AlignmentFlag.AlignLeft)
        pform.addRow(self.tr("Payment"), kind)
        (self.self_service_radio if self.state.self_service else self.attended_radio).setChecked(True)
        self.attended_radio.toggled.connect(self._kind_changed)
        self.public_url = QLineEdit(self.state.public_url)
        self.public_url.setPlaceholderText(self.tr("e.g. https://pay.example.com/mp/unattended"))
        self.public_url.textEdited.connect(self._edited)
        self.url_hint = make_label(muted=True)
        self.self_service_box = QWidget()
        url_layout = QVBoxLayout(self.self_service_box)
        url_layout.setContentsMargins(0, 0, 0, 0)
        url_layout.addWidget(field_grid([(self.tr("Public URL"), self.public_url)]))
        url_layout.addWidget(self.url_hint)
        pform.addRow(self.self_service_box)
        self.self_service_box.setVisible(self.state.self_service)
        self.problem = error_label()
        self.busy = Busy()
        self.result = Outcome()
        self.apply_button = theme.big_button(self.tr("Check and create"), None, role="secondary")
        self.apply_button.clicked.connect(self.provision)
        layout = QVBoxLayout(self)
        layout.addWidget(store_group)
        layout.addWidget(pos_group)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)

    # -- loading what the account has

    def enter(self) -> None:
        key = (self.state.mode, self.state.user.id if self.state.user is not None else None)
        if self._loaded_for != key:
            self.load()
        self._show_self_service()
        self._validate()

    @dialog_slot()
    async def load(self) -> None:
        if self._working:
            return
        self._working = True
        self.apply_button.setEnabled(False)
        self.busy.start(self.tr("Reading the account's stores…"))
        key = (self.state.mode, self.state.user.id if self.state.user is not None else None)
        try:
            client = await self.flow.client()
            if self.state.user is None:
                self.state.user = await client.get_me()
                key = (self.state.mode, self.state.user.id)
            page = await client.search_stores(self.state.user.id, limit=50)
        except Exception as exc:
            self.result.show_result("error", errors.report(exc, "setup: stores"))
            self.stores = []
        else:
            self.stores = list(page.results)
            self._loaded_for = key
        finally:
            self._working = False
            self.busy.stop()
        self._fill_stores()
        await self._load_pos()

    def _fill_stores(self) -> None:
        wanted = self.state.store_external_id
        self.store_box.blockSignals(True)
        self.store_box.clear()
        for s in self.stores:
            self.store_box.addItem(f"{s.name} ({s.external_id})", s.external_id)
        self.store_box.addItem(self.tr("New store…"), self.NEW)
        index = self.store_box.findData(wanted) if wanted else -1
        self.store_box.setCurrentIndex(index if index >= 0 else (0 if self.stores else self.store_box.count() - 1))
        self.store_box.blockSignals(False)
        self._prefill_new_store()
        self._show_new()

    def _prefill_new_store(self) -> None:
        if self.store_box.currentData() != self.NEW:
            return
        if not self.store_ext.text():
            self.store_ext.setText(self.state.store_external_id or "KIOSCO1")
            self.store_name.setText(self.state.store_name or "Kiosco")
        if self.state.mode == Mode.SANDBOX and not self.street.text():
            d = self._demo
            for f, v in ((self.street, d.street_name), (self.number, d.street_number), (self.city, d.city_name),
                         (self.state_name, d.state_name), (self.lat, str(d.latitude)), (self.lng, str(d.longitude))):
                f.setText(v)

    async def _load_pos(self) -> None:
        ext = self.store_box.currentData()
        self.pos_list = []
        if ext and ext != self.NEW:
            self.busy.start(self.tr("Reading the store's registers…"))
            try:
                client = await self.flow.client()
                page = await client.list_pos(external_store_id=ext, limit=50)
                self.pos_list = list(page.results)
            except Exception as exc:
                self.result.show_result("error", errors.report(exc, "setup: registers"))
            finally:
                self.busy.stop()
        self._fill_pos()

    def _fill_pos(self) -> None:
        wanted = self.state.pos_external_id
        self.pos_box.blockSignals(True)
        self.pos_box.clear()
        for p in self.pos_list:
            self.pos_box.addItem(f"{p.name} ({p.external_id})", p.external_id)
        self.pos_box.addItem(self.tr("New register…"), self.NEW)
        index = self.pos_box.findData(wanted) if wanted else -1
        self.pos_box.setCurrentIndex(index if index >= 0 else (0 if self.pos_list else self.pos_box.count() - 1))
        self.pos_box.blockSignals(False)
        if self.pos_box.currentData() == self.NEW and not self.pos_ext.text():
            self.pos_ext.setText(self.state.pos_external_id or "CAJA1")
            self.pos_name.setText(self.state.register_name or "Caja 1")
        self._show_new()
        self._validate()
        self.completeChanged.emit()  # Next follows the list just read (not only the installer's edits)

    @dialog_slot()
    async def _store_changed(self, _index: int) -> None:
        self.state.provisioned = None
        self._prefill_new_store()
        self._show_new()
        self.dirty = True
        await self._load_pos()

    def _pos_changed(self, _index: int) -> None:
        self.state.provisioned = None
        if self.pos_box.currentData() == self.NEW and not self.pos_ext.text():
            self.pos_ext.setText("CAJA1")
            self.pos_name.setText("Caja 1")
        self._show_new()
        self._validate()
        self._changed()

    def _show_new(self) -> None:
        self.new_store.setVisible(self.store_box.currentData() == self.NEW)
        self.new_pos.setVisible(self.pos_box.currentData() == self.NEW)

    def _show_self_service(self) -> None:
        self.self_service_box.setVisible(self.state.self_service)
        s = self.state
        if s.mode == Mode.SANDBOX:
            from qrcashier.unattended.addresses import local_route

            hint = fmt(self.tr("In the sandbox the public URL may stay empty: the sandbox calls this computer's "
                               "endpoint, %1, directly."), local_route(s.endpoint_host, s.endpoint_port))
        else:
            hint = fmt(self.tr("The https address of the reverse proxy that forwards to this computer's endpoint "
                               "(port %1); Mercado Pago must have enabled its domain for the account."),
                       s.endpoint_port)
        self.url_hint.setText(hint)

    def _kind_changed(self, _checked: bool) -> None:
        self.state.self_service = self.self_service_radio.isChecked()
        self._show_self_service()
        self._edited("")

    def _edited(self, _text: str) -> None:
        self.state.provisioned = None
        self.state.public_url = self.public_url.text().strip()
        self.result.clear()
        self._validate()
        self._changed()

    def self_service_url(self, spec) -> str | None:
        """The url the POS gets in self-service (None: attended), or raise ProvisioningError."""
        from qrcashier.provisioning import ProvisioningError

        s = self.state
        if not s.self_service:
            return None
        conflict = self_service_conflict(s.api_generation, s.qr_mode)
        if conflict:
            raise ProvisioningError(conflict)
        try:
            return self_service_pos_url(s.mode, self.public_url.text(), spec.pos_external_id,
                                        s.endpoint_host, s.endpoint_port)
        except ValueError as exc:
            raise ProvisioningError(str(exc)) from None

    # -- what was chosen, validated

    def spec(self):
        """The RegisterSpec for the current choices, or raise ProvisioningError / ValueError."""
        from qrcashier.mercadopago.models import Location
        from qrcashier.provisioning import ProvisioningError, RegisterSpec

        store_data = self.store_box.currentData()
        if store_data == self.NEW or store_data is None:
            store_ext = self.store_ext.text().strip()
            store_name = " ".join(self.store_name.text().split())
            if not store_name:
                raise ProvisioningError(self.tr("Give the store a name."))
            try:
                lat, lng = Decimal(self.lat.text().strip()), Decimal(self.lng.text().strip())
            except InvalidOperation:
                raise ProvisioningError(
                    self.tr("Latitude and longitude are numbers, like -34.6037 and -58.3816.")
                ) from None
            if not (lat.is_finite() and lng.is_finite() and abs(lat) <= 90 and abs(lng) <= 180):
                raise ProvisioningError(self.tr("Latitude is between -90 and 90, longitude between -180 and 180."))
            for f, what in ((self.street, self.tr("Mercado Pago needs the store's street.")),
                            (self.number, self.tr("Mercado Pago needs the store's street number.")),
                            (self.city, self.tr("Mercado Pago needs the store's city.")),
                            (self.state_name, self.tr("Mercado Pago needs the store's province or state."))):
                if not f.text().strip():
                    raise ProvisioningError(what)
            location = Location(self.number.text().strip(), self.street.text().strip(), self.city.text().strip(),
                                self.state_name.text().strip(), lat, lng)
        else:
            store = next(s for s in self.stores if s.external_id == store_data)
            store_ext, store_name, location = store_data, store.name, self._demo
        pos_data = self.pos_box.currentData()
        if pos_data == self.NEW or pos_data is None:
            pos_ext = self.pos_ext.text().strip()
            pos_name = " ".join(self.pos_name.text().split())
        else:
            pos = next(p for p in self.pos_list if p.external_id == pos_data)
            pos_ext, pos_name = pos_data, pos.name
        if not pos_name or len(pos_name) >= 45:
            raise ProvisioningError(self.tr("The register's name is 1 to 44 characters."))
        return RegisterSpec(store_ext, pos_ext, store_name=store_name, pos_name=pos_name, location=location)

    def _validate(self) -> str | None:
        from qrcashier.provisioning import ProvisioningError

        try:
            self.self_service_url(self.spec())
        except (ProvisioningError, ValueError, StopIteration) as exc:
            text = engine_text(getattr(exc, "user_message", None) or str(exc)) or self.tr(
                "Choose a store and a register."
            )
            self.problem.setText(text)
            self.apply_button.setEnabled(False)
            return text
        self.problem.setText("")
        self.apply_button.setEnabled(not self._working)
        return None

    def is_complete(self) -> bool:
        if self.flow.settings_mode and not self.dirty:
            return True
        return self._validate() is None

    @dialog_slot()
    async def provision(self) -> bool:
        from qrcashier.provisioning import ProvisioningError
        from qrcashier.unattended.provisioning import ensure_attended_pos, ensure_unattended_pos

        if self._working:
            return False
        try:
            spec = self.spec()
            url = self.self_service_url(spec)
        except (ProvisioningError, ValueError, StopIteration):
            self._validate()
            return False
        self._working = True
        self.apply_button.setEnabled(False)
        self.result.clear()
        self.busy.start(self.tr("Checking the store and register with Mercado Pago (creating what is missing)…"))
        try:
            client = await self.flow.client()
            if url is not None:  # self-service: the POS carries the endpoint's url, fixed amount
                provisioned = await ensure_unattended_pos(client, spec, url)
            else:  # attended: orders go on the POS (a self-service url is taken off)
                provisioned = await ensure_attended_pos(client, spec)
        except Exception as exc:
            text = errors.report(exc, "setup: provisioning")  # (logged)
            if url is not None:
                text = unattended_error(exc) or text
            self.result.show_result("error", text)
            return False
        finally:
            self._working = False
            self.busy.stop()
            self._validate()
        self.state.provisioned = provisioned
        self.state.pos_url = url
        self.state.user = provisioned.user
        self.state.store_external_id, self.state.store_name = spec.store_external_id, provisioned.store.name
        self.state.pos_external_id, self.state.register_name = spec.pos_external_id, provisioned.pos.name
        if provisioned.created_store and provisioned.created_pos:
            text = self.tr("Created the store %1 (%2) and created the register %3 (%4, POS number %5), fixed amount.")
        elif provisioned.created_store:
            text = self.tr("Created the store %1 (%2) and found the register %3 (%4, POS number %5, fixed amount), "
                           "which will be reused.")
        elif provisioned.created_pos:
            text = self.tr("Found the store %1 (%2) and created the register %3 (%4, POS number %5), fixed amount.")
        else:
            text = self.tr("Found the store %1 (%2) and found the register %3 (%4, POS number %5, fixed amount), "
                           "which will be reused.")
        text = fmt(text, provisioned.store.name, spec.store_external_id, provisioned.pos.name, spec.pos_external_id,
                   provisioned.pos.id)
        if url is not None:
            text += " " + fmt(self.tr("Self-service: Mercado Pago will ask %1 for each order."), url)
        self.result.show_result("ok", text)
        # What was created now exists: show it chosen, not as "New store…" with its fields.
        if all(st.external_id != spec.store_external_id for st in self.stores):
            self.stores.append(provisioned.store)
        if all(p.external_id != spec.pos_external_id for p in self.pos_list):
            self.pos_list.append(provisioned.pos)
        self._fill_stores()
        self._fill_pos()
        self.dirty = True
        self.completeChanged.emit()
        return True

    async def commit(self) -> bool:
        if self.flow.settings_mode and not self.dirty:
            return True
        if self.state.provisioned is None:
            task = self.provision()
            return bool(await task)
        return True

    async def save(self, settings: AppSettings, actor: str) -> None:
        p = self.state.provisioned
        if p is None:
            return
        settings.user_id = p.user.id
        settings.site = p.user.site_id
        settings.store_external_id = self.state.store_external_id
        settings.store_id = p.store.id
        settings.store_name = p.store.name
        settings.pos_external_id = self.state.pos_external_id
        settings.pos_id = p.pos.id
        settings.register_name = p.pos.name
        settings.register_id = register_id_for(self.state.pos_external_id)
        settings.self_service = self.state.pos_url is not None
        if self.state.pos_url is not None:
            settings.endpoint_public_url = self.public_url.text().strip() or None
