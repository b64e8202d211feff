"""A small PDF 1.4 writer: A4 pages of text and rectangles, nothing else, no dependency.

Text is set in the standard Helvetica and Helvetica-Bold (every reader has them, nothing is
embedded) with WinAnsiEncoding, so Spanish and Portuguese print: ñ á é í ó ú ü ç ã õ ¿ ¡.
Coordinates are in points from the page's top-left corner (the writer flips them to PDF's
bottom-left). `text_width` uses Helvetica's metrics so amounts can be right-aligned; an
accented letter measures as its base letter, which is how the font draws it.
"""

from __future__ import annotations

import unicodedata
import zlib
from dataclasses import dataclass, field

A4 = (595.28, 841.89)  # points
Color = tuple[float, float, float]
BLACK: Color = (0.0, 0.0, 0.0)

# Advance widths (1/1000 em) of ASCII 32..126, from the Adobe Helvetica / Helvetica-Bold AFM files.
_REGULAR = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, *[556] * 10,
            278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556,
            833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
            333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333,
            500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
_BOLD = [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, *[556] * 10,
         333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611,
         833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
         333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389,
         556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584]
_EXTRA = {"¿": (611, 611), "¡": (333, 333), "°": (400, 400), "º": (365, 365), "ª": (370, 370), "€": (556, 556),
          "–": (556, 556), "—": (1000, 1000), "·": (278, 278)}


def _char_width(ch: str, bold: bool) -> int:
    if " " <= ch <= "~":
        return (_BOLD if bold else _REGULAR)[ord(ch) - 32]
    if ch in _EXTRA:
        return _EXTRA[ch][bold]
    base = unicodedata.normalize("NFD", ch)[:1]
    if base and " " <= base <= "~":
        return (_BOLD if bold else _REGULAR)[ord(base) - 32]
    return 556


def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(_char_width(ch, bold) for ch in text) * size / 1000


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252) bytes; a character outside it prints as '?'."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252", errors="replace"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    return bytes(out + b")")


def _num(value: float) -> bytes:
    return (b"%.2f" % value).rstrip(b"0").rstrip(b".") or b"0"


@dataclass
class Page:
    ops: list[bytes] = field(default_factory=list)


class PdfDocument:
    """Pages of text and rectangles; `to_bytes()` writes the file."""

    def __init__(self, title: str = "", size: tuple[float, float] = A4) -> None:
        self.title = title
        self.width, self.height = size
        self.pages: list[Page] = []

    def new_page(self) -> Page:
        self.pages.append(Page())
        return self.pages[-1]

    @property
    def page(self) -> Page:
        return self.pages[-1] if self.pages else self.new_page()

    def text(self, x: float, y: float, text: str, size: float = 10, *, bold: bool = False,
             color: Color = BLACK, align: str = "left", page: Page | None = None) -> None:
        """Text whose baseline is at y; align "right" or "center" puts its end or middle at x.
        On the current page, or on `page` (a footer drawn once the page count is known)."""
        if align != "left":
            width = text_width(text, size, bold)
            x -= width if align == "right" else width / 2
        font = b"/F2" if bold else b"/F1"
        (page or self.page).ops.append(b"BT %s %s %s rg %s %s Tf %s %s Td %s Tj ET" % (
            _num(color[0]), _num(color[1]), _num(color[2]), font, _num(size), _num(x), _num(self.height - y),
            _pdf_string(text)))

    def rect(self, x: float, y: float, w: float, h: float, *, fill: Color | None = BLACK,
             stroke: Color | None = None, line_width: float = 0.5) -> None:
        """A rectangle whose top-left corner is (x, y)."""
        ops = [b"q"]
        if fill is not None:
            ops.append(b"%s %s %s rg" % tuple(_num(c) for c in fill))
        if stroke is not None:
            ops.append(b"%s %s %s RG %s w" % (*(_num(c) for c in stroke), _num(line_width)))
        paint = b"B" if fill is not None and stroke is not None else (b"f" if fill is not None else b"S")
        ops.append(b"%s %s %s %s re %s Q" % (_num(x), _num(self.height - y - h), _num(w), _num(h), paint))
        self.page.ops.append(b" ".join(ops))

    def line(self, x1: float, y1: float, x2: float, y2: float, *, color: Color = BLACK, width: float = 0.5) -> None:
        self.page.ops.append(b"q %s %s %s RG %s w %s %s m %s %s l S Q" % (
            *(_num(c) for c in color), _num(width), _num(x1), _num(self.height - y1), _num(x2),
            _num(self.height - y2)))

    def to_bytes(self) -> bytes:
        pages = self.pages or [Page()]
        objects: list[bytes] = []  # object n is objects[n - 1]
        first_page = 5
        kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(len(pages)))
        objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
        objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)))
        for base in (b"Helvetica", b"Helvetica-Bold"):
            objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % base)
        box = b"[0 0 %s %s]" % (_num(self.width), _num(self.height))
        for i, page in enumerate(pages):
            stream = zlib.compress(b"\n".join(page.ops))
            objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R "
                           b"/F2 4 0 R >> >> /Contents %d 0 R >>" % (box, first_page + 2 * i + 1))
            objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Title %s /Producer (QR Cashier) >>" % _pdf_string(self.title))
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for n, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(objects) + 1, len(objects), xref)
        return bytes(out)
