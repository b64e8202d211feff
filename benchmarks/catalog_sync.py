"""The store's catalog reaching a register: a 100,000-product initial sync, a price change's
delay, and the local lookups afterwards (issue 19 item 4).

    python benchmarks/catalog_sync.py        (needs PostgreSQL's initdb/pg_ctl, like the tests)

Starts a throwaway PostgreSQL (tests/support/postgres.py), imports the same generated 100,000
products as benchmarks/catalog.py into the store (`catalog_store.import_csv_text`, what
`qrcashier-admin catalog import --store` runs), makes a register role, and times:

- the initial sync: a CatalogFollower (the register's role, LISTEN, batches of 2,000 in one
  local transaction each) filling an EMPTY local catalog file, until its status is complete;
- baseline, same run, same products: a plain local insert, `Catalog.upsert` of the 100,000
  products into another empty file (the catalog's bulk path: inserts + one FTS rebuild);
- a price change: the store import of a file with one price changed, until the register's
  Catalog (the app's own connection) returns the new price;
- 1,000 changed prices in one import, until the last one is visible;
- barcode lookup and type-ahead on the synced file, as benchmarks/catalog.py measures them
  (budgets: barcode < 1 ms, type-ahead < 10 ms at 100k).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "app"))
sys.path.insert(0, str(ROOT))

from benchmarks.catalog import BRANDS, SIZES, TYPED, WORDS, ean13, p, timed  # noqa: E402
from qrcashier.catalog import Catalog, Product  # noqa: E402
from qrcashier.domain.money import site  # noqa: E402
from qrcashier.store.catalog_store import import_csv_text  # noqa: E402
from qrcashier.store.catalog_sync import CatalogFollower  # noqa: E402
from qrcashier.store.dsn import StoreAddress  # noqa: E402
from qrcashier.store.roles import add_register, role_name  # noqa: E402
from qrcashier.store.schema import init_store  # noqa: E402
from tests.support.postgres import remove_cluster, start_cluster  # noqa: E402

N = 100_000
MLA = site("MLA")


def products() -> list[Product]:
    rng = random.Random(7)
    out = []
    for i in range(N):
        word, brand = WORDS[rng.randrange(len(WORDS))], BRANDS[rng.randrange(len(BRANDS))]
        name = f"{word} {brand} {SIZES[rng.randrange(len(SIZES))]} {i}"
        price = Decimal(f"{rng.randrange(100, 90000)}.{rng.randrange(100):02d}")
        out.append(Product(f"P{i}", name, price, "unit", ean13(i * 7 + 13)))
    return out


def csv_text(items: list[Product]) -> str:
    return "\n".join(["code,barcode,name,price,unit"] +
                     [f'{x.code},{x.barcode},"{x.name}",{x.price},{x.unit}' for x in items])


def wait_for(condition, timeout: float, what: str) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.001)
    return time.perf_counter() - started


def main() -> None:
    import psycopg

    items = products()
    cluster = start_cluster()
    try:
        dsn = cluster.dsn()
        with psycopg.connect(dsn, autocommit=True) as conn:
            init_store(conn)
            add_register(conn, "CAJA1", "bench-pw")
            started = time.perf_counter()
            report = import_csv_text(conn, csv_text(items), MLA)
            store_import_s = time.perf_counter() - started
            assert report.added == N and not report.rejected, report.summary()
        address = StoreAddress(cluster.dsn(user=role_name("CAJA1")), "bench-pw")
        with tempfile.TemporaryDirectory() as tmp:
            baseline_path, synced_path = Path(tmp) / "baseline.sqlite3", Path(tmp) / "catalog.sqlite3"
            base = Catalog.open(baseline_path, MLA)
            started = time.perf_counter()
            base.upsert(items)
            baseline_s = time.perf_counter() - started
            base.close()

            app = Catalog.open(synced_path, MLA)
            follower = CatalogFollower(address, synced_path, MLA)
            started = time.perf_counter()
            follower.start()
            wait_for(lambda: follower.status.complete, 600, "the initial sync")
            sync_s = time.perf_counter() - started
            assert app.count() == N

            changed = items[123]
            with psycopg.connect(dsn, autocommit=True) as conn:
                one = [*items[:123], Product(changed.code, changed.name, changed.price + 1, "unit", changed.barcode),
                       *items[124:]]
                started = time.perf_counter()
                import_csv_text(conn, csv_text(one), MLA)
                import_one_s = time.perf_counter() - started
                t0 = time.perf_counter()
                wait_for(lambda: app.lookup(changed.barcode).price == changed.price + 1, 30, "the price change")
                one_delay_s = time.perf_counter() - t0
                many = [Product(x.code, x.name, x.price + 2, "unit", x.barcode) if i % 100 == 0 else x
                        for i, x in enumerate(one)]
                import_csv_text(conn, csv_text(many), MLA)
                t0 = time.perf_counter()
                last = many[(N - 1) // 100 * 100]
                wait_for(lambda: app.lookup(last.barcode).price == last.price, 30, "1,000 price changes")
                many_delay_s = time.perf_counter() - t0

            rng = random.Random(11)
            sample = [items[rng.randrange(N)].barcode for _ in range(2000)]
            for code in sample[:50]:
                app.lookup(code)
            lookups = timed(lambda c: app.lookup(c), sample)
            searches = []
            for _ in range(5):
                searches += timed(lambda q: app.search(q, limit=20), TYPED)
            status = follower.status
            follower.stop()
            app.close()
    finally:
        remove_cluster(cluster)

    print(f"catalog_sync_products: {N}")
    print(f"catalog_sync_store_import_100k: {store_import_s:.1f} s  # CSV parse + COPY + upsert into PostgreSQL")
    print(f"catalog_sync_initial_100k: {sync_s:.1f} s  # follower: fetch by version + apply, empty local file")
    print(f"catalog_sync_initial_rows_per_s: {N / sync_s:,.0f}")
    print(f"catalog_sync_baseline_local_insert_100k: {baseline_s:.1f} s  # baseline: Catalog.upsert, same products")
    print(f"catalog_sync_baseline_rows_per_s: {N / baseline_s:,.0f}")
    print(f"catalog_sync_vs_local_insert: {sync_s / baseline_s:.2f} x  # time of the sync / time of the local insert")
    print(f"catalog_sync_mode: {status.mode}")
    print(f"catalog_sync_import_one_change_100k_file: {import_one_s:.2f} s  # the store import of the 100k file")
    print(f"catalog_sync_price_change_delay: {one_delay_s * 1000:.0f} ms  # import committed -> the register sees it")
    print(f"catalog_sync_1000_changes_delay: {many_delay_s * 1000:.0f} ms")
    print(f"catalog_sync_barcode_lookup_p50: {statistics.median(lookups) * 1000:.1f} us  # after the sync")
    print(f"catalog_sync_barcode_lookup_p99: {p(lookups, 0.99) * 1000:.1f} us")
    print(f"catalog_sync_search_p50: {statistics.median(searches):.2f} ms  # type-ahead, 20 results")
    print(f"catalog_sync_search_p99: {p(searches, 0.99):.2f} ms")


if __name__ == "__main__":
    main()
