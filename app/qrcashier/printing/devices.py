"""USB, serial and device-file printers as blocking channels, with the DLE EOT paper status.

Only the print backend's own worker thread calls these (`backends.ThreadBackend`), never the Qt
thread or the event loop. A channel writes a job's bytes and, where the link has a way back,
answers `status(wait)`: the printer's DLE EOT 4 (paper roll sensor) byte, or None when nothing
came back within `wait` seconds.

- USB (`escpos+usb://VID:PID`): python-escpos's `Usb` (pyusb, libusb): writes with the URL's
  timeout; the answer is read from the IN endpoint with a timeout of its own, because python-escpos's
  `_read` uses pyusb's default and its `paper_status()` takes a missing answer as "paper
  adequate" and an odd byte as "no paper" (python-escpos#143). Linux: the udev rule in
  docs/printing.md; Windows: pyusb needs a libusb backend (docs/printing.md).
- Serial (`escpos+serial://DEVICE?baudrate=N`): python-escpos's `Serial` (pyserial), reads
  bounded by pyserial's `timeout`, writes by its `write_timeout`; stale input is dropped
  before each query, and one byte ends the wait (python-escpos reads 16 and waits them out).
- Device file (`escpos+file://PATH`, /dev/usb/lp0 or any file): write and close; no status.

`paper_out(status)` is true only for a well-formed answer (fixed bits 1 and 4 set, 0 and 7 clear)
with a paper-end bit: "no answer" and an odd byte are "unknown", never "no paper". `paper_state`
also reads the near-end bits (2-3): "low" is a roll that is nearly out and still prints.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from qrcashier.printing.urls import PrinterUrl

log = logging.getLogger(__name__)

DLE_EOT_PAPER = b"\x10\x04\x04"
PAPER_END_BITS = 0x60  # bits 5 and 6 of the paper roll sensor status: paper end
PAPER_NEAR_END_BITS = 0x0C  # bits 2 and 3: the roll is nearly out (it still prints)
FIXED_MASK, FIXED_BITS = 0x93, 0x12  # bits 0, 1, 4, 7 of every DLE EOT answer: 0, 1, 1, 0


def well_formed(status: int | None) -> bool:
    return status is not None and status & FIXED_MASK == FIXED_BITS


def paper_out(status: int | None) -> bool:
    """A well-formed DLE EOT 4 answer saying the paper ended; None (no answer) or an odd byte is not."""
    return paper_state(status) == "out"


def paper_state(status: int | None) -> str | None:
    """"out", "low" (near end: it still prints) or "ok" for a well-formed DLE EOT 4 answer; None
    for no answer or an odd byte (unknown)."""
    if not well_formed(status):
        return None
    if status & PAPER_END_BITS:  # type: ignore[operator]
        return "out"
    return "low" if status & PAPER_NEAR_END_BITS else "ok"  # type: ignore[operator]


class Channel(Protocol):
    answers: bool  # False when the link has no way back (a device file): status() is never asked

    def write(self, data: bytes) -> None: ...

    def status(self, wait: float) -> int | None: ...

    def close(self) -> None: ...


class FileChannel:
    answers = False

    def __init__(self, path: str) -> None:
        self._file = open(path, "ab", buffering=0)  # noqa: SIM115 (closed by close())

    def write(self, data: bytes) -> None:
        self._file.write(data)

    def status(self, wait: float) -> int | None:
        return None

    def close(self) -> None:
        self._file.close()


class EscposChannel:
    """A python-escpos `Usb` or `Serial` printer, opened: bytes through its `_raw`, the status
    read from its device (a pyusb Device or a pyserial Serial) with a bounded wait."""

    answers = True

    def __init__(self, printer: Any, kind: str) -> None:
        self.printer = printer
        self.kind = kind

    def write(self, data: bytes) -> None:
        self.printer._raw(data)

    def status(self, wait: float) -> int | None:
        device = self.printer.device
        if self.kind == "serial":
            device.reset_input_buffer()  # a late answer to an earlier query is not this one's
            self.printer._raw(DLE_EOT_PAPER)
            device.timeout = wait
            answer = device.read(1)
        else:
            self.printer._raw(DLE_EOT_PAPER)
            answer = _usb_read(device, self.printer.in_ep, wait)
        return answer[-1] if answer else None  # the newest byte: the answer to this query

    def close(self) -> None:
        self.printer.close()


def _usb_read(device: Any, endpoint: int, wait: float) -> bytes:
    """What the printer sent back within `wait`; b"" for silence, and for an IN endpoint that cannot
    be read at all (a printer without a way back, another endpoint number): that is "unknown",
    and the job's own write still says whether the printer is there."""
    import usb.core

    try:
        return bytes(device.read(endpoint, 16, max(1, round(wait * 1000))))
    except usb.core.USBTimeoutError:
        return b""
    except usb.core.USBError as exc:
        log.debug("USB printer status not readable: %s", exc)
        return b""


def open_channel(url: PrinterUrl) -> Channel:
    """The printer's channel, opened; raises OSError or python-escpos's errors when it cannot be."""
    if url.kind == "file":
        return FileChannel(url.target)
    from escpos import printer  # lazily: only a USB or serial printer needs python-escpos's drivers

    if url.kind == "usb":
        device = printer.Usb(url.vendor_id, url.product_id, timeout=max(1, round(url.timeout * 1000)),
                             profile=url.profile)
    elif url.kind == "serial":
        device = printer.Serial(url.target, baudrate=url.baudrate, timeout=1, profile=url.profile)
    else:
        raise ValueError(f"{url.kind} printers do not print through a blocking channel")
    device.open()
    if device.device is None:  # python-escpos logged "not found" instead of raising
        raise OSError(f"no printer at {url.describe()}")
    if url.kind == "serial":
        device.device.write_timeout = url.timeout
    return EscposChannel(device, url.kind)
