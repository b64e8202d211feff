"""The watch schedule on a controllable clock: times are plain seconds, nothing sleeps."""

from __future__ import annotations

import pytest

from qrcashier.checkout.config import PollPolicy
from qrcashier.checkout.schedule import ReadSchedule

POLICY = PollPolicy()  # the production schedule


def reads_until(schedule: ReadSchedule, end: float, *, pushed: bool = False, notifications=()) -> list[float]:
    """Drive the schedule as the watch loop does: a read when due (within the budget), the
    next one `cadence` after it began; each notification brings the next read forward."""
    queue = sorted(notifications)
    due = max(schedule.started + POLICY.first_read, schedule.token_at(schedule.started + POLICY.first_read))
    reads: list[float] = []
    while due < end:
        while queue and queue[0] < due:
            due = min(due, schedule.woken_at(queue.pop(0)))
        if due >= end:
            break
        schedule.spend(due)
        reads.append(due)
        following = due + schedule.cadence(due, pushed=pushed)
        due = max(following, schedule.token_at(following))
    return reads


def test_the_defaults_follow_the_interval():
    assert (POLICY.first_read, POLICY.brisk_for, POLICY.waiting_interval, POLICY.push_interval) == (2, 5, 1.25, 3)
    fast = PollPolicy(interval=0.01)
    assert fast.first_read == pytest.approx(0.02) and fast.push_interval == pytest.approx(0.03)
    assert PollPolicy(first_read=0.5).first_read == 0.5


@pytest.mark.parametrize("bad", [{"burst": 0.5}, {"waiting_interval": 0}, {"first_read": -1}, {"push_fresh": -1}])
def test_a_nonsense_schedule_is_refused(bad):
    with pytest.raises(ValueError):
        PollPolicy(**bad)


def test_first_read_two_seconds_after_the_publish_then_every_second_then_slower():
    schedule = ReadSchedule.after_publish(POLICY, 100.0)
    reads = reads_until(schedule, 100.0 + 12)
    gaps = [round(b - a, 2) for a, b in zip(reads, reads[1:], strict=False)]
    assert reads[0] == 102.0
    assert gaps[:3] == [1.0, 1.0, 1.0]  # the first seconds: a customer may be paying
    assert set(gaps[4:]) == {1.25}  # nobody scanned: slower


def test_an_open_merchant_order_reads_every_second_and_a_while_without_one_goes_idle():
    schedule = ReadSchedule.after_publish(POLICY, 0.0)
    schedule.observed(30.0, seen=1, open_order=True)
    assert schedule.cadence(30.0, pushed=False) == 1.0
    schedule.observed(31.0, seen=1, open_order=False)  # the customer closed the app
    assert schedule.cadence(31.0, pushed=False) == 1.25
    assert schedule.cadence(30.0 + POLICY.idle_after + 1, pushed=False) == POLICY.idle_interval
    fresh = ReadSchedule.after_publish(POLICY, 0.0)
    assert fresh.cadence(POLICY.idle_after + 1, pushed=False) == POLICY.idle_interval  # never scanned


def test_with_notifications_flowing_polling_is_a_safety_net():
    schedule = ReadSchedule.after_publish(POLICY, 0.0)
    assert schedule.cadence(1.0, pushed=True) == 3.0
    schedule.observed(1.0, seen=1, open_order=True)
    assert schedule.cadence(1.0, pushed=True) == 3.0
    reads = reads_until(ReadSchedule.after_publish(POLICY, 0.0), 60.0, pushed=True)
    assert len(reads) == 20  # 2 s, then every 3 s


def test_a_notification_brings_the_next_read_forward_without_adding_one():
    schedule = ReadSchedule.after_publish(POLICY, 0.0)
    reads = reads_until(schedule, 30.0, pushed=True, notifications=[6.5])
    assert 6.5 in reads  # read at once: the bucket had a request left
    assert [r for r in reads if r > 6.5][0] == pytest.approx(9.5)  # the schedule restarts from it
    assert len(reads) == len(reads_until(ReadSchedule.after_publish(POLICY, 0.0), 30.0, pushed=True))


def test_a_burst_of_notifications_makes_one_read_and_one_after_min_gap():
    """Scan, payment and merchant_order notifications land within milliseconds: the first
    reads at once, those that came after it began one more read `min_gap` later."""
    schedule = ReadSchedule.after_publish(POLICY, 0.0)
    reads = reads_until(schedule, 8.0, pushed=True, notifications=[4.0, 4.01, 4.02, 4.03])
    assert [r for r in reads if 4.0 <= r < 5.0] == [4.0, pytest.approx(4.0 + POLICY.min_gap)]


@pytest.mark.parametrize("pushed", [False, True])
def test_an_ipn_flood_never_exceeds_the_registers_budget(pushed):
    """88 IPNs a second for ten minutes (issue 13 item 3): in every window of T seconds the
    register makes at most `burst + T / refill_every` requests, the publish included."""
    flood = [i / 88 for i in range(88 * 600)]
    schedule = ReadSchedule.after_publish(POLICY, 0.0)
    requests = [0.0, *reads_until(schedule, 600.0, pushed=pushed, notifications=flood)]
    assert len(requests) > 500  # the flood did pull reads forward...
    for window in (1.0, 10.0, 60.0):
        worst = max(sum(1 for t in requests if start <= t < start + window) for start in requests)
        assert worst <= POLICY.burst + window / POLICY.refill_every  # ...but never beyond the budget
    assert len(requests) <= 600 / POLICY.refill_every + POLICY.burst


def test_the_benchmarks_customer_stays_within_sixty_requests_a_minute():
    """Customers paying 2-10 s after the publish, read on the default schedule: under 60
    requests a minute with the publish counted, and the paying read within 1.25 s."""
    requests = seconds = 0.0
    waits = []
    for tenth in range(20, 101):
        paid = tenth / 10
        reads = reads_until(ReadSchedule.after_publish(POLICY, 0.0), 60.0)
        seen = next(r for r in reads if r >= paid)
        waits.append(seen - paid)
        requests += 1 + sum(1 for r in reads if r <= seen)
        seconds += seen
    assert 60 * requests / seconds <= 60
    assert max(waits) <= 1.25


def test_the_budget_is_the_registers_whatever_the_cadence():
    assert POLICY.refill_every == 1.0
    assert PollPolicy(interval=5.0).refill_every == 1.0  # slow polling: notifications still read within a second
    assert PollPolicy(interval=0.01).refill_every == 0.01  # a test's fast cadence is not throttled
    assert PollPolicy(budget_per_minute=30).refill_every == 1.0  # never below the cadence itself
