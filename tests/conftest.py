"""Suite-wide setup, Qt-free: an in-memory keyring, the token leak watch, cycle collection between tests.

Nothing here imports Qt or qrcashier.ui (tests/unit runs with PySide6 unimportable); the Qt
fixtures and the qasync loop factory are in tests/ui/conftest.py.

The leak watch (tests/support/leakwatch.py) holds the suite's tokens: the known one, the
ones derived from it, every `SANDBOX-` token a fixture returns and every token an
in-process sandbox accepts. It scans every log record, every failing test's exception and
report, and every Mercado Pago / checkout exception when it is created (so one that a
`pytest.raises` swallows is scanned too). A leak fails the run at session end.
"""

from __future__ import annotations

import os

# Before anything imports Qt (tests/ui, subprocesses): no display in CI, and qasync must pick PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"
os.environ.setdefault("LANG", "en_US.UTF-8")

import gc
import logging

import keyring
import keyring.backend
import pytest

from tests.support.leakwatch import (
    DERIVED_TOKENS,
    KNOWN_TOKEN,
    MIN_AUTO_SECRET_LENGTH,
    ExceptionWatch,
    LeakWatch,
)


class InMemoryKeyring(keyring.backend.KeyringBackend):
    """Never touches an OS store; the tests' only keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


_watch = LeakWatch([KNOWN_TOKEN, *DERIVED_TOKENS])
_current_test = ""
_exception_watch = ExceptionWatch(_watch, context=lambda: _current_test or "no test")
_unpatch: list = []

# Fixture values that are tokens are watched from the moment the fixture makes them.
SUITE_TOKEN_PREFIXES = ("SANDBOX-",)


def _watch_project_exceptions() -> None:
    """Every MercadoPagoError and CheckoutError (and subclass) is scanned when created."""
    from qrcashier.checkout.errors import CheckoutError
    from qrcashier.mercadopago.errors import MercadoPagoError

    _exception_watch.install(MercadoPagoError, CheckoutError)
    _unpatch.append(_exception_watch.uninstall)


def _watch_sandbox_tokens() -> None:
    """Every token an in-process sandbox accepts (tests make sellers from literals) is watched."""
    from qrcashier.sandbox.state import SandboxState

    original = SandboxState.authenticate

    def authenticate(self, token, *args, **kwargs):
        account = original(self, token, *args, **kwargs)
        if isinstance(token, str) and len(token) >= MIN_AUTO_SECRET_LENGTH:
            _watch.watch(token)
        return account

    SandboxState.authenticate = authenticate
    _unpatch.append(lambda: setattr(SandboxState, "authenticate", original))


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    # The Qt-free run of tests/unit says `-p no:pytestqt`, but pytest-qt registers as "pytest-qt",
    # which that does not block: block it here, before its pytest_configure imports PySide6.
    if pluginmanager.is_blocked("pytestqt"):
        pluginmanager.set_blocked("pytest-qt")


def pytest_configure(config: pytest.Config) -> None:
    root = logging.getLogger()
    root.addHandler(_watch)
    _watch_project_exceptions()
    _watch_sandbox_tokens()
    if root.level > logging.DEBUG or root.level == logging.NOTSET:
        root.setLevel(logging.DEBUG)  # so debug lines are scanned too
    keyring.set_keyring(InMemoryKeyring())
    # As in the app (qrcashier.ui.shell.gc_guard): reference cycles are collected on the main
    # thread only (_collect_cycles_on_the_main_thread). Left to CPython, a journal or executor
    # thread may collect an earlier test's widgets, and Qt warns ("Timers cannot be stopped
    # from another thread") or crashes.
    gc.disable()


def pytest_unconfigure(config: pytest.Config) -> None:
    while _unpatch:
        _unpatch.pop()()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    global _current_test
    _current_test = item.nodeid
    try:
        return (yield)
    finally:
        _current_test = ""


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    value = yield
    if isinstance(value, str) and value.startswith(SUITE_TOKEN_PREFIXES) and len(value) >= MIN_AUTO_SECRET_LENGTH:
        _watch.watch(value)
    return value


@pytest.fixture(autouse=True)
def _collect_cycles_on_the_main_thread():
    """After each test, on the main thread: the oldest generation past CPython's own threshold."""
    yield
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [g for g in range(3) if thresholds[g] and counts[g] > thresholds[g]]
    if due:
        gc.collect(due[-1])


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if call.excinfo is not None:
        _watch.check_text(f"exception in {item.nodeid}", f"{call.excinfo.value!s} {call.excinfo.value!r}")
    if report.longrepr is not None:
        _watch.check_text(f"report of {item.nodeid}", str(report.longrepr))
    for _, section in report.sections:
        _watch.check_text(f"captured output of {item.nodeid}", section)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _watch.leaks:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            # Every secret the watch holds is the suite's own fake (KNOWN_TOKEN, its derivations, the
            # SANDBOX- tokens of fixtures and in-process sandboxes): say so, so that a failing test whose
            # report shows one is not read as a real credential leaking.
            reporter.write_sep("=", "TEST ACCESS TOKEN LEAKED (the suite's own fake token, not a real one)", red=True)
            reporter.write_line("The code under test let a token out where it must never go; it is a test token.")
            for leak in _watch.leaks[:20]:
                reporter.write_line(leak)


@pytest.fixture
def token() -> str:
    """The suite's known token: use it for every client and sandbox account."""
    return KNOWN_TOKEN


@pytest.fixture
def memory_keyring() -> InMemoryKeyring:
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def leak_watch() -> LeakWatch:
    return _watch


@pytest.fixture
def exception_watch() -> ExceptionWatch:
    """The session's exception watch; `exception_watch.also(LeakWatch(...))` for a self-test."""
    return _exception_watch
