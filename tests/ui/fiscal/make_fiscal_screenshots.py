"""The ARCA invoice in the app, in Spanish, for the docs: the main window after an invoiced sale
(status bar and the receipt with its Factura B, CAE and QR), the status bar with ARCA down, a
refund slip with its Nota de Crédito B, and
Settings → Electronic invoice after "Test with ARCA".

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.ui.fiscal.make_fiscal_screenshots [OUT]

Not a test: the embedded sandbox with its in-process ARCA simulator, a temporary data folder,
settings folder and an in-memory keyring. Saves fiscal-*.png in OUT (default /tmp/arca-shots).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from tests.support.shot_window import shot_window
from tests.support.waiting import wait_until

os.environ["QT_API"] = "pyside6"
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/arca-shots")


async def save(widget, name: str) -> None:
    await asyncio.sleep(0.4)  # layouts settle on the loop
    OUT.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(OUT / f"{name}.png"))
    print("saved", OUT / f"{name}.png")


async def window_shots(data_dir: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from qrcashier.checkout.config import PollPolicy
    from qrcashier.fiscal.config import FiscalSetup
    from qrcashier.services import Options

    options = Options(data_dir=data_dir, sandbox=True, token="SANDBOX-MLA-demo",
                      poll=PollPolicy(interval=0.3, tick=0.5),
                      fiscal=FiscalSetup(enabled=True, cuit=20111111112, point_of_sale=3))
    async with shot_window(options) as window:
        services = window.services

        async def sell(code: str) -> None:
            QTest.keyClicks(window.item_field, code)
            QTest.keyClick(window.item_field, Qt.Key.Key_Return)
            await window.charge()
            await wait_until(lambda: window.panel_state() == "waiting", timeout=10)
            pos = services.options.pos_external_id
            await services.sandbox_control("POST", f"/sandbox/pos/{pos}/pay", {"status": "approved"})
            await wait_until(lambda: window.panel_state() == "paid", timeout=10)

        shown = window.receipts_shown
        await sell("7790895000102")
        await wait_until(lambda: window.receipts_shown > shown, timeout=10)
        label = window.statusBar().findChild(type(window.title_label), "fiscalStatus")
        await wait_until(lambda: "facturadas" in label.text(), timeout=10)
        await save(window, "fiscal-main-invoiced")
        from qrcashier.ui.printing.qprinter import receipt_to_pdf

        dialog = window.receipt_dialog
        dialog.resize(dialog.width(), 900)
        await save(dialog, "fiscal-receipt-factura-b")
        dialog.hide()
        OUT.mkdir(parents=True, exist_ok=True)
        pdf = receipt_to_pdf(window.last_receipt, OUT / "fiscal-receipt-factura-b.pdf")  # with the ARCA QR
        print("saved", pdf)
        services.fiscal.receipt_wait = 0.3
        services.fiscal.simulator.sim.faults.mode = "down"
        shown = window.receipts_shown
        await sell("7790895000102")
        await wait_until(lambda: window.receipts_shown > shown, timeout=10)
        await wait_until(lambda: "pendiente" in label.text(), timeout=10)
        window.receipt_dialog.hide()
        await save(window, "fiscal-main-pending")
        services.fiscal.simulator.sim.faults.mode = None
        # a part of the first sale refunded: the refund slip carries its Nota de Crédito B
        from qrcashier.ui.supervisor.refund_slip import issue_refund_slip

        services.fiscal.receipt_wait = 3.0
        ((attempt_id, payment_id),) = await services.engine.journal.run(lambda db: [tuple(r) for r in db.query(
            "SELECT a.id, p.mp_payment_id FROM attempts a JOIN payments p ON p.attempt_id = a.id"
            " WHERE a.state = 'paid' ORDER BY a.id LIMIT 1")])
        await services.engine.refund(payment_id, "1900.00", "ana", "producto vencido")
        await issue_refund_slip(window, attempt_id)
        dialog = window.receipt_dialog
        dialog.resize(dialog.width(), 1000)
        await save(dialog, "fiscal-refund-nota-de-credito")
        dialog.hide()


async def settings_shot(tmp: Path) -> None:
    from PySide6.QtCore import QSettings

    from qrcashier.settings import AppSettings, Mode
    from qrcashier.setup.env import SetupEnv
    from qrcashier.token_store import BackendChoice, TokenStore
    from qrcashier.ui.setup.wizard import open_settings
    from tests.conftest import InMemoryKeyring

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    settings = AppSettings()
    settings.mode = Mode.SANDBOX
    settings.store_external_id, settings.pos_external_id = "KIOSCO1", "CAJA1"
    settings.setup_done = True
    tokens = TokenStore(BackendChoice.injected(InMemoryKeyring(), "the test keyring"), settings.keyring_account,
                        environ={})
    env = SetupEnv(settings, tokens, printers=lambda: [])
    dialog = await open_settings(None, env, None, page="fiscal")
    dialog.resize(1000, 700)
    page = dialog.page("fiscal")
    page.enabled_box.setChecked(True)
    page.cuit_field.setText("20-11111111-2")
    page.pos_box.setValue(3)
    await page.test()
    await wait_until(lambda: page.result.text().startswith("ARCA respondió"), timeout=20)
    await save(dialog, "fiscal-settings")
    page.cuit_field.setText("20-11111111-3")
    await save(dialog, "fiscal-settings-bad-cuit")
    dialog.close()
    await env.aclose()


async def main() -> None:
    from PySide6.QtWidgets import QApplication

    from qrcashier.domain.money import SITES
    from qrcashier.ui.shell import i18n

    i18n.install(QApplication.instance(), "es", site_locale=SITES["MLA"].locale)
    with tempfile.TemporaryDirectory() as tmp:
        await window_shots(Path(tmp) / "data")
        await settings_shot(Path(tmp))


if __name__ == "__main__":
    import qasync

    from qrcashier.ui.shell.app import make_application

    app = make_application()
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main())
