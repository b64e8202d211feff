"""The time zone a site's shops live in, for the dates a customer reads (a receipt's date). Pure Python.

Mercado Pago writes its classic dates in the site's local time with an offset and the Orders
API's in UTC; a receipt prints the moment of the payment in the site's zone (issue 14.3), the
same whatever zone the register's computer is set to. Each site has one zone here (its
capital's); when the system has no time zone database (a bare Windows) the zone's standard
offset stands in, which is exact for every site but Chile during its daylight saving time.
"""

from __future__ import annotations

from datetime import timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from qrcashier.domain.money import Site

SITE_ZONES: dict[str, tuple[str, timedelta]] = {
    "MLA": ("America/Argentina/Buenos_Aires", timedelta(hours=-3)),
    "MLB": ("America/Sao_Paulo", timedelta(hours=-3)),
    "MLM": ("America/Mexico_City", timedelta(hours=-6)),
    "MLC": ("America/Santiago", timedelta(hours=-4)),
    "MCO": ("America/Bogota", timedelta(hours=-5)),
    "MPE": ("America/Lima", timedelta(hours=-5)),
    "MLU": ("America/Montevideo", timedelta(hours=-3)),
}


@cache
def _zone(site_id: str) -> tzinfo:
    name, offset = SITE_ZONES.get(site_id, ("UTC", timedelta(0)))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # no time zone database on this system
        return timezone(offset, name)


def site_zone(site: Site) -> tzinfo:
    """The site's time zone (see the module docstring)."""
    return _zone(site.id)
