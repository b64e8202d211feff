"""Make sure the register's store and POS exist on the Mercado Pago account.

Used by `qrcashier --sandbox` at start-up and by the setup wizard. Idempotent:
it looks the store up by its external id and the POS by its external id, and
creates only what is missing. A POS that exists with `fixed_amount: false` (the
customer would type the amount) is switched to `fixed_amount: true`, because
the integrated model takes the amount from the order. A POS that belongs to a
different store is an error for the installer to resolve, never silently moved.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from decimal import Decimal

from qrcashier.mercadopago import Conflict, MercadoPagoClient
from qrcashier.mercadopago.models import (
    POS_EXTERNAL_ID,
    STORE_EXTERNAL_ID,
    Location,
    NewPos,
    NewStore,
    Pos,
    Store,
    User,
)

log = logging.getLogger("qrcashier.provisioning")

DEMO_LOCATION = Location(
    street_number="1234",
    street_name="Avenida Corrientes",
    city_name="Buenos Aires",
    state_name="Capital Federal",
    latitude=Decimal("-34.6037"),
    longitude=Decimal("-58.3816"),
    reference="Demo store",
)


class ProvisioningError(Exception):
    """The account's store/POS cannot be made to match the register's settings."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


@dataclass(frozen=True)
class RegisterSpec:
    store_external_id: str
    pos_external_id: str
    store_name: str = "QR Cashier store"
    pos_name: str = "Register 1"
    location: Location = DEMO_LOCATION

    def __post_init__(self) -> None:
        validate_external_ids(self.store_external_id, self.pos_external_id)


@dataclass(frozen=True)
class Provisioned:
    user: User
    store: Store
    pos: Pos
    created_store: bool = False
    created_pos: bool = False


def validate_external_ids(store_external_id: str, pos_external_id: str) -> None:
    """Raise ProvisioningError with a sentence the installer can act on."""
    if not STORE_EXTERNAL_ID.match(store_external_id or ""):
        raise ProvisioningError(
            f"The store id {store_external_id!r} is not valid: use 1 to 60 letters and digits, no spaces."
        )
    if not POS_EXTERNAL_ID.match(pos_external_id or ""):
        raise ProvisioningError(
            f"The register (POS) id {pos_external_id!r} is not valid: use 1 to 39 letters and digits, "
            "no spaces or hyphens."
        )


async def _find_store(client: MercadoPagoClient, user_id: int, external_id: str) -> Store | None:
    page = await client.search_stores(user_id, external_id=external_id)
    return next((s for s in page.results if s.external_id == external_id), None)


async def _find_pos(client: MercadoPagoClient, external_id: str) -> Pos | None:
    page = await client.list_pos(external_id=external_id)
    return next((p for p in page.results if p.external_id == external_id), None)


async def ensure_register(client: MercadoPagoClient, spec: RegisterSpec) -> Provisioned:
    """Find or create the store and the POS. Raises ProvisioningError or the client's typed errors.

    The POS is looked up by its external id alone, so that read goes out beside the account's
    and the store's (one round trip less before a register can charge, issue 15); an error of
    the account's read is the one raised."""
    pos_lookup = asyncio.ensure_future(_find_pos(client, spec.pos_external_id))
    try:
        return await _ensure_register(client, spec, pos_lookup)
    finally:
        if not pos_lookup.done():
            pos_lookup.cancel()
        elif not pos_lookup.cancelled():
            pos_lookup.exception()  # retrieved: an earlier error was raised instead


async def _ensure_register(client: MercadoPagoClient, spec: RegisterSpec, pos_lookup: asyncio.Future) -> Provisioned:
    user = await client.get_me()
    created_store = created_pos = False

    store = await _find_store(client, user.id, spec.store_external_id)
    if store is None:
        try:
            store = await client.create_store(
                user.id, NewStore(name=spec.store_name, external_id=spec.store_external_id, location=spec.location)
            )
            created_store = True
            log.info("created store %s (%s)", store.external_id, store.id)
        except Conflict:  # another register created it a moment ago
            store = await _find_store(client, user.id, spec.store_external_id)
            if store is None:
                raise
    pos = await pos_lookup
    if pos is None:
        try:
            pos = await client.create_pos(
                NewPos(
                    name=spec.pos_name,
                    external_id=spec.pos_external_id,
                    store_id=store.id,
                    external_store_id=spec.store_external_id,
                    fixed_amount=True,
                )
            )
            created_pos = True
            log.info("created POS %s (%s)", pos.external_id, pos.id)
        except Conflict:
            pos = await _find_pos(client, spec.pos_external_id)
            if pos is None:
                raise
    if pos.external_store_id not in (None, spec.store_external_id) or (
        pos.store_id is not None and str(pos.store_id) != str(store.id)
    ):
        raise ProvisioningError(
            f"The register {spec.pos_external_id} already belongs to another store "
            f"({pos.external_store_id}); choose another register id or store."
        )
    if not pos.fixed_amount:
        pos = await client.update_pos(pos.id, fixed_amount=True)
        log.info("switched POS %s to fixed_amount", pos.external_id)
    return Provisioned(user=user, store=store, pos=pos, created_store=created_store, created_pos=created_pos)
