"""Pictures of the card tenders (not a test): the main window with a Point charge on the
sandbox's terminal (the "present the card" panel), the card dialog both ways, the split dialog
sending the rest to the terminal, and a Point receipt, in English and Spanish.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.ui.point.make_point_screenshots [OUT]

OUT defaults to /tmp/point-shots.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from tests.support.shot_window import shot_window
from tests.support.waiting import wait_until

os.environ["QT_API"] = "pyside6"
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/point-shots")
COKE = "7790895000102"


async def shoot(language: str, data_dir: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from qrcashier.checkout.config import PollPolicy
    from qrcashier.checkout.till_config import TillConfig
    from qrcashier.domain.money import SITES
    from qrcashier.mercadopago.point import VIRTUAL_TERMINAL
    from qrcashier.services import Options
    from qrcashier.ui.shell import i18n
    from qrcashier.ui.till.dialogs import SplitDialog

    mla = SITES["MLA"]
    if language != "en":
        i18n.install(QApplication.instance(), language, site_locale=mla.locale)
    options = Options(data_dir=data_dir, sandbox=True, token="SANDBOX-MLA-demo",
                      poll=PollPolicy(interval=0.3, tick=0.5), till=TillConfig.for_site(mla, require_shift=False))
    try:
        async with shot_window(options) as window:
            services = window.services
            await window.engine.open_shift("0")
            for code in (COKE, "2*" + COKE):
                QTest.keyClicks(window.item_field, code)
                QTest.keyClick(window.item_field, Qt.Key.Key_Return)
            await wait_until(lambda: window.model.rowCount() >= 1, timeout=5)
            cards = window.till.cards
            cards.card()
            await wait_until(lambda: cards.dialog is not None and cards.dialog.isVisible(), timeout=5)
            await asyncio.sleep(0.3)
            cards.dialog.grab().save(str(OUT / f"card-dialog-point-{language}.png"))
            cards.dialog.other.setChecked(True)
            cards.dialog.authorization.setText("AB1234")  # (set, not typed: the scanner capture holds fast keys)
            cards.dialog.last_four.setText("06")
            cards.dialog.confirm()  # two digits: refused, the sentence under the fields
            await asyncio.sleep(0.3)
            cards.dialog.grab().save(str(OUT / f"card-dialog-other-{language}.png"))
            cards.dialog.point.setChecked(True)
            cards.dialog.confirm()
            await wait_until(lambda: cards.panel.isVisible() and window.panel_state() == "waiting", timeout=10)
            await asyncio.sleep(1.2)
            print(language, "window while the card charge is live:", window.size().width(), "x", window.size().height())
            window.grab().save(str(OUT / f"main-point-{language}.png"))
            await services.sandbox_control("POST", f"/sandbox/point/terminals/{VIRTUAL_TERMINAL}/approve",
                                           {"brand": "visa", "last_four": "4242", "installments": 3})
            await wait_until(lambda: window.panel_state() == "paid", timeout=10)
            await wait_until(lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible(),
                             timeout=10)
            await asyncio.sleep(0.5)
            window.receipt_dialog.grab().save(str(OUT / f"receipt-point-{language}.png"))
            (OUT / f"receipt-point-{language}.txt").write_text(window.last_receipt.to_text(), encoding="utf-8")
            window.receipt_dialog.close()
            split = SplitDialog(Decimal("11400"), mla, window.engine.till_config, window, terminal_id=VIRTUAL_TERMINAL)
            split.show()
            split.to_point.setChecked(True)
            split.part.setText("2.000")
            split.received.setText("2.000")
            await asyncio.sleep(0.3)
            split.grab().save(str(OUT / f"split-point-{language}.png"))
            split.close()
    finally:
        i18n.uninstall(QApplication.instance())


async def shoot_settings(language: str, data_dir: Path) -> None:
    """Settings' card terminal page on a sandbox account whose POS has a standalone Point Smart."""
    from PySide6.QtWidgets import QApplication

    from qrcashier.provisioning import RegisterSpec, ensure_register
    from qrcashier.sandbox.server import SandboxServer
    from qrcashier.settings import AppSettings, Mode
    from qrcashier.setup.env import SetupEnv
    from qrcashier.token_store import BackendChoice, TokenStore
    from qrcashier.ui.setup.wizard import SetupDialog
    from qrcashier.ui.shell import i18n
    from tests.conftest import InMemoryKeyring

    if language != "en":
        i18n.install(QApplication.instance(), language, site_locale="es_AR")
    server = await SandboxServer.start(host="127.0.0.1", port=0, sweep_interval=3600)
    settings = AppSettings.from_file(data_dir / "settings.ini")
    settings.mode = Mode.SANDBOX
    env = SetupEnv(settings, TokenStore(BackendChoice.injected(InMemoryKeyring(), "memory"), "CAJA1", environ={}),
                   sandbox_base_url=server.base_url, printers=lambda: [], timeout=3.0)
    try:
        provisioned = await ensure_register(await env.client(Mode.SANDBOX, None), RegisterSpec("KIOSCO1", "CAJA1"))
        settings.store_id, settings.pos_id = str(provisioned.store.id), provisioned.pos.id
        dialog = SetupDialog(env, settings_mode=True, start_page="terminal", supervisor="Ana")
        dialog.show()
        page = dialog.page("terminal")
        await wait_until(lambda: page.box.count() >= 3 and not page.busy.isVisible(), timeout=10)
        page.box.setCurrentIndex(1)
        await asyncio.sleep(0.4)
        dialog.grab().save(str(OUT / f"settings-terminal-{language}.png"))
        dialog.close()
    finally:
        await env.aclose()
        await server.close()
        i18n.uninstall(QApplication.instance())


async def main(languages: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for language in languages:
        with tempfile.TemporaryDirectory() as tmp:
            await shoot(language, Path(tmp))
        with tempfile.TemporaryDirectory() as tmp:
            await shoot_settings(language, Path(tmp))


if __name__ == "__main__":
    import qasync

    from qrcashier.ui.shell.app import make_application

    app = make_application()
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main(["en", "es"]))
    print("saved to", OUT)
    sys.exit(0)
