"""Point terminal ids, light enough for the settings and the command line (no httpx).

A terminal id is `TYPE__SERIAL` (`NEWLAND_N950__SBX0000001`, `PAX_A910__SMARTPOS...`), taken
verbatim from `GET /terminals/v1/list` (mercadopago-point.md A1, A3). Mercado Pago's virtual
test terminal has the serial `SBX0000001` with any valid type (integration-test page, A4).
"""

from __future__ import annotations

import re

TERMINAL_ID_RE = re.compile(r"^[A-Z0-9_]+__[A-Za-z0-9]+$")
VIRTUAL_TERMINAL_SERIAL = "SBX0000001"  # Mercado Pago's virtual test terminal (integration-test page)
VIRTUAL_TERMINAL = f"NEWLAND_N950__{VIRTUAL_TERMINAL_SERIAL}"
