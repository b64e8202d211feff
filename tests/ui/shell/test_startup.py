"""Start-up and shutdown, the exception hook, logging, the error sentences, the self-test."""

from __future__ import annotations

import asyncio
import logging
import os
import stat
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from qrcashier.checkout.errors import RegisterBusy
from qrcashier.domain.cart import InvalidCart
from qrcashier.domain.money import InvalidAmount
from qrcashier.domain.sale import AttemptState
from qrcashier.mercadopago.errors import NotFound, Unauthorized, Unreachable
from qrcashier.ui.sale.status_panel import ENGINE_STATES, STATES, StatusPanel, customer_state
from qrcashier.ui.shell import app as app_module
from qrcashier.ui.shell import errors
from tests.support.leakwatch import production_shaped_token
from tests.ui.conftest import wait_until

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_async_main_starts_everything_and_cleans_up_before_returning(qapp, tmp_path, token, monkeypatch):
    """The real async main: window painted, sandbox + engine up, close -> quit -> cleanup -> return 0."""
    from qrcashier import services as services_module

    qapp.setQuitOnLastWindowClosed(False)
    monkeypatch.setattr(services_module, "SANDBOX_TOKEN", token)
    closed: list[str] = []
    real_close = services_module.Services.close

    async def close(self):
        engine, http, sandbox = self.engine, self.http, self.sandbox
        await real_close(self)
        closed.append("services")
        assert http.is_closed and engine is not None and sandbox is not None

    monkeypatch.setattr(services_module.Services, "close", close)
    ready: asyncio.Future = asyncio.get_running_loop().create_future()
    csv = tmp_path / "products.csv"  # --import-catalog: one good row, one rejected
    csv.write_text("codigo;descripcion;precio\nMATE1;Mate de calabaza;12500,50\nBAD;;\n", encoding="utf-8")
    args = Namespace(data_dir=str(tmp_path), sandbox=True, printer=None, import_catalog=str(csv),
                     order_expiry=None, fullscreen_customer=False)
    main = asyncio.ensure_future(app_module.async_main(args, ready=ready))
    window = await asyncio.wait_for(ready, 10)
    assert window.isVisible() and window.customer.isVisible()
    # the import runs on a worker thread after the window shows; its report follows
    await wait_until(lambda: window.catalog.last_import_report is not None, what="the import report")
    assert (window.catalog.last_import_report.added, len(window.catalog.last_import_report.rejected)) == (1, 1)
    await wait_until(lambda: window.engine is not None and window.engine.ready, what="the engine ready")
    await wait_until(lambda: window.panel_state() == "idle", what="idle after the reconcile")  # set after engine.ready
    assert window.services.phone_url and "/sandbox/phone/CAJA1" in window.services.phone_url
    assert (tmp_path / "journal.sqlite3").exists() and (tmp_path / "catalog.sqlite3").exists()
    window.close()  # the cashier closes the window: closeEvent sets the quit event
    assert await asyncio.wait_for(main, 10) == 0
    assert closed == ["services"]
    assert not window.isVisible()


def test_data_dir_logging_rotates_and_redacts(tmp_path):
    folder = app_module.data_dir(tmp_path / "data")
    assert folder.is_dir()
    path = app_module.setup_logging(folder)
    # Token-shaped, but not the suite's known token (the leak watch would rightly flag that).
    token = production_shaped_token()
    try:
        logging.getLogger("qrcashier.test").info("header was Bearer %s", token)
        try:  # a traceback whose exception text carries the token
            raise RuntimeError(f"request failed: Authorization: Bearer {token}")
        except RuntimeError:
            logging.getLogger("qrcashier.test").exception("the call failed")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "header was Bearer APP_USR-[redacted]" in text
        assert "RuntimeError: request failed: Authorization: Bearer APP_USR-[redacted]" in text
        assert token not in text
        handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler))
        assert handler.maxBytes > 0 and handler.backupCount >= 3
    finally:
        app_module.close_logging()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's (on Windows the profile's ACL applies)")
