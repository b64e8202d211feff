"""How soon the engine sees a card approved on a Point terminal, and how many requests it spends.

    python benchmarks/point_paid_detection.py [--sales 20] [--seed 1]

An in-process sandbox on loopback; one register whose card terminal is Mercado Pago's virtual
test terminal (`NEWLAND_N950__SBX0000001`) charges `--sales` sales through the PointGateway
(`checkout/gateway_point.py`) with the production schedule (`PollPolicy()`). In each sale the
customer taps the card after a random 1-4 s (the terminal shows the order, the card comes
out) and the latency is the time from the approve request (the terminal's answer) to the
engine's `paid` event. Requests per minute count every request the register makes (the
create included) over the time its orders were on the terminal; reads per minute count the
`GET /v1/orders/{id}` alone. The same schedule as the QR gateways (benchmarks/paid_detection.py).

Each figure prints as `name: value unit`.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

import httpx  # noqa: E402

from qrcashier.checkout import CheckoutEngine, Journal, PollPolicy, RegisterConfig, StateChanged  # noqa: E402
from qrcashier.checkout.gateway_point import PointGateway  # noqa: E402
from qrcashier.checkout.gateways import make_gateway  # noqa: E402
from qrcashier.domain.cart import Cart  # noqa: E402
from qrcashier.domain.money import SITES  # noqa: E402
from qrcashier.domain.sale import AttemptState  # noqa: E402
from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP  # noqa: E402
from qrcashier.mercadopago.point_ids import VIRTUAL_TERMINAL  # noqa: E402
from qrcashier.provisioning import RegisterSpec, ensure_register  # noqa: E402
from qrcashier.sandbox.server import SandboxServer  # noqa: E402

TOKEN = "SANDBOX-MLA-benchmark-point"
MLA = SITES["MLA"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def main(args: argparse.Namespace) -> None:
    random.seed(args.seed)
    server = await SandboxServer.start("127.0.0.1", 0, "MLA")
    counts = {"requests": 0, "reads": 0}

    async def count(request: httpx.Request) -> None:
        if request.url.path.startswith("/sandbox/"):
            return
        counts["requests"] += 1
        counts["reads"] += request.method == "GET" and request.url.path.startswith("/v1/orders/")

    http = httpx.AsyncClient(event_hooks={"request": [count]})
    control = httpx.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"})
    client = MercadoPagoClient(MercadoPagoHTTP(http, AccessToken(TOKEN), base_url=server.base_url))
    provisioned = await ensure_register(client, RegisterSpec("BENCHSTORE", "CAJA1"))
    config = RegisterConfig("CAJA1", provisioned.user.id, "BENCHSTORE", "CAJA1", MLA, poll=PollPolicy())
    latencies: list[float] = []
    on_terminal = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        journal = await Journal.open(Path(tmp) / "journal.sqlite3")
        engine = CheckoutEngine(journal, make_gateway("instore_v2", client, config), config,
                                point=PointGateway(client, config, VIRTUAL_TERMINAL))
        paid_at: dict[int, float] = {}
        engine.subscribe(lambda e: paid_at.setdefault(e.attempt_id, time.perf_counter())
                         if isinstance(e, StateChanged) and e.new == AttemptState.PAID else None)
        await engine.start()
        counts.update(requests=0, reads=0)
        try:
            for n in range(args.sales):
                c = Cart(MLA)
                c.add(f"Item {n}", f"{100 + n}.50", 1 + n % 3)
                charged = time.perf_counter()
                attempt = await engine.charge(c, tender="point")
                await asyncio.sleep(random.uniform(1.0, 4.0))
                sent = time.perf_counter()
                reply = await control.post(f"{server.base_url}/sandbox/point/terminals/{VIRTUAL_TERMINAL}/approve",
                                           json={})
                reply.raise_for_status()
                while attempt.id not in paid_at:
                    await asyncio.sleep(0.002)
                latencies.append(paid_at[attempt.id] - sent)
                on_terminal += paid_at[attempt.id] - charged
        finally:
            await engine.close()
            await journal.close()
    await http.aclose()
    await control.aclose()
    await server.close()
    print(f"schedule: {PollPolicy()}")
    print(f"point_sales: {len(latencies)} sales")
    print(f"point_paid_detection_median: {statistics.median(latencies):.3f} s")
    print(f"point_paid_detection_p95: {percentile(latencies, 0.95):.3f} s")
    print(f"point_paid_detection_max: {max(latencies):.3f} s")
    print(f"point_requests_per_minute: {counts['requests'] / (on_terminal / 60):.1f} req/min")
    print(f"point_reads_per_minute: {counts['reads'] / (on_terminal / 60):.1f} req/min")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sales", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    asyncio.run(main(parser.parse_args()))
