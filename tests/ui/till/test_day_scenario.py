"""`qrcashier --self-test --scenario day` through the real window against the sandbox, with the
reports package's real PDF renderer; a spy on its parser records the Z report's dict."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qrcashier.reports import model
from qrcashier.ui.till.day_scenario import a_day


@pytest.fixture
def rendered(monkeypatch):
    seen: list[dict] = []
    real = model.parse_report

    def parse_report(report: dict):
        seen.append(report)
        return real(report)

    monkeypatch.setattr(model, "parse_report", parse_report)
    return seen


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_a_whole_day_ends_in_a_z_report_written_as_pdf(qtbot, tmp_path, rendered):
    from PySide6.QtWidgets import QApplication

    QApplication.instance().setQuitOnLastWindowClosed(False)
    summary = await a_day(tmp_path)
    assert summary.startswith("day: shift 1, 5 sales (QR, cash, parked+resumed") and "difference -10.00" in summary
    assert "Point card on terminal SBX0000001" in summary
    pdfs = list(tmp_path.glob("z-report-*-1.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
    (z,) = rendered  # the Z report the PDF was made from
    assert z["shift"]["kind"] == "Z" and z["cash_movements"] == [{"kind": "out", "amount": "500.00",
                                                                    "reason": "supplier"}]
    assert Decimal(z["tenders"]["cash"]["total"]) == Decimal("4800.00")  # 3800 in cash + 1000 of the split
    # the sale tools' sale: parked, resumed, the flour line 10 % off, two VAT rates (issue 17)
    tools_sale = next(s for s in z["sales"] if Decimal(s["discount"]) > 0)
    assert tools_sale["discount"] == "120.00" and [t["rate"] for t in tools_sale["taxes"]] == ["21", "10.5"]
    assert sum(Decimal(t["net"]) + Decimal(t["tax"]) for t in tools_sale["taxes"]) == Decimal(tools_sale["total"])
    assert [t["rate"] for t in z["shift"]["taxes"]] == ["21", "10.5"]
    # the card sale on the sandbox's Point terminal (issue 20): its own tender, outside the drawer
    assert z["tenders"]["point"] == {"count": 1, "total": "3800.00"}
    (card_sale,) = [s for s in z["sales"] if [t["kind"] for t in s["tenders"]] == ["point"]]
    assert card_sale["total"] == "3800.00"
    assert Decimal(z["shift"]["expected_cash"]) == Decimal("10000") + Decimal("4800") - Decimal("500")
