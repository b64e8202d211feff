"""The report as fixed-column text: 32 or 48 columns for a receipt printer (58 / 80 mm), and the
on-screen view. The hour chart is a row of '#' per hour, so any printer code page prints it."""

from __future__ import annotations

import textwrap

from qrcashier.reports.formatting import sections, title
from qrcashier.reports.labels import Labels
from qrcashier.reports.model import ShiftReport

PRINTER_WIDTHS = (32, 48)
SCREEN_WIDTH = 48


def _row(label: str, value: str, width: int) -> list[str]:
    """label left, value right; a label too long for the line wraps above the value."""
    if not value:
        return textwrap.wrap(label, width, subsequent_indent="  ") or [""]
    room = width - len(value) - 1
    if room >= len(label):
        return [label + " " * (width - len(label) - len(value)) + value]
    if room < 8:  # no sensible room beside the value: the label above, the value right-aligned below
        return [*textwrap.wrap(label, width), value.rjust(width)]
    lines = textwrap.wrap(label, room)
    return [*lines[:-1], lines[-1].ljust(room + 1) + value]


def _chart(report: ShiftReport, width: int) -> list[str]:
    buckets = report.sales_by_hour
    if not buckets:
        return []
    peak = max(b.count for b in buckets) or 1
    digits = len(str(peak))
    bar_room = width - 3 - digits - 1  # "HH " + bar + " " + count
    return [f"{b.hour} " + ("#" * round(b.count * bar_room / peak)).ljust(bar_room) + " " + str(b.count).rjust(digits)
            for b in buckets]


def render_text(report: ShiftReport, width: int = SCREEN_WIDTH) -> str:
    """Every section, label/value rows in `width` columns, with a rule between sections."""
    if width < 24:
        raise ValueError(f"a report needs at least 24 columns, not {width}")
    lines = [title(report).center(width).rstrip(), f"{Labels(report.site)['shift']} {report.shift.number}"
             .center(width).rstrip(), "=" * width]
    for heading, rows in sections(report):
        if heading:
            lines += ["-" * width, heading]
        for label, value in rows:
            lines += _row(label, value, width)
    lines += ["-" * width, Labels(report.site)["by_hour"], *_chart(report, width), "=" * width]
    return "\n".join(lines) + "\n"
