"""The webhook signature: manifest, HMAC, header parsing, freshness window and replays."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from qrcashier.notifications import signature as sigmod
from qrcashier.notifications.signature import (
    InvalidSignature,
    SignatureVerifier,
    build_manifest,
    parse_signature_header,
    sign,
    signature_header,
    timestamp_seconds,
)

SECRET = "sandbox-webhook-secret"
REQUEST_ID = "bb56a2f1-6aae-46ac-982e-9dcd3581d08e"
TS = 1704908010  # 10 digits: seconds, as seen in real headers
ORDER_ID = "ORD01K8XQXAC5F2HA56BWPN4ZJ53G"
# Computed once, independently of the code under test (hmac/hashlib on the literal manifest).
ORDER_VECTOR = "34a89154f0549e72f61dfd87f2d5ff60688b1262dca315eed96fcb731fd04aaf"
PAYMENT_VECTOR = "d4a1badd267f71d5f1b0da2fc9afb29734713ada5a633c75e568854b0847383a"


class FakeClock:
    def __init__(self, now: float = TS) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def verifier(now: float = TS, **kwargs) -> tuple[SignatureVerifier, FakeClock]:
    clock = FakeClock(now)
    return SignatureVerifier(SECRET, clock=clock, **kwargs), clock


# --- manifest and HMAC ---------------------------------------------------------------------------

def test_manifest_has_the_documented_shape() -> None:
    assert build_manifest("123456", REQUEST_ID, "1704908010") == f"id:123456;request-id:{REQUEST_ID};ts:1704908010;"


def test_alphanumeric_ids_are_lowercased_in_the_manifest() -> None:
    assert build_manifest(ORDER_ID, REQUEST_ID, "1").startswith(f"id:{ORDER_ID.lower()};")


def test_non_alphanumeric_ids_are_kept_as_received() -> None:
    assert build_manifest("AB-12", None, "1") == "id:AB-12;ts:1;"


@pytest.mark.parametrize(
    ("data_id", "request_id", "expected"),
    [
        (None, REQUEST_ID, f"request-id:{REQUEST_ID};ts:7;"),
        ("99", None, "id:99;ts:7;"),
        ("", "", "ts:7;"),
    ],
)
def test_missing_parts_are_left_out_keeping_the_trailing_semicolon(data_id, request_id, expected) -> None:
    assert build_manifest(data_id, request_id, "7") == expected


def test_hmac_matches_an_independently_computed_vector() -> None:
    assert sign(SECRET, ORDER_ID, REQUEST_ID, str(TS)) == ORDER_VECTOR
    assert sign(SECRET, "123456", REQUEST_ID, str(TS)) == PAYMENT_VECTOR
    manifest = f"id:123456;request-id:{REQUEST_ID};ts:{TS};"
    assert hmac.new(SECRET.encode(), manifest.encode(), hashlib.sha256).hexdigest() == PAYMENT_VECTOR


def test_signature_header_round_trips() -> None:
    header = signature_header(SECRET, "123456", REQUEST_ID, TS)
    assert header == f"ts={TS},v1={PAYMENT_VECTOR}"
    parsed = parse_signature_header(header)
    assert parsed.ts == str(TS) and parsed.hashes == (PAYMENT_VECTOR,)


# --- header parsing --------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_header(value) -> None:
    with pytest.raises(InvalidSignature) as err:
        parse_signature_header(value)
    assert err.value.reason == InvalidSignature.MISSING_HEADER


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("garbage", InvalidSignature.MALFORMED_HEADER),
        ("ts=abc,v1=" + "0" * 64, InvalidSignature.MALFORMED_HEADER),
        ("ts=1,ts=2,v1=" + "0" * 64, InvalidSignature.MALFORMED_HEADER),
        ("ts=1,v1=xyz", InvalidSignature.MALFORMED_HEADER),
        ("v1=" + "0" * 64, InvalidSignature.MISSING_TIMESTAMP),
        ("ts=1704908010", InvalidSignature.MISSING_HASH),
        ("ts=1," + "v1=" + "0" * 64 * 20, InvalidSignature.MALFORMED_HEADER),
    ],
)
def test_malformed_headers(value, reason) -> None:
    with pytest.raises(InvalidSignature) as err:
        parse_signature_header(value)
    assert err.value.reason == reason


def test_header_order_spaces_case_and_unknown_keys_are_tolerated() -> None:
    parsed = parse_signature_header(f" v1={PAYMENT_VECTOR.upper()} , TS={TS}, v2=whatever")
    assert parsed.ts == str(TS) and parsed.hashes == (PAYMENT_VECTOR,)


# --- verification --------------------------------------------------------------------------------

def test_valid_signature_is_accepted() -> None:
    v, _ = verifier()
    v.verify(signature_header(SECRET, "123456", REQUEST_ID, TS), REQUEST_ID, "123456")


def test_forged_with_another_secret_is_refused() -> None:
    v, _ = verifier()
    forged = signature_header("not-the-secret", "123456", REQUEST_ID, TS)
    with pytest.raises(InvalidSignature) as err:
        v.verify(forged, REQUEST_ID, "123456")
    assert err.value.reason == InvalidSignature.MISMATCH


@pytest.mark.parametrize(
    ("data_id", "request_id", "ts_shift"),
    [("654321", REQUEST_ID, 0), ("123456", "another-request", 0), ("123456", REQUEST_ID, 1), (None, REQUEST_ID, 0)],
)
def test_tampering_with_any_signed_part_is_refused(data_id, request_id, ts_shift) -> None:
    v, _ = verifier()
    good = sign(SECRET, "123456", REQUEST_ID, str(TS))
    with pytest.raises(InvalidSignature) as err:
        v.verify(f"ts={TS + ts_shift},v1={good}", request_id, data_id)
    assert err.value.reason == InvalidSignature.MISMATCH


def test_comparison_is_constant_time(monkeypatch) -> None:
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(sigmod.hmac, "compare_digest", spy)
    v, _ = verifier()
    v.verify(signature_header(SECRET, "1", REQUEST_ID, TS), REQUEST_ID, "1")
    assert len(calls) == 1


def test_any_of_several_v1_values_may_match() -> None:
    v, _ = verifier()
    good = sign(SECRET, "1", REQUEST_ID, str(TS))
    v.verify(f"ts={TS},v1={'0' * 64},v1={good}", REQUEST_ID, "1")


def test_missing_header_is_refused() -> None:
    v, _ = verifier()
    with pytest.raises(InvalidSignature) as err:
        v.verify(None, REQUEST_ID, "1")
    assert err.value.reason == InvalidSignature.MISSING_HEADER


def test_upper_case_order_ids_verify_against_the_lowercase_manifest() -> None:
    v, _ = verifier()
    # Mercado Pago signs the lower-cased id; the query string carries it upper-case.
    v.verify(f"ts={TS},v1={ORDER_VECTOR}", REQUEST_ID, ORDER_ID)


def test_a_signer_that_kept_the_upper_case_id_does_not_verify() -> None:
    v, _ = verifier()
    manifest = f"id:{ORDER_ID};request-id:{REQUEST_ID};ts:{TS};"
    wrong = hmac.new(SECRET.encode(), manifest.encode(), hashlib.sha256).hexdigest()
    with pytest.raises(InvalidSignature) as err:
        v.verify(f"ts={TS},v1={wrong}", REQUEST_ID, ORDER_ID)
    assert err.value.reason == InvalidSignature.MISMATCH


# --- the ts unit and the freshness window -----------------------------------------------------------

def test_timestamp_seconds_reads_both_units() -> None:
    assert timestamp_seconds("1704908010") == 1704908010.0
    assert timestamp_seconds("1704908010123") == pytest.approx(1704908010.123)


@pytest.mark.parametrize("ts", [str(TS), str(TS * 1000 + 456)], ids=["seconds", "milliseconds"])
def test_ts_in_seconds_or_milliseconds_is_accepted_inside_the_window(ts) -> None:
    v, _ = verifier(now=TS + 100)
    v.verify(f"ts={ts},v1={sign(SECRET, '1', REQUEST_ID, ts)}", REQUEST_ID, "1")


@pytest.mark.parametrize("ts", [str(TS), str(TS * 1000)], ids=["seconds", "milliseconds"])
@pytest.mark.parametrize("shift", [301, -301], ids=["old", "future"])
def test_ts_outside_the_window_is_stale_in_either_unit(ts, shift) -> None:
    v, _ = verifier(now=TS + shift)
    with pytest.raises(InvalidSignature) as err:
        v.verify(f"ts={ts},v1={sign(SECRET, '1', REQUEST_ID, ts)}", REQUEST_ID, "1")
    assert err.value.reason == InvalidSignature.STALE


def test_no_window_accepts_any_ts_but_still_refuses_replays() -> None:
    v, _ = verifier(now=TS + 10 * 86400, window=None)
    header = signature_header(SECRET, "1", REQUEST_ID, TS)
    v.verify(header, REQUEST_ID, "1")
    with pytest.raises(InvalidSignature) as err:
        v.verify(header, REQUEST_ID, "1")
    assert err.value.reason == InvalidSignature.REPLAYED


# --- replays -------------------------------------------------------------------------------------

def test_replayed_request_is_refused() -> None:
    v, clock = verifier()
    header = signature_header(SECRET, "1", REQUEST_ID, TS)
    v.verify(header, REQUEST_ID, "1")
    clock.now += 5
    with pytest.raises(InvalidSignature) as err:
        v.verify(header, REQUEST_ID, "1")
    assert err.value.reason == InvalidSignature.REPLAYED


def test_a_new_request_id_for_the_same_resource_is_not_a_replay() -> None:
    v, _ = verifier()
    v.verify(signature_header(SECRET, "1", "req-a", TS), "req-a", "1")
    v.verify(signature_header(SECRET, "1", "req-b", TS), "req-b", "1")


def test_a_replay_after_the_window_is_stale_not_accepted() -> None:
    v, clock = verifier()
    header = signature_header(SECRET, "1", REQUEST_ID, TS)
    v.verify(header, REQUEST_ID, "1")
    clock.now += 3600
    with pytest.raises(InvalidSignature) as err:
        v.verify(header, REQUEST_ID, "1")
    assert err.value.reason == InvalidSignature.STALE


def test_a_forgery_cannot_use_up_a_genuine_request_id() -> None:
    v, _ = verifier()
    with pytest.raises(InvalidSignature):
        v.verify(signature_header("forger", "1", REQUEST_ID, TS), REQUEST_ID, "1")
    v.verify(signature_header(SECRET, "1", REQUEST_ID, TS), REQUEST_ID, "1")


def test_without_a_request_id_the_signature_identifies_the_delivery() -> None:
    v, _ = verifier()
    header = signature_header(SECRET, "1", None, TS)
    v.verify(header, None, "1")
    with pytest.raises(InvalidSignature) as err:
        v.verify(header, None, "1")
    assert err.value.reason == InvalidSignature.REPLAYED


def test_the_replay_cache_is_bounded_and_forgets_expired_entries() -> None:
    v, clock = verifier(max_seen=3)
    for n in range(5):
        v.verify(signature_header(SECRET, "1", f"r{n}", TS), f"r{n}", "1")
    assert len(v._seen) == 3
    clock.now += 2 * 300 + 1
    v._forget_expired(clock.now)
    assert not v._seen


def test_the_secret_never_shows_in_repr_or_errors() -> None:
    v, _ = verifier()
    assert SECRET not in repr(v)
    with pytest.raises(InvalidSignature) as err:
        v.verify("ts=1,v1=" + "0" * 64, REQUEST_ID, "1")
    assert SECRET not in str(err.value)


def test_an_empty_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        SignatureVerifier("")
    with pytest.raises(ValueError):
        sign("", "1", None, "1")
