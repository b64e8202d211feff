"""The on-screen X / Z report: text, painted hour chart, Save as PDF / CSV off the Qt thread, Print."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from qrcashier.reports.model import ReportError
from qrcashier.ui.reports.dialog import ReportDialog
from tests.support.waiting import wait_until
from tests.unit.reports.sample import generated_report, without, z_report

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


async def test_the_z_report_shows_the_text_and_paints_the_chart(qtbot):
    dialog = ReportDialog(z_report())
    qtbot.addWidget(dialog)
    dialog.show()
    await wait_until(dialog.isVisible, what="the dialog shown")
    assert dialog.windowTitle() == "Z report, shift 12"
    text = dialog.view.toPlainText()
    assert "INFORME Z" in text and "$ 41.715,39" in text and "-$ 150,00" in text
    assert max(len(line) for line in text.splitlines()) == 48
    assert dialog.view.font().styleHint() == QFont.StyleHint.Monospace
    bars = dialog.chart.bar_rects()
    assert len(bars) == 5
    assert bars[0].height() == pytest.approx(bars[2].height()) == pytest.approx(2 * bars[1].height())
    assert all(a.right() < b.left() for a, b in zip(bars, bars[1:], strict=False))  # side by side, no overlap
    image = dialog.chart.grab().toImage()
    middle = bars[0].center().toPoint()
    assert image.pixelColor(middle).name() == "#009ee3"  # the bar really is painted


async def test_an_x_report_says_it_is_open(qtbot):
    dialog = ReportDialog(z_report("X"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "X report, shift 12 (open)"
    assert "sin contar aún" in dialog.view.toPlainText()


async def test_save_as_pdf_and_csv_write_off_the_qt_thread(qtbot, tmp_path):
    dialog = ReportDialog(generated_report(400))
    qtbot.addWidget(dialog)
    pdf = await dialog.write_file("pdf", tmp_path / "z.pdf")
    assert pdf.read_bytes().startswith(b"%PDF-1.4") and "Saved" in dialog.status.text()
    csv = await dialog.write_file("csv", tmp_path / "z.csv")
    assert csv.read_bytes().startswith(b"\xef\xbb\xbfsales")


async def test_an_unwritable_place_is_a_sentence_not_a_crash(qtbot, tmp_path):
    dialog = ReportDialog(z_report())
    qtbot.addWidget(dialog)
    assert await dialog.write_file("pdf", tmp_path / "missing" / "z.pdf") is None
    assert "Could not save" in dialog.status.text()


async def test_save_opens_a_save_dialog_with_a_name_for_the_shift(qtbot):
    dialog = ReportDialog(z_report())
    qtbot.addWidget(dialog)
    chooser = dialog.save("csv")
    try:
        assert chooser.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        assert chooser.defaultSuffix() == "csv"
        assert dialog.default_name("pdf") == "z-report-Caja_1-12.pdf"
    finally:
        chooser.close()


async def test_print_paints_the_text_on_a_printer(qtbot, tmp_path):
    dialog = ReportDialog(z_report())
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_report(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    assert dialog.status.text() == "Sent to the printer"


async def test_the_buttons_and_keys(qtbot, tmp_path):
    dialog = ReportDialog(z_report())
    qtbot.addWidget(dialog)
    dialog.show()
    assert [b.text().split("\n")[0] for b in (dialog.pdf_button, dialog.csv_button, dialog.print_button)] == [
        "Save as PDF", "Save as CSV", "Print"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    await wait_until(lambda: not dialog.isVisible(), what="Esc closes the report")


async def test_a_malformed_dict_is_refused_before_any_widget(qtbot):
    with pytest.raises(ReportError, match="shift.float: missing"):
        ReportDialog(without(z_report(), "shift", "float"))
