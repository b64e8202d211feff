"""The unattended model's merchant endpoint (gas stations, vending machines, self-service).

Mercado Pago calls the POS's `url` again and again once a customer scans; the endpoint
answers "no order yet" until the register or machine places its order, then the order.

- `orders`: the per-POS slots (`OrderBook`), thread-safe.
- `endpoint`: the aiohttp application and the exact answers of both documented contracts.
- `server`: `MerchantEndpoint.start(...)`, in-process or for the CLI.
- `control`: the control API a register or device in another process uses.
- `board`: `LocalBoard` / `RemoteBoard`, what the checkout gateway places orders through.
- `cli`: `qrcashier-merchant-server`.

The names below load on first use (PEP 562): an attended register imports
`unattended.provisioning` at start-up, and the endpoint's aiohttp (about 0.45 s and its
memory) must not come with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The board contract is checkout's (qrcashier.checkout.board); exported here for the endpoint's users.
_WHERE = {
    "BoardRefused": "qrcashier.checkout.board",
    "BoardUnreachable": "qrcashier.checkout.board",
    "Contract": "qrcashier.unattended.endpoint",
    "EndpointSettings": "qrcashier.unattended.endpoint",
    "InvalidOrder": "qrcashier.unattended.orders",
    "LocalBoard": "qrcashier.unattended.board",
    "MerchantEndpoint": "qrcashier.unattended.server",
    "OrderBoard": "qrcashier.checkout.board",
    "OrderBook": "qrcashier.unattended.orders",
    "PlacedOrder": "qrcashier.unattended.orders",
    "RemoteBoard": "qrcashier.unattended.board",
    "SlotState": "qrcashier.unattended.orders",
    "SlotStatus": "qrcashier.unattended.orders",
    "TakeReason": "qrcashier.checkout.board",
    "UnknownRegister": "qrcashier.unattended.orders",
}

__all__ = [
    "BoardRefused",
    "BoardUnreachable",
    "Contract",
    "EndpointSettings",
    "InvalidOrder",
    "LocalBoard",
    "MerchantEndpoint",
    "OrderBoard",
    "OrderBook",
    "PlacedOrder",
    "RemoteBoard",
    "SlotState",
    "SlotStatus",
    "TakeReason",
    "UnknownRegister",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this hook
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


if TYPE_CHECKING:
    from qrcashier.checkout.board import BoardRefused, BoardUnreachable, OrderBoard, TakeReason
    from qrcashier.unattended.board import LocalBoard, RemoteBoard
    from qrcashier.unattended.endpoint import Contract, EndpointSettings
    from qrcashier.unattended.orders import (
        InvalidOrder,
        OrderBook,
        PlacedOrder,
        SlotState,
        SlotStatus,
        UnknownRegister,
    )
    from qrcashier.unattended.server import MerchantEndpoint
