"""Diagnostics (Ctrl+Shift+D): version, API mode, keyring, last contact with Mercado Pago,
pending attempts, and "Export support bundle…".

    dialog = DiagnosticsDialog(services, parent=window)   # settings/tokens: optional
    dialog.show(); dialog.refresh()                       # non-modal; refresh() is an asyncSlot
    dialog.choose_bundle_path()                           # a non-modal QFileDialog (open())
    await dialog.export_to(path)                          # the bundle, built off the UI thread

Non-modal (`show()`/`open()`, never `exec()`: qt-notes §2.3). The journal is read on its
own thread (`engine.attempts`), the keyring backend is chosen on a worker thread when no
token store was given, and the ZIP is written on a worker thread. What is gathered and
how it is redacted lives in `qrcashier.diagnostics` (no Qt).

"Copy to clipboard" copies the report in English (support reads it); the dialog itself is
translated.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qrcashier import __version__, diagnostics
from qrcashier.domain.sale import LIVE_STATES, AttemptState
from qrcashier.ui.sale.status_panel import state_text, ui_state
from qrcashier.ui.shell.i18n import fmt

log = logging.getLogger("qrcashier.ui.diagnostics")


def _pyside_version() -> str:
    try:
        import PySide6

        return PySide6.__version__
    except (ImportError, AttributeError):  # pragma: no cover
        return "?"


def secrets_of(services: Any, tokens: Any) -> list[str]:
    """The token values to blank, besides anything shaped like one. Reads the keyring: call it
    off the Qt thread."""
    values: list[str] = []
    token = getattr(services, "_token", None)  # the client's token this run
    if token is not None:
        values.append(token.reveal())
    option = getattr(services.options, "token", None)
    if option:
        values.append(option)
    if tokens is not None:
        try:
            stored = tokens.get()
        except Exception:  # a locked store: nothing could have been read from it
            stored = None
        if stored is not None:
            values.append(stored.reveal())
    return values


# The QR mode's words (settings keep "static", "dynamic", "hybrid"), shown in the app's language.
QR_MODE_NAMES = {
    "static": QT_TRANSLATE_NOOP("DiagnosticsDialog", "static"),
    "dynamic": QT_TRANSLATE_NOOP("DiagnosticsDialog", "dynamic"),
    "hybrid": QT_TRANSLATE_NOOP("DiagnosticsDialog", "hybrid"),
}


class DiagnosticsDialog(QDialog):
    """See the module docstring."""

    refreshed = Signal(object)  # the diagnostics.Report, each time it is gathered
    exported = Signal(str)  # the bundle's path
    export_failed = Signal(str)  # the sentence shown

    def __init__(
        self, services: Any, parent: QWidget | None = None, *, settings: Any = None, tokens: Any = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings if settings is not None else getattr(services, "settings", None)
        self.tokens = tokens if tokens is not None else getattr(services, "tokens", None)
        self.report: diagnostics.Report | None = None
        self.last_bundle: Path | None = None
        self._backend: tuple[str, bool] | None = None
        self._tasks: set[asyncio.Task] = set()
        self.setWindowTitle(self.tr("Diagnostics"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 560)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        rows = (
            ("version", self.tr("Version")),
            ("platform", self.tr("System")),
            ("mode", self.tr("Mode")),
            ("api", self.tr("Mercado Pago API")),
            ("keyring", self.tr("Token store")),
            ("contact", self.tr("Last contact with Mercado Pago")),
            ("pending", self.tr("Pending attempts")),
            ("journal", self.tr("Sales journal")),
            ("data", self.tr("Data folder")),
        )
        for key, label in rows:
            value = QLabel("…")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[key] = value
            form.addRow(label + ":", value)
        self.attempts = QPlainTextEdit()
        self.attempts.setReadOnly(True)
        self.attempts.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.attempts.setMaximumHeight(160)
        self.status = QLabel(" ")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.copy_button = QPushButton(self.tr("Copy to clipboard"))
        self.export_button = QPushButton(self.tr("Export support bundle…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.refresh_button.clicked.connect(self.refresh)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.export_button.clicked.connect(lambda: self.choose_bundle_path())
        self.close_button.clicked.connect(self.close)
        self.close_button.setAutoDefault(False)  # Enter never closes (Esc does)
        self.refresh_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Attempts still live or waiting for a supervisor:")))
        layout.addWidget(self.attempts, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.copy_button.setEnabled(False)
        self.export_button.setEnabled(False)

    # --- gathering -------------------------------------------------------------------------------

    def _journal_path(self) -> Path | None:
        engine = getattr(self.services, "engine", None)
        if engine is not None:
            return Path(engine.journal_path)
        options = getattr(self.services, "options", None)
        if options is None:
            return None
        from qrcashier.checkout import JOURNAL_FILE

        return Path(options.data_dir) / JOURNAL_FILE

    async def _keyring(self) -> tuple[str, bool]:
        if self.tokens is not None:
            return self.tokens.backend_name, bool(self.tokens.is_secure)
        if self._backend is None:
            from qrcashier.token_store import choose_backend

            choice = await asyncio.to_thread(choose_backend)  # may talk to D-Bus: not on the UI thread
            self._backend = (choice.name, choice.is_secure)
        return self._backend

    async def gather(self) -> diagnostics.Report:
        """The report from the services as they are now (journal reads on the journal's thread)."""
        services = self.services
        options = services.options
        engine = getattr(services, "engine", None)
        live: list = []
        review: list = []
        if engine is not None:
            live = await engine.attempts(states=set(LIVE_STATES))
            review = await engine.attempts(states={AttemptState.NEEDS_REVIEW})
        backend, secure = await self._keyring()
        return diagnostics.gather(
            version=__version__,
            qt_version=qVersion(),
            pyside_version=_pyside_version(),
            mode="sandbox" if options.sandbox else "account",
            site=options.site_id,
            api_generation=options.api or "instore_v2",
            qr_mode=options.qr_mode,
            keyring_backend=backend,
            keyring_secure=secure,
            last_contact=engine.last_contact if engine is not None else None,
            live_attempts=live,
            review_attempts=review,
            journal_path=self._journal_path(),
            data_dir=options.data_dir,
            engine_ready=bool(engine is not None and engine.ready),
        )

    @qasync.asyncSlot()
    async def refresh(self) -> None:
        try:
            report = await self.gather()
        except Exception as exc:
            from qrcashier.ui.shell import errors

            text = errors.report(exc, "diagnostics")
            try:
                self.status.setText(text)
            except RuntimeError:  # closed meanwhile
                pass
            return
        try:
            self.show_report(report)
        except RuntimeError:  # the dialog was closed meanwhile
            return
        self.refreshed.emit(report)

    def show_report(self, report: diagnostics.Report) -> None:
        self.report = report
        v = self.values
        v["version"].setText(f"QR Cashier {report.version}")
        v["platform"].setText(
            f"{report.platform} · Python {report.python_version} · Qt {report.qt_version}"
            f" · PySide6 {report.pyside_version}"
        )
        v["mode"].setText(
            (self.tr("Sandbox (no real money)") if report.mode == "sandbox" else self.tr("Mercado Pago account"))
            + f" · {report.site}"
        )
        mode = QR_MODE_NAMES.get(report.qr_mode)
        v["api"].setText(fmt(self.tr("%1 (%2 QR)"), report.api_generation, self.tr(mode) if mode else report.qr_mode))
        if report.keyring_secure:
            v["keyring"].setText(report.keyring_backend)
        elif report.keyring_backend in ("none", "", "?"):
            v["keyring"].setText(self.tr("No secure store: the token is not saved"))
        else:
            v["keyring"].setText(fmt(self.tr("%1: not secure, the token is not saved"), report.keyring_backend))
        if report.last_contact is None:
            v["contact"].setText(self.tr("Not yet since QR Cashier started"))
        else:
            seconds = max(0, int((report.generated_at - report.last_contact).total_seconds()))
            when = report.last_contact.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            v["contact"].setText(fmt(self.tr("%1 (%2 s ago)"), when, seconds))
        v["pending"].setText(
            fmt(self.tr("%1 live, %2 waiting for a supervisor"), len(report.live_attempts), len(report.review_attempts))
        )
        size = report.journal_size
        v["journal"].setText(
            f"{report.journal_path} ({diagnostics.human_size(size)})" if size is not None
            else fmt(self.tr("%1 (not created yet)"), report.journal_path or "-")
        )
        v["data"].setText(report.data_dir or "-")
        if report.pending:
            self.attempts.setPlainText("\n".join(
                f"{a.reference:<28} {state_text(ui_state(a.state)).title:<26} {a.amount:>12}  {a.created_at}"
                for a in report.pending
            ))
        else:
            self.attempts.setPlainText(self.tr("None"))
        self.copy_button.setEnabled(True)
        self.export_button.setEnabled(True)

    # --- actions ---------------------------------------------------------------------------------

    def copy_to_clipboard(self) -> None:
        if self.report is None:
            return
        QGuiApplication.clipboard().setText(self.report.as_text())
        self.status.setText(self.tr("Copied to the clipboard."))

    def choose_bundle_path(self) -> QFileDialog | None:
        """Where to save the bundle: a non-modal file dialog (open()); the export follows."""
        if self.report is None:
            return None
        start = Path.home() / diagnostics.bundle_name()
        dialog = QFileDialog(self, self.tr("Export support bundle"), str(start), self.tr("ZIP archives (*.zip)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("zip")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._export_selected)
        dialog.open()
        return dialog

    def _export_selected(self, path: str) -> None:
        task = asyncio.ensure_future(self.export_to(path))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _settings(self) -> dict[str, Any]:
        options = self.services.options
        data: dict[str, Any] = {
            f"options/{name}": getattr(options, name, None)
            for name in ("sandbox", "site_id", "store_external_id", "pos_external_id", "register_id", "store_name",
                         "pos_name", "api", "qr_mode", "printer_name", "fullscreen_customer", "order_expiry")
        }
        if self.settings is not None:
            for key in self.settings.keys():
                data[f"settings/{key}"] = self.settings.q.value(key)
        return data

    async def export_to(self, path: str | Path) -> Path | None:
        """Build the bundle at `path` on a worker thread; say where it went (or why not)."""
        report = self.report or await self.gather()
        target = Path(path)
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting the support bundle…"))
        data_dir, journal, settings = self.services.options.data_dir, self._journal_path(), self._settings()
        services, tokens = self.services, self.tokens

        # A closure, never arguments: qasync's executor logs a callback's arguments at DEBUG,
        # and the secrets are the very values the bundle must not hold. It holds no widget either
        # (one must not be released on the worker thread).
        def work() -> Path:
            secrets = secrets_of(services, tokens)  # reads the keyring: here, not on the Qt thread
            return diagnostics.build_bundle(
                target, report=report, data_dir=data_dir, journal_path=journal, settings=settings, secrets=secrets
            )

        try:
            out = await asyncio.to_thread(work)
        except (OSError, diagnostics.BundleLeak) as exc:
            log.warning("support bundle not written: %s", type(exc).__name__)
            text = fmt(self.tr("The support bundle was not saved: %1"),
                       exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))
            try:
                self.status.setText(text)
                self.export_button.setEnabled(True)
            except RuntimeError:
                pass
            self.export_failed.emit(text)
            return None
        log.info("support bundle written to %s", out)
        self.last_bundle = out
        try:
            self.status.setText(fmt(self.tr("Support bundle saved to %1"), out))
            self.export_button.setEnabled(True)
        except RuntimeError:
            pass
        self.exported.emit(str(out))
        return out
