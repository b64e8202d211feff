"""The supervisor PIN (pure): slow salted hash, constant-time check, lockout with a growing delay."""

from __future__ import annotations

import hashlib
import hmac
import sys

import pytest

from qrcashier.supervisor import (
    InvalidPin,
    LockoutPolicy,
    LockoutState,
    PinGuard,
    Verdict,
    hash_pin,
    is_valid_hash,
    needs_rehash,
    validate_new_pin,
    verify_pin,
)

PIN = "482913"


class Clock:
    def __init__(self, t: float = 1_700_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture(scope="module")
def encoded() -> str:
    return hash_pin(PIN)


def test_the_hash_is_scrypt_salted_with_its_parameters_and_never_the_pin(encoded):
    assert encoded.startswith("scrypt$n=32768,r=8,p=1$")
    assert PIN not in encoded
    assert hash_pin(PIN) != encoded  # a new salt each time
    assert is_valid_hash(encoded) and not needs_rehash(encoded)
    assert verify_pin(PIN, encoded)
    assert not verify_pin("482914", encoded) and not verify_pin("", encoded)


def test_verification_compares_in_constant_time(encoded, monkeypatch):
    seen = []
    real = hmac.compare_digest

    def spy(a, b):
        seen.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(sys.modules["qrcashier.supervisor"].hmac, "compare_digest", spy)
    verify_pin("000000", encoded)
    assert seen == [(32, 32)]


def test_a_tampered_hash_is_refused_not_obeyed(encoded):
    assert not verify_pin(PIN, encoded.replace("n=32768", "n=4194304"))  # minutes of work per check
    assert not verify_pin(PIN, encoded.replace("n=32768", "n=1000"))  # not a power of two
    assert not verify_pin(PIN, "plain:" + PIN)
    weak = hash_pin(PIN, n=2**10)
    assert verify_pin(PIN, weak) and needs_rehash(weak)


@pytest.mark.parametrize(
    "pin, confirm, words",
    [("12a4", None, "digits"), ("123", None, "4 to 12"), ("1" * 13, None, "4 to 12"), ("7777", None, "repeated"),
     ("1234", None, "consecutive"), ("987654", None, "consecutive"), ("4829", "4828", "not the same"),
     ("４８２９", None, "digits")],
)
def test_new_pins_are_checked(pin, confirm, words):
    with pytest.raises(InvalidPin, match=words):
        validate_new_pin(pin, confirm)


def test_validate_accepts_a_good_pin():
    assert validate_new_pin(" 482913 ", "482913") == "482913"


def test_lockout_grows_and_a_right_pin_resets_it(encoded):
    clock = Clock()
    saved: list[LockoutState] = []
    guard = PinGuard(encoded, clock=clock, on_change=saved.append)
    first = guard.check("000000")
    assert first.verdict == Verdict.WRONG and "2 more tries" in first.message and first.wait_seconds == 0
    assert "1 more try" in guard.check("000000").message
    third = guard.check("000000")
    assert third.verdict == Verdict.WRONG and third.wait_seconds == 30 and "wait 30 seconds" in third.message
    locked = guard.check(PIN)  # even the right PIN is not checked while locked
    assert locked.verdict == Verdict.LOCKED and not locked.ok and "try again in 30 seconds" in locked.message
    clock.t += 31
    assert guard.check("000000").wait_seconds == 60  # the pause doubles
    clock.t += 61
    assert guard.check("000000").wait_seconds == 120
    clock.t += 121
    assert guard.check(PIN).ok
    assert guard.state == LockoutState() and saved[-1] == LockoutState()


def test_the_pause_has_a_ceiling_and_survives_a_restart(encoded):
    clock = Clock()
    policy = LockoutPolicy(free_attempts=1, base_delay=10, max_delay=40)
    saved: list[LockoutState] = []
    guard = PinGuard(encoded, clock=clock, policy=policy, on_change=saved.append)
    waits = []
    for _ in range(5):
        waits.append(guard.check("000000").wait_seconds)
        clock.t += 1000
    assert waits == [10, 20, 40, 40, 40]
    clock.t -= 1000  # still locked: a "restart" with the persisted state stays locked
    restarted = PinGuard(encoded, LockoutState.parse(saved[-1].dump()), clock=clock, policy=policy)
    assert restarted.check(PIN).verdict == Verdict.LOCKED


def test_setting_the_clock_back_cannot_lock_for_longer_than_the_longest_pause(encoded):
    clock = Clock()
    guard = PinGuard(encoded, LockoutState(7, clock.t + 10), clock=clock)
    clock.t -= 86_400
    assert guard.locked_for() == LockoutPolicy().max_delay


def test_no_pin_set_and_unreadable_state():
    guard = PinGuard(None)
    assert guard.check("482913").verdict == Verdict.NO_PIN
    assert LockoutState.parse("garbage") == LockoutState()
    assert LockoutState.parse("3,12.5") == LockoutState(3, 12.5)


def test_no_qt_in_the_pin_module():
    import subprocess

    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import qrcashier.supervisor as s\n"
        "assert s.verify_pin('482913', s.hash_pin('482913', n=2**10))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_hashlib_scrypt_is_what_is_used(encoded):
    import base64

    _, params, salt, digest = encoded.split("$")
    expected = hashlib.scrypt(PIN.encode(), salt=base64.b64decode(salt), n=2**15, r=8, p=1, dklen=32, maxmem=2**26)
    assert base64.b64decode(digest) == expected
