"""Sending a job's bytes to a printer, off the event loop's thread, within the URL's timeout.

`send(data)` returns only once the printer took every byte, else raises `PrinterError` with a
`reason`: "offline" (refused, unplugged, not answering in time, dropped mid-job), "paper_out"
or "refused" (the device said no: permissions, a busy USB interface).

Network printers: DLE EOT 4 (paper roll sensor) is asked before the job; a printer that answers
it is asked again after the job, and its answer is the proof that it processed every byte (a
dropped connection or a stall then fails the job instead of losing it). A printer that never
answers status (many clones, python-escpos#286) gets its bytes on a clean close: "unknown" is not
"no paper". USB and serial go through python-escpos (imported here only when used); a device
file is written and closed in a worker thread.
"""

from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from qrcashier.printing.urls import PrinterUrl

DLE_EOT_PAPER = b"\x10\x04\x04"
PAPER_END_BITS = 0x60  # bits 5 and 6 of the paper roll sensor status: paper end
STATUS_WAIT = 0.5  # seconds for a first status answer; a printer that never answers is "unknown"


class PrinterError(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason  # "offline", "paper_out" or "refused"


class Backend(Protocol):
    async def send(self, data: bytes) -> None: ...


class TcpBackend:
    def __init__(self, url: PrinterUrl) -> None:
        self.url = url
        # learnt per printer: once it answered, silence means a stall; once it stayed silent it is not
        # asked again (no 0.5 s per job) until a failure makes us ask afresh
        self.answers_status: bool | None = None

    async def send(self, data: bytes) -> None:
        where = self.url.describe()
        try:
            async with asyncio.timeout(self.url.timeout):
                await self._send(data)
        except TimeoutError:
            self._forget_silence()
            raise PrinterError(
                "offline", f"printer {where} did not take the job within {self.url.timeout:g} s"
            ) from None
        except (ConnectionError, OSError) as exc:
            self._forget_silence()
            raise PrinterError("offline", f"printer {where}: {exc.strerror or exc}") from None
        except PrinterError:
            self._forget_silence()
            raise

    def _forget_silence(self) -> None:
        if self.answers_status is False:
            self.answers_status = None

    async def _status(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> int | None:
        if self.answers_status is False:
            return None
        writer.write(DLE_EOT_PAPER)
        await writer.drain()
        try:
            if self.answers_status:
                answer = await reader.read(1)  # it answers: wait as long as the job's timeout allows
            else:
                answer = await asyncio.wait_for(reader.read(1), STATUS_WAIT)
        except TimeoutError:
            self.answers_status = False
            return None
        if not answer:
            raise ConnectionResetError("the printer closed the connection")
        self.answers_status = True
        return answer[0]

    def _check_paper(self, status: int | None) -> None:
        if status is not None and status & PAPER_END_BITS:
            raise PrinterError("paper_out", f"printer {self.url.describe()} is out of paper")

    async def _send(self, data: bytes) -> None:
        reader, writer = await asyncio.open_connection(self.url.target, self.url.port)
        try:
            self._check_paper(await self._status(reader, writer))
            writer.write(data)
            await writer.drain()
            if self.answers_status and DLE_EOT_PAPER[:2] not in data:
                status = await self._status(reader, writer)  # answered after every byte before it
                if status is None:
                    raise TimeoutError
                self._check_paper(status)
            else:
                writer.write_eof()
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


class ThreadBackend:
    """A device driven by blocking calls (file, USB, serial), on one worker thread of its own."""

    def __init__(self, url: PrinterUrl) -> None:
        self.url = url
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qrcashier-printer")

    async def send(self, data: bytes) -> None:
        loop = asyncio.get_running_loop()
        try:
            await asyncio.wait_for(loop.run_in_executor(self._executor, self._write, data), self.url.timeout)
        except TimeoutError:
            raise PrinterError("offline", f"printer {self.url.describe()} did not take the job in time") from None
        except PermissionError as exc:
            raise PrinterError("refused", f"printer {self.url.describe()}: {exc}") from None
        except OSError as exc:
            raise PrinterError("offline", f"printer {self.url.describe()}: {exc.strerror or exc}") from None
        except Exception as exc:  # python-escpos's own errors (USBNotFoundError, DeviceNotFoundError...)
            raise PrinterError("offline", f"printer {self.url.describe()}: {type(exc).__name__}: {exc}") from None

    def _write(self, data: bytes) -> None:
        if self.url.kind == "file":
            with open(self.url.target, "ab", buffering=0) as device:
                device.write(data)
            return
        from escpos import printer  # lazily: only a USB or serial printer needs python-escpos's drivers

        if self.url.kind == "usb":
            device = printer.Usb(self.url.vendor_id, self.url.product_id, profile=self.url.profile)
        else:
            device = printer.Serial(self.url.target, baudrate=self.url.baudrate, profile=self.url.profile)
        try:
            device._raw(data)  # python-escpos's documented way to send pre-rendered bytes
        finally:
            device.close()


def backend_for(url: PrinterUrl) -> Backend:
    if url.kind == "tcp":
        return TcpBackend(url)
    if url.escpos:
        return ThreadBackend(url)
    raise ValueError(f"{url.kind} printers print through Qt (ui.printing), not the ESC/POS queue")
