"""The store's day in the app (issue 19 item 5: "a supervisor on any register sees the same"):
per register and for the store, the paid sales, the totals by tender, the refunds, the cash
difference of the day's Z reports and the sales not yet reconciled.

It runs the very code of `qrcashier-admin store report` (store/report.build_report) through
`StoreAccess.report`, on a worker thread with a timeout: the window never waits for the store
server. While it runs the table keeps the last answer and a line says "Asking the store
server…"; when the server cannot be reached the line says so in red, with the reason, and the
table is emptied (an old answer shown as if current would mislead). Non-modal.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qrcashier.domain.money import Site
from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.supervisor.widgets import BAD_COLOUR, money

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")
log = logging.getLogger("qrcashier.ui.store")
REPORT_TIMEOUT_SECONDS = 20.0

KIND_TITLES = {
    "cash": lambda: translate("StoreReportDialog", "Cash"),
    "qr": lambda: translate("StoreReportDialog", "QR"),
    "point": lambda: translate("StoreReportDialog", "Card (Point)"),
}


def kind_title(kind: str) -> str:
    title = KIND_TITLES.get(kind)
    return title() if title is not None else kind


def _cash_difference(register: dict[str, Any]) -> Decimal:
    return sum((Decimal(s["difference"]) for s in register["shifts"] if s["difference"] is not None), Decimal(0))


def _refunds(register: dict[str, Any]) -> Decimal:
    return sum((Decimal(r["amount"]) for r in register["refunds"]), Decimal(0))


class StoreReportDialog(QDialog):
    """`StoreReportDialog(access, site, parent)`; `refresh()` returns the task asking the store."""

    def __init__(self, access: Any, site: Site, parent: QWidget | None = None, *,
                 timeout: float = REPORT_TIMEOUT_SECONDS) -> None:
        super().__init__(parent)
        self.access = access
        self.site = site
        self.timeout = timeout
        self.report: dict[str, Any] | None = None  # the last answer (tests and support read it)
        self.state = "idle"  # idle | asking | shown | down
        self._task: asyncio.Task | None = None
        self.setObjectName("store_report")
        self.setWindowTitle(translate("StoreReportDialog", "Store report"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("StoreReportDialog", "Day:")))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.refresh())
        top.addWidget(self.day)
        top.addStretch(1)
        self.refresh_button = QPushButton(translate("StoreReportDialog", "&Refresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.where = QLabel(fmt(translate("StoreReportDialog", "Store database: %1"), access.shown))
        self.where.setStyleSheet("color: #666;")
        layout.addWidget(self.where)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumSize(720, 220)
        layout.addWidget(self.table, 1)
        self.line = QLabel()
        self.line.setObjectName("store_report_line")
        self.line.setWordWrap(True)
        layout.addWidget(self.line)
        close = QPushButton(translate("StoreReportDialog", "Close"))
        close.setAutoDefault(False)  # Enter in the date field runs the report, never closes
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)

    def selected_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def refresh(self) -> asyncio.Task:
        """Ask the store for the selected day (a click while asking asks again)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = asyncio.ensure_future(self._ask(self.selected_day()))
        return self._task

    async def _ask(self, day: date) -> None:
        from qrcashier.store.access import StoreUnreachable

        self.state = "asking"
        self._say(translate("StoreReportDialog", "Asking the store server…"))
        try:
            report = await self.access.report(day, timeout=self.timeout)
        except StoreUnreachable as exc:
            self._down(str(exc))
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a store without the schema, a refused right: still one sentence
            log.exception("the store report failed")
            self._down(f"{type(exc).__name__}: {exc}".splitlines()[0])
            return
        self.report = report
        self.state = "shown"
        self._fill(report)
        store = report["store"]
        self._say(fmt(translate("StoreReportDialog", "%1: %2 sales in the store, %3 registers."), report["date"],
                      store["sales"], len(report["registers"])))

    def _down(self, reason: str) -> None:
        self.report = None
        self.state = "down"
        self.table.setRowCount(0)
        self._say(fmt(translate("StoreReportDialog",
                                "The store server cannot be reached, so there is no store report now "
                                "(this register keeps selling): %1"), reason), bad=True)

    def _say(self, text: str, *, bad: bool = False) -> None:
        self.line.setText(text)
        self.line.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;" if bad else "")

    def _fill(self, report: dict[str, Any]) -> None:
        kinds = sorted(report["store"]["totals"]) or ["cash", "qr"]
        headers = [translate("StoreReportDialog", "Register"), translate("StoreReportDialog", "Sales"),
                   *(kind_title(k) for k in kinds), translate("StoreReportDialog", "Refunds"),
                   translate("StoreReportDialog", "Cash difference (Z)"),
                   translate("StoreReportDialog", "Not reconciled")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        registers = report["registers"]
        self.table.setRowCount(len(registers) + 1)
        for row, r in enumerate(registers):
            self._row(row, r["register"], r["sales"], [r["totals"].get(k, "0") for k in kinds], _refunds(r),
                      _cash_difference(r), r["unreconciled"])
        s = report["store"]
        store_refunds = sum((_refunds(r) for r in registers), Decimal(0))
        self._row(len(registers), translate("StoreReportDialog", "Store"), s["sales"],
                  [s["totals"].get(k, "0") for k in kinds], store_refunds, Decimal(s["cash_difference"]),
                  s["unreconciled"], bold=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def _row(self, row: int, name: str, sales: int, totals: list[str], refunds: Decimal, difference: Decimal,
             unreconciled: int, *, bold: bool = False) -> None:
        cells = [name, str(sales), *(money(Decimal(t), self.site) for t in totals), money(refunds, self.site),
                 money(difference, self.site), str(unreconciled)]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().closeEvent(event)
