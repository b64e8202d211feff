"""`qrcashier-merchant-server` refuses an open control API, names a wildcard bind as bound, and keeps
answering while nobody reads its stderr (the access log goes through a bounded queue off the loop)."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import sys

import httpx
import pytest

from qrcashier.unattended.cli import KEY_ENV


async def _spawn(
    *args: str, key: str | None = None, stderr: int = asyncio.subprocess.PIPE
) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if k != KEY_ENV}
    if key is not None:
        env[KEY_ENV] = key
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "qrcashier.unattended.cli", *args, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=stderr,
    )


async def _lines(proc: asyncio.subprocess.Process, count: int) -> list[str]:
    return [(await asyncio.wait_for(proc.stdout.readline(), timeout=10)).decode().strip() for _ in range(count)]


async def _stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(proc.wait(), timeout=10)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise


@pytest.mark.asyncio
@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.1"])
async def test_a_control_api_beyond_loopback_without_a_key_is_refused(host: str) -> None:
    proc = await _spawn("--port", "0", "--pos", "CAJA1", "--control-host", host, "--control-port", "0")
    stdout, stderr = await asyncio.wait_for(proc.communicate(), timeout=10)
    assert proc.returncode == 2
    assert stdout == b""  # nothing was bound or announced
    lines = stderr.decode().splitlines()
    assert len(lines) == 1 and "refused" in lines[0] and KEY_ENV in lines[0]


@pytest.mark.asyncio
async def test_a_wildcard_bind_is_printed_as_bound_and_its_control_api_needs_the_key() -> None:
    key = secrets.token_hex(16)
    proc = await _spawn(
        "--host", "0.0.0.0", "--port", "0", "--pos", "CAJA1", "--control-host", "0.0.0.0", "--control-port", "0",
        "--quiet", key=key,
    )
    try:
        first, control_line, _pos = await _lines(proc, 3)
        assert " 0.0.0.0:" in first and "(every interface)" in first
        assert " 0.0.0.0:" in control_line
        control = control_line.split()[-1]
        assert control.startswith("http://127.0.0.1:")
        async with httpx.AsyncClient(timeout=5) as client:
            assert (await client.get(f"{control}/registers/CAJA1")).status_code == 401
    finally:
        await _stop(proc)


@pytest.mark.asyncio
async def test_a_stderr_pipe_nobody_reads_does_not_freeze_the_endpoint() -> None:
    unread, stderr = os.pipe()  # a real pipe nobody reads (asyncio's PIPE would be drained by the loop)
    proc = await _spawn("--port", "0", "--pos", "CAJA1", "--contract", "400", stderr=stderr)
    os.close(stderr)
    try:
        base = (await _lines(proc, 2))[0].split()[-1]
        agent = "x" * 8000  # each access-log line carries it: the 64 KiB pipe is full after a few requests
        async with httpx.AsyncClient(timeout=5, headers={"User-Agent": agent}) as client:
            async def polls() -> None:
                for _ in range(300):  # ~2.4 MB of access log
                    r = await client.get(f"{base}/mp/unattended?pos=CAJA1")
                    assert r.status_code == 400

            await asyncio.wait_for(polls(), timeout=60)
    finally:
        proc.kill()  # its stderr is still full: a clean exit would flush into it
        await asyncio.wait_for(proc.wait(), timeout=10)
        os.close(unread)
