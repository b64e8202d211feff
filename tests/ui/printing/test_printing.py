"""ui/printing/qprinter.py: receipt and sticker PDFs, printer choice and the "no printer" case."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from qrcashier.domain.receipt import ReceiptLine
from qrcashier.ui.printing import qprinter as printing
from tests.support.samples import DYNAMIC_BR, STATIC_AR, sample_receipt
from tests.ui.qrdecode import decode_one

MM = 72 / 25.4  # PDF points per millimetre


def media_box(path: Path) -> tuple[float, float]:
    data = path.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert len(boxes) == 1, f"expected one page, found {len(boxes)}"
    return float(boxes[0][0]), float(boxes[0][1])


def assert_pdf(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" in data[-64:]
    assert len(data) > 2000


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")


def test_receipt_pdf_is_an_80mm_page_as_long_as_the_receipt(tmp_path, qapp):
    short = tmp_path / "short.pdf"
    printing.receipt_to_pdf(sample_receipt(), short)
    assert_pdf(short)
    w, h = media_box(short)
    assert w == pytest.approx(80 * MM, abs=0.5)
    r = sample_receipt()
    longer = replace(r, lines=[*r.lines] * 10)
    printing.receipt_to_pdf(longer, tmp_path / "long.pdf")
    w2, h2 = media_box(tmp_path / "long.pdf")
    assert w2 == pytest.approx(w) and h2 > h + 50 * MM  # 20 more rows: several centimetres longer


@needs_pdftotext
def test_receipt_pdf_text_and_copy_banner(tmp_path, qapp):
    def text_of(receipt) -> str:
        path = tmp_path / "r.pdf"
        printing.receipt_to_pdf(receipt, path)
        done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
        return done.stdout

    original = text_of(sample_receipt())
    assert "$ 5.980,00" in original and "123456789012" in original
    assert "COPIA" not in original
    copy = text_of(sample_receipt(copy=True))
    assert copy.count("COPIA") == 2


def test_sticker_pdf_pages(tmp_path, qapp):
    a6 = printing.qr_sticker_to_pdf(
        STATIC_AR, "Almacén Don Pepe", "Caja 1", tmp_path / "a6.pdf", pos_external_id="SUC001POS001"
    )
    assert_pdf(a6)
    assert media_box(a6) == (pytest.approx(105 * MM, abs=1), pytest.approx(148 * MM, abs=1))
    a5 = printing.qr_sticker_to_pdf(STATIC_AR, "Almacén Don Pepe", "Caja 1", tmp_path / "a5.pdf", page="A5")
    assert media_box(a5) == (pytest.approx(148 * MM, abs=1), pytest.approx(210 * MM, abs=1))
    with pytest.raises(ValueError):
        printing.qr_sticker_to_pdf(STATIC_AR, "S", "R", tmp_path / "x.pdf", page="Letter")


@pytest.mark.parametrize("payload", [STATIC_AR, DYNAMIC_BR])
def test_sticker_drawing_decodes(qapp, payload):
    # the same painting code as the PDF, on an A6-proportioned image at about 150 dpi
    img = QImage(580, 826, QImage.Format.Format_RGB32)
    img.fill(0xFF00FF)
    painter = QPainter(img)
    try:
        qr_rect = printing.paint_sticker(painter, QRectF(0, 0, 580, 826), payload, "Almacén", "Caja 1", "SUC001POS001")
    finally:
        painter.end()
    assert decode_one(img).text == payload
    assert qr_rect.width() >= 0.8 * 580 - 60  # the QR takes most of the sticker's width
    assert QRectF(0, 0, 580, 826).contains(qr_rect)


@needs_pdftoppm
def test_sticker_pdf_decodes_after_rasterising(tmp_path, qapp):
    pdf = printing.qr_sticker_to_pdf(
        DYNAMIC_BR, "Padaria São Jorge", "Caixa 3", tmp_path / "s.pdf", pos_external_id="P3"
    )
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    img = QImage(str(png))
    assert not img.isNull()
    assert decode_one(img).text == DYNAMIC_BR


def test_missing_folder_is_a_printing_error(tmp_path, qapp):
    with pytest.raises(printing.PrintingError, match="does not exist"):
        printing.receipt_to_pdf(sample_receipt(), tmp_path / "nope" / "r.pdf")


@pytest.fixture
def printers(monkeypatch):
    """Pretend the system has these printers (and this default), without touching CUPS."""
    state = {"names": [], "default": None}
    monkeypatch.setattr(printing, "available_printers", lambda: list(state["names"]))
    monkeypatch.setattr(printing, "default_printer_name", lambda: state["default"])
    return state


def test_no_printer_is_a_clear_error(printers, qapp):
    with pytest.raises(printing.NoPrinterError, match="No printer is installed"):
        printing.print_receipt(sample_receipt())
    with pytest.raises(printing.NoPrinterError):
        printing.print_qr_sticker(STATIC_AR, "S", "R")


def test_printer_choice(printers):
    printers["names"] = ["Thermal-80", "Office"]
    with pytest.raises(printing.NoPrinterError, match="No default printer"):
        printing.resolve_printer(None)
    printers["default"] = "Office"
    assert printing.resolve_printer(None) == "Office"
    assert printing.resolve_printer("Thermal-80") == "Thermal-80"
    with pytest.raises(printing.NoPrinterError, match="'Kitchen' was not found"):
        printing.resolve_printer("Kitchen")
    printers["names"], printers["default"] = ["Thermal-80"], None
    assert printing.resolve_printer(None) == "Thermal-80"  # the only one


class OwnPrinters:
    """A printer source of the test's own, in QPrinterInfo's place: the machine may have none."""

    names = ("Thermal-80", "Office")
    default = "Office"

    @classmethod
    def availablePrinterNames(cls):  # noqa: N802  (Qt's name)
        return cls.names

    @classmethod
    def defaultPrinterName(cls):  # noqa: N802
        return cls.default


def test_the_printer_list_is_the_systems_names_as_strings(qapp, monkeypatch):
    assert isinstance(printing.available_printers(), list)  # Qt's real list, whatever this machine has
    monkeypatch.setattr(printing, "QPrinterInfo", OwnPrinters)
    names = printing.available_printers()
    assert names == ["Thermal-80", "Office"]
    assert all(isinstance(n, str) for n in names)
    assert printing.default_printer_name() == "Office"
    monkeypatch.setattr(OwnPrinters, "default", "")  # Qt says "" for no default
    assert printing.default_printer_name() is None


def test_receipt_painting_wraps_to_new_pages(qapp):
    r = sample_receipt()
    long = replace(r, lines=[ReceiptLine(f"Item {i}", Decimal(1), Decimal(1), Decimal(1)) for i in range(80)])
    img = QImage(400, 300, QImage.Format.Format_RGB32)
    img.fill(0xFFFFFF)
    pages = []
    painter = QPainter(img)
    try:
        printing.paint_receipt(painter, long, 380, page_height_px=300, new_page=lambda: pages.append(1))
    finally:
        painter.end()
    assert len(pages) >= 2
