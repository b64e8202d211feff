"""The settings' Qt backend: QSettings (organisation and application "QRCashier") behind the
`SettingsStore` protocol (settings_store.py). Installed when `qrcashier.ui` is imported, so
every window, dialog and the start-up code get `AppSettings()` in QSettings' native format
(`QSettings.defaultFormat()`, which a test fixture may redirect to INI files in a folder),
and `AppSettings.from_file(path)` an INI file."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from qrcashier.paths import APP_NAME, ORG_NAME
from qrcashier.settings_store import install_backend


def user_settings() -> QSettings:
    """The user's settings, in the default format (native; INI when a test set it)."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def file_settings(path: str) -> QSettings:
    """The settings in the INI file at `path`."""
    return QSettings(str(path), QSettings.Format.IniFormat)


def install() -> None:
    install_backend(user_settings, file_settings)
