"""Settings → Advanced → Several registers: the store database (issue 19), the same as `--store`.

Two fields: the store's address (a PostgreSQL DSN or a libpq service name, kept in the settings;
one that carries a password is refused) and the register's database password, which goes only to
the keyring (service "QRCashier-store", store.dsn.save_password), on a worker thread, and is
never shown again: left empty, the saved one (or libpq's own .pgpass / PGPASSWORD) stays.
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit

from qrcashier.store.dsn import StoreAddressError, conninfo, redact, save_password

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


class NoKeyringForStore(Exception):
    """The password cannot be kept: this computer has no secure keyring."""


class StoreFields:
    def __init__(self, page: Any, form: QFormLayout, dsn: str) -> None:
        self.dsn_field = QLineEdit(dsn)
        self.dsn_field.setObjectName("storeDsn")
        self.dsn_field.setPlaceholderText(
            translate("StoreFields", "e.g. host=192.168.0.10 dbname=store user=qrc_caja2 (empty: no store server)"))
        self.dsn_field.setMaxLength(300)
        self.password_field = QLineEdit()
        self.password_field.setObjectName("storePassword")
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.setPlaceholderText(translate("StoreFields", "kept in the keyring; empty: unchanged"))
        for field in (self.dsn_field, self.password_field):
            field.textChanged.connect(lambda _t: page._changed())
        form.addRow(translate("StoreFields", "Store database (PostgreSQL)"), self.dsn_field)
        form.addRow(translate("StoreFields", "Store database password"), self.password_field)

    def problem(self) -> str | None:
        text = self.dsn_field.text().strip()
        if not text:
            if self.password_field.text():
                return translate("StoreFields", "Give the store database first, then its password.")
            return None
        try:
            conninfo(text)
        except StoreAddressError:
            return translate("StoreFields", "The store database is a PostgreSQL DSN (host=... dbname=... user=...) "
                                            "or a libpq service name.")
        if redact(text) != text:
            return translate("StoreFields", "Leave the password out of the store database's address: type it in "
                                            "the password field, which keeps it in the keyring.")
        return None

    async def save(self, settings: Any, tokens: Any) -> None:
        dsn = self.dsn_field.text().strip()
        password = self.password_field.text()
        if dsn and password:
            backend = tokens.choice.backend if tokens is not None else None
            if backend is None:
                raise NoKeyringForStore(translate(
                    "StoreFields", "This computer has no secure keyring to keep the store database's password in: "
                                   "use libpq's .pgpass file instead, or start a keyring and save again."))
            await asyncio.to_thread(save_password, dsn, password, backend)
            self.password_field.clear()
        settings.store_dsn = dsn
