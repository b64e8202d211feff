"""The main window's hook to the ESC/POS print queue, when the receipt printer is an ESC/POS URL.

`await QueuedPrinting.start_for(printer, journal_path, status_bar, on_printed)` returns None for a
system printer or PDF (those print through `qprinter`), else a started queue whose state shows in
the status bar. `submit(receipt, receipt_id)` writes the job to the journal and returns at once:
printing happens off the Qt thread, and `on_printed(receipt_id)` runs once the printer took it.

The main window attaches it through `ui/printing/binder.PrintingBinder` (`_bind_features()`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtWidgets import QStatusBar

from qrcashier.domain.receipt import Receipt
from qrcashier.printing.queue import PrintQueue
from qrcashier.printing.urls import PrinterUrlError, parse_printer_url
from qrcashier.ui.printing.status import PrinterStatusView

log = logging.getLogger(__name__)


class QueuedPrinting:
    def __init__(self, queue: PrintQueue, view: PrinterStatusView) -> None:
        self.queue = queue
        self.view = view

    @classmethod
    async def start_for(
        cls,
        printer: str | None,
        journal_path: Path,
        status_bar: QStatusBar,
        on_printed: Callable[[int], Awaitable[object]],
    ) -> QueuedPrinting | None:
        if not printer:
            return None
        try:
            url = parse_printer_url(printer)
        except PrinterUrlError as exc:
            log.warning("receipt printer %r not used: %s", printer, exc)
            return None
        if not url.escpos:
            return None
        view = PrinterStatusView(status_bar)

        async def done(job) -> None:
            if job.receipt_id is not None:
                await on_printed(job.receipt_id)

        queue = PrintQueue(journal_path, url, on_status=view.show, on_done=done)
        try:
            await queue.start()
        except PrinterUrlError as exc:  # e.g. an unknown profile: say so in the log, print nothing there
            log.warning("receipt printer %r not used: %s", printer, exc)
            return None
        return cls(queue, view)

    async def submit(self, receipt: Receipt, receipt_id: int, *, qr_payload: str | None = None) -> None:
        await self.queue.submit_receipt(receipt, receipt_id, qr_payload=qr_payload)

    async def reprint(self, receipt: Receipt, *, qr_payload: str | None = None):
        """An explicit COPY of the receipt on screen (Ctrl+P in its dialog): a job of its own,
        written to the journal before it prints, never the original's job and no drawer kick."""
        import uuid

        from qrcashier.printing.layout import receipt_layout

        copy = receipt if receipt.copy else receipt.as_copy()
        data = await self.queue.render(receipt_layout(copy, self.queue.url.columns, qr_payload=qr_payload))
        return await self.queue.submit(f"copy:{copy.sale_number}:{uuid.uuid4().hex}", "copy", data)

    async def close(self) -> None:
        await self.queue.close()

