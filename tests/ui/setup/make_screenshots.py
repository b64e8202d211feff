"""Drive the setup wizard and the supervisor dialogs against the sandbox and save screenshots.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.setup.make_screenshots

Not a test: the pictures in docs/screenshots/ (wizard-*.png, supervisor-*.png). Uses a
temporary settings folder and an in-memory keyring; never the user's.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import uuid
from pathlib import Path

from tests.support.waiting import wait_until as _wait_until

os.environ["QT_API"] = "pyside6"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
TOKEN = "SANDBOX-MLA-screens-" + uuid.uuid4().hex[:8]
PIN = "482913"


async def until(predicate, timeout: float = 10.0) -> None:
    await _wait_until(predicate, timeout)


async def shot(widget, name: str) -> None:
    await asyncio.sleep(0.1)  # let layouts settle on the loop (never processEvents() inside a coroutine)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print("saved", path)


def idle(dialog) -> bool:
    page = dialog.current
    busy = getattr(page, "busy", None)
    return not dialog._working and not getattr(page, "_working", False) and (busy is None or busy.isHidden())


async def wizard_shots(tmp: Path, sandbox, http) -> None:
    import keyring.backend

    from qrcashier.settings import AppSettings, Mode
    from qrcashier.setup.env import SetupEnv
    from qrcashier.token_store import BackendChoice, TokenStore
    from qrcashier.ui.setup.wizard import SetupDialog, open_settings

    class Memory(keyring.backend.KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.data = {}

        def get_password(self, s, u):
            return self.data.get((s, u))

        def set_password(self, s, u, p):
            self.data[(s, u)] = p

        def delete_password(self, s, u):
            self.data.pop((s, u), None)

    settings = AppSettings.from_file(tmp / "settings.ini")
    tokens = TokenStore(BackendChoice.injected(Memory(), "Windows Credential Manager"), settings.keyring_account,
                        environ={})
    printers = lambda: ["EPSON TM-T20III", "HP LaserJet (office)"]  # noqa: E731
    env = SetupEnv(settings, tokens, http=http, api_base_url=sandbox.base_url, sandbox_base_url=sandbox.base_url,
                   printers=printers)
    dialog = SetupDialog(env)
    dialog.resize(900, 660)
    dialog.show()
    await shot(dialog, "wizard-1-mode")
    dialog.page("mode").choose(Mode.ACCOUNT)
    dialog.go_next()
    await until(lambda: dialog.current.key == "token")
    page = dialog.page("token")
    page.field.setText("two words")
    await page.check()
    page.field.setText(TOKEN)
    page._edited("")
    await http.post(sandbox.base_url + "/sandbox/token/revoke", headers={"Authorization": f"Bearer {TOKEN}"})
    await page.check()
    await shot(dialog, "wizard-2-token-401")
    page.field.setText("TEST-sandboxseller")
    page._edited("")
    await page.check()
    await shot(dialog, "wizard-2-token-test-account")
    await dialog.go_next()
    store = dialog.page("store")
    await until(lambda: store.store_box.count() > 0 and idle(dialog))
    for f, v in ((store.street, "Avenida Corrientes"), (store.number, "1234"), (store.city, "Buenos Aires"),
                 (store.state_name, "Capital Federal"), (store.lat, "-34.6037"), (store.lng, "-58.3816")):
        f.setText(v)
    store.store_name.setText("Kiosco Centro")
    store._edited("")
    await shot(dialog, "wizard-3-store-new")
    store.self_service_radio.setChecked(True)  # the self-service choice, shown before going back
    store.public_url.setText("https://pagos.kioscocentro.com.ar/mp/unattended")
    store._edited("")
    await asyncio.sleep(0.1)
    bar = dialog.stack.parentWidget().parentWidget().verticalScrollBar()  # the page scrolls: show its end
    bar.setValue(bar.maximum())
    await shot(dialog, "wizard-3-store-self-service")
    store.attended_radio.setChecked(True)
    await store.provision()
    await shot(dialog, "wizard-3-store-created")
    await dialog.go_next()
    terminal = dialog.page("terminal")
    await until(lambda: dialog.current.key == "terminal" and terminal.box.count() >= 3 and idle(dialog))
    terminal.box.setCurrentIndex(1)  # this register's new POS's Point Smart, standalone: the PDV switch offered
    await shot(dialog, "wizard-3-terminal")
    terminal.box.setCurrentIndex(0)  # no card terminal
    await dialog.go_next()
    await until(lambda: dialog.current.key == "sticker")
    await shot(dialog, "wizard-4-sticker")
    await dialog.go_next()
    await until(lambda: dialog.current.key == "printer")
    await shot(dialog, "wizard-5-printer")
    await dialog.go_next()
    pin = dialog.page("pin")
    pin.pin.setText("1234")
    pin.confirm.setText("1234")
    pin._edited("")
    await shot(dialog, "wizard-6-pin-refused")
    pin.pin.setText(PIN)
    pin.confirm.setText(PIN)
    pin._edited("")
    await dialog.go_next()
    await until(lambda: dialog.current.key == "done")
    await shot(dialog, "wizard-7-done")
    await dialog.finish()
    await until(lambda: dialog.future.done())

    # the token page when the computer has no secure store
    nowhere = TokenStore(BackendChoice(
        None, "none",
        "This computer has no secure password store running (no Secret Service or KWallet), so QR Cashier "
        "cannot save the access token; it will never save it in a plain file."), environ={})
    env2 = SetupEnv(AppSettings.from_file(tmp / "s2.ini"), nowhere, http=http, api_base_url=sandbox.base_url,
                    sandbox_base_url=sandbox.base_url, printers=printers)
    d2 = SetupDialog(env2)
    d2.resize(900, 700)
    d2.show()
    d2.page("mode").choose(Mode.ACCOUNT)
    await d2.go_next()
    p2 = d2.page("token")
    p2.field.setText("TEST-anotherseller")
    await p2.check()
    await shot(d2, "wizard-2-token-no-secure-store")
    d2.close()

    # Settings: the same pages, with a side list
    s3 = await open_settings(None, env, None, page="store")
    s3.resize(1000, 660)
    st = s3.page("store")
    await until(lambda: st.pos_box.count() > 1 and idle(s3))
    await st.provision()
    await shot(s3, "wizard-settings-store")
    s3._show(s3.page("support"))
    await shot(s3, "wizard-settings-support")
    s3.close()
    dialog.close()
    return settings


async def supervisor_shots(tmp: Path, sandbox, http, settings) -> None:
    import time as _time

    from qrcashier.checkout import CheckoutEngine, InstoreV2Gateway, Journal, PollPolicy, RegisterConfig
    from qrcashier.domain.cart import Cart
    from qrcashier.domain.money import SITES
    from qrcashier.domain.sale import AttemptState
    from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP
    from qrcashier.provisioning import RegisterSpec, ensure_register
    from qrcashier.ui.supervisor.audit_log import AuditLogDialog
    from qrcashier.ui.supervisor.cancel import CancelOrderDialog
    from qrcashier.ui.supervisor.pin import SupervisorGate
    from qrcashier.ui.supervisor.refund import RefundDialog
    from qrcashier.ui.supervisor.review import ReviewDialog
    from qrcashier.ui.supervisor.token_refused import TokenRefusedNotice

    token = "SANDBOX-MLA-supervisor-" + uuid.uuid4().hex[:6]
    mla = SITES["MLA"]
    client = MercadoPagoClient(MercadoPagoHTTP(http, AccessToken(token), base_url=sandbox.base_url))
    user = (await ensure_register(client, RegisterSpec("KIOSCO1", "CAJA1", store_name="Kiosco Centro",
                                                       pos_name="Caja 1"))).user
    # Slow reads: the payment before the cancel lands unseen (paid wins at the cancel's final read).
    config = RegisterConfig("CAJA1", user.id, "KIOSCO1", "CAJA1", mla, poll=PollPolicy(interval=30, tick=30))
    journal = await Journal.open(tmp / "journal.sqlite3")
    engine = CheckoutEngine(journal, InstoreV2Gateway(client, config), config)
    await engine.start()

    async def control(path, body=None):
        r = await http.post(sandbox.base_url + path, json=body, headers={"Authorization": f"Bearer {token}"})
        r.raise_for_status()
        return r.json()

    def cart(title, amount):
        c = Cart(mla)
        c.add(title, amount, 1)
        return c

    clock = [_time.time()]
    gate = SupervisorGate(settings, clock=lambda: clock[0])
    try:
        # the PIN prompt, then a wrong PIN and the lockout
        asked = asyncio.ensure_future(gate.ask(None, "refund $ 1.000,50"))
        await until(lambda: gate.prompt is not None and gate.prompt.isVisible())
        gate.prompt.name_field.setText("Marta")
        gate.prompt.pin_field.setText("48")
        await shot(gate.prompt, "supervisor-pin")
        for _ in range(3):
            gate.prompt.pin_field.setText("000000")
            await gate.prompt.confirm()
        await shot(gate.prompt, "supervisor-pin-locked")
        gate.prompt.reject()
        await asked
        settings.pin_lockout = ""

        async def approve(name="Marta"):
            await until(lambda: gate.prompt is not None and gate.prompt.isVisible())
            gate.prompt.name_field.setText(name)
            gate.prompt.pin_field.setText(PIN)
            await gate.prompt.confirm()

        # cancel while the customer already paid: paid wins, and it says so
        live = await engine.charge(cart("Yerba Playadito 1 kg", "3000"))
        await control("/sandbox/pos/CAJA1/pay", {"status": "approved"})
        cancel = CancelOrderDialog(engine, gate, live, mla)
        cancel.resize(560, 0)
        cancel.open()
        cancel.reason.setCurrentText("The customer pays another way")
        await shot(cancel, "supervisor-cancel")
        task = cancel.confirm()
        await approve()
        await task
        await shot(cancel, "supervisor-cancel-paid-wins")
        cancel.close()

        # refunds: a partial one done, then more than what is left
        paid = await engine.charge(cart("Aceite Cocinero 1,5 l", "2500"))
        await control("/sandbox/pos/CAJA1/pay", {"status": "approved"})
        for _ in range(100):
            if (await engine.refresh(paid.id)).state == AttemptState.PAID:
                break
            await asyncio.sleep(0.05)
        refund = RefundDialog(engine, gate, mla, paid.id)
        refund.resize(620, 0)
        refund.open()
        await until(lambda: refund.payments)
        refund.reason.setCurrentText("Returned goods")
        refund.amount_field.setText("1000,50")
        refund.partial_radio.setChecked(True)
        task = refund.refund()
        await approve("Ana")
        await task
        refund.reason.setCurrentText("Charged twice")
        refund.amount_field.setText("2000")
        refund.partial_radio.setChecked(True)
        await shot(refund, "supervisor-refund")
        refund.close()

        # a sale to review: the customer paid only part of it
        partial = await engine.charge(cart("Fernet Branca 750 ml", "9000"))
        await control("/sandbox/pos/CAJA1/pay", {"status": "approved", "amount": 4000})
        for _ in range(100):
            if (await engine.refresh(partial.id)).state == AttemptState.NEEDS_REVIEW:
                break
            await asyncio.sleep(0.05)
        review = ReviewDialog(engine, gate, mla, partial.id)
        review.resize(680, 0)
        review.open()
        await until(lambda: review.lookup is not None)
        review.reason.setCurrentText("Checked: not paid")
        await shot(review, "supervisor-review")
        task = review.resolve("void")
        await approve()
        await task
        await shot(review, "supervisor-review-voided")
        review.close()

        log = AuditLogDialog(engine)
        log.open()
        await until(lambda: len(log.entries) >= 3)
        log.export(tmp / "audit.csv")
        await shot(log, "supervisor-audit-log")
        log.close()

        notice = TokenRefusedNotice()
        notice.open()
        await shot(notice, "supervisor-token-refused")
        notice.close()
    finally:
        await engine.close()
        await journal.close()


async def main() -> None:
    import httpx
    from PySide6.QtCore import QSettings

    from qrcashier.sandbox.server import SandboxServer

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
        sandbox = await SandboxServer.start(host="127.0.0.1", port=0, sweep_interval=3600)
        http = httpx.AsyncClient(timeout=5)
        try:
            settings = await wizard_shots(tmp, sandbox, http)
            await supervisor_shots(tmp, sandbox, http, settings)
        finally:
            await http.aclose()
            await sandbox.close()


if __name__ == "__main__":
    import qasync
    from PySide6.QtWidgets import QApplication

    from qrcashier.ui.shell import theme

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    theme.apply(app)
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(main())
