"""The Orders API's error envelope: `{"errors": [{code, message, details}]}` (api §2)."""

from __future__ import annotations

from typing import Any

from qrcashier.sandbox.errors import ApiError


class OrdersError(ApiError):
    """An error in the Orders API's envelope."""

    def __init__(self, status: int, code: str, message: str, *details: str) -> None:
        super().__init__(status, code, message)
        self.details = list(details)

    def body(self) -> dict[str, Any]:
        return {"errors": [{"code": self.error, "message": self.message, "details": self.details}]}


def as_orders_error(exc: ApiError) -> OrdersError:
    """A classic-API refusal in the Orders API's words."""
    if isinstance(exc, OrdersError):
        return exc
    code = {401: "unauthorized"}.get(exc.status, exc.error)
    return OrdersError(exc.status, code, exc.message)
