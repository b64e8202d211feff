"""Barcode lookup and type-ahead search with 100,000 products.

    python benchmarks/catalog.py

Builds a 100,000-product catalog on disk from a generated CSV (realistic names, valid
EAN-13 barcodes, ARS prices) through the real CSV import, then times:

- barcode lookup (`Catalog.lookup`, what a scan does) for 2,000 random barcodes;
- type-ahead search (`Catalog.search`, 20 results) for what a cashier types one
  letter at a time ("y", "ye", "yer", "yerb", "yerba", "yerba p", ...).

Baseline, measured in the same run on the same file: the cheapest query SQLite can
answer, a primary-key lookup (`SELECT ... WHERE id = ?`). Every figure is also given
against the 16 ms frame budget, since both run on the UI thread.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

from qrcashier.catalog import Catalog, gtin_check_digit  # noqa: E402
from qrcashier.domain.money import site  # noqa: E402

N = 100_000
FRAME_MS = 16.0
WORDS = ["Yerba", "Galletitas", "Leche", "Arroz", "Fideos", "Aceite", "Café", "Agua", "Jugo", "Pan",
         "Queso", "Yogur", "Harina", "Azúcar", "Chocolate", "Alfajor", "Cerveza", "Gaseosa", "Shampoo", "Jabón"]
BRANDS = ["Playadito", "Arcor", "La Serenísima", "Gallo", "Matarazzo", "Natura", "La Virginia", "Villavicencio",
          "Bagley", "Terrabusi", "Quilmes", "Ledesma", "Molinos", "Mastellone", "Sancor", "Taragüí"]
SIZES = ["100 g", "250 g", "500 g", "1 kg", "1 L", "1,5 L", "2,25 L", "x 6", "x 12", "330 ml"]
TYPED = ["y", "ye", "yer", "yerb", "yerba", "yerba p", "yerba pl", "yerba pla", "yerba play",
         "c", "ca", "caf", "cafe", "cafe v", "cafe vir", "g", "ga", "gal", "gall", "galletitas b",
         "le", "leche s", "leche san", "aceite nat", "al", "alfajor ar", "cer", "cerveza qui"]


def ean13(n: int) -> str:
    body = f"779{n:09d}"
    return body + str(gtin_check_digit(body))


def build(path: Path) -> tuple[Catalog, float, list[str]]:
    rng = random.Random(7)
    rows = ["code,barcode,name,price,unit"]
    barcodes = []
    for i in range(N):
        code = ean13(i * 7 + 13)
        barcodes.append(code)
        word, brand = WORDS[rng.randrange(len(WORDS))], BRANDS[rng.randrange(len(BRANDS))]
        name = f"{word} {brand} {SIZES[rng.randrange(len(SIZES))]} {i}"
        rows.append(f'P{i},{code},"{name}",{rng.randrange(100, 90000)}.{rng.randrange(100):02d},unit')
    catalog = Catalog.open(path, site("MLA"))
    started = time.perf_counter()
    report = catalog.import_csv_text("\n".join(rows))
    elapsed = time.perf_counter() - started
    assert report.added == N and not report.rejected, report.summary()
    return catalog, elapsed, barcodes


def timed(fn, args) -> list[float]:
    out = []
    for a in args:
        t = time.perf_counter()
        fn(a)
        out.append((time.perf_counter() - t) * 1000)
    return out


def p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.sqlite3"
        catalog, import_s, barcodes = build(path)
        rng = random.Random(11)
        sample = [barcodes[rng.randrange(N)] for _ in range(2000)]

        raw = sqlite3.connect(path)
        ids = [rng.randrange(1, N + 1) for _ in range(2000)]
        baseline = timed(lambda i: raw.execute(
            "SELECT code, name, price, unit, barcode FROM products WHERE id = ?", (i,)).fetchone(), ids)
        for code in sample[:50]:  # warm the page cache like a shift does
            catalog.lookup(code)
        lookups = timed(lambda c: catalog.lookup(c), sample)
        assert all(catalog.lookup(c) is not None for c in sample[:100])
        searches = []
        for _ in range(5):
            searches += timed(lambda q: catalog.search(q, limit=20), TYPED)
        misses = timed(lambda c: catalog.lookup(c), ["7791234567895", "NOPE", "12345"] * 200)
        raw.close()
        catalog.close()

    base = statistics.median(baseline)
    lk50, lk99 = statistics.median(lookups), p(lookups, 0.99)
    s50, s99, smax = statistics.median(searches), p(searches, 0.99), max(searches)
    print(f"catalog_products: {N} products")
    print(f"catalog_import_100k: {import_s:.1f} s  # CSV parse + validation + insert + search index")
    print(f"catalog_baseline_pk_lookup_p50: {base * 1000:.1f} us  # baseline: SQLite primary-key lookup, same file")
    print(f"catalog_barcode_lookup_p50: {lk50 * 1000:.1f} us")
    print(f"catalog_barcode_lookup_p99: {lk99 * 1000:.1f} us")
    print(f"catalog_barcode_lookup_vs_pk: {lk50 / base:.2f} x")
    print(f"catalog_barcode_miss_p50: {statistics.median(misses) * 1000:.1f} us  # unknown code: barcode, then code")
    print(f"catalog_search_p50: {s50:.2f} ms  # type-ahead, 20 results, {len(TYPED)} prefixes x 5")
    print(f"catalog_search_p99: {s99:.2f} ms")
    print(f"catalog_search_max: {smax:.2f} ms")
    print(f"catalog_search_vs_pk: {s50 / base:.0f} x")
    print(f"catalog_search_p99_vs_frame: {s99 / FRAME_MS:.2f} x")
    print(f"catalog_lookup_p99_vs_frame: {lk99 / FRAME_MS:.4f} x")


if __name__ == "__main__":
    main()
