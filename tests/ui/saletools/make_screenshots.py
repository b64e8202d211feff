"""Save docs/screenshots/saletools-receipt.png (a discounted receipt with IVA by rate) and
docs/screenshots/saletools-parked.png (the parked-sales list), in Spanish.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.ui.saletools.make_screenshots

Not a test: the README's pictures. Works offscreen too (QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from qrcashier.checkout.journal.parked_store import ParkedCart
from qrcashier.domain.cart import Cart
from qrcashier.domain.discount import Discount
from qrcashier.domain.money import site
from qrcashier.domain.receipt import ReceiptTender, StoreHeader, build_receipt
from qrcashier.domain.sale import Sale

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
MLA = site("MLA")
NOW = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)


def discounted_cart() -> Cart:
    cart = Cart(MLA)
    cart.add("Coca-Cola Original 2,25 L", "3800", 2, vat_rate=Decimal(21))
    cart.add("Harina Pureza 000 1 kg", "1200", 3, vat_rate=Decimal("10.5"))
    cart.add("Yerba Mate Playadito 1 kg", "5600", 1, vat_rate=Decimal(21))
    cart.set_line_discount(1, Discount.create("percent", "10", "bolsa rota", MLA))
    cart.set_cart_discount(Discount.create("amount", "500", "cliente frecuente", MLA))
    return cart


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from qrcashier.ui.sale.receipt_view import ReceiptDialog
    from qrcashier.ui.saletools.dialogs import ParkedListDialog
    from qrcashier.ui.shell import i18n, theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app)
    i18n.install(app, "es", site_locale="es_AR")
    cart = discounted_cart()
    sale = Sale(1, "1_demo", "CAJA1", "MLA", cart.lines, cart.total, "paid", NOW)
    issued = SimpleNamespace(kind="original", issued_at=NOW, operator="Ana")
    receipt = build_receipt(sale, issued, [], StoreHeader("Kiosco La Esquina", "CAJA1", MLA),
                            tenders=[ReceiptTender("qr", cart.total)], number="00001-00000042")
    dialog = ReceiptDialog(receipt)
    dialog.resize(520, 900)
    dialog.show()
    parked = [
        ParkedCart(1, "CAJA1", 1, "vuelve con la billetera", cart.lines, cart.total, 1, NOW - timedelta(minutes=12),
                   "Ana", "parked"),
        ParkedCart(2, "CAJA1", 2, "mesa 3", cart.lines[:1], cart.lines[0].total(MLA), 1, NOW - timedelta(minutes=3),
                   "Ana", "parked"),
    ]
    listing = ParkedListDialog(parked, MLA)
    listing.resize(620, 320)
    listing.show()
    for _ in range(5):
        app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(OUT / "saletools-receipt.png"))
    listing.grab().save(str(OUT / "saletools-parked.png"))
    print(receipt.to_text())


if __name__ == "__main__":
    main()
