"""presenter.sale_session: the sale's state, lock, countdown and buttons, without Qt or sockets."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from qrcashier.checkout.errors import CheckoutError, NotReady
from qrcashier.domain.sale import Attempt, AttemptState, FailureKind
from qrcashier.mercadopago.errors import MercadoPagoError, Unreachable
from qrcashier.presenter.sale_session import (
    LIVE,
    SaleSession,
    SaleState,
    attempt_state,
    charge_error_state,
    engine_state,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _attempt(state=AttemptState.WAITING, attempt_id=1, expires_in=300) -> Attempt:
    return Attempt(
        attempt_id, 10, 1, "REG1", "REF-1", "key-1", "qr", Decimal("100.00"), state,
        NOW, NOW, NOW + timedelta(seconds=expires_in), "a message",
    )


def _session(ready=True) -> SaleSession:
    s = SaleSession(now=lambda: NOW)
    s.engine_ready = s.has_engine = ready
    return s


@pytest.mark.parametrize(("engine", "expected"), [
    ("created", SaleState.PUBLISHING), ("publishing", SaleState.PUBLISHING), ("waiting", SaleState.WAITING),
    ("unknown", SaleState.CHECKING), ("cancel_requested", SaleState.CANCELLING), ("paid", SaleState.PAID),
    ("cancelled", SaleState.CANCELLED), ("expired", SaleState.EXPIRED), ("failed", SaleState.FAILED),
    ("needs_review", SaleState.NEEDS_REVIEW), ("voided", SaleState.VOIDED), ("something new", SaleState.FAILED),
])
def test_every_engine_state_maps_to_a_cashier_state(engine, expected):
    assert engine_state(engine) == expected


def test_every_attempt_state_is_mapped():
    for state in AttemptState:
        assert engine_state(state) != SaleState.FAILED or state == AttemptState.FAILED


def test_live_states_lock_the_cart():
    assert {SaleState.WAITING, SaleState.PUBLISHING, SaleState.CHECKING, SaleState.CANCELLING} <= LIVE
    assert not {SaleState.PAID, SaleState.FAILED, SaleState.OFFLINE, SaleState.EXPIRED} & LIVE


def test_a_failure_marked_offline_reads_offline():
    a = _attempt(AttemptState.FAILED)
    assert attempt_state(replace(a, failure=FailureKind.OFFLINE)) == SaleState.OFFLINE
    assert attempt_state(replace(a, failure=FailureKind.REFUSED)) == SaleState.FAILED
    assert attempt_state(replace(a, failure=None)) == SaleState.FAILED


def test_offline_is_never_parsed_from_the_message():
    a = replace(_attempt(AttemptState.FAILED), message=Unreachable.default_user_message)
    assert attempt_state(a) == SaleState.FAILED


@pytest.mark.parametrize(("exc", "expected"), [
    (NotReady("not yet"), SaleState.STARTING),
    (Unreachable(), SaleState.OFFLINE),
    (MercadoPagoError("refused"), SaleState.FAILED),
    (CheckoutError("no"), SaleState.FAILED),
    (ValueError("bad cart"), SaleState.FAILED),
])
def test_charge_errors(exc, expected):
    assert charge_error_state(exc) == expected


def test_charge_intent_locks_then_failure_unlocks():
    s = _session()
    assert s.charge_started() == SaleState.PUBLISHING and s.locked
    assert not s.buttons(has_lines=True).charge and not s.buttons(has_lines=True).clear
    assert s.charge_failed(Unreachable()) == SaleState.OFFLINE
    assert not s.locked and s.buttons(has_lines=True).charge


def test_charge_sent_then_following_the_attempt():
    s = _session()
    s.charge_started()
    s.charge_sent()
    assert not s.charging
    assert s.follow(_attempt(AttemptState.WAITING)) == SaleState.WAITING and s.locked


def test_buttons_idle():
    b = _session().buttons(has_lines=True)
    assert b.charge and b.edit_lines and b.free_item and b.clear and b.sales


def test_charge_needs_lines_and_a_ready_engine():
    assert not _session().buttons(has_lines=False).charge
    s = _session(ready=False)
    b = s.buttons(has_lines=True)
    assert not b.charge and not b.sales and b.clear


def test_buttons_while_live():
    s = _session()
    s.follow(_attempt(AttemptState.WAITING))
    b = s.buttons(has_lines=True)
    assert not (b.charge or b.edit_lines or b.free_item or b.clear) and b.sales


def test_after_paid_only_a_new_sale_can_start():
    s = _session()
    assert s.follow(_attempt(AttemptState.PAID)) == SaleState.PAID and s.finished and not s.locked
    b = s.buttons(has_lines=True)
    assert not b.charge and not b.edit_lines and b.free_item and b.clear


def test_a_later_waiting_keeps_the_customers_read():
    s = _session()
    s.follow(_attempt(AttemptState.WAITING))
    assert s.follow(_attempt(AttemptState.WAITING), shown="scanned") == SaleState.SCANNED
    assert s.follow(_attempt(AttemptState.WAITING), shown="rejected") == SaleState.REJECTED


def test_a_new_attempt_does_not_inherit_the_read():
    s = _session()
    s.follow(_attempt(AttemptState.WAITING, attempt_id=1))
    assert s.follow(_attempt(AttemptState.WAITING, attempt_id=2), shown="scanned") == SaleState.WAITING


def test_restore_after_restart_follows_the_live_attempt():
    s = _session(ready=False)  # the window restores before the engine is ready
    assert s.follow(_attempt(AttemptState.UNKNOWN)) == SaleState.CHECKING and s.locked


def test_countdown_of_a_live_attempt():
    s = _session()
    assert s.countdown() is None
    s.follow(_attempt(AttemptState.WAITING, expires_in=90))
    assert s.countdown() == 90


def test_no_countdown_once_final():
    s = _session()
    s.follow(_attempt(AttemptState.EXPIRED, expires_in=-5))
    assert s.countdown() is None


# --- states that say what is true (issue 14.3) ------------------------------------------------


def test_a_cart_with_lines_is_a_sale_in_progress():
    assert SaleSession.ready_state(has_lines=False) == SaleState.IDLE
    assert SaleSession.ready_state(has_lines=True) == SaleState.CART


@pytest.mark.parametrize("shown", ["waiting", "scanned", "rejected"])
def test_network_lost_while_on_the_qr_is_verifying_until_it_answers(shown):
    s = _session()
    s.follow(_attempt())
    assert s.connection_problem(shown) == SaleState.VERIFYING
    assert s.while_offline("waiting") == SaleState.VERIFYING  # a re-read of the attempt does not undo it
    assert s.locked  # still live: no second charge
    assert s.connection_back(SaleState.VERIFYING) is True  # the attempt's own state comes back
    assert s.while_offline("waiting") is None


def test_network_lost_at_charge_says_not_reached_after_a_few_tries_and_no_countdown():
    from qrcashier.presenter.sale_session import TRIES_BEFORE_NOT_REACHED

    s = _session()
    s.follow(_attempt(AttemptState.UNKNOWN))
    assert s.countdown() is None  # it is not known whether the order reached the QR
    answers = [s.connection_problem(SaleState.CHECKING) for _ in range(TRIES_BEFORE_NOT_REACHED)]
    assert answers[:-1] == [None] * (TRIES_BEFORE_NOT_REACHED - 1) and answers[-1] == SaleState.NOT_REACHED
    assert SaleState.NOT_REACHED in LIVE
    assert s.connection_back(SaleState.NOT_REACHED) is True and s.problems == 0


def test_a_problem_outside_a_charge_changes_nothing_on_screen():
    s = _session()
    assert s.connection_problem("idle") is None and s.connection_problem("paid") is None
    assert s.connection_back("idle") is False
