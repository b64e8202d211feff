"""An aiohttp server that speaks Mercado Pago's in-store QR API on loopback.

Use `qrcashier.sandbox.server.SandboxServer` in-process, or the `qrcashier-sandbox`
command. Mercado Pago routes live in `api.py` (in-store, payments, refunds,
merchant_orders) and `orders/` (the Orders API), the sandbox's own control API (customer
scan/pay, faults, accounts) in `control.py`, the records and rules in `state.py`.
`DEMO_TOKEN` (from the light `accounts.py`) is the embedded sandbox's demo seller.
"""

from qrcashier.sandbox.accounts import DEMO_TOKEN

__all__ = ["DEMO_TOKEN"]
