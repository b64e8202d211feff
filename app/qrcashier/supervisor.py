"""The supervisor PIN: a slow salted hash, a constant-time check, and a lockout. No Qt, no I/O.

    encoded = hash_pin("482913")            # "scrypt$n=32768,r=8,p=1$<salt>$<hash>", for the settings
    verify_pin("482913", encoded) -> True   # constant-time compare; a malformed hash is False

    guard = PinGuard(encoded, LockoutState.parse(saved), on_change=save_state)
    result = guard.check(pin)               # OK, WRONG (with the pause that follows) or LOCKED

The PIN itself is never stored: only scrypt(PIN, 16 random bytes of salt) with its cost
parameters, so a copied settings file gives no PIN back without the same slow work per
guess. Each check costs about a tenth of a second (scrypt n=2^15, r=8, p=1: 32 MiB), so
the UI runs `verify_pin` off the event loop: `guard.precheck()`, then `verify_pin` in an
executor, then `guard.record(ok)`.

Lockout: the first `free_attempts` wrong PINs cost nothing; each one after that locks the
PIN for a delay that doubles (30 s, 1 min, 2 min ... up to 15 min). While locked, no PIN is
even checked. A right PIN clears the count. The state (failures, locked-until as wall-clock
seconds) is handed to `on_change` so the caller persists it: restarting the app does not
reset the lockout. The clock is injectable; a clock set back in time cannot make the
lockout longer than the longest delay.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import pairwise

log = logging.getLogger("qrcashier.supervisor")

SCHEME = "scrypt"
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
DKLEN = 32
SALT_BYTES = 16
MIN_PIN = 4
MAX_PIN = 12
# Bounds a stored hash's parameters must respect: a tampered settings file must not be able
# to make each check take minutes or gigabytes.
MAX_N = 2**20
MAX_R = 16
MAX_P = 4
_ENCODED = re.compile(r"^scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$")


class InvalidPin(ValueError):
    """A PIN that cannot be set; `str()` is the sentence for the screen."""


def validate_new_pin(pin: str, confirm: str | None = None) -> str:
    """The PIN to set, or InvalidPin saying what is wrong with it."""
    pin = (pin or "").strip()
    if not pin.isdigit() or not pin.isascii():
        raise InvalidPin("The PIN is digits only.")
    if not MIN_PIN <= len(pin) <= MAX_PIN:
        raise InvalidPin(f"The PIN has {MIN_PIN} to {MAX_PIN} digits.")
    if len(set(pin)) == 1:
        raise InvalidPin("A PIN of one repeated digit is too easy to guess.")
    digits = [int(c) for c in pin]
    steps = {b - a for a, b in pairwise(digits)}
    if steps in ({1}, {-1}):
        raise InvalidPin("A PIN of consecutive digits (like 1234) is too easy to guess.")
    if confirm is not None and confirm.strip() != pin:
        raise InvalidPin("The two PINs are not the same.")
    return pin


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=DKLEN, maxmem=256 * r * n * p + 2**20
    )


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P, salt: bytes | None = None) -> str:
    """The PIN's salted scrypt hash with its parameters, as one line of text."""
    validate_new_pin(pin)
    if n < 2 or n & (n - 1) or n > MAX_N or not 1 <= r <= MAX_R or not 1 <= p <= MAX_P:
        raise ValueError("scrypt parameters out of range")
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin.strip(), salt, n, r, p)
    return f"{SCHEME}$n={n},r={r},p={p}${_b64(salt)}${_b64(digest)}"


@dataclass(frozen=True)
class _Parsed:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def _parse(encoded: str) -> _Parsed | None:
    m = _ENCODED.match(encoded or "")
    if not m:
        return None
    n, r, p = (int(m.group(i)) for i in (1, 2, 3))
    if n < 2 or n & (n - 1) or n > MAX_N or not 1 <= r <= MAX_R or not 1 <= p <= MAX_P:
        return None
    try:
        salt = base64.b64decode(m.group(4), validate=True)
        digest = base64.b64decode(m.group(5), validate=True)
    except ValueError:
        return None
    if len(salt) < 8 or len(digest) != DKLEN:
        return None
    return _Parsed(n, r, p, salt, digest)


def is_valid_hash(encoded: str | None) -> bool:
    return encoded is not None and _parse(encoded) is not None


def verify_pin(pin: str, encoded: str) -> bool:
    """True when `pin` matches the stored hash. Slow on purpose; compares in constant time."""
    parsed = _parse(encoded)
    if parsed is None:
        log.warning("the stored supervisor PIN hash is not readable")
        return False
    candidate = _scrypt((pin or "").strip(), parsed.salt, parsed.n, parsed.r, parsed.p)
    return hmac.compare_digest(candidate, parsed.digest)


