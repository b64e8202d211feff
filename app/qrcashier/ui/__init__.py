"""The window layer (PySide6). Importing it installs the settings' QSettings backend
(settings_backend.py): below this package the settings are Qt-free."""

from qrcashier.ui import settings_backend as _settings_backend

_settings_backend.install()
