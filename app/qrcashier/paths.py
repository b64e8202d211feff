"""The app's folders, without Qt: where the journal, the catalog and the logs live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORG_NAME = "QRCashier"
APP_NAME = "QRCashier"


def _user_data_home() -> Path:
    """The per-user data folder QStandardPaths' AppDataLocation is built on, per platform."""
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    if sys.platform == "darwin":
        return home / "Library" / "Application Support"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")


def data_dir(override: Path | None = None) -> Path:
    """The app's data folder (AppDataLocation: <data home>/<org>/<app>), or `override`; created if missing."""
    path = Path(override) if override else _user_data_home() / ORG_NAME / APP_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path
