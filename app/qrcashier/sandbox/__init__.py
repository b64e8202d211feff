"""An aiohttp server that speaks Mercado Pago's in-store QR API on loopback.

Use `qrcashier.sandbox.server.SandboxServer` in-process, or the `qrcashier-sandbox`
command. Mercado Pago routes live in `api.py`, the sandbox's own control API (customer
scan/pay, faults, accounts) in `control.py`, the records and rules in `state.py`.
"""
