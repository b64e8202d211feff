"""The real `qrcashier` app with one scripted cashier, for the kill tests (test_kill_app.py).

    python kill_app_driver.py --sandbox-url URL --register CAJA2 --data-dir DIR --printer escpos+file://PATH

Runs `qrcashier.cli.main(argv)` unchanged (the same start-up, services, engine, reconcile and
print queue as the `qrcashier` command, on QT_QPA_PLATFORM=offscreen); the only addition is the
cashier: once the main window has started, it types a demo product's barcode into the item field
as a scanner does, presses Charge and prints `CHARGED` on stdout. It never pays: the test plays
the customer through the sandbox's control API, and SIGKILLs this process at the state it wants.
The restart is the plain `python -m qrcashier.cli` with the same arguments (no cashier at all).
"""

from __future__ import annotations

import sys

from qrcashier import cli
from qrcashier.ui.shell.main_window import MainWindow

DEMO_BARCODE = "7790895000102"  # Coca-Cola Original 2,25 L in the demo catalog (as the self-test sells)


def _with_cashier(start):
    async def start_then_charge(window: MainWindow) -> None:
        await start(window)
        if window.shutting_down:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClicks(window.item_field, DEMO_BARCODE)
        QTest.keyClick(window.item_field, Qt.Key.Key_Return)
        print(f"LINES {window.model.rowCount()}", flush=True)
        print("CHARGING", flush=True)
        await window.charge()
        print("CHARGED", flush=True)

    return start_then_charge


if __name__ == "__main__":
    MainWindow.start = _with_cashier(MainWindow.start)
    sys.exit(cli.main(sys.argv[1:]))
