"""The register's QR sticker: preview, print, save as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from qrcashier.settings import Mode
from qrcashier.ui.setup.widgets import SetupPage, dialog_slot, make_label
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.supervisor.widgets import Outcome

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog


def sandbox_default(name: str) -> str:
    """What `qrcashier --sandbox` runs with when nothing is set up (services.Options' defaults)."""
    import dataclasses

    from qrcashier.services import Options

    return next(f.default for f in dataclasses.fields(Options) if f.name == name)


class StickerPage(SetupPage):
    key = "sticker"
    title = QT_TRANSLATE_NOOP("SetupPage", "The register's QR sticker")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage", "Customers scan this QR to pay. Print it and stick it where they can reach it with a phone."
    )

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.preview = QLabel()
        self.preview.setFixedSize(QSize(300, 424))  # A6 proportions
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet(f"border: 1px solid {theme.LINE}; background: #ffffff;")
        self.printer_box = QComboBox()
        self.print_button = theme.big_button(self.tr("Print sticker"), None, role="primary")
        self.pdf_button = theme.big_button(self.tr("Save as PDF…"), None, role="secondary")
        self.print_button.clicked.connect(self.print_sticker)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.note = make_label(muted=True)
        self.result = Outcome()
        side = QVBoxLayout()
        side.addWidget(make_label(self.tr("Printer for the sticker (A6)")))
        side.addWidget(self.printer_box)
        side.addWidget(self.print_button)
        side.addWidget(self.pdf_button)
        side.addWidget(self.note)
        side.addWidget(self.result)
        side.addStretch(1)
        column = QWidget()
        column.setLayout(side)
        column.setMaximumWidth(380)
        layout = QHBoxLayout(self)
        layout.setSpacing(24)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(column, 1, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(0)
        self.payload: str | None = None

    def enter(self) -> None:
        self.printer_box.clear()
        printers = self.env.printers()
        for name in printers:
            self.printer_box.addItem(name)
        self.print_button.setEnabled(bool(printers))
        if not printers:
            self.printer_box.addItem(self.tr("No printer installed"))  # the note says what to do instead
            self.printer_box.setEnabled(False)
        self._render()
        if self.payload is None and self.flow.settings_mode and self.state.provisioned is None:
            self.load()

    @dialog_slot()
    async def load(self) -> None:
        """Settings: read the saved POS (its QR) from Mercado Pago."""
        pos_id = self.env.settings.pos_id
        running = self.env.settings.pos_external_id or sandbox_default("pos_external_id")
        on_sandbox = pos_id is None and self.state.mode == Mode.SANDBOX and bool(self.env.sandbox_base_url)
        if pos_id is None and not on_sandbox:
            return
        try:
            client = await self.flow.client()
            if pos_id is not None:
                pos = await client.get_pos(pos_id)
            else:  # started with --sandbox and never set up: the register that runs (issue 14.7)
                found = (await client.list_pos(external_id=running, limit=1)).results
                if not found:
                    return
                pos = found[0]
        except Exception as exc:
            self.result.show_result("error", errors.report(exc, "setup: sticker"))
            return
        self._loaded_pos = pos
        self._render(pos)

    def _names(self) -> tuple[str, str]:
        sandbox = self.state.mode == Mode.SANDBOX  # a sandbox started as is: the names it runs with
        store = self.state.store_name or self.env.settings.store_name or (
            sandbox_default("store_name") if sandbox else "")
        register = self.state.register_name or self.env.settings.register_name or (
            sandbox_default("pos_name") if sandbox else "")
        return store or self.tr("Store"), register or self.tr("Register")

    def _render(self, pos=None) -> None:
        from qrcashier.domain.emvco import static_pos_payload
        from qrcashier.domain.money import site as find_site
        from qrcashier.ui.printing.qprinter import paint_sticker

        pos = pos or (self.state.provisioned.pos if self.state.provisioned is not None else None)
        if pos is None:
            self.payload = None
            self.preview.setText(self.tr("The QR appears here once\nthe register is set up."))
            self.print_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            return
        self.pos = pos
        payload = pos.qr_code
        note = ""
        if not payload:
            s = find_site(pos.site or self.env.settings.site)
            payload = static_pos_payload(pos.id, currency_numeric=s.currency_numeric, country=s.country,
                                         merchant_name=self._names()[0], city="-")
            note = self.tr("Mercado Pago did not send this register's QR, so it was built from its POS number.") + " "
        if self.state.mode == Mode.SANDBOX or self.env.settings.mode == Mode.SANDBOX and self.state.mode is None:
            note += self.tr("This is a sandbox QR: only the sandbox's phone page can pay it.")
        if not self.env.printers():
            note += " " + self.tr("Save a PDF and print it elsewhere.")
        self.note.setText(note.strip())
        self.payload = payload
        store, register = self._names()
        ratio = self.preview.devicePixelRatioF() or 1.0
        size = self.preview.size() * ratio
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        painter = QPainter(image)
        try:
            paint_sticker(painter, QRectF(0, 0, size.width(), size.height()), payload, store, register, pos.external_id)
        finally:
            painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.preview.setPixmap(pixmap)
        self.pdf_button.setEnabled(True)
        self.print_button.setEnabled(self.printer_box.isEnabled() and self.printer_box.count() > 0)

    def print_sticker(self) -> None:
        from qrcashier.ui.printing import qprinter as printing

        if self.payload is None:
            return
        store, register = self._names()
        try:
            name = printing.print_qr_sticker(self.payload, store, register, self.printer_box.currentText(),
                                             pos_external_id=self.pos.external_id)
        except printing.PrintingError as exc:
            self.result.show_result("error", fmt(self.tr("The sticker did not print: %1"), exc))
            return
        self.result.show_result("ok", fmt(self.tr("The sticker was sent to %1."), name))

    def save_pdf(self, path: str | Path | None = None):
        """Save the sticker as a PDF to `path`, or where a (non-modal) file dialog says."""
        from qrcashier.ui.printing import qprinter as printing

        if self.payload is None:
            return None

        def save(target: str | Path) -> Path | None:
            store, register = self._names()
            try:
                out = printing.qr_sticker_to_pdf(self.payload, store, register, target,
                                                 pos_external_id=self.pos.external_id)
            except (printing.PrintingError, OSError) as exc:
                self.result.show_result("error", fmt(self.tr("The sticker was not saved: %1"), exc))
                return None
            self.result.show_result("ok", fmt(self.tr("The sticker was saved to %1."), out))
            return out

        if path is not None:
            return save(path)
        dialog = QFileDialog(self, self.tr("Save the QR sticker as PDF"),
                             str(Path.home() / f"qr-{self.pos.external_id}.pdf"), "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(save)
        dialog.open()
        return dialog
