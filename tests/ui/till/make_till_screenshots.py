"""Save the till dialogs' pictures for the README under docs/screenshots/ (not a test).

    Xvfb :99 -screen 0 1366x768x24 &  DISPLAY=:99 .venv/bin/python -m tests.ui.till.make_till_screenshots

till-tender.png: the cash tender dialog with an amount typed and the change; till-close.png: the
close dialog counted by denomination, with the difference and a reason.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from qrcashier.checkout.till_config import TillConfig
    from qrcashier.domain.money import SITES
    from qrcashier.ui.shell import theme
    from qrcashier.ui.till.dialogs import CloseShiftDialog, TenderDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app)
    mla = SITES["MLA"]
    config = TillConfig.for_site(mla)
    OUT.mkdir(parents=True, exist_ok=True)

    tender = TenderDialog(Decimal("3801.50"), mla, config)
    tender.show()
    QTest.keyClicks(tender.received, "5.000")
    QTest.qWait(200)
    tender.grab().save(str(OUT / "till-tender.png"))
    tender.close()

    close = CloseShiftDialog(Decimal("49410"), mla, config)
    close.show()
    for value, pieces in ((Decimal("20000"), 2), (Decimal("2000"), 3), (Decimal("1000"), 1), (Decimal("500"), 3),
                          (Decimal("100"), 5), (Decimal("10"), 1)):
        close.grid.set_count(value, pieces)
    QTest.keyClicks(close.reason, "change given twice")
    QTest.qWait(200)
    close.adjustSize()
    QTest.qWait(100)
    close.grab().save(str(OUT / "till-close.png"))
    close.close()
    print(OUT / "till-tender.png", OUT / "till-close.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
