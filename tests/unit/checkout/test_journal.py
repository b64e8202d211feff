"""The journal: durable settings, its own thread, schema guards, and migrations."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from qrcashier.checkout import Journal, JournalUnavailable, JournalVersionError, RegisterBusy
from qrcashier.checkout.errors import RefundRefused
from qrcashier.checkout.journal import MIGRATIONS, SCHEMA_VERSION, JournalDB, StaleState, connect, migrate
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from qrcashier.domain.sale import FailureKind, IllegalTransition, PaymentInfo

MLA = SITES["MLA"]
NOW = datetime(2030, 1, 1, 12, tzinfo=UTC)
LINES = (CartLine("Yerba", Decimal("1500.50"), 2), CartLine("Mate", Decimal("800.00"), 1))
TOTAL = Decimal("3801.00")


def new_attempt(db: JournalDB, register: str = "CAJA1"):
    return db.create_attempt(
        gateway="fake", now=NOW, expires_at=NOW + timedelta(minutes=10), message="saved",
        new_sale=(register, MLA, LINES, TOTAL),
    )


@pytest.fixture
def db(tmp_path):
    store = JournalDB(tmp_path / "j.sqlite3")
    yield store
    store.close()


def test_pragmas_and_version(db):
    assert db._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.version == SCHEMA_VERSION == db._db.execute("PRAGMA user_version").fetchone()[0]


@pytest.mark.asyncio
async def test_every_operation_runs_on_the_journals_own_thread(tmp_path):
    journal = await Journal.open(tmp_path / "j.sqlite3")
    try:
        name = await journal.run(lambda db: threading.current_thread().name)
        assert name.startswith("qrcashier-journal") and name != threading.current_thread().name
        attempt = await journal.run(new_attempt)
        assert (await journal.run(lambda db: db.attempt(attempt.id))).reference == attempt.reference
    finally:
        await journal.close()


@pytest.mark.asyncio
async def test_a_sqlite_failure_reaches_the_caller_as_journal_unavailable(tmp_path):
    journal = await Journal.open(tmp_path / "j.sqlite3")
    try:
        def full_disk(db):
            raise sqlite3.OperationalError("database or disk is full")

        with pytest.raises(JournalUnavailable) as caught:
            await journal.run(full_disk)
        assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
        assert "journal" in caught.value.user_message
    finally:
        await journal.close()
    (tmp_path / "damaged.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(JournalUnavailable):
        await Journal.open(tmp_path / "damaged.sqlite3")


def test_sale_lines_and_attempt_are_written_together(db):
    attempt = new_attempt(db)
    sale = db.sale(attempt.sale_id)
    assert sale.lines == LINES and sale.total == TOTAL == sum(line.total(MLA) for line in sale.lines)
    assert attempt.state == S.CREATED and attempt.reference == f"CAJA1-{sale.code}-1"
    assert [t.to_state for t in db.transitions(attempt.id)] == [S.CREATED]


def test_one_live_attempt_per_register_even_against_raw_sql(db):
    first = new_attempt(db)
    with pytest.raises(RegisterBusy):
        new_attempt(db)
    new_attempt(db, register="CAJA2")  # another register is free
    with pytest.raises(sqlite3.IntegrityError):
        db._db.execute(
            "INSERT INTO attempts (sale_id, number, register_id, reference, idempotency_key, gateway, total, state,"
            " created_at, updated_at, expires_at) VALUES (?, 2, 'CAJA1', 'x', 'k', 'fake', '1', 'waiting', '', '', '')",
            (first.sale_id,),
        )


def test_transitions_are_checked(db):
    attempt = new_attempt(db)
    with pytest.raises(IllegalTransition):
        db.transition(attempt.id, S.WAITING, NOW, "skip publishing")
    moved = db.transition(attempt.id, S.PUBLISHING, NOW, "sending", expect={S.CREATED})
    with pytest.raises(StaleState):
        db.transition(moved.id, S.WAITING, NOW, "stale", expect={S.CREATED})
    assert db.attempt(attempt.id).state == S.PUBLISHING


def test_paid_once_with_one_original_receipt(db):
    attempt = new_attempt(db)
    db.transition(attempt.id, S.PUBLISHING, NOW, "")
    db.transition(attempt.id, S.WAITING, NOW, "")
    payment = PaymentInfo(555, "approved", TOTAL, "accredited", 77)
    paid, receipt = db.complete_paid(attempt.id, [payment], NOW, "Paid.")
    assert paid.state == S.PAID and receipt is not None and receipt.kind == "original"
    again, none = db.complete_paid(attempt.id, [payment], NOW, "Paid.")
    assert again.state == S.PAID and none is None
    assert len(db.payments(attempt_id=attempt.id)) == 1
    assert len(db.receipts(attempt_id=attempt.id)) == 1
    with pytest.raises(sqlite3.IntegrityError):
        db._db.execute("INSERT INTO receipts (attempt_id, kind, issued_at) VALUES (?, 'original', '')", (attempt.id,))
    with pytest.raises(sqlite3.IntegrityError):
        db._db.execute(
            "INSERT INTO payments (mp_payment_id, attempt_id, amount, status, recorded_at)"
            " VALUES (555, ?, '1', 'approved', '')",
            (attempt.id,),
        )
    other = new_attempt(db)
    with pytest.raises(StaleState):  # one Mercado Pago payment never belongs to two attempts
        db.record_payments(other.id, [payment], NOW)


def test_refunds_never_exceed_what_was_paid(db):
    attempt = new_attempt(db)
    db.transition(attempt.id, S.PUBLISHING, NOW, "")
    db.transition(attempt.id, S.WAITING, NOW, "")
    db.complete_paid(attempt.id, [PaymentInfo(9, "approved", TOTAL)], NOW, "Paid.")
    first = db.create_refund(9, Decimal("3000"), full=False, now=NOW, supervisor="M", reason="")
    with pytest.raises(RefundRefused, match="only 801.00"):
        db.create_refund(9, Decimal("900"), full=False, now=NOW, supervisor="M", reason="")
    db.finish_refund(first.id, "failed", NOW, "refused")
    assert db.refundable(9) == TOTAL  # a refused refund gives the money back to refund
    assert db.audit_log()[0].action == "refund_requested"


def test_migration_3_classifies_old_failed_attempts_once(tmp_path):
    path = tmp_path / "v2.sqlite3"
    old = connect(path)
    assert migrate(old, target=2) == 2
    old.execute(
        "INSERT INTO sales (id, code, register_id, site_id, currency, total, status, created_at)"
        " VALUES (1, '1_abcde', 'CAJA1', 'MLA', 'ARS', '10.00', 'open', ?)", (NOW.isoformat(),)
    )
    messages = {
        1: ("failed", "Cannot reach Mercado Pago: check the internet connection. The order was not sent."),
        2: ("failed", "Mercado Pago did not answer in time; checking again."),
        3: ("failed", "QR Cashier stopped before this order was sent; the sale is kept: charge it again."),
        4: ("failed", "Mercado Pago rejected the request as invalid. The sale is kept; you can charge it again."),
        5: ("expired", "The order expired."),
    }
    for n, (state, message) in messages.items():
        old.execute(
            "INSERT INTO attempts (sale_id, number, register_id, reference, idempotency_key, gateway, total, state,"
            " created_at, updated_at, expires_at, message) VALUES (1, ?, 'CAJA1', ?, ?, 'instore_v2', '10.00',"
            " ?, ?, ?, ?, ?)", (n, f"CAJA1-1_abcde-{n}", f"k{n}", state, *(NOW.isoformat(),) * 3, message),
        )
    old.close()

    db = JournalDB(path)
    try:
        kinds = {n: db.attempt_by_reference(f"CAJA1-1_abcde-{n}").failure for n in messages}  # type: ignore[union-attr]
        assert kinds == {
            1: FailureKind.OFFLINE, 2: FailureKind.OFFLINE, 3: FailureKind.INTERRUPTED, 4: FailureKind.REFUSED, 5: None
        }
    finally:
        db.close()


def test_migrates_an_old_version_file(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = connect(path)
    assert migrate(old, target=1) == 1
    old.execute(
        "INSERT INTO sales (id, code, register_id, site_id, currency, total, status, created_at)"
        " VALUES (1, '1_abcde', 'CAJA1', 'MLA', 'ARS', '10.00', 'open', ?)", (NOW.isoformat(),)
    )
    old.execute(
        "INSERT INTO sale_lines VALUES (1, 1, 'Pan', NULL, '10.00', 1, 'unit', '10.00')"
    )
    old.execute(
        "INSERT INTO attempts (sale_id, number, register_id, reference, idempotency_key, gateway, total, state,"
        " created_at, updated_at, expires_at) VALUES (1, 1, 'CAJA1', 'CAJA1-1_abcde-1', 'k1', 'instore_v2', '10.00',"
        " 'waiting', ?, ?, ?)", (NOW.isoformat(),) * 3,
    )
    old.close()

    db = JournalDB(path)
    try:
        assert db.version == SCHEMA_VERSION == len(MIGRATIONS)
        attempt = db.attempt_by_reference("CAJA1-1_abcde-1")
        assert attempt is not None and attempt.state == S.WAITING and attempt.qr_data is None
        assert db.sale(1).lines == (CartLine("Pan", Decimal("10.00"), 1),)
        with pytest.raises(RegisterBusy):  # the guard added by migration 2 applies to old rows
            new_attempt(db)
    finally:
        db.close()


def test_a_newer_file_is_refused_untouched(tmp_path):
    path = tmp_path / "new.sqlite3"
    JournalDB(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(JournalVersionError, match="newer QR Cashier"):
        JournalDB(path)



def test_the_sync_api_for_scripts(tmp_path):
    journal = Journal.open_sync(tmp_path / "j.sqlite3")
    try:
        attempt = journal.run_sync(new_attempt)
        assert journal.run_sync(lambda db: db.live_attempt("CAJA1")).id == attempt.id
        assert journal.run_sync(lambda db: threading.current_thread().name).startswith("qrcashier-journal")
    finally:
        journal.close_sync()
