"""ui/sale/receipt_view.py: the non-modal receipt dialog and its Print / Save as PDF / Close buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialog, QFileDialog

from qrcashier.ui.printing import qprinter as printing
from qrcashier.ui.sale.receipt_view import ReceiptDialog, show_receipt
from tests.support.samples import sample_receipt


@pytest.fixture(autouse=True)
def no_exec(monkeypatch):
    """Any .exec() (a nested event loop, qt-notes §2.3) fails the test."""

    def refuse(self, *args):
        raise AssertionError(f"{type(self).__name__}.exec() called")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QFileDialog, "exec", refuse)


@pytest.fixture
def dialog(qtbot):
    d = ReceiptDialog(sample_receipt(copy=True))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_shows_the_receipt_in_monospace_without_blocking(dialog):
    assert not dialog.isModal()
    assert dialog.isVisible()
    assert dialog.text() + "\n" == sample_receipt(copy=True).to_text()
    assert dialog.text().count("COPIA") == 2
    # Columns line up: every character advances the same (Qt's fixedPitch() is False for some
    # monospace fonts, Noto Sans Mono among them, though their advances are all equal).
    metrics = QFontMetrics(dialog._paper.font())
    assert len({metrics.horizontalAdvance(c) for c in "iW0.$ -lm"}) == 1
    assert "copy" in dialog.windowTitle()
    # the 42 columns fit without a horizontal scroll bar
    assert dialog._paper.horizontalScrollBar().maximum() == 0


def test_buttons_show_their_shortcuts(dialog):
    assert dialog.print_button.text() == "Print\nCtrl+P"
    assert dialog.pdf_button.text() == "Save as PDF\nCtrl+S"
    assert dialog.close_button.text() == "Close\nEsc"


def test_save_as_pdf(dialog, qtbot, tmp_path):
    path = tmp_path / "receipt.pdf"
    with qtbot.waitSignal(dialog.saved) as sig:
        assert dialog.save_pdf_to(path)
    assert sig.args == [str(path)]
    assert path.read_bytes().startswith(b"%PDF")
    assert str(path) in dialog.status_text()


def test_save_button_asks_with_a_non_modal_file_dialog(dialog, qtbot, tmp_path):
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)  # returns: no nested loop
    file_dialog = dialog._file_dialog
    assert isinstance(file_dialog, QFileDialog) and file_dialog.isVisible()
    path = tmp_path / "chosen.pdf"
    with qtbot.waitSignal(dialog.saved):
        file_dialog.fileSelected.emit(str(path))
    assert path.exists()
    file_dialog.close()


def test_print_without_printer_reports_and_does_not_raise(dialog, qtbot, monkeypatch):
    monkeypatch.setattr(printing, "available_printers", lambda: [])
    with qtbot.waitSignal(dialog.failed) as sig:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert "No printer" in sig.args[0]
    assert "No printer" in dialog.status_text()


def test_print_goes_to_the_chosen_printer(dialog, qtbot, monkeypatch):
    calls = []

    def fake_print(receipt, printer_name=None):
        calls.append((receipt, printer_name))
        return printer_name or "Default"

    monkeypatch.setattr(printing, "print_receipt", fake_print)
    dialog.set_printer_name("Thermal-80")
    with qtbot.waitSignal(dialog.printed) as sig:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert sig.args == ["Thermal-80"]
    assert calls == [(dialog.receipt(), "Thermal-80")]
    assert "Thermal-80" in dialog.status_text()


def test_close_button(dialog, qtbot):
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_set_receipt_replaces_text(dialog):
    dialog.set_receipt(sample_receipt(refunds=True))
    assert "DEVOLUCIONES" in dialog.text() and "COPIA" not in dialog.text()
    assert "copy" not in dialog.windowTitle()


def test_show_receipt_opens_a_self_deleting_dialog(qtbot):
    d = show_receipt(sample_receipt())
    assert d.isVisible() and not d.isModal()
    assert d.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    with qtbot.waitSignal(d.destroyed):
        d.close()


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_ctrl_p_with_an_escpos_printer_prints_a_copy_through_the_queue(qtbot, tmp_path):
    from PySide6.QtWidgets import QStatusBar, QWidget

    from qrcashier.printing.queue import PrintQueue
    from qrcashier.printing.urls import parse_printer_url
    from qrcashier.ui.printing.queued import QueuedPrinting
    from qrcashier.ui.printing.status import PrinterStatusView
    from tests.support.fake_printer import FakePrinter
    from tests.ui.conftest import wait_until

    fake = await FakePrinter().start()
    queue = PrintQueue(tmp_path / "journal.sqlite3", parse_printer_url(fake.url))
    await queue.start()
    try:
        window = QWidget()  # the main window's public print_queue
        qtbot.addWidget(window)
        window.print_queue = QueuedPrinting(queue, PrinterStatusView(QStatusBar(window)))
        dialog = ReceiptDialog(sample_receipt(), window)
        qtbot.addWidget(dialog)
        dialog.show()
        jobs = []
        dialog.queued.connect(jobs.append)
        assert dialog.print_button.shortcut().toString() == "Ctrl+P"  # the button Ctrl+P presses
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: jobs or "not" in dialog.status_text(), 10, f"the copy queued ({dialog.status_text()})")
        assert jobs, dialog.status_text()
        await wait_until(lambda: fake.jobs, 10, f"the copy at the printer ({queue.status})")
        assert b"COPIA" in fake.jobs[0] and jobs and jobs[0].kind == "copy"
        assert "print queue" in dialog.status_text()
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)  # a second copy is its own job
        await wait_until(lambda: len(fake.jobs) == 2, 10, "the second copy")
    finally:
        await queue.close()
        await fake.stop()
