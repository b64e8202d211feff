"""Z report of a 2,000-sale shift: parse the report dict, then render it to PDF, CSV and text.

    python benchmarks/z_report.py

The shift is generated (tests/unit/reports/sample.py: cash, QR on three API families, split
sales, a movement and a refund). Each figure is a median of RUNS and a ratio to a baseline taken
in the same run on the same dict: `json.dumps(report, indent=2)`, the cheapest way to write
the same data to a file.

With the till's `build_shift_report` importable, it also writes a journal with a shift of 2,000
sales (the till's journal API: a third cash, a third QR, a third split) and times what
`qrcashier-admin report --format pdf` does: the read-only snapshot, the journal query and the
PDF; baseline there: a plain `SELECT * FROM sales` on the same file.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "app"), str(ROOT)]

from qrcashier.reports.model import parse_report  # noqa: E402
from qrcashier.reports.pdf import render_pdf  # noqa: E402
from qrcashier.reports.tabular import render_csv  # noqa: E402
from qrcashier.reports.text import render_text  # noqa: E402
from tests.unit.reports.sample import generated_report  # noqa: E402

SALES = 2000
RUNS = 7


def timed(fn) -> tuple[float, object]:
    times, out = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main() -> None:
    data = generated_report(SALES)
    base, _ = timed(lambda: json.dumps(data, indent=2))
    parse, report = timed(lambda: parse_report(data))
    pdf, pdf_bytes = timed(lambda: render_pdf(report))
    csv, csv_bytes = timed(lambda: render_csv(report))
    text, _ = timed(lambda: render_text(report, 48))
    whole, _ = timed(lambda: render_pdf(parse_report(data)))
    pages = pdf_bytes.count(b"/Type /Page ")
    print(f"z_report_sales: {SALES}")
    print(f"z_report_baseline_json_dumps: {base * 1000:.1f} ms  # baseline: json.dumps of the same dict")
    print(f"z_report_parse: {parse * 1000:.1f} ms ({parse / base:.1f} x)")
    print(f"z_report_pdf: {pdf * 1000:.1f} ms ({pdf / base:.1f} x)  # {pages} A4 pages, {len(pdf_bytes) // 1024} KiB")
    print(f"z_report_csv: {csv * 1000:.1f} ms ({csv / base:.1f} x)  # {len(csv_bytes) // 1024} KiB")
    print(f"z_report_text_48: {text * 1000:.2f} ms ({text / base:.2f} x)")
    print(f"z_report_parse_and_pdf: {whole * 1000:.1f} ms ({whole / base:.1f} x)")
    try:
        import qrcashier.checkout.shift_report  # noqa: F401
    except ImportError:
        print("z_report_journal: skipped  # needs the till's build_shift_report")
        return
    with tempfile.TemporaryDirectory() as folder:
        journal_figures(Path(folder))


def write_journal(folder: Path) -> None:
    """A closed shift of SALES sales, written with the till's journal API."""
    from datetime import UTC, datetime, timedelta
    from decimal import Decimal

    from qrcashier.checkout import JOURNAL_FILE
    from qrcashier.checkout.journal import JournalDB
    from qrcashier.domain.cart import CartLine
    from qrcashier.domain.money import SITES
    from qrcashier.domain.sale import AttemptState, PaymentInfo
    from qrcashier.domain.tender import cash_tender

    mla, t0, ceiling = SITES["MLA"], datetime(2030, 1, 1, 11, 0, tzinfo=UTC), Decimal("999999999")
    db = JournalDB(folder / JOURNAL_FILE)
    shift = db.open_shift("CAJA1", Decimal("20000"), t0, actor="Ana")
    for i in range(SALES):
        now = t0 + timedelta(seconds=25 * i)
        total = Decimal(500 + (i * 7919) % 25000)
        lines = ("CAJA1", mla, (CartLine("Item", total, 1),), total)
        if i % 3 == 0:
            db.complete_cash(cash_tender(total, str(total + 1000 - total % 1000), mla, ceiling=ceiling), now,
                             new_sale=lines)
            continue
        sale = db.create_sale(*lines, now)
        if i % 3 == 2:
            db.add_cash_part(sale.id, cash_tender(Decimal(100), "100", mla, ceiling=ceiling), now)
        a = db.create_attempt(gateway=("instore_v2", "orders", "v1")[i % 3], now=now,
                              expires_at=now + timedelta(minutes=5), message="m", sale_id=sale.id)
        db.transition(a.id, AttemptState.PUBLISHING, now, "m")
        db.transition(a.id, AttemptState.WAITING, now, "m")
        db.complete_paid(a.id, [PaymentInfo(i, "approved", a.total, None, 1000 + i)], now, "paid")
    db.close_shift(shift.id, Decimal("20000"), t0 + timedelta(hours=15), threshold=ceiling, actor="Ana")
    db.close()


def journal_figures(folder: Path) -> None:
    from qrcashier.admin import load_report
    from qrcashier.checkout import JOURNAL_FILE

    start = time.perf_counter()
    write_journal(folder)
    print(f"z_report_journal_written: {time.perf_counter() - start:.1f} s  # setup, not a figure of the report")
    raw = sqlite3.connect(folder / JOURNAL_FILE)
    base, _ = timed(lambda: raw.execute("SELECT * FROM sales").fetchall())
    raw.close()
    query, report = timed(lambda: load_report(folder, None))
    both, _ = timed(lambda: render_pdf(load_report(folder, None)))
    assert report.sales_count == SALES
    print(f"z_report_baseline_select_sales: {base * 1000:.1f} ms  # baseline: SELECT * FROM sales, same file")
    print(f"z_report_journal_query: {query * 1000:.1f} ms ({query / base:.0f} x)  # snapshot + build_shift_report")
    print(f"z_report_journal_query_and_pdf: {both * 1000:.1f} ms ({both / base:.0f} x)  # qrcashier-admin, no I/O")


if __name__ == "__main__":
    main()
