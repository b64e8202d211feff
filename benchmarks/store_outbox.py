"""The store database: how fast a register's outbox drains, and the store report over a million
sale lines. Needs PostgreSQL's initdb/pg_ctl (Debian's `postgresql`; or QRC_PG_BIN); starts a
throwaway cluster on loopback (as the `postgres` user when run as root) and removes it.

    python benchmarks/store_outbox.py [--sales 2000] [--lines 1000000]

1. Drain rate. A journal with `--sales` sales written through the real journal operations (a
   third cash, a third QR, a third split cash + QR) while its outbox is on; then the sender's
   `drain_once` (batches of 200 outbox rows, one PostgreSQL transaction each, then marked sent in
   the journal) as the register's own role, through row-level security, until nothing waits.
   Baseline, in the same run and the same database: the same number of single-row INSERTs (one
   per upsert the drain executed) in as many transactions, from a Python loop on one connection.
   Printed as sales per second for both and their ratio.
2. The store report (`build_report`, what `qrcashier-admin store report` runs) over one million
   sale lines made server-side with generate_series: one million sales with one tender and one
   line each across 10 registers, in the order they were sold, (a) all on the reported day,
   (b) over 30 days, reporting the last one.
   Median of 3 runs, after ANALYZE.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "app"))
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from benchmarks.z_report_journal import sell  # noqa: E402
from qrcashier.checkout.journal import JournalDB  # noqa: E402
from qrcashier.domain.money import SITES  # noqa: E402
from qrcashier.store import outbox, payloads  # noqa: E402
from qrcashier.store.dsn import StoreAddress  # noqa: E402
from qrcashier.store.report import build_report  # noqa: E402
from qrcashier.store.roles import add_register, role_name  # noqa: E402
from qrcashier.store.schema import init_store  # noqa: E402
from qrcashier.store.sender import OutboxSender, connect_store  # noqa: E402
from tests.support.postgres import remove_cluster, start_cluster  # noqa: E402

MLA = SITES["MLA"]
CEILING = Decimal(999_999_999)
BATCH = 200


def drain_rate(cluster, owner_dsn: str, tmp: Path, n_sales: int) -> None:
    password = "bench-caja1"
    with psycopg.connect(owner_dsn, autocommit=True) as conn:
        add_register(conn, "CAJA1", password)
    address = StoreAddress(cluster.dsn(user=role_name("CAJA1")), password)
    db = JournalDB(tmp / "journal.sqlite3")
    sender = OutboxSender(db.path, address, "CAJA1", batch=BATCH)  # switches the outbox on
    started = time.perf_counter()
    sell(db, n_sales, datetime.now(UTC) - timedelta(hours=9))  # the Z benchmark's day of sales
    print(f"journal: {n_sales} sales written in {time.perf_counter() - started:.1f} s")
    rows = outbox.pending(sender._db, 10**9)
    statements = sum(len(list(payloads.statements(sender._db, "CAJA1", r.kind, r.ref))) for r in rows)
    batches = -(-len(rows) // BATCH)
    started = time.perf_counter()
    while sender.drain_once():
        pass
    drain = time.perf_counter() - started
    assert sender.status().waiting == 0
    sender.stop()
    db.close()
    with psycopg.connect(owner_dsn) as conn:
        stored = conn.execute("SELECT count(*) FROM sales").fetchone()[0]
    assert stored == n_sales, stored
    # Baseline: the same number of single-row INSERTs, in as many transactions, one connection.
    with psycopg.connect(owner_dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE plain (id bigint, register text, code text, total numeric,"
                     " at timestamptz, lines jsonb)")
    per_tx = -(-statements // batches)
    pg = connect_store(StoreAddress(owner_dsn))
    started = time.perf_counter()
    done = 0
    while done < statements:
        with pg.transaction(), pg.cursor() as cur:
            for i in range(done, min(statements, done + per_tx)):
                cur.execute("INSERT INTO plain VALUES (%s, %s, %s, %s, %s, %s)",
                            (i, "CAJA1", f"{i}_x", Decimal("1234.50"), datetime.now(UTC), '[{"line": 1}]'))
        done += per_tx
    plain = time.perf_counter() - started
    pg.close()
    rate, base = n_sales / drain, n_sales / plain
    print(f"outbox drain: {len(rows)} outbox rows, {statements} upserts in {batches} transactions, "
          f"{drain:.2f} s = {rate:.0f} sales/s")
    print(f"baseline (plain INSERT loop, {statements} rows in {batches} transactions): {plain:.2f} s "
          f"= {base:.0f} sales/s; drain/baseline = {rate / base:.2f}")


GENERATE_SALES = """
INSERT INTO sales (register, code, receipt_no, shift_number, site, currency, total, created_at, paid_at, lines)
SELECT 'CAJA' || (1 + g %% 10), g || '_b', g, 1, 'MLA', 'ARS', 1000 + g %% 997,
       %(start)s::timestamptz + ((g - 1) * %(days)s / %(n)s) * interval '1 day' + (g %% 43200) * interval '1 second',
       %(start)s::timestamptz + ((g - 1) * %(days)s / %(n)s) * interval '1 day' + (g %% 43200) * interval '1 second',
       jsonb_build_array(jsonb_build_object('line', 1, 'title', 'Item ' || g %% 5000, 'unit_price', 1000 + g %% 997,
                                            'quantity', 1, 'total', 1000 + g %% 997))
