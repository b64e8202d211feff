"""Settings → Advanced: this register's name and a shared qrcashier-sandbox URL (the same two
choices as `--register` and `--sandbox-url`); a bad one is refused with one sentence and Save stays
off; saved, they reach the app's Options on the next start."""

from __future__ import annotations

from pathlib import Path

import pytest

from qrcashier.services import Options
from qrcashier.settings import Mode
from tests.ui.setup.drive import click, idle, settings_page
from tests.ui.setup.helpers import wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


async def test_the_advanced_page_sets_the_register_and_the_shared_sandbox(qtbot, make_env, settings, tmp_path: Path):
    settings.mode = Mode.SANDBOX
    dialog, advanced = await settings_page(qtbot, make_env(), settings, "advanced")
    qtbot.keyClicks(advanced.register_field, "caja 2")
    assert "register name" in advanced.problem.text() and not dialog.save_button.isEnabled()
    advanced.register_field.clear()
    qtbot.keyClicks(advanced.register_field, "2")
    qtbot.keyClicks(advanced.sandbox_url_field, "ftp://x")
    assert "sandbox URL" in advanced.problem.text() and not dialog.save_button.isEnabled()
    advanced.sandbox_url_field.clear()
    qtbot.keyClicks(advanced.sandbox_url_field, "http://192.168.0.10:8765/")
    assert advanced.problem.text() == "" and dialog.save_button.isEnabled()
    click(qtbot, dialog.save_button)
    await wait_until(lambda: dialog.message.kind == "ok" and idle(dialog), 10, "Save")
    assert (settings.register_choice, settings.sandbox_url) == ("CAJA2", "http://192.168.0.10:8765")
    dialog.close()
    options = settings.apply_to(Options(data_dir=tmp_path / "data", load_demo_catalog=False))
    assert options.sandbox and options.sandbox_url == "http://192.168.0.10:8765"
    assert (options.pos_external_id, options.register_id, options.pos_number) == ("CAJA2", "CAJA2", 2)
