"""Time from "paid" to the last byte at the printer, through the print queue.

    python benchmarks/printing_latency.py [ROUNDS]

"Paid" is the moment the window hands the issued receipt to the queue (`submit_receipt`: render
to ESC/POS, write the job to the journal with synchronous=FULL); the last byte is the moment the
loopback fake printer (tests/support/fake_printer.py) has the whole job. The printer answers
DLE EOT, so each job also pays the status question before and the acknowledgement after. A
second figure is the same with a printer that never answers status (0.5 s wait for the first
answer, then bytes on close). Network printers add their LAN round trips and print time.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qrcashier.domain.money import SITES  # noqa: E402
from qrcashier.domain.receipt import Receipt, ReceiptLine  # noqa: E402
from qrcashier.printing.queue import PrintQueue  # noqa: E402
from qrcashier.printing.urls import parse_printer_url  # noqa: E402
from tests.support.fake_printer import FakePrinter  # noqa: E402


def receipt(n: int) -> Receipt:
    lines = [ReceiptLine(f"Producto {i} con descripción", Decimal(1), Decimal("1250.50"), Decimal("1250.50"))
             for i in range(8)]
    return Receipt(
        store_name="Almacén Ñandú", register_name="Caja 1", sale_number=n, lines=lines, total=Decimal("10004.00"),
        site=SITES["MLA"], paid_at=datetime.now(timezone(timedelta(hours=-3))), payment_ids=["123456789"],
    )


async def measure(rounds: int, silent: bool) -> list[float]:
    printer = await FakePrinter().start()
    printer.silent = silent
    with tempfile.TemporaryDirectory() as folder:
        queue = PrintQueue(Path(folder) / "journal.sqlite3", parse_printer_url(printer.url))
        await queue.start()
        times = []
        try:
            for n in range(rounds):
                started = time.perf_counter()
                await queue.submit_receipt(receipt(n), receipt_id=n + 1, qr_payload="https://mpago.la/123456789")
                while len(printer.jobs) < n + 1:
                    await asyncio.sleep(0.0005)
                times.append((time.perf_counter() - started) * 1000)
        finally:
            await queue.close()
            await printer.stop()
    return times


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    for silent, name in ((False, "printer answers DLE EOT"), (True, "printer never answers status")):
        times = asyncio.run(measure(rounds if not silent else max(5, rounds // 10), silent))
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 20 else max(times)
        print(f"{name}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {len(times)} receipts")


if __name__ == "__main__":
    main()
