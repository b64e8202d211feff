"""ARCA's answers as typed errors: rejected (fix the data, do not retry) vs retryable (try later).

Every message is one sentence in Spanish, as the cashier reads it; none carries a token, a sign
or a key.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ArcaMessage:
    """One entry of ARCA's Errors/Err, Observaciones/Obs or Events/Evt: a code and its text."""

    code: int
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class ArcaError(Exception):
    """Base of every fiscal error. `retryable`: the same request may succeed later."""

    retryable = False

    def __init__(self, message: str, *, errors: tuple[ArcaMessage, ...] = (),
                 observations: tuple[ArcaMessage, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.errors = tuple(errors)
        self.observations = tuple(observations)

    @property
    def codes(self) -> tuple[int, ...]:
        return tuple(e.code for e in (*self.errors, *self.observations))


class ArcaUnavailable(ArcaError):
    """ARCA did not answer, answered too late, or answered 5xx: the invoice stays pending."""

    retryable = True


class ArcaRejected(ArcaError):
    """ARCA refused the request (Resultado R, or Errors): the data must change before a retry."""


class ArcaAuthError(ArcaError):
    """WSAA refused the login or WSFEv1 refused the ticket (certificate, key, CUIT, service)."""


class SequenceMismatch(ArcaRejected):
    """Error 10016: the number sent is not the next one to authorize (query, then renumber)."""


class CertificateError(ArcaError):
    """The shop's certificate or key cannot be used (unreadable, expired, not matching)."""


# Codes of WSFEv1 whose cause is on ARCA's side (internal errors): retry later.
RETRYABLE_CODES = frozenset({500, 501, 502})
# Ticket problems: log in again once, then give up.
AUTH_CODES = frozenset({600, 601, 602})
SEQUENCE_CODE = 10016

_SPANISH = {
    600: "ARCA no validó las credenciales del ticket de acceso: hay que volver a iniciar sesión.",
    601: "La CUIT configurada no está autorizada a facturar con este certificado.",
    602: "ARCA no encontró el comprobante consultado.",
    10016: "El número de comprobante no es el próximo a autorizar en ARCA.",
}


def cashier_message(errors: tuple[ArcaMessage, ...]) -> str:
    """One Spanish sentence for the cashier from ARCA's first error or observation."""
    if not errors:
        return "ARCA rechazó el comprobante sin indicar el motivo."
    first = errors[0]
    text = _SPANISH.get(first.code) or f"ARCA rechazó el comprobante ({first.code}): {first.message.strip()}"
    return text if text.endswith(".") else text + "."


def classify(errors: tuple[ArcaMessage, ...], observations: tuple[ArcaMessage, ...] = ()) -> ArcaError:
    """The typed error for an answer carrying Errors (or only Observaciones with Resultado R)."""
    codes = {e.code for e in errors}
    if codes & RETRYABLE_CODES:
        return ArcaUnavailable("ARCA tiene un error interno: la factura queda pendiente y se reintenta.",
                               errors=errors, observations=observations)
    if codes & AUTH_CODES - {602}:
        return ArcaAuthError(cashier_message(errors), errors=errors, observations=observations)
    if SEQUENCE_CODE in codes:
        return SequenceMismatch(cashier_message(errors), errors=errors, observations=observations)
    return ArcaRejected(cashier_message(errors or observations), errors=errors, observations=observations)
