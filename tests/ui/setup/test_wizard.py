"""The first-run wizard, both branches, with the qasync loop running, against the sandbox on loopback."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from qrcashier.mercadopago.point import VIRTUAL_TERMINAL
from qrcashier.mercadopago.secret import AccessToken
from qrcashier.settings import Mode
from qrcashier.supervisor import verify_pin
from qrcashier.token_store import SERVICE, BackendChoice, TokenStore
from qrcashier.ui.setup.messages import TEST_ACCOUNT_NOTE, TOKEN_MESSAGES
from qrcashier.ui.setup.wizard import open_settings
from tests.ui.setup.drive import (
    PIN,
    click,
    fill_address,
    idle,
    next_page,
    open_wizard,
    paste_token,
    through_store_to_finish,
)
from tests.ui.setup.helpers import control, wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


async def test_sandbox_branch(qtbot, make_env, settings, memory_keyring, tmp_path):
    env = make_env(sandbox_base_url=None)  # the wizard starts its own embedded sandbox
    dialog = await open_wizard(qtbot, env)
    click(qtbot, dialog.page("mode").sandbox_button)
    await next_page(qtbot, dialog, "store")  # no token page for the sandbox
    assert dialog.step_label.text() == "Step 2 of 7"
    assert dialog.page("store").street.text() == "Avenida Corrientes"  # the demo address, prefilled
    await through_store_to_finish(qtbot, dialog, tmp_path)
    assert "sandbox QR" in dialog.page("sticker").note.text()
    assert env.sandbox_base_url is not None and env.sandbox_base_url.startswith("http://127.0.0.1:")
    assert settings.mode == Mode.SANDBOX and settings.is_configured()
    assert (settings.store_external_id, settings.pos_external_id, settings.register_name) == (
        "KIOSCO1",
        "CAJA1",
        "Caja 1",
    )
    assert settings.pos_id and settings.store_id and settings.printer is None
    assert settings.point_terminal == VIRTUAL_TERMINAL  # chosen on the card terminal page
    assert "Card terminal: <b>SBX0000001</b>" in dialog.page("done").summary.text()
    assert verify_pin(PIN, settings.pin_hash) and PIN not in Path(settings.file_name).read_text()
    assert memory_keyring.store == {}  # the sandbox needs no token and none is stored
    await env.aclose()
    assert env.sandbox_base_url is None  # the wizard's sandbox is closed with it


async def test_account_branch_then_the_pos_is_reused_on_the_next_start(
    qtbot, make_env, settings, tokens, memory_keyring, sandbox, token, tmp_path
):
    env = make_env()
    dialog = await open_wizard(qtbot, env)
    click(qtbot, dialog.page("mode").account_button)
    await next_page(qtbot, dialog, "token")
    page = dialog.page("token")
    assert not dialog.next_button.isEnabled()
    assert "saved only in the test keyring" in page.store_line.text() and page.insecure.isHidden()
    await paste_token(qtbot, dialog, token)
    assert page.result.kind == "ok" and "Connected to SANDBOXSELLER" in page.result.text()
    assert page.test_note.isHidden() or page.test_note.text() != TEST_ACCOUNT_NOTE or token.startswith("TEST-")
    assert memory_keyring.store == {}  # nothing is saved before Finish
    await next_page(qtbot, dialog, "store")
    assert dialog.step_label.text() == "Step 3 of 8"
    # a real account gets no demo address: the installer types the store's
    store = dialog.page("store")
    await wait_until(lambda: store.store_box.count() > 0 and idle(dialog), 10, "the store list")
    for field, value in ((store.street, "Calle 7"), (store.number, "1234"), (store.city, "La Plata"),
                         (store.state_name, "Buenos Aires"), (store.lat, "-34.92"), (store.lng, "-57.95")):
        assert field.text() == ""
        field.setText(value)
    store._edited("")
    await through_store_to_finish(qtbot, dialog, tmp_path)
    # the token: in the keyring, and only there
    assert memory_keyring.store == {(SERVICE, "register:default"): token}
    assert token not in Path(settings.file_name).read_text(encoding="utf-8")
    assert settings.mode == Mode.ACCOUNT and settings.user_id and settings.site == "MLA"
    pos_id = settings.pos_id
    created = [p for p in sandbox.state.pos.values() if p.external_id == "CAJA1"]
    assert len(created) == 1 and created[0].fixed_amount and created[0].id == pos_id

    # Settings later, the same page: the saved store and register are found and reused
    settings_dialog = await open_settings(None, make_env(), None, page="store")
    qtbot.addWidget(settings_dialog)
    store = settings_dialog.page("store")
    await wait_until(lambda: store.pos_box.count() > 1 and idle(settings_dialog), 10, "the saved register")
    assert store.store_box.currentData() == "KIOSCO1" and store.pos_box.currentData() == "CAJA1"
    click(qtbot, store.apply_button)
    await wait_until(lambda: store.result.kind == "ok", 10, "the check")
    assert "which will be reused" in store.result.text() and "found the register Caja 1" in store.result.text()
    assert store.state.provisioned.pos.id == pos_id and not store.state.provisioned.created_pos
    settings_dialog.close()

    # the next start: the app's services, built from the settings, reuse the same POS
    from qrcashier.services import Options, Services

    options = settings.apply_to(Options(data_dir=tmp_path / "data", load_demo_catalog=False), tokens)
    options.base_url = sandbox.base_url
    (tmp_path / "data").mkdir()
    services = Services(options)
    try:
        await services.start()
        assert not services.provisioned.created_pos and not services.provisioned.created_store
        assert services.pos.id == pos_id
    finally:
        await services.close()
    assert len([p for p in sandbox.state.pos.values() if p.external_id == "CAJA1"]) == 1


@pytest.mark.parametrize("case", ["401", "403", "unreachable", "public_key", "malformed"])
async def test_each_token_error_is_one_sentence(qtbot, make_env, sandbox, http, token, case):
    if case == "unreachable":
        from qrcashier.sandbox.server import SandboxServer

        gone = await SandboxServer.start(host="127.0.0.1", port=0)
        base = gone.base_url
        await gone.close()  # nothing listens there any more: connection refused
        env = make_env(api_base_url=base)
    else:
        env = make_env()
    text = {"public_key": "APP_USR-" + str(uuid.UUID(int=0)), "malformed": "two words"}.get(case, token)
    if case == "401":
        await control(http, sandbox, token, "POST", "/sandbox/token/revoke")
    if case == "403":
        await control(http, sandbox, token, "POST", "/sandbox/account/qr", {"enabled": False})
    dialog = await open_wizard(qtbot, env)
    click(qtbot, dialog.page("mode").account_button)
    await next_page(qtbot, dialog, "token")
    await paste_token(qtbot, dialog, text)
    page = dialog.page("token")
    expected = {"401": "unauthorized", "403": "forbidden", "unreachable": "unreachable", "public_key": "public_key",
                "malformed": "invalid"}[case]
    assert page.state.check.kind == expected and not page.state.check.ok
    assert page.result.kind == "error" and page.result.text() == TOKEN_MESSAGES[expected]
    assert page.result.text().count(". ") == 0  # one sentence
    assert not dialog.next_button.isEnabled()
    assert token not in page.result.text()


async def test_a_test_token_is_flagged_as_a_test_account(qtbot, make_env, memory_keyring):
    dialog = await open_wizard(qtbot, make_env())
    click(qtbot, dialog.page("mode").account_button)
    await next_page(qtbot, dialog, "token")
    await paste_token(qtbot, dialog, "TEST-sandboxseller")
    page = dialog.page("token")
    assert page.state.check.ok and page.state.check.is_test
    assert page.test_note.isVisible() and page.test_note.text() == TEST_ACCOUNT_NOTE
    assert dialog.next_button.isEnabled()


async def test_without_a_secure_store_it_says_so_and_offers_the_alternatives(
    qtbot, make_env, settings, token, tmp_path
):
    nowhere = TokenStore(BackendChoice(None, "none", "This computer has no secure password store running."), environ={})
    env = make_env(tokens=nowhere, choose=lambda: BackendChoice(None, "none", "still none"))
    dialog = await open_wizard(qtbot, env)
    click(qtbot, dialog.page("mode").account_button)
    await next_page(qtbot, dialog, "token")
    page = dialog.page("token")
    assert page.insecure.isVisible() and "no secure password store" in page.insecure_text.text()
    texts = " ".join(label.text() for label in page.insecure.findChildren(type(page.insecure_text)))
    assert "session only" in texts and "QRCASHIER_ACCESS_TOKEN" in texts and "sandbox" in texts
    await paste_token(qtbot, dialog, token)
    assert page.state.check.ok and not dialog.next_button.isEnabled()  # nowhere safe to keep it yet
    click(qtbot, page.recheck_button)
    assert page.insecure_text.text() == "still none"
    page.session_box.setChecked(True)
    assert dialog.next_button.isEnabled()
    await next_page(qtbot, dialog, "store")
    store = dialog.page("store")
    await wait_until(lambda: store.store_box.count() > 0 and idle(dialog), 10, "the store list")
    fill_address(store)
    await through_store_to_finish(qtbot, dialog, tmp_path)
    assert nowhere.get() == AccessToken(token) and "this session only" in nowhere.where()
    assert token not in Path(settings.file_name).read_text(encoding="utf-8")


async def test_settings_replace_and_remove_the_token_after_the_pin(
    qtbot, make_env, settings, tokens, memory_keyring, token
):
    from qrcashier.supervisor import hash_pin
    from qrcashier.ui.supervisor.pin import SupervisorGate

    settings.mode = Mode.ACCOUNT
    settings.pin_hash = hash_pin(PIN)
    tokens.set(AccessToken(token))
    audit: list[tuple] = []

    async def write(actor, action, reason, details):
        audit.append((actor, action, details))

    gate = SupervisorGate(settings)
    import asyncio

    opening = asyncio.ensure_future(open_settings(None, make_env(audit=write), gate, page="token"))
    await wait_until(lambda: gate.prompt is not None and gate.prompt.isVisible(), 10, "the PIN prompt")
    gate.prompt.name_field.setText("Marta")
    gate.prompt.pin_field.setText(PIN)
    click(qtbot, gate.prompt.ok_button)
    dialog = await opening
    qtbot.addWidget(dialog)
    page = dialog.page("token")
    await wait_until(lambda: "Current token: SANDBOX-" in page.current.text(), 10, "the saved token's hint")
    assert dialog.current is page
    assert token not in page.current.text()
    changed: list = []
    dialog.token_changed.connect(changed.append)
    await paste_token(qtbot, dialog, "TEST-sandboxseller")
    click(qtbot, dialog.save_button)
    await wait_until(lambda: dialog.message.kind == "ok", 10, "Save")
    assert memory_keyring.store == {(SERVICE, "register:default"): "TEST-sandboxseller"}
    assert settings.test_account and changed and changed[-1].is_test
    assert ("Marta", "token_replaced") in [(a, b) for a, b, _ in audit]
    click(qtbot, page.remove_button)
    await wait_until(lambda: page.confirm_box is not None and page.confirm_box.isVisible(), 10, "the confirmation")
    page.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    await wait_until(lambda: memory_keyring.store == {}, 10, "the removal")
    await wait_until(lambda: ("Marta", "token_removed") in [(a, b) for a, b, _ in audit], 10, "the audit row")
    assert changed[-1] is None and tokens.get() is None
