"""Closing Settings while a page still works: reads are cancelled, writes finish first.

The bug this guards against: a page's keyring read (on a worker thread, because a locked
store may prompt) resumed after the dialog closed and wrote to a deleted QLabel.
"""

from __future__ import annotations

import asyncio
import threading

import keyring.backend
import pytest

from qrcashier.mercadopago.secret import AccessToken
from qrcashier.settings import Mode
from qrcashier.token_store import BackendChoice, TokenStore
from qrcashier.ui.setup.wizard import SetupDialog
from tests.ui.setup.helpers import wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


class HeldKeyring(keyring.backend.KeyringBackend):
    """A keyring whose reads wait until the test lets them go (a locked store asking to unlock)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.reading = threading.Event()
        self.returned = threading.Event()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        self.reading.set()
        try:
            self.release.wait(10)
            return self.store.get((service, username))
        finally:
            self.returned.set()

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


async def test_closing_settings_cancels_a_pending_read(qtbot, make_env, settings, token):
    from qrcashier.token_store import SERVICE

    held = HeldKeyring()
    held.store[(SERVICE, settings.keyring_account)] = token
    tokens = TokenStore(BackendChoice.injected(held, "a locked keyring"), settings.keyring_account, environ={})
    settings.mode = Mode.ACCOUNT
    dialog = SetupDialog(make_env(tokens=tokens), settings_mode=True, start_page="token")
    dialog.show()  # not qtbot.addWidget: this test deletes the dialog itself, as closing the app would
    await wait_until(lambda: held.reading.is_set() and dialog._reads, 5, "the keyring read")
    reads = set(dialog._reads)
    dialog.close()
    assert not dialog.isVisible() and dialog.future.done()
    await wait_until(lambda: all(t.done() for t in reads), 5, "the read's cancellation")
    assert all(t.cancelled() for t in reads)
    destroyed = []
    dialog.destroyed.connect(lambda: destroyed.append(True))
    dialog.deleteLater()
    await wait_until(lambda: destroyed, 5, "the dialog's deletion")
    held.release.set()
    # The worker thread returns into a cancelled read: nothing resumes on the deleted widget
    # (an exception there would fail the test through the suite's exception watch).
    await wait_until(held.returned.is_set, 5, "the keyring read to return")


async def test_the_dialog_stays_open_until_a_write_is_done(qtbot, make_env, settings, tokens, memory_keyring, token):
    tokens.set(AccessToken(token))
    settings.mode = Mode.ACCOUNT
    gate = asyncio.Event()

    async def slow_audit(actor, action, reason, details):
        await gate.wait()

    dialog = SetupDialog(make_env(audit=slow_audit), settings_mode=True, start_page="token")
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.page("token")
    await wait_until(lambda: page.current_read, 5, "the saved token")
    page.remove()
    await wait_until(lambda: dialog._writes and memory_keyring.store == {}, 5, "the removal under way")
    dialog.close()
    assert dialog.isVisible() and "Still saving" in dialog.message.text()
    gate.set()
    await wait_until(lambda: not dialog._writes, 5, "the removal's end")
    assert "removed" in page.result.text()
    dialog.close()
    assert not dialog.isVisible()
