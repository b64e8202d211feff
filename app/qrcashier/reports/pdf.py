"""The report as an A4 PDF: the sections, the sales-by-hour bar chart painted with rectangles,
and the list of sales, over as many pages as the shift needs, each page numbered."""

from __future__ import annotations

from qrcashier.domain.receipt import format_money
from qrcashier.reports.formatting import format_time, sections, title
from qrcashier.reports.labels import Labels
from qrcashier.reports.model import ShiftReport
from qrcashier.reports.pdf_writer import PdfDocument, text_width

LEFT, RIGHT, TOP, BOTTOM = 50.0, 545.0, 60.0, 790.0
ROW = 13.0
BAND = (0.88, 0.91, 0.95)
BAR = (0.0, 0.62, 0.89)  # Mercado Pago's light blue
GREY = (0.4, 0.4, 0.4)
CHART_HEIGHT = 120.0


def clip(text: str, width: float, size: float, bold: bool = False) -> str:
    """text, cut with an ellipsis where it would run past `width` points."""
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text + "…"


class _Layout:
    def __init__(self, doc: PdfDocument, header: str) -> None:
        self.doc, self.header, self.y = doc, header, TOP

    def page(self) -> None:
        self.doc.new_page()
        self.doc.text(LEFT, 35, self.header, 8, color=GREY)
        self.y = TOP

    def room(self, height: float) -> None:
        if not self.doc.pages or self.y + height > BOTTOM:
            self.page()

    def heading(self, text: str) -> None:
        self.room(ROW * 3)
        self.y += 6
        self.doc.rect(LEFT, self.y, RIGHT - LEFT, ROW + 3, fill=BAND)
        self.doc.text(LEFT + 4, self.y + ROW - 1, text, 10, bold=True)
        self.y += ROW + 6

    def row(self, label: str, value: str, *, bold: bool = False) -> None:
        self.room(ROW)
        self.y += ROW
        label = clip(label, RIGHT - LEFT - text_width(value, 9.5, bold) - 16, 9.5, bold)
        self.doc.text(LEFT + 4, self.y - 3, label, 9.5, bold=bold)
        if value:
            self.doc.text(RIGHT - 4, self.y - 3, value, 9.5, bold=bold, align="right")


def _chart(lay: _Layout, report: ShiftReport, lab: Labels) -> None:
    buckets = report.sales_by_hour
    lay.heading(lab["by_hour"])
    if not buckets:
        lay.row(lab["none"], "")
        return
    lay.room(CHART_HEIGHT + 40)
    doc, top = lay.doc, lay.y + 14
    peak = max(b.count for b in buckets) or 1
    slot = (RIGHT - LEFT) / max(len(buckets), 1)
    bar = min(slot * 0.7, 40.0)
    base = top + CHART_HEIGHT
    doc.line(LEFT, base, RIGHT, base, color=GREY)
    for i, b in enumerate(buckets):
        h = CHART_HEIGHT * b.count / peak
        x = LEFT + i * slot + (slot - bar) / 2
        if h:
            doc.rect(x, base - h, bar, h, fill=BAR)
        doc.text(x + bar / 2, base - h - 3, str(b.count), 7.5, align="center")
        doc.text(x + bar / 2, base + 10, f"{b.hour}h", 7.5, align="center", color=GREY)
    lay.y = base + 18


def _sale_list(lay: _Layout, report: ShiftReport, lab: Labels) -> None:
    if not report.sales:
        return
    lay.room(ROW * 8)  # never the list's heading alone at the foot of a page
    lay.heading(lab["sale_list"])
    columns = (LEFT + 4, LEFT + 90, LEFT + 125, RIGHT - 4)

    def header() -> None:
        lay.y += ROW
        for x, word in zip(columns[:3], (lab["receipt"], lab["time"], lab["tenders"]), strict=True):
            lay.doc.text(x, lay.y - 3, word, 8.5, bold=True)
        lay.doc.text(columns[3], lay.y - 3, lab["total"], 8.5, bold=True, align="right")

    header()
    for sale in report.sales:
        if lay.y + ROW > BOTTOM:
            lay.page()
            header()
        lay.y += ROW
        paid = sale.paid_at.strftime("%H:%M") if sale.paid_at else "-"
        tenders = " + ".join(f"{lab[t.kind]} {format_money(t.amount, report.site)}" for t in sale.tenders)
        if sale.api:
            tenders += f"  ({sale.api})"
        state = "" if sale.state == "paid" else f"  [{sale.state}]"
        amount = format_money(sale.total, report.site)
        room = columns[3] - text_width(amount, 8.5) - 12 - columns[2]
        for x, word in zip(columns[:3], (sale.receipt, paid, clip(tenders + state, room, 8.5)), strict=True):
            lay.doc.text(x, lay.y - 3, word, 8.5)
        lay.doc.text(columns[3], lay.y - 3, amount, 8.5, align="right")


def render_pdf(report: ShiftReport) -> bytes:
    lab, s = Labels(report.site), report.shift
    name = " · ".join(part for part in (title(report), f"{lab['shift']} {s.number}", s.register, s.store) if part)
    doc = PdfDocument(title=name)
    lay = _Layout(doc, name)
    lay.page()
    doc.text(LEFT, lay.y + 10, title(report), 20, bold=True)
    doc.text(RIGHT, lay.y + 10, f"{lab['shift']} {s.number}", 14, bold=True, align="right")
    lay.y += 22
    for heading, rows in sections(report):
        if heading:
            lay.heading(heading)
        bold_keys = (lab["total"], lab["difference"])
        for label, value in rows:
            lay.row(label, value, bold=label in bold_keys)
    _chart(lay, report, lab)
    _sale_list(lay, report, lab)
    total = len(doc.pages)
    stamp = format_time(s.closed_at or s.opened_at, lab.language)
    for number, page in enumerate(doc.pages, start=1):
        doc.text(RIGHT, 815, f"{lab['page']} {number} {lab['of']} {total}", 8, color=GREY, align="right", page=page)
        doc.text(LEFT, 815, stamp, 8, color=GREY, page=page)
    return doc.to_bytes()
