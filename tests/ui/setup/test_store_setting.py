"""Settings → Advanced: the store database (issue 19, the same as `--store`): an address with a
password in it is refused with one sentence; the password typed in its own field goes to the
keyring only (never the settings file), and the saved address reaches the app's Options."""

from __future__ import annotations

from pathlib import Path

import pytest

from qrcashier.services import Options
from qrcashier.settings import Mode
from qrcashier.store.dsn import KEYRING_SERVICE, key
from tests.ui.setup.drive import click, idle, settings_page
from tests.ui.setup.helpers import wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]
DSN = "host=192.168.0.10 dbname=store user=qrc_caja2"


async def test_the_store_database_field_and_its_password_in_the_keyring(
        qtbot, make_env, settings, memory_keyring, tmp_path: Path):
    settings.mode = Mode.SANDBOX
    dialog, advanced = await settings_page(qtbot, make_env(), settings, "advanced")
    fields = advanced.store_fields
    qtbot.keyClicks(fields.dsn_field, DSN + " password=hunter2")
    assert "password field" in advanced.problem.text() and not dialog.save_button.isEnabled()
    fields.dsn_field.clear()
    qtbot.keyClicks(fields.password_field, "s3cret-pw")
    assert "store database first" in advanced.problem.text() and not dialog.save_button.isEnabled()
    qtbot.keyClicks(fields.dsn_field, DSN)
    assert advanced.problem.text() == "" and dialog.save_button.isEnabled()
    click(qtbot, dialog.save_button)
    await wait_until(lambda: dialog.message.kind == "ok" and idle(dialog), 10, "Save")
    assert settings.store_dsn == DSN
    assert memory_keyring.get_password(KEYRING_SERVICE, key(DSN)) == "s3cret-pw"
    assert fields.password_field.text() == ""  # never shown again
    dialog.close()
    settings.sync()
    assert "s3cret-pw" not in Path(settings.file_name).read_text()
    options = settings.apply_to(Options(data_dir=tmp_path / "data", load_demo_catalog=False))
    assert options.store_dsn == DSN
