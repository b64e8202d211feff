"""Every main screen and dialog of QR Cashier at 1280 x 720, in en, es and pt_BR (issue 14).

    xvfb-run -a -s "-screen 0 1280x720x24" env PYTHONPATH=app .venv/bin/python docs/screenshots/make.py [OUT]

(offscreen works too: QT_QPA_PLATFORM=offscreen). OUT defaults to docs/screenshots/; each
picture is `<screen>-<lang>.png` and OUT/README.md lists them. Not a test: the real main window
on the embedded sandbox (a sale from the empty cart to the paid receipt, the customer window,
sales of the day, the supervisor's dialogs on that sale), then every dialog of the layout fit
test (tests/ui/layout: the same list, imported, built the same way) and every Settings page,
each at its own size as a 1280 x 720 screen gives it. Temporary settings, in-memory keyring.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the tests package: the fit test's dialogs and helpers
os.environ["QT_API"] = "pyside6"

LANGUAGES = ("en", "es", "pt_BR")
WIDTH, HEIGHT = 1280, 720
TOKEN = "SANDBOX-MLA-screens"
PIN = "482913"

# The real window's screens, in the order the sale meets them (shoot_window below makes each).
WINDOW_SCREENS = {
    "main-empty": "the main window, no sale",
    "main-cart": "the main window with a cart of five lines",
    "main-charging": "the main window while the QR charge waits for the customer",
    "customer-charging": "the customer window with the QR and the amount",
    "cancel": "cancel the order on the QR (supervisor)",
    "main-paid": "the main window once the customer paid",
    "paid-receipt": "the receipt shown after the payment",
    "customer-paid": "the customer window: paid",
    "main-printer-offline": "the main window with the printer's state in the status bar",
    "refund": "refund the paid sale (supervisor)",
    "sales": "sales of the day (F9)",
    "supervisor-pin": "the supervisor PIN prompt",
    "audit-log": "the audit log (supervisor)",
    "diagnostics": "diagnostics",
}
# Dialogs built on their own (not in the fit test's list), by `extra_dialogs`.
EXTRA_SCREENS = {
    "cash_in": "cash put in the drawer",
    "close_counted": "closing the shift, counted by denomination, with a difference",
    "card": "a card tender: the Point terminal or another one",
    "store_price": "a supervisor's price change in the store's catalog (with --store)",
    "store_report": "the store report of every register, for a supervisor (with --store)",
    "x_report": "the X report (shift so far)",
    "z_report": "the Z report (shift closed)",
    "wizard-mode": "the first-run wizard's first page",
    "wizard-done": "the first-run wizard's last page",
}


def fit_dialog_names() -> list[str]:
    """The fit test's dialogs (tests/ui/layout/test_window_fit.py), one screenshot each."""
    from tests.ui.layout.test_window_fit import NAMES

    return list(NAMES)


def settings_page_keys() -> list[str]:
    """The Settings pages, as the fit test walks them (SetupDialog in settings mode)."""
    from qrcashier.ui.setup.wizard import PAGE_CLASSES

    return [cls.key for cls in PAGE_CLASSES if cls.in_settings]


def screen_names() -> list[str]:
    """Every screen the script saves (in each language)."""
    return ([*WINDOW_SCREENS, *fit_dialog_names(), *(f"settings-{k}" for k in settings_page_keys()),
             *EXTRA_SCREENS])


def describe(name: str) -> str:
    if name in WINDOW_SCREENS:
        return WINDOW_SCREENS[name]
    if name in EXTRA_SCREENS:
        return EXTRA_SCREENS[name]
    if name.startswith("settings-"):
        return f"Settings, the {name.removeprefix('settings-')} page"
    return f"the {name.replace('_', ' ')} dialog"


class Saver:
    """Grabs a widget to OUT/<name>-<lang>.png, as small as it stays readable."""

    def __init__(self, out: Path, language: str) -> None:
        self.out, self.language = out, language
        self.saved: list[Path] = []

    async def __call__(self, widget, name: str) -> None:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        await asyncio.sleep(0.15)  # layouts and repaints on the loop
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        await asyncio.sleep(0.05)
        path = self.out / f"{name}-{self.language}.png"
        save_small(widget.grab().toImage(), path)
        self.saved.append(path)
        print("saved", path, f"{widget.width()}x{widget.height()}", flush=True)


def save_small(image, path: Path) -> None:
    """An 8-bit palette PNG (UI pictures have few colours; text stays sharp without dithering),
    else Qt's PNG at its strongest compression."""
    image.save(str(path), "PNG", 0)  # quality 0: zlib's best compression
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as picture:
        small = picture.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


async def until(predicate, timeout: float = 10.0) -> None:
    from tests.support.waiting import wait_until

    await wait_until(predicate, timeout)


