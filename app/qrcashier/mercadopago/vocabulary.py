"""Mercado Pago's words that settings, the gateways and the setup screens share, defined once."""

from __future__ import annotations

# The API families a register can charge through (a setting's value, and each gateway's name).
API_FAMILIES = ("instore_v2", "orders", "v1")
DEFAULT_API = "instore_v2"
# Which QR the customer scans: the POS's printed one, one made per order, or both.
QR_MODES = ("static", "dynamic", "hybrid")
DEFAULT_QR_MODE = "static"
