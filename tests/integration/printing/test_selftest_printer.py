"""`qrcashier --self-test --printer escpos+tcp://...`: the self-test's receipt must reach the printer,
and when it does not, the self-test says so (also after a sale slowed down by the sandbox)."""

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import pytest_asyncio

from qrcashier.cli import build_parser
from qrcashier.setup.constants import SANDBOX_TOKEN
from qrcashier.ui.shell.selftest import DEADLINE_SECONDS, PRINTER_WAIT_SECONDS
from tests.support.fake_printer import FakePrinter

ROOT = Path(__file__).resolve().parents[3]


@pytest_asyncio.fixture
async def printer():
    fake = await FakePrinter().start()
    yield fake
    await fake.stop()


@pytest_asyncio.fixture
async def sandbox_url():
    """A standalone `qrcashier-sandbox` (its fault rules set through the control API)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "qrcashier.sandbox.cli", "--port", "0", "--quiet",
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    try:
        line = (await asyncio.wait_for(proc.stdout.readline(), 30)).decode()
        assert line.startswith("QR Cashier sandbox listening on "), line
        yield line.split()[-1]
    finally:
        proc.kill()
        await proc.wait()


async def self_test(tmp_path, printer_url: str, *more: str) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = str(ROOT / "app")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "qrcashier", "--self-test", "--data-dir", str(tmp_path), "--printer", printer_url, *more,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), 90)
    return proc.returncode, out.decode()


@pytest.mark.asyncio
async def test_the_receipt_reaches_a_printer_that_comes_up_late(tmp_path, printer):
    printer.hang_up = 1  # the first try finds it still booting: the queue retries and the self-test waits
    code, out = await self_test(tmp_path, printer.url)
    assert code == 0, out
    assert "self-test PASS" in out and f"printed on 127.0.0.1:{printer.port}" in out
    assert len(printer.jobs) == 1 and b"TOTAL" in printer.jobs[0] and printer.connections >= 2


@pytest.mark.asyncio
async def test_the_self_test_fails_when_the_printer_never_takes_the_receipt(tmp_path, printer):
    await printer.stop()
    code, out = await self_test(tmp_path, printer.url + "?timeout=1")
    assert code == 1 and "self-test FAIL" in out and "did not reach printer" in out


SLOW_PUBLISH = 5.0  # seconds the sandbox holds the order's publish: the sale then takes more than 18 - 12 s


@pytest.mark.asyncio
async def test_after_a_slow_sale_the_self_test_still_says_the_printer_failed(tmp_path, printer, sandbox_url):
    # the order's PUT waits 5 s at the sandbox (then goes through): with the self-test's other
    # steps, less than PRINTER_WAIT_SECONDS is left for the printer before the 18 s deadline (as
    # on a loaded box), and the printer wait must end first and say so
    assert DEADLINE_SECONDS - SLOW_PUBLISH - PRINTER_WAIT_SECONDS < 2
    rule = {"path": "/instore/qr/seller/collectors/*/orders", "method": "PUT", "kind": "latency",
            "seconds": SLOW_PUBLISH}  # the sale publishes once
    async with httpx.AsyncClient(timeout=10) as client:
        reply = await client.put(f"{sandbox_url}/sandbox/faults", json=[rule],
                                 headers={"Authorization": f"Bearer {SANDBOX_TOKEN}"})
        reply.raise_for_status()
        await printer.stop()
        code, out = await self_test(tmp_path, printer.url + "?timeout=1", "--sandbox-url", sandbox_url,
                                    "--register", "CAJA7")
        faults = (await client.get(f"{sandbox_url}/sandbox/faults",
                                   headers={"Authorization": f"Bearer {SANDBOX_TOKEN}"})).json()
    assert sum(rule["hits"] for rule in faults) == 1, faults  # the sale really was slowed down
    assert code == 1 and "self-test FAIL" in out, out
    assert "did not reach printer" in out and "TimeoutError" not in out, out
    assert "(all the time left before the deadline)" in out, out  # the wait was cut, as under load


def test_a_wrong_printer_url_is_refused_on_the_command_line(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--printer", "escpos+tcp://"])
    assert "needs a host" in capsys.readouterr().err
