"""The unattended model's merchant endpoint (gas stations, vending machines, self-service).

Mercado Pago calls the POS's `url` again and again once a customer scans; the endpoint
answers "no order yet" until the register or machine places its order, then the order.

- `orders`: the per-POS slots (`OrderBook`), thread-safe.
- `endpoint`: the aiohttp application and the exact answers of both documented contracts.
- `server`: `MerchantEndpoint.start(...)`, in-process or for the CLI.
- `control`: the control API a register or device in another process uses.
- `board`: `LocalBoard` / `RemoteBoard`, what the checkout gateway places orders through.
- `cli`: `qrcashier-merchant-server`.
"""

# The board contract is checkout's (qrcashier.checkout.board); exported here for the endpoint's users.
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
