"""The till as the cashier sees it, without Qt: the tender form (amount received, quick notes,
"exact", the change), the close form (expected, counted, difference, whether a supervisor must
authorize) and the cash movement form. The dialogs in ui/till bind their widgets to these and
show `message` keys the UI translates; the engine does the work.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.money import InvalidAmount, Site, parse_amount
from qrcashier.domain.receipt import format_money
from qrcashier.domain.tender import TenderRefused, cash_tender, quick_amounts
from qrcashier.domain.till import difference, needs_authorization


class TillMessage(StrEnum):
    """What a form says under its field; the UI holds the translatable sentence for each key."""

    NONE = ""
    EMPTY = "empty"  # nothing typed yet
    INVALID = "invalid"  # not an amount the site accepts (the domain's reason follows)
    SHORT = "short"  # less than due
    OVER_CEILING = "over_ceiling"
    NEEDS_SUPERVISOR = "needs_supervisor"


@dataclass(frozen=True)
class TenderView:
    ok: bool
    received: Decimal | None
    change: Decimal | None
    change_text: str  # formatted, for the big label (empty when not computable)
    message: TillMessage
    detail: str = ""  # the domain's own reason, for INVALID


class TenderForm:
    """The cash tender dialog's state for `due` (the sale's total, or a split sale's cash part)."""

    def __init__(self, due: Decimal, site: Site, config: TillConfig) -> None:
        self.due, self.site, self.config = due, site, config
        self.view = self.update("")

    @property
    def due_text(self) -> str:
        return format_money(self.due, self.site)

    def quick(self) -> list[tuple[str, Decimal]]:
        """The quick buttons: (label, amount), "exact" not included (its own button)."""
        return [(format_money(a, self.site), a) for a in quick_amounts(self.due, self.config.quick_notes)
                if a != self.due][:6]

    def update(self, text: str | Decimal) -> TenderView:
        if isinstance(text, str) and not text.strip():
            self.view = TenderView(False, None, None, "", TillMessage.EMPTY)
            return self.view
        try:
            tender = cash_tender(self.due, text, self.site, ceiling=self.config.cash_ceiling)
        except TenderRefused as exc:
            key = TillMessage.OVER_CEILING if "limit" in str(exc) else TillMessage.SHORT
            self.view = TenderView(False, None, None, "", key, str(exc))
        except InvalidAmount as exc:
            self.view = TenderView(False, None, None, "", TillMessage.INVALID, str(exc))
        else:
            assert tender.change is not None
            self.view = TenderView(True, tender.received, tender.change, format_money(tender.change, self.site),
                                   TillMessage.NONE)
        return self.view

    def exact(self) -> TenderView:
        return self.update(self.due)


@dataclass(frozen=True)
class CountView:
    ok: bool
    counted: Decimal | None
    difference: Decimal | None
    difference_text: str
    needs_supervisor: bool
    message: TillMessage
    detail: str = ""


class CloseForm:
    """The close dialog: the expected cash, the count typed, the difference and whether it needs a PIN."""

    def __init__(self, expected: Decimal, site: Site, config: TillConfig) -> None:
        self.expected, self.site, self.config = expected, site, config
        self.view = self.update("")

    @property
    def expected_text(self) -> str:
        return format_money(self.expected, self.site)

    def update(self, text: str) -> CountView:
        if not text.strip():
            self.view = CountView(False, None, None, "", False, TillMessage.EMPTY)
            return self.view
        try:
            counted = parse_amount(text, self.site, allow_zero=True)
        except InvalidAmount as exc:
            self.view = CountView(False, None, None, "", False, TillMessage.INVALID, str(exc))
            return self.view
        diff = difference(counted, self.expected)
        over = needs_authorization(diff, self.config.difference_threshold)
        sign = "+" if diff > 0 else ""
        self.view = CountView(True, counted, diff, sign + format_money(diff, self.site), over,
                              TillMessage.NEEDS_SUPERVISOR if over else TillMessage.NONE)
        return self.view


class MovementForm:
    """Cash in / out: an amount and a reason; over the threshold, a supervisor."""

    def __init__(self, site: Site, config: TillConfig) -> None:
        self.site, self.config = site, config

    def check(self, text: str, reason: str) -> tuple[Decimal | None, TillMessage, str]:
        """(amount, message, detail): amount None when it cannot be recorded as typed."""
        try:
            amount = parse_amount(text, self.site)
        except InvalidAmount as exc:
            return None, TillMessage.INVALID, str(exc)
        if not reason.strip():
            return None, TillMessage.EMPTY, ""
        if amount > self.config.movement_threshold:
            return amount, TillMessage.NEEDS_SUPERVISOR, ""
        return amount, TillMessage.NONE, ""
