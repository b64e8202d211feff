"""The bundle's leak scan finds the token's secret part in every disguise redaction misses."""

from __future__ import annotations

import base64
import secrets

import pytest

from qrcashier.diagnostics import Redactor

SECRET = f"{secrets.randbelow(10**15):015d}-{secrets.token_hex(16)}-{secrets.randbelow(10**9):09d}"
TOKEN = "APP_USR-" + SECRET  # made at run time: no token, even a fake one, is committed


@pytest.mark.parametrize(
    "disguise",
    [
        lambda t: base64.b64encode(t.encode()).decode(),
        lambda t: base64.urlsafe_b64encode(f"user:{t}".encode()).decode().rstrip("="),
        lambda t: t[:20] + "\n" + t[20:],
        lambda t: t.lower(),
        lambda t: t.upper(),
        lambda t: t.removeprefix("APP_USR-"),
        lambda t: t[:15] + "\u200b" + t[15:],
        lambda t: t.removeprefix("APP_USR-")[:30] + "\r\n  " + t.removeprefix("APP_USR-")[30:].lower(),
    ],
    ids=["base64", "urlsafe-base64-inside", "newline", "lower", "upper", "no-prefix", "zero-width", "mixed"],
)
def test_a_disguised_token_is_a_leak(disguise):
    text = f"2026-12-07 log line: {disguise(TOKEN)} end\n"
    assert Redactor([TOKEN]).leaks(text.encode())


def test_a_token_split_by_a_newline_still_leaks_after_redaction_took_its_first_half():
    redactor = Redactor([TOKEN])
    redacted = redactor(f"token: {TOKEN[:20]}\n{TOKEN[20:]}\n")
    assert "[token]" in redacted and TOKEN[20:] in redacted  # the regex caught only the first line
    assert redactor.leaks(redacted.encode())


def test_ordinary_text_is_not_a_leak():
    redactor = Redactor([TOKEN])
    text = "GET /v1/payments/123 200\n" + base64.b64encode(b"nothing secret here at all").decode()
    assert redactor.leaks(text.encode()) == []


def test_the_written_bundle_is_0600(tmp_path):
    import os
    import stat

    from qrcashier.diagnostics import build_bundle, gather

    if os.name != "posix":
        pytest.skip("mode bits are POSIX; Windows uses the profile's ACL")
    old = os.umask(0o022)
    try:
        report = gather(version="1", data_dir=tmp_path)
        path = build_bundle(tmp_path / "bundle.zip", report=report, data_dir=tmp_path, secrets=[TOKEN])
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
