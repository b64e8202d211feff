"""The audit log: a table of who did what and why, with Export CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.supervisor.widgets import ACTION_TITLES, SupervisorDialog, make_label

# --- the audit log -----------------------------------------------------------------------------

AUDIT_COLUMNS = (
    QT_TRANSLATE_NOOP("AuditLogDialog", "When"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Who"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "What"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Sale"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Payment"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Refund"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Why"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Details"),
)
CSV_COLUMNS = ("id", "at", "actor", "action", "sale_id", "attempt_id", "payment_id", "refund_id", "reason", "details")


def _csv_safe(value: Any) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _details_text(details: Any) -> str:
    if details is None:
        return ""
    if isinstance(details, dict):
        shown = {k: v for k, v in details.items() if k != "live_lookup"}
        if details.get("live_lookup") is not None:
            shown["live_lookup"] = "(recorded)"
        return ", ".join(f"{k}: {v}" for k, v in shown.items())
    return str(details)


def write_audit_csv(entries, path: str | Path) -> Path:
    """The audit rows as CSV (UTF-8 with a BOM, so spreadsheets read the accents)."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f)
        out.writerow(CSV_COLUMNS)
        for e in entries:
            out.writerow([
                e.id, e.at.isoformat(), _csv_safe(e.actor), e.action, e.sale_id or "", e.attempt_id or "",
                e.payment_id or "", e.refund_id or "", _csv_safe(e.reason),
                _csv_safe("" if e.details is None else json.dumps(e.details, ensure_ascii=False, default=str)),
            ])
    return path


class AuditLogDialog(SupervisorDialog):
    """Every supervisor action, newest first, with Export CSV."""

    def __init__(self, engine, parent: QWidget | None = None, *, limit: int = 5000) -> None:
        super().__init__(QCoreApplication.translate("AuditLogDialog", "Audit log"), parent)
        self.engine = engine
        self.limit = limit
        self.entries: list[Any] = []
        self.sale_codes: dict[int, str] = {}
        self.resize(1100, 560)
        self.table = QTableWidget(0, len(AUDIT_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in AUDIT_COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setStyleSheet("QTableWidget { font-size: 15px; }")
        self.summary = make_label(bold=True)
        self.export_button = theme.big_button(self.tr("Export CSV"), "Ctrl+E", role="primary")
        self.refresh_button = theme.big_button(self.tr("Refresh"), "F5", role="secondary")
        self.close_button = theme.big_button(self.tr("Close"), "Esc", role="secondary")
        self.export_button.clicked.connect(lambda: self.export())
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.refresh)
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(lambda: self.export())
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for b in (self.refresh_button, self.export_button, self.close_button):
            buttons.addWidget(b)
        layout = self._margins(QVBoxLayout(self))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def open(self) -> None:  # noqa: A003 - QDialog.open
        super().open()
        self.refresh()

    @qasync.asyncSlot()
    async def refresh(self) -> None:
        try:
            entries = await self.engine.audit_log(limit=self.limit)
            for sale_id in {e.sale_id for e in entries} - set(self.sale_codes) - {None}:
                self.sale_codes[sale_id] = (await self.engine.sale(sale_id)).code  # as the sales list shows it
        except Exception as exc:
            if self.alive():
                self.summary.setText(errors.report(exc, "audit log"))
            return
        if self.alive():
            self.set_entries(entries)

    def set_entries(self, entries) -> None:
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            values = (
                e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                e.actor,
                self.tr(ACTION_TITLES[e.action]) if e.action in ACTION_TITLES else e.action,
                "" if e.sale_id is None else self.sale_codes.get(e.sale_id, str(e.sale_id)),
                "" if e.payment_id is None else str(e.payment_id),
                "" if e.refund_id is None else str(e.refund_id),
                e.reason,
                _details_text(e.details),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 7:
                    item.setToolTip(json.dumps(e.details, ensure_ascii=False, indent=1, default=str)[:3000])
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary.setText(fmt(self.tr("%1 supervisor actions"), len(self.entries)))

    def fit(self) -> None:
        """A table window keeps the size it was given (the table scrolls)."""

    def export(self, path: str | Path | None = None) -> QFileDialog | Path | None:
        """Write the log as CSV to `path`, or where a (non-modal) file dialog says."""
        if path is not None:
            return self._write(path)
        dialog = QFileDialog(
            self, self.tr("Export the audit log"), str(Path.home() / "qrcashier-audit.csv"), "CSV (*.csv)"
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._write)
        dialog.open()
        return dialog

    def _write(self, path: str | Path) -> Path | None:
        try:
            out = write_audit_csv(self.entries, path)
        except OSError as exc:
            self.summary.setText(errors.report(exc, "audit export"))
            return None
        self.summary.setText(fmt(self.tr("Exported %1 rows to %2"), len(self.entries), out))
        return out
