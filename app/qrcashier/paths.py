"""The app's data folder (journal, catalog, log, support bundles), private to its user.

The folder is where QStandardPaths' AppDataLocation puts it for organisation and application
"QRCashier" (so a shop that updates keeps its journal): Windows `%APPDATA%\\QRCashier\\QRCashier`,
macOS `~/Library/Application Support/QRCashier/QRCashier`, elsewhere
`$XDG_DATA_HOME/QRCashier/QRCashier` or `~/.local/share/QRCashier/QRCashier`. It is computed
here without Qt, so scripts, the sandbox CLI and the GUI agree on one place.

On POSIX the folder is 0700 (a looser existing one is tightened) and `private_file` creates
each file 0600 before anything is written to it, so a journal or catalog is never readable by
other users even for an instant. On Windows the mode bits mean little: the folder sits in the
user's profile, whose ACL already admits only that user.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORG_NAME = "QRCashier"
APP_NAME = "QRCashier"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def user_data_home() -> Path:
    """The per-user data folder AppDataLocation is built on, per platform."""
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    if sys.platform == "darwin":
        return home / "Library" / "Application Support"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")


def default_data_dir() -> Path:
    """Where the data folder is when nobody names another (not created here)."""
    return user_data_home() / ORG_NAME / APP_NAME


def data_dir(override: Path | str | None = None) -> Path:
    """The data folder (`override` if given), created 0700; an existing looser one is tightened."""
    path = Path(override) if override else default_data_dir()
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if os.name == "posix" and path.stat().st_mode & 0o777 != FOLDER_MODE:
        path.chmod(FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make sure `path` exists as a 0600 file before it is opened for writing (e.g. by SQLite).

    A new file is created 0600 atomically (os.open with O_CREAT); an existing one is tightened.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    if os.name == "posix" and path.stat().st_mode & 0o777 != FILE_MODE:
        path.chmod(FILE_MODE)
    return path
