"""Mercado Pago's webhook signature (`x-signature`), checked without trusting anything else.

A webhook carries two headers (mercadopago-api.md §7.2):

    x-signature:  ts=1704908010,v1=618c85345248dd820d5fd456117c2ab2ef8eda45a0282ff693eac24131a5e839
    x-request-id: <uuid>

and `v1` is `hex(HMAC_SHA256(secret, manifest))` over the manifest

    id:<data.id>;request-id:<x-request-id>;ts:<ts>;

where `data.id` comes from the query string and is lower-cased when it is alphanumeric
(Orders ids such as `ORD01K…`), and a pair whose value is missing is left out. The
comparison is constant-time.

Two things the sources leave open are handled here on purpose:

- The unit of `ts`: one SDK says milliseconds, its code and the headers seen in practice
  say seconds (§7.2 CONFLICT). `timestamp_seconds` accepts both: a value of 10^11 or more
  is milliseconds (10^11 seconds is the year 5138; 10^11 ms is 1973).
- Replays: a signature stays valid forever, so `SignatureVerifier` refuses a `ts` outside
  a window around now and remembers the request ids it has accepted inside that window.
  Only a request whose HMAC verified is remembered, so a forger cannot "use up" a request
  id before the genuine delivery arrives.

QR IPN notifications (`?topic=merchant_order|payment`) are not signed by Mercado Pago
(§7.1): their `x-signature` never verifies, and the receiver does not check it. Nothing
here is needed for them.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

# A ts of this value or more is in milliseconds (see the module docstring).
MS_THRESHOLD = 100_000_000_000
DEFAULT_WINDOW = 300.0  # seconds either side of now
DEFAULT_MAX_SEEN = 10_000
_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")
_DIGITS = re.compile(r"^[0-9]{1,16}$")


class InvalidSignature(Exception):
    """The request is not a genuine, fresh Mercado Pago webhook. `reason` says why."""

    MISSING_HEADER = "missing_header"
    MALFORMED_HEADER = "malformed_header"
    MISSING_TIMESTAMP = "missing_timestamp"
    MISSING_HASH = "missing_hash"
    MISMATCH = "mismatch"
    STALE = "stale"  # ts outside the window
    REPLAYED = "replayed"  # a request id already accepted

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass(frozen=True)
class SignatureHeader:
    ts: str
    hashes: tuple[str, ...]  # every v1 value (more than one during a secret rotation)


def parse_signature_header(value: str | None) -> SignatureHeader:
    """`ts=<digits>,v1=<64 hex>` (order and spaces free; unknown keys ignored)."""
    if value is None or not value.strip():
        raise InvalidSignature(InvalidSignature.MISSING_HEADER, "no x-signature header")
    if len(value) > 1024:
        raise InvalidSignature(InvalidSignature.MALFORMED_HEADER, "x-signature is too long")
    ts: str | None = None
    hashes: list[str] = []
    for part in value.split(","):
        key, sep, val = part.strip().partition("=")
        if not sep:
            raise InvalidSignature(InvalidSignature.MALFORMED_HEADER, "x-signature is not key=value pairs")
        key, val = key.strip().lower(), val.strip()
        if key == "ts":
            if ts is not None or not _DIGITS.match(val):
                raise InvalidSignature(InvalidSignature.MALFORMED_HEADER, "ts is not one whole number")
            ts = val
        elif key == "v1":
            if not _HEX64.match(val):
                raise InvalidSignature(InvalidSignature.MALFORMED_HEADER, "v1 is not a SHA-256 hex digest")
            hashes.append(val.lower())
    if ts is None:
        raise InvalidSignature(InvalidSignature.MISSING_TIMESTAMP, "x-signature has no ts")
    if not hashes:
        raise InvalidSignature(InvalidSignature.MISSING_HASH, "x-signature has no v1")
    return SignatureHeader(ts, tuple(hashes))


def manifest_id(data_id: str | None) -> str | None:
    """The id as it goes into the manifest: lower-cased when alphanumeric, else as received."""
    if data_id is None or data_id == "":
        return None
    return data_id.lower() if data_id.isascii() and data_id.isalnum() else data_id


def build_manifest(data_id: str | None, request_id: str | None, ts: str | None) -> str:
    """`id:<id>;request-id:<request id>;ts:<ts>;`, leaving out each pair whose value is missing."""
    parts = []
    mid = manifest_id(data_id)
    if mid is not None:
        parts.append(f"id:{mid};")
    if request_id:
        parts.append(f"request-id:{request_id};")
    if ts:
        parts.append(f"ts:{ts};")
    return "".join(parts)


def sign(secret: str, data_id: str | None, request_id: str | None, ts: str) -> str:
    """The hex HMAC-SHA256 of the manifest (what Mercado Pago puts in `v1`)."""
    if not secret:
        raise ValueError("a webhook secret cannot be empty")
    manifest = build_manifest(data_id, request_id, ts)
    return hmac.new(secret.encode("utf-8"), manifest.encode("utf-8"), hashlib.sha256).hexdigest()


def signature_header(secret: str, data_id: str | None, request_id: str | None, ts: int | str) -> str:
    """A complete `x-signature` value, as the sandbox sends it."""
    ts = str(ts)
    return f"ts={ts},v1={sign(secret, data_id, request_id, ts)}"


def timestamp_seconds(ts: str) -> float:
    """`ts` in seconds, whether it was sent in seconds or in milliseconds."""
    value = int(ts)
    return value / 1000.0 if value >= MS_THRESHOLD else float(value)


class SignatureVerifier:
    """Checks webhooks against one secret, with a freshness window and a replay cache.

    `window` (seconds) bounds how far `ts` may be from now, either way; None turns the
    freshness check off (then accepted request ids are remembered for `replay_ttl`).
    `clock` returns Unix seconds (injectable for tests).
    """

    def __init__(
        self,
        secret: str,
        *,
        window: float | None = DEFAULT_WINDOW,
        replay_ttl: float = 24 * 3600.0,
        max_seen: int = DEFAULT_MAX_SEEN,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not secret:
            raise ValueError("a webhook secret cannot be empty")
        if window is not None and window <= 0:
            raise ValueError("the replay window must be positive (or None)")
        self._key = secret.encode("utf-8")
        self.window = window
        self.replay_ttl = replay_ttl
        self.max_seen = max_seen
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()  # replay key -> forget after (Unix s)

    def __repr__(self) -> str:  # never the secret
        return f"SignatureVerifier(window={self.window})"

    def verify(self, x_signature: str | None, x_request_id: str | None, data_id: str | None) -> None:
        """Return if the webhook is genuine and fresh; raise InvalidSignature otherwise."""
        header = parse_signature_header(x_signature)
        manifest = build_manifest(data_id, x_request_id, header.ts).encode("utf-8")
        expected = hmac.new(self._key, manifest, hashlib.sha256).hexdigest()
        # Compare against every v1 without stopping early, in constant time each.
        matched = False
        for candidate in header.hashes:
            matched |= hmac.compare_digest(expected, candidate)
        if not matched:
            raise InvalidSignature(InvalidSignature.MISMATCH, "the signature does not match")
        now = self._clock()
        sent = timestamp_seconds(header.ts)
        if self.window is not None and abs(now - sent) > self.window:
            raise InvalidSignature(InvalidSignature.STALE, f"ts is {now - sent:.0f} s from now")
        # Without a request id, the signature itself identifies the delivery.
        self._remember(x_request_id or f"{header.ts}|{header.hashes[0]}", now)

    def _remember(self, key: str, now: float) -> None:
        self._forget_expired(now)
        if key in self._seen:
            raise InvalidSignature(InvalidSignature.REPLAYED, "this request was already accepted")
        # Kept while a copy could still pass the freshness check (ts may be up to `window` ahead).
        keep = 2 * self.window if self.window is not None else self.replay_ttl
        self._seen[key] = now + keep
        while len(self._seen) > self.max_seen:
            self._seen.popitem(last=False)

    def _forget_expired(self, now: float) -> None:
        while self._seen:
            key, until = next(iter(self._seen.items()))
            if until > now:
                break
            self._seen.popitem(last=False)
