"""Fake USB and serial ESC/POS printers for tests, answering DLE EOT 4 as a real one would.

`FakeSerialPrinter`: a pty pair (os.openpty). The app opens the slave side (`device`, e.g.
/dev/pts/5) with python-escpos's Serial and pyserial, unchanged; a thread on the master side
records every byte and answers each DLE EOT 4 with `status_byte` (0x12: paper present,
`paper_out()` sets the paper-end bits, `paper_low()` the near-end ones), or stays `silent` (a
clone without status).

`FakeUsbDevice`: stands in for the pyusb Device under python-escpos's own `Usb` printer
(`usb_channel(fake)` gives the backend's `open_channel` seam): `write(ep, data, timeout)`
records, `read(ep, size, timeout)` answers the last query or raises pyusb's USBTimeoutError
after the timeout as a silent printer does; `no_in_endpoint` fails every read (USBError), and
`unplugged` makes the writes fail as a pulled cable does (USBError "No such device").
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import threading
import time

from tests.support.fake_printer import STATUS_OK, PaperSensor

QUERY = b"\x10\x04\x04"


def take_queries(buffer: bytearray) -> tuple[bytes, int]:
    """The job bytes in `buffer` with complete DLE EOT 4 queries taken out, and how many there were."""
    data = bytes(buffer)
    count = data.count(QUERY)
    return data.replace(QUERY, b""), count


class FakeSerialPrinter(PaperSensor):
    def __init__(self) -> None:
        self.status_byte = STATUS_OK
        self.silent = False
        self.received = bytearray()  # everything the printer got, queries included
        self.queries = 0
        self._master, self._slave = os.openpty()
        self.device = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, name="fake-serial-printer", daemon=True)

    def start(self) -> FakeSerialPrinter:
        self._thread.start()
        return self

    def url(self, **options: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in {"baudrate": "19200", **options}.items())
        return f"escpos+serial://{self.device}?{query}"

    @property
    def printed(self) -> bytes:
        """What was printed: every byte but the status queries."""
        with self._lock:
            return take_queries(self.received)[0]

    def _serve(self) -> None:
        pending = b""
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self._master, 4096)
            except OSError:  # the slave side was closed by every user: nothing to read until reopened
                time.sleep(0.01)
                continue
            with self._lock:
                self.received += chunk
            pending += chunk
            while (at := pending.find(QUERY)) >= 0:
                pending = pending[at + len(QUERY):]
                self.queries += 1
                if not self.silent:
                    os.write(self._master, bytes([self.status_byte]))
            pending = pending[-2:]  # a query split across reads

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)


class FakeUsbDevice(PaperSensor):
    """The pyusb Device a python-escpos `Usb` printer writes to and reads from."""

    def __init__(self) -> None:
        self.status_byte = STATUS_OK
        self.silent = False
        self.unplugged = False
        self.no_in_endpoint = False  # a printer whose IN endpoint cannot be read (no way back)
        self.received = bytearray()
        self.queries = 0
        self.read_timeouts: list[int] = []
        self.closed = 0
        self._answers: list[int] = []
        self._ctx = self  # pyusb's usb.util.dispose_resources(device) calls device._ctx.dispose(device)

    @property
    def printed(self) -> bytes:
        return take_queries(self.received)[0]

    def write(self, endpoint: int, data: bytes, timeout: int | None = None) -> int:
        import usb.core

        if self.unplugged:
            raise usb.core.USBError("No such device (it may have been disconnected)", errno.ENODEV, errno.ENODEV)
        self.received += bytes(data)
        queries = bytes(data).count(QUERY)
        self.queries += queries
        if not self.silent:
            self._answers += [self.status_byte] * queries
        return len(data)

    def read(self, endpoint: int, size: int, timeout: int | None = None) -> bytes:
        import usb.core

        self.read_timeouts.append(timeout or 0)
        if self.no_in_endpoint:
            raise usb.core.USBError("Entity not found", errno.ENOENT, errno.ENOENT)
        if not self._answers:
            time.sleep((timeout or 1000) / 1000)
            raise usb.core.USBTimeoutError("Operation timed out", errno.ETIMEDOUT, errno.ETIMEDOUT)
        answers, self._answers = self._answers, []
        return bytes(answers[:size])

    def dispose(self, device: object) -> None:
        self.closed += 1


def usb_channel(fake: FakeUsbDevice):
    """The backend's `open_channel` seam: python-escpos's real `Usb` printer on the fake device."""
    from escpos import printer

    from qrcashier.printing.devices import EscposChannel

    def open_channel(url):
        device = printer.Usb(url.vendor_id, url.product_id, timeout=round(url.timeout * 1000), profile=url.profile)
        device.device = fake  # instead of usb.core.find(): what Usb.open() would have found and claimed
        return EscposChannel(device, "usb")

    return open_channel
