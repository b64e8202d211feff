"""Time for the sandbox: an injectable clock and Mercado Pago's date formats.

Classic APIs (merchant_orders, payments, POS) write local time with milliseconds and an
offset ("2025-12-09T13:20:17.000-03:00"); stores write UTC with a "Z". Tests freeze the
clock and move it forward to expire orders without sleeping; `POST /sandbox/clock/advance`
does the same for a running sandbox.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

# The offset each site's dates are written in (fixed: the sandbox ignores daylight saving).
SITE_OFFSETS: dict[str, timedelta] = {
    "MLA": timedelta(hours=-3),
    "MLB": timedelta(hours=-3),
    "MLM": timedelta(hours=-6),
    "MLC": timedelta(hours=-4),
    "MCO": timedelta(hours=-5),
    "MPE": timedelta(hours=-5),
    "MLU": timedelta(hours=-3),
}


class Clock:
    """The sandbox's notion of now: wall time (or a frozen start) plus an adjustable offset."""

    def __init__(self, start: datetime | None = None) -> None:
        if start is not None and start.tzinfo is None:
            raise ValueError("the clock's start must carry a timezone")
        self._frozen = start
        self._offset = timedelta(0)

    def now(self) -> datetime:
        base = self._frozen if self._frozen is not None else datetime.now(UTC)
        return base + self._offset

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the sandbox clock only moves forward")
        self._offset += timedelta(seconds=seconds)


def local_date(moment: datetime, site_id: str) -> str:
    """`2025-12-09T13:20:17.000-03:00`: the classic APIs' format."""
    tz = timezone(SITE_OFFSETS.get(site_id, timedelta(hours=-4)))
    return moment.astimezone(tz).isoformat(timespec="milliseconds")


def utc_date(moment: datetime) -> str:
    """`2025-10-31T16:09:36.615Z`: the stores API's format."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_date(text: str) -> datetime | None:
    """An ISO-8601 date with an offset, or None when it is not one (naive dates are refused)."""
    if not isinstance(text, str) or "T" not in text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
