"""Typed errors for every way a Mercado Pago call can fail.

Each carries the HTTP status, Mercado Pago's error code and message when it
sent one, and a one-sentence `user_message` the cashier or installer can act
on. None of them ever holds the access token.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cause:
    code: str
    description: str


class MercadoPagoError(Exception):
    """Base class. `retryable` says whether repeating the same request may succeed."""

    retryable = False
    default_user_message = "Mercado Pago could not complete the request."

    def __init__(
        self,
        message: str = "",
        *,
        status: int | None = None,
        code: str | None = None,
        causes: tuple[Cause, ...] = (),
        method: str = "",
        path: str = "",
    ) -> None:
        self.status = status
        self.code = code
        self.mp_message = message
        self.causes = causes
        self.method = method
        self.path = path
        super().__init__(self._describe())

    def _describe(self) -> str:
        where = f"{self.method} {self.path}".strip()
        parts = [type(self).__name__]
        if self.status:
            parts.append(str(self.status))
        if self.code:
            parts.append(self.code)
        text = " ".join(parts)
        if self.mp_message:
            text += f": {self.mp_message}"
        if where:
            text += f" ({where})"
        return text

    @property
    def user_message(self) -> str:
        return self.default_user_message


class BadRequest(MercadoPagoError):
    default_user_message = "Mercado Pago rejected the request as invalid."

    @property
    def user_message(self) -> str:
        detail = self.mp_message or self.code
        return f"Mercado Pago rejected the request: {detail}." if detail else self.default_user_message


class Unauthorized(MercadoPagoError):
    default_user_message = (
        "The access token was refused (401). It may be wrong, revoked or expired: "
        "ask a supervisor to enter a valid token in Settings."
    )


class TokenMissing(Unauthorized):
    """A supervisor removed the access token: the request was not sent."""

    default_user_message = "There is no access token on this computer: ask a supervisor to enter one in Settings."


class Forbidden(MercadoPagoError):
    default_user_message = (
        "This Mercado Pago account is not allowed to do this (403): check that the QR "
        "product is enabled and that the token belongs to this store's account."
    )


class NotFound(MercadoPagoError):
    default_user_message = "Mercado Pago does not know this resource (404)."

    @property
    def user_message(self) -> str:
        if self.code == "pos_obtainment_error":
            return (
                "Mercado Pago does not know this register's POS (404): check the store "
                "and POS ids in Settings (the POS external id, not its number)."
            )
        return self.default_user_message


class Conflict(MercadoPagoError):
    default_user_message = "Mercado Pago refused the request because it conflicts with an earlier one (409)."


class RateLimited(MercadoPagoError):
    retryable = True
    default_user_message = "Mercado Pago asked us to slow down (429); retrying shortly."

    def __init__(self, *args, retry_after: float | None = None, **kwargs) -> None:
        self.retry_after = retry_after
        super().__init__(*args, **kwargs)


class ServerError(MercadoPagoError):
    retryable = True
    default_user_message = "Mercado Pago is having trouble right now (server error); retrying shortly."


class Timeout(MercadoPagoError):
    """No answer in time. For a write, the outcome is unknown: reconcile, never assume."""

    retryable = True
    default_user_message = "Mercado Pago did not answer in time; checking again."


class Unreachable(MercadoPagoError):
    """No reply came back over the connection.

    `maybe_sent` is False when the request cannot have left this machine (the connect
    itself failed: DNS, refused, connect timeout), and True when the connection broke
    after the request went out, so Mercado Pago may have acted on it.
    """

    retryable = True
    default_user_message = "Cannot reach Mercado Pago: check the internet connection."

    def __init__(self, *args, maybe_sent: bool = True, **kwargs) -> None:
        self.maybe_sent = maybe_sent
        super().__init__(*args, **kwargs)


class MalformedResponse(MercadoPagoError):
    """Mercado Pago answered with something that is not the documented shape."""

    retryable = True
    default_user_message = "Mercado Pago sent an unreadable answer; checking again."


STATUS_ERRORS: dict[int, type[MercadoPagoError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    429: RateLimited,
}


def error_for_status(status: int) -> type[MercadoPagoError]:
    if status >= 500:
        return ServerError
    return STATUS_ERRORS.get(status, BadRequest if 400 <= status < 500 else MercadoPagoError)


@dataclass(frozen=True)
class ErrorBody:
    """The parts of an error reply, from either envelope."""

    message: str = ""
    code: str | None = None
    causes: tuple[Cause, ...] = field(default_factory=tuple)


def parse_error_body(payload: object) -> ErrorBody:
    """Read the classic `{message, error, status, cause|causes}` or the Orders `{errors: [...]}` envelope."""
    if not isinstance(payload, dict):
        return ErrorBody()
    errors = payload.get("errors")
    if isinstance(errors, list) and errors:
        first = errors[0] if isinstance(errors[0], dict) else {}
        causes = tuple(
            Cause(
                str(e.get("code", "")),
                "; ".join(str(d) for d in e.get("details") or []) or str(e.get("message", "")),
            )
            for e in errors
            if isinstance(e, dict)
        )
        return ErrorBody(str(first.get("message", "")), _opt_str(first.get("code")), causes)
    raw_causes = payload.get("causes", payload.get("cause")) or []
    if isinstance(raw_causes, dict):
        raw_causes = [raw_causes]
    causes = tuple(
        Cause(str(c.get("code", "")), str(c.get("description", c.get("message", ""))))
        for c in raw_causes
        if isinstance(c, dict)
    )
    code = payload.get("error")
    if isinstance(code, dict):  # the unattended contract nests {"error": {"type", "message"}}
        return ErrorBody(str(code.get("message", "")), _opt_str(code.get("type")), causes)
    return ErrorBody(str(payload.get("message", "")), _opt_str(code), causes)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)
