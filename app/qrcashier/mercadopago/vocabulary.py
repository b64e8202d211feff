"""Mercado Pago's words that settings, the gateways and the setup screens share, defined once."""

from __future__ import annotations

import re

# Mercado Pago's POS external_id: alphanumeric only, fewer than 40 characters.
POS_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9]{1,39}$")
# A store's external_id: at most 60 alphanumeric characters.
STORE_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9]{1,60}$")

# The API families a register can charge through (a setting's value, and each gateway's name).
API_FAMILIES = ("instore_v2", "orders", "v1")
DEFAULT_API = "instore_v2"
# Which QR the customer scans: the POS's printed one, one made per order, or both.
QR_MODES = ("static", "dynamic", "hybrid")
DEFAULT_QR_MODE = "static"
