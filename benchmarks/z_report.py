"""Z report of a 2,000-sale shift: parse the report dict, then render it to PDF, CSV and text.

    python benchmarks/z_report.py

The shift is generated (tests/unit/reports/sample.py: cash, QR on three API families, split
sales, a movement and a refund). Each figure is a median of RUNS and a ratio to a baseline taken
in the same run on the same dict: `json.dumps(report, indent=2)`, the cheapest way to write
the same data to a file. The journal query (`build_shift_report`) is the till's and is timed
once it is merged; this measures what `qrcashier-admin report` adds on top of it.
"""

from __future__ import annotations

import json
import statistics
import sys
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


if __name__ == "__main__":
    main()