FROM generate_series(1, %(n)s) AS g
"""
GENERATE_TENDERS = """
INSERT INTO tenders (register, sale_code, position, kind, amount)
SELECT register, code, 1, CASE WHEN receipt_no % 3 = 0 THEN 'cash' ELSE 'qr' END, total FROM sales
"""


def report_time(owner_dsn: str, n_lines: int, days: int) -> None:
    day = date.today()
    with psycopg.connect(owner_dsn, autocommit=True) as conn:
        conn.execute("TRUNCATE sales, tenders, payments, shifts, movements, refunds, audit")
        conn.execute("DELETE FROM registers")
        for r in range(1, 11):
            conn.execute("INSERT INTO registers (name, role_name) VALUES (%s, %s)", (f"CAJA{r}", f"qrc_caja{r}"))
        start = datetime.combine(day - timedelta(days=days - 1), datetime.min.time()).astimezone()
        started = time.perf_counter()
        conn.execute(GENERATE_SALES, {"start": start, "days": days, "n": n_lines})
        conn.execute(GENERATE_TENDERS)
        conn.execute("ANALYZE")
        made = time.perf_counter() - started
        times = []
        for _ in range(3):
            started = time.perf_counter()
            report = build_report(conn, day)
            times.append(time.perf_counter() - started)
    expected = sum(1 for g in range(1, n_lines + 1) if (g - 1) * days // n_lines == days - 1)
    assert report["store"]["sales"] == expected, (report["store"]["sales"], expected)
    print(f"store report over {n_lines} sale lines ({days} day{'s' if days > 1 else ''}, {expected} on the day; "
          f"made in {made:.0f} s): median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sales", type=int, default=2000)
    ap.add_argument("--lines", type=int, default=1_000_000)
    args = ap.parse_args()
    cluster = start_cluster()
    try:
        owner = cluster.dsn()
        with psycopg.connect(owner, autocommit=True) as conn:
            init_store(conn)
            version = conn.execute("SHOW server_version").fetchone()[0]
        print(f"PostgreSQL {version} on loopback (throwaway cluster)")
        with tempfile.TemporaryDirectory() as tmp:
            drain_rate(cluster, owner, Path(tmp), args.sales)
        report_time(owner, args.lines, 1)
        report_time(owner, args.lines, 30)
    finally:
        remove_cluster(cluster)


if __name__ == "__main__":
    main()
