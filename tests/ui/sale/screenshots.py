"""Regenerate docs/screenshots/{customer,receipt}*.png (offscreen; not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.sale.screenshots [OUTDIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from qrcashier.domain.money import SITES  # noqa: E402
from qrcashier.ui.sale.customer_window import CustomerWindow  # noqa: E402
from qrcashier.ui.sale.receipt_view import ReceiptDialog  # noqa: E402
from qrcashier.ui.shell import theme  # noqa: E402
from tests.support.samples import STATIC_AR, sample_receipt  # noqa: E402


def main(out: Path) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv)
    theme.apply(app)
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def save(widget, name: str) -> None:
        app.processEvents()
        path = out / name
        widget.grab().save(str(path))
        saved.append(path)

    from decimal import Decimal

    cw = CustomerWindow()
    cw.set_store_name("Almacén Don Pepe")
    cw.set_static_qr(STATIC_AR)
    cw.set_phone_url("http://127.0.0.1:8765/sandbox/phone?pos=CAJA1")
    cw.resize(1024, 768)
    cw.show()
    save(cw, "customer-idle.png")
    cw.show_charge(Decimal("12345.50"), SITES["MLA"])
    cw.set_countdown(272)
    save(cw, "customer-waiting.png")
    cw.set_state("rejected", "Fondos insuficientes")
    save(cw, "customer-rejected.png")
    cw.set_state("paid")
    save(cw, "customer-paid.png")
    cw.set_state("expired")
    save(cw, "customer-expired.png")
    cw.show_charge(Decimal("89.90"), SITES["MLB"])
    cw.set_countdown(25)
    cw.set_phone_url(None)
    cw.resize(1920, 1080)
    save(cw, "customer-waiting-brl-1080p.png")
    cw.close()

    dlg = ReceiptDialog(sample_receipt(copy=True))
    dlg.show()
    save(dlg, "receipt.png")
    dlg.close()
    return saved


if __name__ == "__main__":
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(p)
