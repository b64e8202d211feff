"""A page of the sandbox shot by headless Chromium (the docs' phone and terminal pictures):

    chromium = find_chromium()            # None (said on stderr) when it is not installed
    await chromium_shot(chromium, url, OUT / "sandbox-phone.png", height=860)

A fresh profile each time, no network but the page's own, and a virtual-time budget long enough
for the page's first poll to land before the shot.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path


def find_chromium() -> str | None:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium is not installed", file=sys.stderr)
    return chromium


async def chromium_shot(chromium: str, url: str, path: Path, *, width: int = 412, height: int) -> None:
    """Save `url` at `width` x `height` (a phone's) as the PNG `path`, and print the path."""
    with tempfile.TemporaryDirectory() as profile:
        proc = await asyncio.create_subprocess_exec(
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", f"--window-size={width},{height}", "--hide-scrollbars",
            "--virtual-time-budget=3000",  # let the page's first poll land before the shot
            f"--screenshot={path}", url,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )
        await proc.wait()
    print(path)
