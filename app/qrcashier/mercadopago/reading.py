"""Reading Mercado Pago's JSON strictly where the app relies on it: a missing or malformed id,
status, amount or date raises MalformedResponse; informational fields read as None."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from qrcashier.mercadopago.errors import MalformedResponse


def read_obj(data: Any, what: str) -> dict:
    if not isinstance(data, dict):
        raise MalformedResponse(f"expected a JSON object for {what}, got {type(data).__name__}")
    return data


def read_key(d: dict, key: str, what: str) -> Any:
    if key not in d or d[key] is None:
        raise MalformedResponse(f"{what} has no {key!r}")
    return d[key]


def read_int(value: Any, what: str) -> int:
    if isinstance(value, bool):
        raise MalformedResponse(f"{what} is not an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    raise MalformedResponse(f"{what} is not an integer: {value!r}")


def read_money(value: Any, what: str) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise MalformedResponse(f"{what} is not an amount")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise MalformedResponse(f"{what} is not an amount: {value!r}") from None
    if not amount.is_finite():
        raise MalformedResponse(f"{what} is not a finite amount")
    return amount


def read_opt_money(value: Any, what: str) -> Decimal:
    return Decimal(0) if value is None else read_money(value, what)


def read_opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def format_expiration(when: datetime) -> str:
    """ISO-8601 with milliseconds and offset, as the v2 order's expiration_date wants."""
    if when.tzinfo is None:
        raise ValueError("an expiration date needs a time zone")
    return when.isoformat(timespec="milliseconds")  # e.g. 2023-08-22T16:34:56.559-04:00


def read_opt_time(value: Any) -> datetime | None:
    """An informational timestamp: None when absent or unreadable (the docs' samples abridge them as "…")."""
    if not value:
        return None
    try:
        return read_time(value)
    except MalformedResponse:
        return None


def read_time(value: Any) -> datetime:
    if not isinstance(value, str):
        raise MalformedResponse(f"not a date: {value!r}")
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise MalformedResponse(f"not an ISO-8601 date: {value!r}") from None
