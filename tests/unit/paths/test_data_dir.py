"""The data folder is 0700 and its files 0600 from their first byte (POSIX; Windows relies on the profile's ACL)."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from qrcashier.checkout.journal import default_journal_path
from qrcashier.paths import data_dir, private_file

posix_only = pytest.mark.skipif(os.name != "posix", reason="mode bits are POSIX; Windows uses the profile's ACL")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@posix_only
def test_a_new_folder_is_0700_and_a_looser_one_is_tightened(tmp_path):
    fresh = data_dir(tmp_path / "new" / "data")
    assert fresh.is_dir() and mode(fresh) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    os.chmod(loose, 0o755)
    assert mode(data_dir(loose)) == 0o700


def test_the_default_is_where_qt_appdatalocation_puts_it_and_holds_the_journal(tmp_path, monkeypatch):
    # <data home>/<organisation>/<application>, as the releases before paths.py kept it
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    path = data_dir()
    assert path == tmp_path / "QRCashier" / "QRCashier" and path.is_dir()
    assert default_journal_path() == path / "journal.sqlite3"


def test_an_override_is_created_as_given(tmp_path):
    assert data_dir(tmp_path / "a" / "b") == tmp_path / "a" / "b" and (tmp_path / "a" / "b").is_dir()


@posix_only
def test_files_are_created_0600_before_sqlite_writes_them(tmp_path):
    old = os.umask(0o022)  # the usual umask, which would give SQLite's own file 0644
    try:
        db = private_file(data_dir(tmp_path / "d") / "journal.sqlite3")
        assert mode(db) == 0o600
        with sqlite3.connect(db) as conn:
            conn.execute("create table t (x)")
        assert mode(db) == 0o600
        loose = tmp_path / "d" / "app.log"
        loose.write_text("")
        os.chmod(loose, 0o644)
        assert mode(private_file(loose)) == 0o600 and loose.read_text() == ""  # tightened, not truncated
    finally:
        os.umask(old)


def test_the_data_home_per_platform(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert default_journal_path() == tmp_path / "Roaming" / "QRCashier" / "QRCashier" / "journal.sqlite3"
    monkeypatch.setattr("sys.platform", "darwin")
    assert default_journal_path().parts[-4:] == ("Application Support", "QRCashier", "QRCashier", "journal.sqlite3")
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert default_journal_path().parts[-5:] == (".local", "share", "QRCashier", "QRCashier", "journal.sqlite3")
