"""The diagnostics dialog and the support bundle after a real sale on the sandbox (loopback),
paid with the suite's known token: the bundle must not hold it, nor any e-mail address."""

from __future__ import annotations

import json
import logging
import re
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from qrcashier import __version__
from qrcashier.mercadopago import AccessToken
from qrcashier.settings import AppSettings, Mode
from qrcashier.token_store import BackendChoice, TokenStore
from qrcashier.ui.diagnostics.view import DiagnosticsDialog
from tests.ui.conftest import control, running_app, wait_until

COKE = "7790895000102"
EMAIL = re.compile(rb"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PREFIX = "qrcashier-support/"


def scan(widget, code: str) -> None:
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def app_log(tmp_path):
    """The app's log file in the data folder, written *without* the app's redacting filter:
    the bundle must not rely on the log having been clean."""
    handler = logging.FileHandler(tmp_path / "qrcashier.log", encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    yield tmp_path / "qrcashier.log"
    root.removeHandler(handler)
    handler.close()


def plant_an_old_leaky_log(folder, token: str) -> None:
    """A rotated log from an imagined older version that logged what it never should have.
    Written straight to the file: through `logging` the suite's leak watch would (rightly) fail."""
    (folder / "qrcashier.log.1").write_text(
        "2026-11-24 10:00:00,000 DEBUG   old: GET /users/me Authorization: Bearer " + token + "\n"
        "2026-11-24 10:00:01,000 DEBUG   old: headers {'authorization': 'Bearer " + token + "'}\n"
        '2026-11-24 10:00:02,000 DEBUG   old: merchant_order {"payer": {"id": 1234567, "email": '
        '"test_user_buyer@testuser.com", "nickname": "TESTBUYER"}, "total_amount": 3800}\n'
        "2026-11-24 10:00:03,000 INFO    old: contact ana.gomez@example.com, tel: 11 4555-1234, DNI 30.111.222\n",
        encoding="utf-8",
    )


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_support_bundle_after_a_sandbox_sale_has_no_token_and_no_email(
    qtbot, tmp_path, token, memory_keyring, app_log
):
    plant_an_old_leaky_log(tmp_path, token)
    tokens = TokenStore(BackendChoice.injected(memory_keyring), account="register:default")
    tokens.set(AccessToken(token))
    settings = AppSettings.from_file(tmp_path / "settings.ini")
    settings.mode = Mode.SANDBOX
    settings.site = "MLA"
    settings.nickname = "JUAN.PEREZ"
    settings.last_supervisor = "María Gómez"
    settings.q.setValue("supervisor/pin_hash", "scrypt$16384$8$1$c2FsdA$aGFzaA")
    settings.sync()

    async with running_app(qtbot, tmp_path, token) as w:
        # The main window opens it with Ctrl+Shift+D, non-modal; a second press reuses it.
        QTest.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        opened = w.diagnostics_dialog
        assert isinstance(opened, DiagnosticsDialog) and opened.isVisible() and not opened.isModal()
        await wait_until(lambda: opened.report is not None, what="the report from the main window's dialog")
        QTest.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert w.diagnostics_dialog is opened
        await wait_until(lambda: not opened._tasks, what="the refresh")
        opened.close()
        await wait_until(lambda: QApplication.activeWindow() is w, what="the main window active again")

        dialog = DiagnosticsDialog(w.services, parent=w, settings=settings, tokens=tokens)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.isModal()

        # A charge on the QR: one live attempt.
        scan(w.item_field, COKE)
        QTest.keyClick(w, Qt.Key.Key_F12)
        await wait_until(lambda: w.panel_state() == "waiting", what="the order on the QR")
        await dialog.refresh()
        live = dialog.report
        assert [a.state for a in live.live_attempts] == ["waiting"] and live.review_attempts == ()
        assert live.live_attempts[0].reference == w.attempt.reference
        assert "1 live, 0 waiting for a supervisor" in dialog.values["pending"].text()  # English: the sources

        await control(w, "POST", "scan")
        await control(w, "POST", "pay", {"status": "approved"})
        await wait_until(lambda: w.panel_state() == "paid" and w.last_receipt is not None, what="paid")
        reference = w.attempt.reference

        await dialog.refresh()
        report = dialog.report
        assert report.version == __version__ and report.mode == "sandbox" and report.site == "MLA"
        assert report.api_generation == "instore_v2" and report.qr_mode == "static"
        assert report.keyring_backend == "InMemoryKeyring" and report.keyring_secure
        assert report.last_contact is not None
        assert 0 <= (report.generated_at - report.last_contact).total_seconds() < 30
        assert report.pending == () and report.engine_ready
        assert report.journal_size and report.log_files == ("qrcashier.log", "qrcashier.log.1")
        assert dialog.values["version"].text() == f"QR Cashier {__version__}"
        assert "instore_v2" in dialog.values["api"].text()
        assert dialog.values["keyring"].text() == "InMemoryKeyring"

        dialog.copy_to_clipboard()
        copied = QApplication.clipboard().text()
        assert "last successful contact with Mercado Pago: 20" in copied and token not in copied

        # "Export support bundle…" opens a non-modal file dialog; the export itself runs off the UI thread.
        chooser = dialog.choose_bundle_path()
        assert isinstance(chooser, QFileDialog) and chooser.isVisible()
        assert chooser.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        chooser.reject()
        bundle = await dialog.export_to(tmp_path / "out" / "support.zip")
        assert bundle is not None and bundle.exists() and dialog.last_bundle == bundle
        assert str(bundle) in dialog.status.text()

    with zipfile.ZipFile(bundle) as zf:
        members = {name[len(PREFIX):]: zf.read(name) for name in zf.namelist()}
    assert set(members) >= {
        "README.txt", "report.txt", "report.json", "journal-summary.txt", "journal-summary.json",
        "settings.json", "logs/qrcashier.log", "logs/qrcashier.log.1",
    }
    # Every byte of every member: no token, not even in pieces we know of, and no e-mail.
    with_token = [name for name, data in members.items() if token.encode() in data]
    assert not with_token, f"the token is in {with_token}"
    assert not [n for n, d in members.items() if b"leakwatch-4d9c2e71b8" in d or b"SANDBOX-MLA" in d]
    with_email = [name for name, data in members.items() if EMAIL.search(data)]
    assert not with_email, f"an e-mail address is in {with_email}"
    for personal in (b"testuser.com", b"TESTBUYER", b"JUAN.PEREZ", "María".encode(), b"30.111.222", b"4555-1234",
                     b"scrypt$"):
        assert not [n for n, d in members.items() if personal in d], personal

    # The journal summary: the paid sale, counts per state, the audit trail without names.
    summary = json.loads(members["journal-summary.json"])
    assert summary["attempts_by_state"] == {"paid": 1} and summary["live"] == 0
    assert summary["payments_by_status"] == {"approved": 1} and summary["receipts_by_kind"] == {"original": 1}
    last = summary["last_50_attempts"]
    assert [(a["reference"], a["state"], a["amount"]) for a in last] == [(reference, "paid", "3800.00")]
    assert last[0]["payments"] and last[0]["created_at"] and last[0]["updated_at"]
    assert reference.encode() in members["journal-summary.txt"]

    # The logs: this run's (a line the engine wrote) and the old one, redacted.
    assert reference.encode() in members["logs/qrcashier.log"] or b"qrcashier" in members["logs/qrcashier.log"]
    old = members["logs/qrcashier.log.1"].decode()
    assert old.count("[token]") >= 2 and "[personal]" in old and "total_amount" in old

    settings_json = json.loads(members["settings.json"])
    assert settings_json["settings/mp/site"] == "MLA" and settings_json["options/api"] is None
    assert settings_json["settings/mp/nickname"] == "[removed]"
    assert settings_json["settings/supervisor/pin_hash"] == "[removed]"
    assert "options/token" not in settings_json
    report_json = json.loads(members["report.json"])
    assert report_json["version"] == __version__ and report_json["last_contact"]
