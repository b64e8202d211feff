"""Conversions between journal rows and Python values (times, money, JSON, records)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from qrcashier.checkout.journal.records import PaymentRecord, ReceiptRecord, RefundRecord
from qrcashier.domain.sale import Attempt, AttemptState, FailureKind


def to_ts(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("journal times carry a time zone")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_ts(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def money_text(value: Decimal) -> str:
    return str(value)


def to_json(value: Any) -> str:
    return json.dumps(value, default=_json_default, sort_keys=True, separators=(",", ":"))


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return {k: getattr(value, k) for k in value.__dataclass_fields__}
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def attempt_from_row(row: sqlite3.Row) -> Attempt:
    return Attempt(
        id=row["id"], sale_id=row["sale_id"], number=row["number"], register_id=row["register_id"],
        reference=row["reference"], idempotency_key=row["idempotency_key"], gateway=row["gateway"],
        total=Decimal(row["total"]), state=AttemptState(row["state"]), created_at=from_ts(row["created_at"]),  # type: ignore[arg-type]
        updated_at=from_ts(row["updated_at"]), expires_at=from_ts(row["expires_at"]), message=row["message"],  # type: ignore[arg-type]
        gateway_order_id=row["gateway_order_id"], qr_data=row["qr_data"], review=row["review"],
        failure=None if row["failure"] is None else FailureKind(row["failure"]),
    )


def payment_from_row(row: sqlite3.Row) -> PaymentRecord:
    return PaymentRecord(
        row["id"], row["mp_payment_id"], row["attempt_id"], row["merchant_order_id"], Decimal(row["amount"]),
        row["status"], row["status_detail"], from_ts(row["recorded_at"]),  # type: ignore[arg-type]
        from_ts(row["approved_at"]),
    )


def refund_from_row(row: sqlite3.Row) -> RefundRecord:
    return RefundRecord(
        row["id"], row["payment_id"], row["mp_payment_id"], Decimal(row["amount"]), bool(row["full"]),
        row["idempotency_key"], row["state"], row["mp_refund_id"], row["message"], row["supervisor"], row["reason"],
        from_ts(row["created_at"]), from_ts(row["updated_at"]),  # type: ignore[arg-type]
    )


def receipt_from_row(row: sqlite3.Row) -> ReceiptRecord:
    return ReceiptRecord(
        row["id"], row["attempt_id"], row["sale_id"], row["kind"], from_ts(row["issued_at"]),  # type: ignore[arg-type]
        from_ts(row["printed_at"]), row["operator"],
    )
