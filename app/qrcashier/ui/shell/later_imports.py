"""Modules the first paint does not need, loaded once the register can charge (issue 15).

The dialogs a cashier opens by hand (quantity, price, search, free item; park, discount,
return and its slip) are imported where they are opened, so the path to the first paint no
longer loads them. `import_later()` then imports them on a worker thread once start-up is
done: the first dialog opens without loading its module first, and the Qt thread never runs
the import itself (the worker gives the GIL back every few milliseconds).
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import sys

log = logging.getLogger("qrcashier.app")

LATER = (
    "qrcashier.ui.sale.entry_dialogs",
    "qrcashier.ui.saletools.dialogs",
    "qrcashier.ui.saletools.return_slip",
)


async def import_later(names: tuple[str, ...] = LATER) -> None:
    """Import `names` one after the other on a worker thread; a failure is logged, not raised
    (the dialog's own import will then raise it where the cashier opened it)."""
    for name in names:
        if name in sys.modules:
            continue
        try:
            await asyncio.to_thread(importlib.import_module, name)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("importing %s ahead of its first use failed", name)
