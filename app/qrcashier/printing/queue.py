"""The print queue that loses nothing.

Every job (receipt, copy, Z, return, test page, drawer pulse) is rendered to bytes and written to
the journal (`checkout.print_jobs`) before it is printed; one worker sends pending jobs oldest
first and marks each done only after the backend says the printer took every byte. A printer
that is off, unplugged, out of paper or refusing leaves the job pending: the worker retries with
backoff (`Backoff`), the status says so, and after a restart `start()` finds the pending jobs and
prints them. A printer whose paper is near the end prints on and the status says "paper low"
until a job's status answer says the roll was changed. A job is stored once per key, so it
prints at most once; a reprint is a COPY, a new receipt record with a key of its own. Nothing
here blocks the event loop: the journal has its own thread, the network is asyncio, device
files and USB their own thread.

A kill in the few milliseconds between the printer's last byte and the "done" commit prints
that job again after the restart: a receipt twice beats a receipt lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from qrcashier.checkout.journal.schema import default_journal_path
from qrcashier.checkout.print_jobs import PrintJob, PrintJobs
from qrcashier.domain.receipt import Receipt
from qrcashier.printing.backends import Backend, PrinterError, backend_for
from qrcashier.printing.escpos import drawer_pulse, load_profile, render_escpos
from qrcashier.printing.layout import ReceiptLayout, receipt_layout, text_layout
from qrcashier.printing.status import PrinterStatus
from qrcashier.printing.urls import PrinterUrl, parse_printer_url

log = logging.getLogger(__name__)
RECEIPT_KINDS = ("receipt", "copy", "return")


@dataclass(frozen=True)
class Backoff:
    first: float = 1.0
    factor: float = 2.0
    most: float = 30.0

    def delay(self, failures: int) -> float:
        return min(self.most, self.first * self.factor ** max(0, failures - 1))


def _now() -> datetime:
    return datetime.now(UTC)


class PrintQueue:
    """One queue per ESC/POS printer. `await start()`, `await submit_receipt(...)`, `await close()`."""

    def __init__(
        self,
        journal_path: Path | str,
        url: PrinterUrl,
        *,
        backend: Backend | None = None,
        backoff: Backoff = Backoff(),
        on_status: Callable[[PrinterStatus], None] | None = None,
        on_done: Callable[[PrintJob], Awaitable[None] | None] | None = None,
    ) -> None:
        if not url.escpos:
            raise ValueError("the print queue drives ESC/POS printers; system printers and PDF print through Qt")
        self.url = url
        self.journal_path = Path(journal_path)
        self.backend = backend or backend_for(url)
        self.backoff = backoff
        self.on_status = on_status
        self.on_done = on_done
        self.status = PrinterStatus(printer=url.describe())
        self._jobs: PrintJobs | None = None
        self._worker: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._failures = 0
        self._paper_low = False  # the printer said its paper is near the end (it still prints)

    # --- life ----------------------------------------------------------------------------

    async def start(self) -> None:
        """Open the journal's print jobs and start printing what is pending (from an earlier run too)."""
        # python-escpos reads its profile database (~0.2 s) once: on a thread, never on the Qt thread
        await asyncio.get_running_loop().run_in_executor(None, load_profile, self.url.profile)
        self._jobs = await PrintJobs.open(self.journal_path)
        self._worker = asyncio.create_task(self._run(), name="qrcashier-print-queue")
        self._wake.set()

    async def close(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None
        if self._jobs is not None:
            await self._jobs.close()
            self._jobs = None

    # --- jobs ----------------------------------------------------------------------------

    async def render(self, layout: ReceiptLayout, *, kick_drawer: bool = False) -> bytes:
        """The job's bytes, rendered on a worker thread (a QR raster image takes tens of milliseconds)."""
        return await asyncio.get_running_loop().run_in_executor(None, functools.partial(
            render_escpos, layout, load_profile(self.url.profile), codepage=self.url.codepage,
            kick_drawer=kick_drawer, drawer_pin=self.url.drawer_pin,
        ))

    async def submit(self, key: str, kind: str, data: bytes, *, receipt_id: int | None = None) -> PrintJob:
        """Write the job to the journal (once per key), then wake the worker. Returns the stored job."""
        assert self._jobs is not None, "start() the queue first"
        job = await self._jobs.run(lambda s: s.add(key, kind, data, _now(), receipt_id))
        self._idle.clear()
        self._wake.set()
        await self._refresh_status()
        return job

    async def submit_receipt(
        self, receipt: Receipt, receipt_id: int, *, qr_payload: str | None = None, kind: str | None = None
    ) -> PrintJob:
        """A sale's receipt (or its COPY, or a return): the drawer opens only for a cash tender."""
        layout = receipt_layout(receipt, self.url.columns, qr_payload=qr_payload)
        data = await self.render(layout, kick_drawer=layout.cash and not receipt.copy)
        kind = kind or ("copy" if receipt.copy else "receipt")
        return await self.submit(f"receipt:{receipt_id}", kind, data, receipt_id=receipt_id)

    async def open_drawer(self) -> PrintJob:
        """A drawer pulse alone (the supervisor's "open drawer": the caller checks the PIN and audits)."""
        data = drawer_pulse(self.url.drawer_pin)
        return await self.submit(f"drawer:{uuid.uuid4()}", "drawer", data)

    async def print_lines(self, kind: str, lines: list[str], *, title: str = "") -> PrintJob:
        """A text job (a test page, a Z report) through the same path as receipts."""
        data = await self.render(text_layout(lines, self.url.columns, title=title))
        return await self.submit(f"{kind}:{uuid.uuid4()}", kind, data)

    async def pending(self) -> list[PrintJob]:
        assert self._jobs is not None
        return await self._jobs.run(lambda s: s.pending())

    async def jobs(self) -> list[PrintJob]:
        assert self._jobs is not None
        return await self._jobs.run(lambda s: s.jobs())

    async def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is pending; False if the timeout came first."""
        try:
            async with asyncio.timeout(timeout):
                await self._idle.wait()
        except TimeoutError:
            return False
        return True

    # --- the worker ----------------------------------------------------------------------

    async def _run(self) -> None:
        assert self._jobs is not None
        while True:
            await self._wake.wait()
            self._wake.clear()
            try:
                for job in await self._jobs.run(lambda s: s.pending()):
                    while not await self._print(job):
                        await self._pause()
            except Exception:  # the journal failed us: the jobs are still there, try the pass again later
                log.exception("print queue pass failed")
                self._failures += 1
                self._wake.set()
                await self._pause()
                continue
            if not self._wake.is_set():
                self._idle.set()

    async def _pause(self) -> None:
        """Back off before the next try; a new job does not cut the wait short (the printer is the problem)."""
        await asyncio.sleep(self.backoff.delay(self._failures))

    async def _print(self, job: PrintJob) -> bool:
        assert self._jobs is not None
        if not self.status.trouble:  # a retry keeps saying why it waits ("out of paper"), not "printing"
            self._set_state("printing")
        try:
            paper = await self.backend.send(job.data)
        except PrinterError as exc:
            self._failures += 1
            reason, detail = exc.reason, str(exc)
            if reason == "paper_out":
                self._paper_low = False  # out, not low: the roll is to be changed now
            log.warning("print job %s (%s) not printed: %s", job.id, job.kind, detail)
            await self._jobs.run(lambda s: s.note_failure(job.id, detail))
            await self._refresh_status(reason, detail)
            return False
        await self._jobs.run(lambda s: s.mark_done(job.id, _now()))
        self._failures = 0
        self._note_paper(paper)
        await self._refresh_status("idle")
        if self.on_done is not None:
            try:
                result = self.on_done(job)
                if result is not None:
                    await result
            except Exception:  # a listener's failure never un-prints or re-prints a job
                log.exception("after print job %s", job.id)
        return True

    def _note_paper(self, paper: str | None) -> None:
        """The paper the printer reported with the job: "low" warns (it printed), "ok" clears the
        warning (a new roll); None (no status answer) keeps what it said last."""
        if paper is None or (paper == "low") == self._paper_low:
            return
        self._paper_low = paper == "low"
        if self._paper_low:
            log.warning("printer %s: paper running low (near end); it keeps printing", self.url.describe())
        else:
            log.info("printer %s: paper no longer low", self.url.describe())

    def _set_state(self, state: str, detail: str = "") -> None:
        s = self.status
        self.status = PrinterStatus(state, s.waiting, s.receipts_waiting, s.printer, detail or s.detail,
                                    paper_low=self._paper_low)
        if self.on_status is not None:
            self.on_status(self.status)

    async def _refresh_status(self, state: str | None = None, detail: str = "") -> None:
        assert self._jobs is not None
        pending = await self._jobs.run(lambda s: s.pending())
        receipts = sum(1 for j in pending if j.kind in RECEIPT_KINDS)
        state = state or self.status.state
        self.status = PrinterStatus(state, len(pending), receipts, self.status.printer, detail,
                                    paper_low=self._paper_low)
        if self.on_status is not None:
            self.on_status(self.status)


async def print_test_page(
    url: PrinterUrl | str, journal_path: Path | str | None = None, *, timeout: float = 15.0
) -> PrinterStatus:
    """Setup's "print test page": the accents, the columns and a cut, through the queue; the status after.

    A printer that does not take it within `timeout` leaves the page queued (status offline, paper_out...).
    """
    url = parse_printer_url(url) if isinstance(url, str) else url
    queue = PrintQueue(journal_path or default_journal_path(), url)
    await queue.start()
    try:
        ruler = "".join(str(i % 10) for i in range(1, url.columns + 1))
        await queue.print_lines("test", [
            f"QR Cashier -> {url.describe()}", f"{url.profile}, {url.paper_mm} mm, {url.columns} col, {url.codepage}",
            ruler, "Español: ñ á é í ó ú ü ¿? ¡!", "Português: ç ã õ â ê ô à", "$ 1.234,50  R$ 1.234,50  € 9,99",
        ], title="Test page / Página de prueba")
        await queue.wait_idle(timeout)
        return queue.status
    finally:
        await queue.close()


async def open_drawer_audited(
    queue: PrintQueue, audit: Callable[[str, str, str], Awaitable[None]], *, actor: str, reason: str = ""
) -> PrintJob:
    """The supervisor menu's "open drawer" (the caller has checked the PIN): audited first, then the pulse.

    `audit` is the engine's `audit(actor, action, reason)`; the action is "drawer_opened".
    """
    await audit(actor, "drawer_opened", reason)
    return await queue.open_drawer()
