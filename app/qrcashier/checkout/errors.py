"""Errors the checkout engine raises to its caller. Each has a one-sentence `user_message`.

Bad input (an empty cart, a negative price, text too long) is raised as the domain's
`InvalidCart` / `InvalidAmount` (both `ValueError`, their `str()` is the sentence), always
before any network call. Mercado Pago failures that reach the caller are the client's
typed errors (`qrcashier.mercadopago.MercadoPagoError`, with `user_message`).
"""

from __future__ import annotations


class CheckoutError(Exception):
    """Base class: the engine refused to do something; nothing was sent to Mercado Pago."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class NotReady(CheckoutError):
    """The start-up reconciliation has not finished: no new charge until it has."""


class RegisterBusy(CheckoutError):
    """Another sale's order is live on this register's QR."""

    def __init__(self, user_message: str, live_attempt_id: int) -> None:
        super().__init__(user_message)
        self.live_attempt_id = live_attempt_id


class NotChargeable(CheckoutError):
    """The sale is paid, discarded, or waiting for a supervisor's review."""


class UnknownRecord(CheckoutError):
    """No sale, attempt, payment or refund with that id in the journal."""


class RefundRefused(CheckoutError):
    """The refund asks for more than what was paid and not yet refunded, or is otherwise invalid."""


class JournalUnavailable(CheckoutError):
    """The journal file could not be read or written (disk full, file locked or damaged).

    Raised by `Journal.run` in place of SQLite's own error, so callers above checkout never
    handle a driver's exception; the original is its `__cause__`.
    """


class JournalVersionError(CheckoutError):
    """The journal file was written by a newer version of QR Cashier."""


class TillRefused(CheckoutError):
    """A till operation the state of the shift does not allow (no open shift, a second close,
    a live charge blocking the close, a difference that needs a supervisor)."""
