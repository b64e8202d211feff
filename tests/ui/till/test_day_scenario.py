"""`qrcashier --self-test --scenario day` through the real window against the sandbox. The PDF
renderer is the reports package's (merged separately); here a stand-in records the Z report."""

from __future__ import annotations

import sys
import types
from decimal import Decimal

import pytest

from qrcashier.ui.till.day_scenario import a_day


@pytest.fixture
def rendered(monkeypatch):
    seen: list[dict] = []
    if "qrcashier.reports.pdf" not in sys.modules:
        module = types.ModuleType("qrcashier.reports.pdf")

        def render_pdf(report: dict) -> bytes:
            seen.append(report)
            return b"%PDF-1.4 stand-in"

        module.render_pdf = render_pdf
        package = sys.modules.get("qrcashier.reports") or types.ModuleType("qrcashier.reports")
        monkeypatch.setitem(sys.modules, "qrcashier.reports", package)
        monkeypatch.setitem(sys.modules, "qrcashier.reports.pdf", module)
    return seen


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_a_whole_day_ends_in_a_z_report_written_as_pdf(qtbot, tmp_path, rendered):
    from PySide6.QtWidgets import QApplication

    QApplication.instance().setQuitOnLastWindowClosed(False)
    summary = await a_day(tmp_path)
    assert summary.startswith("day: shift 1, 3 sales (QR, cash, split)") and "difference -10.00" in summary
    pdfs = list(tmp_path.glob("z-report-*-1.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
    if rendered:  # the stand-in saw the report
        (z,) = rendered
        assert z["shift"]["kind"] == "Z" and z["cash_movements"] == [{"kind": "out", "amount": "500.00",
                                                                        "reason": "supplier"}]
        assert Decimal(z["tenders"]["cash"]["total"]) == Decimal("4800.00")  # 3800 in cash + 1000 of the split
