"""The receipt layout as ESC/POS bytes, for a printer's capability profile.

Code page: CP858 (CP850 with the euro sign), which has every letter Spanish and Portuguese
receipts use (ñ á é í ó ú ü ç ã õ ¿ ¡) and is in the tables of nearly every ESC/POS printer
(Epson, Bematech, Xprinter clones as "PC858"). The URL's `codepage` option overrides it (e.g.
CP850 on a printer whose table 19 is something else); when the profile has neither, the text
goes out in the profile's first table with accents dropped (á -> a, € -> EUR), never as `?`
soup. The table number comes from the python-escpos profile (receipt-print-hq's database).

QR: the printer's own command (GS ( k, model 2) where the profile has `qrCode`, else the
symbol as a raster image (GS v 0) drawn with segno. Bytes written: ESC @, ESC t n, the drawer
pulse when asked (ESC p, pin 2 or 5), the rows (ESC E / GS ! for emphasis), the QR, a feed and
the cut the profile supports (GS V). A raster image can happen to hold the bytes of a DLE EOT
query: the backend then skips its status check for that job.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from qrcashier.printing.layout import QrBlock, ReceiptLayout, Row
from qrcashier.printing.urls import PrinterUrlError

ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
DOUBLE_HEIGHT, NORMAL_SIZE = GS + b"!\x01", GS + b"!\x00"
ALIGN_LEFT, ALIGN_CENTER = ESC + b"a\x00", ESC + b"a\x01"
FULL_CUT, PARTIAL_CUT = GS + b"V\x00", GS + b"V\x01"
FEED_BEFORE_CUT = ESC + b"d\x04"  # the head sits ~4 lines above the cutter
DRAWER_KICK = {2: ESC + b"p\x00\x32\x32", 5: ESC + b"p\x01\x32\x32"}  # python-escpos CD_KICK_2 / CD_KICK_5
FALLBACK_CODEPAGES = ("CP858", "CP850")
_SPELLED = {"€": "EUR", "£": "GBP", "¿": "?", "¡": "!", "º": "o", "ª": "a", "°": "o"}


@dataclass(frozen=True)
class Profile:
    """What the renderer needs from a python-escpos capability profile."""

    name: str
    codepages: dict[str, int]  # code page name -> table number (ESC t n)
    qr_native: bool
    full_cut: bool
    partial_cut: bool
    dots: int  # printable width in dots, for the QR image


@lru_cache(maxsize=16)
def load_profile(name: str) -> Profile:
    """The named profile; raises PrinterUrlError for a name python-escpos does not know."""
    from escpos.capabilities import get_profile  # lazily: start-up does not load the profile database

    try:
        p = get_profile(name)
    except KeyError:
        raise PrinterUrlError(
            f"Unknown printer profile {name!r} (python-escpos profiles: default, TM-T20II, POS-5890, ...)."
        ) from None
    pixels = p.profile_data.get("media", {}).get("width", {}).get("pixels")
    pages: dict[str, int] = {}
    for number, page in sorted(p.codePages.items(), key=lambda kv: int(kv[0])):
        pages.setdefault(str(page).upper(), int(number))
    return Profile(
        name=name, codepages=pages, qr_native=bool(p.supports("qrCode")), full_cut=bool(p.supports("paperFullCut")),
        partial_cut=bool(p.supports("paperPartCut")), dots=pixels if isinstance(pixels, int) else 0,
    )


def profile_names() -> list[tuple[str, str]]:
    """(profile, "Vendor Name") for every python-escpos profile, for setup's printer page (call off the Qt thread)."""
    from escpos.capabilities import CAPABILITIES

    profiles = CAPABILITIES["profiles"]
    return sorted((key, f"{p.get('vendor', '')} {p.get('name', key)}".strip()) for key, p in profiles.items())


