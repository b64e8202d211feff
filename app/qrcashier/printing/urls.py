"""Printer URLs: where a receipt goes and how that printer is driven.

    escpos+tcp://HOST[:PORT]            a network ESC/POS printer (raw port 9100 by default)
    escpos+usb://VID:PID                a USB ESC/POS printer (hex ids, e.g. 04b8:0202)
    escpos+serial://DEVICE?baudrate=N   a serial one (/dev/ttyUSB0, COM3)
    escpos+file://PATH                  a device file (/dev/usb/lp0) or any file
    system:NAME / system:               a system (spooler) printer, or the default one; a bare NAME too
    pdf:PATH                            a PDF file

ESC/POS URLs take query options: `profile` (a python-escpos capability profile, default
"default"), `paper` (58 or 80 mm: 32 or 48 columns), `columns` (overrides the paper's),
`codepage` (CP858 by default, see `escpos`), `drawer` (the kick pin, 2 or 5) and `timeout`
(seconds to print one job). A wrong URL raises `PrinterUrlError` with one sentence saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

DEFAULT_TCP_PORT = 9100
COLUMNS_BY_PAPER = {58: 32, 80: 48}
DEFAULT_PAPER_MM = 80
DEFAULT_CODEPAGE = "CP858"
DEFAULT_TIMEOUT = 10.0
ESCPOS_KINDS = ("tcp", "usb", "serial", "file")
_OPTIONS = {"profile", "paper", "columns", "codepage", "drawer", "timeout", "baudrate"}


class PrinterUrlError(ValueError):
    """A printer URL that cannot be used; the message says why, fit for the cashier or the command line."""


@dataclass(frozen=True)
class PrinterUrl:
    kind: str  # "tcp", "usb", "serial", "file" (ESC/POS), "system" or "pdf"
    target: str = ""  # host, device, path or system printer name ("" = the default system printer)
    port: int = DEFAULT_TCP_PORT
    vendor_id: int = 0
    product_id: int = 0
    baudrate: int = 9600
    profile: str = "default"
    paper_mm: int = DEFAULT_PAPER_MM
    columns: int = COLUMNS_BY_PAPER[DEFAULT_PAPER_MM]
    codepage: str = DEFAULT_CODEPAGE
    drawer_pin: int = 2
    timeout: float = DEFAULT_TIMEOUT

    @property
    def escpos(self) -> bool:
        return self.kind in ESCPOS_KINDS

    def describe(self) -> str:
        """Where it prints, for logs and the status bar (no secrets in a printer URL)."""
        if self.kind == "tcp":
            return f"{self.target}:{self.port}"
        if self.kind == "usb":
            return f"USB {self.vendor_id:04x}:{self.product_id:04x}"
        if self.kind == "system":
            return self.target or "the default printer"
        return self.target


def _int(value: str, what: str, allowed: tuple[int, ...] | None = None) -> int:
    try:
        number = int(value, 10)
    except ValueError:
        raise PrinterUrlError(f"The printer's {what} must be a number, not {value!r}.") from None
    if allowed is not None and number not in allowed:
        raise PrinterUrlError(f"The printer's {what} must be one of {', '.join(map(str, allowed))}, not {number}.")
    return number


def _hex_id(value: str, what: str) -> int:
    try:
        number = int(value, 16)
    except ValueError:
        raise PrinterUrlError(f"The USB {what} must be hexadecimal (as lsusb shows it), not {value!r}.") from None
    if not 0 < number <= 0xFFFF:
        raise PrinterUrlError(f"The USB {what} {value!r} is out of range.")
    return number


def parse_printer_url(text: str) -> PrinterUrl:
    """The printer a URL names; raises PrinterUrlError (a ValueError) when it cannot be used."""
    text = text.strip()
    if not text:
        raise PrinterUrlError("No printer given.")
    scheme, sep, rest = text.partition(":")
    scheme = scheme.lower()
    if not sep or scheme not in ("system", "pdf") and not scheme.startswith("escpos+"):
        if scheme.startswith("escpos") or "://" in text:
            raise PrinterUrlError(
                f"Unknown printer URL {text!r}: use escpos+tcp://, escpos+usb://, escpos+serial://, "
                "escpos+file://, system: or pdf:."
            )
        return PrinterUrl("system", text)  # a bare system printer name, as --printer always took
    if scheme == "system":
        return PrinterUrl("system", unquote(rest.removeprefix("//")))
    if scheme == "pdf":
        path = unquote(rest.removeprefix("//"))
        if not path:
            raise PrinterUrlError("A PDF printer needs a file path: pdf:/path/receipt.pdf.")
        return PrinterUrl("pdf", path)
    kind = scheme.removeprefix("escpos+")
    if kind not in ESCPOS_KINDS:
        raise PrinterUrlError(f"Unknown ESC/POS connection {kind!r}: use tcp, usb, serial or file.")
    parts = urlsplit(text)
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted(set(options) - _OPTIONS)
    if unknown:
        raise PrinterUrlError(f"Unknown printer option {unknown[0]!r} in {text!r}.")
    paper = _int(options.get("paper", str(DEFAULT_PAPER_MM)), "paper width (mm)", tuple(COLUMNS_BY_PAPER))
    columns = _int(options.get("columns", str(COLUMNS_BY_PAPER[paper])), "column count")
    if not 24 <= columns <= 64:
        raise PrinterUrlError(f"The printer's column count must be between 24 and 64, not {columns}.")
    try:
        timeout = float(options.get("timeout", DEFAULT_TIMEOUT))
    except ValueError:
        raise PrinterUrlError(
            f"The printer's timeout must be a number of seconds, not {options['timeout']!r}."
        ) from None
    if not 0 < timeout <= 120:
        raise PrinterUrlError("The printer's timeout must be more than 0 and at most 120 seconds.")
    common = dict(
        profile=options.get("profile") or "default",
        paper_mm=paper,
        columns=columns,
        codepage=(options.get("codepage") or DEFAULT_CODEPAGE).upper(),
        drawer_pin=_int(options.get("drawer", "2"), "drawer pin", (2, 5)),
        timeout=timeout,
    )
    if kind == "tcp":
        host = parts.hostname
        if not host:
            raise PrinterUrlError("A network printer needs a host: escpos+tcp://192.168.0.50:9100.")
        try:
            port = parts.port or DEFAULT_TCP_PORT
        except ValueError:
            raise PrinterUrlError(f"The printer's port in {text!r} is not a port number.") from None
        return PrinterUrl("tcp", host, port=port, **common)
    if kind == "usb":
        vid, colon, pid = parts.netloc.partition(":")
        if not colon:
            raise PrinterUrlError("A USB printer is named by its ids: escpos+usb://04b8:0202 (see lsusb).")
        return PrinterUrl("usb", parts.netloc, vendor_id=_hex_id(vid, "vendor id"),
                          product_id=_hex_id(pid, "product id"), **common)
    device = unquote(parts.netloc + parts.path)
    if not device:
        raise PrinterUrlError(f"An escpos+{kind} printer needs a device or path: escpos+{kind}:///dev/...")
    if kind == "serial":
        baud = _int(options.get("baudrate", "9600"), "baud rate")
        if baud <= 0:
            raise PrinterUrlError("The printer's baud rate must be positive.")
        return PrinterUrl("serial", device, baudrate=baud, **common)
    return PrinterUrl("file", device, **common)
