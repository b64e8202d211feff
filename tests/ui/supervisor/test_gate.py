"""The PIN prompt on a running qasync loop: right PIN, wrong PIN, lockout, asked per action."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt

from qrcashier.supervisor import LockoutState, verify_pin
from qrcashier.ui.supervisor.pin import SupervisorGate
from tests.ui.setup.helpers import wait_until
from tests.ui.supervisor.rig import PIN, Clock, encoded_pin, enter_pin

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


@pytest.fixture
def gate(settings) -> SupervisorGate:
    settings.pin_hash = encoded_pin()
    return SupervisorGate(settings, clock=Clock())


async def test_the_right_pin_gives_the_supervisors_name_and_is_asked_per_action(qtbot, gate, settings):
    first = asyncio.ensure_future(gate.ask(None, "refund a payment"))
    await enter_pin(qtbot, gate, name="  Marta   Gómez ")
    assert await first == "Marta Gómez"
    assert settings.last_supervisor == "Marta Gómez"
    # the next action asks again (not per session), with the name filled in
    second = asyncio.ensure_future(gate.ask(None, "cancel the order on the QR"))
    await wait_until(lambda: gate.prompt is not None and gate.prompt.isVisible(), 10, "the second prompt")
    assert gate.prompt.name_field.text() == "Marta Gómez" and gate.prompt.pin_field.text() == ""
    assert "cancel the order" in gate.prompt.findChildren(type(gate.prompt.message))[0].text()
    qtbot.keyClicks(gate.prompt.pin_field, PIN)
    qtbot.mouseClick(gate.prompt.ok_button, Qt.MouseButton.LeftButton)
    assert await second == "Marta Gómez"


async def test_going_back_gives_none(qtbot, gate):
    asked = asyncio.ensure_future(gate.ask(None, "refund a payment"))
    await wait_until(lambda: gate.prompt is not None and gate.prompt.isVisible(), 10, "the prompt")
    gate.prompt.cancel_button.click()
    assert await asked is None


async def test_a_wrong_pin_then_the_lockout_then_the_wait(qtbot, gate, settings):
    asked = asyncio.ensure_future(gate.ask(None, "refund a payment"))
    await enter_pin(qtbot, gate, pin="000000")
    prompt = gate.prompt
    await wait_until(lambda: "Wrong PIN" in prompt.message.text(), 10, "the first refusal")
    assert "2 more tries" in prompt.message.text() and prompt.ok_button.isEnabled() and not asked.done()
    for expected in ("1 more try", "wait 30 seconds"):
        prompt.pin_field.setText("000000")
        prompt.ok_button.click()
        await wait_until(lambda expected=expected: expected in prompt.message.text(), 5, expected)
    assert not prompt.ok_button.isEnabled()  # locked: not even the right PIN is checked
    assert LockoutState.parse(settings.pin_lockout).failures == 3  # persisted at once
    prompt.pin_field.setText(PIN)
    await prompt.confirm()  # refused at once: the pause is not over
    assert not asked.done()
    # a new gate (an app restart) is still locked: the lockout lives in the settings
    restarted = SupervisorGate(settings, clock=gate.clock)
    assert restarted.guard().precheck().verdict == "locked"
    gate.clock.t += 31
    await wait_until(lambda: prompt.ok_button.isEnabled(), 10, "the end of the pause")
    assert prompt.message.text() == "Enter the PIN again."
    prompt.pin_field.setText("000000")
    prompt.ok_button.click()
    await wait_until(lambda: "wait 60 seconds" in prompt.message.text(), 10, "a longer pause")
    gate.clock.t += 61
    await wait_until(lambda: prompt.ok_button.isEnabled(), 10, "the end of the second pause")
    prompt.pin_field.setText(PIN)
    prompt.ok_button.click()
    assert await asked == "Marta"
    assert LockoutState.parse(settings.pin_lockout) == LockoutState()


async def test_no_pin_set_the_first_supervisor_action_sets_it_typed_at_the_keyboard(qtbot, settings):
    gate = SupervisorGate(settings)
    assert not gate.has_pin
    asked = asyncio.ensure_future(gate.ask(None, "refund a payment"))
    await wait_until(lambda: gate.prompt is not None and gate.prompt.isVisible(), 10, "the prompt")
    prompt = gate.prompt
    assert "No supervisor PIN is set yet: choose one now" in plain(prompt)
    assert prompt.ok_button.text().startswith("Set PIN")
    assert prompt.again_field.isVisibleTo(prompt)
    prompt.name_field.setFocus()
    qtbot.keyClicks(prompt.name_field, "Marta")
    qtbot.keyClick(prompt.name_field, Qt.Key.Key_Tab)
    qtbot.keyClicks(prompt.pin_field, "4829")
    qtbot.keyClick(prompt.pin_field, Qt.Key.Key_Return)  # Enter moves on to "Again"
    assert prompt.again_field.hasFocus() and not asked.done()
    qtbot.keyClicks(prompt.again_field, "4828")
    qtbot.keyClick(prompt.again_field, Qt.Key.Key_Return)
    await wait_until(lambda: "The two PINs are not the same." in prompt.message.text(), 5, "the mismatch")
    assert not asked.done() and not gate.has_pin
    prompt.again_field.clear()
    qtbot.keyClicks(prompt.again_field, "4829")
    qtbot.keyClick(prompt.again_field, Qt.Key.Key_Return)
    assert await asked == "Marta"
    assert gate.has_pin and verify_pin("4829", settings.pin_hash)
    # from now on the PIN is asked (and checked) as for any action
    second = asyncio.ensure_future(gate.ask(None, "cancel the order on the QR"))
    await wait_until(lambda: gate.prompt is not None and gate.prompt.isVisible(), 10, "the prompt")
    assert not gate.prompt.again_field.isVisibleTo(gate.prompt) and gate.prompt.ok_button.text().startswith("Confirm")
    gate.prompt.reject()
    assert await second is None


async def test_with_no_pin_cancelling_the_first_pin_sets_nothing(qtbot, settings):
    gate = SupervisorGate(settings)
    asked = asyncio.ensure_future(gate.ask(None, "refund a payment"))
    await wait_until(lambda: gate.prompt is not None and gate.prompt.isVisible(), 10, "the prompt")
    gate.prompt.reject()
    assert await asked is None and not gate.has_pin


def plain(prompt) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in prompt.findChildren(QLabel))
