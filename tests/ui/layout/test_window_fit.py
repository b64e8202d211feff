"""The cashier's window and every dialog of the sale, the till and the sale tools at 1280 x 720 and
1024 x 768, in en, es and pt_BR (issue 14.5): each dialog's size hint fits the screen, and no button's
or label's text is clipped (tests/ui/layout/fit.py: font metrics against geometry)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from qrcashier.checkout.journal.parked_store import ParkedCart
from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import ReceiptTender, StoreHeader, build_receipt
from qrcashier.domain.sale import Sale
from tests.ui.conftest import running_app
from tests.ui.layout.fit import clipped_texts
from tests.ui.layout.test_fit import DESKTOP, LANGUAGES, SCREENS, fit_on, settled, the_app_in
from tests.ui.saletools.make_screenshots import discounted_cart

MLA = SITES["MLA"]
NOW = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)


def _receipt():
    from types import SimpleNamespace

    cart = discounted_cart()
    sale = Sale(1, "1_demo", "CAJA1", "MLA", cart.lines, cart.total, "paid", NOW)
    issued = SimpleNamespace(kind="original", issued_at=NOW, operator="Ana")
    return build_receipt(sale, issued, [], StoreHeader("Kiosco La Esquina", "CAJA1", MLA),
                         tenders=[ReceiptTender("qr", cart.total)], number="00001-00000042")


def dialogs():
    """(name, a function building the dialog): every dialog of ui/sale, ui/till and ui/saletools."""
    from qrcashier.catalog import Catalog
    from qrcashier.ui.sale.entry_dialogs import AmountDialog, FreeItemDialog, QuantityDialog, SearchDialog
    from qrcashier.ui.sale.receipt_view import ReceiptDialog
    from qrcashier.ui.saletools.dialogs import DiscountDialog, NoteDialog, ParkedListDialog, ReturnDialog
    from qrcashier.ui.till.dialogs import CashMoveDialog, CloseShiftDialog, OpenShiftDialog, SplitDialog, TenderDialog

    config = TillConfig.for_site(MLA, difference_threshold=Decimal("100"))
    cart = discounted_cart()
    sale = Sale(1, "1_demo", "CAJA1", "MLA", cart.lines, cart.total, "paid", NOW)
    parked = [ParkedCart(1, "CAJA1", 1, "vuelve con la billetera", cart.lines, cart.total, 1,
                         NOW - timedelta(minutes=12), "Ana", "parked")]
    catalog = Catalog.open(":memory:", MLA)
    catalog.load_demo_if_empty()
    return {
        "search": lambda: SearchDialog(catalog, MLA, "alf"),
        "free_item": lambda: FreeItemDialog(MLA),
        "quantity": lambda: QuantityDialog("Coca-Cola Original 2,25 L", 2),
        "price": lambda: AmountDialog("Price", "New unit price", MLA, Decimal("3800")),
        "receipt": lambda: ReceiptDialog(_receipt()),
        "tender": lambda: TenderDialog(Decimal("49010"), MLA, config),
        "open_shift": lambda: OpenShiftDialog(MLA),
        "cash_out": lambda: CashMoveDialog("out", MLA, config),
        "close_shift": lambda: CloseShiftDialog(Decimal("49010"), MLA, config),
        "split": lambda: SplitDialog(Decimal("49010"), MLA, config),
        "park_note": lambda: NoteDialog(),
        "discount": lambda: DiscountDialog(MLA, "Harina Pureza 000 1 kg"),
        "parked": lambda: ParkedListDialog(parked, MLA),
        "return": lambda: ReturnDialog(sale, {}, MLA),
    }


NAMES = list(dialogs())


@pytest.mark.qt_async
@pytest.mark.asyncio
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_sale_till_and_tools_dialog_fits(qtbot, language, screen):
    width, height = SCREENS[screen]
    problems = []
    with the_app_in(language):
        for name, build in dialogs().items():
            dialog = build()
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # the till's: kept for qtbot
            qtbot.addWidget(dialog)
            hint = dialog.sizeHint().expandedTo(dialog.minimumSize())
            if hint.width() > width or hint.height() > height - DESKTOP:
                problems.append(f"{name}: needs {hint.width()}x{hint.height()}, the screen gives {width}x{height}")
            fit_on(dialog, screen)
            await settled(dialog)
            problems += [f"{name}: {p}" for p in clipped_texts(dialog)]
            hidden = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog) and not b.isVisible()]
            problems += [f"{name}: button {t!r} not visible" for t in hidden]
            dialog.close()
    assert not problems, "\n".join(problems)


@pytest.mark.qt_async
@pytest.mark.asyncio
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_cashier_window_fits_with_the_whole_f_key_bar(qtbot, tmp_path, token, language, screen):
    width, height = SCREENS[screen]
    with the_app_in(language):
        async with running_app(qtbot, tmp_path, token) as w:
            w.customer.hide()
            w.resize(width, height - DESKTOP)
            w._add("Coca-Cola Original 2,25 L", Decimal("3800"), 2)
            QApplication.processEvents()  # the status panel's texts for a sale in progress, then the layout
            await settled(w)
            bar = [w.commands[c.name].button for c in w.commands.bar_order()]
            assert len(bar) == 9 and all(b.isVisible() for b in bar)
            problems = clipped_texts(w)
    assert not problems, "\n".join(problems)