def supervisor_gate(folder: Path):
    """A gate over settings of our own with the supervisor PIN set (never the user's)."""
    from qrcashier.settings import AppSettings
    from qrcashier.supervisor import hash_pin
    from qrcashier.ui.supervisor.pin import SupervisorGate

    settings = AppSettings.from_file(folder / "supervisor.ini")
    settings.pin_hash = hash_pin(PIN)
    settings.last_supervisor = "Marta"
    return SupervisorGate(settings)


async def shoot_window(save: Saver, folder: Path) -> None:
    """The real main window on the embedded sandbox: a sale from the empty cart to its refund."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest

    from qrcashier.checkout.config import PollPolicy
    from qrcashier.printing.status import PrinterStatus
    from qrcashier.services import Options, Services
    from qrcashier.ui.printing.status import PrinterStatusView
    from qrcashier.ui.shell.main_window import MainWindow
    from qrcashier.ui.supervisor.audit_log import AuditLogDialog
    from qrcashier.ui.supervisor.cancel import CancelOrderDialog
    from qrcashier.ui.supervisor.refund import RefundDialog

    translate = QCoreApplication.translate
    services = Services(Options(data_dir=folder, sandbox=True, token=TOKEN, poll=PollPolicy(interval=0.3, tick=0.5)))
    services.open_local()
    window = MainWindow(services, on_quit=lambda: None)
    window.show_all()
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.customer.setGeometry(0, 0, WIDTH, HEIGHT)
    await window.start()
    gate = supervisor_gate(folder)
    try:
        window.raise_()
        await save(window, "main-empty")
        cat = services.catalog
        for code in ("7790895000102", f"3*{cat.search('jorgito')[0].barcode}", cat.search("playadito 1 kg")[0].barcode,
                     cat.search("serenisima entera")[0].barcode):
            QTest.keyClicks(window.item_field, code)
            QTest.keyClick(window.item_field, Qt.Key.Key_Return)
        window._add("Fotocopias", Decimal("150"), 4)
        await until(lambda: window.model.rowCount() == 5)
        await save(window, "main-cart")
        await window.charge()
        await until(lambda: window.panel_state() == "waiting")
        await asyncio.sleep(1.2)  # the QR drawn, the countdown running
        await save(window, "main-charging")
        await save(window.customer, "customer-charging")
        attempt = window.attempt
        cancel = CancelOrderDialog(window.engine, gate, attempt, services.site, window)
        cancel.open()
        await save(cancel, "cancel")
        cancel.reject()
        pos = services.options.pos_external_id
        await services.sandbox_control("POST", f"/sandbox/pos/{pos}/scan")
        await services.sandbox_control("POST", f"/sandbox/pos/{pos}/pay", {"status": "approved"})
        await until(lambda: window.panel_state() == "paid" and window.receipt_dialog is not None)
        await save(window.receipt_dialog, "paid-receipt")
        await save(window.customer, "customer-paid")
        window.receipt_dialog.close()
        window.raise_()
        await save(window, "main-paid")
        printer = PrinterStatusView(window.statusBar())
        printer.show(PrinterStatus("offline", 1, 1, "usb://EPSON/TM-T20III"))
        await save(window, "main-printer-offline")
        printer.label.hide()
        refund = RefundDialog(window.engine, gate, services.site, attempt.id, window)
        refund.open()
        await until(lambda: refund.payments)
        await save(refund, "refund")
        refund.reason.setCurrentText(translate("RefundDialog", "Returned goods"))  # a part refunded, for F9 and the log
        refund.amount_field.setText("1000")
        refund.partial_radio.setChecked(True)
        task = refund.refund()
        await until(lambda: gate.prompt is not None and gate.prompt.isVisible())
        gate.prompt.pin_field.setText(PIN)
        await gate.prompt.confirm()
        await task
        refund.reject()
        window.open_sales()
        await until(lambda: window.sales_dialog is not None and window.sales_dialog.rows)
        await save(window.sales_dialog, "sales")
        window.sales_dialog.close()
        asked = asyncio.ensure_future(gate.ask(window, translate("SupervisorActions", "see the audit log")))
        await until(lambda: gate.prompt is not None and gate.prompt.isVisible())
        await save(gate.prompt, "supervisor-pin")
        gate.prompt.reject()
        await asked
        log = AuditLogDialog(window.engine, window)
        log.open()
        await until(lambda: log.entries)
        await save(log, "audit-log")
        log.close()
        window.open_diagnostics()
        await until(lambda: window.diagnostics_dialog is not None)
        diagnostics = window.diagnostics_dialog
        await asyncio.sleep(0.5)  # its report, gathered off the Qt thread
        await save(diagnostics, "diagnostics")
        diagnostics.close()
    finally:
        await window.shutdown()
        await services.close()
        window.customer.hide()
        window.hide()


async def shoot_fit_dialogs(save: Saver) -> None:
    """The fit test's dialogs, built by its own `dialogs()` and sized by its `fit_on`."""
    from PySide6.QtCore import Qt

    from tests.ui.layout.test_fit import fit_on, settled
    from tests.ui.layout.test_window_fit import dialogs

    for name, build in dialogs().items():
        dialog = build()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.adjustSize()  # its own size, as open() shows it (the fit test checks Qt's default 640 x 480)
        fit_on(dialog, "1280x720")
        await settled(dialog)
        await save(dialog, name)
        dialog.close()
        dialog.deleteLater()


