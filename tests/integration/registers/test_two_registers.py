"""Two registers on one standalone `qrcashier-sandbox` (issue 19 item 1): two real
`qrcashier --self-test --sandbox-url URL --register R` processes at the same time, each sale
paid on its own POS of the same store, each register's receipt numbered with its POS number."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from pathlib import Path

import httpx
import pytest

from qrcashier.setup.constants import SANDBOX_TOKEN
from tests.support.sandbox_process import standalone_sandbox

SELF_TEST = re.compile(r"^self-test PASS in .* s: sale (\d{5})-(\d{8}) paid .*, payment (\d+), register (\w+)")


async def _self_test(url: str, register: str, data_dir: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "qrcashier.cli", "--self-test", "--sandbox-url", url, "--register", register,
        "--data-dir", str(data_dir), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=env,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=90)
    assert proc.returncode == 0, (out + err).decode()[-2000:]
    return out.decode().strip().splitlines()[-1]


@pytest.mark.asyncio
async def test_two_registers_sell_each_on_its_own_pos(tmp_path: Path) -> None:
    proc, url = await standalone_sandbox(timeout=20)
    try:
        lines = await asyncio.gather(
            _self_test(url, "2", tmp_path / "r2"), _self_test(url, "CAJA3", tmp_path / "r3"))
        found = {}
        for line in lines:
            match = SELF_TEST.match(line)
            assert match is not None, line
            pos_number, receipt_no, payment_id, register = match.groups()
            found[register] = (int(pos_number), int(receipt_no), int(payment_id))
        assert found.keys() == {"CAJA2", "CAJA3"}
        assert found["CAJA2"][0] == 2 and found["CAJA3"][0] == 3  # each register's own PPPPP
        async with httpx.AsyncClient(base_url=url, timeout=10,
                                     headers={"Authorization": f"Bearer {SANDBOX_TOKEN}"}) as client:
            pos = {p["external_id"]: p for p in (await client.get("/pos")).json()["results"]}
            assert {"CAJA2", "CAJA3"} <= pos.keys()
            assert pos["CAJA2"]["store_id"] == pos["CAJA3"]["store_id"]  # one store, two POS
            for register, (_, _, payment_id) in found.items():
                payment = (await client.get(f"/v1/payments/{payment_id}")).json()
                assert payment["status"] == "approved"
                assert str(payment["pos_id"]) == str(pos[register]["id"])  # paid on its own POS
                assert payment["external_reference"].startswith(f"{register}-")
        # Each register wrote its own journal, in its own data folder.
        assert (tmp_path / "r2" / "journal.sqlite3").is_file() and (tmp_path / "r3" / "journal.sqlite3").is_file()
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.communicate(), timeout=20)
