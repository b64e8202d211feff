"""The main window mid-sale in Spanish and in Brazilian Portuguese, for docs/screenshots/.

    .venv/bin/python -m tests.ui.i18n.make_screenshots            # offscreen is fine
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.ui.i18n.make_screenshots

Not a test: it drives the real app on the embedded sandbox with the language installed as
start-up installs it (`i18n.install`), adds a few items, presses Charge and waits for the
order on the QR, then saves main-es.png (site MLA, pesos) and main-pt_BR.png (site MLB,
reais). Also saves the diagnostics dialog in each language next to them (diagnostics-*.png).
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
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"

# Items per language: (title, unit price, quantity); the site's money and the language's words.
SALES = {
    "es": (
        "MLA",
        [
            ("7790895000102", None, 1),
            ("jorgito", None, 3),
            ("playadito 1 kg", None, 1),
            ("Fotocopias", Decimal("150"), 4),
        ],
    ),
    "pt_BR": (
        "MLB",
        [
            ("Guaraná Antarctica 2 L", Decimal("9.99"), 2),
            ("Pão de queijo (pacote 400 g)", Decimal("18.90"), 1),
            ("Café Pilão 500 g", Decimal("24.50"), 1),
            ("Fotocópias", Decimal("0.50"), 10),
        ],
    ),
}


async def shoot(language: str, data_dir: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from qrcashier.checkout.config import PollPolicy
    from qrcashier.domain.money import SITES
    from qrcashier.services import Options
    from qrcashier.ui.shell import i18n

    site, items = SALES[language]
    i18n.install(QApplication.instance(), language, site_locale=SITES[site].locale)
    options = Options(data_dir=data_dir, sandbox=True, site_id=site, token=f"SANDBOX-{site}-demo",
                      poll=PollPolicy(interval=0.3, tick=0.5), load_demo_catalog=site == "MLA")
    if site == "MLB":  # a Brazilian shop's own names (demo data, not UI strings)
        options.store_name, options.pos_name = "Mercadinho Demo", "Caixa 1"
    try:
        async with shot_window(options, customer=(1280, 720)) as window:
            services = window.services
            for what, price, quantity in items:
                if price is None:  # from the demo catalog, scanned or searched
                    found = services.catalog.search(what) if not what.isdigit() else None
                    code = found[0].barcode if found else what
                    QTest.keyClicks(window.item_field, f"{quantity}*{code}" if quantity > 1 else code)
                    QTest.keyClick(window.item_field, Qt.Key.Key_Return)
                else:
                    window._add(what, price, quantity)
            window.cart_view.select_row(1)
            await window.charge()
            await wait_until(lambda: window.panel_state() == "waiting", timeout=10)
            await asyncio.sleep(1.2)  # the countdown and the customer window settle (no processEvents() in a task)
            OUT.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(OUT / f"main-{language}.png"))
            window.open_diagnostics()
            await wait_until(
                lambda: window.diagnostics_dialog is not None and window.diagnostics_dialog.report is not None,
                timeout=10,
            )
            await asyncio.sleep(0.3)
            window.diagnostics_dialog.grab().save(str(OUT / f"diagnostics-{language}.png"))
            window.diagnostics_dialog.close()
    finally:
        i18n.uninstall(QApplication.instance())


async def main(languages: list[str]) -> None:
    for language in languages:
        with tempfile.TemporaryDirectory() as tmp:
            await shoot(language, Path(tmp))


if __name__ == "__main__":
    import qasync

    from qrcashier.ui.shell.app import make_application

    app = make_application()
    languages = sys.argv[1:] or ["es", "pt_BR"]
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main(languages))
    print("saved to", OUT)
    sys.exit(0)