class _SampleStore:
    """A store database's answers for the two store dialogs (no PostgreSQL needed for a picture)."""

    shown = "host=tienda.local dbname=store user=qrc_caja1"

    async def report(self, day, timeout: float) -> dict:
        def register(name, sales, cash, qr, point, difference, refunds):
            return {"register": name, "sales": sales, "totals": {"cash": cash, "qr": qr, "point": point},
                    "shifts": [{"difference": difference}], "refunds": [{"amount": a} for a in refunds],
                    "unreconciled": 0}

        registers = [register("CAJA1", 41, "182300.00", "244150.00", "61200.00", "-10.00", ["3800.00"]),
                     register("CAJA2", 36, "150900.00", "198400.00", "47800.00", "0.00", []),
                     register("CAJA3", 28, "98700.00", "176250.00", "22100.00", "20.00", ["1450.00"])]
        return {"date": day.isoformat(), "registers": registers,
                "store": {"sales": 105, "totals": {"cash": "431900.00", "qr": "618800.00", "point": "131100.00"},
                          "cash_difference": "10.00", "unreconciled": 0}}


def _price_dialog(store, site):
    from types import SimpleNamespace

    from qrcashier.ui.store.price_dialog import StorePriceDialog

    yerba = SimpleNamespace(name="Yerba Mate Playadito 1 kg", code="YER1", price=Decimal("5600.00"))
    dialog = StorePriceDialog(store, SimpleNamespace(lookup=lambda text: yerba), None, site)
    dialog.code.setText("YER1")
    dialog.price.setText("5900")
    return dialog


async def extra_dialogs(save: Saver) -> None:
    from qrcashier.checkout.till_config import TillConfig
    from qrcashier.domain.money import SITES
    from qrcashier.mercadopago.point import VIRTUAL_TERMINAL
    from qrcashier.ui.point.dialogs import CardDialog
    from qrcashier.ui.reports.dialog import ReportDialog
    from qrcashier.ui.store.report_dialog import StoreReportDialog
    from qrcashier.ui.till.dialogs import CashMoveDialog, CloseShiftDialog
    from tests.ui.layout.test_fit import fit_on, settled
    from tests.unit.reports.sample import z_report

    mla = SITES["MLA"]
    config = TillConfig.for_site(mla, difference_threshold=Decimal("100"))
    typed = {"en": "change given twice", "es": "se dio el vuelto dos veces", "pt_BR": "troco dado duas vezes"}

    def counted():
        dialog = CloseShiftDialog(Decimal("49410"), mla, config)
        for value, pieces in ((Decimal("20000"), 2), (Decimal("2000"), 3), (Decimal("1000"), 1), (Decimal("500"), 3),
                              (Decimal("100"), 5), (Decimal("10"), 1)):
            dialog.grid.set_count(value, pieces)
        dialog.reason.setText(typed.get(save.language, typed["en"]))  # what the cashier typed
        return dialog

    store = _SampleStore()
    built = {
        "store_price": lambda: _price_dialog(store, mla),
        "store_report": lambda: StoreReportDialog(store, mla),
        "cash_in": lambda: CashMoveDialog("in", mla, config),
        "close_counted": counted,
        "card": lambda: CardDialog(Decimal("11400"), mla, VIRTUAL_TERMINAL),
        "x_report": lambda: ReportDialog(z_report("X")),
        "z_report": lambda: ReportDialog(z_report()),
    }
    for name, build in built.items():
        dialog = build()
        if name.endswith("report"):
            dialog.resize(1100, 760)
        else:
            dialog.adjustSize()
        fit_on(dialog, "1280x720")
        if name == "store_report":
            await dialog.refresh()  # the real path: ask the (sample) store, fill the table
        await settled(dialog)
        await save(dialog, name)
        dialog.close()
        dialog.deleteLater()


