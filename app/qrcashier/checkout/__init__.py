"""The checkout engine: journal (SQLite), charge / watch / cancel / refund / reconcile. No Qt.

    journal = await Journal.open(default_journal_path())   # the GUI passes AppDataLocation
    gateway = InstoreV2Gateway(client, config)
    engine = CheckoutEngine(journal, gateway, config)
    engine.subscribe(on_event)            # StateChanged, Countdown, Scanned, ... (events.py)
    await engine.start()                  # reconciles what an earlier run left live
    attempt = await engine.charge(cart)
"""

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
