"""How soon the engine sees a payment, and how many requests it spends per register.

    python benchmarks/paid_detection.py [--sales 50] [--registers 5]

An in-process sandbox on loopback; `--registers` registers (each its own POS, engine,
journal and HTTP client) run `--sales` sales in all, concurrently. In each sale the
engine charges, the customer pays after a random 2-10 s (finding the phone, opening the
app, scanning), and the latency is the time from the moment the pay request is sent
to the engine's `paid` event. The engines use the production schedule (`PollPolicy()`,
checkout/schedule.py; the first line prints it). Between sales the cashier scans the next cart (1-3 s).
Requests per minute count every request a register makes (the publish included) over
the time its orders were on the QR; reads per minute count the searches alone.

Baselines, in the same run and on the same sandbox:
- naive_3s: a fixed 3-second poller of the same search, as CobroFácil does (the closest
  product, mercadopago pos-anchors §2), running the same number of sales on its own POS;
- the poll interval itself (1 s): what "within about one second" means;
- the budget of one request per second per register (DESIGN.md: 60 req/min).
A third set of registers also gets the sandbox's notifications (IPN) through the app's
notification receiver (`qrcashier.notifications`, on loopback), which only wakes the watcher
for an immediate re-read: `paid_detection_push_*`.

The same two figures for the Orders API gateway (`/v1/orders`, read with `GET /v1/orders/{id}`):
polling alone (`paid_detection_orders_*`) and with the sandbox's signed `order.*` webhooks
verified by the receiver (`paid_detection_orders_push_*`): push next to polling alone.

Each figure prints as `name: value unit`; ratios print as `name_vs_baseline: value x`.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

import httpx  # noqa: E402

from qrcashier.checkout import (  # noqa: E402
    CheckoutEngine,
    Journal,
    PollPolicy,
    RegisterConfig,
    StateChanged,
)
from qrcashier.checkout.errors import JournalUnavailable  # noqa: E402
from qrcashier.checkout.gateways import make_gateway  # noqa: E402
from qrcashier.domain.cart import Cart  # noqa: E402
from qrcashier.domain.money import SITES  # noqa: E402
from qrcashier.domain.sale import AttemptState  # noqa: E402
from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP  # noqa: E402
from qrcashier.mercadopago.models import InstoreOrder, OrderItem  # noqa: E402
from qrcashier.notifications import NotificationReceiver  # noqa: E402
from qrcashier.provisioning import RegisterSpec, ensure_register  # noqa: E402
from qrcashier.sandbox.server import SandboxServer  # noqa: E402

TOKEN = "SANDBOX-MLA-benchmark-paid-detection"
STORE = "BENCHSTORE"
NAIVE_INTERVAL = 3.0
MLA = SITES["MLA"]


@dataclass
class Register:
    name: str
    pos: str
    http: httpx.AsyncClient
    client: MercadoPagoClient
    requests: int = 0
    reads: int = 0  # merchant_orders searches, or Orders API GETs
    request_times: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    on_qr: float = 0.0  # seconds its orders spent on the QR (charge to paid seen)

    @property
    def per_minute(self) -> float:
        return self.requests / (self.on_qr / 60)

    @property
    def reads_per_minute(self) -> float:
        return self.reads / (self.on_qr / 60)

    @property
    def shortest_gap(self) -> float:
        """The shortest time between two consecutive requests of this register, in seconds."""
        times = self.request_times
        return min(b - a for a, b in pairwise(times))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def make_register(server: SandboxServer, name: str) -> Register:
    pos = name.replace("_", "")
    register = None

    async def count(request: httpx.Request) -> None:
        if not request.url.path.startswith("/sandbox/") and register is not None:
            register.requests += 1
            path = request.url.path
            register.reads += path == "/merchant_orders/search" or (
                request.method == "GET" and path.startswith("/v1/orders/")
            )
            register.request_times.append(time.perf_counter())

    http = httpx.AsyncClient(event_hooks={"request": [count]})
    client = MercadoPagoClient(MercadoPagoHTTP(http, AccessToken(TOKEN), base_url=server.base_url))
    await ensure_register(client, RegisterSpec(STORE, pos, pos_name=name))
    register = Register(name, pos, http, client)
    return register


async def customer_pays(server: SandboxServer, control: httpx.AsyncClient, pos: str) -> float:
    """Wait a random moment, pay, and return the time the pay request was sent (the customer
    confirmed: everything after it is the register's delay)."""
    await asyncio.sleep(random.uniform(2.0, 10.0))
    sent = time.perf_counter()
    response = await control.post(
        f"{server.base_url}/sandbox/pos/{pos}/pay", json={"status": "approved"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    response.raise_for_status()
    return sent


async def next_customer() -> None:
    """The cashier scans the next cart: no order is on the QR meanwhile."""
    await asyncio.sleep(random.uniform(1.0, 3.0))


def cart(n: int) -> Cart:
    c = Cart(MLA)
    c.add(f"Item {n}", f"{100 + n}.50", 1 + n % 3)
    return c


async def run_engine_register(server, control, register: Register, user_id: int, sales: int, tmp: Path,
                              *, api: str = "instore_v2", ipn: bool = False, engines: dict | None = None) -> None:
    """One register's sales through the `api` gateway. `ipn`: the register runs its own
    notification receiver and gives its URL as the orders' notification_url (IPN);
    `engines`: the register is woken by the account's webhooks (see `webhook_receiver`)."""
    receiver = None
    engine: CheckoutEngine | None = None
    if ipn:
        receiver = await NotificationReceiver.start(
            "127.0.0.1", 0, on_notification=lambda topic, rid: engine.notify(topic, rid) if engine else None,
            accept_ipn=True,
        )
    config = RegisterConfig(register.name, user_id, STORE, register.pos, MLA, poll=PollPolicy(),
                            notification_url=receiver.url if receiver else None)
    journal = await Journal.open(tmp / f"{register.name}.sqlite3")
    engine = CheckoutEngine(journal, make_gateway(api, register.client, config), config)
    if engines is not None:
        engines[register.name] = engine
    paid_at: dict[int, float] = {}
    engine.subscribe(
        lambda e: paid_at.setdefault(e.attempt_id, time.perf_counter())
        if isinstance(e, StateChanged) and e.new == AttemptState.PAID else None
    )
    await engine.start()
    register.requests = 0  # start-up's reconciliation found nothing; count the sales only
    register.request_times.clear()
    for n in range(sales):
        await next_customer()
        charged = time.perf_counter()
        attempt = await engine.charge(cart(n))
        pay_sent = await customer_pays(server, control, register.pos)
        while attempt.id not in paid_at:
            await asyncio.sleep(0.002)
        register.latencies.append(paid_at[attempt.id] - pay_sent)
        register.on_qr += paid_at[attempt.id] - charged
    if engines is not None:
        engines.pop(register.name, None)  # no more webhooks for this register once it is done
    await engine.close()
    await journal.close()
    if receiver is not None:
        await receiver.close()


async def run_naive_register(server, control, register: Register, user_id: int, sales: int) -> None:
    """The baseline: publish, then search every 3 s until a closed, approved merchant_order shows."""
    client = register.client
    register.requests = 0
    register.request_times.clear()
    for n in range(sales):
        await next_customer()
        reference = f"NAIVE-{register.pos}-{n}"
        charged = time.perf_counter()
        c = cart(n)
        order = InstoreOrder(reference, "Purchase", c.total,
                             tuple(OrderItem(line.title, line.unit_price, line.quantity) for line in c.lines))
        await client.put_instore_order(user_id, STORE, register.pos, order, MLA)
        payer = asyncio.create_task(customer_pays(server, control, register.pos))
        while True:
            await asyncio.sleep(NAIVE_INTERVAL)
            found = await client.search_merchant_orders(reference)
            if any(mo.status == "closed" and mo.approved_total >= c.total for mo in found):
                break
        register.latencies.append(max(0.0, time.perf_counter() - await payer))
        register.on_qr += time.perf_counter() - charged


async def webhook_receiver(control: httpx.AsyncClient, server: SandboxServer,
                           engines: dict[str, CheckoutEngine]) -> NotificationReceiver:
    """The account's webhook URL (Mercado Pago has one per account): a receiver that verifies
    each `order.*` webhook with the account's secret, then wakes the register whose live
    order it names (a webhook about another register's order wakes nobody)."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    secret = (await control.get(f"{server.base_url}/sandbox/webhooks", headers=auth)).json()["secret"]

    async def wake(topic: str, resource_id: str) -> None:
        for engine in list(engines.values()):
            try:
                live = await engine.live_attempt()
            except JournalUnavailable:  # that register finished and closed its journal meanwhile
                continue
            if live is not None and live.gateway_order_id == resource_id:
                engine.notify(topic, resource_id)

    receiver = await NotificationReceiver.start("127.0.0.1", 0, secret=secret, on_notification=wake)
    reply = await control.put(f"{server.base_url}/sandbox/webhooks", json={"url": receiver.url}, headers=auth)
    reply.raise_for_status()
    return receiver


def split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


async def main(args: argparse.Namespace) -> None:
    random.seed(args.seed)
    server = await SandboxServer.start("127.0.0.1", 0, "MLA")
    control = httpx.AsyncClient()
    webhook_engines: dict[str, CheckoutEngine] = {}
    polled, naive, pushed, orders_polled, orders_pushed = [], [], [], [], []
    webhooks: NotificationReceiver | None = None
    try:
        polled = [await make_register(server, f"POLL_{i}") for i in range(args.registers)]
        naive = [await make_register(server, f"NAIVE_{i}") for i in range(args.registers)]
        pushed = [await make_register(server, f"PUSH_{i}") for i in range(args.registers)]
        orders_polled = [await make_register(server, f"ORDERS_{i}") for i in range(args.registers)]
        orders_pushed = [await make_register(server, f"ORDERS_PUSH_{i}") for i in range(args.registers)]
        user_id = (await polled[0].client.get_me()).id
        webhooks = await webhook_receiver(control, server, webhook_engines)
        with tempfile.TemporaryDirectory() as tmp:
            quotas = split(args.sales, args.registers)
            started = time.perf_counter()
            await asyncio.gather(
                *(run_engine_register(server, control, r, user_id, q, Path(tmp))
                  for r, q in zip(polled, quotas, strict=True)),
                *(run_naive_register(server, control, r, user_id, q) for r, q in zip(naive, quotas, strict=True)),
                *(run_engine_register(server, control, r, user_id, q, Path(tmp), ipn=True)
                  for r, q in zip(pushed, quotas, strict=True)),
                *(run_engine_register(server, control, r, user_id, q, Path(tmp), api="orders")
                  for r, q in zip(orders_polled, quotas, strict=True)),
                *(run_engine_register(server, control, r, user_id, q, Path(tmp), api="orders", engines=webhook_engines)
                  for r, q in zip(orders_pushed, quotas, strict=True)),
            )
            elapsed = time.perf_counter() - started
    finally:
        for register in (*polled, *naive, *pushed, *orders_polled, *orders_pushed):
            await register.http.aclose()
        await control.aclose()
        if webhooks is not None:
            await webhooks.close()
        await server.close()

    def figures(registers: list[Register]) -> tuple[float, float, float, float, float, float]:
        latencies = [ms * 1000 for r in registers for ms in r.latencies]
        rates = [r.per_minute for r in registers]
        return (statistics.median(latencies), percentile(latencies, 0.95), max(latencies), statistics.median(rates),
                min(r.shortest_gap for r in registers) * 1000,
                statistics.median(r.reads_per_minute for r in registers))

    median, p95, worst, rate, shortest, reads = figures(polled)
    n_median, n_p95, n_worst, n_rate, _, _ = figures(naive)
    p_median, p_p95, _p_worst, p_rate, p_shortest, _ = figures(pushed)
    o_median, o_p95, o_worst, o_rate, _, o_reads = figures(orders_polled)
    op_median, op_p95, op_worst, op_rate, _, _ = figures(orders_pushed)
    policy = PollPolicy()
    interval_ms = policy.interval * 1000
    n = sum(len(r.latencies) for r in polled)
    print(f"# schedule: first read {policy.first_read:g} s after the publish, every {policy.interval:g} s for "
          f"{policy.brisk_for:g} s and while a merchant_order is open, {policy.waiting_interval:g} s before a scan, "
          f"{policy.idle_interval:g} s after {policy.idle_after:g} s idle, {policy.push_interval:g} s while "
          f"notifications flow; budget {60 / policy.interval:g} req/min (burst {policy.burst:g})")
    print(f"paid_detection_median: {median:.0f} ms  # {n} sales on {args.registers} registers, "
          f"from the pay request sent, {elapsed:.0f} s run")
    print(f"paid_detection_p95: {p95:.0f} ms")
    print(f"paid_detection_max: {worst:.0f} ms")
    print(f"requests_per_minute_per_register: {rate:.1f} req/min  # median over registers, while orders are on "
          "the QR, publish included")
    print(f"reads_per_minute_per_register: {reads:.1f} req/min  # merchant_orders searches alone")
    print(f"shortest_gap_between_requests: {shortest:.0f} ms  # any two consecutive requests of one register")
    print(f"baseline_naive_3s_median: {n_median:.0f} ms  # fixed 3 s poller (CobroFácil), same sandbox, same run")
    print(f"baseline_naive_3s_p95: {n_p95:.0f} ms")
    print(f"baseline_naive_3s_requests_per_minute: {n_rate:.1f} req/min")
    print(f"paid_detection_median_vs_naive_3s: {median / n_median:.2f} x")
    print(f"paid_detection_p95_vs_naive_3s: {p95 / n_p95:.2f} x")
    print(f"paid_detection_median_vs_poll_interval: {median / interval_ms:.2f} x  # baseline: the 1 s interval")
    print(f"paid_detection_p95_vs_poll_interval: {p95 / interval_ms:.2f} x")
    print(f"requests_per_minute_vs_budget: {rate / 60:.2f} x  # baseline: 1 request per second per register")
    print(f"reads_per_minute_vs_budget: {reads / 60:.2f} x")
    print(f"requests_per_minute_vs_naive_3s: {rate / n_rate:.2f} x")
    print(f"paid_detection_push_median: {p_median:.0f} ms  # the sandbox's IPN brings a read forward, polling "
          f"{policy.push_interval:g} s once they flow")
    print(f"paid_detection_push_p95: {p_p95:.0f} ms")
    print(f"paid_detection_push_median_vs_poll: {p_median / median:.2f} x")
    print(f"requests_per_minute_per_register_push: {p_rate:.1f} req/min")
    print(f"shortest_gap_between_requests_push: {p_shortest:.0f} ms  # notification bursts coalesce (min_gap 100 ms)")
    print(f"paid_detection_orders_median: {o_median:.0f} ms  # Orders API gateway, polling alone "
          "(GET /v1/orders/{id})")
    print(f"paid_detection_orders_p95: {o_p95:.0f} ms")
    print(f"paid_detection_orders_max: {o_worst:.0f} ms")
    print(f"requests_per_minute_per_register_orders: {o_rate:.1f} req/min  # reads alone: {o_reads:.1f} req/min")
    print(f"paid_detection_orders_push_median: {op_median:.0f} ms  # signed order.* webhooks bring reads forward, "
          f"verified by the receiver ({webhooks.stats.accepted} accepted, {webhooks.stats.rejected} refused)")
    print(f"paid_detection_orders_push_p95: {op_p95:.0f} ms")
    print(f"paid_detection_orders_push_max: {op_worst:.0f} ms")
    print(f"requests_per_minute_per_register_orders_push: {op_rate:.1f} req/min")
    print(f"paid_detection_orders_push_median_vs_poll: {op_median / o_median:.2f} x  # baseline: polling alone")
    print(f"paid_detection_orders_push_p95_vs_poll: {op_p95 / o_p95:.2f} x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sales", type=int, default=50, help="sales per set of registers (at least 50)")
    parser.add_argument("--registers", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    asyncio.run(main(parser.parse_args()))
