"""Regenerate docs/screenshots/sandbox-terminal*.png (a manual step; needs /usr/bin/chromium).

    .venv/bin/python -m tests.integration.sandbox_point.terminal_screenshots

Starts a sandbox, sends a Point order to Mercado Pago's virtual test terminal as the app does
(`POST /v1/orders`, `type: "point"`), and shoots the sandbox's terminal page (the page a person
uses to play the terminal: approve, decline, cancel) with the order on it, then once approved.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import httpx

from qrcashier.mercadopago.point_ids import VIRTUAL_TERMINAL
from qrcashier.sandbox.server import SandboxServer
from tests.support.chromium_shot import chromium_shot, find_chromium

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
LOCATION = {"street_number": "1235", "street_name": "Av. 7", "city_name": "La Plata",
            "state_name": "Buenos Aires", "latitude": -34.9206, "longitude": -57.9537}


async def shoot(chromium: str, url: str, name: str) -> None:
    await chromium_shot(chromium, url, OUT / name, height=760)


async def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    server = await SandboxServer.start()
    try:
        async with httpx.AsyncClient(
            base_url=server.base_url, headers={"Authorization": "Bearer SANDBOX-MLA-demo"}, timeout=5.0
        ) as c:
            uid = (await c.get("/users/me")).json()["id"]
            shop = {"name": "Kiosco Centro", "external_id": "KIOSCO1", "location": LOCATION}
            store = (await c.post(f"/users/{uid}/stores", json=shop)).json()
            await c.post("/pos", json={"name": "Caja 1", "fixed_amount": True, "store_id": int(store["id"]),
                                       "external_store_id": "KIOSCO1", "external_id": "CAJA1"})
            order = {"type": "point", "external_reference": "CAJA1-42_demo-1", "description": "Venta 42",
                     "transactions": {"payments": [{"amount": "11400.00"}]},
                     "config": {"point": {"terminal_id": VIRTUAL_TERMINAL, "print_on_terminal": "no_ticket"}}}
            made = await c.post("/v1/orders", json=order, headers={"X-Idempotency-Key": uuid.uuid4().hex})
            made.raise_for_status()
            phone = (await c.get("/sandbox/pos/CAJA1/phone")).json()["url"]
            code = parse_qs(urlsplit(phone).query)["code"][0]
            page = f"{server.base_url}/sandbox/point/terminal/{quote(VIRTUAL_TERMINAL)}?code={quote(code)}"
            await shoot(chromium, page, "sandbox-terminal.png")
            await c.post(f"/sandbox/point/terminals/{VIRTUAL_TERMINAL}/approve",
                         json={"brand": "visa", "last_four": "4242", "installments": 3})
            await shoot(chromium, page, "sandbox-terminal-paid.png")
    finally:
        await server.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
