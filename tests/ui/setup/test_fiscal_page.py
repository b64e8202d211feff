"""Settings → Electronic invoice (ARCA): the CUIT's check digit as it is typed, B or C, the files,
"Test with ARCA" against the simulator (the sandbox's, or a standalone one with the shop's own
certificate and an encrypted key), the key's password in the keyring, and Save reaching Options."""

from __future__ import annotations

from pathlib import Path

import pytest

from qrcashier.fiscal.amounts import MONOTRIBUTO
from qrcashier.fiscal.config import FiscalSetup
from qrcashier.fiscal.simulator import ca as test_ca
from qrcashier.fiscal.simulator.server import Simulator, start
from qrcashier.fiscal.vault import FiscalVault
from qrcashier.services import Options
from qrcashier.settings import Mode
from tests.ui.setup.drive import click, idle, settings_page
from tests.ui.setup.helpers import wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]
CUIT = 20111111112


async def _page(qtbot, make_env, settings):
    return await settings_page(qtbot, make_env(), settings, "fiscal")


async def test_the_sandbox_invoices_to_the_simulator_and_the_setup_reaches_the_app(qtbot, make_env, settings,
                                                                                    tmp_path: Path):
    settings.mode = Mode.SANDBOX
    dialog, page = await _page(qtbot, make_env, settings)
    assert page.applies() and "simulator" in page.note.text()
    page.enabled_box.setChecked(True)
    qtbot.keyClicks(page.cuit_field, "20-11111111-3")
    assert "verificador" in page.problem.text() and not dialog.save_button.isEnabled()
    assert not page.test_button.isEnabled()
    page.cuit_field.clear()
    qtbot.keyClicks(page.cuit_field, "20-11111111-2")
    page.pos_box.setValue(3)
    page.condition_box.setCurrentIndex(page.condition_box.findData(MONOTRIBUTO))
    assert page.problem.text() == "" and dialog.save_button.isEnabled() and page.test_button.isEnabled()
    click(qtbot, page.test_button)
    await wait_until(lambda: page.result.text().startswith("ARCA respondió"), 20, "the test with ARCA")
    assert "comprobante C del punto de venta 3: 0" in page.result.text()
    click(qtbot, dialog.save_button)
    await wait_until(lambda: dialog.message.kind == "ok" and idle(dialog), 10, "Save")
    dialog.close()
    saved = settings.fiscal
    assert (saved.enabled, saved.cuit, saved.point_of_sale, saved.category) == (True, CUIT, 3, MONOTRIBUTO)
    options = settings.apply_to(Options(data_dir=tmp_path / "data", load_demo_catalog=False))
    assert options.fiscal == saved


async def test_a_real_certificate_with_its_password_against_a_standalone_simulator(qtbot, make_env, settings,
                                                                                    memory_keyring, tmp_path: Path):
    settings.mode = Mode.ACCOUNT
    ca = test_ca.TestCA()
    running = await start(Simulator(ca=ca))
    try:
        key, cert = ca.issue(CUIT)
        cert_path, key_path = test_ca.write_pem(tmp_path / "arca", key, cert, password="secreta")
        settings.fiscal = FiscalSetup(enabled=False, cuit=CUIT, point_of_sale=5, sim_url=running.url)
        dialog, page = await _page(qtbot, make_env, settings)
        page.enabled_box.setChecked(True)
        assert "certificado" in page.problem.text() and not dialog.save_button.isEnabled()
        page.cert_field.setText(str(cert_path))
        page.key_field.setText(str(key_path))
        qtbot.keyClicks(page.password_field, "mala")
        click(qtbot, page.test_button)
        await wait_until(lambda: "contraseña incorrecta" in page.problem.text(), 20, "the wrong password")
        page.password_field.clear()
        qtbot.keyClicks(page.password_field, "secreta")
        click(qtbot, page.test_button)
        await wait_until(lambda: page.result.text().startswith("ARCA respondió"), 20, "the test with ARCA")
        assert "comprobante B del punto de venta 5" in page.result.text()
        click(qtbot, dialog.save_button)
        await wait_until(lambda: dialog.message.kind == "ok" and idle(dialog), 10, "Save")
        dialog.close()
        assert FiscalVault(memory_keyring, settings.register_id).passphrase(CUIT) == "secreta"
        assert "secreta" not in Path(settings.file_name).read_text()
        saved = settings.fiscal
        assert saved.enabled and saved.cert_path == str(cert_path) and saved.sim_url == running.url
        # the test's login is in the keyring cache the app uses (ARCA refuses a second one for 12 h)
        cache = FiscalVault(memory_keyring, settings.register_id).tickets("simulator", CUIT)
        assert cache.preload() is not None
        cache.close()
    finally:
        await running.close()
