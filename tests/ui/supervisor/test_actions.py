"""Supervisor actions with real dialogs, the qasync loop running, the engine on the sandbox:
cancel (and paid wins), refunds full and partial and too much, resolving needs review, audit rows."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from qrcashier.checkout.journal import RefundState
from qrcashier.domain.sale import AttemptState as S
from qrcashier.ui.supervisor.cancel import CancelOrderDialog
from qrcashier.ui.supervisor.refund import RefundDialog
from qrcashier.ui.supervisor.review import ReviewDialog
from tests.ui.setup.helpers import wait_until
from tests.ui.supervisor.rig import MLA, SLOW, enter_pin, wait_state

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]
LEFT = Qt.MouseButton.LeftButton


def plain(widget) -> str:
    """A widget's text with the no-break spaces money is written with made plain."""
    return widget.text().replace("\u00a0", " ")


def show(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


async def test_cancel_with_the_right_pin_is_audited(qtbot, shop):
    async with shop.register() as engine:
        attempt = await shop.charge(engine)
        assert attempt.state == S.WAITING
        dialog = show(qtbot, CancelOrderDialog(engine, shop.gate, attempt, MLA))
        qtbot.mouseClick(dialog.confirm_button, LEFT)
        await wait_until(lambda: "Say why" in dialog.note.text(), 10, "the missing reason")
        assert shop.gate.prompt is None  # no reason, no PIN asked
        dialog.reason.setCurrentText("The customer left")
        qtbot.mouseClick(dialog.confirm_button, LEFT)
        await enter_pin(qtbot, shop.gate)
        await wait_until(lambda: dialog.outcome_kind, 10, "the cancel")
        assert dialog.outcome_kind == "cancelled" and "nobody paid" in dialog.outcome.text()
        assert (await engine.attempt(attempt.id)).state == S.CANCELLED
        row = (await engine.audit_log(attempt_id=attempt.id))[0]
        assert (row.actor, row.action, row.reason) == ("Marta", "cancel_requested", "The customer left")
        assert row.at is not None and row.sale_id == attempt.sale_id


async def test_cancel_when_the_customer_already_paid_shows_paid(qtbot, shop):
    async with shop.register(poll=SLOW) as engine:  # the engine has not read the payment yet
        attempt = await shop.charge(engine)
        await shop.pay()
        dialog = show(qtbot, CancelOrderDialog(engine, shop.gate, attempt, MLA))
        dialog.reason.setCurrentText("The customer pays another way")
        qtbot.mouseClick(dialog.confirm_button, LEFT)
        await enter_pin(qtbot, shop.gate, name="Raúl")
        await wait_until(lambda: dialog.outcome_kind, 10, "the cancel")
        assert dialog.outcome_kind == "paid" and "paid before the cancel" in dialog.outcome.text()
        assert "$ 3.000,00" in plain(dialog.outcome)
        assert (await engine.attempt(attempt.id)).state == S.PAID
        actions = [(r.actor, r.action) for r in await engine.audit_log(attempt_id=attempt.id)]
        assert ("Raúl", "cancel_requested") in actions


async def test_a_wrong_pin_does_not_cancel(qtbot, shop):
    async with shop.register() as engine:
        attempt = await shop.charge(engine)
        dialog = show(qtbot, CancelOrderDialog(engine, shop.gate, attempt, MLA))
        dialog.reason.setCurrentText("Wrong amount")
        qtbot.mouseClick(dialog.confirm_button, LEFT)
        await enter_pin(qtbot, shop.gate, pin="111111")
        prompt = shop.gate.prompt
        await wait_until(lambda: "Wrong PIN" in prompt.message.text(), 10, "the refusal")
        prompt.reject()
        await wait_until(lambda: dialog.confirm_button.isEnabled(), 10, "the dialog to be usable again")
        assert (await engine.attempt(attempt.id)).state == S.WAITING
        assert await engine.audit_log(attempt_id=attempt.id) == []


async def test_partial_then_too_much_then_full_refund(qtbot, shop):
    async with shop.register() as engine:
        attempt, payment = await shop.paid_sale(engine, "3000.00")
        dialog = show(qtbot, RefundDialog(engine, shop.gate, MLA, attempt.id))
        await wait_until(lambda: dialog.payments, 10, "the payments")
        assert "left to refund <b>$ 3.000,00</b>" in plain(dialog.summary)
        assert not dialog.refund_button.isEnabled()  # the reason is required
        dialog.reason.setCurrentText("Returned goods")
        qtbot.keyClicks(dialog.amount_field, "1000,50")
        assert dialog.partial_radio.isChecked() and dialog.refund_button.isEnabled()
        qtbot.mouseClick(dialog.refund_button, LEFT)
        await enter_pin(qtbot, shop.gate)
        await wait_until(lambda: dialog.last_record is not None and not dialog._working, 10, "the partial refund")
        assert dialog.left[payment["id"]] == Decimal("1999.50")
        assert dialog.last_record.state == RefundState.APPROVED and dialog.last_record.amount == Decimal("1000.50")
        assert dialog.outcome.kind == "ok" and "Refunded $ 1.000,50" in plain(dialog.outcome)

        # more than what is left: refused before any PIN or call
        dialog.reason.setCurrentText("Charged twice")
        qtbot.keyClicks(dialog.amount_field, "2000")
        assert not dialog.refund_button.isEnabled()
        assert "more than what is left to refund: at most $ 1.999,50" in plain(dialog.amount_error)
        await dialog.refund()  # even if called anyway
        assert shop.gate.prompt is None and len(await engine.refunds(payment["id"])) == 1

        # everything that is left
        dialog.amount_field.clear()
        dialog.full_radio.setChecked(True)
        assert "($ 1.999,50)" in plain(dialog.full_radio) and dialog.refund_button.isEnabled()
        qtbot.mouseClick(dialog.refund_button, LEFT)
        await enter_pin(qtbot, shop.gate, name="Ana")
        await wait_until(lambda: dialog.last_record.supervisor == "Ana" and not dialog._working, 10, "the full refund")
        assert dialog.left[payment["id"]] == Decimal(0)
        refunds = await engine.refunds(payment["id"])
        assert [(r.amount, r.state, r.supervisor) for r in refunds] == [
            (Decimal("1000.50"), "approved", "Marta"), (Decimal("1999.50"), "approved", "Ana")
        ]
        assert "already refunded in full" in dialog.amount_error.text() and not dialog.refund_button.isEnabled()
        audit = [
            (r.actor, r.action, r.reason, r.details["amount"])
            for r in await engine.audit_log(attempt_id=attempt.id)
            if r.action == "refund_requested"
        ]
        assert audit == [("Ana", "refund_requested", "Charged twice", "1999.50"),
                         ("Marta", "refund_requested", "Returned goods", "1000.50")]
        sandbox_payment = shop.server.state.payments[payment["id"]]
        assert sandbox_payment.status == "refunded"


async def test_a_full_refund_at_once(qtbot, shop):
    async with shop.register() as engine:
        attempt, payment = await shop.paid_sale(engine, "500.00")
        dialog = show(qtbot, RefundDialog(engine, shop.gate, MLA, attempt.id))
        await wait_until(lambda: dialog.payments, 10, "the payments")
        dialog.reason.setCurrentText("Returned goods")
        qtbot.mouseClick(dialog.refund_button, LEFT)
        await enter_pin(qtbot, shop.gate)
        await wait_until(lambda: dialog.last_record is not None and not dialog._working, 10, "the refund")
        assert dialog.last_record.full and dialog.last_record.amount == Decimal("500.00")
        assert dialog.last_record.state == RefundState.APPROVED


async def test_the_engine_refuses_a_refund_over_the_paid_amount_too(qtbot, shop):
    async with shop.register() as engine:
        attempt, payment = await shop.paid_sale(engine, "500.00")
        dialog = show(qtbot, RefundDialog(engine, shop.gate, MLA, attempt.id))
        await wait_until(lambda: dialog.payments, 10, "the payments")
        dialog.left[payment["id"]] = Decimal("99999")  # the dialog is stale or wrong: the engine still says no
        dialog.reason.setCurrentText("Returned goods")
        dialog.amount_field.setText("600")
        dialog.partial_radio.setChecked(True)
        qtbot.mouseClick(dialog.refund_button, LEFT)
        await enter_pin(qtbot, shop.gate)
        await wait_until(lambda: dialog.outcome.kind == "error" and not dialog._working, 10, "the refusal")
        assert "Cannot refund 600.00: only 500.00" in dialog.outcome.text()
        assert await engine.refunds(payment["id"]) == []


async def partial_payment_review(shop, engine):
    attempt = await shop.charge(engine, "3000.00")
    await shop.pay(amount="1000")
    return await wait_state(engine, attempt.id, S.NEEDS_REVIEW)


async def test_resolving_needs_review_after_the_live_lookup(qtbot, shop):
    async with shop.register() as engine:
        attempt = await partial_payment_review(shop, engine)
        dialog = show(qtbot, ReviewDialog(engine, shop.gate, MLA, attempt.id))
        await wait_until(lambda: dialog.lookup is not None, 10, "the live lookup")
        text = dialog.live.text()
        assert "Approved: <b>$ 1.000,00</b> of $ 3.000,00" in text.replace("\u00a0", " ") and "approved" in text
        assert "Only 1000.00 of 3000.00 was paid" in dialog.why.text()
        assert not dialog.void_button.isEnabled()  # a reason first
        dialog.reason.setCurrentText("Checked: not paid")
        assert dialog.void_button.isEnabled() and dialog.paid_button.isEnabled()
        qtbot.mouseClick(dialog.void_button, LEFT)
        await enter_pin(qtbot, shop.gate)
        await wait_until(lambda: dialog.result_attempt is not None, 10, "the resolution")
        assert dialog.result_attempt.state == S.VOIDED
        assert "refund it from the payments list" in dialog.outcome.text()  # 1000 was received: say so
        row = (await engine.audit_log(attempt_id=attempt.id))[0]
        assert (row.actor, row.action, row.reason) == ("Marta", "review_resolved_void", "Checked: not paid")
        assert row.details["chosen"] == "void" and row.details["live_lookup"]["approved_total"] == "1000.00"


async def test_marking_a_review_paid(qtbot, shop):
    async with shop.register() as engine:
        attempt = await partial_payment_review(shop, engine)
        dialog = show(qtbot, ReviewDialog(engine, shop.gate, MLA, attempt.id))
        await wait_until(lambda: dialog.lookup is not None, 10, "the live lookup")
        dialog.reason.setCurrentText("Customer paid the rest in cash")
        qtbot.mouseClick(dialog.paid_button, LEFT)
        await enter_pin(qtbot, shop.gate, name="Ana")
        await wait_until(lambda: dialog.result_attempt is not None, 10, "the resolution")
        assert dialog.result_attempt.state == S.PAID and dialog.outcome.kind == "paid"
        assert len(await engine.receipts(attempt_id=attempt.id)) == 1
        row = (await engine.audit_log(attempt_id=attempt.id))[0]
        assert (row.actor, row.action, row.reason) == ("Ana", "review_resolved_paid", "Customer paid the rest in cash")


async def test_review_when_mercado_pago_cannot_be_asked(qtbot, shop):
    async with shop.register() as engine:
        attempt = await partial_payment_review(shop, engine)
        await shop.control("PUT", "/sandbox/faults", [{"path": "/merchant_orders*", "kind": "status", "status": 503}])
        dialog = show(qtbot, ReviewDialog(engine, shop.gate, MLA, attempt.id))
        await wait_until(lambda: dialog.lookup_failed is not None, 10, "the failed lookup")
        assert "No answer" in dialog.live.text() and "trouble" in dialog.live.text()
        dialog.reason.setCurrentText("Checked in the Mercado Pago app: paid")
        assert dialog.paid_button.isEnabled()  # the supervisor may still decide
        review = json.loads((await engine.attempt(attempt.id)).review)
        assert review["reason"] == "partial"
