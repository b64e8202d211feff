"""Driving the setup wizard like an installer (shared by the setup tests)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from qrcashier.ui.setup.wizard import SetupDialog, open_settings
from tests.ui.setup.helpers import wait_until

LEFT = Qt.MouseButton.LeftButton
PIN = "482913"


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def idle(dialog: SetupDialog) -> bool:
    """No page or dialog coroutine is working."""
    page = dialog.current
    busy = getattr(page, "busy", None)
    return not dialog._working and not getattr(page, "_working", False) and (busy is None or busy.isHidden())


async def next_page(qtbot, dialog: SetupDialog, key: str, timeout: float = 10.0) -> None:
    click(qtbot, dialog.next_button)
    await wait_until(lambda: dialog.current.key == key and idle(dialog), timeout, f"the {key} page")


async def open_wizard(qtbot, env) -> SetupDialog:
    dialog = SetupDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.current.key == "mode" and not dialog.next_button.isEnabled()
    return dialog


async def paste_token(qtbot, dialog: SetupDialog, text: str) -> None:
    page = dialog.page("token")
    page.field.setText(text)
    page._edited(text)
    click(qtbot, page.check_button)
    await wait_until(lambda: page.state.check is not None and not page._working, 10, "the token check")


async def through_store_to_finish(qtbot, dialog: SetupDialog, tmp_path: Path) -> None:
    store = dialog.page("store")
    await wait_until(lambda: store.store_box.count() > 0 and idle(dialog), 10, "the store list")
    assert store.store_box.currentData() == store.NEW and store.store_ext.text() == "KIOSCO1"
    assert store.pos_box.currentData() == store.NEW and store.pos_ext.text() == "CAJA1"
    # the POS external id is checked as Mercado Pago requires, before any call
    store.pos_ext.setText("CAJA-1")
    store._edited("")
    assert "letters and digits" in store.problem.text() and not dialog.next_button.isEnabled()
    store.pos_ext.setText("CAJA1")
    store._edited("")
    assert store.problem.text() == "" and dialog.next_button.isEnabled()
    await next_page(qtbot, dialog, "terminal")  # Next provisions the store and POS
    assert store.state.provisioned.created_pos and store.state.provisioned.pos.fixed_amount
    assert "Created the store" in store.result.text()
    await choose_the_virtual_terminal(dialog)
    await next_page(qtbot, dialog, "sticker")
    sticker = dialog.page("sticker")
    assert sticker.payload and sticker.payload.startswith("000201") and not sticker.preview.pixmap().isNull()
    pdf = sticker.save_pdf(tmp_path / "sticker.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    await next_page(qtbot, dialog, "printer")
    assert dialog.page("printer").printer_box.currentText().startswith("No printer")
    await next_page(qtbot, dialog, "pin")
    pin = dialog.page("pin")
    assert not dialog.next_button.isEnabled()
    pin.pin.setText("1234")
    pin.confirm.setText("1234")
    pin._edited("")
    assert "consecutive" in pin.problem.text() and not dialog.next_button.isEnabled()
    await set_pin_and_finish(qtbot, dialog)


async def choose_the_virtual_terminal(dialog: SetupDialog) -> None:
    """On the card terminal page: the account's terminals are listed ("No card terminal" first,
    this register's new POS's Point Smart next); nothing is chosen on an account (a register can
    have none), the virtual test terminal on the sandbox; pick Mercado Pago's virtual test terminal."""
    from qrcashier.mercadopago.point import VIRTUAL_TERMINAL
    from qrcashier.settings import Mode

    page = dialog.page("terminal")
    await wait_until(lambda: page.box.count() >= 3 and idle(dialog), 10, "the terminal list")
    first = VIRTUAL_TERMINAL if dialog.state.mode == Mode.SANDBOX else ""
    assert page.box.itemData(0) == "" and page.box.currentData() == first and dialog.next_button.isEnabled()
    assert "this register's POS" in page.box.itemText(1)
    page.box.setCurrentIndex(page.box.findData(VIRTUAL_TERMINAL))
    assert "PDV mode: the app sends" in page.mode_label.text() and not page.pdv_button.isVisibleTo(page)


async def set_pin_and_finish(qtbot, dialog) -> None:
    """On the PIN page: a good PIN, then the summary, then Finish (it saves)."""
    pin = dialog.page("pin")
    pin.pin.setText(PIN)
    pin.confirm.setText(PIN)
    pin._edited("")
    await next_page(qtbot, dialog, "done")
    click(qtbot, dialog.finish_button)
    await wait_until(lambda: dialog.future.done(), 10, "Finish")
    assert dialog.future.result() is True


def fill_address(store) -> None:
    """A real account's new store needs its address typed (no demo address there)."""
    for field, value in ((store.street, "Calle 7"), (store.number, "1234"), (store.city, "La Plata"),
                         (store.state_name, "Buenos Aires"), (store.lat, "-34.92"), (store.lng, "-57.95")):
        field.setText(value)
    store._edited("")


async def account_wizard(qtbot, env, token: str, tmp_path: Path) -> SetupDialog:
    """The whole account branch with `token`, to Finish."""
    dialog = await open_wizard(qtbot, env)
    click(qtbot, dialog.page("mode").account_button)
    await next_page(qtbot, dialog, "token")
    await paste_token(qtbot, dialog, token)
    await next_page(qtbot, dialog, "store")
    store = dialog.page("store")
    await wait_until(lambda: store.store_box.count() > 0 and idle(dialog), 10, "the store list")
    fill_address(store)
    await through_store_to_finish(qtbot, dialog, tmp_path)
    return dialog


async def settings_page(qtbot, env, settings, key: str):
    """Settings on a set-up register (store KIOSCO1, POS CAJA1), opened on page `key` and showing
    it: (dialog, page)."""
    settings.store_external_id, settings.pos_external_id = "KIOSCO1", "CAJA1"
    settings.setup_done = True
    dialog = await open_settings(None, env, None, page=key)
    qtbot.addWidget(dialog)
    page = dialog.page(key)
    dialog.nav.setCurrentRow(dialog.pages.index(page))
    return dialog, page
