"""A slip issued after a sale (a return slip, a refund slip): printed when a printer is set and
shown on the window, as a sale's receipt is. A slip that does not print is said under the item
line; it is shown anyway.

    slip = build(..., window_header(window))
    print_and_show(window, slip, translate("ReturnSlip", "The return slip did not print: %1"))
"""

from __future__ import annotations

from typing import Any

from qrcashier.domain.receipt import Receipt, StoreHeader
from qrcashier.ui.shell.i18n import fmt


def window_header(window: Any) -> StoreHeader:
    """The store header the window's receipts carry (store, register, site)."""
    services = window.services
    return StoreHeader(services.store_name, services.register_name, window.site)


def print_and_show(window: Any, slip: Receipt, did_not_print: str) -> None:
    """Print `slip` on the set printer (if any), then show it on the window. `did_not_print` is the
    translated sentence, with %1 for the printer's error, shown when printing fails."""
    printer = window.services.options.printer_name
    if printer:
        from qrcashier.ui.printing import qprinter

        try:
            qprinter.print_receipt(slip, printer)
        except qprinter.PrintingError as exc:
            window.item_error(fmt(did_not_print, exc))
    window.show_receipt(slip)
