"""Every dialog at 1280 x 720 and 1024 x 768, in en, es and pt_BR, with the app's style: each
button's and label's text fits (tests/ui/layout/fit.py: font metrics against geometry)."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from qrcashier.settings import Mode
from qrcashier.ui.setup.wizard import SetupDialog
from qrcashier.ui.shell import i18n, theme
from tests.ui.layout.fit import clipped_texts
from tests.ui.setup.helpers import wait_until
from tests.ui.supervisor.rig import encoded_pin

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]

SCREENS = {"1280x720": (1280, 720), "1024x768": (1024, 768)}
LANGUAGES = ("en", "es", "pt_BR")
DESKTOP = 60  # a panel and a title bar: what a maximised window loses of the screen's height


@contextlib.contextmanager
def the_app_in(language: str):
    """The app's language and style, as start-up installs them; English and no style after."""
    app = QApplication.instance()
    font, sheet = app.font(), app.styleSheet()
    i18n.install(app, language)
    theme.apply(app)
    try:
        yield
    finally:
        app.setStyleSheet(sheet)
        app.setFont(font)
        i18n.uninstall(QCoreApplication.instance())


def fit_on(window, screen: str) -> None:
    """The window's own size, as far as the screen gives it (a dialog bigger than it is cut to it)."""
    width, height = SCREENS[screen]
    window.resize(min(window.width(), width), min(window.height(), height - DESKTOP))


async def settled(window) -> None:
    window.show()
    await wait_until(lambda: window.isVisible(), 5, "the window")
    for _ in range(4):  # every layout now (a scroll area lays out its page on a posted LayoutRequest)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        window.layout().activate()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_settings_page_fits(qtbot, make_env, settings, language, screen):
    settings.mode = Mode.SANDBOX
    settings.pin_hash = encoded_pin()
    with the_app_in(language):
        dialog = SetupDialog(make_env(), settings_mode=True)
        qtbot.addWidget(dialog)
        fit_on(dialog, screen)
        await settled(dialog)
        problems = []
        await wait_until(lambda: not dialog._reads, 10, "the pages' reads")
        for page in dialog.pages:
            dialog._show(page)
            await wait_until(lambda: not dialog._reads, 10, f"the {page.key} page's reads")
            await settled(dialog)
            problems += [f"{page.key}: {p}" for p in clipped_texts(dialog)]
        dialog.close()
    assert not problems, "\n".join(problems)
