"""A loopback ESC/POS printer for tests: an asyncio TCP server that records what it is sent.

One connection is one job (as the print queue sends them): the bytes of a connection that ends
cleanly land in `jobs`, DLE EOT status queries taken out and answered with `status_byte` (0x12:
online, paper present; `paper_out()` sets the paper-end bits, `paper_low()` the near-end ones).
It can also be `silent` (never answers status, as many clones), `stall` (accepts and reads
nothing), drop the connection after `drop_after` bytes of a job (then `partials` has what
arrived), or be stopped and started again on the same port (offline, then back).
"""

from __future__ import annotations

import asyncio
import contextlib

STATUS_OK = 0x12
STATUS_PAPER_END = 0x72
STATUS_PAPER_NEAR_END = 0x1E  # the near-end sensor (bits 2-3): it still prints


class PaperSensor:
    """The paper a fake printer reports: `status_byte`, its answer to a status query."""

    status_byte = STATUS_OK

    def paper_out(self, out: bool = True) -> None:
        self.status_byte = STATUS_PAPER_END if out else STATUS_OK

    def paper_low(self, low: bool = True) -> None:
        self.status_byte = STATUS_PAPER_NEAR_END if low else STATUS_OK


class FakePrinter(PaperSensor):
    def __init__(self) -> None:
        self.jobs: list[bytes] = []
        self.partials: list[bytes] = []
        self.queries = 0
        self.connections = 0
        self.status_byte = STATUS_OK
        self.silent = False
        self._go = asyncio.Event()
        self._go.set()
        self.drop_after: int | None = None  # drop the next job after this many bytes (once)
        self.hang_up = 0  # hang up on this many connections at once (a printer still booting)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    @property
    def stall(self) -> bool:
        return not self._go.is_set()

    @stall.setter
    def stall(self, value: bool) -> None:
        """A hung printer: it holds the connection and reads nothing until unstalled."""
        if value:
            self._go.clear()
        else:
            self._go.set()

    @property
    def url(self) -> str:
        return f"escpos+tcp://127.0.0.1:{self.port}"

    async def start(self) -> FakePrinter:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        """Go offline: no more connections, and the open ones are cut."""
        if self._server is not None:
            self._server.close()
            for writer in list(self._writers):
                writer.close()
            await self._server.wait_closed()
            self._server = None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        if self.hang_up > 0:
            self.hang_up -= 1
            writer.close()
            return
        self._writers.add(writer)
        job = bytearray()
        pending = b""
        try:
            while True:
                await self._go.wait()
                chunk = await reader.read(4096)
                if not chunk:
                    break
                pending += chunk
                while True:
                    at = pending.find(b"\x10\x04")
                    complete = at >= 0 and len(pending) >= at + 3
                    keep = at if at >= 0 else len(pending) - (1 if pending.endswith(b"\x10") else 0)
                    job += pending[:keep]
                    pending = pending[keep:]
                    if self.drop_after is not None and len(job) >= self.drop_after:
                        del job[self.drop_after:]  # the printer died here: nothing after it is read or answered
                        self.drop_after = None
                        self.partials.append(bytes(job))
                        return
                    if not complete:
                        break
                    pending = pending[3:]
                    self.queries += 1
                    if not self.silent:
                        writer.write(bytes([self.status_byte]))
                        await writer.drain()
            if job:
                self.jobs.append(bytes(job))
        except (ConnectionError, OSError):
            if job:
                self.partials.append(bytes(job))
        finally:
            self._writers.discard(writer)
            writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await writer.wait_closed()
