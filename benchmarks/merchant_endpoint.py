"""How many of Mercado Pago's polls the merchant endpoint answers per second.

    python benchmarks/merchant_endpoint.py [--seconds 2] [--clients 64] [--rounds 3]

Two servers, each in its own process on loopback, take the same load in the same run:

- merchant_endpoint: the real unattended endpoint (`MerchantEndpoint`, access log off) with
  16 registers, half with an order ready (answered 200 with the v2 body and
  `order-version: 2`), half waiting (202 `Waiting_for_order`); every request names one of
  them in `?pos=`, so each one parses the query, checks the POS and reads its slot;
- bare_aiohttp: the baseline, an aiohttp application with one handler that returns a
  constant JSON body, nothing else.

The load: `--clients` concurrent pollers in one client process (keep-alive connections,
one request in flight each; a bare asyncio stream client, the cheapest Python has), for
`--seconds`, in `--rounds` alternating rounds; each figure is the best round. Every
answer's status is checked; any unexpected one is counted as an error and printed.
Loopback only; every loop is bounded by time.

Prints `name: value unit` lines: both rates, their ratio, each server's CPU use over its
best round (below ~100 % of a core the client, not the server, set the pace: the rates
are then a floor on what the server can answer), the server CPU time per answer for both
and its ratio (on a machine shared with other work this moves less than the rates), and
the errors.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

REGISTERS = [f"POS{n:02d}" for n in range(16)]
READY = set(REGISTERS[::2])
EXPECTED_MERCHANT = {pos: 200 if pos in READY else 202 for pos in REGISTERS}
EXPECTED_BARE = {pos: 202 for pos in REGISTERS}


# --- the servers (child processes) -------------------------------------------------------------

async def serve_merchant() -> None:
    from qrcashier.domain.money import site
    from qrcashier.mercadopago.models import InstoreOrder, OrderItem
    from qrcashier.unattended import MerchantEndpoint

    endpoint = await MerchantEndpoint.start("127.0.0.1", 0, REGISTERS, "202", log_access=False)
    mla = site("MLA")
    for n, pos in enumerate(sorted(READY)):
        endpoint.place(pos, InstoreOrder(
            external_reference=f"BENCH-{n}-1", title="Fuel", total_amount=Decimal("1234.50"),
            items=(OrderItem("Super 95", Decimal("1234.50"), 1, sku_number="SUPER95"),),
            notification_url="https://merchant.example/ipn",
        ), mla)
    print(endpoint.base_url, flush=True)
    await _until_stdin_closes()
    await endpoint.close()


async def serve_bare() -> None:
    from aiohttp import web

    body = b'{"status":{"status_detail":"Waiting_for_order","message":"There is no order yet."}}'

    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=202, body=body, content_type="application/json")

    app = web.Application()
    app.router.add_get("/mp/unattended", handler)
    runner = web.AppRunner(app, access_log=None, keepalive_timeout=15.0)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    print(f"http://127.0.0.1:{runner.addresses[0][1]}", flush=True)
    await _until_stdin_closes()
    await runner.cleanup()


async def _until_stdin_closes() -> None:
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)


# --- the load (this process) -------------------------------------------------------------------

async def load(
    base_url: str, clients: int, seconds: float, expected: dict[str, int]
) -> tuple[int, int, float, list[str]]:
    """`clients` keep-alive connections, one request in flight on each, for `seconds`.

    The client is a bare asyncio stream writing prebuilt GET requests and reading each
    answer by its Content-Length: as cheap as a Python client gets, so that the server,
    not the client, sets the pace (the `*_server_cpu` lines say whether it did)."""
    host, port = base_url.removeprefix("http://").split(":")
    requests = [
        f"GET /mp/unattended?pos={pos} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: bench\r\n\r\n".encode()
        for pos in REGISTERS
    ]
    wanted = [expected[pos] for pos in REGISTERS]
    done = 0
    errors = 0
    samples: list[str] = []
    streams = [await asyncio.open_connection(host, int(port)) for _ in range(clients)]

    async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, k: int) -> int:
        writer.write(requests[k])
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        await reader.readexactly(length)
        return status

    for i, (reader, writer) in enumerate(streams):  # warm every connection up
        await exchange(reader, writer, i % len(REGISTERS))
    start = time.perf_counter()
    deadline = start + seconds

    async def poller(n: int) -> None:
        nonlocal done, errors
        reader, writer = streams[n]
        i = n
        while time.perf_counter() < deadline:
            k = i % len(REGISTERS)
            i += 1
            try:
                status = await asyncio.wait_for(exchange(reader, writer, k), 5)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as exc:
                errors += 1
                if len(samples) < 5:
                    samples.append(f"{REGISTERS[k]}: {type(exc).__name__}")
                return
            if status == wanted[k]:
                done += 1
            else:
                errors += 1
                if len(samples) < 5:
                    samples.append(f"{REGISTERS[k]}: {status}")

    await asyncio.gather(*(poller(n) for n in range(clients)))
    elapsed = time.perf_counter() - start
    for _, writer in streams:
        writer.close()
    return done, errors, elapsed, samples


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(kind: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--serve", kind],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        raise SystemExit(f"the {kind} server did not start: {url!r}")
    return proc, url


def stop_server(proc: subprocess.Popen) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve", choices=["merchant", "bare"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve_merchant() if args.serve == "merchant" else serve_bare())
        return 0

    best: dict[str, float] = {"merchant": 0.0, "bare": 0.0}
    busy: dict[str, float | None] = {"merchant": None, "bare": None}
    errors: dict[str, int] = {"merchant": 0, "bare": 0}
    for _ in range(args.rounds):
        for kind in ("bare", "merchant"):
            proc, url = start_server(kind)
            expected = EXPECTED_MERCHANT if kind == "merchant" else EXPECTED_BARE
            cpu_before = cpu_seconds(proc.pid)
            try:
                done, errs, elapsed, samples = asyncio.run(load(url, args.clients, args.seconds, expected))
                cpu_after = cpu_seconds(proc.pid)
            finally:
                stop_server(proc)
            if done / elapsed > best[kind]:
                best[kind] = done / elapsed
                if cpu_before is not None and cpu_after is not None:
                    busy[kind] = (cpu_after - cpu_before) / elapsed  # the warm-up counts too: a slight overestimate
            errors[kind] += errs
            for sample in samples:
                print(f"# {kind} unexpected answer: {sample}")
    merchant, bare = best["merchant"], best["bare"]
    print(f"# {args.clients} concurrent pollers, {args.seconds:g} s x {args.rounds} rounds, loopback, "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"merchant_endpoint_rps: {merchant:.0f} req/s  # 16 POS, half answered 200 with the order, half 202")
    print(f"bare_aiohttp_rps: {bare:.0f} req/s  # baseline: one handler returning a constant JSON, same run")
    print(f"merchant_endpoint_ratio: {merchant / bare:.2f} x  # merchant_endpoint_rps / bare_aiohttp_rps")
    for kind, name in (("merchant", "merchant_endpoint"), ("bare", "bare_aiohttp")):
        if busy[kind] is not None:
            print(f"{name}_server_cpu: {100 * busy[kind]:.0f} %  # of one core, over the best round "
                  "(below ~100 %: the load generator, not the server, set the pace)")
    if busy["merchant"] and busy["bare"]:
        per = {kind: 1e6 * busy[kind] / best[kind] for kind in best}  # type: ignore[operator]
        print(f"merchant_endpoint_cpu_per_request: {per['merchant']:.0f} us")
        print(f"bare_aiohttp_cpu_per_request: {per['bare']:.0f} us")
        print(f"merchant_endpoint_cpu_ratio: {per['merchant'] / per['bare']:.2f} x  # server CPU per answer, "
              "merchant / bare (steadier than the rates on a busy machine)")
    print(f"merchant_endpoint_errors: {errors['merchant']} count")
    print(f"bare_aiohttp_errors: {errors['bare']} count")
    return 0 if errors["merchant"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
