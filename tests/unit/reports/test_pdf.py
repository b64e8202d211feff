"""The PDF: a valid PDF 1.4 that poppler opens, with the report's text (accents included), the
hour chart's bars, and as many numbered pages as a long shift needs."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib

import pytest

from qrcashier.reports.model import parse_report
from qrcashier.reports.pdf import render_pdf
from qrcashier.reports.pdf_writer import PdfDocument, text_width
from tests.unit.reports.sample import generated_report, z_report

poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")


def pdftotext(data: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60)
    assert done.stderr == b"", done.stderr  # poppler complains about any broken structure
    return done.stdout.decode("utf-8")


def streams(data: bytes) -> list[bytes]:
    return [zlib.decompress(m.group(1)) for m in re.finditer(rb"stream\n(.*?)\nendstream", data, re.S)]


def test_the_writer_makes_a_pdf_14_with_a_correct_xref():
    doc = PdfDocument("t")
    doc.text(50, 50, "hola")
    data = doc.to_bytes()
    assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
    start = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert data[start:start + 4] == b"xref"
    offsets = [int(line[:10]) for line in data[start:].split(b"\n")[3:] if line.endswith(b" n ")]
    for n, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(b"%d 0 obj" % n)


def test_text_is_winansi_so_spanish_and_portuguese_print(tmp_path):
    doc = PdfDocument()
    sample = "ñ á é í ó ú ü ç ã õ ¿ ¡ Ñ Ç (paréntesis) \\"
    doc.text(50, 80, sample, 12)
    assert b"/Encoding /WinAnsiEncoding" in doc.to_bytes()
    if shutil.which("pdftotext"):
        assert sample in pdftotext(doc.to_bytes(), tmp_path)


def test_helvetica_metrics_measure_right_aligned_amounts():
    assert text_width("0000", 10) == pytest.approx(22.24)
    assert text_width("ñ", 10) == text_width("n", 10) < text_width("m", 10)
    assert text_width("W", 10, bold=True) == pytest.approx(9.44)


@poppler
def test_the_report_pdf_holds_every_section_in_the_site_language(tmp_path):
    text = pdftotext(render_pdf(parse_report(z_report())), tmp_path)
    for words in ("INFORME Z", "Almacén Ñandú", "María José Núñez", "$ 41.715,39", "-$ 150,00", "Diferencia",
                  "ARQUEO DE CAJA", "VENTAS POR HORA", "DETALLE DE VENTAS", "00003-00000043",
                  "¿señor López?", "CONCILIACIÓN CON MERCADO PAGO", "Página 1 de"):
        assert words in text, words


def test_the_hour_chart_is_one_filled_rectangle_per_hour_scaled_to_the_busiest():
    content = b"".join(streams(render_pdf(parse_report(z_report()))))
    bars = [float(h) for h in re.findall(rb"0 0.62 0.89 rg [\d.]+ [\d.]+ [\d.]+ ([\d.]+) re f", content)]
    assert len(bars) == 5  # hours 08, 09, 11, 14, 17
    assert bars[0] == bars[2] == pytest.approx(2 * bars[1])


@poppler
def test_a_long_shift_runs_over_numbered_pages(tmp_path):
    data = render_pdf(parse_report(generated_report(2000)))
    text = pdftotext(data, tmp_path)
    pages = int(re.search(rb"/Type /Pages /Kids \[[^\]]*\] /Count (\d+)", data).group(1))
    assert pages > 30
    assert f"Página {pages} de {pages}" in text
    assert "00003-00000001" in text and "00003-00002000" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")
def test_poppler_rasterises_the_first_page(tmp_path):
    path = tmp_path / "z.pdf"
    path.write_bytes(render_pdf(parse_report(z_report())))
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
                   check=True, capture_output=True, timeout=60)
    png = next(tmp_path.glob("page*.png")).read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 2000


def test_a_text_too_long_for_its_column_is_cut_with_an_ellipsis():
    from qrcashier.reports.pdf import clip

    long = "Efectivo $ 1.000,00 + QR Mercado Pago $ 2.000,00 + Point $ 3.000,00 + Tarjeta $ 4.000,00"
    cut = clip(long, 200, 8.5)
    assert cut.endswith("…") and text_width(cut, 8.5) <= 200 < text_width(long, 8.5)
    assert clip("corto", 200, 8.5) == "corto"
