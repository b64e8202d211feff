"""The redactor and the pure parts of the bundle: no window, no network."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import UTC, datetime, timedelta

import pytest

from qrcashier import diagnostics
from qrcashier.checkout.journal import Journal
from qrcashier.diagnostics import PERSONAL_MARK, TOKEN_MARK, Redactor
from tests.support.leakwatch import production_shaped_token

EMAIL = re.compile(rb"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("GET /users/me Authorization: Bearer {token}", ["{token}", "leakwatch"], ["GET /users/me", TOKEN_MARK]),
        ("headers={{'Authorization': 'Bearer abc.def-123'}}", ["abc.def-123"], ["Authorization", TOKEN_MARK]),
        ("authorization: Basic dXNlcjpwYXNz", ["dXNlcjpwYXNz"], [TOKEN_MARK]),
        ("using " + production_shaped_token() + " now", ["APP_USR-", "abcdef"], ["using", "now"]),
        (
            "-".join(["TEST", "5555" * 4, "010101", "ffff"]) + " and SANDBOX-MLA-demo",
            ["TEST-5555", "SANDBOX-MLA"],
            [TOKEN_MARK],
        ),
        ("the bare value {token} and %-quoted {quoted}", ["leakwatch"], [TOKEN_MARK]),
        ("https://api/x?access_token=abcdefgh123&limit=1", ["abcdefgh123"], ["limit=1"]),
        (
            '{{"payer": {{"id": 12345678, "email": "ana@example.com", "first_name": "Ana"}}, "total": "10.00"}}',
            ["ana@example.com", "Ana", "12345678"],
            ['"total": "10.00"', PERSONAL_MARK],
        ),
        ("{{'identification': {{'type': 'DNI', 'number': '30111222'}}}}", ["30111222"], [PERSONAL_MARK]),
        ('"first_name": "José", "last_name": "Pérez", "payer_id": 998877', ["José", "Pérez", "998877"], []),
        ("payer_id=987654321 and buyer id: 4321", ["987654321", "4321"], [PERSONAL_MARK]),
        ("write to juan.perez+shop@mail.com.ar", ["juan.perez", "mail.com.ar"], ["write to"]),
        ("tel: (011) 4555-1234 / +54 9 11 5555-1234 / +55 (11) 91234-5678", ["4555", "5555", "91234"], []),
        ("DNI 12.345.678, CPF 123.456.789-09, CUIT 20-12345678-9", ["345", "456.789", "12345678"], ["DNI", "CPF"]),
        ("RUT 12.345.678-K; CNPJ 12.345.678/0001-90; dni: 30111222", ["678-K", "0001", "30111222"], []),
    ],
)
def test_redactor_removes_tokens_and_personal_data(text, gone, kept, token):
    import urllib.parse

    text = text.format(token=token, quoted=urllib.parse.quote(token, safe=""))
    out = Redactor([token])(text)
    for piece in gone:
        assert piece.format(token=token) not in out, out
    for piece in kept:
        assert piece in out, out


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-25 04:35:36,123 INFO qrcashier.checkout: CAJA1-K7F-1 paid $ 3.800,00 payment 12345678901",
        "total $ 12.345.678 · COP 1.234.567 · 1.234.567,00 · R$ 1.234.567",
        "at 2026-11-25T04:35:36.123456+00:00 from 127.0.0.1:8080 on Qt 6.11.3",
        "merchant_order 9876543210 for user 123456789, store KIOSCO1, pos CAJA1",
        "see the documentation; the order was cancelled; telemetry off",
    ],
)
def test_redactor_keeps_what_support_needs(text):
    assert Redactor(["SANDBOX-MLA-leakwatch-4d9c2e71b8"])(text) == text


def test_short_secrets_are_not_used_as_patterns():
    assert Redactor(["", "ab", "   "]).secrets == ()


def test_settings_drop_secret_and_personal_keys():
    clean = diagnostics.settings_without_secrets({
        "mp/site": "MLB", "mp/nickname": "JUANPEREZ", "supervisor/pin_hash": "scrypt$x",
        "supervisor/lockout": "3", "supervisor/last_name": "María", "mp/user_id": 42, "ui/language": "pt",
    })
    assert clean["mp/site"] == "MLB" and clean["mp/user_id"] == 42 and clean["ui/language"] == "pt"
    for key in ("mp/nickname", "supervisor/pin_hash", "supervisor/lockout", "supervisor/last_name"):
        assert clean[key] == "[removed]"


def test_report_text_and_pending_attempts():
    class A:
        reference, state, total = "CAJA1-K7F-1", "waiting", "3800.00"
        created_at = updated_at = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)
        expires_at = created_at + timedelta(minutes=10)

    now = datetime(2026, 11, 25, 4, 1, 30, tzinfo=UTC)
    report = diagnostics.gather(version="9.9", qt_version="6.11.3", api_generation="orders", keyring_backend="KWallet",
                                keyring_secure=True, last_contact=now - timedelta(seconds=90), live_attempts=[A()],
                                now=now)
    text = report.as_text()
    assert "QR Cashier 9.9" in text and "API orders" in text and "KWallet (secure)" in text
    assert "1 min ago" in text and "1 live, 0 needing review" in text and "CAJA1-K7F-1  waiting" in text
    assert json.loads(json.dumps(report.as_dict()))["last_contact"] == "2026-11-25T04:00:00+00:00"
    never = diagnostics.gather(version="9.9", now=now)
    assert "never in this run" in never.as_text() and "NOT SECURE" in never.as_text()


def test_journal_summary_of_a_missing_and_an_empty_journal(tmp_path):
    assert diagnostics.journal_summary(tmp_path / "none.sqlite3")["exists"] is False
    journal = Journal.open_sync(tmp_path / "journal.sqlite3")
    try:
        summary = diagnostics.journal_summary(tmp_path / "journal.sqlite3")
    finally:
        journal.close_sync()
    assert summary["exists"] and summary["attempts_by_state"] == {} and summary["live"] == 0
    assert "attempts by state: none" in diagnostics.summary_text(summary)


def test_bundle_without_logs_or_journal_still_says_so(tmp_path, token):
    report = diagnostics.gather(version="1", data_dir=tmp_path)
    out = diagnostics.build_bundle(tmp_path / "b.zip", report=report, data_dir=tmp_path,
                                   journal_path=tmp_path / "journal.sqlite3", secrets=[token])
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert "qrcashier-support/README.txt" in names
        assert b"No log files" in zf.read("qrcashier-support/README.txt")
        assert b"not created yet" in zf.read("qrcashier-support/journal-summary.txt")


def test_a_secret_that_survives_is_refused_and_nothing_is_left(tmp_path, token, monkeypatch):
    # A redactor that forgets its job: the read-back scan must catch it and delete the file.
    monkeypatch.setattr(Redactor, "redact", lambda self, text: text)
    (tmp_path / "qrcashier.log").write_text(f"Authorization: Bearer {token}\n", encoding="utf-8")
    report = diagnostics.gather(version="1", data_dir=tmp_path)
    with pytest.raises(diagnostics.BundleLeak) as caught:
        diagnostics.build_bundle(tmp_path / "b.zip", report=report, data_dir=tmp_path, secrets=[token])
    assert "logs/qrcashier.log" in str(caught.value) and token not in str(caught.value)
    assert not list(tmp_path.glob("b.zip*"))


def test_log_files_are_found_newest_first(tmp_path):
    for name in ("qrcashier.log.2", "qrcashier.log", "qrcashier.log.1", "qrcashier.log.bak", "other.log"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in diagnostics.log_files(tmp_path)] == ["qrcashier.log", "qrcashier.log.1", "qrcashier.log.2"]
