"""A card sale in the real window against the embedded sandbox, keyboard only: F11 on the
register's Point terminal (the panel, the terminal approves, paid once), cancelled from the
panel, and a card from another terminal typed by hand (no request sent, the drawer shut)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState
from qrcashier.mercadopago.point import VIRTUAL_TERMINAL
from tests.ui.conftest import running_app, wait_until

COKE = "7790895000102"  # $ 3.800,00 in the demo catalog
TILL = TillConfig.for_site(SITES["MLA"], require_shift=False)


def scan(widget, code: str) -> None:
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


async def tap(window, action: str, body: dict | None = None):
    return await window.services.sandbox_control("POST", f"/sandbox/point/terminals/{VIRTUAL_TERMINAL}/{action}",
                                                 body or {})


async def card_dialog(w, *, key: bool = True):
    """F11 (or, once a closed dialog left no window active offscreen, its slot, as the till's test does)."""
    cards = w.till.cards
    cards.dialog = None
    if key:
        w.activateWindow()
        QTest.keyClick(w, Qt.Key.Key_F11)
    else:
        cards.card()
    await wait_until(lambda: cards.dialog is not None and cards.dialog.isVisible(), what="the card dialog")
    return cards.dialog


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_a_point_sale_with_the_keyboard_then_a_card_from_another_terminal(qtbot, tmp_path, token, put_log):
    async with running_app(qtbot, tmp_path, token, till=TILL) as w:
        await wait_until(lambda: w.panel_state() == "idle", what="the engine ready")
        sent = put_log(w)
        await w.engine.open_shift("0")
        scan(w.item_field, COKE)
        await wait_until(lambda: w.model.rowCount() == 1, what="the item in the cart")
        dialog = await card_dialog(w)
        assert dialog.point.isChecked() and "SBX0000001" in dialog.point.text()
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # the Point terminal: the amount goes to it
        panel = w.till.cards.panel
        await wait_until(lambda: panel.isVisible() and w.panel_state() == "waiting", what="the card panel")
        assert "SBX0000001" in panel.title.text() and panel.amount == "$ 3.800,00"
        assert "/sandbox/point/terminal/" in panel.title.text() and "/sandbox/point/terminal/" in panel.sandbox_url
        assert any(m == "POST" and p == "/v1/orders" for m, p in sent)
        await tap(w, "approve", {"brand": "visa", "last_four": "4242", "installments": 3})
        await wait_until(lambda: w.panel_state() == "paid", what="the card sale paid")
        await wait_until(lambda: not panel.isVisible(), what="the panel gone")
        await wait_until(lambda: w.last_receipt is not None and "**** 4242" in w.last_receipt.to_text(),
                         what="the receipt with the card")
        assert "3 cuotas" in w.last_receipt.to_text() and not w.last_receipt.tenders[0].kind == "cash"

        # cancelled from the panel while the order waits on the terminal
        scan(w.item_field, COKE)
        await wait_until(lambda: w.model.rowCount() == 1 and not w.session.finished, what="a new sale")
        dialog = await card_dialog(w)
        QTest.keyClick(dialog, Qt.Key.Key_Return)
        await wait_until(lambda: panel.isVisible() and w.panel_state() == "waiting", what="the card panel again")
        live = w.attempt
        await tap(w, "cancel")  # the customer cancels on the terminal
        await wait_until(lambda: w.panel_state() == "cancelled", what="cancelled on the terminal")
        assert (await w.engine.attempt(live.id)).state == AttemptState.CANCELLED and not panel.isVisible()

        # the same sale, now by card on another terminal: the slip's approval code and last four
        dialog = await card_dialog(w, key=False)
        QTest.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
        await wait_until(lambda: dialog.other.isChecked() and dialog.authorization.hasFocus(), what="other terminal")
        before = len(sent)
        QTest.keyClicks(dialog.authorization, "ab123")
        QTest.keyClick(dialog.authorization, Qt.Key.Key_Tab)
        QTest.keyClicks(dialog.last_four, "0604")
        QTest.keyClick(dialog.last_four, Qt.Key.Key_Return)
        await wait_until(lambda: w.panel_state() == "paid", what="paid by card")
        assert "by card (other terminal)" in w.status_panel.sentence.text()
        assert not any(p.startswith("/v1/") for _, p in sent[before:])  # nothing sent for another terminal
        paid = await w.engine.payments(sale_id=live.sale_id)
        assert paid == []
        report = await w.engine.shift_report()
        assert report["tenders"]["point"]["total"] == "3800.00" and report["tenders"]["card"]["total"] == "3800.00"
        assert Decimal(report["shift"]["expected_cash"]) == 0
        shown = await w.till.report(None)  # the X report's summary names the card tenders
        assert shown is not None and "Cards: Point 3800.00, other terminals 3800.00." in w.till.dialog.text()


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_the_panels_cancel_asks_then_leaves_the_cancel_to_the_terminal_once_the_card_order_is_on_it(
        qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token, till=TILL) as w:
        await wait_until(lambda: w.panel_state() == "idle", what="the engine ready")
        scan(w.item_field, COKE)
        await wait_until(lambda: w.model.rowCount() == 1, what="the item in the cart")
        dialog = await card_dialog(w)
        QTest.keyClick(dialog, Qt.Key.Key_Return)
        panel = w.till.cards.panel
        await wait_until(lambda: panel.isVisible() and w.panel_state() == "waiting", what="the card panel")
        assert not w.charge_button.isVisible()  # the panel takes its place while the card charge is live
        live = w.attempt
        await tap(w, "show")  # the terminal shows it: the API can no longer cancel it on a NEWLAND
        panel.cancel.click()  # no supervisor PIN yet: the cashier confirms
        box = await _question()
        box.button(QMessageBox.StandardButton.Yes).click()
        await wait_until(lambda: "cancel it on the terminal" in w.status_panel.sentence.text(),
                         what="the cancel left to the terminal")
        assert (await w.engine.attempt(live.id)).state == AttemptState.CANCEL_REQUESTED
        await tap(w, "cancel")  # the customer (or the cashier) cancels on the terminal
        await wait_until(lambda: w.panel_state() == "cancelled" and not panel.isVisible(), what="cancelled")
        assert w.charge_button.isVisible()


async def _question() -> QMessageBox:
    found = []

    def visible() -> bool:
        found[:] = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()
                    and b.button(QMessageBox.StandardButton.Yes) is not None]  # a question, not a stray report
        return bool(found)

    await wait_until(visible, what="the question")
    return found[0]
