"""A register's till settings: its point-of-sale number, the thresholds that need a supervisor,
the ceiling on cash received, and the site's quick-cash notes. Qt-free; the settings layer
builds one (`TillConfig.for_site`) and the engine takes it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from qrcashier.domain.money import Site

# The notes a cashier is most often handed, per Mercado Pago site (quick buttons on the tender dialog).
QUICK_NOTES: dict[str, tuple[int, ...]] = {
    "MLA": (1000, 2000, 10000, 20000),
    "MLB": (10, 20, 50, 100, 200),
    "MLM": (50, 100, 200, 500, 1000),
    "MLC": (1000, 2000, 5000, 10000, 20000),
    "MCO": (2000, 5000, 10000, 20000, 50000, 100000),
    "MPE": (10, 20, 50, 100, 200),
    "MLU": (100, 200, 500, 1000, 2000),
}
# Amounts in each site's currency, about the same value (roughly 10 US dollars), for the thresholds.
UNIT: dict[str, Decimal] = {
    "MLA": Decimal(10000), "MLB": Decimal(50), "MLM": Decimal(200), "MLC": Decimal(10000),
    "MCO": Decimal(40000), "MPE": Decimal(40), "MLU": Decimal(400),
}


@dataclass(frozen=True)
class TillConfig:
    pos_number: int = 1  # printed as the PPPPP in PPPPP-NNNNNNNN
    difference_threshold: Decimal = Decimal(0)  # a close off by more needs a supervisor and a reason
    movement_threshold: Decimal = Decimal(0)  # a cash in/out above this needs a supervisor
    cash_ceiling: Decimal = Decimal(999999999)  # cash received above this is a typo
    quick_notes: tuple[Decimal, ...] = field(default_factory=tuple)
    require_shift: bool = True  # charging (QR too) is refused until a shift is open

    def __post_init__(self) -> None:
        if isinstance(self.pos_number, bool) or not 1 <= self.pos_number <= 99999:
            raise ValueError("the point-of-sale number is 1 to 99999")
        if min(self.difference_threshold, self.movement_threshold) < 0 or self.cash_ceiling <= 0:
            raise ValueError("the till's thresholds cannot be negative and the ceiling is positive")

    @classmethod
    def for_site(cls, site: Site, **overrides: object) -> TillConfig:
        """Defaults in the site's currency: a difference of one unit, a movement of ten, a ceiling of a thousand."""
        unit = UNIT.get(site.id, Decimal(10))
        values: dict[str, object] = {
            "difference_threshold": unit,
            "movement_threshold": unit * 10,
            "cash_ceiling": unit * 1000,
            "quick_notes": tuple(Decimal(n) for n in QUICK_NOTES.get(site.id, ())),
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    @classmethod
    def for_register(cls, site: Site, pos_number: int = 1, configured: TillConfig | None = None) -> TillConfig:
        """The one place a register's till is built, from what the settings and the command line
        gave: `configured` (the till's thresholds; None: no till, so the site's defaults and no
        shift needed to charge by QR) with this register's point-of-sale number (`--register
        NAME`'s trailing number, or the settings' register). The default number (1) leaves a
        configured till's own number alone."""
        till = configured if configured is not None else cls.for_site(site, require_shift=False)
        if pos_number != 1 and till.pos_number != pos_number:
            till = replace(till, pos_number=pos_number)
        return till
