"""The per-POS order slots: placing, replacing, taking, expiry, validation, threads."""

from __future__ import annotations

import threading
from dataclasses import replace
from decimal import Decimal

import pytest

from qrcashier.domain.money import site
from qrcashier.mercadopago.models import OrderItem
from qrcashier.unattended import InvalidOrder, OrderBook, SlotState, TakeReason, UnknownRegister
from tests.unit.unattended.conftest import MLA, START, FakeClock, fuel_order


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def book(clock: FakeClock) -> OrderBook:
    return OrderBook(["CAJA1", "CAJA2"], clock=clock, paid_hold=60)


def test_a_new_slot_is_idle(book: OrderBook) -> None:
    status = book.status("CAJA1")
    assert status.state == SlotState.IDLE and status.order is None and status.polls == 0
    assert book.poll("CAJA1") == (SlotState.IDLE, None)
    assert book.status("CAJA1").polls == 1


def test_unknown_registers(book: OrderBook) -> None:
    assert book.poll("CAJA9") is None
    for call in (lambda: book.place("CAJA9", fuel_order(), MLA), lambda: book.status("CAJA9"),
                 lambda: book.withdraw("CAJA9"), lambda: book.set_preparing("CAJA9")):
        with pytest.raises(UnknownRegister, match="CAJA9"):
            call()
    with pytest.raises(ValueError):
        book.add_register("CAJA-9")


def test_place_poll_take(book: OrderBook, clock: FakeClock) -> None:
    placed = book.place("CAJA1", fuel_order(), MLA)
    assert placed.total_amount == Decimal("1500.50") and placed.placed_at == START
    assert placed.json() == fuel_order().to_json(MLA)
    state, order = book.poll("CAJA1")
    assert state == SlotState.READY and order == placed
    assert book.take("CAJA1", "CAJA1-7-1", "paid") == placed
    assert book.take("CAJA1", "CAJA1-7-1", "paid") is None  # idempotent
    assert book.poll("CAJA1") == (SlotState.PAID, None)
    clock.advance(60)
    assert book.poll("CAJA1") == (SlotState.IDLE, None)
    assert book.history("CAJA1") == [("CAJA1-7-1", TakeReason.PAID)]


def test_paid_after_it_expired_still_says_nothing_to_pay(book: OrderBook, clock: FakeClock) -> None:
    book.place("CAJA1", fuel_order(expires_in=10), MLA)
    clock.advance(10)
    assert book.current("CAJA1") is None
    assert book.take("CAJA1", "CAJA1-7-1", TakeReason.PAID) is None
    assert book.status("CAJA1").state == SlotState.PAID


def test_placing_again_is_idempotent_and_preparing_is_cleared(book: OrderBook) -> None:
    book.set_preparing("CAJA1")
    assert book.status("CAJA1").state == SlotState.PREPARING
    first = book.place("CAJA1", fuel_order(), MLA)
    second = book.place("CAJA1", fuel_order(), MLA)
    assert first.body == second.body and book.history("CAJA1") == []
    assert book.status("CAJA1").state == SlotState.READY
    book.withdraw("CAJA1")
    assert book.status("CAJA1").state == SlotState.IDLE  # preparing ended with the order


def test_device_down_wins_over_everything(book: OrderBook) -> None:
    book.place("CAJA1", fuel_order(), MLA)
    book.set_device_down("CAJA1")
    assert book.poll("CAJA1") == (SlotState.DEVICE_DOWN, None)
    assert book.status("CAJA1").deliveries == 0
    book.set_device_down("CAJA1", False)
    assert book.poll("CAJA1")[0] == SlotState.READY


