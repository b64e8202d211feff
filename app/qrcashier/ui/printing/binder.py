"""The print queue as a main-window feature (`_bind_features()`): once the engine is up it starts
the queue for the configured receipt printer into `window.print_queue` (None for a system printer
or PDF), and closes it at shutdown (pending jobs stay in the journal for the next start).

Uses the window's services, engine, statusBar() and print_queue. The queue's modules load in
`started()`, after the first paint.
"""

from __future__ import annotations


class PrintingBinder:
    def __init__(self, window) -> None:
        self.window = window

    async def started(self) -> None:
        from qrcashier.ui.printing.queued import QueuedPrinting

        window = self.window
        window.print_queue = await QueuedPrinting.start_for(
            window.services.options.printer_name, window.services.journal.path, window.statusBar(),
            window.engine.receipt_printed)

    async def stop(self) -> None:
        if self.window.print_queue is not None:
            await self.window.print_queue.close()
