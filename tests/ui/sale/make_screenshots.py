"""Drive the real app on the sandbox and save screenshots under docs/screenshots/.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.ui.sale.make_screenshots

Not a test: a script for the README's pictures (main-mid-sale, main-customer-qr,
main-receipt, main-paid, main-sales). Works offscreen too (QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from tests.support.waiting import wait_until

os.environ["QT_API"] = "pyside6"

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


async def main(data_dir: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from qrcashier.checkout.config import PollPolicy
    from qrcashier.services import Options, Services
    from qrcashier.ui.shell.main_window import MainWindow

    services = Services(Options(data_dir=data_dir, sandbox=True, poll=PollPolicy(interval=0.3, tick=0.5)))
    services.open_local()
    window = MainWindow(services, on_quit=lambda: None)
    window.show_all()
    window.setGeometry(0, 0, 1366, 768)
    window.customer.setGeometry(0, 0, 1280, 720)
    await window.start()
    try:
        cat = services.catalog
        yerba = cat.search("playadito 1 kg")[0].barcode
        alfajor = cat.search("jorgito")[0].barcode
        leche = cat.search("serenisima entera")[0].barcode
        for code in ("7790895000102", f"3*{alfajor}", yerba, leche):
            QTest.keyClicks(window.item_field, code)
            QTest.keyClick(window.item_field, Qt.Key.Key_Return)
        window._add("Fotocopias", __import__("decimal").Decimal("150"), 4)
        window.cart_view.select_row(1)
        await window.charge()
        await wait_until(lambda: window.panel_state() == "waiting", timeout=10)
        await asyncio.sleep(1.2)
        QApplication.processEvents()
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / "main-mid-sale.png"))
        window.customer.grab().save(str(OUT / "main-customer-qr.png"))
        pos = services.options.pos_external_id
        await services.sandbox_control("POST", f"/sandbox/pos/{pos}/scan")
        await services.sandbox_control("POST", f"/sandbox/pos/{pos}/pay", {"status": "approved"})
        await wait_until(lambda: window.panel_state() == "paid" and window.receipt_dialog is not None, timeout=10)
        await asyncio.sleep(0.5)
        window.grab().save(str(OUT / "main-paid.png"))
        window.receipt_dialog.grab().save(str(OUT / "main-receipt.png"))
        window.customer.grab().save(str(OUT / "main-customer-paid.png"))
        window.open_sales()
        await wait_until(lambda: window.sales_dialog is not None and window.sales_dialog.rows, timeout=10)
        await asyncio.sleep(0.3)
        window.sales_dialog.grab().save(str(OUT / "main-sales.png"))
    finally:
        await window.shutdown()
        await services.close()


if __name__ == "__main__":
    import qasync

    from qrcashier.ui.shell.app import make_application

    app = make_application()
    with tempfile.TemporaryDirectory() as tmp, asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main(Path(tmp)))
    print("saved to", OUT)
    sys.exit(0)