def choose_codepage(profile: Profile, wanted: str) -> tuple[str, int]:
    """(code page, table number): the one asked for, else CP858/CP850, else the profile's first table."""
    for name in (wanted.upper(), *FALLBACK_CODEPAGES):
        if name in profile.codepages:
            return name, profile.codepages[name]
    if not profile.codepages:
        return "CP437", 0
    name, number = min(profile.codepages.items(), key=lambda kv: kv[1])
    return name, number


def _codec(codepage: str) -> str:
    return codepage.lower().replace("_", "-")


def encode_text(text: str, codepage: str) -> bytes:
    """Text in the printer's code page; a letter the page lacks loses its accent (ã -> a), a sign is spelled."""
    codec = _codec(codepage)
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode(codec)
            continue
        except (UnicodeEncodeError, LookupError):
            pass
        plain = _SPELLED.get(ch) or unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode() or "?"
        out += plain.encode("ascii", "replace")
    return bytes(out)


def qr_native(payload: str, module: int = 6) -> bytes:
    """GS ( k: model 2, module size, error correction M, store the data, print it."""
    data = payload.encode("utf-8")
    size = len(data) + 3
    return b"".join((
        GS + b"(k\x04\x001A2\x00",
        GS + b"(k\x03\x001C" + bytes([module]),
        GS + b"(k\x03\x001E1",
        GS + b"(k" + bytes([size & 0xFF, size >> 8]) + b"1P0" + data,
        GS + b"(k\x03\x001Q0",
    ))


def qr_image(payload: str, max_dots: int) -> bytes:
    """The QR as a raster image (GS v 0), as large as fits in half the paper's width, at least 3 dots a module."""
    import segno

    qr = segno.make(payload, error="m", micro=False)
    side = qr.symbol_size(scale=1, border=4)[0]
    scale = max(3, min(8, (max_dots // 2) // side))
    rows = [bytes(row) for row in qr.matrix_iter(scale=scale, border=4)]
    width = len(rows[0])
    width_bytes = (width + 7) // 8
    data = bytearray()
    for row in rows:
        bits = row + bytes(width_bytes * 8 - width)
        for i in range(0, len(bits), 8):
            byte = 0
            for bit in bits[i:i + 8]:
                byte = (byte << 1) | (1 if bit else 0)
            data.append(byte)
    header = GS + b"v0\x00" + bytes([width_bytes & 0xFF, width_bytes >> 8, len(rows) & 0xFF, len(rows) >> 8])
    return header + bytes(data)


def drawer_pulse(pin: int) -> bytes:
    if pin not in DRAWER_KICK:
        raise ValueError("the cash drawer is on pin 2 or pin 5")
    return DRAWER_KICK[pin]


def render_escpos(
    layout: ReceiptLayout,
    profile: Profile,
    *,
    codepage: str = FALLBACK_CODEPAGES[0],
    kick_drawer: bool = False,
    drawer_pin: int = 2,
    cut: bool = True,
) -> bytes:
    """The whole job: init, code page, the drawer pulse if asked, the blocks, feed and cut."""
    page, table = choose_codepage(profile, codepage)
    out = bytearray(INIT)
    if profile.codepages:
        out += ESC + b"t" + bytes([table])
    if kick_drawer:
        out += drawer_pulse(drawer_pin)
    dots = profile.dots or (384 if layout.columns <= 32 else 576)
    for block in layout.blocks:
        if isinstance(block, Row):
            text = encode_text(block.text.rstrip(), page)
            out += BOLD_ON + DOUBLE_HEIGHT + text + NORMAL_SIZE + BOLD_OFF + b"\n" if block.emphasis else text + b"\n"
        elif isinstance(block, QrBlock):
            out += ALIGN_CENTER
            out += qr_native(block.payload) if profile.qr_native else qr_image(block.payload, dots)
            out += b"\n" + ALIGN_LEFT
    if cut and (profile.partial_cut or profile.full_cut):
        out += FEED_BEFORE_CUT + (PARTIAL_CUT if profile.partial_cut else FULL_CUT)
    elif cut:
        out += FEED_BEFORE_CUT  # no cutter: feed past the tear bar
    return bytes(out)
