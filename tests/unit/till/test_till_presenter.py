"""The till's Qt-free forms: tender (change, quick notes, refusals), close (difference, PIN), movements."""

from __future__ import annotations

from decimal import Decimal

from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.money import SITES
from qrcashier.presenter.till import CloseForm, MovementForm, TenderForm, TillMessage

MLA, CLP = SITES["MLA"], SITES["MLC"]


def test_tender_form_change_quick_notes_and_refusals():
    form = TenderForm(Decimal("3801.50"), MLA, TillConfig.for_site(MLA))
    assert form.view.message == TillMessage.EMPTY and not form.view.ok
    assert [label for label, _ in form.quick()] == ["$ 4.000,00", "$ 10.000,00", "$ 20.000,00"]
    view = form.update("5.000")
    assert view.ok and view.change == Decimal("1198.50") and view.change_text == "$ 1.198,50"
    assert form.update("3000").message == TillMessage.SHORT
    assert form.update("abc").message == TillMessage.INVALID
    assert form.update("-5").message == TillMessage.INVALID
    assert form.update("99999999").message == TillMessage.OVER_CEILING
    assert form.exact().change == Decimal("0.00")


def test_clp_tender_is_whole_pesos():
    form = TenderForm(Decimal("4990"), CLP, TillConfig.for_site(CLP))
    assert form.update("10000").change_text == "$ 5.010"
    assert form.update("5000,5").message == TillMessage.INVALID


def test_close_form_difference_and_supervisor():
    form = CloseForm(Decimal("10000"), MLA, TillConfig(difference_threshold=Decimal("100")))
    assert form.update("9950").difference_text == "-$ 50,00" and not form.view.needs_supervisor
    assert form.update("10200").needs_supervisor and form.view.difference_text == "+$ 200,00"
    assert form.update("").message == TillMessage.EMPTY and form.update("x").message == TillMessage.INVALID


def test_movement_form():
    form = MovementForm(MLA, TillConfig(movement_threshold=Decimal("5000")))
    assert form.check("1000", "coins") == (Decimal("1000.00"), TillMessage.NONE, "")
    assert form.check("6000", "bank")[1] == TillMessage.NEEDS_SUPERVISOR
    assert form.check("1000", " ")[1] == TillMessage.EMPTY
    assert form.check("0", "x")[1] == TillMessage.INVALID
