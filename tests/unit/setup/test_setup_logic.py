"""The setup logic below ui/ (qrcashier.setup, qrcashier.paths): no QApplication, no socket."""

from __future__ import annotations

import asyncio

import pytest

from qrcashier.mercadopago.secret import AccessToken
from qrcashier.settings import Mode
from qrcashier.setup.constants import DEFAULT_API_URL, SANDBOX_TOKEN
from qrcashier.setup.env import MissingToken, SetupEnv
from qrcashier.setup.state import SetupState, TokenCheck
from qrcashier.token_store import TokenStoreError


class FakeSettings:
    """The few AppSettings fields SetupState.from_settings reads."""

    mode = Mode.ACCOUNT
    store_name, store_external_id = "Kiosco", "KIOSCO1"
    register_name, pos_external_id = "Caja 1", "CAJA1"
    printer = "EPSON"
    language = "es"
    api_generation, qr_mode = "orders", "dynamic"
    self_service = True
    endpoint_public_url = None
    unattended_contract = "400"
    endpoint_host, endpoint_port = "127.0.0.1", 9000
    site = "MLA"


def run(coro):
    return asyncio.run(coro)


def test_state_starts_from_the_settings():
    state = SetupState.from_settings(FakeSettings())
    assert (state.mode, state.pos_external_id, state.printer, state.language) == (Mode.ACCOUNT, "CAJA1", "EPSON", "es")
    assert (state.api_generation, state.qr_mode, state.unattended_contract) == ("orders", "dynamic", "400")
    assert state.self_service and state.public_url == "" and state.endpoint_port == 9000
    assert state.token is None and state.pin_hash is None and state.messages == []


def test_token_check_carries_what_was_found():
    check = TokenCheck(True, "ok", "Connected", user="u", stores=("s",), is_test=True)
    assert check.ok and check.stores == ("s",) and check.is_test


def test_env_defaults_and_printers():
    env = SetupEnv(FakeSettings(), tokens=None)
    assert env.api_base_url == DEFAULT_API_URL and env.sandbox_token == SANDBOX_TOKEN == "SANDBOX-MLA-demo"
    assert env.printers() == []  # the window passes Qt's list; none without it
    env = SetupEnv(FakeSettings(), tokens=None, printers=lambda: ("A", "B"), api_base_url="http://127.0.0.1:1/")
    assert env.printers() == ["A", "B"] and env.api_base_url == "http://127.0.0.1:1"


def test_account_client_without_a_token_is_a_missing_token():
    env = SetupEnv(FakeSettings(), tokens=None)
    with pytest.raises(MissingToken) as caught:
        run(env.client(Mode.ACCOUNT, None))
    assert isinstance(caught.value, TokenStoreError)


def test_account_client_uses_the_api_and_the_token():
    async def go():
        env = SetupEnv(FakeSettings(), tokens=None, api_base_url="http://127.0.0.1:9")
        try:
            client = await env.client(Mode.ACCOUNT, AccessToken("APP_USR-1234567890-abcdef"))
            return str(client.http.base_url).rstrip("/"), client.http.token.hint
        finally:
            await env.aclose()

    base, hint = run(go())
    assert base == "http://127.0.0.1:9" and "1234567890-abcdef" not in hint


def test_write_audit_passes_the_row_and_never_raises():
    rows = []

    async def audit(actor, action, reason, details):
        rows.append((actor, action, reason, details))
        if action == "boom":
            raise RuntimeError("journal closed")

    env = SetupEnv(FakeSettings(), tokens=None, audit=audit)
    run(env.write_audit("ana", "pin_changed"))
    run(env.write_audit("ana", "boom", "why", {"k": 1}))
    assert rows == [("ana", "pin_changed", "", {}), ("ana", "boom", "why", {"k": 1})]
    run(SetupEnv(FakeSettings(), tokens=None).write_audit("ana", "pin_changed"))  # no journal yet: nothing
