"""Set up a register's POS for the unattended model: `url` and `fixed_amount: true`.

    provisioned = await ensure_unattended_pos(client, RegisterSpec("STORE1", "PUMP1"), endpoint.pos_url("PUMP1"))

Finds or creates the store and the POS exactly as the attended set-up does
(`qrcashier.provisioning.ensure_register`), then gives the POS the endpoint's url (and
`fixed_amount: true`, which Mercado Pago requires with a url) unless it already has it.
Idempotent. On a real account Mercado Pago must have enabled the url's domain first, or the
update is refused with 403 (`Forbidden`): the installer asks their Mercado Pago contact.

`ensure_attended_pos` takes the url off again (the register goes back to the attended model).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from qrcashier.mercadopago import MercadoPagoClient
from qrcashier.provisioning import Provisioned, RegisterSpec, ensure_register
from qrcashier.unattended.addresses import check_pos_url

log = logging.getLogger("qrcashier.unattended.provisioning")


async def ensure_unattended_pos(client: MercadoPagoClient, spec: RegisterSpec, url: str) -> Provisioned:
    """The store and POS of `spec`, the POS carrying `url` with `fixed_amount: true`."""
    check_pos_url(url)
    provisioned = await ensure_register(client, spec)
    pos = provisioned.pos
    if pos.url != url or not pos.fixed_amount:
        pos = await client.update_pos(pos.id, url=url, fixed_amount=True)
        log.info("POS %s now calls the merchant endpoint", pos.external_id)
    return replace(provisioned, pos=pos)


async def ensure_attended_pos(client: MercadoPagoClient, spec: RegisterSpec) -> Provisioned:
    """The store and POS of `spec` without a url: orders go on the POS again (attended)."""
    provisioned = await ensure_register(client, spec)
    pos = provisioned.pos
    if pos.url:
        pos = await client.update_pos(pos.id, url=None)  # JSON null (the sandbox takes it; MP: unconfirmed)
        log.info("POS %s no longer calls a merchant endpoint", pos.external_id)
    return replace(provisioned, pos=pos)
