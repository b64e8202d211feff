"""`qrcashier --self-test --printer escpos+tcp://...`: the self-test's receipt must reach the printer."""

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_asyncio

from qrcashier.cli import build_parser
from tests.support.fake_printer import FakePrinter

ROOT = Path(__file__).resolve().parents[3]


@pytest_asyncio.fixture
async def printer():
    fake = await FakePrinter().start()
    yield fake
    await fake.stop()


async def self_test(tmp_path, printer_url: str) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = str(ROOT / "app")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "qrcashier", "--self-test", "--data-dir", str(tmp_path), "--printer", printer_url,
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


def test_a_wrong_printer_url_is_refused_on_the_command_line(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--printer", "escpos+tcp://"])
    assert "needs a host" in capsys.readouterr().err