def test_rotated_logs_are_private_like_the_live_one(tmp_path):
    folder = app_module.data_dir(tmp_path / "data")
    path = app_module.setup_logging(folder)
    try:
        handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler))
        for _ in range(2):
            logging.getLogger("qrcashier.test").info("a line before the rollover")
            handler.doRollover()
        logging.getLogger("qrcashier.test").info("a line after")
        handler.flush()
        logs = sorted(folder.glob(path.name + "*"))
        assert [p.name for p in logs] == [path.name, path.name + ".1", path.name + ".2"]
        assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in logs} == {p.name: 0o600 for p in logs}
    finally:
        app_module.close_logging()


def test_stream_handler_only_when_there_is_a_stderr(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)  # a windowed build
    app_module.setup_logging(tmp_path)
    try:
        assert not any(type(h) is logging.StreamHandler for h in app_module._handlers)
    finally:
        app_module.close_logging()


def test_exception_hook_logs_and_shows_a_non_modal_message(qtbot, caplog):
    hook = app_module.ExceptionHook()
    errors.set_dialogs_enabled(True)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level(logging.CRITICAL, logger="qrcashier.app"):
            hook.hook(type(exc), exc, exc.__traceback__)
    assert any("uncaught RuntimeError" in r.getMessage() and r.exc_info for r in caplog.records)
    qtbot.waitUntil(lambda: hook._box is not None, timeout=2000)
    box = hook._box
    assert isinstance(box, QMessageBox) and box.isVisible()
    # never application-modal: opened with open(), the loop and the other windows go on
    assert box.windowModality() != Qt.WindowModality.ApplicationModal
    assert "Sales already saved are safe" in box.text()
    assert "RuntimeError: boom" in box.detailedText()
    box.close()
    qtbot.waitUntil(lambda: hook._box is None, timeout=2000)


def test_error_sentences():
    assert errors.user_message(Unreachable("x")) == Unreachable.default_user_message
    assert "401" in errors.user_message(Unauthorized("x", status=401))
    assert "POS" in errors.user_message(NotFound("x", status=404, code="pos_obtainment_error"))
    assert errors.user_message(RegisterBusy("Another sale is on the QR.", 3)) == "Another sale is on the QR."
    assert errors.user_message(InvalidCart("the cart is empty: add at least one item")) == (
        "The cart is empty: add at least one item."
    )
    assert errors.user_message(InvalidAmount("the amount must be greater than zero")).startswith("The amount")
    assert errors.user_message(KeyError("bug")) == errors.BUG_MESSAGE
    assert not errors.is_expected(ZeroDivisionError())


def test_every_engine_state_has_a_sentence_and_a_next_step(qtbot):
    panel = StatusPanel()
    qtbot.addWidget(panel)
    for state in AttemptState:
        name = ENGINE_STATES[str(state)]
        text = STATES[name]
        assert text.title and text.sentence.endswith(".") and text.next_step.endswith(".")
        panel.set_state(name)
        assert panel.title.text() == text.title and panel.next_step.text() == text.next_step
    for extra in ("idle", "scanned", "rejected", "offline", "starting"):
        assert STATES[extra].next_step
    from qrcashier.ui.sale.customer_window import STATES as CUSTOMER

    for name in STATES:
        assert customer_state(name) in CUSTOMER


def test_self_test_exits_zero(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = str(ROOT / "app")
    proc = subprocess.run(
        [sys.executable, "-m", "qrcashier", "--self-test", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=60, env=env, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("self-test PASS in ") and "paid" in lines[0]
    assert (tmp_path / "qrcashier.log").exists()


def test_options_never_show_the_token_or_the_webhook_secret(tmp_path):
    from qrcashier.services import Options

    token = production_shaped_token()
    text = repr(Options(data_dir=tmp_path, token=token, webhook_secret="whsec-do-not-show"))
    assert token not in text and "whsec-do-not-show" not in text and "data_dir" in text