async def shoot_settings(save: Saver, folder: Path) -> None:
    """Every Settings page on a sandbox account with a register, then the wizard's first and last."""
    from qrcashier.provisioning import RegisterSpec, ensure_register
    from qrcashier.sandbox.server import SandboxServer
    from qrcashier.settings import AppSettings, Mode
    from qrcashier.setup.env import SetupEnv
    from qrcashier.supervisor import hash_pin
    from qrcashier.token_store import BackendChoice, TokenStore
    from qrcashier.ui.setup.wizard import SetupDialog
    from tests.conftest import InMemoryKeyring
    from tests.ui.layout.test_fit import fit_on, settled

    settings = AppSettings.from_file(folder / "settings.ini")
    settings.mode = Mode.SANDBOX
    settings.pin_hash = hash_pin(PIN)
    settings.language = save.language.partition("_")[0]  # the shop chose the pictures' language (en, es, pt)
    server = await SandboxServer.start(host="127.0.0.1", port=0, sweep_interval=3600)
    printers = lambda: ["EPSON TM-T20III", "HP LaserJet (office)"]  # noqa: E731
    env = SetupEnv(settings, TokenStore(BackendChoice.injected(InMemoryKeyring(), "memory"), "CAJA1", environ={}),
                   sandbox_base_url=server.base_url, printers=printers, timeout=3.0)
    try:
        register = await ensure_register(await env.client(Mode.SANDBOX, None), RegisterSpec("KIOSCO1", "CAJA1"))
        settings.store_id, settings.pos_id = str(register.store.id), register.pos.id
        dialog = SetupDialog(env, settings_mode=True, supervisor="Marta")
        fit_on(dialog, "1280x720")
        await settled(dialog)
        await until(lambda: not dialog._reads)
        for page in dialog.pages:
            dialog._show(page)
            await until(lambda: not dialog._reads)
            await asyncio.sleep(0.3)  # a page's own reads (the register list, the terminals)
            await settled(dialog)
            await save(dialog, f"settings-{page.key}")
        dialog.close()
        wizard = SetupDialog(env)
        fit_on(wizard, "1280x720")
        await settled(wizard)
        await save(wizard, "wizard-mode")
        wizard.page("mode").choose(Mode.SANDBOX)  # then every page of the sandbox's way, as a person goes
        for _ in range(12):
            page = wizard.current
            if page.key == "done":
                break
            if page.key == "pin":
                page.pin.setText(PIN)
                page.confirm.setText(PIN)
                page._edited("")
            if page.key == "store" and hasattr(page, "provision") and not page.is_complete():
                await page.provision()
            await wizard.go_next()
            await until(lambda: not wizard._working and not wizard._reads)
        await settled(wizard)
        await save(wizard, "wizard-done")
        wizard.close()
    finally:
        await env.aclose()
        await server.close()


async def shoot(out: Path, language: str) -> list[Path]:
    from tests.ui.layout.test_fit import the_app_in

    save = Saver(out, language)
    with the_app_in(language), tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "window").mkdir()
        await shoot_window(save, folder / "window")
        await shoot_fit_dialogs(save)
        await extra_dialogs(save)
        await shoot_settings(save, folder)
    return save.saved


def write_index(out: Path, saved: list[Path]) -> None:
    names = {p.name for p in saved}
    lines = ["# Screenshots", "",
             "Every main screen and dialog at 1280 x 720 in English, Spanish and Brazilian Portuguese,",
             "made by `docs/screenshots/make.py` (see the README's Screenshots section for the command).", "",
             "| Screen | en | es | pt_BR |", "| --- | --- | --- | --- |"]
    for name in screen_names():
        cells = [f"[{lang}]({name}-{lang}.png)" if f"{name}-{lang}.png" in names else "-" for lang in LANGUAGES]
        lines.append(f"| {describe(name)} (`{name}`) | " + " | ".join(cells) + " |")
    older = sorted(p.name for p in out.glob("*.png") if p.name not in names)
    if older:
        lines += ["", "Older pictures of single features (made by the scripts under tests/ui/*/):", ""]
        lines += [f"- [{n}]({n})" for n in older]
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


async def main(out: Path, languages: tuple[str, ...]) -> int:
    from PySide6.QtCore import QSettings

    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as qsettings:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, qsettings)
        for language in languages:
            saved += await shoot(out, language)
    wanted = {f"{n}-{lang}.png" for n in screen_names() for lang in languages}
    missing = sorted(wanted - {p.name for p in saved})
    write_index(out, saved)
    size = sum(p.stat().st_size for p in saved)
    took = time.monotonic() - started
    print(f"{len(saved)} pictures, {size / 1024:.0f} KiB, in {took:.0f} s; index {out / 'README.md'}")
    if missing:
        print("missing:", ", ".join(missing))
        return 1
    return 0


if __name__ == "__main__":
    import qasync

    from qrcashier.ui.shell import errors
    from qrcashier.ui.shell.app import make_application

    make_application()
    errors.set_dialogs_enabled(False)  # a stray message box must not wait for a click
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    langs = tuple(sys.argv[2].split(",")) if len(sys.argv) > 2 else LANGUAGES
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        code = runner.run(main(target, langs))
    sys.exit(code)
