"""The Z report of a shift of 2,000 sales: the journal query and the PDF.

    python benchmarks/z_report_journal.py

Writes a journal with one shift of 2,000 paid sales through the real journal operations
(a third in cash with change, a third by QR, a third split cash + QR; one or three lines each),
a few cash movements, and the close; then times:

- `build_shift_report` on the closed shift (the journal query: what `qrcashier-admin report`
  and the window's Z report run), median of 5 runs;
- `qrcashier.reports.pdf.render_pdf` on that report, when the reports package is installed.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

from qrcashier.checkout.journal import JournalDB  # noqa: E402
from qrcashier.checkout.shift_report import build_shift_report  # noqa: E402
from qrcashier.domain.cart import CartLine  # noqa: E402
from qrcashier.domain.money import SITES  # noqa: E402
from qrcashier.domain.sale import AttemptState as S  # noqa: E402
from qrcashier.domain.sale import PaymentInfo  # noqa: E402
from qrcashier.domain.tender import cash_tender  # noqa: E402

N = 2_000
MLA = SITES["MLA"]
T0 = datetime(2026, 12, 7, 8, tzinfo=UTC)
CEILING = Decimal(999_999_999)


def sell(db: JournalDB, n_sales: int, t0: datetime) -> int:
    """Open CAJA1's shift at `t0` and sell `n_sales` there, a sale every 15 s: a third cash, a third
    QR, a third split (cash + QR). Also the store outbox benchmark's journal. The shift's id."""
    shift = db.open_shift("CAJA1", Decimal("20000"), t0, actor="ana")
    for n in range(n_sales):
        now = t0 + timedelta(seconds=15 * n)
        lines = tuple(CartLine(f"Item {n}-{k}", Decimal(1000 + 37 * k + n % 500), 1 + k % 2) for k in range(1 + n % 3))
        total = sum((line.total(MLA) for line in lines), Decimal(0))
        new_sale = ("CAJA1", MLA, lines, total)
        if n % 3 == 0:
            received = (total / 1000).to_integral_value(rounding="ROUND_CEILING") * 1000
            db.complete_cash(cash_tender(total, received, MLA, ceiling=CEILING), now, new_sale=new_sale)
            continue
        sale = db.create_sale(*new_sale, now)
        if n % 3 == 2:
            db.add_cash_part(sale.id, cash_tender(Decimal(500), Decimal(500), MLA, ceiling=CEILING), now)
        a = db.create_attempt(gateway="instore_v2", now=now, expires_at=now + timedelta(minutes=10), message="m",
                              sale_id=sale.id)
        db.transition(a.id, S.PUBLISHING, now, "m")
        db.transition(a.id, S.WAITING, now, "m")
        db.complete_paid(a.id, [PaymentInfo(10_000 + n, "approved", a.total, "accredited", 50_000 + n)], now, "paid")
    return shift.id


def fill(db: JournalDB) -> int:
    shift_id = sell(db, N, T0)  # about 8 hours
    for k in range(10):
        db.add_movement(shift_id, "out" if k % 2 else "in", Decimal(1000), f"movement {k}", T0)
    db.close_shift(shift_id, db.expected_cash(shift_id), T0 + timedelta(hours=9), threshold=Decimal(0))
    return shift_id


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = JournalDB(Path(tmp) / "journal.sqlite3")
        started = time.perf_counter()
        shift_id = fill(db)
        print(f"wrote {N} sales in {time.perf_counter() - started:.1f} s")
        shift = db.shift(shift_id)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            report = build_shift_report(db, shift, MLA, now=T0 + timedelta(hours=10), store="Kiosco")
            times.append(time.perf_counter() - started)
        assert len(report["sales"]) == N
        print(f"journal query (build_shift_report, {N} sales): median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms")
        try:
            from qrcashier.reports.model import parse_report
            from qrcashier.reports.pdf import render_pdf
        except ImportError:
            print("PDF: qrcashier.reports.pdf is not installed here; skipped")
        else:
            started = time.perf_counter()
            pdf = render_pdf(parse_report(report))  # the report JSON, read as qrcashier-admin reads it
            print(f"PDF (render_pdf): {(time.perf_counter() - started) * 1000:.0f} ms, {len(pdf)} bytes")
        db.close()


if __name__ == "__main__":
    main()