def needs_rehash(encoded: str) -> bool:
    """The hash uses weaker parameters than today's defaults (rehash it after the next good PIN)."""
    parsed = _parse(encoded)
    return parsed is None or (parsed.n, parsed.r, parsed.p) < (SCRYPT_N, SCRYPT_R, SCRYPT_P)


# --- lockout -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LockoutPolicy:
    free_attempts: int = 3  # wrong PINs before the first pause
    base_delay: float = 30.0  # seconds: the first pause
    factor: float = 2.0  # each further wrong PIN multiplies the pause
    max_delay: float = 900.0  # never more than 15 minutes

    def delay_after(self, failures: int) -> float:
        if failures < self.free_attempts:
            return 0.0
        return min(self.max_delay, self.base_delay * self.factor ** (failures - self.free_attempts))


@dataclass(frozen=True)
class LockoutState:
    failures: int = 0
    locked_until: float = 0.0  # wall-clock seconds (time.time()); 0: not locked

    def dump(self) -> str:
        return f"{self.failures},{self.locked_until:.3f}"

    @classmethod
    def parse(cls, text: str | None) -> LockoutState:
        """Read what `dump` wrote; anything unreadable is a fresh state (logged)."""
        if not text:
            return cls()
        try:
            failures, until = str(text).split(",")
            return cls(max(0, int(failures)), max(0.0, float(until)))
        except ValueError:
            log.warning("unreadable PIN lockout state; starting afresh")
            return cls()


class Verdict(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    NO_PIN = "no_pin"


@dataclass(frozen=True)
class CheckResult:
    verdict: Verdict
    message: str
    wait_seconds: float = 0.0  # how long until a PIN is checked again (LOCKED, or WRONG with a pause)
    failures: int = 0

    @property
    def ok(self) -> bool:
        return self.verdict == Verdict.OK


def _seconds(seconds: float) -> str:
    s = max(1, round(seconds))
    if s < 90:
        return f"{s} seconds"
    return f"{round(s / 60)} minutes"


class PinGuard:
    """Checks PINs against one stored hash and applies the lockout (see the module docstring)."""

    def __init__(
        self,
        encoded: str | None,
        state: LockoutState | None = None,
        *,
        policy: LockoutPolicy = LockoutPolicy(),
        clock: Callable[[], float] = time.time,
        on_change: Callable[[LockoutState], None] | None = None,
    ) -> None:
        self.encoded = encoded if is_valid_hash(encoded) else None
        self.state = state or LockoutState()
        self.policy = policy
        self._clock = clock
        self._on_change = on_change

    @property
    def has_pin(self) -> bool:
        return self.encoded is not None

    def locked_for(self) -> float:
        """Seconds until a PIN will be checked again (0: now)."""
        left = self.state.locked_until - self._clock()
        if left > self.policy.max_delay:  # the clock was set back: never longer than the longest pause
            self._set(replace(self.state, locked_until=self._clock() + self.policy.max_delay))
            left = self.policy.max_delay
        return max(0.0, left)

    def _set(self, state: LockoutState) -> None:
        self.state = state
        if self._on_change is not None:
            self._on_change(state)

    def precheck(self) -> CheckResult | None:
        """The answer when no PIN may be checked now (none set, or locked); None to go on."""
        if self.encoded is None:
            return CheckResult(Verdict.NO_PIN, "No supervisor PIN is set: set one in Settings first.")
        wait = self.locked_for()
        if wait > 0:
            return CheckResult(
                Verdict.LOCKED, f"Too many wrong PINs: try again in {_seconds(wait)}.", wait, self.state.failures
            )
        return None

    def record(self, ok: bool) -> CheckResult:
        """Apply the outcome of `verify_pin` (which the caller ran, off the event loop)."""
        if ok:
            self._set(LockoutState())
            return CheckResult(Verdict.OK, "PIN accepted.")
        failures = self.state.failures + 1
        delay = self.policy.delay_after(failures)
        self._set(LockoutState(failures, self._clock() + delay if delay else 0.0))
        log.warning("wrong supervisor PIN (%d in a row)", failures)
        if delay:
            return CheckResult(
                Verdict.WRONG, f"Wrong PIN. Too many wrong PINs: wait {_seconds(delay)}.", delay, failures
            )
        left = self.policy.free_attempts - failures
        tries = "1 more try" if left == 1 else f"{left} more tries"
        return CheckResult(Verdict.WRONG, f"Wrong PIN: {tries} before a pause.", 0.0, failures)

    def check(self, pin: str) -> CheckResult:
        """precheck, verify and record in one call (blocking: scripts, tests, worker threads)."""
        early = self.precheck()
        if early is not None:
            return early
        return self.record(verify_pin(pin, self.encoded or ""))
