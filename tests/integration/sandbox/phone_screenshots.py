"""Regenerate docs/screenshots/sandbox-phone*.png (a manual step; needs /usr/bin/chromium).

    .venv/bin/python -m tests.integration.sandbox.phone_screenshots

Starts a sandbox, puts a café order on a register and shoots the phone page at three
moments: ready to pay (after a scan), paid, and waiting for the cashier.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import httpx

from qrcashier.sandbox.server import SandboxServer
from tests.support.chromium_shot import chromium_shot, find_chromium

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
LOCATION = {"street_number": "1235", "street_name": "Av. 7", "city_name": "La Plata",
            "state_name": "Buenos Aires", "latitude": -34.9206, "longitude": -57.9537}
ORDER = {
    "external_reference": "CAJA1-1042-1",
    "title": "Venta 1042",
    "total_amount": 6850.0,
    "items": [
        {
            "title": "Café con leche",
            "unit_price": 1850.0,
            "quantity": 2,
            "unit_measure": "unit",
            "total_amount": 3700.0,
        },
        {"title": "Medialunas x3", "unit_price": 1200.0, "quantity": 1, "unit_measure": "unit", "total_amount": 1200.0},
        {
            "title": "Tostado de jamón y queso",
            "unit_price": 1950.0,
            "quantity": 1,
            "unit_measure": "unit",
            "total_amount": 1950.0,
        },
    ],
}


async def shoot(chromium: str, url: str, name: str) -> None:
    await chromium_shot(chromium, url, OUT / name, height=860)


async def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    server = await SandboxServer.start()
    try:
        async with httpx.AsyncClient(
            base_url=server.base_url, headers={"Authorization": "Bearer SANDBOX-MLA-demo"}
        ) as c:
            uid = (await c.get("/users/me")).json()["id"]
            store = (await c.post(f"/users/{uid}/stores",
                                  json={"name": "Café Central", "external_id": "CENTRO", "location": LOCATION})).json()
            for pos in ("CAJA1", "CAJA2"):
                await c.post(
                    "/pos",
                    json={
                        "name": f"Caja {pos[-1]}",
                        "fixed_amount": True,
                        "store_id": int(store["id"]),
                        "external_store_id": "CENTRO",
                        "external_id": pos,
                    },
                )
            await c.put(f"/instore/qr/seller/collectors/{uid}/stores/CENTRO/pos/CAJA1/orders", json=ORDER)
            await c.post("/sandbox/pos/CAJA1/scan")
            pay_url = (await c.get("/sandbox/pos/CAJA1/phone")).json()["url"]
            await shoot(chromium, pay_url, "sandbox-phone.png")
            await c.post("/sandbox/pos/CAJA1/pay", json={"status": "approved"})
            await shoot(chromium, pay_url, "sandbox-phone-paid.png")
            await shoot(chromium, (await c.get("/sandbox/pos/CAJA2/phone")).json()["url"], "sandbox-phone-waiting.png")
    finally:
        await server.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
