"""Mercado Pago notifications (IPN and webhooks): signature checks and an aiohttp receiver.

A notification is only ever a trigger for the engine to read Mercado Pago again now;
the poll is what the app relies on. Off by default; see README "Notifications".
"""

from qrcashier.notifications.receiver import NotificationReceiver, ReceiverStats
from qrcashier.notifications.signature import (
    InvalidSignature,
    SignatureVerifier,
    build_manifest,
    parse_signature_header,
    sign,
    signature_header,
    timestamp_seconds,
)

__all__ = [
    "InvalidSignature",
    "NotificationReceiver",
    "ReceiverStats",
    "SignatureVerifier",
    "build_manifest",
    "parse_signature_header",
    "sign",
    "signature_header",
    "timestamp_seconds",
]
