"""Where the settings are kept: a small storage protocol, and the backends behind `AppSettings`.

`AppSettings` (settings.py) reads and writes through a `SettingsStore`: the handful of
QSettings methods it uses, so a `QSettings` object is a store as it is. The Qt backend lives
in the window layer (`qrcashier.ui.settings_backend`, installed when `qrcashier.ui` is
imported): `AppSettings()` and `AppSettings.from_file(path)` ask the installed backend for a
store, so the file format is QSettings' own and nothing below `ui` imports Qt.

`MemoryStore` keeps the values in a dict: unit tests, and any Qt-free tool, use it
(`AppSettings(MemoryStore())`). Without a backend installed, `AppSettings()` raises
`NoSettingsBackend` rather than silently writing somewhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class SettingsStore(Protocol):
    """The part of QSettings' interface the typed settings use (QSettings satisfies it)."""

    def value(self, key: str, defaultValue: Any = None) -> Any: ...

    def setValue(self, key: str, value: Any) -> None: ...

    def remove(self, key: str) -> None: ...

    def contains(self, key: str) -> bool: ...

    def allKeys(self) -> list[str]: ...

    def sync(self) -> None: ...

    def clear(self) -> None: ...

    def fileName(self) -> str: ...


class MemoryStore:
    """A store in a dict (no file, no Qt). Keys are "group/name" as in QSettings; removing a
    group ("pos") removes every key under it, as QSettings.remove does."""

    def __init__(self, values: dict[str, Any] | None = None, *, file_name: str = "") -> None:
        self.values: dict[str, Any] = dict(values or {})
        self.file_name = file_name
        self.syncs = 0  # how many times sync() was called (a test can check a lockout was flushed)

    def value(self, key: str, defaultValue: Any = None) -> Any:
        return self.values.get(key, defaultValue)

    def setValue(self, key: str, value: Any) -> None:
        self.values[key] = value

    def remove(self, key: str) -> None:
        if key == "":
            self.values.clear()
            return
        prefix = key.rstrip("/") + "/"
        for name in [k for k in self.values if k == key or k.startswith(prefix)]:
            del self.values[name]

    def contains(self, key: str) -> bool:
        return key in self.values

    def allKeys(self) -> list[str]:
        return sorted(self.values)

    def sync(self) -> None:
        self.syncs += 1

    def clear(self) -> None:
        self.values.clear()

    def fileName(self) -> str:
        return self.file_name


class NoSettingsBackend(RuntimeError):
    """`AppSettings()` was asked for the user's settings, but no backend is installed."""


UserStoreFactory = Callable[[], SettingsStore]
FileStoreFactory = Callable[[str], SettingsStore]
_backend: tuple[UserStoreFactory, FileStoreFactory] | None = None


def install_backend(user: UserStoreFactory, file: FileStoreFactory) -> None:
    """Make `user()` the user's settings and `file(path)` an INI file of them (the Qt backend
    calls this when `qrcashier.ui` is imported)."""
    global _backend
    _backend = (user, file)


def installed_backend() -> tuple[UserStoreFactory, FileStoreFactory] | None:
    return _backend


def user_store() -> SettingsStore:
    """The user's settings (the platform's native place and format)."""
    return _require()[0]()


def file_store(path: str | Path) -> SettingsStore:
    """The settings in an INI file at `path` (tests, a portable install)."""
    return _require()[1](str(path))


def _require() -> tuple[UserStoreFactory, FileStoreFactory]:
    if _backend is None:
        raise NoSettingsBackend(
            "no settings backend is installed: import qrcashier.ui (QSettings) or pass a store, "
            "e.g. AppSettings(MemoryStore())"
        )
    return _backend
