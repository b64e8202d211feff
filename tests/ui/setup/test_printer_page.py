"""The setup's printer page against the loopback fake ESC/POS printer: a typed URL, the profile,
paper and drawer combos, and "Print test page" off the Qt thread with one result sentence."""

from __future__ import annotations

import pytest
import pytest_asyncio
from PySide6.QtTest import QTest

from qrcashier.settings import Mode
from qrcashier.ui.setup import printer as printer_page
from qrcashier.ui.setup.wizard import SetupDialog
from tests.support.fake_printer import FakePrinter
from tests.ui.setup.drive import click
from tests.ui.setup.helpers import wait_until
from tests.ui.supervisor.rig import encoded_pin

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


@pytest_asyncio.fixture
async def fake():
    printer = await FakePrinter().start()
    yield printer
    await printer.stop()


async def printer_settings(qtbot, make_env, settings, tmp_path) -> SetupDialog:
    settings.mode = Mode.SANDBOX
    settings.pin_hash = encoded_pin()
    env = make_env()
    env.journal_path = tmp_path / "journal.sqlite3"  # the test page's queue: never the user's journal
    dialog = SetupDialog(env, settings_mode=True, start_page="printer")
    qtbot.addWidget(dialog)
    dialog.show()
    await wait_until(lambda: not dialog._reads, 10, "the profiles")
    return dialog


async def test_a_typed_escpos_url_prints_a_test_page_and_is_saved_with_its_options(
    qtbot, make_env, settings, tmp_path, fake
):
    dialog = await printer_settings(qtbot, make_env, settings, tmp_path)
    page = dialog.page("printer")
    page.printer_box.setCurrentIndex(page.printer_box.findData(page.URL))
    assert page.url.isVisible() and not page.paper_box.isVisible()
    QTest.keyClicks(page.url, "escpos+tcp://127.0.0.1:bad")
    assert page.problem.text() and not page.test_button.isEnabled()  # one sentence, nothing lost
    page.url.clear()
    QTest.keyClicks(page.url, fake.url)
    assert page.problem.text() == "" and page.paper_box.isVisible() and page.drawer_box.isVisible()
    await wait_until(lambda: page.profile_box.count() > 1, 10, "python-escpos's profiles, read off the Qt thread")
    page.paper_box.setCurrentIndex(page.paper_box.findData(58))
    page.drawer_box.setCurrentIndex(page.drawer_box.findData(5))
    assert "paper=58" in page.url.text() and "drawer=5" in page.url.text()
    click(qtbot, page.test_button)
    await wait_until(lambda: page.result.text() and not page._working, 15, "the test page")
    assert page.result.kind == "ok" and "Test page sent to 127.0.0.1" in page.result.text()
    assert len(fake.jobs) == 1 and "Espa\xa4ol".encode("latin-1") in fake.jobs[0]  # CP858 ñ
    ruler = b"12345678901234567890123456789012"
    assert ruler in fake.jobs[0] and ruler + b"3" not in fake.jobs[0]  # 58 mm: 32 columns, not 48
    click(qtbot, dialog.save_button)
    await wait_until(lambda: settings.printer is not None, 10, "the save")
    assert settings.printer.startswith(fake.url) and "paper=58" in settings.printer


async def test_an_offline_printer_says_so_in_one_sentence(qtbot, make_env, settings, tmp_path, fake, monkeypatch):
    monkeypatch.setattr(printer_page, "TEST_PAGE_TIMEOUT", 6.0)
    url = fake.url
    await fake.stop()  # the printer is off
    dialog = await printer_settings(qtbot, make_env, settings, tmp_path)
    page = dialog.page("printer")
    page.printer_box.setCurrentIndex(page.printer_box.findData(page.URL))
    QTest.keyClicks(page.url, url)
    click(qtbot, page.test_button)
    await wait_until(lambda: page.result.text() and not page._working, 15, "the test page's result")
    assert page.result.kind == "error" and ("offline" in page.result.text() or "did not" in page.result.text())
    assert dialog.isVisible()  # the window never froze or closed
