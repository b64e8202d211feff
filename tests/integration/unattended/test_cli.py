"""`qrcashier-merchant-server` as a real process: it answers, prints each POS's url, stops cleanly."""

from __future__ import annotations

import asyncio
import signal
import sys

import httpx
import pytest

from qrcashier.unattended.cli import parse_args
from tests.unit.unattended.conftest import MLA, fuel_order


async def _start(*args: str) -> tuple[asyncio.subprocess.Process, list[str]]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "qrcashier.unattended.cli", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    lines = []
    for _ in range(1 + ("--control-port" in args) + args.count("--pos")):
        lines.append((await asyncio.wait_for(proc.stdout.readline(), timeout=10)).decode().strip())
    return proc, lines


@pytest.mark.asyncio
async def test_the_command_serves_its_registers_and_stops_on_sigterm() -> None:
    proc, lines = await _start(
        "--port", "0", "--control-port", "0", "--pos", "CAJA1", "--pos", "SURTIDOR2", "--contract", "400",
        "--public-url", "https://pay.example.com/mp/unattended",
    )
    try:
        assert lines[0].startswith("QR Cashier merchant endpoint listening on http://127.0.0.1:")
        base = lines[0].split()[-1]
        assert lines[1].startswith("control API on http://127.0.0.1:")
        control = lines[1].split()[-1]
        assert lines[2:] == [
            "POS CAJA1 url: https://pay.example.com/mp/unattended?pos=CAJA1",
            "POS SURTIDOR2 url: https://pay.example.com/mp/unattended?pos=SURTIDOR2",
        ]
        async with httpx.AsyncClient() as client:
            r = await client.get(f"{base}/mp/unattended?pos=CAJA1")
            assert (r.status_code, r.json()["error"]["type"]) == (400, "unavailable")
            assert (await client.get(f"{base}/mp/unattended?pos=CAJA3")).json()["error"]["type"] == "invalid"
            order = fuel_order(expires_in=None)
            put = await client.put(
                f"{control}/registers/CAJA1/order", json={"site": "MLA", "order": order.to_json(MLA)}
            )
            assert put.status_code == 200
            r = await client.get(f"{base}/mp/unattended?pos=CAJA1")
            assert r.status_code == 200 and r.headers["order-version"] == "2" and r.json() == order.to_json(MLA)
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), timeout=10)
    assert proc.returncode == 0, stderr.decode()
    assert "GET /mp/unattended?pos=CAJA1" in stderr.decode()  # the access log


@pytest.mark.asyncio
async def test_a_taken_port_is_a_clear_error() -> None:
    proc, lines = await _start("--port", "0", "--pos", "CAJA1", "--quiet")
    port = lines[0].rsplit(":", 1)[-1]
    try:
        second = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "qrcashier.unattended.cli", "--port", port, "--pos", "CAJA1",
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        _, stderr = await asyncio.wait_for(second.communicate(), timeout=10)
        assert second.returncode == 1 and "cannot listen on 127.0.0.1:" in stderr.decode()
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.communicate(), timeout=10)


def test_arguments() -> None:
    args = parse_args(["--pos", "CAJA1"])
    assert (args.host, args.port, args.contract, args.control_port) == ("127.0.0.1", 8780, "202", None)
    for bad in (["--pos", "CAJA-1"], [], ["--pos", "A", "--contract", "201"], ["--pos", "A", "--public-url", "x"]):
        with pytest.raises(SystemExit):
            parse_args(bad)
