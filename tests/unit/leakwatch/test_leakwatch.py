"""The leak watch itself must be able to fail, or the token test proves nothing."""

import logging
from datetime import UTC, datetime

import pytest

from qrcashier.checkout.errors import CheckoutError, NotChargeable, NotReady, RegisterBusy, UnknownRecord
from qrcashier.mercadopago.errors import Cause, MercadoPagoError, RateLimited, Unauthorized
from tests.support.leakwatch import DERIVED_TOKENS, KNOWN_TOKEN, ExceptionWatch, LeakWatch


def test_watch_sees_token_in_message_args_and_traceback():
    watch = LeakWatch("SECRET-abc")
    log = logging.getLogger("leakwatch.selftest")
    log.addHandler(watch)
    log.propagate = False
    try:
        log.warning("clean line")
        assert watch.leaks == []
        log.warning("header was %s", "Bearer SECRET-abc")
        assert len(watch.leaks) == 1
        try:
            raise RuntimeError("boom SECRET-abc")
        except RuntimeError:
            log.exception("failed")
        assert len(watch.leaks) == 2
    finally:
        log.removeHandler(watch)
        log.propagate = True


def test_session_watch_is_installed_and_has_seen_records(leak_watch):
    logging.getLogger("qrcashier.selftest").debug("a debug line the watch must see")
    assert leak_watch in logging.getLogger().handlers
    assert leak_watch.records_seen > 0


# --- a set of secrets ---------------------------------------------------------------------


def test_watch_holds_a_set_of_secrets_and_takes_more():
    watch = LeakWatch(["SECRET-one-1111", "SECRET-two-2222"])
    watch.check_text("a", "only SECRET-two-2222 here")
    assert len(watch.leaks) == 1
    watch.check_text("b", "SECRET-three-3333 not yet watched")
    assert len(watch.leaks) == 1
    assert watch.watch("SECRET-three-3333") == "SECRET-three-3333"
    watch.check_text("c", "SECRET-three-3333 now watched")
    assert len(watch.leaks) == 2
    assert watch.secrets == {"SECRET-one-1111", "SECRET-two-2222", "SECRET-three-3333"}
    with pytest.raises(ValueError):
        watch.watch("")


def test_session_watch_holds_the_known_and_the_derived_tokens(leak_watch, token):
    assert {KNOWN_TOKEN, *DERIVED_TOKENS} <= leak_watch.secrets
    assert token.replace("-MLA-", "-MLC-") in leak_watch.secrets  # tests/unit/client's clp_token
    assert "SANDBOX-nosite-cli" in leak_watch.secrets  # tests/integration/sandbox/test_cli's subprocess seller


@pytest.fixture
def made_token() -> str:
    return "SANDBOX-MLU-made-by-a-fixture-5e1d"


def test_a_token_a_fixture_makes_is_watched(leak_watch, made_token):
    assert made_token in leak_watch.secrets


def test_a_token_an_in_process_sandbox_accepts_is_watched(leak_watch):
    from qrcashier.domain.money import site
    from qrcashier.sandbox.clock import Clock
    from qrcashier.sandbox.state import SandboxState

    state = SandboxState(default_site=site("MLA"), clock=Clock(datetime(2025, 1, 1, tzinfo=UTC)))
    state.authenticate("SANDBOX-MLB-accepted-by-a-sandbox-7c2f")
    assert "SANDBOX-MLB-accepted-by-a-sandbox-7c2f" in leak_watch.secrets


# --- exceptions, even those a pytest.raises swallows ---------------------------------------

SELFTEST_SECRET = "SECRET-exception-selftest-91b3"  # never in the session watch


def test_session_watch_does_not_hold_the_selftest_secret(leak_watch):
    assert SELFTEST_SECRET not in leak_watch.secrets


def test_a_token_in_a_mercadopago_error_inside_pytest_raises_is_caught(exception_watch):
    with exception_watch.also(LeakWatch(SELFTEST_SECRET)) as watch:
        with pytest.raises(Unauthorized):
            raise Unauthorized(f"bad token {SELFTEST_SECRET}", status=401, path="/users/me")
        assert len(watch.leaks) == 1
        assert "Unauthorized created at" in watch.leaks[0] and __file__ in watch.leaks[0]
        assert "test_a_token_in_a_mercadopago_error_inside_pytest_raises_is_caught" in watch.leaks[0]
        # A subclass with its own __init__ (set after super().__init__): checked once, when complete.
        with pytest.raises(RateLimited):
            raise RateLimited(status=429, path=f"/pos?token={SELFTEST_SECRET}", retry_after=1.0)
        assert len(watch.leaks) == 2
        # Only in an attribute, not in the message: the errors promise never to hold the token.
        with pytest.raises(MercadoPagoError):
            raise MercadoPagoError("clean", causes=(Cause("x", SELFTEST_SECRET),))
        assert len(watch.leaks) == 3
    assert watch not in exception_watch.watches


def test_a_token_in_a_checkout_error_inside_pytest_raises_is_caught(exception_watch):
    with exception_watch.also(LeakWatch(SELFTEST_SECRET)) as watch:
        with pytest.raises(CheckoutError):
            raise NotChargeable(f"cannot charge with {SELFTEST_SECRET}")
        with pytest.raises(RegisterBusy):
            raise RegisterBusy(f"busy, {SELFTEST_SECRET}", live_attempt_id=3)
        assert len(watch.leaks) == 2
        with pytest.raises(CheckoutError):
            raise NotReady("clean")
        assert len(watch.leaks) == 2


def test_a_subclass_defined_later_is_checked_too(exception_watch):
    class LateError(MercadoPagoError):
        def __init__(self, secret: str) -> None:
            super().__init__("late")
            self.secret = secret

    with exception_watch.also(LeakWatch(SELFTEST_SECRET)) as watch:
        with pytest.raises(LateError):
            raise LateError(SELFTEST_SECRET)
        assert len(watch.leaks) == 1


def test_every_project_exception_is_checked_when_created(exception_watch):
    before = exception_watch.instances_checked
    MercadoPagoError("one")
    RateLimited("two", retry_after=1)
    UnknownRecord("three")
    assert exception_watch.instances_checked == before + 3


def test_an_exception_watch_installs_and_uninstalls_cleanly():
    class Base(Exception):
        def __init__(self, message: str) -> None:
            super().__init__(message)

    class Child(Base):
        def __init__(self, message: str, extra: int) -> None:
            super().__init__(message)
            self.extra = extra

    base_init, child_init = Base.__init__, Child.__init__
    watch = LeakWatch(SELFTEST_SECRET)
    exceptions = ExceptionWatch(watch, context=lambda: "selftest")
    exceptions.install(Base)
    try:
        Child(SELFTEST_SECRET, 1)
        Base(SELFTEST_SECRET)

        class Later(Base):
            pass

        Later(SELFTEST_SECRET)
        Base("clean")
        assert exceptions.instances_checked == 4
        assert len(watch.leaks) == 3 and all("(during selftest)" in leak for leak in watch.leaks)
    finally:
        exceptions.uninstall()
    assert Base.__init__ is base_init and Child.__init__ is child_init
    assert "__init_subclass__" not in Base.__dict__
    Base(SELFTEST_SECRET)
    assert len(watch.leaks) == 3
