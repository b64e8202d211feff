"""Provisioning the store and the register's POS on the (real, loopback) sandbox."""

from __future__ import annotations

import httpx
import pytest

from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP
from qrcashier.provisioning import ProvisioningError, RegisterSpec, ensure_register
from qrcashier.sandbox.server import SandboxServer


@pytest.mark.asyncio
async def test_creates_what_is_missing_once_and_fixes_fixed_amount(token):
    sandbox = await SandboxServer.start()
    try:
        async with httpx.AsyncClient(timeout=5) as http:
            client = MercadoPagoClient(MercadoPagoHTTP(http, AccessToken(token), base_url=sandbox.base_url))
            first = await ensure_register(client, RegisterSpec("KIOSCO1", "CAJA1", pos_name="Caja 1"))
            assert first.created_store and first.created_pos
            assert first.pos.fixed_amount and first.pos.qr_code.startswith("000201")
            assert first.pos.external_store_id == "KIOSCO1"
            again = await ensure_register(client, RegisterSpec("KIOSCO1", "CAJA1"))
            assert not again.created_store and not again.created_pos and again.pos.id == first.pos.id
            await client.update_pos(first.pos.id, fixed_amount=False)
            fixed = await ensure_register(client, RegisterSpec("KIOSCO1", "CAJA1"))
            assert fixed.pos.fixed_amount
            # The same POS id under another store is refused, not moved.
            with pytest.raises(ProvisioningError, match="another store"):
                await ensure_register(client, RegisterSpec("OTRA1", "CAJA1"))
    finally:
        await sandbox.close()


@pytest.mark.parametrize(
    "store, pos, words",
    [
        ("KIOSCO 1", "CAJA1", "store id"),
        ("KIOSCO1", "CAJA-1", "POS"),
        ("K" * 61, "CAJA1", "store id"),
        ("K", "", "POS"),
    ],
)
def test_external_ids_are_validated_before_any_call(store, pos, words):
    with pytest.raises(ProvisioningError, match=words):
        RegisterSpec(store, pos)
