"""Fixtures shared by tests/ui/setup and tests/ui/supervisor (imported by both conftests).

- `isolated_qsettings` (autouse there): every QSettings built with the default format goes
  to an INI file under the test's tmp_path, never the user's settings.
- `settings`: an AppSettings on that file.
- `tokens`: a TokenStore over the suite's in-memory keyring (conftest's `memory_keyring`).
- `sandbox`: a SandboxServer on a free loopback port.
- `make_env`: a SetupEnv wired to the sandbox, closed after the test.
"""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from PySide6.QtCore import QSettings

from qrcashier.settings import AppSettings
from qrcashier.token_store import BackendChoice, TokenStore
from tests.support.waiting import wait_until as _wait_until

# The fixtures a conftest takes all of (`from tests.ui.setup.helpers import *`);
# the helpers (wait_until, control, TLS) are imported by name.
__all__ = [
    "dialogs_enabled",
    "http",
    "isolated_qsettings",
    "keep_running_when_a_window_closes",
    "make_env",
    "sandbox",
    "settings",
    "tokens",
]

TLS = ssl.create_default_context()  # one TLS context for every client (building one costs ~40 ms)


async def wait_until(predicate, timeout: float = 10.0, what: str = "the condition") -> None:
    await _wait_until(predicate, timeout, what)


@pytest.fixture(autouse=True)
def keep_running_when_a_window_closes(qapp):
    """As the app does (qt-notes §2.2): closing the last dialog must not quit Qt under the loop."""
    qapp.setQuitOnLastWindowClosed(False)


@pytest.fixture(autouse=True)
def dialogs_enabled(monkeypatch):
    """Message boxes on (an in-process self-test elsewhere in the run turns them off globally)."""
    from qrcashier.ui.shell import errors

    monkeypatch.setattr(errors, "_dialogs_enabled", True)


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path: Path):
    folder = tmp_path / "qsettings"
    folder.mkdir()
    previous = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings.setDefaultFormat(previous)
    # Point the INI user scope somewhere harmless again (a later test sets its own).
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def settings(isolated_qsettings: Path) -> AppSettings:
    s = AppSettings()
    assert Path(s.file_name).is_relative_to(isolated_qsettings), s.file_name
    return s


@pytest.fixture
def tokens(memory_keyring, settings: AppSettings) -> TokenStore:
    return TokenStore(BackendChoice.injected(memory_keyring, "the test keyring"), settings.keyring_account, environ={})


@pytest_asyncio.fixture
async def sandbox():
    from qrcashier.sandbox.server import SandboxServer

    # No sweeper tick during teardown: pytest-qt processes Qt events before fixture teardown,
    # outside the running qasync loop, and a task stepped there fails.
    server = await SandboxServer.start(host="127.0.0.1", port=0, sweep_interval=3600, ipn_timeout=1.0)
    try:
        yield server
    finally:
        await server.close()


@pytest_asyncio.fixture
async def http():
    client = httpx.AsyncClient(verify=TLS, timeout=5.0)
    try:
        yield client
    finally:
        await client.aclose()


@pytest_asyncio.fixture
async def make_env(settings, tokens, sandbox, http):
    """SetupEnv(settings, tokens) on the sandbox: account mode talks to it as Mercado Pago."""
    from qrcashier.setup.env import SetupEnv

    made = []

    def make(**kwargs) -> SetupEnv:
        kwargs.setdefault("http", http)
        kwargs.setdefault("api_base_url", sandbox.base_url)
        kwargs.setdefault("sandbox_base_url", sandbox.base_url)
        kwargs.setdefault("printers", lambda: [])
        kwargs.setdefault("timeout", 2.0)
        env = SetupEnv(kwargs.pop("settings", settings), kwargs.pop("tokens", tokens), **kwargs)
        made.append(env)
        return env

    yield make
    for env in made:
        await env.aclose()


async def control(http: httpx.AsyncClient, sandbox, token: str, method: str, path: str, body=None):
    reply = await http.request(method, sandbox.base_url + path, json=body, headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code < 300, reply.text
    return reply.json() if reply.content else None
