"""`--store DSN` on the register's side, without a server: the command line, the settings field
(never a password), the app's Options and Services without a store, the outbox's pruning, and a
store address that cannot be read (the register still starts; the status says why)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from qrcashier.checkout.journal.schema import connect, migrate
from qrcashier.cli import build_parser
from qrcashier.services import Options, Services
from qrcashier.store import outbox
from qrcashier.store.link import StoreLink

DSN = "host=db.local port=5432 dbname=store user=qrc_caja2"


def test_the_command_line_takes_a_dsn_or_a_service_name_never_a_password(capsys):
    assert build_parser().parse_args(["--store", DSN]).store == DSN
    assert build_parser().parse_args(["--store", "tienda"]).store == "tienda"
    assert build_parser().parse_args([]).store is None
    for bad in (f"{DSN} password=hunter2", "postgresql://u:hunter2@db/store", "not a dsn!"):
        with pytest.raises(SystemExit):
            build_parser().parse_args(["--store", bad])
        err = capsys.readouterr().err
        assert "--store" in err and "hunter2" not in err


def test_options_take_the_store_from_the_command_line(tmp_path):
    opts = Options.from_args(build_parser().parse_args(["--store", DSN, "--data-dir", str(tmp_path)]))
    assert opts.store_dsn == DSN and "store_dsn" in opts.from_command_line
    plain = Options.from_args(build_parser().parse_args(["--data-dir", str(tmp_path)]))
    assert plain.store_dsn is None and "store_dsn" not in plain.from_command_line
    assert Services(plain).store_status() is None  # a single register: no store line at all


def test_the_settings_field_keeps_the_dsn_and_refuses_a_password(tmp_path):
    from qrcashier.settings import AppSettings, SecretInSettings
    from qrcashier.settings_store import MemoryStore

    store = MemoryStore()  # no Qt in a unit test: the settings over a dict
    settings = AppSettings(store)
    assert settings.store_dsn == ""
    settings.store_dsn = f"  {DSN} "
    assert settings.store_dsn == DSN
    for bad in (f"{DSN} password=hunter2", "postgres://u:hunter2@db/store"):
        with pytest.raises(SecretInSettings):
            settings.store_dsn = bad
    settings.sync()
    assert "hunter2" not in repr(store.values)
    opts = settings.apply_to(Options(data_dir=tmp_path))
    assert opts.store_dsn == DSN
    given = Options.from_args(build_parser().parse_args(["--store", "other", "--data-dir", str(tmp_path)]))
    assert settings.apply_to(given).store_dsn == "other"  # --store wins over the settings
    settings.store_dsn = ""
    assert settings.apply_to(Options(data_dir=tmp_path)).store_dsn is None


def test_prune_removes_only_rows_sent_before_the_keep_window(tmp_path):
    db = connect(tmp_path / "journal.sqlite3")
    migrate(db)
    now = datetime.now(UTC)
    old = (now - timedelta(days=outbox.KEEP_SENT_DAYS + 1)).isoformat(timespec="microseconds")
    recent = (now - timedelta(days=1)).isoformat(timespec="microseconds")
    for sent_at in (old, old, recent, None):
        db.execute("INSERT INTO outbox (kind, ref, sent_at) VALUES ('sale', 1, ?)", (sent_at,))
    db.execute("INSERT INTO outbox (kind, ref, created_at) VALUES ('sale', 2, '2020-01-01T00:00:00.000Z')")
    assert outbox.prune(db) == 2
    assert [r[0] for r in db.execute("SELECT sent_at IS NULL FROM outbox ORDER BY seq")] == [0, 1, 1]
    assert outbox.waiting(db) == (2, 2)  # an unsent row stays, however old
    db.execute("INSERT INTO outbox (kind, ref) VALUES ('audit', 3)")
    assert outbox.last_seq(db) == 6  # AUTOINCREMENT: a pruned seq is never reused
    assert outbox.prune(db) == 0
    db.close()


def test_an_unreadable_address_leaves_the_register_selling_and_says_why(tmp_path):
    link = StoreLink("not a dsn!", "CAJA1", tmp_path / "journal.sqlite3")
    asyncio.run(link.start())
    status = link.status()
    assert link.sender is None and status.online is False
    assert "neither a PostgreSQL DSN nor a libpq service name" in status.error
    assert asyncio.run(link.wait_sent(0.1)) is False
    asyncio.run(link.close())


def test_a_start_that_hangs_times_out_and_a_late_sender_is_stopped(tmp_path, monkeypatch):
    import threading

    from qrcashier.store import link as link_module
    from tests.support.waiting import wait_until_sync

    release, stopped = threading.Event(), threading.Event()

    class LateSender:
        def stop(self) -> None:
            stopped.set()

    def hanging_build() -> LateSender:
        release.wait(10)  # a keyring that does not answer
        return LateSender()

    monkeypatch.setattr(link_module, "START_TIMEOUT_SECONDS", 0.2)
    link = StoreLink("host=db.local dbname=store user=qrc_caja1", "CAJA1", tmp_path / "journal.sqlite3")
    monkeypatch.setattr(link, "_build", hanging_build)

    async def run() -> None:
        await link.start()
        assert link.sender is None and link.status().online is False
        assert link.status().error.startswith("TimeoutError")
        release.set()
        await asyncio.to_thread(wait_until_sync, stopped.is_set, 5, "the late sender stopped")

    asyncio.run(run())
