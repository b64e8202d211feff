"""Self-service (the unattended model) in the settings, on the command line and in the setup
wizard: the store page creates a POS that carries the merchant endpoint's url (fixed amount),
its errors are one sentence each, the command line wins over the settings, and the app's
options get the endpoint's fixed port (and the endpoint really listens there)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from qrcashier.cli import build_parser
from qrcashier.mercadopago.secret import AccessToken
from qrcashier.services import Options, Services
from qrcashier.settings import DEFAULT_ENDPOINT_PORT, AppSettings, Mode
from qrcashier.setup.constants import SANDBOX_TOKEN
from qrcashier.setup.support_text import support_text
from qrcashier.ui.setup.messages import UNATTENDED_MESSAGES
from qrcashier.ui.setup.wizard import open_settings
from tests.ui.setup.drive import click, fill_address, idle, next_page, open_wizard, paste_token, set_pin_and_finish
from tests.ui.setup.helpers import control, wait_until

PUBLIC = "https://pay.example.com/mp/unattended"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sandbox_pos(sandbox, external_id: str = "CAJA1"):
    found = [p for p in sandbox.state.pos.values() if p.external_id == external_id]
    assert len(found) == 1, found
    return found[0]


def type_url(store, text: str) -> None:
    store.public_url.setText(text)
    store._edited(text)


async def store_page(qtbot, dialog, mode: Mode, token: str | None = None):
    """From the mode page to a loaded store page (a new store and register, address typed)."""
    click(qtbot, (dialog.page("mode").account_button if mode == Mode.ACCOUNT else dialog.page("mode").sandbox_button))
    if mode == Mode.ACCOUNT:
        await next_page(qtbot, dialog, "token")
        await paste_token(qtbot, dialog, token)
    await next_page(qtbot, dialog, "store")
    store = dialog.page("store")
    await wait_until(lambda: store.store_box.count() > 0 and idle(dialog), 10, "the store list")
    if mode == Mode.ACCOUNT:
        fill_address(store)
    assert store.attended_radio.isChecked() and store.self_service_box.isHidden()  # attended unless chosen
    return store


async def sticker_to_finish(qtbot, dialog) -> None:
    await next_page(qtbot, dialog, "printer")
    await next_page(qtbot, dialog, "pin")
    await set_pin_and_finish(qtbot, dialog)


async def wait_paid(engine, attempt_id: int, timeout: float = 10.0) -> None:
    from qrcashier.domain.sale import AttemptState

    async def paid() -> bool:
        return (await engine.attempt(attempt_id)).state == AttemptState.PAID

    await wait_until(paid, timeout, f"attempt {attempt_id} to be paid")


# --- the settings and the command line ----------------------------------------------------------


def test_self_service_settings_round_trip_and_are_checked(settings):
    assert not settings.self_service and settings.unattended_contract == "202"
    assert (settings.endpoint_host, settings.endpoint_port, settings.endpoint_public_url) == (
        "127.0.0.1", DEFAULT_ENDPOINT_PORT, None)
    assert DEFAULT_ENDPOINT_PORT == 8780
    settings.self_service = True
    settings.unattended_contract = "400"
    settings.endpoint_host = "0.0.0.0"
    settings.endpoint_port = 9443
    settings.endpoint_public_url = PUBLIC
    settings.sync()
    again = AppSettings()
    assert again.self_service and again.unattended_contract == "400"
    assert (again.endpoint_host, again.endpoint_port, again.endpoint_public_url) == ("0.0.0.0", 9443, PUBLIC)
    again.endpoint_port = 0  # any free port: kept, not taken for "unset"
    assert AppSettings().endpoint_port == 0
    for name, bad in (("unattended_contract", "200"), ("endpoint_port", 70000), ("endpoint_port", -1),
                      ("endpoint_host", "my host"), ("endpoint_public_url", "ftp://pay.example.com/mp"),
                      ("endpoint_public_url", "not a url"), ("endpoint_public_url", PUBLIC + "#frag")):
        with pytest.raises(ValueError):
            setattr(settings, name, bad)
    settings.endpoint_public_url = ""  # cleared
    settings.self_service = False
    assert AppSettings().endpoint_public_url is None and not AppSettings().self_service
    assert "self-service: off" in support_text(settings)
    settings.self_service = True
    assert "self-service: on · contract 400 · endpoint 0.0.0.0:0" in support_text(settings)


def parse(tmp_path: Path, *flags: str) -> Options:
    return Options.from_args(build_parser().parse_args(["--data-dir", str(tmp_path / "data"), *flags]))


def test_the_command_line_wins_over_the_settings(settings, tmp_path):
    settings.mode = Mode.SANDBOX
    settings.self_service = True
    settings.unattended_contract = "400"
    settings.endpoint_port = 9001
    settings.endpoint_public_url = PUBLIC
    settings.qr_mode = "dynamic"
    # no flags: the settings decide
    options = settings.apply_to(parse(tmp_path))
    assert options.self_service and options.unattended_contract == "400"
    assert (options.endpoint_host, options.endpoint_port, options.endpoint_public_url) == ("127.0.0.1", 9001, PUBLIC)
    assert options.qr_mode == "dynamic" and options.from_command_line == frozenset()
    # every flag given: the command line decides
    options = settings.apply_to(parse(
        tmp_path, "--no-self-service", "--unattended-contract", "202", "--endpoint-host", "127.0.0.2",
        "--endpoint-port", "0", "--endpoint-public-url", "https://other.example.com/mp", "--qr-mode", "static",
    ))
    assert not options.self_service and options.unattended_contract == "202"
    assert (options.endpoint_host, options.endpoint_port, options.endpoint_public_url) == (
        "127.0.0.2", 0, "https://other.example.com/mp")
    assert options.qr_mode == "static"  # --qr-mode static is a choice too, not "unset"
    # one flag: only that one
    settings.self_service = False
    options = settings.apply_to(parse(tmp_path, "--self-service"))
    assert options.self_service and options.endpoint_port == 9001 and options.unattended_contract == "400"
    # nothing in the settings, no flag: the fixed default port (also what --sandbox, which skips the settings, uses)
    assert parse(tmp_path).endpoint_port == DEFAULT_ENDPOINT_PORT
    assert parse(tmp_path, "--sandbox", "--self-service").endpoint_port == DEFAULT_ENDPOINT_PORT


@pytest.mark.parametrize("flags", [["--endpoint-port", "70000"], ["--endpoint-port", "http"],
                                   ["--endpoint-public-url", "pay.example.com/mp"],
                                   ["--unattended-contract", "200"]])
def test_bad_self_service_flags_are_refused(flags, capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(flags)


@pytest.mark.asyncio
async def test_the_app_options_get_the_fixed_port_and_the_endpoint_listens_there(settings, tokens, token, sandbox,
                                                                                  tmp_path):
    port = free_port()
    settings.mode = Mode.ACCOUNT
    settings.store_external_id, settings.pos_external_id = "KIOSCO1", "CAJA1"
    settings.self_service = True
    settings.endpoint_port = port
    tokens.set(AccessToken(token))
    options = settings.apply_to(Options(data_dir=tmp_path / "data", load_demo_catalog=False), tokens)
    assert options.self_service and options.endpoint_port == port and options.endpoint_public_url is None
    options.base_url = sandbox.base_url
    services = Services(options)
    try:
        await services.start()
        assert services.endpoint.base_url == f"http://127.0.0.1:{port}"
        assert services.pos.url == f"http://127.0.0.1:{port}/mp/unattended?pos=CAJA1" and services.pos.fixed_amount
    finally:
        await services.close()


# --- the wizard and Settings ------------------------------------------------------------------------


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_the_wizard_creates_a_self_service_pos_on_the_public_url(qtbot, make_env, settings, tokens, sandbox,
                                                                        token, tmp_path):
    dialog = await open_wizard(qtbot, make_env())
    store = await store_page(qtbot, dialog, Mode.ACCOUNT, token)
    click(qtbot, store.self_service_radio)
    assert store.self_service_box.isVisible() and "reverse proxy" in store.url_hint.text()
    # a real account needs the public https address, checked before any call
    for text, kind in (("", "missing_url"), ("not a url", "invalid_url"), ("http://pay.example.com/mp", "https"),
                       ("https://pay.example.com/" + "p" * 270, "too_long")):
        type_url(store, text)
        assert store.problem.text() == UNATTENDED_MESSAGES[kind], text
        assert not dialog.next_button.isEnabled() and not store.apply_button.isEnabled()
    assert not [p for p in sandbox.state.pos.values() if p.external_id == "CAJA1"]
    type_url(store, PUBLIC)
    assert store.problem.text() == "" and dialog.next_button.isEnabled()
    await next_page(qtbot, dialog, "sticker")  # Next creates the self-service POS
    pos = sandbox_pos(sandbox)
    assert pos.url == PUBLIC + "?pos=CAJA1" and pos.fixed_amount
    assert store.state.provisioned.pos.url == pos.url and "Self-service" in store.result.text()
    await sticker_to_finish(qtbot, dialog)
    assert "Self-service" in dialog.page("done").summary.text()
    assert settings.self_service and settings.endpoint_public_url == PUBLIC and settings.is_configured()

    # the next start: the app's endpoint, on the settings' fixed port, serves the POS's url as it is
    settings.endpoint_port = port = free_port()
    options = settings.apply_to(Options(data_dir=tmp_path / "data", load_demo_catalog=False), tokens)
    options.base_url = sandbox.base_url
    services = Services(options)
    try:
        await services.start()
        assert services.endpoint.base_url.endswith(f":{port}")
        assert services.endpoint.pos_url("CAJA1") == pos.url
        assert services.pos.id == pos.id and services.pos.url == pos.url and not services.provisioned.created_pos
    finally:
        await services.close()


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_in_the_sandbox_the_pos_calls_the_local_endpoint_and_a_sale_is_paid(qtbot, make_env, settings,
                                                                                 sandbox, tmp_path):
    from qrcashier.domain.cart import Cart
    from qrcashier.domain.money import SITES

    port = free_port()
    settings.endpoint_port = port  # the fixed port the wizard builds the local url on
    dialog = await open_wizard(qtbot, make_env())
    store = await store_page(qtbot, dialog, Mode.SANDBOX)
    click(qtbot, store.self_service_radio)
    local = f"http://127.0.0.1:{port}/mp/unattended"
    assert local in store.url_hint.text()
    assert store.problem.text() == "" and dialog.next_button.isEnabled()  # no public URL needed here
    await next_page(qtbot, dialog, "sticker")
    pos = sandbox_pos(sandbox)
    assert pos.url == local + "?pos=CAJA1" and pos.fixed_amount
    await sticker_to_finish(qtbot, dialog)
    assert settings.mode == Mode.SANDBOX and settings.self_service and settings.endpoint_public_url is None

    # the app on the same sandbox: Charge places the order on the endpoint, the sandbox's scan fetches it
    options = settings.apply_to(Options(data_dir=tmp_path / "data", load_demo_catalog=False))
    assert options.sandbox and options.self_service and options.endpoint_port == port
    options.sandbox, options.base_url, options.token = False, sandbox.base_url, SANDBOX_TOKEN
    services = Services(options)
    try:
        await services.start()
        assert services.pos.id == pos.id and services.pos.url == pos.url
        await services.engine.start()
        cart = Cart(SITES["MLA"])
        cart.add("Alfajor", "450.25", 2)
        attempt = await services.engine.charge(cart)
        http = services.http
        headers = {"Authorization": f"Bearer {SANDBOX_TOKEN}"}
        for action in ("scan", "pay"):
            reply = await http.post(f"{sandbox.base_url}/sandbox/pos/CAJA1/{action}", headers=headers,
                                    json={"status": "approved"} if action == "pay" else None)
            assert reply.status_code < 300, reply.text
        await wait_paid(services.engine, attempt.id)
        assert services.endpoint.status("CAJA1").polls >= 1
    finally:
        await services.close()


@pytest.mark.qt_async
@pytest.mark.asyncio
@pytest.mark.parametrize("case", ["403", "unreachable"])
async def test_each_self_service_error_is_one_sentence(qtbot, make_env, sandbox, http, token, case):
    dialog = await open_wizard(qtbot, make_env())
    store = await store_page(qtbot, dialog, Mode.ACCOUNT, token)
    click(qtbot, store.self_service_radio)
    type_url(store, PUBLIC)
    # Mercado Pago refuses the url (403: the domain is not enabled) or the connection drops
    if case == "403":  # this account has another domain enabled, not the public URL's
        await control(http, sandbox, token, "POST", "/sandbox/account/url-domains", {"domains": ["other.example"]})
    else:
        await control(
            http, sandbox, token, "PUT", "/sandbox/faults", [{"method": "PUT", "path": "/pos/*", "kind": "drop"}]
        )
    click(qtbot, dialog.next_button)
    await wait_until(lambda: store.result.kind == "error" and idle(dialog), 10, "the refusal")
    expected = UNATTENDED_MESSAGES["forbidden" if case == "403" else "unreachable"]
    assert store.result.text() == expected and expected.count(". ") == 0
    assert dialog.current is store and store.state.provisioned is None
    assert token not in store.result.text()


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_settings_switch_a_register_to_self_service_and_back(qtbot, make_env, settings, tokens, sandbox,
                                                                   token, tmp_path):
    # an attended register, set up before
    settings.mode = Mode.ACCOUNT
    settings.store_external_id, settings.pos_external_id = "KIOSCO1", "CAJA1"
    settings.setup_done = True
    tokens.set(AccessToken(token))
    options = settings.apply_to(Options(data_dir=tmp_path / "data", load_demo_catalog=False), tokens)
    options.base_url = sandbox.base_url
    attended = Services(options)
    await attended.start()
    await attended.close()
    assert sandbox_pos(sandbox).url is None

    dialog = await open_settings(None, make_env(), None, page="store")
    qtbot.addWidget(dialog)
    store = dialog.page("store")
    await wait_until(lambda: store.pos_box.currentData() == "CAJA1" and idle(dialog), 10, "the saved register")
    click(qtbot, store.self_service_radio)
    type_url(store, PUBLIC)
    # the Advanced page: the contract and the port; a self-service register needs instore v2 + static QR
    advanced = dialog.page("advanced")
    dialog.nav.setCurrentRow(dialog.pages.index(advanced))
    advanced.contract_box.setCurrentIndex(advanced.contract_box.findData("400"))
    advanced.port_box.setValue(9090)
    advanced.api_box.setCurrentIndex(advanced.api_box.findData("orders"))
    assert advanced.problem.text() == UNATTENDED_MESSAGES["api"] and not dialog.save_button.isEnabled()
    advanced.api_box.setCurrentIndex(advanced.api_box.findData("instore_v2"))
    assert advanced.problem.text() == "" and dialog.save_button.isEnabled()
    click(qtbot, dialog.save_button)
    await wait_until(lambda: dialog.message.kind == "ok" and idle(dialog), 10, "Save")
    assert sandbox_pos(sandbox).url == PUBLIC + "?pos=CAJA1" and sandbox_pos(sandbox).fixed_amount
    assert settings.self_service and settings.endpoint_public_url == PUBLIC
    assert (settings.unattended_contract, settings.endpoint_port) == ("400", 9090)

    # back to an attended register: the url comes off the POS
    dialog.nav.setCurrentRow(dialog.pages.index(store))
    click(qtbot, store.attended_radio)
    assert store.self_service_box.isHidden()
    click(qtbot, dialog.save_button)
    await wait_until(lambda: dialog.message.kind == "ok" and idle(dialog), 10, "Save")
    assert sandbox_pos(sandbox).url is None and not settings.self_service
    assert settings.endpoint_public_url == PUBLIC  # kept for the next time
    dialog.close()
