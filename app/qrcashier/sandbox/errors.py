"""Mercado Pago's error envelopes, and the exception the sandbox's rules raise to produce one.

Two shapes exist (mercadopago-api.md §8.1): the classic
`{"message", "error", "status", "causes": []}`, and the payments one, whose key is
`cause` (singular) and whose entries are `{"code", "description", "data"}`.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An HTTP error answer, raised anywhere below a handler and rendered by the middleware."""

    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        *,
        causes: list[dict[str, Any]] | None = None,
        payments: bool = False,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {error}: {message}")
        self.status = status
        self.error = error
        self.message = message
        self.causes = causes or []
        self.payments = payments
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        key = "cause" if self.payments else "causes"
        return {"message": self.message, "error": self.error, "status": self.status, key: self.causes}


def payments_error(status: int, error: str, message: str, code: int, data: str = "sandbox") -> ApiError:
    """An error in the payments envelope: `cause` with one `{code, description, data}`."""
    return ApiError(
        status,
        error,
        message,
        payments=True,
        causes=[{"code": code, "description": message, "data": data}],
    )


# The POS PUT spells a few codes differently from the POST (§5.2).
POS_PUT_CODES = {
    "INVALID_STORE_ID": "POS_INVALID_STORE_ID",
    "POS_EXTERNAL_STORE_ID_NOT_MATCH": "EXTERNAL_STORE_ID_NOT_MATCH",
}


def pos_error(code: str, message: str, *, update: bool = False, status: int = 400) -> ApiError:
    """A POS endpoint error: the upper-case code in `error` and in `causes[0].code`."""
    code = POS_PUT_CODES.get(code, code) if update else code
    return ApiError(status, code, message, causes=[{"code": code, "description": message}])


def bad_request(error: str, message: str) -> ApiError:
    return ApiError(400, error, message)


def not_found(error: str, message: str) -> ApiError:
    return ApiError(404, error, message)
