"""Sending a job's bytes to a printer, off the event loop's thread, within the URL's timeout.

`send(data)` returns only once the printer took every byte, else raises `PrinterError` with a
`reason`: "offline" (refused, unplugged, not answering in time, dropped mid-job), "paper_out"
or "refused" (the device said no: permissions, a busy USB interface). It returns the paper as
the printer's last status answer of the job said: "ok", "low" (near end, bits 2-3 of DLE EOT 4:
it printed, the roll is nearly out) or None (no answer: unknown).

Network printers: DLE EOT 4 (paper roll sensor) is asked before the job; a printer that answers
it is asked again after the job, and its answer is the proof that it processed every byte (a
dropped connection or a stall then fails the job instead of losing it). A printer that never
answers status (many clones, python-escpos#286) gets its bytes on a clean close: "unknown" is not
"no paper". USB and serial printers get the same status checks through python-escpos
(`devices`, imported only when used), on a worker thread with bounded reads; a device file is
written and closed there (no status).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from qrcashier.printing import devices
from qrcashier.printing.devices import DLE_EOT_PAPER, Channel, paper_state
from qrcashier.printing.urls import PrinterUrl

REFUSING_ERRNOS = (errno.EACCES, errno.EPERM, errno.EBUSY)  # USB "Access denied", "Resource busy" (usblp)
STATUS_WAIT = 0.5  # seconds for a first status answer; a printer that never answers is "unknown"


class PrinterError(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason  # "offline", "paper_out" or "refused"


class Backend(Protocol):
    async def send(self, data: bytes) -> str | None: ...  # the paper: "ok", "low" or None (unknown)


class Paper:
    """The paper as a job's status answers said it (the last well-formed one counts)."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.state: str | None = None

    def check(self, status: int | None) -> None:
        state = paper_state(status)
        if state is None:
            return
        self.state = state
        if state == "out":
            raise PrinterError("paper_out", f"printer {self.where} is out of paper")


class TcpBackend:
    def __init__(self, url: PrinterUrl) -> None:
        self.url = url
        # learnt per printer: once it answered, silence means a stall; once it stayed silent it is not
        # asked again (no 0.5 s per job) until a failure makes us ask afresh
        self.answers_status: bool | None = None

    async def send(self, data: bytes) -> str | None:
        where = self.url.describe()
        try:
            async with asyncio.timeout(self.url.timeout):
                return await self._send(data)
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

    async def _send(self, data: bytes) -> str | None:
        reader, writer = await asyncio.open_connection(self.url.target, self.url.port)
        paper = Paper(self.url.describe())
        try:
            paper.check(await self._status(reader, writer))
            writer.write(data)
            await writer.drain()
            if self.answers_status and DLE_EOT_PAPER[:2] not in data:
                status = await self._status(reader, writer)  # answered after every byte before it
                if status is None:
                    raise TimeoutError
                paper.check(status)
            else:
                writer.write_eof()
            return paper.state
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


class ThreadBackend:
    """A device driven by blocking calls (USB, serial, a device file), on one worker thread of its own.

    USB and serial printers are asked DLE EOT 4 before the job, as network ones are: paper out
    keeps the job queued; a printer that answered is asked again after the job (its answer is
    the proof it processed every byte); one that stayed silent within `STATUS_WAIT` is "unknown"
    and is not asked again until a failure. `open_channel` is the seam tests give a fake device.
    """

    def __init__(self, url: PrinterUrl, open_channel: Callable[[PrinterUrl], Channel] | None = None) -> None:
        self.url = url
        self.open_channel = open_channel or devices.open_channel
        self.answers_status: bool | None = None  # learnt per printer, as TcpBackend does
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qrcashier-printer")

    async def send(self, data: bytes) -> str | None:
        loop = asyncio.get_running_loop()
        where = self.url.describe()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._executor, self._job, data), self.url.timeout)
        except PrinterError:
            self._forget_silence()
            raise
        except TimeoutError:
            self._forget_silence()
            raise PrinterError("offline", f"printer {where} did not take the job in time") from None
        except OSError as exc:  # pyusb's USBError and pyserial's SerialException are OSErrors too
            self._forget_silence()
            refused = isinstance(exc, PermissionError) or exc.errno in REFUSING_ERRNOS
            raise PrinterError("refused" if refused else "offline", f"printer {where}: {exc.strerror or exc}") from None
        except Exception as exc:  # python-escpos's own errors (USBNotFoundError, DeviceNotFoundError...)
            self._forget_silence()
            raise PrinterError("offline", f"printer {where}: {type(exc).__name__}: {exc}") from None

    def _forget_silence(self) -> None:
        if self.answers_status is False:
            self.answers_status = None

    def _job(self, data: bytes) -> str | None:
        """On the worker thread: open, status, the bytes, status again where it answers, close.
        Returns the paper as the last answer said ("ok", "low") or None."""
        channel = self.open_channel(self.url)
        paper = Paper(self.url.describe())
        try:
            paper.check(self._status(channel))
            channel.write(data)
            if self.answers_status and DLE_EOT_PAPER[:2] not in data:
                status = channel.status(self.url.timeout)  # answered after every byte before it
                if status is None:
                    raise PrinterError("offline", f"printer {self.url.describe()} stopped answering during the job")
                paper.check(status)
            return paper.state
        finally:
            channel.close()

    def _status(self, channel: Channel) -> int | None:
        if not channel.answers or self.answers_status is False:
            return None
        status = channel.status(self.url.timeout if self.answers_status else STATUS_WAIT)
        if status is None:
            if self.answers_status:
                raise PrinterError("offline", f"printer {self.url.describe()} stopped answering")
            self.answers_status = False
            return None
        self.answers_status = True
        return status


def backend_for(url: PrinterUrl) -> Backend:
    if url.kind == "tcp":
        return TcpBackend(url)
    if url.escpos:
        return ThreadBackend(url)
    raise ValueError(f"{url.kind} printers print through Qt (ui.printing), not the ESC/POS queue")
