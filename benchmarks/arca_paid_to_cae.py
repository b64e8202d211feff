"""Time from paid to CAE on the ARCA simulator, the way the app runs it.

    python benchmarks/arca_paid_to_cae.py [N]

A real journal, the real invoice queue (fiscal.invoices) and ARCA client (hand-built SOAP on
httpx, a CMS-signed WSAA login) against the simulator on loopback in the same process, as the
embedded sandbox runs it. Each of N cash sales is written to the journal (a paid sale) and the
queue is woken, as the engine's ReceiptIssued wakes it; the figure is from the sale's commit to
the CAE in the journal (FECompUltimoAutorizado + FECAESolicitar + two journal writes). The first
sale also pays the WSAA login; it is reported on its own. Also: the same with three registers
(three puntos de venta, three journals) at once.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

import httpx  # noqa: E402

from qrcashier.checkout.journal import JournalDB  # noqa: E402
from qrcashier.domain.cart import CartLine  # noqa: E402
from qrcashier.domain.money import SITES  # noqa: E402
from qrcashier.domain.tender import cash_tender  # noqa: E402
from qrcashier.fiscal.amounts import RESPONSABLE_INSCRIPTO  # noqa: E402
from qrcashier.fiscal.invoices import FiscalConfig, Invoices  # noqa: E402
from qrcashier.fiscal.simulator.ca import TestCA  # noqa: E402
from qrcashier.fiscal.simulator.server import Simulator, start  # noqa: E402
from qrcashier.fiscal.wsaa import Credentials  # noqa: E402
from qrcashier.fiscal.wsfe import ArcaClient, ArcaEndpoints  # noqa: E402

CUIT = 20111111112
MLA = SITES["MLA"]


def sell(db: JournalDB, register: str, i: int) -> None:
    total = Decimal("1210.00") + i
    tender = cash_tender(total, "100000", MLA, ceiling=Decimal("1000000"))
    db.complete_cash(tender, datetime.now(UTC), new_sale=(register, MLA, (CartLine("Yerba", total, 1),), total))


async def register_run(path: Path, pos: int, n: int, client: ArcaClient) -> list[float]:
    db = JournalDB(path)
    db.open_shift(f"CAJA{pos}", Decimal("0"), datetime.now(UTC))
    invoices = await Invoices.open(path, FiscalConfig(CUIT, pos, RESPONSABLE_INSCRIPTO), client)
    done = asyncio.Event()
    invoices.subscribe(done.set)
    times = []
    try:
        await invoices.round()  # fiscal switched on
        invoices.start()
        for i in range(n):
            done.clear()
            t0 = time.perf_counter()
            sell(db, f"CAJA{pos}", i)  # the journal commit (the engine does it on its own thread)
            invoices.wake()
            while True:
                await done.wait()
                done.clear()
                if (await invoices.counts()).get("authorized", 0) == i + 1:
                    break
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        await invoices.close()
        db.close()
    return times


def summary(label: str, values: list[float]) -> None:
    values = sorted(values)
    p95 = values[max(0, int(len(values) * 0.95) - 1)]
    print(f"{label}: median {statistics.median(values):.1f} ms, p95 {p95:.1f} ms, max {values[-1]:.1f} ms "
          f"({len(values)} sales)")


async def main(n: int) -> None:
    ca = await asyncio.to_thread(TestCA)
    running = await start(Simulator(ca=ca))
    key, cert = ca.issue(CUIT)
    credentials = Credentials.from_objects(cert, key)
    try:
        async with httpx.AsyncClient() as http:
            client = ArcaClient(http, CUIT, credentials, ArcaEndpoints.for_base(running.url))
            with tempfile.TemporaryDirectory() as tmp:
                one = await register_run(Path(tmp) / "r1.sqlite3", 1, n + 1, client)
                print(f"first sale (with the WSAA login): {one[0]:.1f} ms")
                summary("one register, paid -> CAE", one[1:])
                many = await asyncio.gather(*(register_run(Path(tmp) / f"m{p}.sqlite3", p, n, client)
                                              for p in (2, 3, 4)))
                summary("three registers at once, paid -> CAE", [t for run in many for t in run])
                numbers = {}
                for c in running.sim.books.all():
                    numbers.setdefault(c.point_of_sale, []).append(c.number)
                gaps = [p for p, ns in numbers.items() if sorted(ns) != list(range(1, len(ns) + 1))]
                print(f"comprobantes authorized: {sum(len(v) for v in numbers.values())}; "
                      f"gaps or duplicates: {gaps or 'none'}")
    finally:
        await running.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
