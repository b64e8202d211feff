"""The typed settings without Qt: over the in-memory store, the backend hook, and no PySide6 import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qrcashier import settings_store
from qrcashier.settings import AppSettings, Mode, SecretInSettings
from qrcashier.settings_store import MemoryStore, NoSettingsBackend, SettingsStore
from qrcashier.setup.support_text import support_text

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def no_backend(monkeypatch):
    monkeypatch.setattr(settings_store, "_backend", None)


def test_the_settings_round_trip_in_memory() -> None:
    store = MemoryStore()
    s = AppSettings(store)
    s.mode, s.site, s.user_id = Mode.ACCOUNT, "mlb", 1234567
    s.store_external_id, s.pos_external_id, s.register_name = "KIOSCO1", "CAJA2", "Caja 2"
    s.setup_done = True
    assert store.values == {
        "mode": "account", "mp/site": "MLB", "mp/user_id": 1234567, "store/external_id": "KIOSCO1",
        "pos/external_id": "CAJA2", "pos/name": "Caja 2", "setup/done": True,
    }
    again = AppSettings(store)
    assert (again.mode, again.site, again.user_id, again.register_id) == (Mode.ACCOUNT, "MLB", 1234567, "CAJA2")
    assert again.is_configured() and again.keys() == sorted(store.values)


def test_values_read_back_as_the_ini_file_gives_them_strings() -> None:
    s = AppSettings.in_memory({"mp/user_id": "42", "setup/done": "true", "unattended/port": "9000", "pos/id": "x"})
    assert (s.user_id, s.setup_done, s.endpoint_port, s.pos_id) == (42, True, 9000, None)


def test_an_empty_value_removes_the_key_and_a_token_is_refused() -> None:
    s = AppSettings.in_memory({"printer/receipts": "EPSON"})
    s.printer = None
    assert s.keys() == [] and s.printer is None
    with pytest.raises(SecretInSettings):
        s.nickname = "APP_USR-1234567890abcdef"
    assert s.keys() == []


def test_a_profile_keeps_its_keys_apart_and_a_lockout_is_flushed() -> None:
    store = MemoryStore()
    second = AppSettings(store, profile="caja2")
    second.pin_lockout = "3:1700000000"
    assert store.values == {"profiles/caja2/supervisor/lockout": "3:1700000000"} and store.syncs == 1
    assert AppSettings(store).pin_lockout == "" and second.keyring_account == "register:caja2"


def test_clear_empties_the_store_and_support_text_names_the_file() -> None:
    store = MemoryStore({"mp/site": "MLA", "ui/language": "es"}, file_name="/nowhere/settings.ini")
    s = AppSettings(store)
    text = support_text(s)
    assert "settings file: /nowhere/settings.ini" in text and "language es" in text
    s.clear()
    assert store.values == {} and s.language == "en"


def test_removing_a_group_removes_its_keys_as_qsettings_does() -> None:
    store = MemoryStore({"pos/id": 1, "pos/name": "Caja 1", "position": "x"})
    store.remove("pos")
    assert store.values == {"position": "x"}
    assert isinstance(store, SettingsStore)


def test_the_default_settings_come_from_the_installed_backend(monkeypatch, tmp_path) -> None:
    made: list[str] = []
    user, files = MemoryStore(file_name="user"), {}

    def open_file(path: str) -> MemoryStore:
        made.append(path)
        return files.setdefault(path, MemoryStore(file_name=path))

    monkeypatch.setattr(settings_store, "_backend", None)
    settings_store.install_backend(lambda: user, open_file)
    AppSettings().language = "pt"
    assert user.values == {"ui/language": "pt"}
    AppSettings.from_file(tmp_path / "s.ini").site = "MLM"
    assert made == [str(tmp_path / "s.ini")] and files[made[0]].values == {"mp/site": "MLM"}


def test_without_a_backend_the_users_settings_are_refused(no_backend) -> None:
    with pytest.raises(NoSettingsBackend):
        AppSettings()
    with pytest.raises(NoSettingsBackend):
        AppSettings.from_file("settings.ini")


def test_the_settings_import_no_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import qrcashier.settings, qrcashier.setup.state, qrcashier.setup.env\n"
        "qt = [m for m, mod in sys.modules.items() if mod and m.startswith(('PySide6', 'shiboken6', 'qrcashier.ui'))]\n"
        "assert not qt, qt\n"
    )
    env = {"PYTHONPATH": str(ROOT / "app"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
