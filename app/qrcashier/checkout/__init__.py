"""The checkout engine: journal (SQLite), charge / watch / cancel / refund / reconcile. No Qt.

    journal = await Journal.open(default_journal_path())   # the GUI passes AppDataLocation
    gateway = InstoreV2Gateway(client, config)
    engine = CheckoutEngine(journal, gateway, config)
    engine.subscribe(on_event)            # StateChanged, Countdown, Scanned, ... (events.py)
    await engine.start()                  # reconciles what an earlier run left live
    attempt = await engine.charge(cart)
"""

# The names below load on first use (PEP 562), as in qrcashier.mercadopago: a light submodule
# (till_config, for the till's dialogs built with the main window) must not load the engine,
# the gateways, the Mercado Pago client and httpx before the first paint.

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "DEFAULT_ORDER_EXPIRY": "config",
    "AuditEntry": "journal",
    "CheckoutEngine": "engine",
    "CheckoutError": "errors",
    "Clock": "config",
    "Contact": "events",
    "Countdown": "events",
    "Event": "events",
    "Gateway": "gateway",
    "InstoreV2Gateway": "instore_v2",
    "Journal": "journal",
    "JournalDB": "journal",
    "JournalUnavailable": "errors",
    "JournalVersionError": "errors",
    "Lookup": "gateway",
    "NotChargeable": "errors",
    "NotDelivered": "gateway",
    "NotReady": "errors",
    "Notice": "events",
    "OutcomeUnknown": "gateway",
    "PaymentOrder": "gateway",
    "PaymentRecord": "journal",
    "PaymentRejected": "events",
    "PollPolicy": "config",
    "Published": "gateway",
    "ReceiptRecord": "journal",
    "ReceiptIssued": "events",
    "RefundChanged": "events",
    "RefundRecord": "journal",
    "RefundRefused": "errors",
    "RefundResult": "gateway",
    "RefundState": "journal",
    "RegisterBusy": "errors",
    "RegisterConfig": "config",
    "Scanned": "events",
    "StateChanged": "events",
    "SystemClock": "config",
    "TransitionRecord": "journal",
    "UnknownRecord": "errors",
    "JOURNAL_FILE": "journal",
    "default_journal_path": "journal",
}

__all__ = [
    "DEFAULT_ORDER_EXPIRY",
    "AuditEntry",
    "CheckoutEngine",
    "CheckoutError",
    "Clock",
    "Contact",
    "Countdown",
    "Event",
    "Gateway",
    "InstoreV2Gateway",
    "Journal",
    "JournalDB",
    "JournalUnavailable",
    "JournalVersionError",
    "Lookup",
    "NotChargeable",
    "NotDelivered",
    "NotReady",
    "Notice",
    "OutcomeUnknown",
    "PaymentOrder",
    "PaymentRecord",
    "PaymentRejected",
    "PollPolicy",
    "Published",
    "ReceiptRecord",
    "ReceiptIssued",
    "RefundChanged",
    "RefundRecord",
    "RefundRefused",
    "RefundResult",
    "RefundState",
    "RegisterBusy",
    "RegisterConfig",
    "Scanned",
    "StateChanged",
    "SystemClock",
    "TransitionRecord",
    "UnknownRecord",
    "JOURNAL_FILE",
    "default_journal_path",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this hook
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


if TYPE_CHECKING:
    from qrcashier.checkout.config import DEFAULT_ORDER_EXPIRY, Clock, PollPolicy, RegisterConfig, SystemClock
    from qrcashier.checkout.engine import CheckoutEngine
    from qrcashier.checkout.errors import (
        CheckoutError,
        JournalUnavailable,
        JournalVersionError,
        NotChargeable,
        NotReady,
        RefundRefused,
        RegisterBusy,
        UnknownRecord,
    )
    from qrcashier.checkout.events import (
        Contact,
        Countdown,
        Event,
        Notice,
        PaymentRejected,
        ReceiptIssued,
        RefundChanged,
        Scanned,
        StateChanged,
    )
    from qrcashier.checkout.gateway import (
        Gateway,
        Lookup,
        NotDelivered,
        OutcomeUnknown,
        PaymentOrder,
        Published,
        RefundResult,
    )
    from qrcashier.checkout.instore_v2 import InstoreV2Gateway
    from qrcashier.checkout.journal import (
        JOURNAL_FILE,
        AuditEntry,
        Journal,
        JournalDB,
        PaymentRecord,
        ReceiptRecord,
        RefundRecord,
        RefundState,
        TransitionRecord,
        default_journal_path,
    )