@pytest.mark.parametrize("bad, message", [
    (replace(fuel_order(), external_reference=""), "reference"),
    (replace(fuel_order(), external_reference="with space"), "reference"),
    (replace(fuel_order(), external_reference="x" * 257), "reference"),
    (replace(fuel_order(), title=" "), "title"),
    (replace(fuel_order(), items=()), "item"),
    (replace(fuel_order(), total_amount=Decimal("1500.51")), "sum"),
    (replace(fuel_order(), total_amount=Decimal("0"), items=(OrderItem("x", Decimal("0"), 1),)), "positive"),
    (replace(fuel_order(), items=(OrderItem("x", Decimal("1500.50"), 0),)), "positive"),
    (fuel_order(expires_in=0), "expired"),
    (replace(fuel_order(), items=(OrderItem("x", Decimal("1"), 1),) * 501, total_amount=Decimal(501)), "501|500"),
    (replace(fuel_order(), description="d" * 70000), "bytes"),
])
def test_invalid_orders_are_refused_and_nothing_changes(book: OrderBook, bad, message: str) -> None:
    book.place("CAJA1", fuel_order("CAJA1-1-1"), MLA)
    with pytest.raises(InvalidOrder, match=message):
        book.place("CAJA1", bad, MLA)
    assert book.current("CAJA1").external_reference == "CAJA1-1-1"


def test_not_an_order() -> None:
    with pytest.raises(InvalidOrder):
        OrderBook(["CAJA1"]).place("CAJA1", {"external_reference": "x"}, MLA)  # type: ignore[arg-type]


def test_amounts_follow_the_site(book: OrderBook) -> None:
    clp = site("MLC")
    placed = book.place("CAJA1", fuel_order(amount="5200"), clp)
    assert placed.json()["total_amount"] == 5200 and placed.total_amount == Decimal("5200")


def test_remove_register_returns_its_order(book: OrderBook) -> None:
    book.place("CAJA2", fuel_order("CAJA2-1-1"), MLA)
    assert book.remove_register("CAJA2").external_reference == "CAJA2-1-1"
    assert book.remove_register("CAJA2") is None
    assert book.registers == frozenset({"CAJA1"})


def test_history_is_bounded(book: OrderBook) -> None:
    for n in range(30):
        book.place("CAJA1", fuel_order(f"CAJA1-{n}-1"), MLA)
        book.withdraw("CAJA1")
    history = book.history("CAJA1")
    assert len(history) == 20 and history[-1] == ("CAJA1-29-1", TakeReason.WITHDRAWN)


def test_threads_place_take_and_poll_without_tearing() -> None:
    """Eight threads: placers, takers and pollers on two POS. A poll only ever sees a whole
    order that was placed on that POS; counters add up."""
    book = OrderBook(["CAJA1", "CAJA2"])
    orders = {
        pos: [fuel_order(f"{pos}-{n}-1", f"{n + 1}.00", expires_in=None) for n in range(20)]
        for pos in ("CAJA1", "CAJA2")
    }
    bodies = {pos: {book.place(pos, o, MLA).body for o in orders[pos]} for pos in orders}
    errors: list[str] = []
    polls: list[tuple[str, int]] = []
    barrier = threading.Barrier(8)

    def placer(pos: str) -> None:
        barrier.wait()
        for _ in range(200):
            for o in orders[pos]:
                book.place(pos, o, MLA)

    def taker(pos: str) -> None:
        barrier.wait()
        for _ in range(2000):
            book.take(pos, None, TakeReason.PAID)

    def poller(pos: str) -> None:
        barrier.wait()
        count = 0
        for _ in range(4000):
            state, order = book.poll(pos)
            count += 1
            if (order is None) != (state != SlotState.READY):
                errors.append(f"{pos}: {state} with {order}")
            if order is not None and order.body not in bodies[pos]:
                errors.append(f"{pos}: a body that was never placed there")
        polls.append((pos, count))

    threads = [threading.Thread(target=f, args=(pos,)) for pos in ("CAJA1", "CAJA2") for f in (placer, taker, poller)]
    threads += [threading.Thread(target=poller, args=("CAJA1",)), threading.Thread(target=poller, args=("CAJA2",))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for pos in ("CAJA1", "CAJA2"):
        assert book.status(pos).polls == 8000 == sum(n for p, n in polls if p == pos)
