"""The wizard after "Check and create", driven with the keyboard: Enter never cancels it, and a
wizard that has created the store and register asks before it closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.setup.drive import click, idle, next_page, open_wizard
from tests.ui.setup.helpers import wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


async def created(qtbot, dialog):
    click(qtbot, dialog.page("mode").sandbox_button)
    await next_page(qtbot, dialog, "store")
    store = dialog.page("store")
    await wait_until(lambda: store.store_box.count() > 0 and idle(dialog), 10, "the store list")
    click(qtbot, store.apply_button)  # "Check and create"
    await wait_until(lambda: dialog.state.provisioned is not None and idle(dialog), 10, "the store and POS")
    assert dialog.state.provisioned.created_pos
    return store


async def test_enter_on_cancel_after_check_and_create_goes_on_and_never_cancels(qtbot, make_env):
    dialog = await open_wizard(qtbot, make_env())
    await created(qtbot, dialog)
    dialog.cancel_button.setFocus()  # where the focus landed after "Check and create"
    QTest.keyClick(dialog.cancel_button, Qt.Key.Key_Return)
    await wait_until(lambda: dialog.current.key == "terminal" and idle(dialog), 10, "the card terminal page")
    assert dialog.isVisible() and not dialog.future.done()  # Enter went forward, the wizard lives


async def test_a_wizard_that_created_things_asks_before_it_closes(qtbot, make_env):
    dialog = await open_wizard(qtbot, make_env())
    await created(qtbot, dialog)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    await wait_until(lambda: dialog.leave_box is not None and dialog.leave_box.isVisible(), 5, "the question")
    box = dialog.leave_box
    assert "already created" in box.text() and dialog.isVisible()
    QTest.keyClick(box, Qt.Key.Key_Return)  # the default is "Keep setting up"
    await wait_until(lambda: dialog.leave_box is None, 5, "the answer")
    assert dialog.isVisible() and not dialog.future.done()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    await wait_until(lambda: dialog.leave_box is not None and dialog.leave_box.isVisible(), 5, "the question again")
    click(qtbot, dialog.leave_box.button(dialog.leave_box.StandardButton.Yes))  # "Leave the setup"
    await wait_until(lambda: dialog.future.done(), 5, "the wizard to close")
    assert dialog.future.result() is False and not dialog.isVisible()


async def test_a_wizard_that_created_nothing_closes_at_once(qtbot, make_env):
    dialog = await open_wizard(qtbot, make_env())
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    await wait_until(lambda: dialog.future.done(), 5, "the wizard to close")
    assert dialog.leave_box is None and dialog.future.result() is False
