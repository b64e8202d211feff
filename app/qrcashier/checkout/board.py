"""The order board an unattended register's gateway places its orders on: the contract only.

Checkout owns this contract and the unattended package implements it (`LocalBoard`,
`RemoteBoard` in `qrcashier.unattended.board`): the dependency points one way, from the
servers we run down to checkout.

Failures are two exceptions: `BoardRefused` (the endpoint said no: unknown register,
invalid order; nothing changed) and `BoardUnreachable` (`delivered` says whether the
request may have reached the endpoint: False only when the connection was never made).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from qrcashier.domain.money import Site
from qrcashier.mercadopago.models import InstoreOrder


class TakeReason(StrEnum):
    """Why an order left the board."""

    PAID = "paid"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    REPLACED = "replaced"
    WITHDRAWN = "withdrawn"


class BoardRefused(Exception):
    """The endpoint refused the request; nothing changed on it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message


class BoardUnreachable(Exception):
    """The endpoint did not answer. `delivered` False: the request certainly never left."""

    def __init__(self, message: str, *, delivered: bool) -> None:
        super().__init__(message)
        self.user_message = message
        self.delivered = delivered


class OrderBoard(Protocol):
    async def place(self, external_pos_id: str, order: InstoreOrder, site: Site) -> None:
        """Offer the order on the POS (replacing any other). Idempotent for the same order."""
        ...

    async def take(self, external_pos_id: str, reference: str | None, reason: TakeReason | str) -> bool:
        """Take the order with `reference` (any, if None) off the POS; False if it was not there."""
        ...

    async def current_reference(self, external_pos_id: str) -> str | None:
        """The reference of the order offered on the POS now, if any."""
        ...
