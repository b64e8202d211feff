"""`qrcashier-sandbox` as a real process: it answers /users/me and logs no token (its start-up
time is a benchmark, not a test)."""

from __future__ import annotations

import asyncio
import signal
import sys

import pytest

from tests.integration.sandbox.conftest import auth, http


@pytest.mark.asyncio
async def test_the_command_answers_users_me(token: str) -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "qrcashier.sandbox.cli", "--port", "0", "--site", "MLU",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        line = (await asyncio.wait_for(proc.stdout.readline(), timeout=10)).decode()
        assert line.startswith("QR Cashier sandbox listening on http://127.0.0.1:")
        base_url = line.split()[-1]
        async with http(base_url, headers=auth(token)) as client:
            r = await client.get("/users/me")
            assert r.status_code == 200 and r.json()["site_id"] == "MLA"  # the token names its site
            default = await client.get("/users/me", headers=auth("SANDBOX-nosite-cli"))
            assert default.json()["site_id"] == "MLU"  # --site is the default for tokens that name none
            assert (await client.get("/users/me", params={"code": "x"})).status_code == 200
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), timeout=10)
    assert proc.returncode == 0
    log = stderr.decode()
    assert "GET /users/me 200" in log  # the access log is on...
    assert token not in log and "code=" not in log  # ...and writes neither tokens nor query strings
