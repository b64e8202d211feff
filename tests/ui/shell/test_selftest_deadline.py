"""The self-test's one deadline: every inner wait gets the time left before it, so a slow sale
still fails with the step's name ("did not reach printer"), never a bare TimeoutError.

Time is a controllable clock the tests move forward (a slow sale is the clock jumping 7 s);
only the deadline firing on a step that hangs uses the real clock, on a deadline of a fraction
of a second.
"""

from __future__ import annotations

import argparse
import asyncio

import pytest

from qrcashier.ui.shell import errors
from qrcashier.ui.shell.deadline import Deadline
from qrcashier.ui.shell.selftest import DEADLINE_SECONDS, PRINTER_WAIT_SECONDS, SelfTestFailed, run_offscreen


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def never_true(clock: Clock, step: float = 1.0):
    """A condition that never holds, each look costing `step` seconds of the controllable clock."""
    looks = []

    def predicate() -> bool:
        looks.append(clock.now)
        clock.advance(step)
        return False

    predicate.looks = looks
    return predicate


def test_a_wait_gets_its_own_timeout_cut_to_the_time_left_less_the_reserve():
    clock = Clock()
    deadline = Deadline(18, reserve=2, clock=clock)
    assert deadline.budget(12) == 12  # a fresh deadline: the wait's own timeout
    clock.advance(7)  # a slow sale under load
    assert deadline.budget(12) == 9
    clock.advance(10)
    assert deadline.budget(12) == 0  # past deadline - reserve: no time for waiting
    deadline.start()
    assert deadline.remaining() == 18 and deadline.failure is None


def test_the_printer_wait_after_a_slow_sale_fails_with_its_name_before_the_deadline():
    clock = Clock()
    deadline = Deadline(DEADLINE_SECONDS, reserve=2, clock=clock, error=SelfTestFailed)
    clock.advance(7)  # the sale took 7 s: 18 - 7 - 2 = 9 s are left for the printer, not its 12
    printer = never_true(clock)

    with pytest.raises(SelfTestFailed) as failed:
        asyncio.run(deadline.wait(printer, "the receipt at the printer", PRINTER_WAIT_SECONDS, poll=0,
                                  failure="the receipt did not reach printer 127.0.0.1:9"))
    assert str(failed.value) == ("the receipt did not reach printer 127.0.0.1:9 within 9.0 s "
                                 "(all the time left before the deadline)")
    assert printer.looks[-1] - 1000 < DEADLINE_SECONDS - 2  # it gave up before the reserve, on the clock
    assert deadline.failure == f"SelfTestFailed: {failed.value}" and deadline.step == "the receipt at the printer"
    assert deadline.remaining() >= 1  # the deadline itself has not passed: the report names the printer


def test_a_wait_returns_what_its_async_condition_returned():
    clock = Clock()
    deadline = Deadline(18, clock=clock)
    answers = iter([None, None, "done"])

    async def job() -> str | None:
        clock.advance(1)
        return next(answers)

    assert asyncio.run(deadline.wait(job, "the job", 8, poll=0)) == "done"
    assert deadline.failure is None


def test_a_wait_whose_condition_hangs_is_bounded_by_its_budget():
    deadline = Deadline(0.6, reserve=0.3)  # the real clock: 0.3 s to wait

    async def hangs() -> bool:
        await asyncio.Event().wait()
        return True

    async def run() -> float:
        loop = asyncio.get_running_loop()
        started = loop.time()
        with pytest.raises(Exception, match="timed out waiting for the journal within 0.3 s"):
            await deadline.wait(hangs, "the journal", 8)
        return loop.time() - started

    assert asyncio.run(run()) < 0.6  # failed by its own budget, inside the deadline


@pytest.fixture
def offscreen(qapp, tmp_path, capsys):
    """run_offscreen in this process on a scenario of the test's: its one printed line."""

    def run(deadline: Deadline, scenario) -> tuple[int, str]:
        args = argparse.Namespace(data_dir=str(tmp_path))
        code = run_offscreen(args, "self-test", "qrcashier-selftest-", deadline, lambda data_dir: scenario())
        lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("self-test ")]
        assert len(lines) == 1, lines
        return code, lines[0]

    yield run
    errors.set_dialogs_enabled(True)  # run_offscreen turns them off for the headless run


def test_the_self_test_reports_the_printer_after_a_slow_sale(offscreen):
    clock = Clock()
    deadline = Deadline(DEADLINE_SECONDS, reserve=2, clock=clock, error=SelfTestFailed)

    async def slow_sale_then_a_dead_printer() -> str:
        clock.advance(7)
        await deadline.wait(never_true(clock), "the receipt at the printer", PRINTER_WAIT_SECONDS, poll=0,
                            failure="the receipt did not reach printer 127.0.0.1:9")
        return "printed"

    code, line = offscreen(deadline, slow_sale_then_a_dead_printer)
    assert code == 1
    assert line.startswith("self-test FAIL in ")
    assert line.endswith(": SelfTestFailed: the receipt did not reach printer 127.0.0.1:9 within 9.0 s "
                         "(all the time left before the deadline)")


def test_the_deadline_firing_on_a_step_that_is_not_a_wait_names_the_step(offscreen):
    deadline = Deadline(0.3, reserve=0.1, error=SelfTestFailed)  # the real clock: the step hangs

    async def charge_hangs() -> str:
        deadline.step = "charging"
        await asyncio.Event().wait()
        return "paid"

    code, line = offscreen(deadline, charge_hangs)
    assert code == 1 and line.endswith(": TimeoutError: the 0.3 s deadline passed during charging")


def test_a_failure_stays_in_the_report_when_closing_then_passes_the_deadline(offscreen):
    deadline = Deadline(0.5, reserve=0.3, error=SelfTestFailed)  # 0.2 s to wait, then closing hangs

    async def dead_printer_then_a_stuck_close() -> str:
        try:
            await deadline.wait(lambda: False, "the receipt at the printer", 12,
                                failure="the receipt did not reach printer 127.0.0.1:9")
            return "printed"
        finally:
            deadline.step = "closing the window"
            await asyncio.Event().wait()

    code, line = offscreen(deadline, dead_printer_then_a_stuck_close)
    assert code == 1
    assert "SelfTestFailed: the receipt did not reach printer 127.0.0.1:9 within 0.2 s" in line
    assert line.endswith("; then the 0.5 s deadline passed during closing the window")
