"""The receipt printer and the language.

The printer is a system printer (from the list), or a printer URL typed here (printing/urls.py):
escpos+tcp://HOST[:9100], escpos+usb://VID:PID, escpos+serial://DEVICE?baudrate=N,
escpos+file://PATH, system:NAME or pdf:PATH. For ESC/POS the profile (python-escpos
capabilities), the paper width (58 mm = 32 columns, 80 mm = 48) and the drawer's kick pin are
chosen with combos and written into the URL's query. "Print test page" sends a page through the
print queue (printing.queue.print_test_page) off the Qt thread, with a timeout, and says in one
sentence what happened.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from qrcashier.settings import LANGUAGES, AppSettings
from qrcashier.ui.setup.widgets import SetupPage, dialog_slot, error_label, make_label
from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.supervisor.widgets import Busy, Outcome

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog

log = logging.getLogger("qrcashier.ui.setup")

TEST_PAGE_TIMEOUT = 20.0  # seconds for the whole test page (the queue's own per-job timeout is inside)
PAPERS = (80, 58)
DRAWER_PINS = (2, 5)


def with_options(url: str, **options: str) -> str:
    """An ESC/POS URL with its query options set (others kept); other URLs unchanged."""
    if not url.lower().startswith("escpos+"):
        return url
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    for key, value in options.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, safe=":/"), parts.fragment))


class PrinterPage(SetupPage):
    key = "printer"
    title = QT_TRANSLATE_NOOP("SetupPage", "Receipt printer and language")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage", "Receipts print on the printer chosen here. Without one, each receipt is shown on screen to "
            "print or save."
    )
    NONE = "__none__"
    URL = "__url__"

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self._working = False
        self._profiles_loaded = False
        self.printer_box = QComboBox()
        self.printer_box.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.url = QLineEdit()
        self.url.setPlaceholderText("escpos+tcp://192.168.0.50:9100")
        self.url.setToolTip(self.tr(
            "escpos+tcp://HOST[:PORT], escpos+usb://VID:PID, escpos+serial://DEVICE?baudrate=N, "
            "escpos+file://PATH, system:NAME or pdf:PATH"))
        self.url.textEdited.connect(lambda _t: self._url_edited())
        self.profile_box = QComboBox()
        self.profile_box.addItem(self.tr("Generic ESC/POS (default)"), "default")
        self.paper_box = QComboBox()
        for mm in PAPERS:
            self.paper_box.addItem(f"{mm} mm", mm)  # the same in every language
        self.drawer_box = QComboBox()
        for pin in DRAWER_PINS:
            self.drawer_box.addItem(fmt(self.tr("Pin %1"), pin), pin)
        for box in (self.profile_box, self.paper_box, self.drawer_box):
            box.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.currentIndexChanged.connect(lambda _i: self._changed())
        # the store's receipt switches (issue 17): default on in Argentina
        self.vat_box = QCheckBox(self.tr("Show the VAT contained, by rate"))
        self.legend_box = QCheckBox(self.tr("Print the Ley 27.743 legend (Argentina)"))
        for box in (self.vat_box, self.legend_box):
            box.toggled.connect(lambda _on: self._changed())
        self.test_button = theme.big_button(self.tr("Print test page"), None, role="secondary")
        self.test_button.clicked.connect(self.print_test)
        self.problem = error_label()
        self.busy = Busy()
        self.result = Outcome()
        form = QFormLayout()
        form.addRow(self.tr("Receipt printer"), self.printer_box)
        form.addRow(self.tr("Printer URL"), self.url)
        form.addRow(self.tr("Printer model"), self.profile_box)
        form.addRow(self.tr("Paper width"), self.paper_box)
        form.addRow(self.tr("Cash drawer"), self.drawer_box)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(self.tr("Receipts"), self.vat_box)
        form.addRow("", self.legend_box)
        self._escpos_rows = (self.profile_box, self.paper_box, self.drawer_box)
        self.note = make_label(muted=True)
        self.language_note = make_label(muted=True)
        self.language_note.setText(self.tr(
            "The cashier's window follows this language; the customer's screen and the receipts follow the "
            "site of the Mercado Pago account (Spanish or Portuguese)."))
        test_row = QWidget()
        row = QHBoxLayout(test_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.note)
        layout.addWidget(self.language_note)
        layout.addWidget(self.busy)
        layout.addWidget(self.result)
        layout.addWidget(test_row)
        layout.addStretch(1)

    # -- filling

    def enter(self) -> None:
        dirty = self.dirty
        self.printer_box.blockSignals(True)
        self.printer_box.clear()
        self.printer_box.addItem(self.tr("No printer: show receipts on screen"), self.NONE)
        self.printer_box.addItem(self.tr("Receipt printer (ESC/POS) or PDF: type its URL"), self.URL)
        printers = self.env.printers()
        for name in printers:
            self.printer_box.addItem(name, name)
        current = self.state.printer
        typed = bool(current) and (current.lower().startswith(("escpos+", "pdf:", "system:")))
        if current and not typed and current not in printers:
            self.printer_box.addItem(fmt(self.tr("%1 (not found on this computer)"), current), current)
        if typed:
            index = self.printer_box.findData(self.URL)
            self.url.setText(current)
            self._options_from_url(current)
        else:
            index = self.printer_box.findData(current) if current else 0
        self.printer_box.setCurrentIndex(max(0, index))
        self.printer_box.blockSignals(False)
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.state.language)))
        self.language_box.blockSignals(False)
        vat, legend = self.env.settings.receipt_switches()
        argentina = self.env.settings.site == "MLA"
        for box, on in ((self.vat_box, vat), (self.legend_box, legend)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self.legend_box.setVisible(argentina)
        none = self.tr("No printer is installed on this computer yet; you can choose one later in Settings.")
        self.note.setText("" if printers else none)
        self._show_rows()
        self.dirty = dirty

    @dialog_slot()
    async def _load_profiles(self) -> None:
        from qrcashier.printing.escpos import profile_names

        try:  # python-escpos reads its capabilities file: off the Qt thread
            names = await asyncio.wait_for(asyncio.to_thread(profile_names), 10)
        except Exception as exc:  # the generic profile still works
            log.warning("setup: printer profiles not read: %s", exc)
            return
        current = self.profile_box.currentData()
        self.profile_box.blockSignals(True)
        for key, label in names:
            if key != "default":
                self.profile_box.addItem(label or key, key)
        self.profile_box.setCurrentIndex(max(0, self.profile_box.findData(current)))
        self.profile_box.blockSignals(False)

    def _options_from_url(self, url: str) -> None:
        from qrcashier.printing.urls import PrinterUrlError, parse_printer_url

        try:
            parsed = parse_printer_url(url)
        except PrinterUrlError:
            return
        if not parsed.escpos:
            return
        for box, value in ((self.paper_box, parsed.paper_mm), (self.drawer_box, parsed.drawer_pin)):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(False)
        self.profile_box.blockSignals(True)
        if self.profile_box.findData(parsed.profile) < 0:
            self.profile_box.addItem(parsed.profile, parsed.profile)
        self.profile_box.setCurrentIndex(self.profile_box.findData(parsed.profile))
        self.profile_box.blockSignals(False)

    # -- editing

    def _typed(self) -> bool:
        return self.printer_box.currentData() == self.URL

    def _show_rows(self) -> None:
        typed = self._typed()
        escpos = typed and self.url.text().strip().lower().startswith("escpos+")
        form = self.layout().itemAt(0).layout()
        form.setRowVisible(self.url, typed)
        for box in self._escpos_rows:
            form.setRowVisible(box, escpos)
        self.test_button.setVisible(typed)
        if escpos and not self._profiles_loaded:
            self._profiles_loaded = True
            QTimer.singleShot(0, self, self._load_profiles)  # on the running loop, not inside a show
        self._validate()

    def _kind_changed(self) -> None:
        self._show_rows()
        self._changed()

    def _url_edited(self) -> None:
        self._options_from_url(self.url.text())
        self._show_rows()
        self._changed()

    def _options_changed(self) -> None:
        text = self.url.text().strip()
        if text.lower().startswith("escpos+"):
            profile = self.profile_box.currentData()
            self.url.setText(with_options(
                text, profile=None if profile == "default" else profile, paper=str(self.paper_box.currentData()),
                drawer=str(self.drawer_box.currentData()),
            ))
        self._changed()

    def _validate(self) -> str | None:
        """The reason the typed URL cannot be used (shown under the fields), or None."""
        from qrcashier.printing.urls import PrinterUrlError, parse_printer_url

        problem = None
        if self._typed():
            text = self.url.text().strip()
            if not text:
                problem = self.tr("Type the printer's URL, e.g. escpos+tcp://192.168.0.50:9100.")
            else:
                try:
                    parse_printer_url(text)
                except PrinterUrlError as exc:
                    problem = str(exc)
        self.problem.setText(problem or "")
        self.test_button.setEnabled(problem is None and not self._working)
        return problem

    def is_complete(self) -> bool:
        return self._validate() is None

    # -- the test page

    @dialog_slot()
    async def print_test(self) -> None:
        from qrcashier.printing.queue import print_test_page

        if self._working or self._validate() is not None:
            return
        url = self.url.text().strip()
        self._working = True
        self.test_button.setEnabled(False)
        self.result.clear()
        self.busy.start(self.tr("Printing a test page…"))
        try:
            status = await asyncio.wait_for(
                print_test_page(url, getattr(self.env, "journal_path", None), timeout=TEST_PAGE_TIMEOUT - 5),
                TEST_PAGE_TIMEOUT,
            )
        except TimeoutError:
            self.result.show_result("error", fmt(self.tr(
                "The printer did not answer within %1 seconds: check that it is on and connected."),
                int(TEST_PAGE_TIMEOUT)))
            return
        except Exception as exc:
            log.warning("setup: test page: %s", exc)
            self.result.show_result("error", fmt(self.tr("The test page did not print: %1"), str(exc)))
            return
        finally:
            self._working = False
            self.busy.stop()
            self._validate()
        if status.trouble or status.waiting:
            texts = {
                "offline": self.tr("The printer at %1 is offline: check that it is on and connected, then try again."),
                "paper_out": self.tr("The printer at %1 is out of paper."),
                "refused": self.tr("The printer at %1 refused the page."),
            }
            text = texts.get(status.state, self.tr("The printer at %1 did not take the page in time."))
            self.result.show_result("error", fmt(text, status.printer))
        else:
            self.result.show_result("ok", fmt(self.tr(
                "Test page sent to %1: check the accents (ñ á é ç ã) and that the ruler fills one line."),
                status.printer))

    # -- saving

    def chosen(self) -> str | None:
        data = self.printer_box.currentData()
        if data == self.URL:
            return self.url.text().strip() or None
        return None if data in (None, self.NONE) else data

    async def commit(self) -> bool:
        if self._validate() is not None:
            return False
        self.state.printer = self.chosen()
        self.state.language = self.language_box.currentData() or "en"
        return True

    async def save(self, settings: AppSettings, actor: str) -> None:
        await self.commit()
        settings.printer = self.state.printer
        settings.language = self.state.language
        if (self.vat_box.isChecked(), self.legend_box.isChecked()) != settings.receipt_switches():
            settings.receipt_vat = self.vat_box.isChecked()  # an explicit choice, kept whatever the default
            if settings.site == "MLA":
                settings.receipt_legend = self.legend_box.isChecked()
