"""A standalone `qrcashier-sandbox` in its own process, as a store's registers share one:

    proc, url = await standalone_sandbox()
    try: ...
    finally: proc.kill(); await proc.wait()
"""

from __future__ import annotations

import asyncio
import sys


async def standalone_sandbox(timeout: float = 30.0) -> tuple[asyncio.subprocess.Process, str]:
    """Start it on a free port and return the process and its base URL once it says it listens
    (within `timeout` seconds)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "qrcashier.sandbox.cli", "--port", "0", "--quiet",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    line = (await asyncio.wait_for(proc.stdout.readline(), timeout=timeout)).decode()
    assert line.startswith("QR Cashier sandbox listening on "), line
    return proc, line.split()[-1]
