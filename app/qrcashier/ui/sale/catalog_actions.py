"""The product catalog's CSV import and the register's QR sticker (print, or save a PDF), for
the main window: the file dialogs are non-modal and the import runs on a worker thread.

Texts keep the "MainWindow" translation context (where the cashier sees them).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import qasync
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from qrcashier.services import CATALOG_FILE
from qrcashier.ui.shell import errors
from qrcashier.ui.shell.i18n import engine_text, fmt

log = logging.getLogger("qrcashier.ui.main")


class CatalogActions(QObject):
    """Import products, print or save the QR sticker; messages go under the window's item field."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.last_import_report = None  # the last import's report (tests and support read it)
        self.last_import_details = ""  # and its details as shown

    def refused_by_store(self) -> bool:
        """With a store (issue 19) the catalog is the store's: no local import, and the reason said."""
        if not self.window.services.options.store_dsn:
            return False
        from qrcashier.ui.store.binder import import_refused

        self.window.item_error(import_refused())
        return True

    def choose_catalog_csv(self) -> QFileDialog | None:
        """Pick a CSV with a non-modal file dialog; the import then runs off the UI thread."""
        if self.refused_by_store():
            return None
        title = QCoreApplication.translate("MainWindow", "Import products from a CSV file")
        dialog = QFileDialog(self.window, title, str(Path.home()), "CSV (*.csv *.txt)")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.import_catalog)
        dialog.open()
        return dialog

    @qasync.asyncSlot(str)
    async def import_catalog(self, path: str) -> None:
        """Import on a worker thread with its own connection (the scanner keeps working on the
        UI's), then show the report: how many were added or updated, and every rejected row."""
        from qrcashier.catalog import Catalog

        catalog = self.window.services.catalog
        if catalog is None or self.refused_by_store():
            return
        db_path = self.window.services.options.data_dir / CATALOG_FILE
        site = self.window.site  # the closure holds no widget: it must not be released on the worker thread
        self.window.import_button.setEnabled(False)
        importing = QCoreApplication.translate("MainWindow", "Importing products from %1…")
        self.window.item_note(fmt(importing, Path(path).name))

        def work():
            worker = Catalog.open(db_path, site)
            try:
                return worker.import_csv(path)
            finally:
                worker.close()

        try:
            report = await asyncio.to_thread(work)
        except Exception as exc:
            self.window.item_error(errors.report(exc, "catalog import"))
            return
        finally:
            self.window.import_button.setEnabled(True)
        log.info("catalog import from %s: %s", path, report.summary())
        self.show_import_report(report)

    def show_import_report(self, report) -> None:
        """The catalog import's outcome: a line under the item field and a non-modal report."""
        self.last_import_report = report
        summary = engine_text(report.summary())
        if report.ok:
            self.window.item_ok(summary)
        else:
            self.window.item_error(summary)
        clean = report.ok and not report.rejected
        errors.message_box(
            self.window,
            QCoreApplication.translate("MainWindow", "Products imported")
            if clean
            else QCoreApplication.translate("MainWindow", "Products import report"),
            summary + ("" if clean else "\n\n" + QCoreApplication.translate("MainWindow",
                "Show details for each rejected row: fix them in the file and import it again.")),
            icon=QMessageBox.Icon.Information if clean else QMessageBox.Icon.Warning,
            details=self.import_details(report) if report.rejected else None,
        )

    def import_details(self, report, limit: int = 500) -> str:  # type: ignore[no-untyped-def]
        """The import report's details in the app's language (issue 14.8): the summary, then each
        rejected row's line, why (the catalog's English reason, translated) and the row as read."""
        lines = [engine_text(report.summary())]
        for row in report.rejected[:limit]:
            line = QCoreApplication.translate("MainWindow", "line %1: %2 — %3")
            lines.append("  " + fmt(line, row.line, engine_text(row.reason), row.text))
        if len(report.rejected) > limit:
            more = QCoreApplication.translate("MainWindow", "… and %1 more")
            lines.append("  " + fmt(more, len(report.rejected) - limit))
        self.last_import_details = "\n".join(lines)
        return self.last_import_details

    def print_sticker(self) -> None:
        """"Print QR sticker": to the receipt printer's system when one is set, else to a PDF."""
        pos = self.window.services.pos
        if pos is None or not pos.qr_code:
            self.window.item_error(
                QCoreApplication.translate("MainWindow",
                                           "The register's QR is not known yet: wait until QR Cashier is connected.")
            )
            return
        from qrcashier.ui.printing import qprinter

        printer = self.window.services.options.printer_name
        if printer:
            try:
                name = qprinter.print_qr_sticker(
                    pos.qr_code, self.window.services.store_name, self.window.services.register_name, printer,
                    pos_external_id=pos.external_id,
                )
            except qprinter.PrintingError as exc:
                failed = QCoreApplication.translate("MainWindow", "The sticker did not print: %1")
                self.window.item_error(fmt(failed, exc))
                return
            self.window.item_ok(fmt(QCoreApplication.translate("MainWindow", "QR sticker sent to %1."), name))
            return
        self.save_sticker_pdf()

    def save_sticker_pdf(self, path: str | None = None) -> QFileDialog | None:
        """The register's QR sticker as a PDF: to `path`, or where a (non-modal) file dialog says."""
        pos = self.window.services.pos
        if pos is None or not pos.qr_code:
            self.window.item_error(
                QCoreApplication.translate("MainWindow",
                                           "The register's QR is not known yet: wait until QR Cashier is connected.")
            )
            return None
        from qrcashier.ui.printing import qprinter

        def save(target: str) -> None:
            try:
                out = qprinter.qr_sticker_to_pdf(
                    pos.qr_code, self.window.services.store_name, self.window.services.register_name, target,
                    pos_external_id=pos.external_id,
                )
            except (qprinter.PrintingError, OSError) as exc:
                failed = QCoreApplication.translate("MainWindow", "The sticker was not saved: %1")
                self.window.item_error(fmt(failed, exc))
                return
            self.window.item_ok(fmt(QCoreApplication.translate("MainWindow", "QR sticker saved to %1."), out))

        if path is not None:
            save(path)
            return None
        dialog = QFileDialog(
            self.window,
            QCoreApplication.translate("MainWindow", "Save the QR sticker as PDF"),
            str(Path.home() / f"qr-{pos.external_id}.pdf"),
            "PDF (*.pdf)",
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(save)
        dialog.open()
        return dialog
